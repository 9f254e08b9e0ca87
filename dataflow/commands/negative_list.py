"""``dataflow negative-list``: list, show and validate negative lists."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

import typer

from dataflow.commands._common import (
    add_show_and_validate,
    check_lang_en_zh,
    error,
    guarded,
    write_output,
)
from dataflow.config import load_settings
from dataflow.errors import UserError
from dataflow.i18n import commands as i18n_commands
from dataflow.model import Problem
from dataflow.negative_list import (
    Entry,
    NegativeList,
    NegativeListError,
    check_unique,
    find,
    load_list_file,
    shipped_list_paths,
)

_L = i18n_commands.NEGATIVE_LIST

_IMPORTANT = i18n_commands.IMPORTANT_DATA


def _l(key: str, lang: str) -> str:
    return _L[key].get(lang)


def _mechanism(name: str, lang: str) -> str:
    try:
        from dataflow.i18n import MECHANISMS
    except ImportError:  # pragma: no cover - labels module absent in a partial build
        return name
    label = MECHANISMS.get(name)
    return f"{name} ({label.get(lang)})" if label else name


def _catalog_element_ids() -> Collection[str] | None:
    """Element ids of the shipped catalog, when the catalog module is present (else no check)."""
    import importlib

    try:
        catalog_module = importlib.import_module("dataflow.catalog")
    except ImportError:
        return None
    load = getattr(catalog_module, "load_catalog", None)
    if load is None:
        return None
    try:
        cat = load()
    except UserError:
        return None
    elements = getattr(cat, "elements", None)
    if isinstance(elements, dict):
        return {str(k) for k in elements}
    if isinstance(elements, (list, tuple)):
        ids = {getattr(e, "id", None) for e in elements}
        return {i for i in ids if isinstance(i, str)}
    return None


def _all_lists(extra: Sequence[Path], config: Path | None) -> list[tuple[NegativeList, bool]]:
    """Every shipped list (enabled or not) plus configured and given user lists, with whether a
    run uses it (user lists always; shipped ones when selected or enabled by default)."""
    settings = load_settings(config)
    lists: list[NegativeList] = []
    errors: list[Problem] = []
    for p in shipped_list_paths():
        lst, errs, _ = load_list_file(p, shipped=True)
        errors.extend(errs)
        if lst is not None:
            lists.append(lst)
    for p in (*settings.negative_lists, *extra):
        for f in sorted(p.glob("*.yaml")) if p.is_dir() else [p]:
            lst, errs, _ = load_list_file(f)
            errors.extend(errs)
            if lst is not None:
                lists.append(lst)
    errors.extend(check_unique(lists))
    if errors:
        raise NegativeListError(errors)
    selected = settings.shipped_negative_lists
    return [
        (
            lst,
            (not lst.shipped)
            or (lst.id in selected if selected is not None else lst.enabled_by_default),
        )
        for lst in lists
    ]


def _list_table(extra: Sequence[Path], config: Path | None, lang: str) -> str:
    from tabulate import tabulate

    rows = []
    for lst, used in _all_lists(extra, config):
        rows.append(
            [
                lst.id,
                lst.jurisdiction,
                lst.zone or "-",
                lst.version,
                lst.effective_from.isoformat(),
                str(len(lst.entries)),
                str(len(lst.unverified_entries)),
                _l("yes" if used else "no", lang),
                lst.title.get(lang),
            ]
        )
    headers = [
        _l(k, lang)
        for k in (
            "id",
            "jurisdiction",
            "zone",
            "version",
            "from",
            "entries",
            "unverified",
            "in_use",
            "title",
        )
    ]
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def _show(ident: str, extra: Sequence[Path], config: Path | None, lang: str) -> str:
    pairs = _all_lists(extra, config)
    lists = [lst for lst, _ in pairs]
    found = find(lists, ident)
    if found is None:
        import difflib

        known = sorted({lst.id for lst in lists} | {e.id for lst in lists for e in lst.entries})
        close = difflib.get_close_matches(ident, known, n=3)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise UserError(f"no negative list or entry with id {ident!r}{hint}")
    lst, entry = found
    if entry is None:
        used = next(u for lt, u in pairs if lt is lst)
        return _render_list(lst, used, lang)
    return _render_entry(lst, entry, lang)


def _render_list(lst: NegativeList, used: bool, lang: str) -> str:
    yn = {True: _l("yes", lang), False: _l("no", lang)}
    lines = [
        f"{lst.id}: {lst.title.get(lang)}",
        f"  {_l('jurisdiction', lang)}: {lst.jurisdiction}"
        + (f" ({lst.zone})" if lst.zone else ""),
        f"  {_l('version', lang)}: {lst.version}",
        f"  {_l('from', lang)}: {lst.effective_from.isoformat()}",
    ]
    if lst.effective_to:
        lines.append(f"  {_l('to', lang)}: {lst.effective_to.isoformat()}")
    lines += [
        f"  {_l('scope', lang)}: {_l('sectors', lang)} [{', '.join(lst.sectors)}]; "
        f"{_l('scenarios', lang)} [{', '.join(lst.scenarios)}]",
        f"  {_l('verified', lang)}: {yn[lst.verified]}",
        f"  {_l('complete', lang)}: {yn[lst.complete]}",
        f"  {_l('in_use', lang)}: {yn[used]}",
    ]
    if lst.jurisdiction == "ftz":
        lines.append(f"  {_l('excludes_ciio', lang)}: {yn[lst.excludes_ciio]}")
    lines.append(
        f"  {_l('file', lang)}: {lst.path if not lst.shipped else 'negative_list/' + Path(lst.path).name}"
    )
    lines.append(f"  {_l('sources', lang)}:")
    lines.extend(f"    - {s}" for s in lst.sources)
    if lst.notes:
        lines.append(f"  {_l('notes', lang)}: {lst.notes.get(lang)}")
    lines.append(f"  {_l('entries', lang)}:")
    for e in lst.entries:
        mark = "" if e.verified else " (?)"
        lines.append(f"    {e.id}{mark}: {_mechanism(e.required_mechanism, lang)}")
        lines.append(f"      {_l('condition', lang)}: {'; '.join(e.condition.parts())}")
        lines.append(f"      {e.message.get(lang)}")
    if lst.unverified_entries:
        lines.append(f"  (?) {_l('unverified_note', lang)}")
    return "\n".join(lines)


def _render_entry(lst: NegativeList, entry: Entry, lang: str) -> str:
    yn = {True: _l("yes", lang), False: _l("no", lang)}
    lines = [
        f"{entry.id}" + ("" if entry.verified else " (?)"),
        f"  {_l('list', lang)}: {lst.id} — {lst.title.get(lang)} ({_l('version', lang)} {lst.version})",
    ]
    if entry.sector:
        lines.append(f"  {_l('sector', lang)}: {entry.sector}")
    if entry.scenario:
        lines.append(f"  {_l('scenario', lang)}: {entry.scenario}")
    if entry.data_category:
        lines.append(f"  {_l('data_category', lang)}: {entry.data_category.get(lang)}")
    lines.append(f"  {_l('condition', lang)}:")
    lines.extend(f"    {c}" for c in entry.condition.parts())
    lines += [
        f"  {_l('important_data', lang)}: {_IMPORTANT[entry.important_data].get(lang)}",
        f"  {_l('mechanism', lang)}: {_mechanism(entry.required_mechanism, lang)}",
        f"  {_l('message', lang)}: {entry.message.get(lang)}",
        f"  {_l('source', lang)}: {entry.source or '; '.join(lst.sources)}",
        f"  {_l('verified', lang)}: {yn[entry.verified]}"
        + (f" [{entry.tag}]" if entry.tag else ""),
    ]
    if entry.effective_from or entry.effective_to:
        span = f"{entry.effective_from or lst.effective_from}"
        if entry.effective_to:
            span += f" – {entry.effective_to}"
        lines.append(f"  {_l('from', lang)}: {span}")
    if entry.notes:
        lines.append(f"  {_l('notes', lang)}: {entry.notes.get(lang)}")
    return "\n".join(lines)


def _validate(files: Sequence[Path]) -> int:
    known = _catalog_element_ids()
    errors: list[Problem] = []
    loaded: list[NegativeList] = []
    out: list[str] = []
    for f in files:
        lst, errs, warns = load_list_file(f, known_elements=known)
        errors.extend(errs)
        for w in warns:
            typer.echo(f"warning: {w.render()}", err=True)
        if lst is not None:
            loaded.append(lst)
            unverified = len(lst.unverified_entries)
            out.append(
                f"{f}: ok — list {lst.id}, {len(lst.entries)} "
                + ("entry" if len(lst.entries) == 1 else "entries")
                + (f", {unverified} not verified" if unverified else "")
            )
    errors.extend(check_unique(loaded))
    if out:
        write_output("\n".join(out), None)
    for problem in errors:
        error(problem.render())
    return 2 if errors else 0


def register(app: typer.Typer) -> None:
    """Add the ``negative-list`` command group."""
    group = typer.Typer(
        name="negative-list",
        help="List, show and validate negative lists (national, FTZ, organisation).",
        no_args_is_help=True,
        rich_markup_mode=None,
    )

    @group.command("list")
    @guarded
    def list_cmd(
        lang: str = typer.Option("en", "--lang", help="Output language: en or zh."),
        negative_list: list[Path] = typer.Option(
            [], "--negative-list", help="Also show this list file or folder (repeatable)."
        ),
        config: Path | None = typer.Option(None, "--config", help="Configuration file."),
    ) -> None:
        """Show every shipped and configured list, and whether a run uses it by default."""
        check_lang_en_zh(lang)
        write_output(_list_table(negative_list, config, lang), None)

    add_show_and_validate(
        group,
        show=(
            "Show one list with its entries, or one entry with its condition and source.",
            "A list id or an entry id.",
        ),
        extra=("--negative-list", "Also search this list file or folder (repeatable)."),
        validate=(
            "Check list files; print every problem with file, line and key path (exit 2).",
            "List files to check.",
        ),
        render=_show,
        check=_validate,
    )
    app.add_typer(group, name="negative-list")
