"""Validation problems of dataflow's own files (catalogs, recognizer files, rule packs, negative
lists, manifests, configuration, baselines) in both languages.

Every problem is a sentence of the message catalog (``dataflow/yaml_messages.py`` through
``i18n.msg``): the Chinese differs from the English, two different English sentences never share
one Chinese sentence, stderr follows ``--lang`` and JSON keeps the English. A source check
refuses a problem message written as an English literal in the loaders.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dataflow import negative_list, rules
from dataflow.baseline import load_baseline
from dataflow.catalog import validate_files
from dataflow.cli import app
from dataflow.config import load_settings
from dataflow.detect.recognizers import load_specs
from dataflow.errors import UserError
from dataflow.manifest import load_manifest
from dataflow.model import Words
from dataflow.yaml_messages import YAML_PROBLEMS
from dataflow.yamlio import load_document

ROOT = Path(__file__).resolve().parents[2]
_ENGLISH = re.compile(r"[A-Za-z]{3,}[ ;:'()-]+[A-Za-z]{3,}[ ;:'()-]+[A-Za-z]{3,}")

MANIFEST = """\
schema_version: 7
transfer:
  id: t-1
  date: '2026-13-01'
  exporter: {name: Acme, ciio: 'no', state_organ: false, ftz: null}
  recipient: {name: Partner, country: NO, restricted_list: false,
              judicial_or_law_enforcement: false}
  purpose: support
  scenario: holiday
  sector: retail
  colour: red
  datasets:
    - schema: customers.sql
      subjects: lots
      sensitive_subjects: -1
      important_data: maybe
      table: customers
    - {}
"""

NEGATIVE_LIST = """\
schema_version: 2
list:
  id: Bad List
  title: {en: "", fr: x}
  jurisdiction: ftz
  version: 2026.1
  effective_from: '2026-02-30'
  effective_to: 2025-01-01
  scope: {sectors: [Retail]}
  sources: []
  verified: maybe
  colour: red
entries:
  - id: "bad id!"
    condition: {elements_any: [PI.X], min_grade: top, sensitive: sometimes,
                subjects_gte: -3, destinations: [GERMANY], size: 1}
    required_mechanism: scc
    message: 5
    important_data: perhaps
    tag: Z
  - id: A-1
    condition: {}
    required_mechanism: security_assessment
    message: m
  - id: A-1
    condition: {sensitive: true}
    required_mechanism: standard_contract_or_certification
    important_data: true
    message: m
    tag: K
    verified: true
  - 7
"""

NEGATIVE_WARNINGS = """\
schema_version: 1
list:
  id: warn-list
  title: Warnings
  jurisdiction: organisation
  version: "1"
  effective_from: 2026-01-01
  sources: [internal]
  verified: false
entries:
  - id: W-1
    sector: retail
    condition: {elements_any: [pi.nothing_here]}
    required_mechanism: security_assessment
    message: m
"""

CATALOG = """\
schema_version: 1
colour: red
catalog: {id: acme, version: [1], title: 5}
sources: [{title: no id}, {id: s1}, {id: s2, title: t, url: 5}]
categories:
  - {id: Acme, names: {en: x}}
  - {id: acme.hr, references: [1]}
grades: [{grade: general-9, names: {en: x}}, {grade: 5, names: x}]
defaults: {pi: nope, colour: 1}
deidentified: {id: x, steps_down: 7, reason: r, reference: r}
elements:
  - id: acme.hr.badge
    names: {en: Badge, fr: x}
    pi: maybe
    sensitive: true
    sensitive_group: aliens
    category: other.thing
    types: [text, blob]
    entities: [lower_case]
    keywords: []
    replaced_by: 5
    sources: [nowhere]
  - id: acme.hr.badge
    names: x
    pi: true
  - id: nodots
    names: x
  - id: acme.hr.card
    names: x
    pi: false
    sensitive: true
    sensitive_group: health
  - id: acme.hr.pass
    names: x
    pi: true
    sensitive_group: health
    replaced_by: acme.hr.gone
  - {id: BAD ID, names: x, pi: true}
