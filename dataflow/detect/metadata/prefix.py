"""Column names behind a one-letter prefix that every column of a table shares, read without it.

Some schemas, often of older Chinese systems, glue one letter before every column of a table
(``FXM``, ``Fxb``, ``Fsfzh``, ``FZGH``: a field marker ``F`` before the pinyin initials of 姓名,
性别, 身份证号, 职工号). Read whole, such names match nothing: ``fsfzh`` is no word. When most
columns of a table start with the same letter, and the table reads markedly better without it
(more of its columns are found to be personal information, ``MIN_GAIN``), the table is read in a
copy whose column names drop the letter. What is reported stays the schema's own field: the
findings of the copy are given back the original fields (``traditional.restore_fields``).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from dataflow.catalog import Catalog
from dataflow.model import Dataset, ForeignKey, top_level

#: The fewest columns of a table that may show a shared prefix.
MIN_COLUMNS = 5
#: The share of a table's columns with Latin names that must start with the letter.
MIN_SHARE = 0.8
#: How many more personal columns the table must read as without the letter.
MIN_GAIN = 3


def shared_letter(ds: Dataset) -> str | None:
    """The letter that most of ``ds``'s own columns start with (``MIN_SHARE``), glued to the rest
    of the name, when the columns share no longer beginning (``cust_id``, ``cust_name`` share a
    word, not a marker); None otherwise."""
    names = [
        f.name
        for f in ds.fields
        if top_level(f, ds.name) and f.name.isascii() and f.name[:1].isalpha()
    ]
    if len(names) < MIN_COLUMNS:
        return None
    counts = Counter(n[0].lower() for n in names)  # the first of the most frequent letters
    letter = max(sorted(counts), key=counts.__getitem__)
    marked = [n for n in names if n[0].lower() == letter and len(n) > 2 and n[1].isalpha()]
    if len(marked) < MIN_COLUMNS or len(marked) < MIN_SHARE * len(names):
        return None
    if len({n[1].lower() for n in marked}) < 2:
        return None  # a common word, not a one-letter marker
    return letter


def _strip(name: str, letter: str) -> str:
    if len(name) > 2 and name[0].lower() == letter and name[1].isalpha():
        return name[1:]
    return name


def without_letter(ds: Dataset, letter: str) -> Dataset:
    """A copy of ``ds`` whose own columns starting with ``letter`` drop it (pointers unchanged),
    and so do its key columns."""
    fields = tuple(
        dataclasses.replace(f, name=_strip(f.name, letter)) if top_level(f, ds.name) else f
        for f in ds.fields
    )

    def names(columns: Sequence[str]) -> tuple[str, ...]:
        return tuple(_strip(c, letter) for c in columns)

    keys = tuple(
        ForeignKey(columns=names(k.columns), table=k.table, ref_columns=k.ref_columns)
        for k in ds.foreign_keys
    )
    return dataclasses.replace(
        ds, fields=fields, primary_key=names(ds.primary_key), foreign_keys=keys
    )


def unprefixed_dataset(ds: Dataset, personal: Callable[[Dataset], int]) -> Dataset:
    """``ds`` read without the one-letter marker its columns share, when it has one and the
    table reads better without it: ``personal(dataset)`` counts a dataset's columns found
    personal. ``ds`` itself otherwise (the usual case: nothing is detected twice)."""
    letter = shared_letter(ds)
    if letter is None:
        return ds
    copy = without_letter(ds, letter)
    before = personal(ds)
    after = personal(copy)
    if after >= before + MIN_GAIN and after >= 2 * before:
        return copy
    return ds


#: The readable copies worked out inside ``remembered()``: the dataset's identity → the dataset,
#: the catalog and its copy (the dataset is kept, so no other object can take its identity).
_REMEMBERED: list[dict[int, tuple[Dataset, Catalog, Dataset]]] = []


@contextlib.contextmanager
def remembered() -> Iterator[None]:
    """Within the block, ``readable_dataset`` works out each dataset's copy once: a scan reads
    every dataset's subject first and classifies it after (in processes forked within the
    block, which inherit what the parent worked out), and both read the same copy. What is
    kept is dropped when the outermost block ends."""
    if _REMEMBERED:
        yield
        return
    _REMEMBERED.append({})
    try:
        yield
    finally:
        _REMEMBERED.clear()


def remember(ds: Dataset, catalog: Catalog, copy: Dataset) -> None:
    """Inside ``remembered()``, take ``copy`` as ``readable_dataset(ds, catalog)``: the copy
    another process worked out for a dataset equal to ``ds`` (a scan's reading workers work
    them out while the parent waits; the copy is ``ds`` itself when nothing applies)."""
    if _REMEMBERED:
        _REMEMBERED[0][id(ds)] = (ds, catalog, copy)


def readable_dataset(ds: Dataset, catalog: Catalog) -> Dataset:
    """``ds`` as the metadata rules read it: traditional characters folded
    (``traditional.simplified_dataset``), coded columns named by their comments in Korean,
    Japanese, Arabic, Thai… (``commented.commented_dataset``) and a shared one-letter column
    marker dropped (``unprefixed_dataset``); ``ds`` itself when none applies. Worked out once
    per dataset inside ``remembered()``."""
    if not _REMEMBERED:
        return _readable(ds, catalog)
    memory = _REMEMBERED[0]
    found = memory.get(id(ds))
    if found is not None and found[0] is ds and found[1] is catalog:
        return found[2]
    copy = _readable(ds, catalog)
    memory[id(ds)] = (ds, catalog, copy)
    return copy


def _readable(ds: Dataset, catalog: Catalog) -> Dataset:
    from dataflow.detect.metadata.commented import commented_dataset
    from dataflow.detect.metadata.detector import detect_dataset
    from dataflow.detect.metadata.traditional import simplified_dataset

    def personal(d: Dataset) -> int:
        return sum(1 for v in detect_dataset(d, catalog).values() if v.element is not None)

    return unprefixed_dataset(commented_dataset(simplified_dataset(ds)), personal)
