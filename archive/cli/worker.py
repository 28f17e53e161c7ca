"""`archive worker`: read scan pages for an archive whose home is on another machine (a Celery worker)."""

from __future__ import annotations

import socket
import sys

import click

from archive.cli import EXIT_FAILED, main
from archive.config import Settings
from indexer import engine_for


@main.command()
@click.option(
    "--broker",
    metavar="URL",
    envvar="ARCHIVE_BROKER",
    required=True,
    help="The Celery broker the archive sends pages to, redis://[:password@]host:port/db or rediss:// "
    "(env ARCHIVE_BROKER; the environment keeps a password out of the process list).",
)
@click.option("--concurrency", type=click.IntRange(1, 256), help="Tesseract processes (default: one per core).")
@click.option("--name", help="This worker's name on the broker (default: archive@<host name>).")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors on stderr.")
@click.pass_obj
def worker(settings: Settings, broker: str, concurrency: int | None, name: str | None, quiet: bool) -> None:
    """Read scan pages and files sent through a broker, one process per core, until stopped. Needs Tesseract
    with the archive's languages (ARCHIVE_TESSERACT, ARCHIVE_LANGUAGES), not the archive's home."""
    from archive.pipeline.remote import tasks
    from archive.pipeline.remote.app import QUEUE, celery_app

    tasks.configure(settings.tesseract)
    tasks.configure_memory(settings.max_memory_mb)  # each pool process, as the archive's own workers
    problem = tasks.missing(engine_for(settings.tesseract, settings.languages).languages)
    if problem:
        click.echo(f"archive: error: {problem}", err=True)
        sys.exit(EXIT_FAILED)
    app = celery_app(broker, settings.broker_visibility)
    celery_worker = app.Worker(
        hostname=name or f"archive@{socket.gethostname()}",
        concurrency=concurrency or settings.workers,
        queues=[QUEUE],
        loglevel="WARNING" if quiet else "INFO",
        quiet=quiet,
        without_gossip=True,  # workers need not know each other: the broker hands out the pages
        without_mingle=True,
        optimization="fair",  # a page goes to a process that is free, not to one busy with a long page
    )
    celery_worker.start()
    sys.exit(celery_worker.exitcode or 0)
