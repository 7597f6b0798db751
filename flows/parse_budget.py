"""Each incoming message parsed within a time and memory budget, enforced from
outside the parser.

The parsers are pure and never raise, but the standard library they stand on
has costs no parser can bound from inside (a 1 MB body labelled punycode took
61 s to decode, a 240 KB Content-Disposition 68 s to parse). So the intake
parses in a long-lived worker process, kept warm across messages and batches:

- the worker sets RLIMIT_AS to the memory budget (ORDERLOOP_PARSE_MEMORY_MB,
  512) and then only reads messages from a pipe, parses them and writes back
  the result as JSON;
- the time budget (ORDERLOOP_PARSE_SECONDS, 10) is CPU time, not wall time:
  before each message the worker sets its RLIMIT_CPU to what it has used so
  far plus the budget (rounded up to the next whole second, as the limit
  counts), and the kernel stops it with SIGXCPU once the message has had the
  budget's seconds of CPU. A loaded host that keeps the worker off the CPU
  therefore does not push a real order over the budget: waiting for a CPU
  costs the message nothing. The parent also waits at most WALL_FACTOR (3)
  times the budget, wall clock, for an answer, so that a worker that makes
  no progress at all (stopped, or blocked outside the CPU) cannot hold the
  intake either;
- a message that overruns comes back as "other" with a problem on the field
  "message", which the intake quarantines with the reason: "parse budget: took
  more than 10 s of CPU time", "parse budget: no answer in 30 s (wall clock)",
  "parse budget: needed more than 512 MB", or the worker's death; the worker
  is killed (or quits, after a MemoryError) and a fresh one serves the next
  message. A worker that dies otherwise is given the message once more
  before the message is blamed (the kernel's OOM killer may have picked it).
  So one message costs at most the budget's CPU time (rounded up to a whole
  second) and 3 times the budget of wall time, or two deaths of the worker.

The worker is a plain `python -P -c` child, not a multiprocessing process:
multiprocessing's spawn and forkserver start methods import the parent's
__main__ in the child, which for the `orderloop` command is flows.cli and with
it Prefect. This module imports nothing heavy at the top, so the worker holds
the parsers and pydantic and nothing else. A worker that cannot start at all is
the pipeline's trouble, not the message's: ParseWorkerUnavailable is an OSError,
so the intake task retries and the mail stays in the inbox.

`orderloop parse` and the tests call parsers.parse_email in-process; the
parser's own refusals (header caps, non-mail charsets) hold there too.
"""
from __future__ import annotations

import atexit
import math
import os
import re
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.settings import Settings
    from mail.base import IncomingMessage
    from parsers.result import ParseResult

__all__ = ["ParseWorker", "ParseWorkerUnavailable", "ParsedMessage", "parse_batch", "parse_within_budget",
           "shared_worker", "DEFAULT_TARGET"]

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TARGET = "parsers:parse_email"
START_SECONDS = 60  # for the worker to import the parsers, on a loaded machine
WALL_FACTOR = 3  # the wall-clock wait for an answer, in budgets of CPU time
_HEADER = struct.Struct(">Q")  # a frame: its length, then the bytes
_READY, _RESULT, _OUT_OF_MEMORY, _FAILED = b"S", b"R", b"M", b"E"  # the worker's frames start with one of these
_MESSAGE_ID = re.compile(rb"(?im)^message-id:[ \t]*(<[^<>\s]{1,250}>)")


class ParseWorkerUnavailable(OSError):
    """The parse worker could not be started: the pipeline's trouble, not a message's."""


class _Died(Exception):
    def __init__(self, what: str, signal_number: int | None = None):
        super().__init__(what)
        self.signal_number = signal_number


