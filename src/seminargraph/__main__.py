"""``python -m seminargraph`` runs the command line."""

from .cli import main

main()
