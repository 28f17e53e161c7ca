"""`archive serve`: the web app and JSON API under gunicorn (`web.server`), one process per core."""

from __future__ import annotations

import os

import click

from archive.cli import fail_on_archive_errors, main
from archive.config import Settings


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=5000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=lambda: max(1, min(os.cpu_count() or 1, 4)),
              show_default="cores, at most 4", help="Server processes, each with its own search caches.")  # fmt: skip
@click.option("--threads", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Threads per process, for connections waiting on the network or the disk.")  # fmt: skip
@click.pass_obj
@fail_on_archive_errors
def serve(settings: Settings, host: str, port: int, workers: int, threads: int) -> None:
    """Serve the web interface and JSON API."""
    from web.server import ArchiveServer

    click.echo(f"Serving the archive in {settings.home} on http://{host}:{port}/ ({workers} processes)", err=True)
    ArchiveServer(settings, bind=f"{host}:{port}", workers=workers, threads=threads).run()
