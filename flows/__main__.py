"""`python -m flows` is the `orderloop` command."""
from flows.cli import main

main()
