"""Real mail servers for integration tests: Dovecot (IMAP + LMTP) and an
aiosmtpd SMTP server that can hand mail to Dovecot like a real MTA.

Both run on free loopback ports from a short temporary folder and need no
configuration of the machine beyond Debian's dovecot-imapd and dovecot-lmtpd.
"""
from __future__ import annotations

import itertools
import os
import shutil
import signal
import smtplib
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller

DOVECOT = Path("/usr/sbin/dovecot")
MAIL_UID = 65534  # nobody: Dovecot refuses to run mail processes as root
DOMAIN = "example.com"

_CONFIG = """\
protocols = imap lmtp
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = {uid}
mail_location = maildir:~/Maildir
postmaster_address = postmaster@{domain}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users/%u
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/users/%u
}}
service imap-login {{
  inet_listener imap {{
    port = {imap_port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {lmtp_port}
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(host: str, port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection((host, port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing answers on {host}:{port}") from None
            time.sleep(0.02)


@dataclass(frozen=True)
class Account:
    user: str  # a full address: LMTP delivers to it, IMAP logs in with it
    password: str


class Dovecot:
    """One Dovecot instance. `user`/`password` is the default account
    (orders@example.com); `new_account()` adds a fresh, empty one (Dovecot
    re-reads the users file when it changes), `reset()` empties the default."""

    host = "127.0.0.1"

    def __init__(self) -> None:
        if not DOVECOT.exists():
            raise RuntimeError(
                f"{DOVECOT} is missing: run the project's setup, which installs "
                "dovecot-imapd and dovecot-lmtpd (apt-get install dovecot-imapd dovecot-lmtpd)"
            )
        # A short path: Dovecot's socket paths under base_dir overflow
        # sockaddr_un ("File name too long") from a long temporary folder.
        self.dir = Path(tempfile.mkdtemp(prefix="ol", dir="/tmp"))
        self.dir.chmod(0o755)  # the auth process reads the users file as another user
        self.imap_port, self.lmtp_port = free_port(), free_port()
        self.user, self.password = f"orders@{DOMAIN}", "secret"
        self._serial = itertools.count(1)
        self._accounts: list[Account] = [Account(self.user, self.password)]

    def start(self) -> "Dovecot":
        (self.dir / "mail").mkdir()
        os.chown(self.dir / "mail", MAIL_UID, MAIL_UID)
        self._write_users()
        conf = self.dir / "dovecot.conf"
        conf.write_text(_CONFIG.format(
            d=self.dir, uid=MAIL_UID, domain=DOMAIN, imap_port=self.imap_port, lmtp_port=self.lmtp_port))
        # Never a pipe for stdout/stderr: the daemon inherits them, and a test
        # run whose output is piped would wait for it forever. A file is fine.
        errors = self.dir / "start.err"
        with errors.open("wb") as err:
            started = subprocess.run([str(DOVECOT), "-c", str(conf)],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        try:
            if started.returncode:
                raise RuntimeError(f"dovecot did not start: {errors.read_text(errors='replace')}")
            wait_for_port(self.host, self.imap_port)
            wait_for_port(self.host, self.lmtp_port)
            self._master_pid()  # written after the listeners open
        except (RuntimeError, TimeoutError) as exc:
            message = f"{exc}\nDovecot's log says:\n{self.log_text()}"
            self.stop()  # leave no daemon behind
            raise RuntimeError(message) from None
        return self

    def stop(self) -> None:
        try:
            pid = self._master_pid(timeout=1)
        except TimeoutError:
            pid = None  # never started
        if pid:
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 15
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
        shutil.rmtree(self.dir, ignore_errors=True)

    def _master_pid(self, timeout: float = 5) -> int:
        pid_file = self.dir / "run" / "master.pid"
        deadline = time.monotonic() + timeout
        while not (pid_file.exists() and pid_file.read_text().strip()):
            if time.monotonic() > deadline:
                raise TimeoutError(f"Dovecot wrote no {pid_file}")
            time.sleep(0.01)
        return int(pid_file.read_text().split()[0])

    def new_account(self, local_part: str = "user") -> Account:
        account = Account(f"{local_part}{next(self._serial)}@{DOMAIN}", "secret")
        self._accounts.append(account)
        self._write_users()
        return account

    def reset(self, user: str | None = None) -> None:
        """Remove an account's mail (all folders); Dovecot recreates an empty
        Maildir at the next login or delivery. Log out before calling this."""
        shutil.rmtree(self.dir / "mail" / (user or self.user), ignore_errors=True)

    def log_text(self) -> str:
        log = self.dir / "dovecot.log"
        return log.read_text(errors="replace") if log.exists() else ""

    def _write_users(self) -> None:
        # One users file per account (the path in the config holds %u): Dovecot
        # reloads a changed file only when its mtime second or size changes,
        # and a failed login meanwhile costs seconds of auth penalty.
        users = self.dir / "users"
        users.mkdir(exist_ok=True)
        for a in self._accounts:
            path = users / a.user
            if not path.exists():
                tmp = users / f".{a.user}.tmp"
                tmp.write_text(f"{a.user}:{{PLAIN}}{a.password}:{MAIL_UID}:{MAIL_UID}::{self.dir}/mail/{a.user}::\n")
                os.replace(tmp, path)  # auth may read it at any moment: never half-written


def _alive(pid: int) -> bool:
    # The daemonised master is not our child, so once it exits it stays a
    # zombie until init reaps it (seconds, in some containers): count that as gone.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class _Handler:
    messages: list[Received] = field(default_factory=list)
    lmtp: tuple[str, int] | None = None
    refused: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        if self.lmtp:
            _deliver_lmtp(self.lmtp, envelope.mail_from, envelope.rcpt_tos, envelope.original_content)
        return "250 OK"


def _deliver_lmtp(address: tuple[str, int], mail_from: str, rcpt_tos: list[str], content: bytes) -> None:
    # Blocking, but the test server handles one message at a time anyway.
    # Recipients Dovecot does not know (the customers) are refused by LMTP and
    # only kept in `messages`, like mail a real MTA would relay elsewhere.
    with smtplib.LMTP(*address) as lmtp:
        try:
            lmtp.sendmail(mail_from, rcpt_tos, content)
        except smtplib.SMTPRecipientsRefused:
            pass


class SmtpServer:
    """An SMTP server that keeps every envelope in `.messages`; after
    `deliver_to(host, lmtp_port)` it also delivers to those LMTP recipients."""

    host = "127.0.0.1"

    def __init__(self) -> None:
        self.port = free_port()
        self._handler = _Handler()
        self._controller = Controller(self._handler, hostname=self.host, port=self.port)

    @property
    def messages(self) -> list[Received]:
        return self._handler.messages

    def clear(self) -> None:
        self._handler.messages.clear()
        self._handler.refused.clear()

    def refuse(self, *addresses: str) -> None:
        """Answer RCPT TO for these addresses with a permanent 550."""
        self._handler.refused.update(a.lower() for a in addresses)

    def deliver_to(self, host: str | None, port: int | None = None) -> None:
        """Hand each message to Dovecot's LMTP port; `deliver_to(None)` stops."""
        self._handler.lmtp = (host, port) if host else None

    def start(self) -> "SmtpServer":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()


