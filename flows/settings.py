"""Settings from ORDERLOOP_* environment variables, optionally a TOML file.

With nothing set, everything runs on one machine with no server: a Maildir
inbox and an outbox folder under ORDERLOOP_HOME, TinyDB there too, and
Prefect's ephemeral API.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from orders.approval import ApprovalPolicy
from orders.review import ReviewRules


class SettingsError(ValueError):
    """A setting that cannot be used, named as the operator sets it (ORDERLOOP_…), with why."""


def _variable(location: tuple) -> str:
    return "ORDERLOOP_" + "_".join(map(str, location)).upper()


def _shown(location: tuple, value) -> str:
    """A value as the error shows it: never a password, secret or key."""
    secret = any(word in str(location[0]) for word in ("password", "secret", "key", "database"))
    return "(hidden)" if secret else repr(value)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORDERLOOP_", extra="ignore")

    def __init__(self, **values) -> None:
        try:
            super().__init__(**values)
        except ValidationError as exc:  # pydantic's report names fields, not the variables ops set
            wrong = "; ".join(f"{_variable(error['loc'])}={_shown(error['loc'], error.get('input'))}: "
                              f"{error['msg'].removeprefix('Value error, ')}" for error in exc.errors())
            where = " or " + os.environ["ORDERLOOP_CONFIG"] if os.environ.get("ORDERLOOP_CONFIG") else ""
            raise SettingsError(f"{wrong} (set in the environment{where})") from None

    home: Path = Path("var")
    address: str = "orders@example.com"
    company: str = "orderloop"
    # The letterhead of the PDFs: address, phone, and a logo file (SVG, PNG or JPEG).
    company_address: str | None = None
    company_phone: str | None = None
    company_logo: Path | None = None
    timezone: str = "Asia/Shanghai"
    # An ISO datetime with offset taken as "now", to test and replay deadlines.
    now: datetime | None = None
    approval_threshold: Decimal = Decimal("50000")
    review_hours: Decimal = Field(default=Decimal("2"), gt=0)  # the manager's review deadline
    feasibility_days: int = Field(default=1, ge=1, le=30)  # working days tech has for a feasibility check
    # A Kuaidi100-compatible real-time tracking service (procedure step 5); without a URL, none.
    tracking_url: str | None = None
    tracking_customer: str | None = None
    tracking_key: str | None = None
    tracking_timeout: Decimal = Field(default=Decimal("10"), gt=0, le=120)
    # Processes that render PDFs after a batch is stored (default: one per CPU).
    render_workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1, le=64)
    token_days: Decimal = Field(default=Decimal("7"), gt=0)  # how long an approval link stays valid
    # The authserv-id the company's receiving mail server stamps on Authentication-Results.
    # Set: a staff decision needs that server's DMARC pass or an aligned DKIM/SPF pass.
    authserv_id: str | None = None
    # Signs approval tokens. Unset: a random key kept in ORDERLOOP_HOME/secret.key.
    secret: str | None = None
    deadline_interval_seconds: int = Field(default=300, ge=30)
    tracking_interval_seconds: int = Field(default=1800, ge=60)  # carriers asked every 30 minutes
    batch_size: int = Field(default=500, ge=1)
    # The intake's schedule under `serve`: only the fallback, since the inbox watcher starts a run as
    # mail arrives (flows/watch.py); a scheduled run more often only keeps a triggered one waiting.
    poll_interval_seconds: int = Field(default=300, ge=5)
    # Each incoming message is parsed in a worker process within this budget
    # (flows.parse_budget): CPU seconds (3x in wall-clock time as a backstop)
    # and MB of address space; one that overruns is quarantined with the reason.
    parse_seconds: float = Field(default=10, gt=0)
    parse_memory_mb: int = Field(default=512, ge=128)

    # postgresql://user:password@host:port/db: the store in PostgreSQL (store/pg_store.py), for several
    # workers or more open orders than TinyDB carries; unset, TinyDB files under home/store.
    database_url: str | None = None

    imap_host: str | None = None
    imap_port: int = 993
    imap_user: str | None = None
    imap_password: str | None = None
    imap_ssl: bool = True

    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    smtp_ssl: bool = False

    @field_validator("home")
    @classmethod
    def _a_folder_we_may_write(cls, home: Path) -> Path:
        if home.exists() and not home.is_dir():
            raise ValueError("is a file, not a folder: point it at the folder that holds (or will hold) "
                             "the mail, the store and the archive")
        if home.is_dir() and not os.access(home, os.W_OK | os.X_OK):
            raise ValueError(f"this user (uid {os.getuid()}) may not write in it")
        return home

    @field_validator("timezone")
    @classmethod
    def _a_known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ValueError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
            raise ValueError("not a time zone name such as Asia/Shanghai") from exc
        return name

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings, env_settings,
                                   dotenv_settings, file_secret_settings) -> tuple[PydanticBaseSettingsSource, ...]:
        sources = [init_settings, env_settings]
        config = os.environ.get("ORDERLOOP_CONFIG")
        if config:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=Path(config)))
        return tuple(sources)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def current_time(self) -> datetime:
        if self.now is None:
            return datetime.now(self.zone)
        # A clock given without an offset is read as the company's local time.
        now = self.now if self.now.tzinfo else self.now.replace(tzinfo=self.zone)
        return now.astimezone(self.zone)

    def review_rules(self) -> ReviewRules:
        return ReviewRules(policy=ApprovalPolicy(threshold=self.approval_threshold),
                           review_window=timedelta(hours=float(self.review_hours)),
                           token_life=timedelta(days=float(self.token_days)),
                           feasibility_days=self.feasibility_days)

    @property
    def mail_domain(self) -> str:
        return self.address.rpartition("@")[2] or "localhost"

    @property
    def inbox_dir(self) -> Path:
        return self.home / "mail" / "inbox"

    @property
    def outbox_dir(self) -> Path:
        return self.home / "mail" / "outbox"

    @property
    def archive_dir(self) -> Path:
        return self.home / "archive"

    @property
    def store_dir(self) -> Path:
        return self.home / "store"
