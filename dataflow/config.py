"""Layered configuration.

Precedence, lowest to highest:

1. built-in defaults (this module);
2. ``[tool.dataflow]`` in ``pyproject.toml`` or a ``dataflow.yaml`` / ``.dataflow.yaml`` file, found
   in the current directory or its nearest parent that has one;
3. the file given with ``--config``;
4. command-line flags (applied by each command with ``Settings.merged``).

Relative paths in a configuration file are resolved against that file's folder.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataflow.errors import ConfigError
from dataflow.i18n import msg
from dataflow.model import Text
from dataflow.paths import catalogs_dir
from dataflow.vocab import LANGS
from dataflow.yamlio import YamlDoc, YamlProblem, as_date, check_keys, load_yaml, validation_error


def _toml() -> Any:
    """The TOML parser, imported when a ``pyproject.toml`` is met (not on every start)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    return tomllib


CONFIG_FILE_NAMES = ("dataflow.yaml", ".dataflow.yaml")
DEFAULT_BASELINE = ".dataflow-baseline.yaml"
DEFAULT_WARN_AT = 0.8  # early warning at this share of a threshold


@dataclass(frozen=True)
class Settings:
    """Effective settings for one run."""

    catalogs: tuple[Path, ...] = ()
    negative_lists: tuple[Path, ...] = ()
    recognizers: tuple[Path, ...] = ()  # recognizer YAML added to catalogs/recognizers.yaml
    rule_packs: tuple[Path, ...] = ()  # rule packs added to catalogs/rules/
    shipped_negative_lists: tuple[str, ...] | None = None  # ids to use; None = all shipped
    fail_on: str | None = None
    assess_fail_on: str | None = None  # risk that makes `assess` exit 1 (default: blocked)
    ignore_paths: tuple[str, ...] = ()
    lang: str | None = None
    sample_size: int | None = None
    jobs: int | None = None  # worker processes of full and of large scans; None: automatic
    ledger: Path | None = None
    baseline: Path | None = None
    count_exempt_volumes: bool | None = None
    # Early warning (``assess``, ``ledger status``) at this share of a threshold; None: 80 %.
    warn_at: float | None = None
    # Named database connections (``scan db:NAME``): name → {"url": …} or {"url_env": VAR}.
    databases: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    db_timeout: float | None = None  # statement timeout of database sources, seconds
    # ``engine: spark`` reads sources through Apache Spark (``readers/spark.py``), started with
    # ``spark_master`` (default local[*]) and the ``spark_conf`` settings (``spark.*`` keys).
    engine: str | None = None
    spark_master: str | None = None
    spark_conf: dict[str, str] = dataclasses.field(default_factory=dict)
    # Whether a newer standard may make an element no longer sensitive (unsettled; see
    # dataflow/sensitivity.py). None/false: the catalog's sensitivity is kept.
    sensitivity_downgrades: bool | None = None
    # The learned field scorer (dataflow/detect/learned.py) may change the rules' verdicts
    # where it is confident. true: on; false: the rules' verdicts alone; None: on unless the
    # environment says DATAFLOW_LEARNED_SCORER=off (classify.learned_on).
    learned_scorer: bool | None = None
    # Open questions of law (catalogs/open_questions.yaml); None: the documented default.
    sensitive_subjects_count_toward_all: bool | None = None
    ciio_may_use_ftz_lists: bool | None = None
    pre_2024_assessment_validity_years: int | None = None
    source: str | None = None  # the file the settings came from, for messages

    def open_question_values(self) -> dict[str, Any]:
        """Each open-question setting's value: as configured, else its default."""
        out = {}
        for question in open_questions():
            value = getattr(self, question.name)
            out[question.name] = question.default if value is None else value
        return out

    def database_url(self, name: str) -> str:
        """The URL of the named connection ``name`` (from ``databases:``)."""
        entry = self.databases.get(name)
        if entry is None:
            known = ", ".join(sorted(self.databases)) or "-"
            raise ConfigError(msg("f.no_database", name=name, known=known))
        if "url" in entry:
            return entry["url"]
        variable = entry["url_env"]
        url = os.environ.get(variable)
        if not url:
            raise ConfigError(msg("f.url_env", name=name, variable=variable))
        return url

    def spark_options(self) -> Any:
        """The ``readers.spark.SparkOptions`` of these settings."""
        from dataflow.readers.spark import SparkOptions

        return SparkOptions(master=self.spark_master, conf=tuple(sorted(self.spark_conf.items())))

    def merged(self, **overrides: Any) -> Settings:
        """A copy with every override that is not ``None`` (or empty tuple) applied."""
        values = {
            k: v
            for k, v in overrides.items()
            if v is not None and not (isinstance(v, tuple) and not v)
        }
        # Flags that add files (catalogs, lists) extend rather than replace the configured ones.
        for key in ("catalogs", "negative_lists", "recognizers", "rule_packs", "ignore_paths"):
            if key in values:
                values[key] = tuple(getattr(self, key)) + tuple(values[key])
        return dataclasses.replace(self, **values)


