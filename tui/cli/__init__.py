"""The ``evnews-tui`` command line: a stable contract that later features extend.

``evnews-tui [PATH...]`` launches the app (importing PATHs first); the subcommands work
on the library without starting Textual, which is imported only to launch the app.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..core.paths import resolve_db_path
from ..core.store import LibraryError, damaged, is_damage
from .render import fail

#: subcommand name -> handler(args) -> exit code; filled by build_parser()
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def _common(default: object = None) -> argparse.ArgumentParser:
    """Options every command takes, before or after the command name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=default,
                        help="library file (default: $EVNEWS_DB or the platform data directory)")
    return common


def _launcher() -> argparse.ArgumentParser:
    launcher = argparse.ArgumentParser(
        prog="evnews-tui",
        parents=[_common()],
        description="Bilingual (English/Russian) EV industry news reader. Without a command, opens the app.",
        epilog="commands: add, list, show, search, entities, reindex, feeds, refresh (run 'evnews-tui COMMAND --help')",
    )
    launcher.add_argument("--version", action="version", version=f"evnews-tui {__version__}")
    launcher.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to import before opening")
    return launcher


def build_parser() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The launcher parser and the subcommand parser (which imports every command's module)."""
    from . import entity_cmds, feed_cmds, library_cmds, search_cmds

    common = _common()
    # SUPPRESS: a subcommand's own --db default must not erase one given before the command.
    sub_common = _common(argparse.SUPPRESS)
    commands = argparse.ArgumentParser(prog="evnews-tui", parents=[common])
    commands.add_argument("--version", action="version", version=f"evnews-tui {__version__}")
    sub = commands.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (library_cmds, search_cmds, entity_cmds, feed_cmds):
        COMMANDS.update(module.register(sub, sub_common))
    return _launcher(), commands


def _first_word(argv: Sequence[str]) -> str | None:
    skip_next = False
    for token in argv:
        if skip_next:
            skip_next = False
        elif token == "--db":
            skip_next = True
        elif not token.startswith("-"):
            return token
    return None


def _db_option(argv: Sequence[str]) -> str | None:
    """The value of the last ``--db`` in ``argv`` (for messages about the library file)."""
    values = [b for a, b in zip(argv, argv[1:]) if a == "--db"] + [a[5:] for a in argv if a.startswith("--db=")]
    return values[-1] if values else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 failure, 2 usage error)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if _first_word(argv) is None:  # just the app: start it without importing every command
            from .library_cmds import launch

            return launch(_launcher().parse_args(argv))
        launcher, commands = build_parser()
        if _first_word(argv) in COMMANDS:
            args = commands.parse_args(argv)
            return COMMANDS[args.command](args)
        from .library_cmds import launch

        return launch(launcher.parse_args(argv))
    except LibraryError as exc:
        return fail(str(exc))
    except sqlite3.DatabaseError as exc:  # damage found past the checks at open, or a failing disk
        return fail(str(damaged(resolve_db_path(_db_option(argv)), exc)) if is_damage(exc) else f"library error: {exc}")
    except KeyboardInterrupt:
        return fail("interrupted", code=130)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing more to say
        return 0