class PrefectServer:
    """`prefect server start` with the UI, on a free loopback port, its SQLite
    database in a temporary folder (the session's test harness serves no UI).
    With `database_url` (postgresql+asyncpg://user@host:port/db) the server keeps
    its runs in that PostgreSQL database instead, as a server for several workers does."""

    def __init__(self, database_url: str | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="prefect-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api_url = f"{self.url}/api"
        self.database_url = database_url
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> "PrefectServer":
        import sys
        import urllib.request

        env = dict(os.environ, PREFECT_HOME=str(self.folder), PREFECT_SERVER_ANALYTICS_ENABLED="false",
                   DO_NOT_TRACK="1", PREFECT_UI_API_URL=self.api_url)
        env.pop("PREFECT_API_URL", None)
        if self.database_url:
            env["PREFECT_SERVER_DATABASE_CONNECTION_URL"] = self.database_url
        self.process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, stdout=subprocess.DEVNULL, stderr=(self.folder / "server.log").open("wb"),
            start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
                self.stop()
                raise RuntimeError(f"the Prefect server on port {self.port} did not start:\n{log}")
            time.sleep(0.25)

    def api(self, path: str, body: dict | None = None, method: str = "POST"):
        """One call of the server's REST API (POST by default, as its /…/filter endpoints take)."""
        import httpx

        answer = httpx.request(method, f"{self.api_url}{path}", json=body if method != "GET" else None, timeout=10)
        answer.raise_for_status()
        return answer.json() if answer.content else None

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


CHROMIUM = Path("/usr/bin/chromium")


def browser_text(url: str, *, screenshot: Path | None = None, size: str = "1400,1000") -> str:
    """The text of a page as headless Chromium renders it (scripts run), optionally with a screenshot."""
    import html
    import re

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run the project's setup (bootstrap.sh installs chromium)")
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        # --virtual-time-budget: the page's scripts and its API calls run to completion before the dump.
        command = [str(CHROMIUM), "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   f"--window-size={size}", "--virtual-time-budget=15000", f"--user-data-dir={profile}"]
        if screenshot is not None:
            subprocess.run(command + [f"--screenshot={screenshot}", url], capture_output=True, timeout=120,
                           check=True)
        dom = subprocess.run(command + ["--dump-dom", url], capture_output=True, timeout=120, check=True).stdout
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", dom.decode("utf-8", "replace"), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


# Debian's postgresql: the newest major version installed (15 on bookworm).
PG_BIN = max(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name),
             default=Path("/usr/lib/postgresql/15/bin"))


class Postgres:
    """A throwaway PostgreSQL cluster from Debian's postgresql: initdb in a
    temporary folder, pg_ctl on a free loopback port, trust authentication
    for the role `orderloop`. Run as the `postgres` user when we are root
    (the server refuses to run as root). `durable=False` (the tests) turns
    fsync off; the benchmarks keep the defaults."""

    host = "127.0.0.1"

    def __init__(self, *, durable: bool = False) -> None:
        if not (PG_BIN / "pg_ctl").exists():
            raise RuntimeError(f"{PG_BIN}/pg_ctl is missing: run the project's setup (bootstrap.sh installs "
                               "postgresql)")
        self.durable = durable
        self.folder = Path(tempfile.mkdtemp(prefix="pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self._names = itertools.count(1)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://orderloop@{self.host}:{self.port}/{database}"

    def start(self) -> "Postgres":
        if self._as:
            shutil.chown(self.folder, "postgres")
        subprocess.run(self._as + [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "orderloop", "--auth=trust",
                                   "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                       check=True, capture_output=True)
        options = f"-p {self.port} -k {self.folder} -c listen_addresses={self.host} -c max_connections=200"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(self._as + [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"),
                                   "-o", options, "-w", "-t", "60", "start"], check=True, capture_output=True)
        return self

    def new_database(self, prefix: str = "orderloop") -> str:
        """A fresh, empty database; its URL."""
        import psycopg

        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(self._as + [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)
