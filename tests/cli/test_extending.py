"""Extending dataflow from outside the package: the examples of README "Extending dataflow".

A recognizer and a rule pack are YAML files named on the command line or in the configuration;
an output format and a reader come from an installed package's entry points. The package here
is ``docs/extending/acme_dataflow_plugins.py`` with a ``.dist-info`` folder beside it on a
temporary ``sys.path`` entry, which is what ``pip install`` leaves: nothing is written into
``dataflow/``.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import run
from conftest import REPO_ROOT

from dataflow.detect.validators import luhn_check_digit
from dataflow.readers import registry as readers
from dataflow.report import formats

EXTENDING = REPO_ROOT / "docs" / "extending"
RECOGNIZERS = EXTENDING / "member-card.recognizers.yaml"
CATALOG = EXTENDING / "member-card.catalog.yaml"
PACK = EXTENDING / "what-if-2027.pack.yaml"
THRIFT = EXTENDING / "member.thrift"
PLUGIN_MODULE = "acme_dataflow_plugins"


@pytest.fixture(autouse=True)
def _isolated(isolated_cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Registries that forget plug-ins between tests (and an empty working folder)."""
    monkeypatch.setattr(formats, "_ADDED", {})
    monkeypatch.setattr(formats, "_LOADED", [])
    monkeypatch.setattr(readers, "_ADDED", {})
    monkeypatch.setattr(readers, "_LOADED", [])
    yield
    sys.modules.pop(PLUGIN_MODULE, None)


def members_csv(folder: Path, rows: int = 40) -> Path:
    """Member card numbers (Luhn-valid, 8860…) in a column whose name says nothing."""
    rng = random.Random(7)
    lines = ["member_id,c7,points"]
    for i in range(rows):
        body = "8860" + "".join(str(rng.randrange(10)) for _ in range(11))
        lines.append(f"{1000 + i},{body}{luhn_check_digit(body)},{rng.randrange(500)}")
    path = folder / "members.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cards(data: Path) -> set[str]:
    return {line.split(",")[1] for line in data.read_text(encoding="utf-8").splitlines()[1:]}


def install_plugins(site: Path, monkeypatch: pytest.MonkeyPatch, entry_points: str) -> None:
    """What ``pip install docs/extending`` leaves: the module and its dist-info on sys.path."""
    site.mkdir(exist_ok=True)
    shutil.copy(EXTENDING / f"{PLUGIN_MODULE}.py", site)
    info = site / "acme_dataflow_plugins-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: acme-dataflow-plugins\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))


ENTRY_POINTS = """\
[dataflow.formats]
findings-csv = acme_dataflow_plugins:render_csv

[dataflow.readers]
thrift = acme_dataflow_plugins:THRIFT
"""


def test_the_packaging_example_declares_the_entry_points_the_test_installs() -> None:
    text = (EXTENDING / "pyproject.toml").read_text(encoding="utf-8")
    assert 'findings-csv = "acme_dataflow_plugins:render_csv"' in text
    assert 'thrift = "acme_dataflow_plugins:THRIFT"' in text


# --- a recognizer ------------------------------------------------------------------------------


@pytest.mark.parametrize("full", [False, True], ids=["sampled", "full"])
def test_a_recognizer_file_finds_its_entity_and_the_catalog_names_it(
    tmp_path: Path, full: bool
) -> None:
    data = members_csv(tmp_path)
    args = ["scan", str(data), "--format", "json", "--catalog", str(CATALOG)]
    code, out, _ = run(*args, "--recognizers", str(RECOGNIZERS), *(["--full"] if full else []))
    assert code == 0
    fields = {f["name"]: f for f in json.loads(out)["datasets"][0]["fields"]}
    assert fields["c7"]["element"] == "acme.member.card"
    assert [e["rule"] for e in fields["c7"]["evidence"]] == ["AcmeMemberCardRecognizer"]
    assert not _cards(data) & set(out.split('"'))  # examples are masked
    # without the recognizer the same column is not a member card
    code, out, _ = run(*args)
    fields = {f["name"]: f for f in json.loads(out)["datasets"][0]["fields"]}
    assert fields["c7"]["element"] != "acme.member.card"


def test_recognizers_and_catalogs_in_the_configuration(tmp_path: Path) -> None:
    data = members_csv(tmp_path)
    Path("dataflow.yaml").write_text(
        f"recognizers: [{RECOGNIZERS}]\ncatalogs: [{CATALOG}]\n", encoding="utf-8"
    )
    code, out, _ = run("scan", str(data), "--format", "json")
    assert code == 0
    fields = {f["name"]: f for f in json.loads(out)["datasets"][0]["fields"]}
    assert fields["c7"]["element"] == "acme.member.card"


