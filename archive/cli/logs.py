"""What a command leaves behind for the person who reads the night's jobs: stderr, and a rotating log file.

`archive --log-file PATH` (or ARCHIVE_LOG_FILE) appends, for every command: a start line with its
arguments, its one-line summary, each problem and error, and an end line with its exit code and duration;
module warnings (and with -v, info) too. A repair that succeeded (recovery after a killed run) goes to stderr
as well, unless the command was given --quiet. Lines carry the time and the process id, so jobs that overlap can
be told apart. The file is rotated at ARCHIVE_LOG_MAX_MB (default 10) keeping ARCHIVE_LOG_BACKUPS (default 5).
"""

from __future__ import annotations

import getpass
import logging
import time
from collections.abc import Callable
from logging.handlers import RotatingFileHandler

import click

from archive.config import MB, Settings

RUN = logging.getLogger("archive.run")  # what commands report: the log file only, as they print it themselves
RUN.addHandler(logging.NullHandler())
RUN.propagate = False
RUN.setLevel(logging.INFO)
FILE_FORMAT = "%(asctime)s archive[%(process)d] %(levelname)s %(source)s%(message)s"
ARGS = "archive.args"  # where the group keeps the command line it was given


def say(line: str, quiet: bool = False) -> None:
    """A command's summary: on stdout unless quiet, and in the log."""
    RUN.info("%s", line)
    if not quiet:
        click.echo(line)


def warn(line: str, quiet: bool = False) -> None:
    """A problem: on stderr (unless quiet: --json says it already) and in the log."""
    RUN.warning("%s", line)
    if not quiet:
        click.echo(line, err=True)


def start_logging(settings: Settings, verbose: bool) -> Callable[[], None]:
    """Send log records to stderr (warnings, or info with -v) and to the log file if there is one; returns
    what undoes it (in-process callers, tests among them, run many commands)."""
    root = logging.getLogger()
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.INFO if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    stderr.addFilter(_quiet_repairs)
    attached = [(root, stderr)]
    if settings.log_file is not None:
        settings.log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            settings.log_file,
            maxBytes=int(settings.log_max_mb * MB),
            backupCount=settings.log_backups,
            encoding="utf-8",
        )
        handler.setLevel(logging.INFO)
        handler.setFormatter(logging.Formatter(FILE_FORMAT))
        handler.addFilter(_name_modules)
        attached += [(root, handler), (RUN, handler)]
    level = root.level
    root.setLevel(logging.INFO if verbose or settings.log_file else logging.WARNING)
    for logger, handler in attached:
        logger.addHandler(handler)

    def stop() -> None:
        for logger, handler in attached:
            logger.removeHandler(handler)
            handler.close()
        root.setLevel(level)

    return stop


def _quiet_repairs(record: logging.LogRecord) -> bool:
    """A repair that succeeded (`extra={"repair": True}`: recovery after a killed run) is not a problem: with
    --quiet it goes to the log file only, so that a quiet run that succeeded prints nothing."""
    if not getattr(record, "repair", False):
        return True
    ctx = click.get_current_context(silent=True)
    return ctx is None or not ctx.params.get("quiet")


def _name_modules(record: logging.LogRecord) -> bool:
    """Commands' own lines read plainly; a module's carry its name."""
    record.source = "" if record.name == RUN.name else f"{record.name}: "
    return True


class LoggedGroup(click.Group):
    """A click group that logs each command's start, and its end with the exit code."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[ARGS] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        started, code = time.monotonic(), 0
        try:
            return super().invoke(ctx)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            raise
        except click.exceptions.Exit as exc:
            code = exc.exit_code
            raise
        except click.ClickException as exc:
            code = exc.exit_code
            RUN.error("%s", exc.format_message())
            raise
        except KeyboardInterrupt:
            code = 1  # click turns it into "Aborted!" and exit 1
            RUN.error("interrupted")
            raise
        except BaseException:
            code = 1
            RUN.exception("stopped by an unexpected error")
            raise
        finally:
            RUN.info("end: exit %s after %.1f s", code, time.monotonic() - started)


def log_start(ctx: click.Context) -> None:
    RUN.info("start: archive %s (user %s)", " ".join(ctx.meta.get(ARGS, [])), getpass.getuser())
