"""A Kuaidi100-compatible real-time query server on a free loopback port: the
tests' tracking service (the client under test goes through its real HTTP
library) and the one `orderloop demo` tracks its shipments with.

It checks each query as Kuaidi100 does (form fields `customer`, `param`, `sign`;
the sign must be the upper-case MD5 of param + key + customer with its own
customer and key) and answers per tracking number from `answers`, which starts
with the standard scenarios below (NUMBERS) and can be changed by a test. A
number it has no answer for gets Kuaidi100's 查询无结果 (returnCode 500). Every
request it got is in `requests`.

    with FakeKuaidi100() as fake:
        Kuaidi100(fake.url, fake.customer, fake.key).query("shunfeng", NUMBERS["in_transit"])
"""
from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

__all__ = ["FakeKuaidi100", "Answer", "Received", "tracking_answer", "error_answer", "standard_answers",
           "NUMBERS", "STATE_NAMES", "PATH"]

PATH = "/poll/query.do"
STATE_NAMES = {"0": "在途", "1": "揽收", "2": "疑难", "3": "签收", "4": "退签", "5": "派件", "6": "退回",
               "14": "拒签"}


@dataclass
class Answer:
    body: dict | list | bytes  # JSON is sent as UTF-8, bytes as they are
    delay: float = 0.0  # seconds to wait before answering
    status: int = 200


@dataclass(frozen=True)
class Received:
    path: str
    content_type: str
    form: dict[str, str]  # the form fields as decoded


def tracking_answer(number: str, state: str, events: list[tuple], com: str = "shunfeng", **extra) -> dict:
    """A good answer as Kuaidi100 gives it. `events` are (time, context[, place[, state]])
    oldest first; the answer lists them newest first, like the service."""
    data = []
    for event in reversed(events):
        when, context, place, code = (*event, None, None)[:4]
        item = {"time": when, "ftime": when, "context": context}
        if place is not None:
            item["areaName"] = place
        if code is not None:
            item["status"] = STATE_NAMES.get(code, code)
        data.append(item)
    return {"message": "ok", "nu": number, "ischeck": "1" if state == "3" else "0", "condition": "00",
            "com": com, "status": "200", "state": state, "data": data, **extra}


def error_answer(code: str, message: str) -> dict:
    return {"result": False, "returnCode": code, "message": message}


_ON_THE_WAY = [
    ("2023-10-02 10:30:00", "【深圳市】顺丰速运 已收取快件", "广东省,深圳市", "1"),
    ("2023-10-02 18:05:00", "快件已发车,下一站【上海浦东转运中心】", "广东省,深圳市", "0"),
    ("2023-10-02 18:05:00", "快件已发车,下一站【上海浦东转运中心】", "广东省,深圳市", "0"),  # carriers repeat
    ("2023-10-03 06:40:00", "快件到达【上海浦东转运中心】", "上海,上海市", "0"),
]
_EXCEPTIONS = {
    "2": "快件地址不详,联系收件人未果,待进一步处理",
    "4": "收件人拒收,快件退回寄件人,已签收",
    "6": "快件退回中,正在退回寄件人",
    "14": "收件人拒收,原因:包装破损",
}

NUMBERS = {  # the standard scenarios, by tracking number
    "in_transit": "SF1000000000001",
    "signed": "SF1000000000003",
    **{f"exception_{state}": f"SF10000000002{int(state):02d}" for state in _EXCEPTIONS},
    "unknown": "SF1999999999999",  # no answer programmed: 查询无结果
    "garbage": "SF1000000000666",
    "slow": "SF1000000000777",
    "huge": "SF1000000000888",
}


