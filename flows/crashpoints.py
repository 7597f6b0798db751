"""Named points where a test can kill the poll, to prove that a restart
neither loses nor doubles anything. ORDERLOOP_CRASH_AT=after_store makes the
process exit at once, like a power cut, when it reaches that point."""
import os

POINTS = ("after_parse", "after_store", "after_send", "before_file")


def crashpoint(name: str) -> None:
    if os.environ.get("ORDERLOOP_CRASH_AT") == name:
        os._exit(70)
