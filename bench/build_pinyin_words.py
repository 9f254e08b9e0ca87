"""Build ``catalogs/data/pinyin_words.yaml``: toneless pinyin spellings of the catalogs' Chinese
field words (体重 → ``tizhong``, 既往史 → ``jiwangshi``).

Run by a maintainer after Chinese keywords were added to the catalogs, never by dataflow itself
(the scanner reads the committed YAML: offline, and no import at start-up)::

    pip install pypinyin==0.55.0                      # a build tool only (the ``dev`` extra)
    python bench/build_pinyin_words.py                # write the YAML
    python bench/build_pinyin_words.py --check        # exit 1 when a rebuild differs

The words spelt: the Chinese keywords (``keywords.zh``) of every element of the shipped catalogs
and the Chinese words (``words.zh``) of every attribute family of ``catalogs/subjects.yaml``.
Each is spelt by the PyPI package ``pypinyin`` (MIT licence) in its ``NORMAL`` style (no tones),
one reading a character, chosen by pypinyin's phrase dictionary for polyphonic characters
(体重 ``tizhong``, not ``tichong``; 重复 ``chongfu``). ``ü`` is written ``v`` (``nvxing``), the
usual spelling in identifiers, and also ``u`` (``nuxing``).

Which spellings are kept, and why:

- Words of two or more syllables, spelt in five letters or more. One syllable (血 ``xue``) names
  nothing on its own and is part of countless other words; a four-letter spelling of two
  syllables (额度 ``edu``, 阿姨 ``ayi``) reads as an English word or abbreviation too often.
  Pinyin initials (``xt``, ``tz``) are never generated: they stay hand-written in ``initials``.
- A spelling that some element or family already lists by hand, in any kind (``en``, ``pinyin``,
  ``abbreviations``, ``weak``), is not generated: the hand-written word decides.
- Collisions: when one spelling comes from two different Chinese words that the catalogs list
  for different elements (toneless pinyin makes homophones: 任职 and 认知 are both ``renzhi``), it
  is dropped, and the dropped spellings are listed in
  the file's header. Keeping the more sensitive reading would turn an ordinary field into a
  sensitive one on a guess; a dropped spelling can still be hand-written where one reading is
  clearly meant.

Underscore and camel-case forms (``xue_tang``, ``xueTang``) need no entry: dataflow joins a
name's tokens before it looks them up. The output is deterministic: the same catalogs and the
same pypinyin version give the same bytes.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generated_file import run  # noqa: E402

from dataflow.catalog.loader import CatalogBuilder, shipped_files  # noqa: E402
from dataflow.catalog.model import Catalog, Keywords  # noqa: E402

OUT = ROOT / "catalogs" / "data" / "pinyin_words.yaml"
MIN_SYLLABLES = 2
MIN_LETTERS = 5
HAND_KINDS = ("en", "pinyin", "abbreviations", "weak")


def _hand_catalog() -> Catalog:
    """The shipped catalogs without the generated spellings."""
    paths = [p for p in shipped_files() if p.resolve() != OUT.resolve()]
    return CatalogBuilder().build(paths)


def _owners(catalog: Catalog) -> list[tuple[str, Keywords]]:
    """(element id, keywords) of every element and every family, in catalog order."""
    out = [(e.id, e.keywords) for e in catalog.elements.values()]
    out.extend((f.element, f.words) for f in catalog.families)
    return out


def _spellings(pypinyin, word: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Toneless spellings of ``word`` (``v`` and ``u`` for ü), or none when not spelt."""
    if not word or any(not ("\u4e00" <= ch <= "\u9fff") for ch in word):
        return []  # mixed words (B超, 乙肝e抗原) and punctuation are left alone
    syllables = pypinyin.lazy_pinyin(word, style=pypinyin.Style.NORMAL, v_to_u=False)
    if len(syllables) < MIN_SYLLABLES or not all(s.isascii() and s.isalpha() for s in syllables):
        return []
    joined = "".join(syllables).lower()
    out = [joined]
    if "v" in joined:
        out.append(joined.replace("v", "u"))
    return [s for s in out if len(s) >= MIN_LETTERS]


