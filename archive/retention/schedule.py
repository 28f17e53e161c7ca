"""The retention schedule and protection periods: `retention.toml` in the home folder, written with the
defaults on first use so that an archivist can read and edit it; read again on every use."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from archive.errors import UsageError
from archive.vocabulary import CLASSIFICATIONS, DOC_TYPES
from indexer.normalize import fold

FILENAME = "retention.toml"
REPORT_KINDS = ("annual", "half_year", "quarterly", "monthly", "other")

# Defaults drawn from Hướng dẫn 35-HD/VPTW (sample tables for Party bodies) and Circular 10/2022/TT-BNV;
# the appendix is unverified, so every value is the file's to change.
DEFAULT_TEXT = """\
# Retention schedule (thời hạn bảo quản) and protection periods of state secrets for this archive.
# Edit and save: the archive reads this file every time it is used. A period is "permanent" or a number
# of years. A retention period counts from 1 January of the year after the record's date (Circular
# 10/2022/TT-BNV); a record's own `retention` (archive edit ID --set retention=…) wins over this file.
# Defaults from the Party guidance (Hướng dẫn 35-HD/VPTW, 2010) and Circular 10/2022/TT-BNV.

# The committee whose archive this is. Its own records follow [own]; records of other bodies follow
# [received]. Match by issuer (as `archive show` prints it) or by the body in the symbol (412-BC/TU → TU).
# While both lists are empty, every record counts as the committee's own: the longer periods, the safe side.
[committee]
issuers = []        # e.g. ["Tỉnh ủy Quảng Trị", "Ban Thường vụ Tỉnh ủy Quảng Trị"]
bodies = []         # e.g. ["TU", "VPTU"]

# The committee's own records, by document type code.
[own]
NQ = "permanent"    # nghị quyết (resolutions)
CT = "permanent"    # chỉ thị (directives)
"QĐi" = "permanent" # quy định (regulations)
KL = "permanent"    # kết luận (conclusions)
BB = "permanent"    # biên bản (minutes of committee meetings)
QC = "permanent"    # quy chế (working rules)
"QĐ" = "permanent"  # quyết định (decisions on organisation and cadres)
TB = 20             # thông báo
HD = 20             # hướng dẫn
KH = 20             # kế hoạch
CTr = 20            # chương trình
"ĐA" = 20           # đề án
PA = 20             # phương án
TTr = 20            # tờ trình
TT = 20             # thông tri
CV = 10             # công văn (routine dispatches)
default = 20        # any other type, or none read

# Reports (BC) by the period they cover, told from the title.
[reports]
annual = "permanent"  # báo cáo năm, tổng kết
half_year = 20        # 6 and 9 months
quarterly = 5
monthly = 5
other = 20            # a report whose period the title does not say

# Records received from other bodies (their originals are kept by those bodies).
[received]
"NĐ" = 10
default = 10

# Protection periods of state secrets in years from the record's date, then a review for
# declassification (Law 29/2018/QH14, kept by Law 117/2025/QH15); `archive classification due` lists them.
[classification]
top_secret = 30     # tuyệt mật
secret = 20         # tối mật
confidential = 10   # mật
"""


@dataclass(frozen=True)
class Schedule:
    """Periods in years; None means permanent."""

    issuers: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    own: dict[str, int | None] = field(default_factory=dict)
    reports: dict[str, int | None] = field(default_factory=dict)
    received: dict[str, int | None] = field(default_factory=dict)
    protection: dict[str, int] = field(default_factory=dict)
    source: str = FILENAME

    @property
    def committee_known(self) -> bool:
        return bool(self.issuers or self.bodies)

    def is_own_issuer(self, issuer: str | None) -> bool:
        return issuer is not None and _key(issuer) in {_key(i) for i in self.issuers}

    def is_own_body(self, body: str | None) -> bool:
        return body is not None and _key(body) in {_key(b) for b in self.bodies}


def schedule_path(home: Path) -> Path:
    return home / FILENAME


def ensure_schedule(home: Path) -> Path:
    """Write the default schedule if the home folder has none; returns its path."""
    path = schedule_path(home)
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(DEFAULT_TEXT, encoding="utf-8")
        tmp.replace(path)
    return path


def load_schedule(home: Path) -> Schedule:
    """The schedule in `home` (written with the defaults first if missing)."""
    path = ensure_schedule(home)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the retention schedule: {exc}") from exc
    return parse_schedule(data, str(path))


def default_schedule() -> Schedule:
    return parse_schedule(tomllib.loads(DEFAULT_TEXT), "defaults")


def parse_schedule(data: dict, source: str) -> Schedule:
    committee = data.get("committee", {})
    protection = {level: _years(f"classification.{level}", v) for level, v in data.get("classification", {}).items()}
    for level in protection:
        if level not in CLASSIFICATIONS[1:]:
            raise UsageError(f"{source}: [classification] {level!r} is not a level; levels: {CLASSIFICATIONS[1:]}")
    if None in protection.values():
        raise UsageError(f"{source}: a protection period is a number of years")
    reports = {kind: _years(f"reports.{kind}", v) for kind, v in data.get("reports", {}).items()}
    for kind in reports:
        if kind not in REPORT_KINDS:
            raise UsageError(f"{source}: [reports] {kind!r} is not a kind; kinds: {', '.join(REPORT_KINDS)}")
    return Schedule(
        issuers=tuple(committee.get("issuers", ())),
        bodies=tuple(committee.get("bodies", ())),
        own=_types(source, "own", data.get("own", {})),
        reports=reports,
        received=_types(source, "received", data.get("received", {})),
        protection=protection,
        source=source,
    )


def _types(source: str, table: str, values: dict) -> dict[str, int | None]:
    for code in values:
        if code != "default" and code not in DOC_TYPES:
            raise UsageError(f"{source}: [{table}] {code!r} is not a document type code; codes: {', '.join(DOC_TYPES)}")
    return {code: _years(f"{table}.{code}", value) for code, value in values.items()}


def _years(name: str, value) -> int | None:
    if isinstance(value, str) and fold(value).strip().lower() in ("permanent", "vinh vien"):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 200:
        return value
    raise UsageError(f'{FILENAME}: {name} must be "permanent" or a number of years, not {value!r}')


def _key(text: str) -> str:
    return fold(text).lower().strip()
