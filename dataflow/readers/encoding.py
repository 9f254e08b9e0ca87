"""Text encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030 and the rest.

Chinese exports are often GBK without a BOM, and files assembled from several sources mix
encodings line by line. The rule here: every line is tried as strict UTF-8 first (random legacy
bytes are almost never valid UTF-8), then in the file's legacy encoding — GB18030 when the bytes
decode as Chinese text, Windows-1252 when they are accented letters inside Latin words
(``_western``: Spanish or French comments, which GB18030 also decodes, into nonsense),
Windows-1251 when they are Cyrillic words (``_cyrillic``: Russian comments, which
charset-normalizer takes for one of several other code pages; all-capitals ones too, which GBK
reads as common characters: ``_capital_cyrillic``) unless they are Greek words in
Windows-1253 (``_greek``), otherwise charset-normalizer's
guess. A line that fits neither is decoded
with replacement characters and counted, so the caller can warn.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

SNIFF_BYTES = 256 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Sniffed:
    """What the first bytes of a file say about its encoding.

    ``encoding`` is the codec for the whole file (``None`` when the bytes are binary or not
    text in any encoding we know); ``legacy`` is the fallback for lines that are not UTF-8.
    """

    encoding: str | None
    legacy: str = "gb18030"
    binary: bool = False
    bom: bool = False

    @property
    def line_based(self) -> bool:
        """Whether lines can be split on ``\\n`` bytes (false for UTF-16)."""
        return self.encoding not in ("utf-16",)


def _decodes(data: bytes, encoding: str) -> str | None:
    """``data`` decoded strictly, allowing an incomplete character at the very end."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return decoder.decode(data, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_chinese(text: str) -> bool:
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return True
    cjk = sum(1 for c in wide if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f")
    cjk += sum(1 for c in wide if "\uff00" <= c <= "\uffef")
    return cjk * 10 >= len(wide) * 6


def _common_hanzi(text: str) -> bool:
    """Whether most Chinese characters of ``text`` are among GB 2312's 3,755 common ones (its
    first level, lead bytes 0xB0-0xD7). Chinese prose is; Russian text in Windows-1251 read as
    GBK is mostly not, because its lower-case letters (0xE0-0xFF) make lead bytes of GB 2312's
    rare second level or of GBK's extension (``Типы документов`` reads as seven characters, one
    of them common)."""
    common = rare = 0
    for c in text:
        if "\u4e00" <= c <= "\u9fff":
            try:
                lead = c.encode("gb2312")[0]
            except UnicodeEncodeError:
                lead = 0
            if 0xB0 <= lead <= 0xD7:
                common += 1
            else:
                rare += 1
    return common >= rare


_MIXED_WORD = re.compile("[\u0400-\u04ff][A-Za-z]|[A-Za-z][\u0400-\u04ff]")


def _pure_cyrillic_words(head: bytes) -> bool:
    """Whether no word of ``head`` read as Windows-1251 mixes Cyrillic and Latin letters.
    Russian text does not; Chinese text read so does wherever a GBK character's second byte
    is an ASCII letter (``姓名 镕`` reads ``РХГы йF``)."""
    text = _decodes(head, "cp1251")
    return text is not None and _MIXED_WORD.search(text) is None


# Fewest letters of an all-capitals Cyrillic text taken for Windows-1251 rather than GBK (see
# ``_capital_cyrillic``): five Chinese characters' worth of bytes.
_FEWEST_CAPITALS = 10


def _capital_cyrillic(head: bytes) -> bool:
    """Whether ``head`` read as Windows-1251 is Cyrillic words in capitals only (``'ТИПЫ
    ДОКУМЕНТОВ'``, as Oracle scripts often write comments), ten letters or more. Capitals are
    bytes 0xC0-0xDF, which GBK reads as characters of GB 2312's common level, so
    ``_common_hanzi`` cannot tell them apart; but only about one Chinese character in five has
    both its bytes in that range, so Chinese text of five characters or more is all of them
    about once in four thousand times, and a longer head practically never."""
    text = _decodes(head, "cp1251")
    if text is None:
        return False
    letters = [c for c in text if "\u0400" <= c <= "\u04ff"]
    return len(letters) >= _FEWEST_CAPITALS and all(c.isupper() for c in letters)


_GB_FOUR_BYTES = re.compile(rb"[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_GB_PAIR = re.compile(rb"[\x80-\xff][\x00-\xff]?", re.DOTALL)


def _western_letters(data: bytes) -> bool:
    """Whether the bytes above 0x7F in ``data`` are accented letters inside Latin words
    (``defunción`` in Latin-1 is ``defunci``, 0xF3, ``n``) rather than Chinese text.

    Chinese text in GBK/GB18030 is runs of two-byte characters, most with both bytes above
    0x7F; only the rarer characters of GBK's extension (traditional ones, some name
    characters) have an ASCII second byte: about a third of the characters of traditional
    Chinese, a few percent of simplified. Latin text has its accented letters one by one
    between ASCII letters. So: more than half of the runs of high bytes are one byte long,
    and at least 60% of the pairs a GB decoder would read (a high byte and the byte after
    it) end in an ASCII byte (GB18030's four-byte characters are left out of both counts).
    """
    data = _GB_FOUR_BYTES.sub(b"", data)
    runs = _HIGH_RUN.findall(data)
    single = sum(1 for run in runs if len(run) == 1)
    if single * 2 <= len(runs):
        return False
    pairs = _GB_PAIR.findall(data)
    ascii_second = sum(1 for pair in pairs if len(pair) == 1 or pair[1] < 0x80)
    return ascii_second * 5 >= len(pairs) * 3


# Punctuation of Western European text in Windows-1252, besides its letters.
_WESTERN_MARKS = frozenset("–—‘’‚“”„«»…•°€·¿¡§©®ºª")


def _western(head: bytes) -> bool:
    """Whether ``head`` is Western European text in Windows-1252 (or Latin-1, its printable
    subset): it decodes, every character above ASCII is a letter or common punctuation, and
    they stand one by one inside words (``_western_letters``)."""
    text = _decodes(head, "cp1252")
    if text is None or not _western_letters(head):
        return False
    return all(c.isalpha() or c in _WESTERN_MARKS for c in text if ord(c) > 0x7F)


# Punctuation of Russian text in Windows-1251, besides its letters.
_CYRILLIC_MARKS = frozenset("№«»–—…„“”‘’•°·")
_LOWER_UPPER = re.compile("[а-яёіїєґў][А-ЯЁІЇЄҐЎ]")
_UPPER_LOWER = re.compile("[А-ЯЁІЇЄҐЎ][а-яёіїєґў]")


def _cyrillic(head: bytes) -> bool:
    """Whether ``head`` is Cyrillic text in Windows-1251 (Russian, Ukrainian comments of
    Oracle and SQL Server scripts): it decodes, at least 95% of its characters above ASCII
    are Cyrillic letters or common punctuation, and its words are cased as words are
    (``Абоненты``, ``АБОНЕНТЫ``): KOI8-R text read as Windows-1251 is Cyrillic letters too,
    but with the case of each letter swapped (``аБПМЕМРШ``), so a lower-case letter followed
    by a capital must not be commoner than the other way round. Chinese GBK text, which is
    also letters in this code page, is taken before this (``sniff``)."""
    text = _decodes(head, "cp1251")
    if text is None:
        return False
    wide = [c for c in text if ord(c) > 0x7F]
    letters = sum(1 for c in wide if "\u0400" <= c <= "\u04ff")
    if (
        not letters
        or (letters + sum(1 for c in wide if c in _CYRILLIC_MARKS)) * 20 < len(wide) * 19
    ):
        return False
    lower_upper = len(_LOWER_UPPER.findall(text))
    return lower_upper <= max(len(_UPPER_LOWER.findall(text)), 1)


# Greek letters with an accent (tonos), which stand inside lower-case Greek words; Windows-1251
# reads their bytes as the capitals Ь Э Ю Я and the small letters ь э ю.
_MISCASED = re.compile("(?<=[a-z\u03ac-\u03ce\u0430-\u045f])[A-Z\u0386-\u03ab\u0400-\u042f]")
_MIDWORD_FINAL_SIGMA = re.compile("\u03c2(?=[^\\W\\d_])")


def _miscased(text: str) -> int:
    """How often a word of ``text`` goes on after a small letter with a capital, or after a
    Greek final sigma (``ς``) with any letter: neither happens inside words of a language."""
    return len(_MISCASED.findall(text)) + len(_MIDWORD_FINAL_SIGMA.findall(text))


def _greek(head: bytes) -> bool:
    """Whether ``head``, which reads as Cyrillic in Windows-1251 (``_cyrillic``), is Greek in
    Windows-1253 instead. Both code pages hold their letters at 0xC0-0xFF, capitals first, so
    either reading is letters; but Greek marks the stressed vowel of almost every word with an
    accent (``ά έ ή ί`` at 0xDC-0xDF, ``ό ύ ώ`` at 0xFC-0xFE) and ends words with a final
    sigma (``ς``, 0xF2). Greek read as Windows-1251 therefore has capitals inside small-letter
    words (``Ασθενής`` reads ``БуиенЮт``), and Russian read as Windows-1253 has final sigmas
    inside words (every ``т``); Russian with ``Т`` or ``я`` does not decode as Windows-1253 at
    all. The reading with fewer such faults wins; a tie (capitals only) stays Cyrillic."""
    greek = _decodes(head, "cp1253")
    cyrillic = _decodes(head, "cp1251")
    if greek is None or cyrillic is None:
        return False
    return _miscased(greek) < _miscased(cyrillic)


# Control characters that text files do not hold (tab, newlines, form feed and the DOS
# end-of-file mark are allowed).
_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    control = _CONTROL.subn("", text)[1]
    return control * 20 > len(text)


def sniff(head: bytes) -> Sniffed:
    """Guess the encoding of a file from its first bytes (see the module docstring)."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            if encoding == "utf-8-sig":
                return Sniffed("utf-8-sig", bom=True)
            return Sniffed(encoding, legacy=encoding, bom=True)
    if b"\x00" in head:
        return Sniffed(None, binary=True)
    text = _decodes(head, "utf-8")
    if text is not None:
        return Sniffed(None, binary=True) if _looks_binary(text) else Sniffed("utf-8")
    western = _western(head)
    text = _decodes(head, "gb18030")
    if (
        text is not None
        and _mostly_chinese(text)
        and not western
        and not (
            _cyrillic(head)
            and (not _common_hanzi(text) or _capital_cyrillic(head))
            and _pure_cyrillic_words(head)
        )
    ):
        return Sniffed("utf-8", legacy="gb18030", binary=_looks_binary(text))
    if western:
        return Sniffed("utf-8", legacy="cp1252")
    if _cyrillic(head):
        return Sniffed("utf-8", legacy="cp1253" if _greek(head) else "cp1251")
    from charset_normalizer import from_bytes

    best = from_bytes(head[:SNIFF_BYTES]).best()
    if best is None:
        return Sniffed(None, binary=True)
    legacy = best.encoding
    if legacy in ("gbk", "gb2312", "hz", "gb18030"):
        legacy = "gb18030"
    text = _decodes(head, legacy)
    if text is None or _looks_binary(text):
        return Sniffed(None, binary=True)
    return Sniffed("utf-8", legacy=legacy)


class LineDecoder:
    """Decode one line at a time: UTF-8 first, then the legacy encoding, then replacement."""

    def __init__(self, sniffed: Sniffed) -> None:
        self.primary = "utf-8"
        self.legacy = sniffed.legacy
        self.replaced = 0  # lines that needed replacement characters
        self.first_replaced: int | None = None
        self.legacy_lines = 0

    def decode(self, data: bytes, lineno: int) -> str:
        """The text of one line (BOM removed on line 1)."""
        if lineno == 1 and data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        try:
            return data.decode(self.primary)
        except UnicodeDecodeError:
            pass
        try:
            text = data.decode(self.legacy)
            self.legacy_lines += 1
            return text
        except (UnicodeDecodeError, LookupError):
            pass
        self.replaced += 1
        if self.first_replaced is None:
            self.first_replaced = lineno
        return data.decode(self.primary, errors="replace")


def decode_text(data: bytes) -> tuple[str | None, Sniffed, int | None]:
    """Decode a whole (schema) file. Returns ``(text, sniffed, first_bad_line)``.

    ``text`` is ``None`` for binary content; ``first_bad_line`` is the first line that had to
    be decoded with replacement characters (``None`` when every line decoded cleanly).
    """
    sniffed = sniff(data[:SNIFF_BYTES])
    if sniffed.binary or sniffed.encoding is None:
        return None, sniffed, None
    if not sniffed.line_based:
        return data.decode(sniffed.encoding, errors="replace"), sniffed, None
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8"), sniffed, None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(sniffed.legacy), sniffed, None
    except (UnicodeDecodeError, LookupError):
        pass
    decoder = LineDecoder(sniffed)
    parts = [decoder.decode(line, i) for i, line in enumerate(data.splitlines(True), start=1)]
    return "".join(parts), sniffed, decoder.first_replaced


@dataclass
class LineReader:
    """Byte lines of a stream, each capped at ``max_bytes`` (the rest of a longer line is skipped).

    Lines keep their terminator. ``truncated`` counts the lines that were cut and
    ``first_truncated`` is the first of them, for a warning.
    """

    handle: BinaryIO
    max_bytes: int
    chunk: int = 1024 * 1024
    truncated: int = 0
    first_truncated: int | None = None
    lineno: int = 0

    def __iter__(self) -> Iterator[bytes]:
        buf = b""
        skipping = False
        while True:
            data = self.handle.read(self.chunk)
            if not data:
                break
            buf += data
            start = 0
            while True:
                nl = buf.find(b"\n", start)
                if nl == -1:
                    break
                line = buf[start : nl + 1]
                start = nl + 1
                if skipping:
                    skipping = False
                    continue
                self.lineno += 1
                yield line
            buf = buf[start:]
            if len(buf) > self.max_bytes:
                if not skipping:
                    self.lineno += 1
                    self.truncated += 1
                    if self.first_truncated is None:
                        self.first_truncated = self.lineno
                    cut = self.max_bytes
                    while cut > 0 and (buf[cut] & 0xC0) == 0x80:
                        cut -= 1  # do not split a UTF-8 character
                    yield buf[:cut] + b"\n"
                    skipping = True
                buf = b""
        if buf and not skipping:
            self.lineno += 1
            yield buf
