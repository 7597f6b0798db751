"""Kuaidi100's real-time query API (实时快递查询, poll/query.do), or a service
that speaks it.

One query is an HTTP POST of three form fields: `customer` (the account),
`param` (JSON `{"com": carrier code, "num": tracking number, "phone": …}`) and
`sign`, the upper-case hex MD5 of param + key + customer. The key itself is
never sent.

A good answer is JSON with the overall `state` (0 在途, 1 揽收, 2 疑难, 3 签收,
4 退签, 5 派件, 6 退回, 14 拒签), `ischeck` and `data`, the carrier's events
newest first (`time`/`ftime`, `context`, and with richer answers `location` or
`areaName` and `status`/`statusCode`). A refusal is JSON with `result: false`,
a `returnCode` and a `message`: 500 查询无结果 (no such shipment, or not yet),
501/502 server errors, 503 验证签名失败, 601 key or account problems, 400 bad
request data.

`Kuaidi100.query` returns a `TrackingResult` or raises `TrackingError`; it never
lets an HTTP, JSON or key error through.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import httpx

from tracking import CarrierEvent, TrackingError, TrackingResult

__all__ = ["Kuaidi100", "sign", "MAX_ANSWER_BYTES", "MAX_EVENTS"]

SHANGHAI = ZoneInfo("Asia/Shanghai")  # carriers in China give local times without an offset
MAX_ANSWER_BYTES = 2 * 1024 * 1024  # a real answer is a few kB; more is not an answer
MAX_EVENTS = 500  # the newest are kept: they say where the shipment is now
_ERROR_KINDS = {"500": "unknown_number", "501": "unreachable", "502": "unreachable"}  # else rejected
# Richer answers name an event's state instead of giving its code.
_STATE_NAMES = {"在途": "0", "揽收": "1", "疑难": "2", "签收": "3", "退签": "4", "派件": "5", "退回": "6",
                "转投": "7", "清关": "8", "待清关": "10", "清关中": "11", "已清关": "12", "清关异常": "13",
                "拒签": "14"}
_ARRIVAL_FIELDS = ("arrivalTime", "predictedArrivalTime", "estimatedArrivalTime")
_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def sign(param: str, key: str, customer: str) -> str:
    """Kuaidi100's signature of a query: upper-case hex MD5 of param + key + customer."""
    return hashlib.md5((param + key + customer).encode("utf-8")).hexdigest().upper()


