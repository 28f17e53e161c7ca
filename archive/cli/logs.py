"""What a command leaves behind for the person who reads the night's jobs: stderr, and a rotating log file.

`archive --log-file PATH` (or ARCHIVE_LOG_FILE) appends, for every command: a start line with its
arguments, its one-line summary, each problem and error, and an end line with its exit code and duration;
module warnings (and with -v, info) too. Lines carry the time and the process id, so jobs that overlap can
be told apart. The file is rotated at ARCHIVE_LOG_MAX_MB (default 10) keeping ARCHIVE_LOG_BACKUPS (default 5),
safely when several processes write to it.

Free text (a search query, a hold's reason, `--set` values) may be classified, and the log file is not under
the archive's access control: the start line shows `<text>` in its place, and the errors of such a command
are not copied into the file (they still go to stderr). A repair that succeeded (recovery after a killed run)
goes to stderr as well as to the file, unless the command was given --quiet.
"""

from __future__ import annotations

import getpass
import logging
import time
from collections.abc import Callable

import click
from concurrent_log_handler import ConcurrentRotatingFileHandler

from archive.config import MB, Settings
from archive.pipeline.files import printable

RUN = logging.getLogger("archive.run")  # what commands report: the log file only, as they print it themselves
RUN.addHandler(logging.NullHandler())
RUN.propagate = False
RUN.setLevel(logging.INFO)
FILE_FORMAT = "%(asctime)s archive[%(process)d] %(levelname)s %(source)s%(message)s"
ARGS = "archive.args"  # where the group keeps the command line it was given
TEXT = "<text>"  # what the log file shows in place of free text
HAS_TEXT = "archive.has_text"  # whether the command line held free text (then its error messages may quote it)
WITHHELD = "(the message went to stderr only: it may quote the command's free text)"
# Values of these types are safe to log: numbers, dates, choices, paths (file names are logged with outcomes).
LOGGED_TYPES = (
    click.types.IntParamType,
    click.types.FloatParamType,
    click.types.BoolParamType,
    click.Choice,
    click.DateTime,
    click.Path,
    click.File,
)
HELP = ("-h", "--help")


def say(line: str, quiet: bool = False, logged: str | None = None) -> None:
    """A command's summary: on stdout unless quiet, and in the log (as `logged`, when the line quotes free text)."""
    RUN.info("%s", logged or line)
    if not quiet:
        click.echo(line)


def warn(line: str, quiet: bool = False, logged: str | None = None) -> None:
    """A problem: on stderr (unless quiet: --json says it already) and in the log (as `logged`, when the line
    quotes free text)."""
    RUN.warning("%s", logged or line)
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
        # Several processes share the file (`serve`'s workers, cron jobs): rotation is done under a lock file
        # beside it, so one process's rotation doesn't leave another writing into the renamed file.
        handler = ConcurrentRotatingFileHandler(
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
    """A repair that succeeded (`extra={"repair": True}`: recovery after a killed run) or a note on a run that
    succeeded (`extra={"note": True}`: a searchable PDF that could not be made) is not a problem: with --quiet
    it goes to the log file only, so that a quiet run that succeeded prints nothing."""
    if not (getattr(record, "repair", False) or getattr(record, "note", False)):
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
            log_error(exc.format_message(), ctx)
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
    kept = loggable_args(ctx.command, list(ctx.meta.get(ARGS, [])))
    ctx.meta[HAS_TEXT] = TEXT in kept or any(token.endswith("=" + TEXT) for token in kept)
    RUN.info("start: archive %s (user %s)", printable(" ".join(kept)), getpass.getuser())


def log_error(message: str, ctx: click.Context | None = None) -> None:
    """An error for the log file: its message, unless the command line held free text (a query's words come
    back in "unknown filter …" or "unexpected extra argument …")."""
    ctx = ctx or click.get_current_context(silent=True)
    RUN.error("%s", WITHHELD if ctx is not None and ctx.meta.get(HAS_TEXT) else message)


def loggable_args(command: click.Command, args: list[str]) -> list[str]:
    """The command line as the log file keeps it: subcommands, options, numbers, dates, choices and paths as
    given; free text (search queries and filters, reasons, authorities, names, `--set` values) and anything
    that is not an option of the command replaced by TEXT."""
    options = {name: p for p in command.params if isinstance(p, click.Option) for name in p.opts + p.secondary_opts}
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    kept: list[str] = []
    while args:
        token = args.pop(0)
        if token == "--":  # what follows are arguments, whatever they look like
            kept.append(token)
            kept += [_value(arguments[0] if arguments else None, a) for a in args]
            break
        if token.startswith("-") and token != "-":
            name, equals, value = token.partition("=")
            option = options.get(name)
            if token in HELP or (option is not None and option.is_flag and not equals):
                kept.append(token)
            elif option is None or option.is_flag:
                kept.append(TEXT)
            elif equals:
                kept.append(f"{name}={_value(option, value)}")
            else:
                kept.append(name)
                kept += [_value(option, args.pop(0)) for _ in range(option.nargs) if args]
        elif isinstance(command, click.Group) and token in command.commands:
            return [*kept, token, *loggable_args(command.commands[token], args)]
        else:
            argument = arguments[0] if arguments else None
            kept.append(_value(argument, token))
            if argument is not None and argument.nargs == 1:
                arguments.pop(0)
    return kept


def _value(param: click.Parameter | None, text: str) -> str:
    return text if param is not None and isinstance(param.type, LOGGED_TYPES) else TEXT