escalations:
  - id: esc.acme.a
    kind: weird
    to: general-4
    when: {elements_any: [acme.none], categories_any: [acme.none], sectors: [mars],
           subjects_gt: -1, sensitive_groups_any: [aliens]}
    reason: x
    reference: ""
    source: 5
    important_data: maybe
    mark_sensitive: aliens
  - id: esc.acme.a
  - id: esc.acme.b
    when: []
sector: {id: acme_sector, names: x, scheme: 5, levels: [{id: l1, names: x, grade: general-3}],
         element_levels: {acme.hr.nobody: l9}}
dictionaries: {person_context: 5, health_tables: [x], colour: 1}
subjects: {roles: [x], colour: 1}
families: [{id: fam.a, element: acme.none, names: x}, {id: fam.b, names: x}]
standards:
  - {id: Bad, title: 5, kind: law, effective_from: 2026-01-01, effective_to: 2025-01-01,
     sources: [], tag: Z, select: maybe}
sensitivity:
  - {element: acme.none, standards: {nostd: {sensitive: maybe, tag: Z, source: ""}}}
  - {element: acme.hr.pass, standards: {nostd: {sensitive: false, group: health, tag: V}}}
  - {element: 5}
  - {element: acme.hr.pass, standards: []}
"""

CONFIG = """\
colour: red
sample_size: -5
catalogs: 5
fail_on: [x]
lang: fr
warn_at: 150
engine: gpu
spark_conf: {executor.memory: 1g}
databases: {crm: {host: x}}
"""

BASELINE = """\
schema_version: 1
accepted:
  - {file: a.sql, pointer: t.a, element: pi.contact.mobile, reason: ok}
  - {file: a.sql, pointer: t.a, element: pi.contact.mobile, reason: again}
  - {file: [1], pointer: t.b, element: pi.contact.mobile}
  - 5
"""

RECOGNIZER_HEADER = "schema_version: 1\n"
RECOGNIZER = """\
recognizers:
  - name: {name}
    entity: {entity}
    validator: {validator}
    supported_language: {language}
    ignore_case: {ignore_case}
    context_required: {context_required}
    deidentifies: {deidentifies}
    patterns:
      - {{name: p, regex: '{regex}', score: {score}}}
