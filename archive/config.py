"""Settings, built once from command-line options and `ARCHIVE_…` environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from archive.errors import UsageError
from archive.models import Limits

DEFAULT_HOME = "./var"
MB = 1024 * 1024
UPLOADS_DIR = "uploads"  # web uploads wait here, inside the home folder, until they are ingested


@dataclass(frozen=True)
class Settings:
    """Everything configurable; passed explicitly to whatever needs it."""

    home: Path
    languages: tuple[str, ...] = ("vi", "en")
    workers: int = max(1, os.cpu_count() or 1)
    index_batch_size: int = 200  # documents per index commit while ingesting
    reindex_chunk: int | None = None  # documents per commit of `archive reindex`; None: 500, or 5,000 with --full
    lock_wait: float = 0.0  # seconds a writer waits for the lock before giving up
    tesseract: str = "tesseract"  # the OCR program, a name on PATH or a path
    ocr_dpi: int = 300  # resolution PDF pages are rendered at for OCR
    ocr_min_confidence: float = 70.0  # mean word confidence below which an OCR'd record needs review
    ocr_rendition: bool = True  # keep a searchable PDF beside a scan when `ocrmypdf` is installed
    secure_cookies: str = "auto"  # auto: Secure over HTTPS and on loopback; always; never (plain HTTP on a LAN)
    # Limits for hostile or broken files (env ARCHIVE_MAX_…); 0 turns one off.
    max_file_mb: float = 512  # larger files are refused before a byte is read
    max_pages: int = 2000  # PDF pages or TIFF frames
    max_unzipped_mb: float = 1024  # sum of the member sizes of a DOCX or ODT
    max_zip_ratio: float = 100  # how far a member larger than 1 MB may have been compressed
    max_seconds: float = 120  # per file (per page for scans): the worker is killed after this
    max_memory_mb: float = 2048  # address space of each worker process (RLIMIT_AS)
    log_file: Path | None = None  # a rotating log of what each command did (--log-file, ARCHIVE_LOG_FILE)
    log_max_mb: float = 10  # size at which the log is rotated
    log_backups: int = 5  # rotated logs kept
    job_nice: int = 10  # CPU priority given up by batch jobs (ingest, reindex, OCR, verify, backup); 0 keeps it
    max_upload_mb: int = 1024  # the largest web upload (all files of one request together), in MiB
    # The process's umask at start (env ARCHIVE_UMASK, octal): 077 makes everything the archive writes (catalog,
    # index, store, lock file, logs, backups) readable by its own account only; 027 lets a group read.
    umask: int = 0o077
    # New records and batches take random ids, not the next number: the gaps between the ids a reader sees
    # then say nothing of records hidden from them. Existing ids are kept. ARCHIVE_RANDOM_IDS=0 counts instead.
    random_ids: bool = True
    # A search stops here and answers "too broad" (ARCHIVE_SEARCH_DEADLINE_MS). Unset: 600 ms for up to 250,000
    # records, more in proportion for a larger archive (`indexer.Budget.for_archive`); set: that, whatever the size.
    search_deadline_ms: float | None = None
    # Memory a searching process gives its caches of decoded postings (ARCHIVE_SEARCH_CACHE_MB): 0 sizes them by
    # the index (its size on disk, between 256 MB and 2 GB, plus half that for postings merged over segments
    # and a quarter for filters). Set it when several server processes share a machine with a large archive.
    search_cache_mb: float = 0
    # OCR on other machines (archive/pipeline/remote/): a Celery broker URL, redis://[:password@]host:port/db or rediss://.
    broker: str | None = None  # None: every page is read by this machine's own worker pool
    broker_visibility: float = 900  # seconds before a page a lost worker held goes to another worker
    broker_timeout: float = 3600  # seconds the home waits for one remote page before reporting it unread

    @property
    def store_dir(self) -> Path:
        return self.home / "store"

    @property
    def catalog_path(self) -> Path:
        return self.home / "catalog.sqlite3"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def uploads_dir(self) -> Path:
        return self.home / UPLOADS_DIR

    @property
    def lock_path(self) -> Path:
        return self.home / "archive.lock"

    @property
    def search_budget(self):
        """What one search may cost (`indexer.Budget`), made afresh for each search."""
        from functools import partial

        from indexer import Budget

        if self.search_deadline_ms is None:
            return Budget
        return partial(Budget, seconds=self.search_deadline_ms / 1000, per_records=None)

    @property
    def search_cache_bytes(self) -> int | None:
        """The searcher's cache budget in bytes, or None to size it by the index."""
        return int(self.search_cache_mb * MB) or None

    @property
    def limits(self) -> Limits:
        """The limits a worker checks before a parser opens a file."""
        return Limits(self.max_pages, int(self.max_unzipped_mb * MB), self.max_zip_ratio)

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)

    @classmethod
    def load(cls, home: str | os.PathLike | None = None, **overrides) -> Settings:
        """Settings from explicit values, then the environment, then defaults."""
        env = os.environ
        home_path = Path(home or env.get("ARCHIVE_HOME") or DEFAULT_HOME).expanduser().resolve()
        values: dict = {"home": home_path}
        if env.get("ARCHIVE_LANGUAGES"):
            values["languages"] = tuple(x.strip() for x in env["ARCHIVE_LANGUAGES"].split(",") if x.strip())
        if env.get("ARCHIVE_WORKERS"):
            values["workers"] = max(1, int(env["ARCHIVE_WORKERS"]))
        if env.get("ARCHIVE_INDEX_BATCH_SIZE"):
            values["index_batch_size"] = max(1, int(env["ARCHIVE_INDEX_BATCH_SIZE"]))
        if env.get("ARCHIVE_REINDEX_CHUNK"):
            values["reindex_chunk"] = _number("ARCHIVE_REINDEX_CHUNK", env["ARCHIVE_REINDEX_CHUNK"], int) or None
        if env.get("ARCHIVE_TESSERACT"):
            values["tesseract"] = env["ARCHIVE_TESSERACT"]
        if env.get("ARCHIVE_OCR_DPI"):
            values["ocr_dpi"] = max(72, int(env["ARCHIVE_OCR_DPI"]))
        if env.get("ARCHIVE_OCR_MIN_CONFIDENCE"):
            values["ocr_min_confidence"] = float(env["ARCHIVE_OCR_MIN_CONFIDENCE"])
        if env.get("ARCHIVE_OCR_RENDITION"):
            values["ocr_rendition"] = env["ARCHIVE_OCR_RENDITION"].strip().lower() not in ("0", "no", "off", "false")
        if env.get("ARCHIVE_SECURE_COOKIES"):
            values["secure_cookies"] = env["ARCHIVE_SECURE_COOKIES"].strip().lower()
        for name, cast in NUMBERS.items():
            variable = f"ARCHIVE_{name.upper()}"
            if env.get(variable):
                values[name] = _number(variable, env[variable], cast)
        if env.get("ARCHIVE_LOG_FILE"):
            values["log_file"] = Path(env["ARCHIVE_LOG_FILE"]).expanduser()
        if env.get("ARCHIVE_RANDOM_IDS"):
            values["random_ids"] = env["ARCHIVE_RANDOM_IDS"].strip().lower() not in ("0", "no", "off", "false")
        if env.get("ARCHIVE_UMASK"):
            values["umask"] = _umask(env["ARCHIVE_UMASK"])
        if env.get("ARCHIVE_MAX_UPLOAD_MB"):
            values["max_upload_mb"] = max(1, int(env["ARCHIVE_MAX_UPLOAD_MB"]))
        if env.get("ARCHIVE_BROKER", "").strip():
            values["broker"] = env["ARCHIVE_BROKER"].strip()
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


# Settings read from ARCHIVE_<NAME> as numbers.
NUMBERS = {
    "search_deadline_ms": float,
    "search_cache_mb": float,
    "max_file_mb": float,
    "max_pages": int,
    "max_unzipped_mb": float,
    "max_zip_ratio": float,
    "max_seconds": float,
    "max_memory_mb": float,
    "log_max_mb": float,
    "log_backups": int,
    "job_nice": int,
    "broker_visibility": float,
    "broker_timeout": float,
}


def _number(variable: str, text: str, cast: type) -> float:
    try:
        value = cast(text.strip())
    except ValueError:
        raise UsageError(f"{variable}={text!r}: not a {'whole ' if cast is int else ''}number") from None
    if value < 0:
        raise UsageError(f"{variable}={text!r}: must not be negative")
    return value


def _umask(value: str) -> int:
    try:
        mask = int(value.strip(), 8)
    except ValueError:
        mask = -1
    if not 0 <= mask <= 0o777:
        raise UsageError(f"ARCHIVE_UMASK={value!r}: not an octal mask such as 077 or 027")
    return mask