def test_a_broken_recognizer_file_stops_the_scan_naming_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema_version: 1\nrecognizers:\n  - name: X\n    entity: ACME\n"
        "    patterns: [{name: p, regex: '8860[', score: 0.5}]\n",
        encoding="utf-8",
    )
    code, out, err = run("scan", str(members_csv(tmp_path)), "--recognizers", str(bad))
    assert code == 2 and out == ""
    assert f"{bad}:5" in err and "Traceback" not in err


# --- a rule pack -------------------------------------------------------------------------------


def _manifest(folder: Path, date: str) -> Path:
    """The README example, dated ``date``: 600,000 people, 5,000 with sensitive PI."""
    shutil.copytree(REPO_ROOT / "examples", folder / "examples")
    path = folder / "examples" / "transfer.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ("date: 2026-11-30", f"date: {date}"),
        ("subjects: 250000 ", "subjects: 600000\n      sensitive_subjects: 5000 "),
        ("{subjects: 40000, sensitive_subjects: 0}", "{subjects: 0, sensitive_subjects: 0}"),
    ):
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return path


def _verdict(manifest: Path, ledger: Path) -> tuple[str, str]:
    code, out, err = run("assess", str(manifest), "--format", "json", "--ledger", str(ledger))
    assert code in (0, 1), err
    transfer = json.loads(out)["transfers"][0]
    return transfer["rule_pack"], transfer["mechanism"]


def test_a_rule_pack_in_the_configuration_decides_transfers_on_its_dates(tmp_path: Path) -> None:
    manifest = _manifest(tmp_path, "2027-03-01")
    early = _manifest(tmp_path / "early", "2026-11-30")
    ledger = tmp_path / "ledger.sqlite"
    shipped = ("cn-provisions-2024", "standard_contract_or_certification")
    assert _verdict(manifest, ledger) == shipped
    Path("dataflow.yaml").write_text(f"rule_packs: [{PACK}]\n", encoding="utf-8")
    # 600,000 people: over the pack's 500,000, under the shipped 1,000,000
    assert _verdict(manifest, ledger) == ("what-if-2027", "security_assessment")
    # before its effective date the shipped pack still decides
    assert _verdict(early, ledger) == shipped


def test_a_broken_rule_pack_is_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pack.yaml"
    bad.write_text(
        PACK.read_text(encoding="utf-8").replace("subjects_gte: 500000", "subjects_gte: -5"),
        encoding="utf-8",
    )
    Path("dataflow.yaml").write_text(f"rule_packs: [{bad}]\n", encoding="utf-8")
    manifest = _manifest(tmp_path, "2027-03-01")
    code, out, err = run("assess", str(manifest), "--ledger", str(tmp_path / "l.sqlite"))
    assert code == 2 and out == ""
    assert str(bad) in err and "thresholds.security_assessment.subjects_gte" in err


# --- an output format and a reader from an installed package ----------------------------------


def test_an_installed_format_renders_scan_and_assess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(tmp_path / "site", monkeypatch, ENTRY_POINTS)
    data = members_csv(tmp_path)
    code, out, err = run("scan", str(data), "--format", "findings-csv")
    assert code == 0, err
    assert out.splitlines()[0] == "dataset,pointer,element,grade,sensitive"
    assert "members,members.member_id,pi.online_identity.user_id,general-3,no" in out
    assert not _cards(data) & set(out.split(","))
    manifest = _manifest(tmp_path, "2026-11-30")
    code, out, err = run(
        "assess", str(manifest), "-f", "findings-csv", "--ledger", str(tmp_path / "l.sqlite")
    )
    assert code == 0, err
    assert "customers,customers.sfzh,pi.identity.resident_id,general-4,yes" in out
    # --format lists it among the choices
    code, _, err = run("scan", str(data), "--format", "nope")
    assert code == 2 and "html, findings-csv (got 'nope')" in err