class ParseWorker:
    """A worker process that parses one message at a time within the budget:
    `seconds` of CPU time a message (and WALL_FACTOR times that of wall
    time), `memory_mb` of address space.

    `target` ("module:function", bytes → ParseResult) is what the worker
    runs; the tests point it at functions that sleep or allocate."""

    def __init__(self, seconds: float = 10, memory_mb: int = 512, target: str = DEFAULT_TARGET):
        self.seconds, self.memory_mb, self.target = float(seconds), int(memory_mb), target
        self.restarts = 0  # workers replaced after an overrun or a death
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._send_fd = self._receive_fd = -1
        self._owner = os.getpid()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None and self._owner == os.getpid() else None

    def parse(self, raw: bytes) -> ParseResult:
        """The parse of one message, or a result that quarantines it with the overrun."""
        with self._lock:
            for attempt in (1, 2):
                self._start()
                try:
                    return self._round_trip(bytes(raw))
                except _Died as died:
                    self._stop()
                    self.restarts += 1
                    if died.signal_number == signal.SIGXCPU:  # the kernel stopped it at the CPU budget
                        return _overrun(raw, f"took more than {self.seconds:g} s of CPU time")
                    if attempt == 2:
                        return _overrun(raw, f"the parser process died ({died}), twice")
            raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            self._stop()

    # -- the parent's side

    def _round_trip(self, raw: bytes) -> ParseResult:
        from parsers import OUT_OF_MEMORY
        from parsers.result import ParseResult

        deadline = time.monotonic() + WALL_FACTOR * self.seconds
        try:
            _write_frame(self._send_fd, raw)
        except OSError as exc:  # it died between messages (broken pipe), or at the CPU budget while reading
            raise self._death(exc) from exc
        try:
            frame = _read_frame(self._receive_fd, deadline)
        except TimeoutError:  # the CPU budget stops a parse that runs; this one did not (stopped, blocked, starved)
            self._stop()
            self.restarts += 1
            return _overrun(raw, f"no answer in {WALL_FACTOR * self.seconds:g} s (wall clock)")
        if frame is None:
            raise self._death(None)
        kind, payload = frame[:1], frame[1:]
        if kind == _RESULT:
            result = ParseResult.model_validate_json(payload)
            if any(p.field == "message" and p.detail == OUT_OF_MEMORY for p in result.problems):
                kind = _OUT_OF_MEMORY  # parse_email caught it; the worker quits all the same
            else:
                return result
        if kind == _OUT_OF_MEMORY:
            self._stop()
            self.restarts += 1
            return _overrun(raw, f"needed more than {self.memory_mb} MB")
        return _overrun(raw, f"unreadable message ({payload.decode('utf-8', 'replace')})", budget=False)

    def _death(self, exc: OSError | None) -> _Died:
        process, code = self._process, None
        if process is not None:
            try:
                code = process.wait(timeout=5)
            except subprocess.TimeoutExpired:  # it closed its pipe but lives on: not ours to wait for
                process.kill()
                code = process.wait()
        if code is not None and code < 0:
            try:
                return _Died(signal.Signals(-code).name, -code)
            except ValueError:
                return _Died(f"signal {-code}", -code)
        return _Died(f"exit status {code}" if exc is None else f"{type(exc).__name__}, exit status {code}")

    def _start(self) -> None:
        if self._owner != os.getpid():  # a forked copy: the parent's worker is not ours to use
            self._process, self._send_fd, self._receive_fd, self._owner = None, -1, -1, os.getpid()
        if self._process is not None and self._process.poll() is None:
            return
        self._stop()
        to_worker_r, to_worker_w = os.pipe()
        from_worker_r, from_worker_w = os.pipe()
        code = "import sys; sys.path.insert(0, sys.argv[1]); from flows.parse_budget import serve; serve(sys.argv[2:])"
        arguments = [str(to_worker_r), str(from_worker_w), str(self.memory_mb), self.target, repr(self.seconds)]
        environment = dict(os.environ, MALLOC_ARENA_MAX="2")  # one process, no threads: no arena per thread
        try:
            self._process = subprocess.Popen([sys.executable, "-P", "-c", code, str(ROOT), *arguments],
                                             pass_fds=(to_worker_r, from_worker_w), stdin=subprocess.DEVNULL,
                                             stdout=subprocess.DEVNULL, env=environment, cwd=ROOT)
        except OSError as exc:
            for fd in (to_worker_r, to_worker_w, from_worker_r, from_worker_w):
                os.close(fd)
            raise ParseWorkerUnavailable(f"parse worker: cannot start {sys.executable}: {exc}") from exc
        os.close(to_worker_r)
        os.close(from_worker_w)
        self._send_fd, self._receive_fd = to_worker_w, from_worker_r
        try:
            ready = _read_frame(self._receive_fd, time.monotonic() + START_SECONDS)
        except TimeoutError:
            ready = None
        if ready is None or ready[:1] != _READY:
            self._stop()
            detail = ready[1:].decode("utf-8", "replace") if ready else "no answer"
            raise ParseWorkerUnavailable(f"parse worker ({self.target}, {self.memory_mb} MB) did not start: {detail}")

    def _stop(self) -> None:
        if self._owner != os.getpid():
            return
        for fd in (self._send_fd, self._receive_fd):
            if fd >= 0:
                os.close(fd)
        self._send_fd = self._receive_fd = -1
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()


def _overrun(raw: bytes, what: str, *, budget: bool = True) -> ParseResult:
    """"other" with the reason on the field "message": the intake quarantines it.
    Only the Message-ID is read from the bytes (the parser is not trusted with them)."""
    from orders.model import Problem
    from parsers.result import Envelope, ParseResult

    head = bytes(raw[:256 * 1024])
    end = min((i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0), default=len(head))
    found = _MESSAGE_ID.search(head[:end])
    envelope = Envelope(message_id=found.group(1).decode("ascii", "replace") if found else None)
    detail = f"parse budget: {what}" if budget else what
    return ParseResult(kind="other", envelope=envelope,
                       problems=[Problem(field="message", code="invalid", detail=detail[:500])])


def _write_frame(fd: int, data: bytes) -> None:
    view = memoryview(_HEADER.pack(len(data)) + data) if len(data) < 65536 else None
    if view is None:
        _write_all(fd, memoryview(_HEADER.pack(len(data))))
        view = memoryview(data)
    _write_all(fd, view)