class Kuaidi100:
    """A TrackingService over Kuaidi100's real-time query API at `url`."""

    def __init__(self, url: str, customer: str, key: str, timeout: float = 10.0):
        self.url, self.customer, self.timeout = url, customer, timeout
        self._key = key
        parts = urlsplit(url)
        # Messages name the host only: the URL might carry more than it should.
        self.host = (f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname) or "the tracking service"

    def __repr__(self) -> str:  # no key in logs or tracebacks
        return f"Kuaidi100(url={self.url!r}, customer={self.customer!r})"

    def query(self, carrier_code: str, number: str, phone: str | None = None) -> TrackingResult:
        fields = {"com": carrier_code, "num": number}
        if phone:
            fields["phone"] = phone  # some carriers (SF) answer only with the phone or its last 4 digits
        # Compact and unescaped, and signed exactly as sent: the service signs what it receives.
        param = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
        form = {"customer": self.customer, "param": param, "sign": sign(param, self._key, self.customer)}
        body, status = self._post(form)
        if status >= 500:
            raise self._error("unreachable", f"answered HTTP {status}")
        if status in (401, 403):
            raise self._error("rejected", f"answered HTTP {status}")
        if not 200 <= status < 300:
            raise self._error("garbage", f"answered HTTP {status}")
        return self._result(body, number)

    def _post(self, form: dict) -> tuple[bytes, int]:
        """The answer's bytes (at most MAX_ANSWER_BYTES) and HTTP status, read within the timeout."""
        deadline = time.monotonic() + self.timeout  # overall, so a trickling answer cannot hold the poll
        try:
            with httpx.Client(timeout=self.timeout, follow_redirects=False) as client:
                with client.stream("POST", self.url, data=form, headers={"Accept": "application/json"}) as response:
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > MAX_ANSWER_BYTES:
                            raise self._error("garbage", f"answered more than {MAX_ANSWER_BYTES // 1024} kB")
                        if time.monotonic() > deadline:
                            raise self._error("timeout", f"did not finish answering within {self.timeout:g} s")
                        chunks.append(chunk)
                    return b"".join(chunks), response.status_code
        except httpx.TimeoutException:
            raise self._error("timeout", f"did not answer within {self.timeout:g} s") from None
        except httpx.ProtocolError as exc:  # not HTTP, or broken HTTP
            raise self._error("garbage", f"broke the HTTP protocol ({type(exc).__name__})") from None
        except httpx.HTTPError as exc:  # refused, DNS, reset, bad URL
            raise self._error("unreachable", f"could not be reached ({type(exc).__name__}: {exc})") from None

    def _result(self, body: bytes, number: str) -> TrackingResult:
        try:
            answer = json.loads(body)
        except (ValueError, RecursionError):  # undecodable bytes, or nested past what json can read
            raise self._error("garbage", f"answered with something that is not JSON ({len(body)} bytes)") from None
        if not isinstance(answer, dict):
            raise self._error("garbage", f"answered JSON that is not an object ({type(answer).__name__})")
        if answer.get("result") is False or ("returnCode" in answer and "data" not in answer):
            code = str(answer.get("returnCode", "?"))
            message = str(answer.get("message", ""))[:200]
            kind = _ERROR_KINDS.get(code, "rejected")
            raise self._error(kind, f"answered {code} for {number}: {message}")
        state = _code(answer.get("state"))
        data = answer.get("data")
        if state is _BAD or not isinstance(data, list):
            raise self._error("garbage", "answered without a state or a data list")
        events: dict[tuple, CarrierEvent] = {}
        # The service lists the newest first; reversed, a stable sort keeps same-time events in order.
        for item in reversed(data):
            event = _event(item)
            if event is None:
                raise self._error("garbage", f"answered an event that cannot be read: {str(item)[:120]}")
            events.setdefault((event.at, event.text), event)  # the same time and text once
        ordered = sorted(events.values(), key=lambda e: e.at)[-MAX_EVENTS:]
        return TrackingResult(state=state, signed=state == "3", events=tuple(ordered),
                              estimated_arrival=_arrival(answer))

    def _error(self, kind: str, what: str) -> TrackingError:
        message = f"tracking service {self.host} {what}"
        if self._key:  # never the key, whatever the service or the network echoed
            message = message.replace(self._key, "***")
        return TrackingError(kind, message)


_BAD = object()


def _code(value) -> str | None | object:
    """A state code as a string, None when absent, _BAD when it is not a code."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip().isdigit():
        return value.strip()
    return _BAD


def _event(item) -> CarrierEvent | None:
    """One of the service's events, or None when it is not one."""
    if not isinstance(item, dict):
        return None
    when, text = item.get("ftime") or item.get("time"), item.get("context")
    if not isinstance(when, str) or not isinstance(text, str):
        return None
    try:
        at = datetime.fromisoformat(when.strip().replace("/", "-"))
    except ValueError:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=SHANGHAI)
    place = item.get("location") or item.get("areaName")
    state = _code(item.get("statusCode"))
    if state is None or state is _BAD:
        status = item.get("status")
        state = _code(status)
        if state is _BAD:
            state = _STATE_NAMES.get(status.strip()) if isinstance(status, str) else None
    place = (place.strip() or None) if isinstance(place, str) else None
    return CarrierEvent(at=at, place=place, text=text.strip(), state=state)


def _arrival(answer: dict) -> date | None:
    """The estimated arrival day, when the answer gives one ("2023-10-05 18" and the like).
    An estimate that cannot be read is left out: the events still count."""
    for field in _ARRIVAL_FIELDS:
        value = answer.get(field)
        match = _DAY.match(value) if isinstance(value, str) else None
        if match:
            try:
                return date(*map(int, match.groups()))
            except ValueError:
                pass
    return None
