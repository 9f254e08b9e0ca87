"""The message catalog: Chinese and English for every word and sentence dataflow prints.

Every human-readable string a renderer or command shows comes from a table of this package, so
``--lang zh`` and ``--lang en`` cover the same ground: ``labels`` (grades, mechanisms, risks,
sensitive groups, severities), ``ui`` (the table report and the commands), ``reports`` (Markdown,
HTML, PIPIA and SARIF sentences), ``evidence``, ``subjects``, ``problems`` (input files,
databases, notices), ``monitor`` and ``commands``. Machine-readable outputs (JSON, SARIF ids)
keep the stable ids (``general-3``, ``security_assessment``) and never depend on the language.
This module holds the functions (``msg``, ``t``, the labels and the punctuation of each
language) and exports every table under its old name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from dataflow.i18n.labels import GRADES as GRADES
from dataflow.i18n.labels import MECHANISMS as MECHANISMS
from dataflow.i18n.labels import RISK_ORDER as RISK_ORDER
from dataflow.i18n.labels import RISKS as RISKS
from dataflow.i18n.labels import SENSITIVE_GROUPS as SENSITIVE_GROUPS
from dataflow.i18n.labels import SEVERITIES as SEVERITIES
from dataflow.i18n.monitor import MONITOR as MONITOR
from dataflow.i18n.monitor import monitor_message as monitor_message
from dataflow.i18n.monitor import monitor_text as monitor_text
from dataflow.i18n.problems import DATABASE as DATABASE
from dataflow.i18n.problems import JSON_ERRORS as JSON_ERRORS
from dataflow.i18n.problems import OS_ERRORS as OS_ERRORS
from dataflow.i18n.problems import PROBLEMS as PROBLEMS
from dataflow.i18n.subjects import KINDS as KINDS
from dataflow.i18n.subjects import ROLES as ROLES
from dataflow.i18n.subjects import SUBJECTS as SUBJECTS
from dataflow.i18n.subjects import role_text as role_text
from dataflow.i18n.ui import MESSAGES as MESSAGES
from dataflow.model import Grade, Text, Words
from dataflow.vocab import LANGS as LANGS
from dataflow.yaml_messages import YAML_PROBLEMS


def default_lang() -> str:
    """The output language when neither ``--lang`` nor the configuration sets one: Chinese when
    the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, first one set) is Chinese, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def t(key: str, lang: str = "en", **values: object) -> str:
    """The UI string ``key`` in ``lang`` with ``{placeholders}`` filled."""
    return MESSAGES[key].fill(lang, **values)


def json_error(message: str) -> Words:
    """A ``JSONDecodeError.msg`` in both languages (as is where the table has none)."""
    zh = JSON_ERRORS.get(message)
    return Words(message, zh if zh is not None else message)


def os_error(exc: OSError) -> Words:
    """Why an operating-system call failed, in both languages (never a path or input text)."""
    en = exc.strerror or type(exc).__name__
    known = OS_ERRORS.get(exc.errno) if exc.errno is not None else None
    return Words(en, known.zh if known is not None else en)


def _value(value: object, lang: str) -> object:
    if isinstance(value, (Words, Text)):
        return value.get(lang)
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(str(_value(v, lang)) for v in value)
    return value


def msg(key: str, **values: object) -> Words:
    """The sentence ``key`` (``MESSAGES``, ``SUBJECTS`` or ``PROBLEMS``) in both languages, its
    ``{placeholders}`` filled: a value that is itself ``Words`` or ``Text`` goes in each
    language, a list or tuple is joined (``, `` / ``、``). The result is the English ``str``
    that JSON and SARIF keep, carrying the Chinese for the reports people read."""
    memo = _memo_key(key, values)
    if memo is not None:
        known = _FILLED.get(memo)
        if known is not None:
            return known
    template = (
        MESSAGES.get(key)
        or SUBJECTS.get(key)
        or DATABASE.get(key)
        or YAML_PROBLEMS.get(key)
        or PROBLEMS[key]
    )
    en = template.en.format(**{k: _value(v, "en") for k, v in values.items()})
    zh = template.zh.format(**{k: _value(v, "zh") for k, v in values.items()})
    words = Words(en, zh)
    if memo is not None:
        if len(_FILLED) >= _MAX_FILLED:
            _FILLED.clear()
        _FILLED[memo] = words
    return words


# Sentences already filled, by key and values: the subjects' rules explain the same roles and
# families in every table of a schema repository. Bounded; cleared when full.
_FILLED: dict[tuple[object, ...], Words] = {}
_MAX_FILLED = 50_000


def _memo_key(key: str, values: dict[str, object]) -> tuple[object, ...] | None:
    """``key`` and each value in both languages (a ``Words`` equals its English ``str``, so the
    Chinese goes in the key too); None when a value is of another type (lists, numbers)."""
    parts: list[object] = [key]
    for name, value in values.items():
        if type(value) is str:
            parts += (name, value, None)
        elif type(value) is Words:
            parts += (name, str(value), value.zh)
        elif type(value) is Text:
            parts += (name, value.en, value.zh)
        else:
            return None
    return tuple(parts)


def _label(table: Mapping[str, Text], key: str | None, lang: str) -> str:
    if key is None:
        return "-"
    found = table.get(key)
    return found.get(lang) if found is not None else key


def grade_label(grade: Grade | str | None, lang: str = "en") -> str:
    """``general-3 (personal information)`` / ``一般数据 3 级（个人信息）``."""
    key = grade.label if isinstance(grade, Grade) else grade
    return _label(GRADES, key, lang)


def mechanism_label(mechanism: str | None, lang: str = "en") -> str:
    """Human name of a mechanism id (``security_assessment`` → ``CAC security assessment``)."""
    return _label(MECHANISMS, mechanism, lang)


def risk_label(risk: str | None, lang: str = "en") -> str:
    """Human name of a risk level id."""
    return _label(RISKS, risk, lang)


def group_label(group: str | None, lang: str = "en") -> str:
    """Human name of a PIPL Art. 28 sensitive group id."""
    return _label(SENSITIVE_GROUPS, group, lang)


def severity_label(severity: str, lang: str = "en") -> str:
    """Human name of a problem severity."""
    return _label(SEVERITIES, severity, lang)


def yes_no(value: bool, lang: str = "en") -> str:
    """``yes``/``no`` or ``是``/``否``."""
    return t("yes" if value else "no", lang)


# Punctuation between words in each language: after Chinese text a full-width colon, the
# enumeration comma 、 and full-width parentheses; ASCII with its spaces in English.


def colon(lang: str) -> str:
    """``: `` / ``：`` (the Chinese colon takes no space after it)."""
    return "：" if lang == "zh" else ": "


def heading(text: str, lang: str) -> str:
    """``text`` as a heading that introduces what follows: ``why:`` / ``理由：``."""
    return text + ("：" if lang == "zh" else ":")


def join_list(items: Iterable[str], lang: str) -> str:
    """``a, b`` / ``a、b``."""
    return ("、" if lang == "zh" else ", ").join(items)


def paren(text: str, lang: str) -> str:
    """`` (text)`` in English, ``（text）`` in Chinese."""
    return f"（{text}）" if lang == "zh" else f" ({text})"