def _write_all(fd: int, view: memoryview) -> None:
    while view:
        view = view[os.write(fd, view):]


def _read_frame(fd: int, deadline: float | None) -> bytearray | None:
    """One frame; None at the end of the stream. TimeoutError past the deadline."""
    header = _read_exactly(fd, _HEADER.size, deadline)
    if header is None:
        return None
    return _read_exactly(fd, _HEADER.unpack(header)[0], deadline)


def _read_exactly(fd: int, size: int, deadline: float | None) -> bytearray | None:
    buffer = bytearray(size)
    view, got = memoryview(buffer), 0
    waiting = None
    if deadline is not None:
        waiting = select.poll()  # not select.select: a long-running process may hold fds past 1024
        waiting.register(fd, select.POLLIN)
    while got < size:
        if waiting is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not waiting.poll(left * 1000):
                raise TimeoutError
        count = os.readv(fd, [view[got:]])
        if count == 0:
            return None
        got += count
    return buffer


# -- the worker's side


def serve(arguments: list[str]) -> None:
    """The worker's loop: a message's bytes in, its ParseResult out as JSON, until the pipe closes."""
    receive_fd, send_fd, memory_mb, target = int(arguments[0]), int(arguments[1]), int(arguments[2]), arguments[3]
    seconds = float(arguments[4])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; the worker ends with its pipe
    try:
        import importlib
        import resource

        module, _, name = target.partition(":")
        parse = getattr(importlib.import_module(module), name)
        from parsers import OUT_OF_MEMORY

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGXCPU at the CPU budget would dump one
        cpu_budget = _cpu_budget(resource, seconds)
        cpu_budget()
    except Exception as exc:  # the parent reports it: the worker cannot start
        _write_frame(send_fd, _FAILED + f"{type(exc).__name__}: {exc}".encode("utf-8", "replace"))
        return
    try:
        _write_frame(send_fd, _READY)
        _serve_messages(receive_fd, send_fd, parse, OUT_OF_MEMORY, cpu_budget)
    except OSError:  # the parent is gone (a broken pipe): nothing to answer
        return


def _cpu_budget(resource, seconds: float):
    """A function that gives the next message `seconds` of this process's CPU
    time from now: RLIMIT_CPU's soft limit, in whole seconds, rounded up."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)

    def start() -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        soft = math.ceil(usage.ru_utime + usage.ru_stime + seconds)
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))

    return start


def _serve_messages(receive_fd: int, send_fd: int, parse, out_of_memory: str, cpu_budget) -> None:
    while True:
        result = None
        cpu_budget()  # reading the message, parsing it and writing the answer count; waiting for it does not
        try:
            raw = _read_frame(receive_fd, None)
            if raw is None:
                return  # the parent closed the pipe, or is gone
            result = parse(raw)
            del raw
            answer = _RESULT + result.model_dump_json().encode("utf-8")
        except MemoryError:
            raw = result = None  # free what can be freed, say so, and quit: the parent starts a new worker
            _write_frame(send_fd, _OUT_OF_MEMORY)
            return
        except OSError:
            raise  # the pipe: the worker is done
        except Exception as exc:  # parse_email never raises; a target under test may
            answer = _FAILED + f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")
        _write_frame(send_fd, answer)
        if answer[:1] == _RESULT and any(p.field == "message" and p.detail == out_of_memory for p in result.problems):
            return  # parse_email caught a MemoryError: this process's heap is not to be trusted further


# -- the intake's worker, one per process


_shared: ParseWorker | None = None
_shared_lock = threading.Lock()


def shared_worker(settings: Settings) -> ParseWorker:
    """The process's warm worker for the settings' budget (a new one if the budget changed)."""
    global _shared
    with _shared_lock:
        worker = _shared
        if worker is None or (worker.seconds, worker.memory_mb) != (float(settings.parse_seconds),
                                                                   int(settings.parse_memory_mb)):
            if worker is not None:
                worker.close()
            worker = _shared = ParseWorker(settings.parse_seconds, settings.parse_memory_mb)
        return worker


def parse_within_budget(raw: bytes, settings: Settings) -> ParseResult:
    """parsers.parse_email(raw) in the shared worker, within the settings' time and memory budget."""
    return shared_worker(settings).parse(raw)


@dataclass(frozen=True)
class ParsedMessage:
    """A message of the inbox with its parse, made before the store is locked."""
    uid: str
    raw: bytes
    parsed: ParseResult


def parse_batch(messages: Iterable[IncomingMessage], settings: Settings) -> list[ParsedMessage]:
    """Each message parsed within the budget, in order. The intake calls this
    before it opens the unit of work: a batch of slow messages must not hold
    the store's lock while they are parsed."""
    return [ParsedMessage(message.uid, message.raw, parse_within_budget(message.raw, settings))
            for message in messages]


@atexit.register
def _close_shared() -> None:
    if _shared is not None:
        _shared.close()
