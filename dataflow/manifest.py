"""Transfer manifests (DESIGN §3.3): what is planned to leave China, by whom, to whom, why.

A manifest file holds one transfer (``transfer:``) or several (``transfers: [...]``)::

    schema_version: 1
    transfer:
      id: TX-2026-0042
      date: 2026-11-30
      exporter: {name: Acme (Tianjin) Ltd, ciio: false, state_organ: false, ftz: tianjin}
      recipient: {name: Acme GmbH, country: DE, restricted_list: false,
                  judicial_or_law_enforcement: false}
      purpose: customer support
      scenario: none
      sector: retail
      datasets:
        - {schema: schemas/orders.sql, tables: [customers], sample: samples/customers.csv,
           subjects: 250000, important_data: none}
      prior_exports: {subjects: 40000, sensitive_subjects: 0}
      existing_approvals: []

Optional keys beyond DESIGN §3.3:

- ``transfer.lawful_basis``: ``consent`` (default) or a PIPL Art. 13(1)(2)-(7) basis
  (``contract``, ``hr_management``, ``legal_duty``, ``emergency``, ``news_reporting``,
  ``public_information``, ``other_law``); separate consent is listed only for ``consent``;
- ``transfer.subjects`` / ``transfer.sensitive_subjects``: people in the whole transfer when its
  datasets describe the same people (otherwise the datasets' counts are summed);
- ``datasets[].core_data: true``: the dataset is core data (blocked);
- ``prior_exports.exempt_subjects`` / ``exempt_sensitive_subjects``: people exported earlier under
  exemption scenarios, not counted unless ``count_exempt_volumes``;
- ``existing_approvals[]``: ``{mechanism, reference, issued | valid_until, scope: {purposes,
  categories, recipients, max_subjects, max_sensitive_subjects}}``; without ``valid_until`` an
  assessment is valid for the rule pack's period from ``issued``.

Validation is strict: unknown keys, wrong types and missing keys raise ``ManifestError`` naming
the file, the key path and its line. Relative paths are resolved against the manifest's folder.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataflow import vocab
from dataflow.errors import ManifestError
from dataflow.i18n import msg
from dataflow.rules import SCENARIOS, YamlChecker
from dataflow.yamlio import YamlDoc, join_key, load_document

IMPORTANT_STATUSES = ("none", "candidate", "confirmed")
# PIPL Art. 13(1): (1) consent, (2) contract / HR, (3) legal duty, (4) emergency,
# (5) news reporting, (6) disclosed information, (7) other laws.
LAWFUL_BASES = (
    "consent",
    "contract",
    "hr_management",
    "legal_duty",
    "emergency",
    "news_reporting",
    "public_information",
    "other_law",
)
APPROVAL_MECHANISMS = vocab.APPROVAL_MECHANISMS

_TRANSFER_REQUIRED = (
    "id",
    "date",
    "exporter",
    "recipient",
    "purpose",
    "scenario",
    "sector",
    "datasets",
)
_TRANSFER_OPTIONAL = (
    "prior_exports",
    "existing_approvals",
    "lawful_basis",
    "subjects",
    "sensitive_subjects",
)


@dataclass(frozen=True)
class Exporter:
    """The data processor in China."""

    name: str
    ciio: bool
    state_organ: bool
    ftz: str | None = None  # zone id (tianjin, beijing, …) when registered and operating in an FTZ


@dataclass(frozen=True)
class Recipient:
    """The overseas recipient."""

    name: str
    country: str
    restricted_list: bool = False
    judicial_or_law_enforcement: bool = False


@dataclass(frozen=True)
class DatasetSpec:
    """One dataset of a transfer: where its schema and sample are and how many people it covers."""

    key: str  # key path in the manifest, for messages (``transfer.datasets[0]``)
    schema: Path | None
    tables: tuple[str, ...] = ()
    sample: Path | None = None
    subjects: int | None = None
    count_distinct: str | None = None
    sensitive_subjects: int | None = None
    important_data: str = "none"
    core_data: bool = False
    full: bool = False
    # A database table instead of files: ``source`` is its URL (or ``db:NAME``), ``tables``
    # holds the one table, and ``people`` says how the database counts its distinct people.
    source: str | None = None
    people: PeopleKey | None = None
    # ``engine: spark``: the files are read, and people counted, through Apache Spark (a
    # ``source: spark:…`` always is).
    engine: str = "local"


@dataclass(frozen=True)
class PeopleKey:
    """``subjects: {count_distinct: COLUMN(S) | expression: SQL, where: SQL}`` of a database."""

    columns: tuple[str, ...] = ()
    expression: str | None = None
    where: str | None = None
    # Spark sources: ``approx_count_distinct`` with this relative standard deviation
    # instead of the exact count (``approximate: 0.01``).
    approximate: float | None = None


@dataclass(frozen=True)
class PriorExports:
    """People whose PI was exported earlier in the counting window (before this transfer)."""

    subjects: int = 0
    sensitive_subjects: int = 0
    exempt_subjects: int = 0  # exported under exempt scenarios (not counted by default)
    exempt_sensitive_subjects: int = 0
    source: str = "manifest"  # manifest | ledger | none


@dataclass(frozen=True)
class Approval:
    """An existing approval (assessment result, filed contract, certificate) and its scope."""

    mechanism: str
    reference: str = ""
    issued: dt.date | None = None
    valid_until: dt.date | None = None
    purposes: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()  # element or category id prefixes (pi.contact, pi.identity…)
    recipients: tuple[str, ...] = ()
    max_subjects: int | None = None
    max_sensitive_subjects: int | None = None


@dataclass(frozen=True)
class Transfer:
    """One planned outbound transfer, validated."""

    id: str
    date: dt.date
    exporter: Exporter
    recipient: Recipient
    purpose: str
    scenario: str
    sector: str
    datasets: tuple[DatasetSpec, ...]
    prior_exports: PriorExports | None = None
    existing_approvals: tuple[Approval, ...] = ()
    lawful_basis: str = "consent"
    subjects: int | None = None  # overrides the sum over datasets (same people in each)
    sensitive_subjects: int | None = None
    path: str = ""
    key: str = "transfer"
    canonical: str = ""  # canonical JSON of the transfer as written, for fingerprints


def load_manifest(path: str | Path) -> tuple[Transfer, ...]:
    """Load and validate a manifest file; raise ``ManifestError`` on any problem."""
    doc = load_document(path, error_cls=ManifestError)
    return parse_manifest(doc, Path(path).parent)


def parse_manifest(doc: YamlDoc, base: Path) -> tuple[Transfer, ...]:
    """Validate a loaded manifest; relative paths are resolved against ``base``."""
    c = YamlChecker(doc, ManifestError)
    data = c.keys(doc.data, "", ("schema_version",), ("transfer", "transfers"))
    if data is None:
        c.raise_first()
        raise AssertionError("unreachable")
    if data.get("schema_version") != 1:
        c.fail("schema_version", msg("y.schema_version", version=1))
    items: list[tuple[str, Any]] = []
    if ("transfer" in data) == ("transfers" in data):
        c.fail("", msg("m.one_transfer_key"))
    elif "transfer" in data:
        items.append(("transfer", data["transfer"]))
    else:
        raw = c.list_(data["transfers"], "transfers")
        if not raw and isinstance(data["transfers"], list):
            c.fail("transfers", msg("m.empty_list"))
        items.extend((f"transfers[{i}]", t) for i, t in enumerate(raw))
    transfers = [_transfer(c, key, value, base) for key, value in items]
    ids = [t.id for t in transfers if t is not None]
    for i, tid in enumerate(ids):
        if tid in ids[:i]:
            c.fail(items[i][0] + ".id", msg("m.duplicate_transfer", id=tid))
    c.raise_first()
    return tuple(t for t in transfers if t is not None)


def _transfer(c: YamlChecker, key: str, value: Any, base: Path) -> Transfer | None:
    t = c.keys(value, key, _TRANSFER_REQUIRED, _TRANSFER_OPTIONAL)
    if t is None:
        return None
    tid = c.str_(t.get("id"), f"{key}.id") if "id" in t else None
    date = c.date(t.get("date"), f"{key}.date") if "date" in t else None
    exporter = _exporter(c, f"{key}.exporter", t.get("exporter"))
    recipient = _recipient(c, f"{key}.recipient", t.get("recipient"))
    purpose = c.str_(t.get("purpose"), f"{key}.purpose") if "purpose" in t else None
    scenario = c.choice(t.get("scenario"), f"{key}.scenario", SCENARIOS) if "scenario" in t else ""
    sector = c.str_(t.get("sector"), f"{key}.sector") if "sector" in t else None
    datasets: list[DatasetSpec] = []
    if "datasets" in t:
        raw = c.list_(t["datasets"], f"{key}.datasets")
        if not raw and isinstance(t["datasets"], list):
            c.fail(f"{key}.datasets", msg("m.no_dataset"))
        for i, item in enumerate(raw):
            spec = _dataset(c, f"{key}.datasets[{i}]", item, base)
            if spec is not None:
                datasets.append(spec)
    prior = None
    if t.get("prior_exports") is not None:
        prior = _prior(c, f"{key}.prior_exports", t["prior_exports"])
    approvals = tuple(
        a
        for i, item in enumerate(
            c.list_(t.get("existing_approvals", []) or [], f"{key}.existing_approvals")
        )
        if (a := _approval(c, f"{key}.existing_approvals[{i}]", item)) is not None
    )
    basis = c.choice(t.get("lawful_basis", "consent"), f"{key}.lawful_basis", LAWFUL_BASES)
    subjects = _opt_int(c, t, "subjects", key)
    sensitive = _opt_int(c, t, "sensitive_subjects", key)
    _check_sensitive_not_above(c, t, key)
    if None in (tid, date, exporter, recipient, purpose, sector) or not scenario:
        return None
    assert tid is not None and date is not None and exporter is not None
    assert recipient is not None and purpose is not None and sector is not None
    return Transfer(
        id=tid,
        date=date,
        exporter=exporter,
        recipient=recipient,
        purpose=purpose,
        scenario=scenario,
        sector=sector,
        datasets=tuple(datasets),
        prior_exports=prior,
        existing_approvals=approvals,
        lawful_basis=basis,
        subjects=subjects,
        sensitive_subjects=sensitive,
        path=c.doc.path,
        key=key,
        canonical=canonical_json(value),
    )


# Most people one count may give (subjects, sensitive subjects, prior exports, approval
# scopes): far above any real population, and low enough that the sums the ledger keeps
# stay within SQLite's 64-bit integers.
MAX_SUBJECTS = 10**12


def _opt_int(c: YamlChecker, data: Mapping[str, Any], name: str, key: str) -> int | None:
    if data.get(name) is None:
        return None
    return c.int_(data[name], join_key(key, name), maximum=MAX_SUBJECTS)


def _check_sensitive_not_above(c: YamlChecker, data: Mapping[str, Any], key: str) -> None:
    subjects, sensitive = data.get("subjects"), data.get("sensitive_subjects")
    if (
        isinstance(subjects, int)
        and isinstance(sensitive, int)
        and not isinstance(subjects, bool)
        and sensitive > subjects
    ):
        c.fail(join_key(key, "sensitive_subjects"), msg("m.sensitive_above"))


def _exporter(c: YamlChecker, key: str, value: Any) -> Exporter | None:
    e = c.keys(value, key, ("name", "ciio", "state_organ"), ("ftz",))
    if e is None:
        return None
    name = c.str_(e.get("name"), f"{key}.name")
    ciio = c.bool_(e.get("ciio"), f"{key}.ciio")
    organ = c.bool_(e.get("state_organ"), f"{key}.state_organ")
    ftz = c.str_(e.get("ftz"), f"{key}.ftz", optional=True)
    return Exporter(name or "", ciio, organ, ftz)


def _recipient(c: YamlChecker, key: str, value: Any) -> Recipient | None:
    r = c.keys(
        value, key, ("name", "country", "restricted_list", "judicial_or_law_enforcement"), ()
    )
    if r is None:
        return None
    return Recipient(
        name=c.str_(r.get("name"), f"{key}.name") or "",
        country=c.str_(r.get("country"), f"{key}.country") or "",
        restricted_list=c.bool_(r.get("restricted_list"), f"{key}.restricted_list"),
        judicial_or_law_enforcement=c.bool_(
            r.get("judicial_or_law_enforcement"), f"{key}.judicial_or_law_enforcement"
        ),
    )


def _path(c: YamlChecker, value: Any, key: str, base: Path) -> Path | None:
    text = c.str_(value, key)
    if text is None:
        return None
    p = Path(text)
    return p if p.is_absolute() else base / p


def _dataset(c: YamlChecker, key: str, value: Any, base: Path) -> DatasetSpec | None:
    d = c.keys(
        value,
        key,
        (),
        (
            "schema",
            "tables",
            "sample",
            "source",
            "table",
            "subjects",
            "count_distinct",
            "sensitive_subjects",
            "important_data",
            "core_data",
            "full",
            "engine",
        ),
    )
    if d is None:
        return None
    engine = c.choice(d.get("engine", "local"), f"{key}.engine", ("local", "spark"))
    if "source" in d:
        if engine == "spark" and not str(d["source"]).startswith("spark:"):
            c.fail(f"{key}.engine", msg("m.db_not_spark"))
        return _db_dataset(c, key, d)
    if "table" in d:
        c.fail(f"{key}.table", msg("m.table_needs_db"))
    if isinstance(d.get("subjects"), Mapping):
        c.fail(f"{key}.subjects", msg("m.count_needs_db"))
        return None
    if "schema" not in d and "sample" not in d:
        c.fail(key, msg("m.schema_or_sample"))
    if ("subjects" in d) == ("count_distinct" in d):
        c.fail(key, msg("m.subjects_or_distinct"))
    if "count_distinct" in d and "sample" not in d:
        c.fail(f"{key}.count_distinct", msg("m.distinct_needs_sample"))
    _check_sensitive_not_above(c, d, key)
    tables: list[str] = []
    for i, item in enumerate(c.list_(d.get("tables", []), f"{key}.tables")):
        name = c.str_(item, f"{key}.tables[{i}]")
        if name is not None:
            tables.append(name)
    return DatasetSpec(
        key=key,
        schema=_path(c, d["schema"], f"{key}.schema", base) if "schema" in d else None,
        tables=tuple(tables),
        sample=_path(c, d["sample"], f"{key}.sample", base) if "sample" in d else None,
        subjects=_opt_int(c, d, "subjects", key),
        count_distinct=c.str_(d.get("count_distinct"), f"{key}.count_distinct", optional=True),
        sensitive_subjects=_opt_int(c, d, "sensitive_subjects", key),
        important_data=c.choice(
            d.get("important_data", "none"), f"{key}.important_data", IMPORTANT_STATUSES
        ),
        core_data=c.bool_(d.get("core_data", False), f"{key}.core_data"),
        full=c.bool_(d.get("full", False), f"{key}.full"),
        engine=engine or "local",
    )


def _db_dataset(c: YamlChecker, key: str, d: Mapping[str, Any]) -> DatasetSpec | None:
    """A dataset that is a database table: ``source``, ``table`` and the people count."""
    for other in ("schema", "sample", "tables", "count_distinct"):
        if other in d:
            c.fail(f"{key}.{other}", msg("m.not_with_db", name=other))
    source = c.str_(d["source"], f"{key}.source")
    spark = source is not None and source.startswith("spark:")
    if spark and "table" not in d:  # ``spark:db.table`` or ``spark:PATH`` names it
        from dataflow.readers.spark import parse_source

        table: str | None = parse_source(source).name if source else None
    else:
        table = c.str_(d.get("table"), f"{key}.table")
    if source is None or table is None:
        return None
    subjects: int | None = None
    people: PeopleKey | None = None
    raw = d.get("subjects")
    if isinstance(raw, Mapping):
        people = _people_key(c, f"{key}.subjects", raw)
        if people is not None and people.approximate is not None and not spark:
            c.fail(f"{key}.subjects.approximate", msg("m.approx_needs_spark"))
    elif raw is not None:
        subjects = _opt_int(c, d, "subjects", key)
    else:
        c.fail(key, msg("m.subjects_shape"))
    _check_sensitive_not_above(c, d, key)
    return DatasetSpec(
        key=key,
        schema=None,
        tables=(table,),
        subjects=subjects,
        sensitive_subjects=_opt_int(c, d, "sensitive_subjects", key),
        important_data=c.choice(
            d.get("important_data", "none"), f"{key}.important_data", IMPORTANT_STATUSES
        ),
        core_data=c.bool_(d.get("core_data", False), f"{key}.core_data"),
        full=c.bool_(d.get("full", False), f"{key}.full"),
        source=source,
        people=people,
        engine="spark" if spark else "local",
    )


def _people_key(c: YamlChecker, key: str, value: Mapping[str, Any]) -> PeopleKey | None:
    d = c.keys(value, key, (), ("count_distinct", "expression", "where", "approximate"))
    if d is None:
        return None
    if ("count_distinct" in d) == ("expression" in d):
        c.fail(key, msg("m.distinct_or_expression"))
        return None
    columns: list[str] = []
    raw = d.get("count_distinct")
    for i, item in enumerate(raw if isinstance(raw, list) else [raw] if raw else []):
        name = c.str_(item, f"{key}.count_distinct[{i}]" if isinstance(raw, list) else key)
        if name is not None:
            columns.append(name)
    return PeopleKey(
        columns=tuple(columns),
        expression=c.str_(d.get("expression"), f"{key}.expression", optional=True),
        where=c.str_(d.get("where"), f"{key}.where", optional=True),
        approximate=_rsd(c, f"{key}.approximate", d.get("approximate")),
    )


def _rsd(c: YamlChecker, key: str, value: Any) -> float | None:
    """``approximate:`` the relative standard deviation of an approximate people count."""
    from dataflow.readers.spark import MAX_RSD, MIN_RSD

    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        c.fail(key, msg("m.rsd", low=MIN_RSD, high=MAX_RSD))
        return None
    if not MIN_RSD <= float(value) <= MAX_RSD:
        c.fail(key, msg("m.rsd_range", low=MIN_RSD, high=MAX_RSD, got=value))
        return None
    return float(value)


def _prior(c: YamlChecker, key: str, value: Any) -> PriorExports | None:
    names = ("subjects", "sensitive_subjects", "exempt_subjects", "exempt_sensitive_subjects")
    p = c.keys(value, key, ("subjects",), names[1:])
    if p is None:
        return None
    counts = {n: c.int_(p.get(n, 0), f"{key}.{n}", maximum=MAX_SUBJECTS) for n in names}
    return PriorExports(**counts, source="manifest")


def _approval(c: YamlChecker, key: str, value: Any) -> Approval | None:
    a = c.keys(value, key, ("mechanism",), ("reference", "issued", "valid_until", "scope"))
    if a is None:
        return None
    mechanism = c.choice(a.get("mechanism"), f"{key}.mechanism", APPROVAL_MECHANISMS)
    issued = c.date(a["issued"], f"{key}.issued") if "issued" in a else None
    until = c.date(a["valid_until"], f"{key}.valid_until") if "valid_until" in a else None
    if mechanism == vocab.SECURITY_ASSESSMENT and "issued" not in a and "valid_until" not in a:
        c.fail(key, msg("m.approval_dates"))
    scope_keys = ("purposes", "categories", "recipients", "max_subjects", "max_sensitive_subjects")
    scope = c.keys(a.get("scope", {}), f"{key}.scope", (), scope_keys) or {}
    lists: dict[str, tuple[str, ...]] = {}
    for name in scope_keys[:3]:
        items = c.list_(scope.get(name, []), f"{key}.scope.{name}")
        lists[name] = tuple(
            s
            for i, v in enumerate(items)
            if (s := c.str_(v, f"{key}.scope.{name}[{i}]")) is not None
        )
    return Approval(
        mechanism=mechanism,
        reference=c.str_(a.get("reference", "-"), f"{key}.reference") or "",
        issued=issued,
        valid_until=until,
        purposes=lists["purposes"],
        categories=lists["categories"],
        recipients=lists["recipients"],
        max_subjects=_opt_int(c, scope, "max_subjects", f"{key}.scope"),
        max_sensitive_subjects=_opt_int(c, scope, "max_sensitive_subjects", f"{key}.scope"),
    )


def canonical_json(value: Any) -> str:
    """Deterministic JSON of YAML data: sorted keys, dates as ISO text, no whitespace."""

    def convert(v: Any) -> Any:
        if isinstance(v, (dt.date, dt.datetime)):
            return v.isoformat()
        if isinstance(v, Mapping):
            return {str(k): convert(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [convert(x) for x in v]
        return v

    return json.dumps(convert(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
