"""``dataflow catalog``: list, show and validate catalogs (PI elements, grades, escalation rules)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from tabulate import tabulate

from dataflow.commands._common import (
    add_show_and_validate,
    check_lang_en_zh,
    error,
    guarded,
    write_output,
)
from dataflow.errors import UserError
from dataflow.i18n import commands as i18n_commands

_L = i18n_commands.CATALOG


def _l(key: str, lang: str) -> str:
    return _L[key].get(lang)


def _load(extra: Sequence[Path], config: Path | None) -> object:
    from dataflow.catalog import load_catalog
    from dataflow.config import load_settings

    settings = load_settings(config).merged(catalogs=tuple(extra))
    return load_catalog(settings.catalogs)


def render_list(extra: Sequence[Path], config: Path | None, lang: str) -> str:
    """The table of every element, then the escalation rules."""
    from dataflow.catalog import Catalog

    catalog = _load(extra, config)
    assert isinstance(catalog, Catalog)
    rows = []
    for element in sorted(catalog.elements.values(), key=lambda e: e.id):
        group = (
            catalog.group_name(element.sensitive_group, lang)
            if element.sensitive and element.sensitive_group
            else "-"
        )
        rows.append(
            [
                element.id + (" (deprecated)" if element.deprecated else ""),
                element.names.get(lang),
                f"{element.category} ({catalog.category_name(element.category, lang)})",
                _l("yes", lang) if element.pi else _l("no", lang),
                group,
                element.grade.label,
            ]
        )
    headers = [
        _l("id", lang),
        _l("name", lang),
        _l("category", lang),
        _l("pi", lang),
        _l("sensitive", lang),
        _l("grade", lang),
    ]
    parts = [
        f"{_l('version', lang)}: {catalog.version}",
        tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True),
        "",
        f"{_l('rules', lang)}:",
    ]
    rule_rows = [[r.id, r.to.label, r.when.render(), r.reference] for r in catalog.escalations]
    parts.append(
        tabulate(
            rule_rows,
            headers=[_l("id", lang), _l("to", lang), _l("when", lang), _l("references", lang)],
            tablefmt="simple",
            disable_numparse=True,
        )
    )
    return "\n".join(parts)


def _verdict(sensitive: bool, group: str | None, catalog: Any, lang: str) -> str:
    if sensitive and group:
        return f"{_l('yes', lang)} — {group} ({catalog.group_name(group, lang)})"
    return _l("no", lang)


def _sensitivity_lines(catalog: Any, e: Any, lang: str) -> list[str]:
    """The element's sensitivity under each standard, oldest first, with tags and sources."""
    from dataflow.sensitivity import ruling

    standards = sorted(catalog.standards.values(), key=lambda s: (s.effective_from, s.id))
    if not standards:
        return []
    lines = [f"  {_l('by_standard', lang)}:"]
    for std in standards:
        item = ruling(catalog, e.id, std.id)
        applied = "" if std.select else f" ({_l('not_applied', lang)})"
        head = f"    {std.id} ({_l('from', lang)} {std.effective_from}{applied}): "
        if item is None:
            lines.append(head + _l("as_catalog", lang))
            continue
        lines.append(head + f"{_verdict(item.sensitive, item.group, catalog, lang)} [{item.tag}]")
        if item.note is not None:
            lines.append(f"      {item.note.get(lang)}")
        if item.source:
            lines.append(f"      {_l('source', lang)}: {item.source}")
    return lines


def render_changes(extra: Sequence[Path], config: Path | None, lang: str) -> str:
    """Every element whose sensitivity differs between standards, one column per standard."""
    from dataflow.catalog import Catalog
    from dataflow.sensitivity import changes

    catalog = _load(extra, config)
    assert isinstance(catalog, Catalog)
    rows = []
    headers = [_l("id", lang)]
    for eid, row in changes(catalog):
        if len(headers) == 1:
            headers += [f"{std.id} ({std.effective_from})" for std, _, _, _ in row]
        cells = [
            (f"{_l('yes', lang)} {group}" if sensitive else _l("no", lang))
            + (f" [{tag}]" if tag != "-" else f" ({_l('catalog_value', lang)})")
            for _, sensitive, group, tag in row
        ]
        rows.append([eid, *cells])
    if not rows:
        return _l("no_changes", lang)
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def _family_lines(catalog: Any, families: Sequence[Any], lang: str) -> list[str]:
    """Attribute families (catalogs/subjects.yaml): their element and words, by kind."""
    lines: list[str] = []
    for fam in families:
        element = catalog.element_name(fam.element, lang)
        lines.append(f"family {fam.id}  {fam.names.get(lang)} → {fam.element} ({element})")
        for kind in ("zh", "en", "pinyin", "initials", "abbreviations"):
            words = fam.words.get(kind)
            if words:
                lines.append(f"  {kind}: {', '.join(words)}")
        if fam.topic:
            lines.append(f"  topic: {', '.join(fam.topic)}")
        if fam.generic:
            lines.append(f"  generic (on topic): {', '.join(fam.generic)}")
    return lines


