"""The checking toolkit every loader uses: collect-all problems, one reading of each kind of value."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dataflow.errors import UserError
from dataflow.i18n import msg as _msg
from dataflow.model import Problem, Severity, Text, Words
from dataflow.yamlio.load import YamlDoc, as_date, date_problem, join_key, type_name

# --- the checking toolkit shared by the loaders -----------------------------------------------


def expect_mapping(
    doc: YamlDoc, value: Any, key_path: str, error_cls: type[UserError]
) -> dict[str, Any]:
    """Return ``value`` if it is a mapping, else raise an error at ``key_path``."""
    if not isinstance(value, Mapping):
        raise doc.error(key_path, _msg("y.expected_mapping", got=type_name(value)), error_cls)
    return dict(value)


def expect_list(doc: YamlDoc, value: Any, key_path: str, error_cls: type[UserError]) -> list[Any]:
    """Return ``value`` if it is a list, else raise an error at ``key_path``."""
    if not isinstance(value, Sequence) or isinstance(value, (str, bytes)):
        raise doc.error(key_path, _msg("y.expected_list", got=type_name(value)), error_cls)
    return list(value)


def check_keys(
    doc: YamlDoc,
    mapping: Mapping[str, Any],
    key_path: str,
    *,
    required: Sequence[str] = (),
    optional: Sequence[str] = (),
) -> Iterator[tuple[str, Words]]:
    """Yield ``(key_path, message)`` for unknown and missing keys (for collect-all validation)."""
    allowed = set(required) | set(optional)
    for key in mapping:
        if key not in allowed:
            hint = ", ".join(sorted(allowed))
            yield join_key(key_path, key), _msg("y.unknown_key", name=key, allowed=hint)
    for key in required:
        if key not in mapping:
            yield key_path, _msg("y.missing_key", name=key)


def keyed(key: str, message: str) -> Words:
    """``key: message`` in both languages (the key path stays as written)."""
    if not key:
        return message if isinstance(message, Words) else Words(message, message)
    zh = message.zh if isinstance(message, Words) else message
    return Words(f"{key}: {message}", f"{key}：{zh}")


@dataclass(frozen=True)
class YamlProblem:
    """One problem of a document: file, line, key path and a sentence in both languages."""

    path: str
    line: int | None
    key: str | None
    message: str
    severity: Severity = Severity.ERROR

    def render(self, lang: str = "en") -> str:
        """``path:line: key: message``, the message in ``lang``."""
        return UserError(self.message, path=self.path, line=self.line, key=self.key).render(lang)

    def problem(self) -> Problem:
        """As a ``model.Problem`` of a run (the key path goes into the message)."""
        return Problem(
            path=self.path,
            message=keyed(self.key or "", self.message),
            line=self.line,
            severity=self.severity,
        )


class ValidationError(UserError):
    """Every problem of a document (``problems``), one per line; ``key``, ``line`` and
    ``message`` are the first one's."""

    def __init__(self, problems: Sequence[YamlProblem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        super().__init__(first.message, path=first.path, line=first.line, key=first.key)

    def render(self, lang: str = "en") -> str:
        """Every problem on its own line: ``path:line: key: message``."""
        problems = getattr(self, "problems", ())
        if not problems:
            return super().render(lang)
        return "\n".join(p.render(lang) for p in problems)


@dataclass
class Checker:
    """Collect-all checking of one loaded document.

    Each check records a problem (file, line and key path, a catalog sentence in both
    languages) and returns a safe default, so one pass finds every problem; ``raise_all``
    raises one error listing them all. Used by every loader, so dates, texts, numbers and
    problems follow the same rules in every kind of file.
    """

    doc: YamlDoc
    error_cls: type[UserError] = UserError
    errors: list[YamlProblem] = field(default_factory=list)
    warnings: list[YamlProblem] = field(default_factory=list)

    @property
    def problems(self) -> list[YamlProblem]:
        """The errors found so far (warnings aside)."""
        return self.errors

    def _problem(self, key: str, message: str, severity: Severity) -> YamlProblem:
        return YamlProblem(self.doc.path, self.doc.line(key), key or None, message, severity)

    def fail(self, key: str, message: str) -> None:
        """Record an error at ``key``."""
        self.errors.append(self._problem(key, message, Severity.ERROR))

    def warn(self, key: str, message: str) -> None:
        """Record a warning at ``key``."""
        self.warnings.append(self._problem(key, message, Severity.WARNING))

    def raise_all(self) -> None:
        """Raise ``error_cls`` (a :class:`ValidationError`) listing every error, if any."""
        if self.errors:
            raise validation_error(self.errors, self.error_cls)

    def keys(
        self, value: Any, key: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        """``value`` as a dict after checking it is a mapping with these keys; else ``None``."""
        if not isinstance(value, Mapping):
            self.fail(key, _msg("y.expected_mapping", got=type_name(value)))
            return None
        for sub, message in check_keys(self.doc, value, key, required=required, optional=optional):
            self.fail(sub, message)
        return dict(value)

    def list_(self, value: Any, key: str) -> list[Any]:
        """``value`` if it is a list, else ``[]`` (and a problem)."""
        if not isinstance(value, list):
            self.fail(key, _msg("y.expected_list", got=type_name(value)))
            return []
        return value

    def text(self, value: Any, key: str) -> Text | None:
        """A text: one string (both languages) or ``{en, zh}`` with either or both."""
        if isinstance(value, str):
            if not value.strip():
                self.fail(key, _msg("y.text_empty"))
                return None
            return Text(en=value.strip(), zh=value.strip())
        if not isinstance(value, Mapping):
            self.fail(key, _msg("y.text_expected", got=type_name(value)))
            return None
        for sub, message in check_keys(self.doc, value, key, optional=("en", "zh")):
            self.fail(sub, message)
        en, zh = value.get("en"), value.get("zh")
        for lang, text in (("en", en), ("zh", zh)):
            if text is not None and (not isinstance(text, str) or not text.strip()):
                self.fail(join_key(key, lang), _msg("y.expected_string", got=type_name(text)))
                return None
        if en is None and zh is None:
            self.fail(key, _msg("y.text_one_of"))
            return None
        return as_text(value)

    def str_(self, value: Any, key: str, *, optional: bool = False) -> str | None:
        """A non-empty string (``None`` allowed when ``optional``)."""
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            if isinstance(value, bool):  # YAML 1.1: NO, yes, on, off... are booleans
                self.fail(key, _msg("y.yaml_boolean"))
            else:
                self.fail(key, _msg("y.expected_string", got=type_name(value)))
            return None
        return value

    def choice(self, value: Any, key: str, allowed: Sequence[str]) -> str:
        """One of ``allowed`` (the first one, and a problem, otherwise)."""
        if value not in allowed:
            shown = repr(value) if isinstance(value, (str, int)) else type_name(value)
            self.fail(key, _msg("y.not_one_of", got=shown, allowed=", ".join(allowed)))
            return allowed[0]
        return str(value)

    def int_(self, value: Any, key: str, minimum: int = 0, maximum: int | None = None) -> int:
        """An integer in ``minimum..maximum`` (0, and a problem, otherwise)."""
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(key, _msg("y.expected_int_min", minimum=minimum, got=type_name(value)))
            return 0
        if value < minimum:
            if minimum == 0:
                self.fail(key, _msg("y.negative", got=value))
            else:
                self.fail(key, _msg("y.at_least", minimum=minimum, got=value))
            return 0
        if maximum is not None and value > maximum:
            self.fail(key, _msg("y.at_most", maximum=f"{maximum:,}", digits=len(str(value))))
            return 0
        return value

    def bool_(self, value: Any, key: str) -> bool:
        """``true`` or ``false`` (``False``, and a problem, otherwise)."""
        if not isinstance(value, bool):
            self.fail(key, _msg("y.expected_bool", got=type_name(value)))
            return False
        return value

    def date(self, value: Any, key: str) -> _dt.date | None:
        """A date: a YAML date or an ISO string ``YYYY-MM-DD``."""
        found = as_date(value)
        if found is None:
            self.fail(key, date_problem(value))
        return found

    def period(
        self, values: Mapping[str, Any], key: str
    ) -> tuple[_dt.date | None, _dt.date | None]:
        """``effective_from`` / ``effective_to`` of ``values`` (either may be missing), the end
        not before the start."""
        start = (
            self.date(values["effective_from"], join_key(key, "effective_from"))
            if "effective_from" in values
            else None
        )
        end = (
            self.date(values["effective_to"], join_key(key, "effective_to"))
            if values.get("effective_to") is not None
            else None
        )
        if start and end and end < start:
            self.fail(join_key(key, "effective_to"), _msg("y.before_from"))
        return start, end


def as_text(value: Any) -> Text:
    """A text the checker accepted: one string for both languages, or ``{en, zh}`` where a
    missing language takes the other one's wording."""
    if isinstance(value, str):
        return Text(en=value.strip(), zh=value.strip())
    en, zh = value.get("en"), value.get("zh")
    return Text(
        en=str(en if en is not None else zh).strip(), zh=str(zh if zh is not None else en).strip()
    )


def validation_error(
    problems: Sequence[YamlProblem], error_cls: type[UserError]
) -> ValidationError:
    """A :class:`ValidationError` that is also an ``error_cls`` (``CatalogError``…)."""
    cls = _VALIDATION_CLASSES.get(error_cls)
    if cls is None:
        cls = type(f"{error_cls.__name__}s", (ValidationError, error_cls), {})
        _VALIDATION_CLASSES[error_cls] = cls
    return cls(problems)


_VALIDATION_CLASSES: dict[type[UserError], type[ValidationError]] = {}
