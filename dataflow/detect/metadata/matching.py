"""Keyword rules: English/pinyin/initials name spans, keywords inside a token, Chinese names and comments,
English descriptions."""

from __future__ import annotations

import re

from dataflow.detect.metadata.index import MetadataIndex
from dataflow.detect.metadata.scripts import has_native
from dataflow.detect.metadata.verdict import DatasetContext, Hit, Scored
from dataflow.detect.metadata.words import (
    MAX_SPAN,
    W_EN_COMMENT_LONG,
    W_EN_COMMENT_SHORT,
    W_INITIALS_PARTIAL,
    W_NAME_FULL,
    W_NAME_PARTIAL,
    W_NAME_SUBSTRING,
    W_WEAK_NON_PERSON,
    W_WEAK_PERSON,
    W_WEAK_PERSON_PARTIAL,
    W_WEAK_UNKNOWN,
    W_ZH_HEAD_LONG,
    W_ZH_HEAD_SHORT,
    W_ZH_MODIFIER,
    WORD,
    ascii_latin,
    is_cyrillic,
    split_name,
)
from dataflow.model import Evidence

#: A name match: (first token, end token, element id, keyword kind).
Span = tuple[int, int, str, str]


def match_name(
    det: MetadataIndex,
    tokens: tuple[str, ...],
    scored: dict[str, Scored],
    ctx: DatasetContext,
    parent: str | None,
) -> None:
    """Rules ``name-en``, ``name-pinyin``, ``name-initials``, ``name-abbreviations``,
    ``name-weak:*`` (keywords spanning name tokens, the longest kept) and ``name-person-key``;
    without any, keywords inside one token (``match_substrings``)."""
    if not tokens:
        return
    kept = _name_spans(det, tokens)
    _person_key(det, tokens, scored, kept)
    if not kept:
        match_substrings(det, tokens, scored)
        return
    significant = [k for k, t in enumerate(tokens) if t not in det.filler and not t.isdigit()]
    for span in kept:
        sc = det.scored_for(scored, span[2])
        if sc is None:
            continue
        covered = set(range(span[0], span[1]))
        extra = [tokens[k] for k in significant if k not in covered]
        sc.hits.append(_span_hit(det, tokens, span, extra, ctx, parent))
        sc.covered |= covered


def _name_spans(det: MetadataIndex, tokens: tuple[str, ...]) -> list[Span]:
    """Keyword matches over runs of name tokens; a match inside a longer one (`address` in
    `ip_address`) yields."""
    spans: list[Span] = []
    n = len(tokens)
    for i in range(n):
        for j in range(i + 1, min(n, i + MAX_SPAN) + 1):
            key = "".join(tokens[i:j])
            found = det.compact.get(key, ())
            if not found and i == 0 and j == n and _plural(tokens[-1]):
                # the whole name a plural (`IdNumbers`, `Emails`), not a word of a longer name
                # (`percent_tumour_cells`, `acceptsMarketingEmails`)
                found = det.compact.get(key[:-1], ())
            for element_id, kind in found:
                spans.append((i, j, element_id, kind))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0], s[2]))
    kept: list[Span] = []
    for span in spans:
        i, j = span[0], span[1]
        if any(k[0] <= i and j <= k[1] and (k[1] - k[0]) > (j - i) for k in kept):
            continue
        kept.append(span)
    return kept


def _plural(token: str) -> bool:
    """Whether ``token`` looks like an English plural in -s of a longer word (`numbers`,
    `emails`; not `address`, `status`, `basis`, nor a noun in -ics: `diagnostics`)."""
    return (
        len(token) > 4
        and token.isalpha()
        and token.endswith("s")
        and not token.endswith(("ss", "us", "is", "ics"))
    )


def _person_key(
    det: MetadataIndex, tokens: tuple[str, ...], scored: dict[str, Scored], kept: list[Span]
) -> None:
    """Rule ``name-person-key``: a person word and a key suffix (`customer_id`)."""
    if (
        len(tokens) == 2
        and tokens[1] in det.ref_suffix
        and tokens[0] in det.person
        and tokens[0] not in det.weak_person_heads
        and tokens[0] not in ("parent", "parents", "child", "children")  # tree pointers
        and not any(s[0] == 0 and s[1] == 2 for s in kept)
    ):
        sc = det.scored_for(scored, "pi.online_identity.user_id")
        if sc is not None:
            sc.hits.append(
                Hit(
                    sc.element.id,
                    W_NAME_PARTIAL,
                    "name",
                    "name-person-key",
                    f"key of a person ('{tokens[0]} {tokens[1]}')",
                )
            )
            sc.covered.update({0, 1})