def _element_text(catalog: Any, e: Any, families: Sequence[Any], lang: str) -> str:
    """``catalog show`` of one element."""
    yes, no = _l("yes", lang), _l("no", lang)
    lines = [
        f"{e.id}  {e.names.get(lang)}",
        f"  {_l('category', lang)}: {e.category} ({catalog.category_name(e.category, lang)})",
        f"  {_l('pi', lang)}: {yes if e.pi else no}",
        f"  {_l('sensitive', lang)}: "
        + (
            f"{yes} — {e.sensitive_group} ({catalog.group_name(e.sensitive_group, lang)})"
            if e.sensitive and e.sensitive_group
            else no
        ),
        f"  {_l('grade', lang)}: {e.grade.label} ({catalog.grade_name(e.grade, lang)})",
        f"  {_l('direct', lang)}: {yes if e.direct_identifier else no}",
        f"  {_l('types', lang)}: {', '.join(e.types)}",
    ]
    if e.entities:
        lines.append(f"  {_l('entities', lang)}: {', '.join(e.entities)}")
    kw = e.keywords
    lines.append(f"  {_l('keywords', lang)}:")
    for kind in ("zh", "en", "pinyin", "initials", "abbreviations", "weak"):
        words = kw.get(kind)
        if words:
            lines.append(f"    {kind}: {', '.join(words)}")
    if families:
        lines.extend("  " + line for line in _family_lines(catalog, families, lang))
    if e.references:
        lines.append(f"  {_l('references', lang)}: {'; '.join(e.references)}")
    for sector in catalog.sectors.values():
        level = catalog.sector_level(sector.id, e.id)
        if level is not None:
            lines.append(
                f"  {_l('sector', lang)} {sector.id}: {level.names.get(lang)} ({level.id})"
            )
    lines.extend(_sensitivity_lines(catalog, e, lang))
    if e.deprecated:
        lines.append(f"  {_l('deprecated', lang)}: {e.replaced_by or '-'}")
    lines.append(f"  {_l('file', lang)}: {e.origin}")
    return "\n".join(lines)


def render_show(ident: str, extra: Sequence[Path], config: Path | None, lang: str) -> str:
    """One element, category, escalation rule or sector, described."""
    from dataflow.catalog import Catalog

    catalog = _load(extra, config)
    assert isinstance(catalog, Catalog)
    families = [f for f in catalog.families if ident in ("families", f.id, f.element)]
    if families and ident not in catalog.elements:
        return "\n".join(_family_lines(catalog, families, lang)) + "\n"
    if ident in catalog.elements:
        return _element_text(catalog, catalog.elements[ident], families, lang)
    if ident in catalog.categories:
        c = catalog.categories[ident]
        members = [e.id for e in catalog.elements.values() if e.category == c.id]
        lines = [f"{c.id}  {c.names.get(lang)}"]
        if c.references:
            lines.append(f"  {_l('references', lang)}: {'; '.join(c.references)}")
        lines.append(f"  {_l('elements', lang)}: {', '.join(sorted(members)) or '-'}")
        return "\n".join(lines)
    for rule in catalog.escalations:
        if rule.id == ident:
            lines = [
                f"{rule.id}  ({_l('rule', lang)}, {rule.kind})",
                f"  {_l('when', lang)}: {rule.when.render()}",
                f"  {_l('to', lang)}: {rule.to.label} ({catalog.grade_name(rule.to, lang)})",
                f"  {_l('reason', lang)}: {rule.reason.get(lang)}",
                f"  {_l('references', lang)}: {rule.reference}",
            ]
            if rule.important_data:
                lines.append(f"  {_l('important', lang)}: {rule.important_data}")
            if rule.source:
                lines.append(f"  {_l('source', lang)}: {rule.source}")
            return "\n".join(lines)
    if ident in catalog.sectors:
        s = catalog.sectors[ident]
        lines = [f"{s.id}  {s.names.get(lang)}" + (f" ({s.scheme})" if s.scheme else "")]
        for level in s.levels:
            members = sorted(e for e, lv in s.element_levels.items() if lv == level.id)
            lines.append(
                f"  {level.id} {level.names.get(lang)} → {level.grade.label}: "
                f"{', '.join(members) or '-'}"
            )
        return "\n".join(lines)
    raise UserError(
        f"no element, category, escalation rule or sector with id {ident!r} "
        "(see `dataflow catalog list`)"
    )


def validate(files: Sequence[Path]) -> int:
    """Validate ``files`` on top of the shipped catalogs; print every problem; 0 or 2."""
    from dataflow.catalog import load_catalog, validate_files

    problems = validate_files(list(files))
    if problems:
        for problem in problems:
            error(problem.render())
        return 2
    catalog = load_catalog(tuple(files))
    for f in files:
        own = [e for e in catalog.elements.values() if e.origin == str(f)]
        write_output(f"{f}: ok — {len(own)} element(s) defined or overridden", None)
    return 0


def register(app: typer.Typer) -> None:
    """Add the ``catalog`` command group."""
    group = typer.Typer(
        name="catalog",
        help="List, show and validate catalogs (PI elements, grades, escalation rules).",
        no_args_is_help=True,
        rich_markup_mode=None,
    )

    @group.command("list")
    @guarded
    def list_cmd(
        lang: str = typer.Option("en", "--lang", help="Output language: en or zh."),
        catalogs: list[Path] = typer.Option(
            [], "--catalog", help="Extra catalog YAML (repeatable)."
        ),
        config: Path | None = typer.Option(None, "--config", help="Configuration file."),
        sensitivity_changes: bool = typer.Option(
            False,
            "--sensitivity-changes",
            help="Only the elements whose sensitivity differs between standards.",
        ),
    ) -> None:
        """List every catalog element with its category, sensitivity and grade."""
        check_lang_en_zh(lang)
        if sensitivity_changes:
            write_output(render_changes(catalogs, config, lang), None)
            return
        write_output(render_list(catalogs, config, lang), None)

    add_show_and_validate(
        group,
        show=(
            "Show one element (keywords, entities, references), category, rule or sector.",
            "Element, category, rule or sector id.",
        ),
        extra=("--catalog", "Extra catalog YAML (repeatable)."),
        validate=(
            "Check catalog files on top of the shipped ones; print every problem (exit 2).",
            "Catalog files to check.",
        ),
        render=render_show,
        check=validate,
    )
    app.add_typer(group, name="catalog")
