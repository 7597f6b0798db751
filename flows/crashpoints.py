"""Named points where a test can kill the poll, to prove that a restart
neither loses nor doubles anything. ORDERLOOP_CRASH_AT=after_store makes the
process exit at once, like a power cut, when it reaches that point.

POINTS are the steps of the intake flow, reached whatever the transports.
The two around the PDFs are reached when a stored mail waits for its PDF
(flows/outgoing.py): before_render, after the unit of work committed and
before any PDF is rendered; after_render, with the PDFs archived and the
finished mails' bodies written, before the store records them as ready.
The sending points are inside a send, reached only with that transport
(components.open_mailer hands `crashpoint` to the mailer):

- outbox_before_rename: the message is written and fsync'd in the outbox's
  tmp/ but not yet renamed into new/. The restart removes the temporary file
  and sends the message again: one file per Message-ID.
- outbox_after_rename: the message is in new/, the store does not know. The
  restart finds the file by its Message-ID and writes nothing.
- smtp_after_data: the SMTP server has answered 250 to the message's DATA,
  the sent-mail journal does not have its Message-ID yet. The restart sends
  it again: SMTP delivery here is at-least-once (see mail/journal.py).
"""
import os

POINTS = ("after_parse", "after_store", "before_render", "after_render", "after_send", "before_file")
OUTBOX_POINTS = ("outbox_before_rename", "outbox_after_rename")
# after_tracking: the carriers' answers are stored with the mails they cause, nothing sent yet (flows/tracking.py).
TRACKING_POINTS = ("after_tracking",)
SMTP_POINTS = ("smtp_after_data",)
ALL_POINTS = POINTS + OUTBOX_POINTS + SMTP_POINTS + TRACKING_POINTS


def crashpoint(name: str) -> None:
    if os.environ.get("ORDERLOOP_CRASH_AT") == name:
        os._exit(70)
