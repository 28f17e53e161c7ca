"""`archive` command line: the group, shared options and helpers; commands live in the modules beside.

Commands are thin: they call the pipeline and turn errors into messages and exit codes.

Exit codes: 0 success; 1 something failed (a file, a check, a lookup); 2 bad usage;
75 the archive is busy (another job holds the writer lock; try again later).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from archive.cli.logs import RUN, LoggedGroup, log_error, log_start, start_logging
from archive.config import DEFAULT_HOME, Settings
from archive.errors import ArchiveError, LockedError

EXIT_FAILED = 1
EXIT_BUSY = 75  # EX_TEMPFAIL: cron wrappers retry later


def fail_on_archive_errors(command: Callable) -> Callable:
    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except LockedError as exc:
            RUN.error("%s", exc.message)
            click.echo(f"archive: {exc.message}", err=True)
            sys.exit(EXIT_BUSY)
        except ArchiveError as exc:
            log_error(exc.message)
            click.echo(f"archive: error: {exc.message}", err=True)
            sys.exit(EXIT_FAILED)

    return wrapper


def background_job(command: Callable) -> Callable:
    """A batch job (placed under `click.pass_obj`) runs at a lower CPU priority, ARCHIVE_JOB_NICE (default 10):
    on a machine it shares with `archive serve`, readers come first; on an idle machine it is no slower.
    Its worker processes (extraction, OCR) inherit the priority."""

    @wraps(command)
    def wrapper(settings: Settings, *args, **kwargs):
        if settings.job_nice:
            os.nice(min(settings.job_nice, 19))
        return command(settings, *args, **kwargs)

    return wrapper


def print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False))


def progress(total: int | None, unit: str, quiet: bool):
    """A progress bar on a terminal (files done, rate, time left); nothing on a pipe."""
    import shutil

    from tqdm import tqdm

    size = shutil.get_terminal_size((100, 24))  # a terminal that reports no size (0×0) hides tqdm's bar
    return tqdm(
        total=total,
        unit=unit,
        file=sys.stderr,
        disable=quiet or not sys.stderr.isatty(),
        ncols=size.columns,
        nrows=size.lines or 24,
    )


wait_option = click.option(
    "--wait", type=float, default=0.0, show_default=True, help="Seconds to wait for a busy archive."
)
json_option = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
broker_option = click.option(
    "--broker",
    metavar="URL",
    help="Send scan pages to `archive worker` processes through this Celery broker, redis://[:password@]host:port/db "
    "(env ARCHIVE_BROKER; the environment keeps a password out of the process list).",
)
quiet_option = click.option(
    "-q", "--quiet", is_flag=True, help="No output on success (for cron); problems still on stderr."
)


@click.group(cls=LoggedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="ARCHIVE_HOME",
    default=DEFAULT_HOME,
    show_default=True,
    help="The archive's home folder (env ARCHIVE_HOME).",
)
@click.option("-v", "--verbose", is_flag=True, help="Log what happens on stderr.")
@click.option(
    "--log-file",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="ARCHIVE_LOG_FILE",
    help="Also append what each command does to this file, rotated (env ARCHIVE_LOG_FILE).",
)
@click.pass_context
def main(ctx: click.Context, home: Path, verbose: bool, log_file: Path | None) -> None:
    """Records archive with full-text search for Party committee offices."""
    try:
        ctx.obj = Settings.load(home, log_file=log_file)
    except ArchiveError as exc:  # a mistyped ARCHIVE_… variable is bad usage, like a mistyped option
        raise click.UsageError(exc.message) from None
    os.umask(ctx.obj.umask)  # before anything is written: a home holding secrets is not for other accounts
    ctx.call_on_close(start_logging(ctx.obj, verbose))
    log_start(ctx)
    import getpass

    from archive.audit import audit

    audit.set_acting(getpass.getuser(), "cli")  # the audit trail's "who" and "from where" for this command


# The commands register themselves on `main` when their modules are imported.
from archive.cli import (  # noqa: E402, F401
    auditing,
    backup,
    filing,
    followup,
    ingesting,
    maintenance,
    ocr,
    preservation,
    records,
    registers,
    reports,
    retention,
    saved,
    serving,
    transfer,
    users,
    worker,
)
