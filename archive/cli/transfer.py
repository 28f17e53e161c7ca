"""`archive package` (create, verify, import) and `archive transfer` (record, list): handing files on."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archive.catalog import Catalog
from archive.cli import EXIT_FAILED, fail_on_archive_errors, json_option, main, print_json, quiet_option, wait_option
from archive.cli.logs import say, warn
from archive.cli.preservation import parse_ids
from archive.config import Settings


@main.group()
def package() -> None:
    """Transfer packages (BagIt): create one of chosen records, verify one, import one."""


@package.command("create")
@click.option("--file", "files", multiple=True, metavar="CODE", help="A hồ sơ by its code (repeat for several).")
@click.option("--ids", help="Records by id: 3,5-7.")
@click.option("--query", help="Records a search finds (as `archive search` reads it).")
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="New folder.")
@click.option(
    "--allow-classified",
    is_flag=True,
    help="Administrators: let classified or compartmented records in (audited; the package is marked).",
)
@click.option("--organization", help="The sending archive's name in bag-info.txt (default: the home's folder name).")
@json_option
@quiet_option
@click.pass_obj
@fail_on_archive_errors
def package_create(
    settings: Settings, files, ids, query, out: Path, allow_classified: bool, organization, as_json: bool, quiet: bool
) -> None:
    """Write a BagIt package: originals, PDF/A copies, metadata, audit entries, checksum manifests.

    Only unclassified records without compartments go in by default; any other stops the command (exit 1)
    before anything is written, naming each."""
    from archive.transfer.package import GateRefused, create_package

    if not files and ids is None and query is None:
        raise click.UsageError("choose the records: --file CODE…, --ids or --query")
    try:
        result = create_package(
            settings,
            out,
            ids=parse_ids(ids),
            query=query,
            files=list(files) if files else None,
            allow_classified=allow_classified,
            organization=organization,
        )
    except GateRefused as exc:
        if as_json:
            print_json({"refused": exc.blocked, "error": str(exc.message)})
        raise
    if as_json:
        print_json(result.to_dict())
    if result.missing_copies:
        warn(
            f"{len(result.missing_copies)} record(s) have no PDF/A copy yet (run `archive renditions`): "
            + ", ".join(str(i) for i in result.missing_copies[:20]),
            as_json or quiet,
        )
    marked = " (marked: classified records let in)" if result.classified else ""
    say(f"package {result.external_id}: {result.documents} records written to {result.path}{marked}", as_json or quiet)


@package.command("verify")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
@quiet_option
@click.pass_obj
@fail_on_archive_errors
def package_verify(settings: Settings, path: Path, as_json: bool, quiet: bool) -> None:
    """Recompute every checksum of the package; exit 1 naming each changed, missing or unexpected file."""
    from archive.transfer.package import verify_package

    check = verify_package(path)
    if as_json:
        print_json(check.to_dict())
    for p in check.problems:
        warn(f"{p['kind']}: {p['path'] or ''} {p['detail'] if not p['path'] else ''}".rstrip(), as_json)
    say(f"package {check.info.get('External-Identifier', path)}: {'OK' if check.ok else 'FAILED'}", as_json or quiet)
    sys.exit(0 if check.ok else EXIT_FAILED)


@package.command("import")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def package_import(settings: Settings, path: Path, as_json: bool, quiet: bool, wait: float) -> None:
    """Verify a package, then import its records (none on any mismatch). The source archive and id are kept;
    bytes already archived stay one record (a duplicate); a rerun changes nothing. Exit 1 when one was refused."""
    from archive.transfer.importing import PackageInvalid, import_package

    try:
        result = import_package(settings.with_(lock_wait=wait), path)
    except PackageInvalid as exc:
        for p in exc.problems:
            warn(f"{p['kind']}: {p['path'] or p['detail']}", as_json)
        if as_json:
            print_json({"imported": False, "problems": exc.problems})
        raise
    if as_json:
        print_json(result.to_dict())
    for r in result.refused:
        warn(f"refused: source record {r['source_id']}: {r['reason']}", as_json)
    say(
        f"package {result.package}: {len(result.added)} added, {len(result.duplicates)} duplicates, "
        f"{len(result.unchanged)} already imported, {len(result.refused)} refused",
        as_json or quiet,
    )
    sys.exit(EXIT_FAILED if result.refused else 0)


@main.group()
def transfer() -> None:
    """Transfer records: what was handed to another archive, under which decision."""


@transfer.command("record")
@click.option("--file", "file_code", metavar="CODE", help="The hồ sơ handed on.")
@click.option("--ids", help="Records handed on, by id (3,5-7), when not by file.")
@click.option("--to", "recipient", required=True, help='The receiving archive, e.g. "Lưu trữ lịch sử tỉnh".')
@click.option("--decision", required=True, help='The decision or minutes, e.g. "Biên bản giao nhận số 5/BB".')
@click.option("--package", "package_dir", type=click.Path(file_okay=False, path_type=Path), help="The package sent.")
@click.option("--remove-local", is_flag=True, help="Remove the local copies (only once --package verifies).")
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def transfer_record(
    settings: Settings, file_code, ids, recipient, decision, package_dir, remove_local, as_json, quiet, wait
) -> None:
    """Keep a transfer record (like a disposal record); held records refuse it. Exit 1 on refusal."""
    from archive.transfer.transfers import record_transfer

    if (file_code is None) == (ids is None):
        raise click.UsageError("name what was handed on: --file CODE or --ids")
    result = record_transfer(
        settings.with_(lock_wait=wait),
        parse_ids(ids) if ids is not None else None,
        recipient,
        decision,
        file_code=file_code,
        package=package_dir,
        remove_local=remove_local,
    )
    if as_json:
        print_json(result.to_dict())
    t = result.transfer
    removed = ", local copies removed" if t.removed else ""
    say(f"transfer {t.id}: {len(t.records)} records to {t.recipient} under {t.decision}{removed}", as_json or quiet)


@transfer.command("list")
@json_option
@click.pass_obj
@fail_on_archive_errors
def transfer_list(settings: Settings, as_json: bool) -> None:
    """Transfer records, newest first."""
    from archive.transfer.tables import list_transfers

    with Catalog(settings.catalog_path) as catalog:
        found = list_transfers(catalog.db)
    if as_json:
        print_json({"transfers": [t.to_dict() for t in found]})
        return
    for t in found:
        what = f"hồ sơ {t.file_code}, " if t.file_code else ""
        gone = ", removed here" if t.removed else ""
        click.echo(
            f"[{t.id}] {t.at} by {t.actor}: {what}{len(t.records)} records to {t.recipient} ({t.decision}){gone}"
        )
