"""Weights, patterns, name splitting and column-type kinds of the metadata rules."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

#: A metadata verdict at or above this confidence says the field is the element.
PI_THRESHOLD = 0.5

# Weights of the kinds of evidence (noisy-OR combined per element).
W_NAME_FULL = 0.9
W_NAME_PARTIAL = 0.72
W_NAME_SUBSTRING = 0.6
W_INITIALS_PARTIAL = 0.55
W_WEAK_PERSON = 0.75
W_WEAK_PERSON_PARTIAL = 0.62
W_WEAK_UNKNOWN = 0.35
W_WEAK_NON_PERSON = 0.08
W_ZH_HEAD_SHORT = 0.92
W_ZH_HEAD_LONG = 0.7
W_ZH_MODIFIER = 0.35
W_EN_COMMENT_SHORT = 0.7
W_EN_COMMENT_LONG = 0.45  # a long description alone does not make a field PI

F_REFERENCE = 0.35  # `address_id`: points at another record
F_NON_PERSON = 0.3  # `shop_phone`, a phone column in a `shop` table
F_DICTIONARY = 0.15  # a lookup table of disease names
F_COMMENT_NON_PERSON = 0.35  # comment says it belongs to a thing (门店电话)

#: Scripts whose catalog words are found inside a name or comment, not as whole tokens: Chinese
#: (written without spaces) and Cyrillic (Russian words inflect: паспорт, паспорта, паспортом).
_CJK = re.compile(r"[\u3400-\u9fff\u0400-\u04ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CAMEL = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])"
)
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
MAX_SPAN = 5
#: The same column names and types recur across the thousands of tables of a schema
#: repository: the pure functions of a name or a type below remember that many answers.
_MEMO = 1 << 16
W_CONTEXT_ID = 0.6  # `customer.id` nested in another record
W_TABLE_KEY = 0.4  # a table's own `id` (below the threshold: a surrogate key says nothing itself)
W_CARRIED_CREDENTIAL = 0.85  # a header or cookie of an API request named as a credential
W_HEALTH_TABLE = 0.7  # value/code column of a table of health events about a person
#: Where a comment's first clause ends.
COMMENT_CLAUSE = re.compile(r"[,，;；:：(（]")
ENUM_COMMENT = re.compile(
    r"(->|=>|\d\s*[:：=]\s*[^\s;；,，]+\s*[;；,，].*\d\s*[:：=]|[:：][^;；]{1,12}[;；][^;；]{1,12}[;；])"
)


@lru_cache(maxsize=_MEMO)
def split_name(name: str) -> tuple[str, ...]:
    """Split a field name into lower-case tokens: ``userMobilePhone2`` → user, mobile, phone, 2.
    Latin letters with diacritics are spelt in ASCII first (``Ersteinschätzung`` →
    ersteinschaetzung, ``teléfono`` → telefono), so that German, Spanish or French words stay
    whole words."""
    if name.isascii() and name.isalpha() and name.islower():  # one word already (`tizhong`)
        return english_words((name,))
    return english_words(_spelt_tokens(name))


def _spelt_tokens(name: str) -> tuple[str, ...]:
    """``name``'s lower-case tokens as ``split_name`` cuts them, before any is read as English
    (``nomeCliente`` → nome, cliente)."""
    if not name.isascii():
        from dataflow.detect.metadata.scripts import has_native, native_reading

        if has_native(name):  # Greek, Korean, Japanese kana, Arabic, Hebrew, Thai, Devanagari
            name = native_reading(name)
        if _CYRILLIC.search(name) and not _HAN.search(name):
            name = cyrillic_latin(name)
        name = ascii_latin(name)
    return tuple(
        p.lower() for part in _NON_ALNUM.split(name) if part for p in _CAMEL.split(part) if p
    )


#: The longest run of name tokens that ``catalogs/data/foreign_words.yaml`` lists as one phrase.
_MAX_PHRASE = 3


def foreign_words_path() -> Path:
    """Where the words of other languages read as English ones are listed."""
    from dataflow.paths import catalogs_dir

    return catalogs_dir() / "data" / "foreign_words.yaml"


@lru_cache(maxsize=1)
def foreign_words() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The phrases of other languages (as name tokens) and the English name tokens they are read
    as (empty when the data file is absent): ``numero conta`` → account, number. Built once and
    kept on disk (``catalog.cache.disk_cached``), so that a ``dataflow check`` neither parses the
    YAML nor imports the YAML parser at every start."""
    from dataflow.catalog.cache import disk_cached

    path = foreign_words_path()
    if not path.is_file():
        return {}
    load = Path(__file__).parents[2] / "yamlio" / "load.py"
    return disk_cached(
        "foreign_words", (path, Path(__file__), load), lambda: _read_foreign(path), dict
    )


