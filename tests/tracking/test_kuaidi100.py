"""The Kuaidi100 client against a Kuaidi100-compatible server on a loopback port
(tracking/sandbox.py): the query it sends, the answers it reads,
and every way the service can fail, each a TrackingError of the right kind."""
from __future__ import annotations

import hashlib
import json
import socket
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tracking.sandbox import NUMBERS, Answer, FakeKuaidi100, error_answer, tracking_answer
from tracking import CarrierEvent, TrackingError, TrackingResult, TrackingService
from tracking.kuaidi100 import MAX_EVENTS, Kuaidi100

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def fake():
    with FakeKuaidi100() as server:
        yield server


@pytest.fixture
def client(fake):
    return Kuaidi100(fake.url, fake.customer, fake.key, timeout=2.0)


def failure(client, number, com="shunfeng") -> TrackingError:
    with pytest.raises(TrackingError) as caught:
        client.query(com, number)
    return caught.value


def test_a_kuaidi100_client_is_a_tracking_service(client):
    service: TrackingService = client
    assert isinstance(service.query("shunfeng", NUMBERS["in_transit"]), TrackingResult)


def test_the_query_is_a_signed_form_as_kuaidi100_expects(fake, client):
    client.query("shunfeng", NUMBERS["in_transit"], phone="1234")
    failure(client, "78123456789012", com="zhongtong")  # unknown to the fake: asked all the same

    first, second = fake.requests
    assert first.content_type.startswith("application/x-www-form-urlencoded")
    assert set(first.form) == {"customer", "param", "sign"}
    assert first.form["customer"] == fake.customer
    assert first.form["param"] == '{"com":"shunfeng","num":"%s","phone":"1234"}' % NUMBERS["in_transit"]
    assert second.form["param"] == '{"com":"zhongtong","num":"78123456789012"}'  # no phone: none sent
    for request in (first, second):
        text = request.form["param"] + fake.key + fake.customer
        assert request.form["sign"] == hashlib.md5(text.encode()).hexdigest().upper()
        assert fake.key not in request.form.values()  # the key is never sent


def test_a_parameter_that_is_not_ascii_is_sent_and_signed_as_written(fake, client):
    fake.answers["顺丰-测试"] = Answer(tracking_answer("顺丰-测试", "0", []))
    result = client.query("shunfeng", "顺丰-测试")
    param = fake.requests[0].form["param"]
    assert param == '{"com":"shunfeng","num":"顺丰-测试"}'
    assert fake.requests[0].form["sign"] == hashlib.md5((param + fake.key + fake.customer).encode()).hexdigest().upper()
    assert result.events == ()


def test_in_transit_events_come_oldest_first_without_duplicates(client):
    result = client.query("shunfeng", NUMBERS["in_transit"])
    assert result.state == "0" and result.signed is False
    assert [(e.at, e.text) for e in result.events] == [
        (datetime(2023, 10, 2, 10, 30, tzinfo=SHANGHAI), "【深圳市】顺丰速运 已收取快件"),
        (datetime(2023, 10, 2, 18, 5, tzinfo=SHANGHAI), "快件已发车,下一站【上海浦东转运中心】"),
        (datetime(2023, 10, 3, 6, 40, tzinfo=SHANGHAI), "快件到达【上海浦东转运中心】"),
    ]
    assert result.events[0] == CarrierEvent(at=datetime(2023, 10, 2, 10, 30, tzinfo=SHANGHAI), place="广东省,深圳市",
                                            text="【深圳市】顺丰速运 已收取快件", state="1")
    assert all(e.at.utcoffset().total_seconds() == 8 * 3600 for e in result.events)
    assert result.estimated_arrival == date(2023, 10, 4)


def test_a_signed_shipment(client):
    result = client.query("shunfeng", NUMBERS["signed"])
    assert result.state == "3" and result.signed is True
    assert result.events[-1].state == "3" and "已签收" in result.events[-1].text
    assert result.estimated_arrival is None  # none given


@pytest.mark.parametrize("state", ["2", "4", "6", "14"])
def test_exception_states_are_kept_with_the_carriers_words(client, state):
    result = client.query("shunfeng", NUMBERS[f"exception_{state}"])
    assert result.state == state and result.signed is False
    assert result.events[-1].state == state
    assert result.events[-1].text  # the carrier's words, for logistics and the rep


def test_plain_answers_with_location_status_codes_and_offsets(fake, client):
    fake.answers["X1"] = Answer({"message": "ok", "state": 5, "ischeck": "0", "status": "200", "data": [
        {"time": "2023-10-03T09:00:00+00:00", "context": " 派送中 ", "location": "上海", "statusCode": "5"},
        {"ftime": "2023/10/03 08:00:00", "context": "到达", "location": "", "status": "在途"},
        {"time": "2023-10-03 07:00:00", "context": "发出", "status": "1"},
    ], "predictedArrivalTime": "2023-10-03"})
    result = client.query("shunfeng", "X1")
    assert result.state == "5"
    assert [(e.text, e.place, e.state) for e in result.events] == [
        ("发出", None, "1"), ("到达", None, "0"), ("派送中", "上海", "5")]
    assert result.events[-1].at == datetime(2023, 10, 3, 17, 0, tzinfo=SHANGHAI)  # the offset given is kept
    assert result.estimated_arrival == date(2023, 10, 3)