def test_an_installed_reader_reads_its_files_in_a_folder_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugins(tmp_path / "site", monkeypatch, ENTRY_POINTS)
    folder = tmp_path / "schemas"
    folder.mkdir()
    shutil.copy(THRIFT, folder)
    (folder / "broken.thrift").write_text(
        "struct Broken {\n  1: string mobile, // 手机号码\n  what is this\n", encoding="utf-8"
    )
    code, out, err = run("scan", str(folder), "--format", "json")
    report = json.loads(out)
    assert code == 2  # broken.thrift is unreadable in part; the rest is reported
    member = next(d for d in report["datasets"] if d["name"] == "Member")
    assert member["source"]["path"] == str(folder / "member.thrift")
    assert member["source"]["format"] == "thrift"
    fields = {f["name"]: f for f in member["fields"]}
    assert fields["mobile"]["element"] == "pi.contact.mobile"
    problems = {(p["path"], p.get("line")) for p in report["problems"]}
    assert (str(folder / "broken.thrift"), 3) in problems
    assert (str(folder / "broken.thrift"), 1) in problems  # "struct Broken is not closed"
    assert f"{folder / 'broken.thrift'}:3" in err
    # --schema-format names it too, for a file under another suffix
    other = tmp_path / "member.txt"
    shutil.copy(THRIFT, other)
    code, out, _ = run("scan", str(other), "--schema-format", "thrift", "--format", "json")
    assert code == 0 and json.loads(out)["datasets"][0]["source"]["format"] == "thrift"


def test_without_the_package_the_format_and_the_suffix_are_unknown(tmp_path: Path) -> None:
    shutil.copy(THRIFT, tmp_path)
    code, _, err = run("scan", str(tmp_path / "member.thrift"), "--format", "findings-csv")
    assert code == 2 and "--format must be one of: table, json, sarif, markdown, html " in err
    code, out, err = run("scan", str(tmp_path), "--format", "json")
    assert json.loads(out)["datasets"] == []
    assert "not a format dataflow reads" in err


def test_the_names_check_accepts_without_the_registry_are_the_shipped_formats() -> None:
    """``check_format`` takes a shipped name without importing the registry (so ``check``
    loads no renderer it does not use): its list must be the registry's shipped formats."""
    from dataflow.commands._common import SHIPPED_FORMATS

    for command in ("scan", "assess"):
        assert SHIPPED_FORMATS[command] == tuple(
            f.name
            for f in formats.SHIPPED.values()
            if (f.assess if command == "assess" else f.scan)
        )


@pytest.mark.parametrize(
    ("entry_points", "module_text", "expected"),
    [
        (
            "[dataflow.formats]\nbroken = acme_dataflow_plugins:render_csv\n",
            "def render_csv(result, lang, catalog)\n    return ''\n",
            "acme_dataflow_plugins.py:1: SyntaxError",
        ),
        (
            "[dataflow.formats]\nbroken = acme_dataflow_plugins:render_csv\n",
            "import json\nraise RuntimeError('no licence file')\n",
            "acme_dataflow_plugins.py:2: RuntimeError: no licence file",
        ),
        (
            "[dataflow.formats]\nbroken = acme_dataflow_plugins:missing\n",
            "x = 1\n",
            "AttributeError",
        ),
        (
            "[dataflow.readers]\nbroken = acme_dataflow_plugins:READER\n",
            "from dataflow.readers.registry import Reader\n"
            "READER = Reader('x', read=lambda s: (), suffixes=('.sql',))\n",
            "suffix .sql is read by the shipped sql reader",
        ),
        (
            "[dataflow.readers]\nbroken = acme_dataflow_plugins:READER\n",
            "from dataflow.readers.registry import Reader\n"
            "READER = Reader('proto', read=lambda s: (), suffixes=('.proto',))\n",
            "suffix .proto is read by the shipped protobuf reader",
        ),
        (
            "[dataflow.readers]\nbroken = acme_dataflow_plugins:READER\n",
            "READER = object()\n",
            "is not a dataflow.readers.registry.Reader",
        ),
        (
            "[dataflow.formats]\njson = acme_dataflow_plugins:render\n",
            "def render(result, lang, catalog):\n    return ''\n",
            "has the name of a shipped format",
        ),
    ],
    ids=[
        "syntax",
        "raises",
        "missing-name",
        "shipped-suffix",
        "shipped-proto-reader",
        "not-a-reader",
        "shipped-name",
    ],
)
def test_a_bad_plugin_stops_the_run_with_exit_2_and_says_where(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    entry_points: str,
    module_text: str,
    expected: str,
) -> None:
    site = tmp_path / "site"
    install_plugins(site, monkeypatch, entry_points)
    (site / f"{PLUGIN_MODULE}.py").write_text(module_text, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a schema\n", encoding="utf-8")
    fmt = "nope" if "formats" in entry_points else "json"
    code, out, err = run("scan", str(tmp_path / "notes.txt"), "--format", fmt)
    assert code == 2 and out == ""
    assert "plug-in dataflow." in err and "(package acme-dataflow-plugins 1.0)" in err
    assert expected in err
    assert "Traceback" not in err
