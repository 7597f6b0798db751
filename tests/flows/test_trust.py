"""Whether a reply's From can be believed: strict From reading (parsers.senders)
and the receiving server's evidence (flows.trust). Each attack found against
the pipeline is here as a raw message."""
import pytest

from flows.trust import aligned, origin_doubt
from parsers import parse_email
from parsers.result import Envelope

MANAGER = "mgr.wang@huaxin-ind.cn"


def message(*headers: str, body: str = "同意") -> bytes:
    lines = list(headers) + ["Subject: Re: [SO2023100001] 订单审批", "Message-ID: <a1@attacker.example>",
                             "Content-Type: text/plain; charset=utf-8", "", body]
    return "\r\n".join(lines).encode("utf-8")


def envelope(*headers: str) -> Envelope:
    return parse_email(message(*headers)).envelope


@pytest.mark.parametrize("from_headers", [
    ("From: =?utf-8?B?bWdyLndhbmdAaHVheGluLWluZC5jbg==?=",),                 # the whole address encoded
    ("From: mgr.wang@=?utf-8?q?huaxin-ind.cn?=",),                           # an encoded domain
    ("From: Wang <=?utf-8?q?mgr.wang?=@huaxin-ind.cn>",),                    # an encoded local part
    (f"From: {MANAGER}, mallory@evil.example",),                             # two addresses
    (f"From: Wang <{MANAGER}>", "From: Mallory <mallory@evil.example>"),    # two From headers
    ("From: undisclosed-recipients:;",),                                     # a group, no address
    ("From: Wang Manager",),                                                 # no address at all
], ids=["b-encoded", "q-domain", "q-local", "two-addresses", "two-headers", "group", "no-address"])
def test_a_from_that_is_not_one_plain_address_is_refused(from_headers):
    env = envelope(*from_headers)
    assert env.sender is None and env.sender_problem
    assert "cannot be trusted" in origin_doubt(env)


def test_an_encoded_display_name_is_fine_as_chinese_clients_send_it():
    env = envelope(f"From: =?utf-8?B?546L57uP55CG?= <{MANAGER}>")
    assert env.sender == MANAGER and env.sender_name == "王经理" and env.sender_problem is None
    assert origin_doubt(env) is None


def test_a_raw_utf8_address_is_a_plain_address_its_domain_compared_in_ascii_form():
    env = envelope("From: 张三 <张三@例子.中国>")
    assert env.sender == "张三@xn--fsqu00a.xn--fiqs8s" and env.sender_problem is None
    assert envelope("From: 张三@XN--FSQU00A.xn--fiqs8s").sender == env.sender


def test_the_null_envelope_sender_is_refused():
    doubt = origin_doubt(envelope("Return-Path: <>", f"From: {MANAGER}"))
    assert doubt and "null envelope sender" in doubt


def test_another_envelope_sender_is_a_forged_from():
    doubt = origin_doubt(envelope("Return-Path: <mallory@evil.example>", f"From: {MANAGER}"))
    assert "mallory@evil.example" in doubt and "forged" in doubt


def test_a_matching_envelope_sender_and_passing_checks_are_believed():
    env = envelope(f"Return-Path: <{MANAGER.upper()}>", "Authentication-Results: mx.huaxin-ind.cn; spf=pass "
                   "smtp.mailfrom=huaxin-ind.cn; dkim=pass header.d=huaxin-ind.cn; dmarc=pass", f"From: {MANAGER}")
    assert origin_doubt(env) is None
    assert origin_doubt(envelope(f"From: {MANAGER}")) is None  # a server that adds neither


@pytest.mark.parametrize("verdict", ["dmarc=fail (p=reject) header.from=huaxin-ind.cn",
                                     "spf=softfail smtp.mailfrom=huaxin-ind.cn", "dkim=fail", "dkim=permerror"])