def _read_foreign(path: Path) -> dict[tuple[str, ...], tuple[str, ...]]:
    from dataflow.errors import CatalogError
    from dataflow.yamlio import load_yaml

    doc = load_yaml(path, error_cls=CatalogError)
    data = doc.data if isinstance(doc.data, dict) else {}
    languages = data.get("phrases")
    if not isinstance(languages, dict):
        raise doc.error("phrases", "expected a mapping of languages", CatalogError)
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for language, phrases in languages.items():
        if not isinstance(phrases, dict):
            raise doc.error(f"phrases.{language}", "expected a mapping of phrases", CatalogError)
        for phrase, english in phrases.items():
            if not (isinstance(phrase, str) and isinstance(english, str)):
                raise doc.error(f"phrases.{language}.{phrase}", "expected text", CatalogError)
            key = _plain_tokens(phrase)
            value = _plain_tokens(english)
            if not key or not value or len(key) > _MAX_PHRASE:
                raise doc.error(
                    f"phrases.{language}.{phrase}",
                    f"expected one to {_MAX_PHRASE} words and an English reading",
                    CatalogError,
                )
            out[key] = value
            # A word listed with its umlauts (Turkish `güvenlik`, Hungarian `jelszó`) is also
            # read as schema authors write it in ASCII with the bare vowel (guvenlik), besides
            # the German spelling every name is read in (guevenlik).
            bare = tuple(p.lower() for p in _NON_ALNUM.split(bare_latin(phrase)) if p)
            if bare != key and len(bare) == len(key):
                out.setdefault(bare, value)
    return out


def _plain_tokens(text: str) -> tuple[str, ...]:
    """``text`` as lower-case name tokens, without reading any of them as English."""
    return tuple(p.lower() for p in _NON_ALNUM.split(ascii_latin(text)) if p)


def own_spelling(word: str) -> str | None:
    """A catalog word (``cliente``) as written, its tokens joined, when ``split_name`` reads it
    as English words (customer): what a longer name token may still contain
    (``clienterorder``). None when the word is read as it is."""
    plain = _spelt_tokens(word)
    if not plain or english_words(plain) == plain:
        return None
    return "".join(plain)


def english_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """``tokens`` with each run listed in ``catalogs/data/foreign_words.yaml`` replaced by its
    English reading, the longest run first (``cliente nome`` → customer, name; ``data de
    nascimento`` → birth, date). A key or a name written before the word it belongs to, in the
    order of the Romance languages (``id_conta``, ``nome_cliente``, ``tipo_cuenta``: the id of
    the account), is put after it as English writes it (account id, customer name, account type)."""
    table = foreign_words()
    if not table or not any((t,) in table or t in _phrase_heads() for t in tokens):
        return tokens
    chunks: list[tuple[tuple[str, ...], bool]] = []  # (English words, read from another language)
    i, n = 0, len(tokens)
    while i < n:
        for size in range(min(_MAX_PHRASE, n - i), 0, -1):
            english = table.get(tokens[i : i + size])
            if english is not None:
                chunks.append((english, True))
                i += size
                break
        else:
            chunks.append(((tokens[i],), False))
            i += 1
    out: list[str] = []
    k = 0
    while k < len(chunks):
        words, foreign = chunks[k]
        if (
            k + 1 < len(chunks)
            and len(words) == 1
            and words[0] in _ROMANCE_HEADS
            and (foreign or words[0] == "id")
            and chunks[k + 1][1]
            and chunks[k + 1][0][-1] not in _ROMANCE_HEADS
        ):
            out.extend((*chunks[k + 1][0], words[0]))
            k += 2
            continue
        out.extend(words)
        k += 1
    return tuple(out)


#: Words that the Romance languages write before the word they belong to (`id_conta`,
#: `nome_cliente`, `tipo_documento`), read in English order after it.
_ROMANCE_HEADS = frozenset({"id", "code", "number", "name", "type", "date"})


