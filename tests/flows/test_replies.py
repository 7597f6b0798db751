"""Where the pipeline doubts a reply's From address: what the receiving server added."""
from parsers.result import Envelope

from flows.replies import origin_doubt


def test_a_matching_envelope_sender_and_passing_checks_are_believed():
    assert origin_doubt(Envelope(sender="manager@example.com", return_path="Manager@Example.com",
                                 authentication="mx.example.com; spf=pass; dkim=pass; dmarc=pass")) is None
    assert origin_doubt(Envelope(sender="manager@example.com")) is None  # a server that adds neither


def test_another_envelope_sender_is_a_forged_from():
    doubt = origin_doubt(Envelope(sender="manager@example.com", return_path="mallory@evil.example"))
    assert "mallory@evil.example" in doubt and "forged" in doubt


def test_a_failed_dmarc_or_spf_verdict_is_a_forged_from():
    for verdict in ("dmarc=fail (p=reject)", "spf=softfail smtp.mailfrom=example.com", "dkim=fail"):
        doubt = origin_doubt(Envelope(sender="manager@example.com", authentication=f"mx.example.com; {verdict}"))
        assert doubt and verdict.split()[0] in doubt