_KEYS = {
    "catalogs": "paths",
    "negative_lists": "paths",
    "recognizers": "paths",
    "rule_packs": "paths",
    "shipped_negative_lists": "strings",
    "fail_on": "string",
    "assess_fail_on": "string",
    "ignore_paths": "strings",
    "lang": "string",
    "sample_size": "int",
    "jobs": "int",
    "ledger": "path",
    "baseline": "path",
    "count_exempt_volumes": "bool",
    "warn_at": "percent",
    "databases": "databases",
    "db_timeout": "seconds",
    "engine": "engine",
    "spark_master": "string",
    "spark_conf": "spark_conf",
    "sensitivity_downgrades": "bool",
    "learned_scorer": "bool",
    "sensitive_subjects_count_toward_all": "bool",
    "ciio_may_use_ftz_lists": "bool",
    "pre_2024_assessment_validity_years": "choice",
}


@dataclass(frozen=True)
class OpenQuestion:
    """A question of law dataflow cannot settle: a setting with its choices and default."""

    name: str
    choices: tuple[Any, ...]
    default: Any
    question: Text
    default_reason: Text
    source: str
    applies_before: _dt.date | None = None
    reading: Text | None = None  # said in every report that relies on the setting


_OPEN_QUESTIONS: list[tuple[OpenQuestion, ...]] = []


def open_questions() -> tuple[OpenQuestion, ...]:
    """The open questions of ``catalogs/open_questions.yaml`` (shipped data, read once)."""
    if not _OPEN_QUESTIONS:
        path = catalogs_dir() / "open_questions.yaml"
        doc = load_yaml(path, error_cls=ConfigError)
        out = []
        for i, item in enumerate(doc.data["settings"]):
            key = f"settings[{i}]"
            choices = tuple(item["choices"])
            if item["name"] not in _KEYS or item["default"] not in choices:
                raise doc.error(key, msg("f.open_question"))
            before = item.get("applies_before")
            reading = item.get("reading")
            out.append(
                OpenQuestion(
                    name=item["name"],
                    choices=choices,
                    default=item["default"],
                    question=Text(**item["question"]),
                    default_reason=Text(**item["default_reason"]),
                    source=item["source"],
                    applies_before=None if before is None else as_date(before),
                    reading=None if reading is None else Text(**reading),
                )
            )
        _OPEN_QUESTIONS.append(tuple(out))
    return _OPEN_QUESTIONS[0]


