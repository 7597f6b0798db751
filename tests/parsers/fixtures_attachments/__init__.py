"""Order files and emails for the attachment tests, built from code (see build.py)."""