def build() -> str:
    import pypinyin  # type: ignore[import-not-found]

    catalog = _hand_catalog()
    owners = _owners(catalog)
    hand: set[str] = set()
    for _eid, kw in owners:
        for kind in HAND_KINDS:
            hand.update("".join(w.lower().replace("_", " ").split()) for w in kw.get(kind))
    # spelling -> element ids and words it comes from
    elements_of: dict[str, set[str]] = defaultdict(set)  # Chinese word -> element ids
    words_of: dict[str, set[str]] = defaultdict(set)  # spelling -> Chinese words
    by_word: dict[str, list[str]] = {}
    for eid, kw in owners:
        for word in kw.zh:
            spelt = by_word.get(word)
            if spelt is None:
                spelt = by_word[word] = _spellings(pypinyin, word)
            elements_of[word].add(eid)
            for s in spelt:
                words_of[s].add(word)
    # one spelling, two words listed for different elements: a homophone, dropped
    dropped = sorted(
        s
        for s, words in words_of.items()
        if len({frozenset(elements_of[w]) for w in words}) > 1 and s not in hand
    )
    kept: dict[str, list[str]] = {}
    for word in sorted(by_word):
        spelt = [s for s in by_word[word] if s not in hand and s not in dropped]
        if spelt:
            kept[word] = spelt
    return render(kept, dropped, words_of, _syllables(pypinyin), pypinyin.__version__)


def _syllables(pypinyin) -> list[str]:  # type: ignore[no-untyped-def]
    """Every toneless syllable with a vowel pypinyin reads a character as (``v`` for ü)."""
    from pypinyin.pinyin_dict import pinyin_dict  # type: ignore[import-not-found]

    out: set[str] = set()
    for code in pinyin_dict:
        for reading in pypinyin.pinyin(chr(code), style=pypinyin.Style.NORMAL, heteronym=True)[0]:
            # not the interjections without a vowel (m, ng, hm): they would split anything
            if reading.isascii() and reading.isalpha() and set(reading) & set("aeiouv"):
                out.add(reading.lower())
    return sorted(out)


def render(
    kept: dict[str, list[str]],
    dropped: list[str],
    words_of: dict[str, set[str]],
    syllables: list[str],
    version: str,
) -> str:
    lines = [
        "# Toneless pinyin spellings of the catalogs' Chinese field words (catalogs/pi.yaml,",
        "# catalogs/sectors/, the families of catalogs/subjects.yaml).",
        "#",
        "# GENERATED by bench/build_pinyin_words.py: do not edit by hand; add Chinese keywords to the",
        "# catalogs (or hand-written pinyin to an element or family) and rebuild. Each spelling is",
        "# matched like the element's or family's own `pinyin:` keywords, for the elements and",
        "# families that list the Chinese word; `xue_tang` and `xueTang` match `xuetang`.",
        "#",
        f"# Source: the PyPI package pypinyin {version} (MIT licence), NORMAL style (no tones), its",
        "# phrase dictionary choosing the reading of polyphonic characters; u-umlaut as v and as u.",
        f"# Kept: words of {MIN_SYLLABLES} or more syllables spelt in {MIN_LETTERS} or more letters,",
        "# not already hand-written in any element or family. Dropped, one spelling for words of",
        "# different elements (homophones):",
    ]
    for s in dropped:
        lines.append(f"#   {s}: {' '.join(sorted(words_of[s]))}")
    lines += [
        "schema_version: 1",
        "# Every toneless syllable pypinyin reads a character as: a long all-pinyin name token",
        "# (`tangniaobingbingshi`) is looked into at syllable boundaries for these words.",
        "dictionaries:",
        f"  # {len(syllables)} syllables",
        f"  pinyin_syllables: [{', '.join(syllables)}]",
        f"# {len(kept)} words",
        "pinyin_spellings:",
    ]
    for word, spelt in kept.items():
        lines.append(f"  {word}: [{', '.join(spelt)}]")
    return "\n".join(lines) + "\n"


def main() -> int:
    return run(OUT, build, __doc__)


if __name__ == "__main__":
    raise SystemExit(main())
