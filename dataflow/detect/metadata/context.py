"""What a table or a field's parent object is about: people, things, a dictionary, health events."""

from __future__ import annotations

from dataflow.detect.metadata.index import MetadataIndex
from dataflow.detect.metadata.verdict import MAX_CACHED, DatasetContext, Hit, Scored
from dataflow.detect.metadata.words import (
    W_HEALTH_TABLE,
    W_NAME_PARTIAL,
    bare_name,
    split_name,
)
from dataflow.model import Dataset, Field


def health_table_value(
    det: MetadataIndex, tokens: tuple[str, ...], scored: dict[str, Scored], ctx: DatasetContext
) -> None:
    """In a table of health events about a person, value and code columns are health data;
    so are the dates of the event when the column names the table's topic."""
    assert ctx.health_topic is not None
    words = set(tokens)
    topic_named = bool(words & set(ctx.topic_words))
    if words & det.health_meta:
        return
    is_value = bool(words & det.health_values)
    is_event_date = topic_named and tokens[-1] in det.event_suffix
    if not (is_value or is_event_date):
        return
    if any(s.hits and max(h.weight for h in s.hits) >= W_NAME_PARTIAL for s in scored.values()):
        return  # the name already says what it is
    sc = det.scored_for(scored, ctx.health_topic)
    if sc is None:
        return
    what = "date of the event" if is_event_date and not is_value else "value or code"
    sc.hits.append(
        Hit(
            sc.element.id,
            W_HEALTH_TABLE,
            "context",
            "health-table",
            f"{what} in '{ctx.name}', a table of health events about a person",
        )
    )
    sc.covered.update(range(len(tokens)))


#: HTTP methods: an API schema named after its operation (`get-api-v1-me response 200`,
#: ``GET /api/v2/users``) starts with one.
_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})


