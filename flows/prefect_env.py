"""Prefect defaults for a closed network; imported before prefect itself.

Without them every run logs a failed telemetry call, and the ephemeral API's
20 s start-up limit is too short on a fresh machine (STACK-NOTES.md).
"""
import os

for name, value in {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_LEVEL": "WARNING",
}.items():
    os.environ.setdefault(name, value)
