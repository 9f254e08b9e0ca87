"""The outline of the self-assessment draft (``report/pipia.py``): sections, outlines and their
human-written parts, read from ``catalogs/templates/pipia.yaml`` (or a template the user gives)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dataflow.errors import CatalogError
from dataflow.model import Text
from dataflow.paths import catalogs_dir
from dataflow.yamlio import load_yaml

FACT_BLOCKS = (
    "transfer",
    "purpose",
    "datasets",
    "categories",
    "sensitive",
    "volumes",
    "mechanism",
    "negative_list",
    "obligations",
    "remediation",
    "open_questions",
    "provenance",
)


# --------------------------------------------------------------------------------------------
# The outline (catalogs/templates/pipia.yaml)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One section of an outline: its title, the fact blocks dataflow writes, the question
    people answer (``None``: nothing left to people), and its articles."""

    id: str
    title: Text
    facts: tuple[str, ...]
    human: Text | None
    basis: str
    applies_to: str = "all"  # or the mechanism id the section is for
    numbered: bool = True


@dataclass(frozen=True)
class Outline:
    """One document: when it applies (``all`` or a mechanism id), its title and sections."""

    id: str
    applies_to: str
    title: Text
    basis: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Template:
    """The outlines shipped in ``catalogs/templates/pipia.yaml``."""

    id: str
    version: str
    human_marker: Text
    documents: tuple[Outline, ...]


def template_path() -> Path:
    """The shipped outline file."""
    return catalogs_dir() / "templates" / "pipia.yaml"


def _text(value: Any, where: str, path: str) -> Text:
    if not isinstance(value, Mapping) or not all(
        isinstance(value.get(k), str) and value.get(k) for k in ("en", "zh")
    ):
        raise CatalogError(f"{where}: expected {{en: ..., zh: ...}} with both texts", path=path)
    return Text(en=value["en"], zh=value["zh"])


def _basis(value: Any, where: str, path: str) -> str:
    from dataflow.model import Citation

    if value is None:
        return ""
    if not isinstance(value, list):
        raise CatalogError(f"{where}: expected a list of citations", path=path)
    cites = []
    for item in value:
        if not isinstance(item, Mapping) or not {"instrument", "article"} <= set(item):
            raise CatalogError(f"{where}: each citation needs instrument and article", path=path)
        cites.append(
            Citation(str(item["instrument"]), str(item["article"]), str(item.get("verified", "C")))
        )
    # A recalled article (not re-read against the published text) says so, as the rule packs do.
    return "; ".join(c.render() + (" [K]" if c.verified == "K" else "") for c in cites)


@lru_cache(maxsize=4)
def load_template(path: Path | None = None) -> Template:
    """Load and check the outline file; a problem names the file and the key."""
    path = path or template_path()
    doc = load_yaml(path, error_cls=CatalogError)
    shown = str(path)
    data = doc.data
    if not isinstance(data, Mapping) or data.get("schema_version") != 1:
        raise CatalogError("expected a mapping with schema_version: 1", path=shown)
    documents = []
    for i, raw in enumerate(data.get("documents") or []):
        where = f"documents[{i}]"
        if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str):
            raise CatalogError(f"{where}: expected a mapping with an id", path=shown)
        sections = []
        for j, sec in enumerate(raw.get("sections") or []):
            swhere = f"{where}.sections[{j}]"
            if not isinstance(sec, Mapping) or not isinstance(sec.get("id"), str):
                raise CatalogError(f"{swhere}: expected a mapping with an id", path=shown)
            facts = tuple(str(f) for f in sec.get("facts") or ())
            unknown = sorted(set(facts) - set(FACT_BLOCKS))
            if unknown:
                raise CatalogError(
                    f"{swhere}.facts: unknown block(s) {', '.join(unknown)}; "
                    f"expected some of: {', '.join(FACT_BLOCKS)}",
                    path=shown,
                )
            human = sec.get("human")
            sections.append(
                Section(
                    id=sec["id"],
                    title=_text(sec.get("title"), f"{swhere}.title", shown),
                    facts=facts,
                    human=_text(human, f"{swhere}.human", shown) if human is not None else None,
                    basis=_basis(sec.get("basis"), f"{swhere}.basis", shown),
                    applies_to=str(sec.get("applies_to", "all")),
                    numbered=sec.get("numbered", True) is not False,
                )
            )
        if not sections:
            raise CatalogError(f"{where}.sections: expected at least one section", path=shown)
        documents.append(
            Outline(
                id=raw["id"],
                applies_to=str(raw.get("applies_to", "all")),
                title=_text(raw.get("title"), f"{where}.title", shown),
                basis=_basis(raw.get("basis"), f"{where}.basis", shown),
                sections=tuple(sections),
            )
        )
    if not documents:
        raise CatalogError("documents: expected at least one outline", path=shown)
    return Template(
        id=str(data.get("id", "")),
        version=str(data.get("version", "")),
        human_marker=_text(data.get("human_marker"), "human_marker", shown),
        documents=tuple(documents),
    )
