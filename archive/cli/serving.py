"""`archive serve`: the web app and JSON API under waitress."""

from __future__ import annotations

import click

from archive.cli import fail_on_archive_errors, main
from archive.config import Settings


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=5000, show_default=True)
@click.option("--threads", type=click.IntRange(1, 64), default=8, show_default=True)
@click.pass_obj
@fail_on_archive_errors
def serve(settings: Settings, host: str, port: int, threads: int) -> None:
    """Serve the web interface and JSON API with waitress."""
    from waitress import serve as waitress_serve

    from web import create_app

    app = create_app(settings)
    click.echo(f"Serving the archive in {settings.home} on http://{host}:{port}/", err=True)
    waitress_serve(app, host=host, port=port, threads=threads, ident="archive")