def test_a_failed_verdict_anywhere_refuses_without_an_authserv_id(verdict):
    env = envelope(f"Authentication-Results: mx.huaxin-ind.cn; {verdict}", f"From: {MANAGER}")
    doubt = origin_doubt(env)
    assert doubt and verdict.split("=")[0] in doubt


def test_a_verdict_past_the_500th_character_counts():
    padding = "; ".join(f"x-check{n}=pass" for n in range(60))
    env = envelope(f"Authentication-Results: mx.huaxin-ind.cn; {padding}; dmarc=fail header.from=huaxin-ind.cn",
                   f"From: {MANAGER}")
    assert len(env.authentication[0]) > 500 and "dmarc=fail" in origin_doubt(env)


def test_a_fail_in_a_second_results_header_counts():
    env = envelope("Authentication-Results: relay.example; spf=pass",
                   "Authentication-Results: mx.huaxin-ind.cn; dmarc=fail", f"From: {MANAGER}")
    assert "dmarc=fail" in origin_doubt(env)


OURS = "mx.company.example"


def test_with_an_authserv_id_only_our_servers_pass_counts():
    forged = envelope("Authentication-Results: evil.example; dmarc=pass header.from=huaxin-ind.cn",
                      f"From: {MANAGER}")
    assert "no Authentication-Results from our mail server" in origin_doubt(forged, OURS)
    genuine = envelope(f"Authentication-Results: {OURS}; dmarc=pass header.from=huaxin-ind.cn", f"From: {MANAGER}")
    assert origin_doubt(genuine, OURS) is None


def test_with_an_authserv_id_a_pass_for_another_domain_is_not_enough():
    env = envelope(f"Authentication-Results: {OURS}; dkim=pass header.d=evil.example; spf=pass "
                   "smtp.mailfrom=evil.example", f"From: {MANAGER}")
    assert "no DMARC pass" in origin_doubt(env, OURS)
    aligned_dkim = envelope(f"Authentication-Results: {OURS}; dkim=pass header.d=huaxin-ind.cn; dmarc=none",
                            f"From: {MANAGER}")
    assert origin_doubt(aligned_dkim, OURS) is None


def test_with_an_authserv_id_our_servers_fail_wins_over_a_pass():
    env = envelope(f"Authentication-Results: {OURS}; dkim=pass header.d=huaxin-ind.cn; dmarc=fail",
                   f"From: {MANAGER}")
    assert "dmarc=fail" in origin_doubt(env, OURS)


def test_alignment_is_relaxed_but_not_to_a_top_level_domain():
    assert aligned("huaxin-ind.cn", "huaxin-ind.cn") and aligned("mail.huaxin-ind.cn", "huaxin-ind.cn")
    assert not aligned("cn", "huaxin-ind.cn") and not aligned("evil.cn", "huaxin-ind.cn")


def test_references_are_read_whole_so_our_id_at_the_end_of_a_long_thread_counts():
    ours = "<SO2023100001.approval_request.0123456789ab@example.com>"
    refs = " ".join(f"<id{n}.aaaaaaaaaaaaaaaaaaaaaaaa@client.example>" for n in range(300)) + " " + ours
    env = envelope(f"From: {MANAGER}", f"References: {refs}")
    assert len(" ".join(env.references)) > 8_000 and env.references[-1] == ours


def test_eai_headers_survive_the_trip_to_json_and_back():
    """The parse worker sends each result as JSON: raw UTF-8 in any header must come back whole."""
    from parsers.result import ParseResult

    raw = message("From: 张三 <张三@例子.中国>", "Return-Path: <张三@例子.中国>", "In-Reply-To: <abc@例子.中国>",
                  "Authentication-Results: mx.example.com; spf=pass smtp.mailfrom=张三@例子.中国")
    result = parse_email(raw)
    again = ParseResult.model_validate_json(result.model_dump_json())
    assert again.envelope.in_reply_to == ["<abc@例子.中国>"] and "张三@例子.中国" in again.envelope.authentication[0]
    assert again.envelope.return_path == again.envelope.sender == "张三@xn--fsqu00a.xn--fiqs8s"
