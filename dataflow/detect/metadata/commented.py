"""Coded column names read by their comments in Korean, Japanese, Arabic, Thai and the other
scripts of ``scripts.py``.

Many schemas name their columns with codes (Oracle ``OCM32IDNOA``, ``PT_NO``, ``KJ_NM``) and say
what each one holds only in a comment written in the local language (``/* 환자번호 */``, patient
number). Read by its name alone such a column is nothing, and so is the record: a patient's
discharge record whose columns are codes names no patient. When a column's comment is written in
one of these scripts, every word of it is a listed word (``catalogs/data/native_words.yaml``),
and its English reading shares no word with the column's own name, the name is a code and the
comment says what the column is: the dataset is read in a copy whose column takes the comment's
reading as its name (``patient_number``). What is reported stays the schema's own field: the
findings of the copy are given back the original fields (``traditional.restore_fields``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from dataflow.detect.metadata.scripts import (
    has_native,
    japanese_reading,
    japanese_schema,
    native_reading,
    unread_letters,
)
from dataflow.detect.metadata.words import _spelt_tokens, split_name
from dataflow.model import Dataset, Field, ForeignKey

#: A Latin letter with a diacritic (Vietnamese, Turkish, Polish…), and a letter of any script
#: that is neither Latin nor read by its listed words (Chinese, Cyrillic: read by their own rules).
_LATIN_MARKED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
_OTHER_LETTER = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\s\W]")
_HAN = re.compile(r"[\u3400-\u9fff]")
#: The most words of a Latin comment read as a column's name: longer ones describe, not name.
_MAX_LATIN_WORDS = 5
#: The shortest name token that counts as a word shared with the comment's reading.
_MIN_SHARED = 3


def comment_name(fld: Field, japanese: bool = False) -> str | None:
    """The name the comment of ``fld`` gives it, when the comment is read whole and shares no
    word with the column's own (coded) name: a comment in a script read by its listed words (in
    a Japanese schema, ``japanese``, a comment in kanji alone too: 証券番号, policy number), or
    a short one in a Latin script with diacritics (Vietnamese ``Mã bệnh nhân``) whose every word
    is read as English by the words of other languages (``catalogs/data/foreign_words.yaml``)."""
    comment = (fld.comment or "").strip()
    if not comment or not fld.name.isascii():
        return None
    if has_native(comment) or (japanese and _HAN.search(comment)):
        reading = japanese_reading(comment) if japanese else native_reading(comment)
        if not reading or not reading.isascii() or unread_letters(comment, japanese):
            return None  # a word of the comment is not listed: it is not read whole
        read = tuple(t for t in split_name(reading) if t.isalpha())
    elif _LATIN_MARKED.search(comment) and not _OTHER_LETTER.search(comment):
        tokens = _spelt_tokens(comment)
        if not tokens or len(tokens) > _MAX_LATIN_WORDS or any(t.isdigit() for t in tokens):
            return None
        read = tuple(t for t in split_name(comment) if t.isalpha())
        if set(read) & set(tokens):
            return None  # a word of it was not read as English: it is not read whole
    else:
        return None
    if not read:
        return None
    own = {t for t in split_name(fld.name) if len(t) >= _MIN_SHARED and t.isalpha()}
    if own & set(read):
        return None  # the name says it already (`EMP_NAME`, 이름)
    return "_".join(read)


def comment_names(ds: Dataset) -> dict[Field, str]:
    """The coded columns of ``ds`` and the names their comments give them (``comment_name``),
    leaving out a name that another column has or that two comments give."""
    japanese = japanese_schema([ds.comment, *(f.comment for f in ds.fields)])
    given: dict[Field, str] = {}
    for fld in ds.fields:
        name = comment_name(fld, japanese)
        if name is not None:
            given[fld] = name
    taken = Counter([f.name.lower() for f in ds.fields] + [n.lower() for n in given.values()])
    return {fld: name for fld, name in given.items() if taken[name.lower()] == 1}


def commented_dataset(ds: Dataset) -> Dataset:
    """``ds`` with each coded column named by its comment (``comment_names``), its keys too;
    ``ds`` itself when no column is (the usual case: no copy is made)."""
    given = comment_names(ds)
    if not given:
        return ds
    renamed = {fld.name: name for fld, name in given.items()}
    fields = tuple(dataclasses.replace(f, name=given[f]) if f in given else f for f in ds.fields)

    def names(columns: Sequence[str]) -> tuple[str, ...]:
        return tuple(renamed.get(c, c) for c in columns)

    keys = tuple(
        ForeignKey(columns=names(k.columns), table=k.table, ref_columns=k.ref_columns)
        for k in ds.foreign_keys
    )
    return dataclasses.replace(
        ds, fields=fields, primary_key=names(ds.primary_key), foreign_keys=keys
    )
