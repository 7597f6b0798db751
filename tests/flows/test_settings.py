from datetime import datetime
from decimal import Decimal

from flows.settings import Settings


def test_nothing_configured_means_the_embedded_defaults(monkeypatch):
    for name in ("ORDERLOOP_HOME", "ORDERLOOP_IMAP_HOST", "ORDERLOOP_SMTP_HOST", "ORDERLOOP_NOW", "ORDERLOOP_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.imap_host is None and settings.smtp_host is None
    assert settings.inbox_dir.as_posix() == "var/mail/inbox" and settings.outbox_dir.as_posix() == "var/mail/outbox"
    assert settings.address == "orders@example.com" and settings.approval_threshold == Decimal("50000")


def test_orderloop_now_sets_the_clock_in_the_company_timezone(monkeypatch):
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-14T23:30:00+00:00")
    now = Settings().current_time()
    assert now.isoformat() == "2023-10-15T07:30:00+08:00"


def test_a_toml_file_configures_and_the_environment_overrides_it(tmp_path, monkeypatch):
    config = tmp_path / "orderloop.toml"
    config.write_text('address = "sales@acme.example"\nimap_host = "mail.acme.example"\nimap_port = 1993\n')
    monkeypatch.setenv("ORDERLOOP_CONFIG", str(config))
    monkeypatch.setenv("ORDERLOOP_IMAP_PORT", "2993")
    settings = Settings()
    assert settings.address == "sales@acme.example" and settings.mail_domain == "acme.example"
    assert settings.imap_host == "mail.acme.example" and settings.imap_port == 2993
    assert isinstance(settings.current_time(), datetime)


def test_a_clock_without_an_offset_is_the_companys_local_time(monkeypatch):
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-15T09:00:00")
    assert Settings().current_time().isoformat() == "2023-10-15T09:00:00+08:00"


def test_a_setting_that_cannot_be_used_is_named_as_ops_set_it_and_says_why(tmp_path, monkeypatch):
    import pytest

    from flows.settings import SettingsError

    monkeypatch.setenv("ORDERLOOP_POLL_INTERVAL_SECONDS", "abc")
    monkeypatch.setenv("ORDERLOOP_TIMEZONE", "Mars/Base")
    monkeypatch.setenv("ORDERLOOP_HOME", str(tmp_path / "a-file"))
    (tmp_path / "a-file").write_text("")
    with pytest.raises(SettingsError) as raised:
        Settings()
    said = str(raised.value)
    assert "ORDERLOOP_POLL_INTERVAL_SECONDS='abc': Input should be a valid integer" in said
    assert "ORDERLOOP_TIMEZONE='Mars/Base': not a time zone name" in said
    assert f"ORDERLOOP_HOME='{tmp_path / 'a-file'}': is a file, not a folder" in said


def test_a_secret_is_never_shown_in_the_error(monkeypatch):
    import pytest

    from flows.settings import SettingsError

    with pytest.raises(SettingsError) as raised:
        Settings(secret=["s3cr3t-value"])  # not a string: refused, and not echoed
    assert "ORDERLOOP_SECRET=(hidden)" in str(raised.value) and "s3cr3t" not in str(raised.value)