def _without_route_prefix(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words of an operation's name without the route's prefix: the HTTP method, then the
    `api` segment and a version (`v1`, `v2`), only say how the service is called and where it is
    mounted, not what the operation is about (`get-api-v1-me`: the caller's own account, not an
    API's; `post-api-v1-login`: a sign-in, not a blog post). A name without such a route
    (`post_like_log`) is left whole."""
    if len(tokens) < 3 or tokens[0] not in _HTTP_METHODS:
        return tokens
    rest = list(tokens[1:])
    if rest and rest[0] in ("api", "apis", "rest"):
        rest = rest[1:]
    if len(rest) >= 2 and rest[0] == "v" and rest[1].isdigit():
        rest = rest[2:]
    elif rest and len(rest[0]) > 1 and rest[0][0] == "v" and rest[0][1:].isdigit():
        rest = rest[1:]
    # the method too, once the route says it is one (`post-api-v1-login`: no blog post)
    return tuple(rest) if len(rest) < len(tokens) - 1 else tokens


def dataset_context(det: MetadataIndex, dataset: Dataset | None) -> DatasetContext:
    if dataset is None:
        return DatasetContext()
    name_tokens = _without_route_prefix(split_name(bare_name(dataset.name)))
    comment = dataset.comment or ""
    core = [t for t in name_tokens if t not in det.table_tails and not t.isdigit()]
    head = core[-1] if core else (name_tokens[-1] if name_tokens else "")
    person_head = head in det.person and head not in det.weak_person_heads
    if head in det.non_person:
        person, non_person = False, True
    elif person_head:
        person, non_person = True, False
    elif any(t in det.qualifiers for t in name_tokens):
        person, non_person = False, True
    else:
        person = any(t in det.person for t in name_tokens) or any(
            w in comment for w in det.person_zh
        )
        non_person = not person and (
            any(t in det.non_person for t in name_tokens)
            or any(w in comment for w in det.non_person_zh)
        )
    topic: str | None = None
    topic_words: list[str] = []
    named: set[str] = set()  # health-table words that some name token is or contains
    for t in name_tokens:
        words = det.health_words.get(t)
        if words is None:
            if len(det.health_words) >= MAX_CACHED:
                det.health_words.clear()
            words = det.health_words[t] = frozenset(
                word
                for word, _ in det.health_tables
                if t == word or (len(t) >= 6 and len(word) >= 3 and word in t)
            )
        named |= words
    for word, element_id in det.health_tables:
        if word in named:
            if topic is None:
                topic = element_id
            topic_words.append(word)
    if topic is not None and _exam_sat(det, named, dataset):
        topic, topic_words = None, []  # `examination` '考试标题', '试卷': an exam sat
    if topic is not None:
        topic_words.extend(t for t in name_tokens if t not in det.table_tails)
    dict_marker: str | None = None
    joined = "_".join(name_tokens)
    if joined in det.dict_tables:
        dict_marker = joined
    elif name_tokens and not person:
        for t in (name_tokens[0], name_tokens[-1]):
            if t in det.dict_tables:
                dict_marker = t
                break
    if dict_marker is None and not person:
        dict_marker = _code_list(det, core, dataset)
    if dict_marker is None and not person:  # 人员字典表: a list of people, not a code list
        dict_marker = next(
            (w for w in det.dict_tables_zh if w in comment or w in dataset.name), None
        )
    return DatasetContext(
        dataset.name,
        person,
        non_person and not person,
        dict_marker,
        person_head=person_head,
        person_key=person_head
        and len(core) <= 2
        and not any(t in det.non_person or t in det.qualifiers for t in core[:-1]),
        health_topic=topic,
        topic_words=tuple(topic_words),
        named_contact=any("".join(split_name(f.name)) in det.name_parts for f in dataset.fields),
    )


#: Health-table words that also name an exam sat (`examination` of a party school or a course).
_EXAM_WORDS = frozenset({"exam", "examination"})


def _exam_sat(det: MetadataIndex, named: set[str], dataset: Dataset) -> bool:
    """A table named only by an exam word (``_EXAM_WORDS``) whose comments say it is an exam
    sat (``exam_sat_zh``: 考试, 试卷): a test of knowledge, not a health examination."""
    if not named or not named <= _EXAM_WORDS:
        return False
    texts = [dataset.comment or "", *(f.comment or "" for f in dataset.fields)]
    return any(w in text for text in texts for w in det.exam_sat_zh)


def _code_list(det: MetadataIndex, core: list[str], dataset: Dataset) -> str | None:
    """A table named after a closed-list person attribute (`genders`, `marital_statuses`) with a
    column of that name (`gender`, `id_marital_status`) and no column about people: the list of
    the attribute's values. Returns the attribute's word, or ``None``."""
    if not core or len(dataset.fields) > 12:
        return None
    joined = "_".join(core)
    forms = {joined}
    for ending, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if joined.endswith(ending) and len(joined) > len(ending) + 2:
            forms.add(joined[: -len(ending)] + repl)
    if not forms & det.code_list_attributes:
        return None
    named = False
    for fld in dataset.fields:
        tokens = split_name(fld.name)
        if any(t in det.person for t in tokens):
            return None  # a person's attribute with a link to the person
        rest = "_".join(t for t in tokens if t not in det.ref_suffix and t not in det.filler)
        named = named or rest in forms
    return joined if named else None


def parent_context(det: MetadataIndex, fld: Field, dataset: Dataset | None) -> str | None:
    """``person`` / ``non_person`` from the nearest parent object that says either."""
    path = fld.pointer
    if dataset is not None and path.startswith(dataset.name + "."):
        path = path[len(dataset.name) + 1 :]
    parents = [p.replace("[]", "") for p in path.split(".")[:-1]]
    for parent in reversed(parents):
        toks = split_name(parent)
        if any(t in det.person for t in toks):
            return "person"
        if any(t in det.non_person for t in toks):
            return "non_person"
    return None
