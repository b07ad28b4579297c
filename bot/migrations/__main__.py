"""``python -m bot.migrations revision "message"``: autogenerate a revision for developers."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bot.migrations import new_revision


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.migrations")
    commands = parser.add_subparsers(dest="command", required=True)
    revision = commands.add_parser("revision", help="autogenerate a revision from bot/models.py")
    revision.add_argument("message", help="what the revision changes, in a few words")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        new_revision(args.message, f"sqlite:///{Path(scratch) / 'scratch.db'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