"""
_GOOD = {
    "name": "ok_name",
    "entity": "CN_TEST",
    "validator": "null",
    "language": "en",
    "ignore_case": "false",
    "context_required": "false",
    "deidentifies": "null",
    "regex": "[0-9]{4}",
    "score": "0.5",
}
_BROKEN_RECOGNIZERS = [
    {"name": "'bad name!'"},
    {"entity": "lower"},
    {"validator": "nope"},
    {"language": "zh"},
    {"ignore_case": "maybe"},
    {"context_required": "true"},
    {"context_required": "maybe"},
    {"deidentifies": "lower"},
    {"regex": "[0-9"},
    {"regex": "x?"},
    {"regex": "{{nolist}}"},
    {"score": "2"},
]

YAML_LEVEL = {
    "invalid.yaml": "a: [1, 2\nb: 3\n",
    "several.yaml": "a: 1\n---\nb: 2\n",
    "tag.yaml": "a: !include other.yaml\n",
    "dupe.yaml": "a: 1\na: 2\n",
    "keys.yaml": "? [1, 2]\n: x\n",
    "bomb.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
        for p, c in zip("abcdef", "bcdefg", strict=True)
    ),
    "invalid.json": '{"a": 1,,}',
    "dupe.json": '{"a": 1, "a": 2}',
    "nan.json": '{"a": NaN}',
}


def _problems(call: Callable[[], object]) -> list[str]:
    """The messages of every problem ``call`` raises (all of them, not the first)."""
    with pytest.raises(UserError) as info:
        call()
    found = getattr(info.value, "problems", None)
    if found:
        return [p.message for p in found]
    return [info.value.message]


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    root = tmp_path_factory.mktemp("broken")

    def write(name: str, text: str | bytes) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    out: dict[str, list[str]] = {}
    out["manifest"] = _problems(lambda: load_manifest(write("transfer.yaml", MANIFEST)))
    lst, errors, _ = negative_list.load_list_file(write("lists/bad.yaml", NEGATIVE_LIST))
    assert lst is None
    _, _, warnings = negative_list.load_list_file(
        write("lists/warn.yaml", NEGATIVE_WARNINGS), known_elements=("pi.contact.mobile",)
    )
    out["negative list"] = [p.message for p in (*errors, *warnings)]
    out["negative lists"] = _problems(
        lambda: negative_list.load_lists(
            [write("twice/a.yaml", NEGATIVE_WARNINGS), write("twice/b.yaml", NEGATIVE_WARNINGS)],
            shipped_ids=["no-such-list"],
        )
    )
    out["catalog"] = [p.message for p in validate_files([write("catalog.yaml", CATALOG)])]
    out["config"] = _problems(lambda: load_settings(write("cfg/dataflow.yaml", CONFIG)))
    out["baseline"] = _problems(lambda: load_baseline(write("baseline.yaml", BASELINE)))
    pack = next(p for p in rules.shipped_pack_paths() if p.stem == "cn-provisions-2024")
    text = (
        pack.read_text("utf-8")
        .replace("cn-provisions-2024", "broken-pack")
        .replace("window: current_year", "window: fiscal_year")
        .replace("verified: V", "verified: maybe", 1)
        .replace("subjects_gte: 1000000", "subjects_gte: lots", 1)
        .replace("  emergency:", "  holiday:", 1)
    )
    out["rule pack"] = _problems(
        lambda: rules.load_packs([write("packs/bad.yaml", text)], include_shipped=False)
    )
    out["rule pack inherits"] = _problems(
        lambda: rules.load_packs(
            [write("packs/child.yaml", "schema_version: 1\ninherits: nowhere\npack: {}\n")],
            include_shipped=False,
        )
    )
    recognizers = []
    for i, change in enumerate(_BROKEN_RECOGNIZERS):
        values = {**_GOOD, **change}
        body = RECOGNIZER_HEADER + RECOGNIZER.format(**values)
        path = write(f"recognizers/r{i}.yaml", body)
        recognizers.extend(_problems(lambda path=path: load_specs([path])))
    out["recognizer file"] = recognizers
    yaml_level = []
    for name, body in YAML_LEVEL.items():
        path = write(f"yaml/{name}", body)
        yaml_level.extend(_problems(lambda path=path: load_document(path)))
    for name, raw in {"nul.yaml": b"a: 1\x00\n", "latin.yaml": b"a: caf\xe9\n"}.items():
        path = write(f"yaml/{name}", raw)
        yaml_level.extend(_problems(lambda path=path: load_document(path)))
    out["yaml"] = yaml_level
    out.update(_more_problems(write))
    return out


_TRANSFER = """\
    date: 2026-01-01
    exporter: {name: A, ciio: false, state_organ: false, ftz: null}
    recipient: {name: B, country: DE, restricted_list: false, judicial_or_law_enforcement: false}
    purpose: p
    scenario: none
    sector: retail
"""
MANIFEST_MORE = f"""\
schema_version: 1
transfers:
  - id: a
{_TRANSFER}    datasets: []
  - id: a
{_TRANSFER}    existing_approvals: [{{mechanism: security_assessment}}]
    datasets:
      - {{source: "postgresql://db/x", engine: spark, sample: s.csv, table: t,
          subjects: {{count_distinct: id, approximate: 0.5}}}}
      - {{schema: s.sql, table: t, subjects: 10, sensitive_subjects: 20}}
      - {{schema: s.sql, count_distinct: id}}
      - {{source: "spark:x", table: t, subjects: {{count_distinct: a, expression: b}}}}
      - {{source: "spark:x", table: t, subjects: {{count_distinct: a, approximate: 7}}}}
      - {{source: "spark:x", table: t, subjects: {{count_distinct: a, approximate: x}}}}
      - {{source: "spark:x", table: t, subjects: [1]}}
      - {{schema: s.sql, subjects: {{count_distinct: a}}}}