def standard_answers(slow_seconds: float = 3.0) -> dict[str, Answer]:
    in_transit = tracking_answer(NUMBERS["in_transit"], "0", _ON_THE_WAY, arrivalTime="2023-10-04 18")
    signed = tracking_answer(NUMBERS["signed"], "3", _ON_THE_WAY + [
        ("2023-10-03 09:12:00", "快件交给王师傅,正在派送途中", "上海,上海市", "5"),
        ("2023-10-03 14:20:00", "快件已签收,签收人:前台 李女士", "上海,上海市", "3")])
    answers = {NUMBERS["in_transit"]: Answer(in_transit), NUMBERS["signed"]: Answer(signed),
               NUMBERS["slow"]: Answer(in_transit, delay=slow_seconds),
               NUMBERS["garbage"]: Answer(b"\x1f\x8b\x08\x00<html>502 Bad Gateway</html>\xff\xfe")}
    for state, words in _EXCEPTIONS.items():
        number = NUMBERS[f"exception_{state}"]
        answers[number] = Answer(tracking_answer(number, state, _ON_THE_WAY + [
            ("2023-10-03 15:00:00", words, "上海,上海市", state)]))
    # About 3 MB of well-formed JSON: only a size cap stops a client from reading it all.
    many = [(f"2023-10-03 {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}", "快件在途中 " + "经" * 40)
            for i in range(20000)]
    answers[NUMBERS["huge"]] = Answer(tracking_answer(NUMBERS["huge"], "0", many))
    return answers


class FakeKuaidi100:
    """The fake service; a context manager that starts and stops it."""

    def __init__(self, customer: str = "FAKECUSTOMER0001", key: str = "fake-secret-key-1234"):
        self.customer, self.key = customer, key
        self.answers: dict[str, Answer] = standard_answers()
        self.requests: list[Received] = []
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PATH}"

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def __enter__(self) -> FakeKuaidi100:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)  # port 0: a free one
        self._server.daemon_threads = True
        self._server.block_on_close = False  # a slow answer must not hold the test's end
        self._server.fake = self
        threading.Thread(target=self._server.serve_forever, args=(0.05,), name="fake-kuaidi100", daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopping.set()  # wakes slow answers
        self._server.shutdown()
        self._server.server_close()

    def answer_for(self, form: dict[str, str]) -> Answer:
        """What Kuaidi100 would answer to these form fields."""
        customer, param, signature = form.get("customer"), form.get("param"), form.get("sign")
        if not customer or not param or not signature:
            return Answer(error_answer("400", "提交的数据不完整"))
        if customer != self.customer:
            return Answer(error_answer("601", "POLL:KEY已过期或账号被停用"))
        expected = hashlib.md5((param + self.key + customer).encode("utf-8")).hexdigest().upper()
        if signature != expected:
            return Answer(error_answer("503", "验证签名失败"))
        try:
            query = json.loads(param)
            com, number = query["com"], query["num"]
        except (ValueError, TypeError, KeyError):
            return Answer(error_answer("400", "提交的数据格式不正确"))
        if not com or not number:
            return Answer(error_answer("400", "找不到对应公司"))
        return self.answers.get(number) or Answer(error_answer("500", "查询无结果，请隔段时间再查"))


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeKuaidi100/1.0"

    def do_POST(self):
        fake: FakeKuaidi100 = self.server.fake
        if self.path.split("?")[0] != PATH:
            return self._send(Answer(b"Not Found", status=404))
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(min(length, 65536)).decode("utf-8", "replace")
        form = {name: values[0] for name, values in parse_qs(raw, keep_blank_values=True).items()}
        fake.requests.append(Received(self.path, self.headers.get("Content-Type", ""), form))
        answer = fake.answer_for(form)
        if answer.delay and fake._stopping.wait(answer.delay):
            return  # the server is stopping: nobody is waiting any more
        self._send(answer)

    def _send(self, answer: Answer) -> None:
        body = answer.body if isinstance(answer.body, bytes) else json.dumps(answer.body, ensure_ascii=False).encode()
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json;charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (a timeout, a size cap): that is its right

    def log_message(self, format, *args):  # quiet
        pass