def test_an_unknown_number(fake, client):
    error = failure(client, NUMBERS["unknown"])
    assert error.kind == "unknown_number"
    assert f"127.0.0.1:{fake.port}" in str(error) and "500" in str(error) and "查询无结果" in str(error)


def test_a_wrong_key_is_a_bad_signature_and_the_key_is_never_told(fake):
    wrong = "wrong-secret-key-9876"
    error = failure(Kuaidi100(fake.url, fake.customer, wrong, timeout=2.0), NUMBERS["in_transit"])
    assert error.kind == "rejected"
    assert "503" in str(error) and "验证签名失败" in str(error) and "127.0.0.1" in str(error)
    assert wrong not in str(error) and fake.key not in str(error)


def test_a_wrong_account_is_rejected(fake):
    error = failure(Kuaidi100(fake.url, "NOSUCHCUSTOMER", fake.key, timeout=2.0), NUMBERS["in_transit"])
    assert error.kind == "rejected" and "601" in str(error)


@pytest.mark.parametrize("code, kind", [("400", "rejected"), ("501", "unreachable"), ("502", "unreachable"),
                                        ("601", "rejected"), ("999", "rejected")])
def test_every_return_code_has_its_kind(fake, client, code, kind):
    fake.answers["X1"] = Answer(error_answer(code, "服务出错"))
    assert failure(client, "X1").kind == kind


@pytest.mark.parametrize("body", [
    b"\x1f\x8b\x08\x00<html>502 Bad Gateway</html>\xff\xfe",
    b"",
    b"[1, 2, 3]",
    b"[" * 100000,
    json.dumps({"message": "ok", "state": "0", "data": "none"}).encode(),
    json.dumps({"message": "ok", "state": "0"}).encode(),
    json.dumps({"message": "ok", "state": "在途", "data": []}, ensure_ascii=False).encode(),
    json.dumps({"message": "ok", "state": "0", "data": ["event"]}).encode(),
    json.dumps({"message": "ok", "state": "0", "data": [{"context": "no time"}]}).encode(),
    json.dumps({"message": "ok", "state": "0", "data": [{"time": "yesterday", "context": "x"}]}).encode(),
    json.dumps({"message": "ok", "state": "0", "data": [{"time": "2023-10-02 10:30:00", "context": 7}]}).encode(),
])
def test_anything_malformed_is_garbage(fake, client, body):
    fake.answers["X1"] = Answer(body)
    error = failure(client, "X1")
    assert error.kind == "garbage" and "127.0.0.1" in str(error)


def test_the_standard_garbage_answer(client):
    assert failure(client, NUMBERS["garbage"]).kind == "garbage"


@pytest.mark.parametrize("status, kind", [(502, "unreachable"), (503, "unreachable"), (403, "rejected"),
                                          (404, "garbage")])
def test_http_errors(fake, client, status, kind):
    fake.answers["X1"] = Answer(b"<html>error</html>", status=status)
    error = failure(client, "X1")
    assert error.kind == kind and str(status) in str(error)


def test_a_wrong_path_is_not_an_answer(fake):
    error = failure(Kuaidi100(fake.url.replace("/poll/query.do", "/other"), fake.customer, fake.key), "X1")
    assert error.kind == "garbage" and "404" in str(error)


def test_a_slow_service_times_out(fake):
    client = Kuaidi100(fake.url, fake.customer, fake.key, timeout=0.5)
    started = time.monotonic()
    error = failure(client, NUMBERS["slow"])
    assert error.kind == "timeout" and "0.5 s" in str(error)
    assert time.monotonic() - started < 2.5  # the fake waits 3 s


def test_a_huge_answer_is_not_read_to_its_end(client):
    error = failure(client, NUMBERS["huge"])
    assert error.kind == "garbage" and "2048 kB" in str(error)


def test_only_the_newest_events_are_kept(fake, client):
    events = [(f"2023-10-03 {i // 60:02d}:{i % 60:02d}:00", f"第{i}站") for i in range(MAX_EVENTS + 100)]
    fake.answers["X1"] = Answer(tracking_answer("X1", "0", events))
    result = client.query("shunfeng", "X1")
    assert len(result.events) == MAX_EVENTS
    assert result.events[0].text == "第100站" and result.events[-1].text == f"第{MAX_EVENTS + 99}站"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when we return: nothing listens there


def test_a_refused_connection_is_unreachable():
    port = closed_port()
    error = failure(Kuaidi100(f"http://127.0.0.1:{port}/poll/query.do", "C", "secret-key", timeout=2.0), "X1")
    assert error.kind == "unreachable" and f"127.0.0.1:{port}" in str(error)


def test_a_url_that_is_not_one_is_unreachable():
    error = failure(Kuaidi100("not a url", "C", "secret-key", timeout=1.0), "X1")
    assert error.kind == "unreachable" and "secret-key" not in str(error)


def test_the_key_is_in_no_error_and_no_repr(fake):
    client = Kuaidi100(fake.url, fake.customer, fake.key, timeout=0.5)
    fake.answers["ECHO"] = Answer(error_answer("601", f"key {fake.key} 已过期"))  # a service that echoes it
    for number in (NUMBERS["unknown"], NUMBERS["garbage"], NUMBERS["slow"], NUMBERS["huge"], "ECHO"):
        error = failure(client, number)
        assert fake.key not in str(error) and fake.key not in repr(error), number
    assert fake.key not in repr(client)