def _span_hit(
    det: MetadataIndex,
    tokens: tuple[str, ...],
    span: Span,
    extra: list[str],
    ctx: DatasetContext,
    parent: str | None,
) -> Hit:
    """The hit of one keyword match: full when it covers every significant token; a generic
    word (`name`, `city`) weighs by what the table or parent object is about."""
    i, j, element_id, kind = span
    full = not extra
    word = " ".join(tokens[i:j])
    if kind == "weak":
        person_here = (
            parent == "person"
            or any(t in det.person for t in tokens)
            or (ctx.person and parent != "non_person")
        )
        if (
            parent == "non_person"
            or (ctx.non_person and parent != "person")
            or any(t in det.non_person or t in det.qualifiers for t in extra)
        ):
            weight, why = W_WEAK_NON_PERSON, "in a table or object about things, not people"
        elif person_here:
            weight = W_WEAK_PERSON if full else W_WEAK_PERSON_PARTIAL
            why = "generic word in a table or object about people"
        else:
            weight, why = (W_WEAK_UNKNOWN, "generic word; nothing says the table is about people")
        return Hit(element_id, weight, "name", f"name-weak:{kind}", f"name token '{word}' ({why})")
    if kind == "initials":
        weight = W_NAME_FULL if full else W_INITIALS_PARTIAL
        return Hit(element_id, weight, "name", "name-initials", f"pinyin initials '{word}'")
    weight = W_NAME_FULL if full else W_NAME_PARTIAL
    label = {"en": "English", "pinyin": "pinyin", "abbreviations": "abbreviation"}[kind]
    detail = f"{label} term '{word}'" + ("" if full else f" among {', '.join(extra[:3])}")
    return Hit(element_id, weight, "name", f"name-{kind}", detail)


def match_substrings(
    det: MetadataIndex, tokens: tuple[str, ...], scored: dict[str, Scored]
) -> None:
    for idx, token in enumerate(tokens):
        if _initials_after_person(det, idx, token, scored):
            continue
        if len(token) < 7:
            continue
        # the keywords the token starts or ends with, in ``substrings`` order
        found: set[tuple[int, str]] = set()
        for size in det.substring_lengths:
            if size >= len(token):
                break
            found.update(det.substring_index.get(token[:size], ()))
            found.update(det.substring_index.get(token[-size:], ()))
        for rank, element_id in sorted(found):
            key = det.substrings[rank][0]
            rest = token[len(key) :] if token.startswith(key) else token[: -len(key)]
            joined = rest in det.filler or rest in det.person or rest.isdigit()
            if joined and _compound(det, scored, idx, element_id, f"term '{key}' inside '{token}'"):
                break
        if idx not in covered_by(scored):
            _person_abbreviation(det, idx, token, scored)


def covered_by(scored: dict[str, Scored]) -> set[int]:
    """The token positions some element's hits already cover."""
    return {k for sc in scored.values() for k in sc.covered}


def _person_abbreviation(
    det: MetadataIndex, idx: int, token: str, scored: dict[str, Scored]
) -> None:
    """A short abbreviation closing one token after a person word, the two written together
    (`PATIENTSSN`, `GUARANTORSSN`, `userpwd`): that person's item, as `patient_ssn` would be."""
    for size in range(min(len(token) - 3, 5), 2, -1):
        key, rest = token[-size:], token[:-size]
        element_id = det.short_suffixes.get(key)
        if element_id is None or rest not in det.person:
            continue
        _compound(det, scored, idx, element_id, f"abbreviation '{key}' after '{rest}' in '{token}'")
        return


_VOWELS = frozenset("aeiou")


def _initials_after_person(
    det: MetadataIndex, idx: int, token: str, scored: dict[str, Scored]
) -> bool:
    """A pinyin-initials name written as one token: a person's initials (ending in 人 ``r``, 员
    ``y`` or 用户 ``yh``: ``bjr`` 报警人) followed by the initials of a person's item (``xm``):
    `BJRXM` (报警人姓名) is that person's name, as `bjr_xm` would be. Only tokens without
    vowels, as initials are, so no English word is read this way."""
    if not 4 <= len(token) <= 12 or not token.isalpha() or not _VOWELS.isdisjoint(token):
        return False
    for size in range(min(len(token) - 2, 6), 1, -1):
        key, rest = token[-size:], token[:-size]
        element_ids = [e for e, kind in det.compact.get(key, ()) if kind == "initials"]
        if len(element_ids) != 1 or not 3 <= len(rest) <= 8:
            continue
        ending = next((e for e in det.initials_person_endings if rest.endswith(e)), None)
        if ending is None or len(rest) == len(ending):
            continue
        why = f"pinyin initials '{key}' after a person's initials '{rest}' in '{token}'"
        return _compound(det, scored, idx, element_ids[0], why)
    return False


def _compound(
    det: MetadataIndex, scored: dict[str, Scored], idx: int, element_id: str, why: str
) -> bool:
    """Record that token ``idx`` holds ``element_id``'s term written together with another
    word (rule ``name-compound``); False when the element is not scored for this field."""
    sc = det.scored_for(scored, element_id)
    if sc is None:
        return False
    sc.hits.append(Hit(element_id, W_NAME_SUBSTRING, "name", "name-compound", why))
    sc.covered.add(idx)
    return True