@lru_cache(maxsize=1)
def _phrase_heads() -> frozenset[str]:
    """The first tokens of the phrases of more than one word."""
    return frozenset(key[0] for key in foreign_words() if len(key) > 1)


#: Segments that API schema files add after the resource they describe
#: (``LISAInvestor.post.schema.json`` → dataset ``LISAInvestor.post``; ``Event.get.array``): the
#: HTTP method, not what the document is about. A ``response`` stays: its fields are an API's
#: envelope (``message``, ``code``) around the resource.
_OPERATION_SEGMENTS = frozenset({"get", "post", "put", "patch", "delete", "request", "array"})


@lru_cache(maxsize=_MEMO)
def bare_name(name: str) -> str:
    """A dataset's own name without its schema or database qualifier (``dbo.Booking`` →
    ``Booking``), and without the API operation segments of a schema file's name
    (``LISAInvestor.post`` → ``LISAInvestor``)."""
    parts = name.split(".")
    while len(parts) > 1 and parts[-1].lower() in _OPERATION_SEGMENTS:
        parts.pop()
    return parts[-1]


#: German umlauts and sharp s as German spells them without diacritics.
_GERMAN_ASCII = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
#: The same vowels as Turkish, Hungarian, Finnish or Swedish schema authors write them without
#: diacritics: the bare vowel (``güvenlik`` → guvenlik, ``jelszó``, ``syntymäaika``).
_BARE_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"})
#: Latin letters that Unicode does not decompose into a base letter and a diacritic, as they
#: are written in ASCII: Turkish dotless ı, Polish ł, Vietnamese and Croatian đ, Danish and
#: Norwegian ø and æ, Icelandic ð and þ, French œ.
_OWN_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ħ": "h",
    }
)


def _latin_letter(ch: str) -> bool:
    """Whether ``ch`` is a Latin letter with diacritics: Latin-1, Extended-A/B and the Extended
    Additional block of Vietnamese (ư with a tone: ự, ở)."""
    return "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"


def ascii_latin(text: str) -> str:
    """``text`` with German umlauts spelt out and other diacritics of Latin letters dropped
    (``HastaAdı`` → HastaAdi, ``số_điện_thoại`` → so_dien_thoai, ``płeć`` → plec); Chinese and
    other scripts are left as they are."""
    text = text.translate(_GERMAN_ASCII)
    if text.isascii():
        return text
    return _strip_marks(text.translate(_OWN_LETTERS))


def bare_latin(text: str) -> str:
    """``text`` with every diacritic of its Latin letters dropped, umlauts included (``güvenlik``
    → guvenlik): how most languages other than German are written in ASCII."""
    return ascii_latin(text.translate(_BARE_UMLAUTS))


def _strip_marks(text: str) -> str:
    return "".join(
        c
        for ch in text
        for c in (unicodedata.normalize("NFD", ch) if _latin_letter(ch) else ch)
        if not unicodedata.combining(c)
    )


_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")

#: Russian and Ukrainian letters in the Latin spelling of the common transliterations (BGN/PCGN
#: for Russian; the Ukrainian і, ї, є and ґ as i, yi, ye and g); hard and soft signs and the
#: Ukrainian apostrophe are not written.
_CYRILLIC_LATIN: dict[int, str] = {
    ord(letter): latin
    for letter, latin in (
        *zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True),
        *{
            "ё": "e",
            "ж": "zh",
            "х": "kh",
            "ц": "ts",
            "ч": "ch",
            "ш": "sh",
            "щ": "shch",
            "ю": "yu",
            "я": "ya",
            "і": "i",
            "ї": "yi",
            "є": "ye",
            "ґ": "g",
            "ъ": "",
            "ь": "",
        }.items(),
    )
}


def cyrillic_latin(text: str) -> str:
    """A Russian or Ukrainian name in Latin letters, as schema authors transliterate it
    (``Дата_рождения`` → data_rozhdeniya, ``Ім'я`` → imya), so that the words of
    ``catalogs/data/foreign_words.yaml`` read it; capitals stay capitals (camelCase splits)."""
    text = _CYRILLIC_APOSTROPHE.sub("", text)
    return "".join(
        out.capitalize() if ch.isupper() else out
        for ch in text
        for out in (ch.lower().translate(_CYRILLIC_LATIN) if is_cyrillic(ch) else ch,)
    )