"""
PACK_PARENT = """\
schema_version: 1
inherits: {parent}
pack: {{id: {name}, title: t, effective_from: 2026-01-01}}
"""


def _more_problems(write: Callable[[str, str], Path]) -> dict[str, list[str]]:
    """More broken files, one kind of problem each where a loader stops early."""
    out: dict[str, list[str]] = {}
    out["manifest 2"] = _problems(lambda: load_manifest(write("t2.yaml", MANIFEST_MORE)))
    out["manifest 3"] = _problems(
        lambda: load_manifest(write("t3.yaml", "schema_version: 1\ntransfers: []\n"))
    )
    out["manifest 4"] = _problems(
        lambda: load_manifest(write("t4.yaml", "schema_version: 1\ntransfer: {}\ntransfers: []\n"))
    )
    catalogs = {
        "empty": "",
        "list": "[1]\n",
        "version": "schema_version: 2\n",
        "refs": (
            "schema_version: 1\n"
            "categories: [{id: acme.hr.sub, names: x}]\n"
            "elements: [{id: acme.hr.sub.e, names: x, pi: true, sources: [nowhere]}]\n"
            "deidentified: {id: x}\n"
            "escalations:\n"
            "  - {id: esc.x, to: general-4, reason: r, reference: r,\n"
            "     when: {elements_any: [acme.none], categories_any: [acme.none], sectors: [mars]}}\n"
            "  - {id: esc.y, to: general-4, reason: r, reference: r, when: {}}\n"
            "sensitivity:\n"
            "  - {element: acme.hr.sub.e, standards: {nostd: {sensitive: true, group: x, tag: V}}}\n"
        ),
    }
    found = []
    for name, text in catalogs.items():
        found.extend(p.message for p in validate_files([write(f"cat/{name}.yaml", text)]))
    found.extend(
        p.message
        for p in validate_files([write("cat/alone.yaml", catalogs["refs"])], include_shipped=False)
    )
    out["catalog 2"] = found
    config = []
    config.extend(
        _problems(lambda: load_settings(write("c/missing/x.yaml", "").parent / "no.yaml"))
    )
    config.extend(_problems(lambda: load_settings(write("c/bad.toml", "a = \n"))))
    config.extend(_problems(lambda: load_settings(write("c/list.yaml", "[1]\n"))))
    settings = load_settings(write("c/db.yaml", "databases: {crm: {url_env: DATAFLOW_NO_SUCH}}\n"))
    config.extend(_problems(lambda: settings.database_url("other")))
    config.extend(_problems(lambda: settings.database_url("crm")))
    from dataflow.config import parse_warn_at

    config.extend(_problems(lambda: parse_warn_at("150", settings)))
    out["config 2"] = config
    lists = []
    for name, text in {
        "list": "[1]\n",
        "zone": NEGATIVE_WARNINGS.replace("organisation", "ftz\n  zone: Tianjin"),
        "nozone": NEGATIVE_WARNINGS.replace("organisation", "organisation\n  zone: x"),
        "own": NEGATIVE_WARNINGS.replace("W-1", "warn-list"),
    }.items():
        _, errors, warnings = negative_list.load_list_file(write(f"nl/{name}.yaml", text))
        lists.extend(p.message for p in (*errors, *warnings))
    empty = NEGATIVE_WARNINGS[: NEGATIVE_WARNINGS.index("entries:")] + "entries: []\n"
    _, _, warnings = negative_list.load_list_file(write("nl/empty.yaml", empty))
    lists.extend(p.message for p in warnings)
    lists.extend(
        _problems(
            lambda: negative_list.load_lists(
                [write("nl2/a.yaml", NEGATIVE_WARNINGS), write("nl2/b.yaml", NEGATIVE_WARNINGS)],
                include_shipped=False,
            )
        )
    )
    out["negative list 2"] = lists
    packs = []
    for files in (
        {
            "a": PACK_PARENT.format(parent="b", name="a"),
            "b": PACK_PARENT.format(parent="a", name="b"),
        },
        {"c": PACK_PARENT.format(parent="nowhere", name="c")},
        {
            "d": "schema_version: 1\ninherits: 5\npack: {id: 5, title: t, effective_from: 2026-01-01}\n"
        },
    ):
        paths = [write(f"rp/{name}.yaml", text) for name, text in files.items()]
        packs.extend(_problems(lambda paths=paths: rules.load_packs(paths, include_shipped=False)))
    pack = next(p for p in rules.shipped_pack_paths() if p.stem == "cn-provisions-2024")
    text = pack.read_text("utf-8").replace("cn-provisions-2024", "x-pack")
    text = re.sub(r"instrument: [^,}\n]+", "instrument: 5", text, count=1)
    packs.extend(
        _problems(lambda: rules.load_packs([write("rp/e.yaml", text)], include_shipped=False))
    )
    packs.extend(_problems(lambda: rules.select_pack(rules.load_packs(), dt.date(1990, 1, 1))))
    out["rule pack 2"] = packs
    recognizers = []
    for name, body in {
        "dup": RECOGNIZER.format(**_GOOD) + RECOGNIZER.format(**_GOOD)[len("recognizers:\n") :],
        "nopattern": RECOGNIZER.format(**_GOOD).split("    patterns:")[0] + "    patterns: []\n",
        "patname": RECOGNIZER.format(**_GOOD).replace("{name: p,", "{name: 5,"),
        "regex": RECOGNIZER.format(**_GOOD).replace("regex: '[0-9]{4}'", "regex: 5"),
        "context": RECOGNIZER.format(**_GOOD) + "    context: {en: ['']}\n",
        "lists": "lists: {l: {file: 5, key: x}}\n",
        "initials": "lists: {l: {file: words.yaml, key: x, initials: AJ}}\n",
        "nokey": "lists: {l: {file: words.yaml, key: nothere}}\n",
        "listvalue": "lists: {l: {file: words.yaml, key: x}}\n",
        "emptylist": "lists: {l: {file: words.yaml, key: y}}\n",
    }.items():
        write("rec/words.yaml", "x: 5\ny: []\n")
        path = write(f"rec/{name}.yaml", RECOGNIZER_HEADER + body)
        recognizers.extend(_problems(lambda path=path: load_specs([path])))
    out["recognizer file 2"] = recognizers
    return out


def test_every_kind_of_file_reports_all_its_problems(messages: dict[str, list[str]]) -> None:
    for kind in ("manifest", "negative list", "catalog", "config", "baseline", "rule pack"):
        assert len(messages[kind]) >= 3, (kind, messages[kind])


def test_every_problem_is_a_catalog_sentence_with_its_own_chinese(
    messages: dict[str, list[str]],
) -> None:
    by_en: dict[str, str] = {}
    for kind, found in messages.items():
        for message in found:
            assert isinstance(message, Words), (kind, message)
            assert message.zh and message.zh != message.en, (kind, message)
            assert by_en.setdefault(message.en, message.zh) == message.zh
    # Two different English sentences never read the same in Chinese.
    by_zh: dict[str, set[str]] = {}
    for en, zh in by_en.items():
        by_zh.setdefault(zh, set()).add(en)
    assert all(len(ens) == 1 for ens in by_zh.values()), [e for e in by_zh.values() if len(e) > 1]
    # The corpus reaches most of the catalog (a new sentence needs a broken file here, too).
    templates = {key for key in YAML_PROBLEMS if not key.startswith("y.t.")}
    reached = {key for key in templates if any(_matches(key, en) for en in by_en)}
    assert len(reached) >= 0.85 * len(templates), " ".join(sorted(templates - reached))


def _matches(key: str, message: str) -> bool:
    pattern = re.escape(YAML_PROBLEMS[key].en)
    pattern = re.sub(r"\\\{[a-z_]+(?:!r)?\\\}", ".*", pattern)
    return re.search(pattern, message, re.S) is not None


def test_the_chinese_has_no_english_sentence_of_ours(messages: dict[str, list[str]]) -> None:
    leftovers = []
    for kind, found in messages.items():
        if kind == "yaml":
            continue  # the YAML and JSON parsers' own words stay as they are
        for message in found:
            if message.startswith(("invalid regular expression", "invalid YAML")):
                continue  # the regex engine's and the YAML parser's own words stay as they are
            if isinstance(message, Words) and _ENGLISH.search(message.zh):
                leftovers.append((kind, message.zh))
    assert not leftovers


def test_catalog_sentences_have_the_same_placeholders_in_both_languages() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, text in YAML_PROBLEMS.items():
        assert fields(text.en) == fields(text.zh), key
        assert text.zh and text.zh != text.en, key


def test_stderr_follows_lang_and_names_file_and_line(tmp_path: Path) -> None:
    manifest = tmp_path / "transfer.yaml"
    manifest.write_text(MANIFEST, encoding="utf-8")
    runner = CliRunner()
    zh = runner.invoke(app, ["assess", str(manifest), "--lang", "zh"])
    en = runner.invoke(app, ["assess", str(manifest), "--lang", "en"])
    assert zh.exit_code == en.exit_code == 2
    for result in (zh, en):
        assert "Traceback" not in result.stderr
        assert f"{manifest}:1: schema_version" in result.stderr
        assert f"{manifest}:11: transfer.colour" in result.stderr
    assert "未知的键 'colour'" in zh.stderr and "unknown key 'colour'" not in zh.stderr
    assert "unknown key 'colour'" in en.stderr
    assert len(zh.stderr.splitlines()) == len(en.stderr.splitlines()) >= 8


def test_a_broken_catalog_given_to_scan_is_reported_in_chinese(tmp_path: Path) -> None:
    catalog = tmp_path / "acme.yaml"
    catalog.write_text(CATALOG, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["scan", str(ROOT / "examples" / "schemas"), "--catalog", str(catalog), "--lang", "zh"]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert f"{catalog}:2: colour: 未知的顶层键 'colour'" in result.stderr
    assert "unknown top-level key" not in result.stderr


def test_negative_list_warnings_keep_english_in_json(tmp_path: Path) -> None:
    path = tmp_path / "warn.yaml"
    path.write_text(NEGATIVE_WARNINGS, encoding="utf-8")
    lst, errors, warnings = negative_list.load_list_file(path, known_elements=("pi.x",))
    assert lst is not None and not errors
    assert warnings and all(isinstance(w.message, Words) for w in warnings)
    assert "covers no element" in str(warnings[0].message)
    assert "不覆盖目录中的任何元素" in warnings[0].render("zh")


# --- no English literal as a problem message in the loaders ---------------------------------

_LOADERS = [
    "dataflow/yamlio/load.py",
    "dataflow/yamlio/check.py",
    "dataflow/rules.py",
    "dataflow/manifest.py",
    "dataflow/config.py",
    "dataflow/baseline.py",
    "dataflow/sensitivity.py",
    "dataflow/detect/recognizers.py",
    *(f"dataflow/catalog/{p.name}" for p in sorted((ROOT / "dataflow" / "catalog").glob("*.py"))),
    *(
        f"dataflow/negative_list/{p.name}"
        for p in sorted((ROOT / "dataflow" / "negative_list").glob("*.py"))
    ),
]
# Where the message is, by the name of what is called.
_MESSAGE_ARG = {"fail": 1, "warn": 1, "add": 2, "error": 1, "CatalogProblem": 3, "YamlProblem": 3}
_ERRORS = re.compile(r"^(UserError|ConfigError|CatalogError|ManifestError|ReaderError|error_cls)$")


def _literal_messages(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        index = _MESSAGE_ARG.get(name, 0 if _ERRORS.match(name) else None)
        args = list(node.args)
        candidates = [k.value for k in node.keywords if k.arg == "message"]
        if index is not None and index < len(args):
            candidates.append(args[index])
        for arg in candidates:
            if isinstance(arg, ast.JoinedStr) or (
                isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", arg.value)
            ):
                found.append(f"{path.name}:{node.lineno}: {ast.get_source_segment(source, arg)}")
    return found


@pytest.mark.parametrize("module", _LOADERS)
def test_no_english_literal_problem_messages(module: str) -> None:
    assert not _literal_messages(ROOT / module)


def test_the_source_check_finds_a_literal(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'c.fail("x", "expected a thing here")\n'
        'raise ConfigError(f"bad {value}")\n'
        'self.add(doc, key, msg("c.ok"))\n',
        encoding="utf-8",
    )
    assert len(_literal_messages(sample)) == 2