def match_zh(
    det: MetadataIndex, text: str, source: str, scored: dict[str, Scored], *, field_name: bool
) -> None:
    low = text.lower()
    taken = [False] * len(low)
    found: list[tuple[int, int, str, str]] = []
    # every occurrence of every keyword, then claimed in ``zh`` order (longest first)
    occurrences: list[tuple[int, int, str, str]] = []  # rank, start, word, element
    index = det.zh_first
    for pos, char in enumerate(low):
        for rank, word, element_id in index.get(char, ()):
            if low.startswith(word, pos):
                occurrences.append((rank, pos, word, element_id))
    occurrences.sort()
    for _rank, start, word, element_id in occurrences:
        end = start + len(word)
        # an ASCII term (IP, GPS) must stand alone: not the `ip` of `vip`
        edge = (
            word[0].isascii()
            and start > 0
            and low[start - 1].isascii()
            and low[start - 1].isalnum()
        )
        edge = edge or (
            word[-1].isascii() and end < len(low) and low[end].isascii() and low[end].isalnum()
        )
        # a Russian word starts a word of the text (its ending may inflect): not the `имя` of
        # `наименование`
        edge = edge or (is_cyrillic(word[0]) and start > 0 and is_cyrillic(low[start - 1]))
        # a Chinese keyword whose last character opens a word with the next one (`别名` in
        # '类别名称': 类别 + 名称) is cut from two words, not written there
        edge = edge or low[end - 1 : end + 1] in det.zh_straddled
        if not edge and not any(taken[start:end]):
            for k in range(start, end):
                taken[k] = True
            found.append((start, end, word, element_id))
    if not found:
        return
    core = re.split(r"[（(,，;；:：。\s]", text.strip(), maxsplit=1)[0]
    short = len(core) <= 10
    head_end = (
        max(f[1] for f in found if f[0] < max(len(core), 1))
        if any(f[0] < max(len(core), 1) for f in found)
        else max(f[1] for f in found)
    )
    for start, _end, word, element_id in sorted(found):
        sc = det.scored_for(scored, element_id)
        if sc is None:
            continue
        is_head = _end == head_end
        if is_head:
            weight = W_ZH_HEAD_SHORT if short or start <= 4 else W_ZH_HEAD_LONG
            rule = "name-zh" if field_name else "comment-zh"
            what = "Chinese name" if field_name else "comment"
            sc.hits.append(Hit(element_id, weight, source, rule, f"{what} says '{word}'"))
        else:
            sc.hits.append(
                Hit(
                    element_id,
                    W_ZH_MODIFIER,
                    source,
                    "comment-zh-modifier",
                    f"'{word}' qualifies another term",
                )
            )


def match_en_comment(
    det: MetadataIndex, comment: str, scored: dict[str, Scored]
) -> Evidence | None:
    low = comment.lower().strip()
    readings: list[list[str]] = []
    if not comment.isascii() and has_native(comment):
        # a comment in Greek, Korean, Japanese, Arabic, Hebrew, Thai or Hindi, in English words
        words = list(split_name(comment))
    else:
        latin = comment if comment.isascii() else ascii_latin(comment)
        words = [w.lower() for w in WORD.findall(latin)]
        # a comment in another language written in Latin letters (Indonesian 'Tanggal lahir',
        # Portuguese 'Data de nascimento', with or without diacritics) is read in the English
        # words of ``foreign_words.yaml`` too, as a name in those languages is, when every word
        # of it is read (a comment only partly read, 'Ort, PLZ, Bundesland', is left as it is)
        read = [w for w in split_name(latin) if w.isalpha()]
        if read and not set(read) & {w for w in words if w.isalpha()}:
            readings.append(read)
    negative = None
    for phrase in det.negative_en_comment:
        if low.startswith(phrase) or (
            phrase in ("whether", "true if", "flag") and f" {phrase} " in f" {low} "
        ):
            negative = Evidence(
                "negative", "comment-flag-or-count", f"description starts with '{phrase}'"
            )
            break
    if not words:
        return negative
    short = len(words) <= 6
    seen: set[str] = set()
    for run in (words, *readings):
        _match_words(det, run, short, seen, scored)
    return negative


def _match_words(
    det: MetadataIndex, words: list[str], short: bool, seen: set[str], scored: dict[str, Scored]
) -> None:
    """The elements the runs of ``words`` (a comment's, longest runs first) name, as hits."""
    taken: set[int] = set()
    n = len(words)
    for size in range(min(MAX_SPAN, n), 0, -1):
        for i in range(n - size + 1):
            if taken & set(range(i, i + size)):
                continue
            key = "".join(words[i : i + size])
            hits = det.compact.get(key, ())
            if any(kind not in ("weak", "initials") for _, kind in hits):
                taken.update(range(i, i + size))
            for element_id, kind in hits:
                if kind in ("weak", "initials") or element_id in seen:
                    continue
                if kind == "abbreviations" and len(key) <= 3:
                    continue
                seen.add(element_id)
                sc = det.scored_for(scored, element_id)
                if sc is None:
                    continue
                weight = W_EN_COMMENT_SHORT if short else W_EN_COMMENT_LONG
                sc.hits.append(
                    Hit(
                        element_id,
                        weight,
                        "comment",
                        "comment-en",
                        f"description mentions '{' '.join(words[i : i + size])}'",
                    )
                )
