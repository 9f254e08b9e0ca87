"""Names and comments written in Greek, Korean, Japanese, Arabic, Persian, Hebrew, Thai or
Devanagari, read in Latin letters and English words before the rules read them.

Greek is spelt in Latin letters by ELOT 743 and read by the romanised Greek words of
``catalogs/data/foreign_words.yaml``; the other scripts are read by their own words, listed in
``catalogs/data/native_words.yaml`` and found inside the text, the longest first (these
languages write words together or join articles and particles to them)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

#: Letters of the scripts read here: Greek, Hebrew, Arabic (with the Persian letters), Devanagari,
#: Thai, Hangul (syllables and jamo), Japanese kana (full and half width).
_NATIVE = re.compile(
    r"[\u0370-\u03ff\u1f00-\u1fff\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u097f"
    r"\u0e00-\u0e7f\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]"
)
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
#: Japanese kana: hiragana, katakana, the small katakana for Ainu (phonetic extensions) and the
#: half-width katakana.
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_SEPARATOR = r"[\s_\-\u200c\u200d]*"

#: Arabic short vowels and other marks, the tatweel, and the zero-width joiners (Persian writes
#: نام‌خانوادگی with a non-joiner, many schemas without).
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ي": "ی",  # Arabic yeh as the Persian one
        "ى": "ی",  # alef maqsura
        "ك": "ک",  # Arabic kaf as the Persian one
        "ؤ": "و",
    }
)
_NUKTA = "\u093c"


def has_native(text: str) -> bool:
    """Whether ``text`` has letters of a script read here."""
    return bool(_NATIVE.search(text))


def has_kana(text: str) -> bool:
    """Whether ``text`` has Japanese kana."""
    return bool(KANA.search(text))


def japanese_schema(comments: Iterable[str | None]) -> bool:
    """Whether a dataset whose table and column comments are ``comments`` is a Japanese schema:
    kana in any of them. Kanji alone do not tell Japanese from Chinese, so a kanji-only comment
    of such a dataset is read as Japanese (証券番号, policy number), not as the Chinese words the
    same characters make. The one test for every reader of comments (the rules and the learned
    scorer)."""
    return any(has_kana(c) for c in comments if c)


def normal(text: str) -> str:
    """``text`` as names and listed words are compared: NFKC, Arabic marks and the zero-width
    joiners dropped, one form of alef, yeh and kaf, no Devanagari nukta."""
    text = unicodedata.normalize("NFKC", text)
    if _NUKTA in unicodedata.normalize("NFD", text):
        text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).replace(_NUKTA, ""))
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    return text.replace("\u200c", "").replace("\u200d", "")


# --- Greek, ELOT 743 (ISO 843) ------------------------------------------------------------

#: Each Greek letter and its ELOT 743 spelling.
_GREEK_LETTERS = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}
_GREEK_PAIRS = {"ου": "ou", "γγ": "ng", "γκ": "gk", "γξ": "nx", "γχ": "nch", "μπ": "mp"}
#: αυ, ευ, ηυ: v before a vowel or a voiced consonant, f before a voiceless one or at the end.
_GREEK_U_VOWELS = {"α": "a", "ε": "e", "η": "i"}
_VOICELESS = set("θκξπστφχψ")


def greek_latin(text: str) -> str:
    """A Greek name in Latin letters by ELOT 743, without accents (``Ημερομηνία_γέννησης`` →
    imerominia_gennisis, ``διεύθυνση`` → diefthynsi), lower case."""
    plain = "".join(
        c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c)
    )
    out: list[str] = []
    i, n = 0, len(plain)
    while i < n:
        ch, pair = plain[i], plain[i : i + 2]
        if pair in _GREEK_PAIRS:
            out.append(_GREEK_PAIRS[pair])
            i += 2
        elif ch in _GREEK_U_VOWELS and i + 1 < n and plain[i + 1] == "υ":
            after = plain[i + 2] if i + 2 < n else ""
            voiced = bool(after) and after in _GREEK_LETTERS and after not in _VOICELESS
            out.append(_GREEK_U_VOWELS[ch] + ("v" if voiced else "f"))
            i += 2
        else:
            out.append(_GREEK_LETTERS.get(ch, ch))
            i += 1
    return "".join(out)


# --- words of the other scripts -------------------------------------------------------------


def native_words_path() -> Path:
    """Where the words of the scripts read here are listed."""
    from dataflow.paths import catalogs_dir

    return catalogs_dir() / "data" / "native_words.yaml"


class _Words:
    """The listed words as one pattern (longest first) and their English readings."""

    def __init__(self, readings: dict[str, tuple[str, bool, int]]) -> None:
        # key: normalised word → (English words, head-first language, when: ALWAYS, WITH_KANA
        # or KANJI_ALONE)
        self.readings = readings
        keys = sorted(readings, key=len, reverse=True)
        self.pattern = (
            re.compile("|".join(_SEPARATOR.join(re.escape(w) for w in k.split()) for k in keys))
            if keys
            else None
        )
        self.bare = {re.sub(_SEPARATOR, "", k): k for k in keys}


#: When a listed word is read: always; a Japanese word in kanji that Chinese writes too (患者,
#: 電話), only in a name with kana; a Japanese word in kanji that Chinese schemas do not use
#: (氏名, 生年月日), also in a name of kanji alone in which no Chinese catalog word is found.
ALWAYS, WITH_KANA, KANJI_ALONE = 0, 1, 2


@lru_cache(maxsize=1)
def _words() -> _Words:
    from dataflow.detect.metadata.traditional import simplified
    from dataflow.errors import CatalogError
    from dataflow.yamlio import load_yaml

    path = native_words_path()
    if not path.is_file():
        return _Words({})
    doc = load_yaml(path, error_cls=CatalogError)
    data = doc.data if isinstance(doc.data, dict) else {}
    languages = data.get("words")
    head_first = data.get("head_first") or []
    if not isinstance(languages, dict) or not isinstance(head_first, list):
        raise doc.error("words", "expected a mapping of languages", CatalogError)
    readings: dict[str, tuple[str, bool, int]] = {}
    for language, words in languages.items():
        if not isinstance(words, dict):
            raise doc.error(f"words.{language}", "expected a mapping of words", CatalogError)
        for word, english in words.items():
            if not (isinstance(word, str) and isinstance(english, str) and english.isascii()):
                raise doc.error(f"words.{language}.{word}", "expected English text", CatalogError)
            key = normal(word)
            when = ALWAYS
            if language == "ja_kanji":
                when = KANJI_ALONE
            elif _HAN.search(key) and not has_kana(key):
                when = WITH_KANA  # a kanji word Chinese writes too (患者, 電話)
            reading = (english, language in head_first, when)
            readings.setdefault(key, reading)
            if _HAN.search(key):  # names are read with traditional characters folded
                readings.setdefault(simplified(key), reading)
    return _Words(readings)


@lru_cache(maxsize=1 << 14)
def native_reading(text: str) -> str:
    """``text`` with Greek spelt in Latin letters and the listed words of the other scripts
    replaced by their English words (joined by underscores, in English order for the languages
    that put the qualifier after the word: ``رقم_الهاتف`` → phone_number); letters of these
    scripts in no listed word are dropped. Japanese words written in kanji alone are read only
    in a name that has kana (``kanji_reading`` reads the Japanese-only ones in any name)."""
    kana = has_kana(text)
    return _reading(text, _ALL if kana else _PLAIN, kana)


@lru_cache(maxsize=1 << 12)
def kanji_reading(text: str) -> str:
    """``native_reading`` that also reads the Japanese words in kanji that Chinese schemas do
    not use (氏名, 生年月日: ``ja_kanji``), for a name in which no Chinese catalog word is
    found."""
    return _reading(text, _ALL if has_kana(text) else _KANJI, True)


@lru_cache(maxsize=1 << 12)
def japanese_reading(text: str) -> str:
    """``text`` of a Japanese schema (one whose comments have kana) read by all the Japanese
    words, those in kanji alone too (患者番号 as patient number, not left to the Chinese
    rules)."""
    return _reading(text, _ALL, True)


def unread_letters(text: str, japanese: bool = False) -> str:
    """The letters of ``text`` in the scripts read here (kana, Hangul, Arabic…) that no listed
    word reads, as ``native_reading`` reads ``text`` (``kanji_reading`` for a text of a
    Japanese schema, ``japanese``): empty when every such word is listed. Kanji count too in a
    Japanese text."""
    words = _words()
    plain = normal(text)
    japanese = japanese or has_kana(text)
    when = _ALL if japanese else _PLAIN
    left: list[str] = []
    pos = 0
    if words.pattern is not None:
        for m in words.pattern.finditer(plain):
            key = words.bare.get(re.sub(_SEPARATOR, "", m.group()))
            reading = words.readings.get(key) if key is not None else None
            if reading is None or reading[2] not in when:
                continue
            left.append(plain[pos : m.start()])
            pos = m.end()
    left.append(plain[pos:])
    rest = "".join(left)
    return "".join(_NATIVE.findall(rest) + (_HAN.findall(rest) if japanese else []))


_ALL = frozenset({ALWAYS, WITH_KANA, KANJI_ALONE})
_PLAIN = frozenset({ALWAYS})
_KANJI = frozenset({ALWAYS, KANJI_ALONE})


def _reading(text: str, when: frozenset[int], kanji: bool) -> str:
    if _GREEK.search(text):
        text = re.sub(r"[\u0370-\u03ff\u1f00-\u1fff]+", lambda m: greek_latin(m.group()), text)
    if not (_NATIVE.search(text) or (kanji and _HAN.search(text))):
        return text
    words = _words()
    plain = normal(text)
    chunks: list[tuple[str, bool]] = []  # (text, read from a head-first language)
    pos = 0
    if words.pattern is not None:
        for m in words.pattern.finditer(plain):
            key = words.bare.get(re.sub(_SEPARATOR, "", m.group()))
            reading = words.readings.get(key) if key is not None else None
            if reading is None or reading[2] not in when:
                continue
            chunks.append((plain[pos : m.start()], False))
            chunks.append((reading[0], reading[1]))
            pos = m.end()
    chunks.append((plain[pos:], False))
    out: list[str] = []
    run: list[str] = []  # English words of a head-first language, in the order written
    for part, head_first in chunks:
        if head_first:
            run.append(part)
            continue
        latin = _NATIVE.sub(" ", part)
        if kanji:
            latin = _HAN.sub(" ", latin)
        if run and latin.strip(" _-"):
            out.extend(reversed(run))
            run = []
        out.append(latin)
    out.extend(reversed(run))
    return "_".join(p.strip().replace(" ", "_") for p in out if p.strip(" _-"))
