"""One condition for the rules that look at what a dataset or transfer carries.

An escalation rule of a catalog (``when:``) and an entry of a negative list (``condition:``)
are the same kind of thing: every key that is set must hold. Each module evaluates the keys it
allows (``ESCALATION_KEYS``, ``LIST_KEYS``) with its own algorithm (``classify``,
``negative_list.match``); the data is one class. A tuple key left out is ``()``, any other key
``None``. The sector key is spelled ``sectors`` in catalogs and ``sector`` in negative lists
(published lists and existing files use both); either spelling is read in both files and is the
``sectors`` attribute here.
"""

from __future__ import annotations

from dataclasses import dataclass

from dataflow.model import Grade

#: Keys of a catalog escalation rule's ``when``.
ESCALATION_KEYS: tuple[str, ...] = (
    "elements_any",
    "elements_all",
    "categories_any",
    "sensitive",
    "sensitive_groups_any",
    "direct_identifier",
    "personal",
    "sectors",
    "subjects_gt",
    "subjects_gte",
    "dataset_terms_any",
)

#: Keys of a negative-list entry's ``condition``.
LIST_KEYS: tuple[str, ...] = (
    "elements_any",
    "elements_all",
    "categories_any",
    "min_grade",
    "sensitive",
    "subjects_gte",
    "sensitive_subjects_gte",
    "sector",
    "scenario",
    "destinations",
)

#: Other spellings read for a key (the attribute has the first name).
SPELLINGS: dict[str, str] = {"sector": "sectors"}


def attribute(key: str) -> str:
    """The attribute of ``Condition`` that the YAML key ``key`` sets."""
    return SPELLINGS.get(key, key)


def render_value(value: object) -> str:
    """A condition value as written in YAML (``true``, ``general-4``, ``[a, b]``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Grade):
        return value.label
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


@dataclass(frozen=True)
class Condition:
    """When a rule applies. Every key that is set must hold."""

    elements_any: tuple[str, ...] = ()
    elements_all: tuple[str, ...] = ()
    categories_any: tuple[str, ...] = ()
    sensitive: bool | None = None
    sensitive_groups_any: tuple[str, ...] = ()
    direct_identifier: bool | None = None
    personal: bool | None = None
    sectors: tuple[str, ...] = ()
    subjects_gt: int | None = None
    subjects_gte: int | None = None
    dataset_terms_any: tuple[str, ...] = ()
    min_grade: Grade | None = None
    sensitive_subjects_gte: int | None = None
    scenario: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()

    def render(self) -> str:
        """Compact text form of an escalation rule's condition, e.g.
        ``sensitive: true; subjects_gt: 100000``."""
        parts: list[str] = []
        for key in ESCALATION_KEYS:
            value = getattr(self, key)
            if value is None or value == ():
                continue
            if isinstance(value, bool):
                parts.append(f"{key}: {'true' if value else 'false'}")
            elif isinstance(value, tuple):
                parts.append(f"{key}: [{', '.join(value)}]")
            else:
                parts.append(f"{key}: {value}")
        return "; ".join(parts)

    def parts(self, keys: tuple[str, ...] = LIST_KEYS) -> tuple[str, ...]:
        """Each key of ``keys`` that is set, as ``key: value`` (the condition as written)."""
        out: list[str] = []
        for key in keys:
            value = getattr(self, attribute(key))
            if value is None or value == ():
                continue
            out.append(f"{key}: {render_value(value)}")
        return tuple(out)