#: The Ukrainian apostrophe inside a word (ім'я, п'ять).
_CYRILLIC_APOSTROPHE = re.compile(r"(?<=[\u0400-\u04ff])['\u02bc\u2019](?=[\u0400-\u04ff])")


def spells_otherwise(text: str, letters: int, words: Iterable[str]) -> bool:
    """Whether the Chinese ``text`` (a field's comment) says that a ``letters``-letter pinyin
    abbreviation stands for something none of ``words`` is. Either the Chinese characters it
    starts with spell the letters out (that many characters or more) and the leading half of
    them, the part that qualifies the rest, shares no character with ``words`` (``hylb``
    commented 行业类别 is an industry category, not 婚姻类别, though 类别 is a word of both;
    ``mz`` commented 面值 is no 民族); or it has that many characters and shares none with
    ``words`` at all. A comment sharing a qualifying character (婚姻状况 for ``hyzk``, or
    未婚/已婚) bears the abbreviation out."""
    if not letters:
        return False
    chars = set("".join(words))
    first = _HAN_RUN.match(text.strip())  # a name, not a list of values (1汉族 2回族)
    if first is not None and len(first.group()) >= letters:
        return not set(first.group()[: max(1, letters // 2)]) & chars
    found = _HAN.findall(text)
    return len(found) >= letters and not set(found) & chars


@lru_cache(maxsize=1 << 12)  # of comments too: fewer kept
def has_cjk(text: str) -> bool:
    """Whether ``text`` contains Chinese characters or Cyrillic letters: the scripts whose
    catalog words are matched as substrings (the ``zh`` rules) rather than as name tokens."""
    return bool(_CJK.search(text))


def has_han(text: str) -> bool:
    """Whether ``text`` contains Chinese characters."""
    return bool(_HAN.search(text))


def is_cyrillic(char: str) -> bool:
    """Whether ``char`` is a Cyrillic letter."""
    return bool(_CYRILLIC.match(char))


def fold(text: str) -> str:
    """``text`` for substring matching: Cyrillic text lower-cased (Russian comments capitalise
    their first word, catalog words are lower case); Chinese and Latin text as it is."""
    return text.lower() if _CYRILLIC.search(text) else text


_TYPE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(bool|boolean|bit)\b|tinyint\s*\(\s*1\s*\)"), "bool"),
    (re.compile(r"^(tinyint|smallint|int2|byte|short|tiny|smallserial)\b"), "small"),
    (re.compile(r"^(bigint|int8|long|bigserial|int64|uint64|hugeint)\b"), "bigint"),
    (re.compile(r"^(mediumint|int|integer|int4|serial|int32|uint32|uint)\b"), "int"),
    (
        re.compile(
            r"^(decimal|numeric|number|float|double|real|money|smallmoney|float4|float8|dec)"
        ),
        "decimal",
    ),
    (
        re.compile(
            r"^(date|datetime|timestamp|timestamptz|time|year|interval|smalldatetime|datetime2)"
        ),
        "date",
    ),
    (
        re.compile(
            r"^(blob|tinyblob|mediumblob|longblob|binary|varbinary|bytea|bytes|image|raw|longraw)"
        ),
        "binary",
    ),
    (
        re.compile(
            r"^(char|varchar|nvarchar|nchar|text|tinytext|mediumtext|longtext|string|clob|nclob|varchar2|nvarchar2|character|citext|uuid|json|jsonb|enum|set|xml|inet|cidr|macaddr|name|bpchar|fixed|str)"
        ),
        "text",
    ),
    (re.compile(r"^(array|struct|record|map|object|list|union|row|variant)"), "container"),
)

# Which element type classes a column kind satisfies.
_KIND_ALLOWS: dict[str, frozenset[str]] = {
    "text": frozenset({"text"}),
    "binary": frozenset({"binary", "text"}),
    "bool": frozenset({"bool", "code"}),
    "small": frozenset({"int", "code"}),
    # A plain INT is what schemas declare for any whole number (MySQL's INT(11)): a long number
    # (`bigint` elements: a mobile, an IMEI) declared INT was meant to be stored there, though four
    # bytes cannot hold every value. Tiny ints (`small`) stay flags and codes.
    "int": frozenset({"int", "bigint", "code"}),
    "bigint": frozenset({"int", "bigint", "code"}),
    "decimal": frozenset({"decimal"}),
    "date": frozenset({"date"}),
}

_NULLISH = {"null", "none", "nullable", "optional"}

# An exact number without a fractional part: Oracle's NUMBER(p) / NUMBER(p, 0) / NUMBER(*, 0)
# (``*``: the largest precision; a bare NUMBER(*) is a floating number), and NUMERIC(p) /
# DECIMAL(p), whose scale the SQL standard makes 0.
_WHOLE_NUMBER = re.compile(
    r"^(?:number|numeric|decimal|dec)\s*\(\s*(?:(\d+)\s*(?:,\s*(?:0|-\d+)\s*)?"
    r"|(\*)\s*,\s*0\s*)\)\s*$"
)


def _whole_number_kind(precision: str) -> str:
    """``small``, ``int`` or ``bigint`` for a whole number of ``precision`` digits, as an
    Oracle NUMBER maps to SMALLINT (1-4), INT (5-9) or BIGINT (10 and more)."""
    if precision == "*" or int(precision) >= 10:
        return "bigint"
    return "small" if int(precision) <= 4 else "int"


@lru_cache(maxsize=_MEMO)
def field_kind(data_type: str | None) -> str:
    """Coarse class of a declared type: text, bool, small, int, bigint, decimal, date, binary,
    container, or unknown (no gate). Union types (Avro ``["null", "string"]``) use the non-null member.
    """
    if not data_type:
        return "unknown"
    text = data_type.strip().lower()
    # Avro / JSON unions and "string?"-style optionals: keep the first non-null member.
    candidates = [t for t in re.split(r"[\[\]\"',|/ ]+|\bor\b", text) if t and t not in _NULLISH]
    if text.startswith(("array", "struct", "map", "record", "list<", "object")):
        return "container"
    whole = _WHOLE_NUMBER.match(text)
    if whole is not None:
        return _whole_number_kind(whole.group(1) or whole.group(2))
    if "unsigned" in text and text.startswith("int"):
        text = "bigint"
    if text.startswith("union") or text.startswith("[") or "|" in text:
        probe = [c.strip("()<>?") for c in candidates if c != "union"]
    else:
        probe = [text, *(c.strip("()<>?") for c in candidates)]
    for item in probe:
        for pattern, kind in _TYPE_PATTERNS:
            if pattern.match(item):
                return kind
    return "unknown"


def type_allows(kind: str, types: Sequence[str]) -> bool:
    """Whether a column of ``kind`` can hold an element declaring ``types``."""
    allowed = _KIND_ALLOWS.get(kind)
    if allowed is None:  # unknown or container: no gate
        return True
    return any(t in allowed for t in types)


#: The longest toneless pinyin syllable (``zhuang``, ``shuang``).
_MAX_SYLLABLE = 6


def pinyin_parts(token: str, syllables: frozenset[str], shortest: int = 5) -> tuple[str, ...]:
    """The parts of an all-pinyin ``token`` that begin and end on a syllable boundary of some
    reading of it, ``shortest`` letters or more, the whole token left out
    (``tangniaobingbingshi`` → … ``tangniaobing``, ``bingshi`` …); none when the token cannot be
    read as pinyin syllables from end to end (an English word, a mixed name)."""
    n = len(token)
    if n <= shortest or not token.isalpha() or not syllables:
        return ()
    ahead = [False] * (n + 1)  # a reading of token[:i] exists
    ahead[0] = True
    for i in range(n):
        if ahead[i]:
            for k in range(i + 1, min(n, i + _MAX_SYLLABLE) + 1):
                if token[i:k] in syllables:
                    ahead[k] = True
    if not ahead[n]:
        return ()
    behind = [False] * (n + 1)  # a reading of token[i:] exists
    behind[n] = True
    for i in range(n - 1, -1, -1):
        behind[i] = any(
            behind[k] and token[i:k] in syllables
            for k in range(i + 1, min(n, i + _MAX_SYLLABLE) + 1)
        )
    cuts = [i for i in range(n + 1) if ahead[i] and behind[i]]
    return tuple(
        token[i:j]
        for a, i in enumerate(cuts)
        for j in cuts[a + 1 :]
        if j - i >= shortest and (i, j) != (0, n)
    )