def find_config(start: Path) -> Path | None:
    """Nearest ``dataflow.yaml``/``.dataflow.yaml``/``pyproject.toml`` with ``[tool.dataflow]``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        try:
            for name in CONFIG_FILE_NAMES:
                candidate = folder / name
                if candidate.is_file():
                    return candidate
            pyproject = folder / "pyproject.toml"
            if pyproject.is_file() and _pyproject_has_section(pyproject):
                return pyproject
            if (folder / ".git").exists():
                break
        except PermissionError:  # a folder we may not look into ends the search
            break
    return None


def _pyproject_has_section(path: Path) -> bool:
    tomllib = _toml()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool", {}).get("dataflow"), dict)


def load_settings(config: Path | None = None, cwd: Path | None = None) -> Settings:
    """Settings from the discovered project file, overridden by ``config`` when given."""
    settings = Settings()
    discovered = find_config(cwd or Path.cwd())
    if discovered is not None:
        settings = _apply_file(settings, discovered)
    if config is not None:
        if not config.is_file():
            raise ConfigError(msg("f.not_found"), path=str(config))
        settings = _apply_file(settings, config)
    return settings


def _apply_file(settings: Settings, path: Path) -> Settings:
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        tomllib = _toml()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(
                msg("f.cannot_read", why=type(exc).__name__), path=str(path)
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(msg("f.toml", why=str(exc)), path=str(path)) from None
        section = data.get("tool", {}).get("dataflow", {})
        doc = YamlDoc(path=str(path), data=section)
        key_prefix = "tool.dataflow"
    else:
        doc = load_yaml(path, error_cls=ConfigError)
        section = doc.data if doc.data is not None else {}
        key_prefix = ""
    if not isinstance(section, Mapping):
        raise ConfigError(msg("f.not_mapping"), path=str(path))
    problems = [
        YamlProblem(doc.path, doc.line(key), _join(key_prefix, key) or None, message)
        for key, message in check_keys(doc, section, "", optional=tuple(_KEYS))
    ]
    values: dict[str, Any] = {}
    base = path.parent
    for key, value in section.items():
        if key not in _KEYS:
            continue
        try:
            values[key] = _convert(doc, key, value, _KEYS[key], base, key_prefix)
        except ConfigError as exc:  # every setting is checked: all problems at once
            problems.append(YamlProblem(doc.path, exc.line, exc.key, exc.message))
    if "lang" in values and values["lang"] not in LANGS:
        problems.append(
            YamlProblem(
                doc.path,
                doc.line("lang"),
                _join(key_prefix, "lang"),
                msg("y.not_one_of", got=repr(values["lang"]), allowed=LANGS),
            )
        )
    if problems:
        raise validation_error(problems, ConfigError)
    return dataclasses.replace(settings, source=str(path), **values)


# What a setting must be, in both languages (``f.expected``: "expected {what}").
_EXPECTED: Mapping[str, Text] = {
    "string": Text("a string", "字符串"),
    "int": Text("a positive integer", "正整数"),
    "bool": Text("true or false", "true 或 false"),
    "path": Text("a path", "路径"),
    "strings": Text("a list of strings", "字符串列表"),
    "seconds": Text("a positive number of seconds", "正的秒数"),
    "percent": Text(
        "a percentage above 0 and below 100 (80 or '80%')",
        "大于 0 且小于 100 的百分比（80 或 '80%'）",
    ),
    "engine": Text("local or spark", "local 或 spark"),
    "spark_conf": Text("a mapping of spark.* settings to values", "spark.* 设置到取值的映射"),
    "databases": Text(
        "a mapping of names to {url: …} or {url_env: VARIABLE}",
        "名称到 {url: …} 或 {url_env: 环境变量} 的映射",
    ),
}


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix and key else prefix or key


def _convert(doc: YamlDoc, key: str, value: Any, kind: str, base: Path, prefix: str) -> Any:
    def fail(expected: str) -> ConfigError:
        return ConfigError(
            msg("f.expected", what=_EXPECTED.get(expected) or expected),
            path=doc.path,
            line=doc.line(key),
            key=_join(prefix, key),
        )

    if kind == "string":
        if not isinstance(value, str):
            raise fail("string")
        return value
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise fail("int")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise fail("bool")
        return value
    if kind == "choice":
        (question,) = [q for q in open_questions() if q.name == key]
        if isinstance(value, bool) or value not in question.choices:
            raise fail(msg("f.one_of", choices=[str(c) for c in question.choices]))
        return value
    if kind == "path":
        if not isinstance(value, str):
            raise fail("path")
        return (base / value) if not Path(value).is_absolute() else Path(value)
    if kind in ("paths", "strings"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail("strings")
        if kind == "strings":
            return tuple(value)
        return tuple((base / v) if not Path(v).is_absolute() else Path(v) for v in value)
    if kind == "seconds":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise fail("seconds")
        return float(value)
    if kind == "databases":
        return _databases(value, fail)
    if kind == "percent":
        share = parse_percent(value)
        if share is None:
            raise fail("percent")
        return share
    if kind == "engine":
        if value not in ("local", "spark"):
            raise fail("engine")
        return value
    if kind == "spark_conf":
        if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and k.startswith("spark.") and isinstance(v, (str, int, float, bool))
            for k, v in value.items()
        ):
            raise fail("spark_conf")
        return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in value.items()}
    raise AssertionError(kind)


def parse_percent(value: object) -> float | None:
    """``80``, ``80.5`` or ``'80%'`` as a share (0.8); None when not a percentage strictly
    between 0 and 100."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().rstrip("%").strip())
        except ValueError:
            return None
    if not isinstance(value, (int, float)) or not 0 < value < 100:
        return None
    return float(value) / 100


def parse_warn_at(flag: str | None, settings: Settings) -> float:
    """``--warn-at 80`` or ``80%`` (a share of a threshold, above 0 and below 100 %); without
    the flag, ``warn_at:`` of the configuration; else 80 %."""
    if flag is None:
        return DEFAULT_WARN_AT if settings.warn_at is None else settings.warn_at
    share = parse_percent(flag)
    if share is None:
        raise ConfigError(msg("f.warn_at", got=repr(flag)))
    return share


def _databases(value: Any, fail: Callable[[str], ConfigError]) -> dict[str, dict[str, str]]:
    """``databases: {crm: {url_env: CRM_URL}}``: each entry has exactly one of url / url_env."""
    shape = "databases"
    if not isinstance(value, Mapping):
        raise fail(shape)
    out: dict[str, dict[str, str]] = {}
    for name, entry in value.items():
        if (
            not isinstance(name, str)
            or not isinstance(entry, Mapping)
            or len(entry) != 1
            or next(iter(entry)) not in ("url", "url_env")
            or not isinstance(next(iter(entry.values())), str)
        ):
            raise fail(shape)
        out[name] = {str(k): str(v) for k, v in entry.items()}
    return out
