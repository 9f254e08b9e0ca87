"""The learned field scorer: shipped weights load, scores are deterministic, the setting turns it
off, a verdict it changes says why, and the training script runs on a small labelled set."""

from __future__ import annotations

import importlib.util
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from dataflow.catalog import load_catalog
from dataflow.classify import learned_on
from dataflow.config import load_settings
from dataflow.detect.learned import (
    SUBJECT_GUARDS,
    adjust_findings,
    field_features,
    read_scorer,
    shipped_scorer,
    sibling_features,
    subject_verdict,
    weights_path,
)
from dataflow.scan import ScanOptions, configured, scan_paths

_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "train_field_scorer.py"


def _trainer():
    spec = importlib.util.spec_from_file_location("train_field_scorer", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_field_scorer"] = module
    spec.loader.exec_module(module)
    return module


SCHEMA = """
CREATE TABLE member (
  id bigint PRIMARY KEY,
  zhiye varchar(50) COMMENT '会员职业',
  created_at datetime,
  remark varchar(200),
  fav_team varchar(50)
) COMMENT='会员';
CREATE TABLE product (id int PRIMARY KEY, title varchar(100) COMMENT '商品名称', price int);
"""


def _scan(tmp_path: Path, learned: bool = True) -> dict[str, object]:
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False, learned=learned))
    return {d.dataset.name: d for d in result.datasets}


def test_shipped_weights_load_with_provenance_and_thresholds() -> None:
    assert weights_path().is_file()
    scorer = shipped_scorer()
    assert scorer is not None
    assert len(scorer.pi) > 1000 and scorer.sens
    assert {"add", "remove", "sensitive"} <= set(scorer.thresholds)
    text = " ".join(scorer.provenance)
    assert "trained" in text and "blind83 and later" in text  # the held-out sets are named
    assert "tuning" in text  # and the training sets


def test_scores_are_deterministic_and_differ_by_words(tmp_path: Path) -> None:
    first = _scan(tmp_path)
    second = _scan(tmp_path)
    assert [f for d in first.values() for f in d.findings] == [  # type: ignore[attr-defined]
        f
        for d in second.values()
        for f in d.findings  # type: ignore[attr-defined]
    ]
    scorer = shipped_scorer()
    assert scorer is not None
    member = first["member"]
    feats = {
        f.field.name: field_features(f.field, member.dataset, member.subject)  # type: ignore[attr-defined]
        for f in member.findings  # type: ignore[attr-defined]
    }
    assert feats["zhiye"] == sorted(set(feats["zhiye"]))
    assert "c2=职业" in feats["zhiye"] and "t=member" in feats["zhiye"]
    assert scorer.score(feats["zhiye"]) == scorer.score(list(feats["zhiye"]))
    assert scorer.score(feats["zhiye"])[0] > scorer.score(feats["created_at"])[0]


def test_a_dotted_dataset_name_is_no_parent_object_of_its_fields() -> None:
    """A table named with its schema or database (``crm.customer_info``) or an Avro record
    named with its namespace is read like the bare table: its fields have no parent object,
    while a member nested in a document still has one."""
    from dataflow.model import Dataset, Field

    def feats(table: str, path: str) -> list[str]:
        fld = Field(name=path.rsplit(".", 1)[-1], pointer=f"{table}.{path}")
        dataset = Dataset(name=table, source_path="x.sql", source_format="sql", fields=(fld,))
        return field_features(fld, dataset, None)

    bare = feats("customer_info", "status")
    qualified = feats("crm.customer_info", "status")
    assert not [f for f in qualified if f.startswith("p=")]
    assert [f for f in qualified if not f.startswith("t=")] == [
        f for f in bare if not f.startswith("t=")
    ]
    assert "p=basics" in feats("org.example.Resume", "basics.phone")


def _tiny_scorer(tmp_path: Path, add: float = 0.6) -> Path:
    path = tmp_path / "scorer.tsv"
    path.write_text(
        "# test weights\n"
        f"threshold\tadd\t{add}\nthreshold\tremove\t0.05\nthreshold\tsensitive\t0.9\n"
        "bias\t-2\t-3\n"
        "n=team\t4\t0\tpi.tag.profile_tag\t\n"
        "t=member\t0.5\t0\n",
        encoding="utf-8",
    )
    return path


def test_a_field_the_scorer_adds_says_why(tmp_path: Path) -> None:
    found = _scan(tmp_path, learned=False)
    member = found["member"]
    team = next(f for f in member.findings if f.field.name == "fav_team")  # type: ignore[attr-defined]
    assert not team.personal
    scorer = read_scorer(_tiny_scorer(tmp_path))
    catalog = load_catalog()
    adjusted = adjust_findings(
        member.findings,  # type: ignore[attr-defined]
        member.dataset,  # type: ignore[attr-defined]
        member.subject,  # type: ignore[attr-defined]
        catalog,
        scorer,
    )
    after = next(f for f in adjusted if f.field.name == "fav_team")
    assert after.personal and after.element == "pi.tag.profile_tag"
    reason = [ev for ev in after.evidence if ev.rule == "learned-pi"]
    assert reason and reason[0].source == "learned"
    assert reason[0].detail.startswith("learned scorer 0.92: word team, table word member")
    # in Chinese reports the reason is Chinese; JSON and SARIF keep the English string
    from dataflow.report.evidence import evidence_words

    zh = evidence_words(reason[0], "zh", catalog)
    assert zh.startswith("学习评分 0.92：字段名词 'team'、表名词 'member'"), zh
    assert evidence_words(reason[0], "en", catalog) == str(reason[0].detail)
    # a higher threshold leaves the rules' verdict alone
    strict = read_scorer(_tiny_scorer(tmp_path, add=0.99))
    kept = adjust_findings(
        member.findings,  # type: ignore[attr-defined]
        member.dataset,  # type: ignore[attr-defined]
        member.subject,  # type: ignore[attr-defined]
        catalog,
        strict,
    )
    assert list(kept) == list(member.findings)  # type: ignore[attr-defined]


def test_the_setting_turns_the_scorer_off(tmp_path: Path) -> None:
    (tmp_path / "off").mkdir()
    (tmp_path / "off" / "dataflow.yaml").write_text("learned_scorer: false\n", encoding="utf-8")
    off_settings = load_settings(None, cwd=tmp_path / "off")
    assert off_settings.learned_scorer is False
    assert configured(off_settings, content=False).learned is False
    (tmp_path / "on").mkdir()
    (tmp_path / "on" / "dataflow.yaml").write_text("learned_scorer: true\n", encoding="utf-8")
    assert configured(load_settings(None, cwd=tmp_path / "on")).learned is True
    # with the scorer off, no finding carries learned evidence and the rules' verdicts stand
    scorer = read_scorer(_tiny_scorer(tmp_path))
    off = _scan(tmp_path / "off", learned=False)
    member = off["member"]
    assert not any(
        ev.source == "learned"
        for d in off.values()
        for f in d.findings  # type: ignore[attr-defined]
        for ev in f.evidence
    )
    team = next(f for f in member.findings if f.field.name == "fav_team")  # type: ignore[attr-defined]
    assert not team.personal
    assert scorer.score(field_features(team.field, member.dataset, member.subject))[0] > 0.6  # type: ignore[attr-defined]


def test_unset_it_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATAFLOW_LEARNED_SCORER", raising=False)
    assert learned_on(None) is True
    monkeypatch.setenv("DATAFLOW_LEARNED_SCORER", "off")
    assert learned_on(None) is False
    assert learned_on(True) is True  # the setting wins
    monkeypatch.setenv("DATAFLOW_LEARNED_SCORER", "1")
    assert learned_on(False) is False


LABELS = """\
shop/a.sql | customer | P: name phone | S: idcard | A: score
shop/a.sql | item | P:
"""
TINY = """
CREATE TABLE customer (id int PRIMARY KEY, name varchar(20), phone varchar(20),
  idcard varchar(18), score int);
CREATE TABLE item (id int PRIMARY KEY, title varchar(50), price int);
"""


def test_the_training_script_runs_on_a_tiny_labelled_set(tmp_path: Path) -> None:
    trainer = _trainer()
    for name in ("set1", "set2", "blind82", "blind83"):
        (tmp_path / "eval" / name).mkdir(parents=True)
        (tmp_path / "eval" / name / "labels.txt").write_text(LABELS, encoding="utf-8")
        (tmp_path / "data" / name / "shop").mkdir(parents=True)
        (tmp_path / "data" / name / "shop" / "a.sql").write_text(TINY, encoding="utf-8")
    table = tmp_path / "t.jsonl"
    assert trainer.main(["table", str(tmp_path / "eval"), str(tmp_path / "data"), str(table)]) == 0
    records = trainer.read_table(table)
    # blind82 is a training set like the others; blind83 and later are held out
    assert {r["set"] for r in records} == {"set1", "set2", "blind82"}
    assert {r["label"] for r in records} == {"N", "P", "S", "A"}
    # debatable fields are in the table (to count how often they are called personal) but
    # not trained on unless asked for
    vocab, _, _ = trainer.train(records)
    assert "n=score" not in vocab
    assert "n=score" in trainer.train(records, debatable=0.5)[0]
    out = tmp_path / "w.tsv"
    assert trainer.main(["train", str(table), str(out), "--add", "0.8"]) == 0
    scorer = read_scorer(out)
    assert scorer.thresholds["add"] == 0.8
    assert scorer.pi.get("n=phone", 0) > 0 > scorer.pi.get("n=price", 0)
    first = out.read_text(encoding="utf-8")
    again = tmp_path / "again.tsv"
    assert trainer.main(["train", str(table), str(again), "--add", "0.8"]) == 0
    assert again.read_text(encoding="utf-8") == first  # deterministic


def test_the_shipped_weights_are_kept_parsed_in_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new process reads the parsed weights from the cache folder instead of the file; the
    scores are the same, and a changed weights file is parsed again."""
    from dataflow.detect import learned

    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path / "cache"))
    learned.shipped_scorer.cache_clear()
    first = learned.shipped_scorer()
    assert first is not None
    assert len(list((tmp_path / "cache").glob("derived-*.pickle"))) == 1

    learned.shipped_scorer.cache_clear()

    def refuse(path: Path) -> object:
        raise AssertionError("parsed again although a kept copy exists")

    monkeypatch.setattr(learned, "read_scorer", refuse)
    again = learned.shipped_scorer()
    assert again == first and again is not first
    feats = ["bias", "nt=mobile", "c1=手"]
    assert again.score(feats) == first.score(feats)

    # another weights file: another key, parsed (here: refused, so the kept copy is not used)
    other = tmp_path / "field_scorer.tsv"
    other.write_text(learned.weights_path().read_text(encoding="utf-8") + "# changed\n")
    monkeypatch.setattr(learned, "weights_path", lambda: other)
    learned.shipped_scorer.cache_clear()
    with pytest.raises(AssertionError, match="parsed again"):
        learned.shipped_scorer()
    learned.shipped_scorer.cache_clear()


def _unnamed_scorer(tmp_path: Path, unnamed: str | None) -> Path:
    """Weights whose word ``team`` makes a field personal but names no element."""
    path = tmp_path / "unnamed.tsv"
    line = f"threshold\tadd_unnamed\t{unnamed}\n" if unnamed is not None else ""
    path.write_text(
        "# test weights\n"
        f"threshold\tadd\t0.6\n{line}threshold\tremove\t0.05\nthreshold\tsensitive\t0.9\n"
        "bias\t-2\t-3\n"
        "n=team\t4\t0\n"
        "t=member\t0.5\t0\n"
        "t=product\t0.5\t0\n",
        encoding="utf-8",
    )
    return path


def test_a_field_no_word_names_gets_other_information_about_a_person(tmp_path: Path) -> None:
    """On a person's row, a confident field that no word names an element for is "other
    information about a person", above the ``add_unnamed`` threshold only; weights without that
    threshold (an older weights file) add nothing there."""
    found = _scan(tmp_path, learned=False)
    member = found["member"]
    assert member.subject is not None and member.subject.about_person  # type: ignore[attr-defined]
    catalog = load_catalog()

    def team_after(unnamed: str | None) -> object:
        scorer = read_scorer(_unnamed_scorer(tmp_path, unnamed))
        adjusted = adjust_findings(
            member.findings,  # type: ignore[attr-defined]
            member.dataset,  # type: ignore[attr-defined]
            member.subject,  # type: ignore[attr-defined]
            catalog,
            scorer,
        )
        return next(f for f in adjusted if f.field.name == "fav_team")

    after = team_after("0.9")  # p = 0.92
    assert after.personal and after.element == "pi.other.person_attribute"  # type: ignore[attr-defined]
    assert not after.sensitive  # type: ignore[attr-defined]
    reason = [ev for ev in after.evidence if ev.rule == "learned-pi"]  # type: ignore[attr-defined]
    assert reason and str(reason[0].detail).endswith("no word names an element")
    assert not team_after("0.95").personal  # type: ignore[attr-defined]
    assert not team_after(None).personal  # type: ignore[attr-defined]


def test_a_tenant_column_gets_no_other_information_about_a_person(tmp_path: Path) -> None:
    """The tenant a person's row belongs to (``tenant_id``, an EHR's ``CONTEXTNAME``: the
    practice whose data it is) says nothing about the person: however confident the model, no
    word naming an element adds it as "other information about a person"."""
    (tmp_path / "schema.sql").write_text(
        "CREATE TABLE member (id bigint PRIMARY KEY, fav_team varchar(50),"
        " tenant_id varchar(20), CONTEXTNAME varchar(50)) COMMENT='会员';",
        encoding="utf-8",
    )
    result = scan_paths([tmp_path], ScanOptions(content=False, learned=False))
    member = next(d for d in result.datasets if d.dataset.name == "member")
    path = tmp_path / "tenant.tsv"
    path.write_text(
        "# test weights\n"
        "threshold\tadd\t0.6\nthreshold\tadd_unnamed\t0.9\nthreshold\tremove\t0.05\n"
        "threshold\tsensitive\t0.9\nbias\t-2\t-3\n"
        "n=team\t4\t0\nn=tenant\t4\t0\nn=contextname\t4\t0\nt=member\t0.5\t0\n",
        encoding="utf-8",
    )
    adjusted = adjust_findings(
        member.findings, member.dataset, member.subject, load_catalog(), read_scorer(path)
    )
    by_name = {f.field.name: f for f in adjusted}
    assert by_name["fav_team"].personal
    assert not by_name["tenant_id"].personal
    assert not by_name["CONTEXTNAME"].personal


def test_a_word_names_an_element_only_when_most_of_its_fields_have_it() -> None:
    """The element table keeps a word's element when the rules gave it to at least half of the
    truly personal training fields with that word (``contact``: phones, e-mails, addresses...)."""
    trainer = _trainer()
    catalog = load_catalog()
    sensitive_of = {e.id: e.sensitive for e in catalog.elements.values()}

    def rec(features: list[str], element: str, label: str = "P") -> dict[str, object]:
        return {"label": label, "element": element, "features": features}

    records = [
        rec(["n=contact", "n=phone"], "pi.contact.mobile"),
        rec(["n=contact", "n=phone"], "pi.contact.mobile"),
        rec(["n=contact", "n=email"], "pi.contact.email"),
        rec(["n=contact", "n=email"], "pi.contact.email"),
        rec(["n=contact", "n=address"], "pi.contact.address"),
        rec(["n=contact", "n=address"], "pi.contact.address"),
        rec(["n=phone"], "pi.contact.mobile", label="A"),  # debatable: not counted
    ]
    table = trainer.element_table(records, sensitive_of)
    assert table["n=phone"] == ("pi.contact.mobile", "")
    assert table["n=email"] == ("pi.contact.email", "")
    assert "n=contact" not in table  # three elements, a third each
    # a Japanese or Korean comment's words name elements as a Chinese comment's do
    records = [
        rec(["cj2=氏名", "ck2=이름", "cxw=имя"], "pi.identity.name"),
        rec(["cj2=氏名", "ck2=이름", "cxw=имя"], "pi.identity.name"),
    ]
    table = trainer.element_table(records, sensitive_of)
    assert table["cj2=氏名"] == table["ck2=이름"] == table["cxw=имя"] == ("pi.identity.name", "")


def test_warehouse_load_columns_of_a_person_table_are_no_pi() -> None:
    """The Tuva Project's core.patient: its load columns (the source file, when it was
    ingested, when the project last ran) are bookkeeping (subjects.meta_columns), neither an
    attribute of the patient by context nor PI by the learned scorer's words."""
    data = Path(__file__).resolve().parents[1] / "data" / "readers" / "tuva"
    for learned in (False, True):
        result = scan_paths([data], ScanOptions(content=False, learned=learned))
        (patient,) = result.datasets
        personal = {f.field.name for f in patient.findings if f.personal}
        assert not personal & {"file_name", "ingest_datetime", "tuva_last_run"}, learned
        assert {"first_name", "birth_date", "phone"} <= personal


def test_a_file_name_is_a_load_column_only_beside_a_load_stamp(tmp_path: Path) -> None:
    """An attachment's FILENAME is the name of a file a person gave: it stays as the rules and
    the scorer read it; beside a load stamp (`loaded_at`) a `file_name` is the source file."""
    (tmp_path / "a.sql").write_text(
        "CREATE TABLE member (member_id int PRIMARY KEY, full_name varchar(50),"
        " filename varchar(200), birth_date date);\n"
        "CREATE TABLE member_stage (member_id int PRIMARY KEY, full_name varchar(50),"
        " file_name varchar(200), birth_date date, loaded_at timestamp);\n",
        encoding="utf-8",
    )
    result = scan_paths([tmp_path], ScanOptions(content=False, learned=False))
    by_name = {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}
    assert by_name["member"]["filename"].personal
    assert not by_name["member_stage"]["file_name"].personal
    assert not by_name["member_stage"]["loaded_at"].personal


def _word_scorer(tmp_path: Path, sensitive_word: str | None, name: str = "word.tsv") -> Path:
    """Weights whose words ``zhiye`` and ``team`` name a sensitive element (column 5)."""
    path = tmp_path / name
    line = f"threshold\tsensitive_word\t{sensitive_word}\n" if sensitive_word is not None else ""
    path.write_text(
        "# test weights\n"
        f"threshold\tadd\t0.6\n{line}threshold\tremove\t0.05\nthreshold\tsensitive\t0.9\n"
        "bias\t-2\t-3\n"
        "n=zhiye\t0\t5\t\tpi.religion.belief\n"
        "n=team\t4\t5\tpi.tag.profile_tag\tpi.religion.belief\n"
        "t=member\t0.5\t0\n",
        encoding="utf-8",
    )
    return path


def test_a_word_names_a_sensitive_element_above_its_own_threshold_only(tmp_path: Path) -> None:
    """Where the rules' evidence named no sensitive element, a confident sensitive score makes
    the field the sensitive element its learned words name, above ``sensitive_word`` only, and
    says which word; an older weights file without that threshold changes nothing more than
    before (its sensitive-element column is never read)."""
    found = _scan(tmp_path, learned=False)
    member = found["member"]
    catalog = load_catalog()
    before = {f.field.name: f for f in member.findings}  # type: ignore[attr-defined]
    assert before["zhiye"].personal and not before["zhiye"].sensitive
    assert not before["fav_team"].personal

    def after(path: Path) -> dict[str, object]:
        adjusted = adjust_findings(
            member.findings,  # type: ignore[attr-defined]
            member.dataset,  # type: ignore[attr-defined]
            member.subject,  # type: ignore[attr-defined]
            catalog,
            read_scorer(path),
        )
        return {f.field.name: f for f in adjusted}

    named = after(_word_scorer(tmp_path, "0.8"))  # p_s = 0.88
    zhiye = named["zhiye"]
    assert zhiye.sensitive and zhiye.element == "pi.religion.belief"  # type: ignore[attr-defined]
    assert zhiye.sensitive_group == catalog.elements["pi.religion.belief"].sensitive_group  # type: ignore[attr-defined]
    (why,) = [ev for ev in zhiye.evidence if ev.rule == "learned-sensitive"]  # type: ignore[attr-defined]
    assert str(why.detail) == "learned scorer 0.88 sensitive: word zhiye; element by word zhiye"
    from dataflow.report.evidence import evidence_words

    zh = evidence_words(why, "zh", catalog)
    assert zh == "学习评分 0.88 认为敏感：字段名词 'zhiye'；元素依据字段名词 'zhiye'", zh
    team = named["fav_team"]  # added by the PI model, sensitive by its word
    assert team.personal and team.sensitive and team.element == "pi.religion.belief"  # type: ignore[attr-defined]
    (why,) = [ev for ev in team.evidence if ev.rule == "learned-pi"]  # type: ignore[attr-defined]
    assert str(why.detail).endswith(
        "0.88 sensitive: word team, table word member; element by word team"
    )
    assert named["remark"] == before["remark"]  # no word names an element for it
    # a word naming a sensitive element adds no field on its own: only one added anyway
    alone = tmp_path / "alone.tsv"
    alone.write_text(
        _word_scorer(tmp_path, "0.8")
        .read_text(encoding="utf-8")
        .replace("pi.tag.profile_tag\t", "\t"),
        encoding="utf-8",
    )
    assert after(alone)["fav_team"] == before["fav_team"]

    # below the threshold, or without it: the rules' element and the plain learned element
    for path in (_word_scorer(tmp_path, "0.9"), _word_scorer(tmp_path, None)):
        kept = after(path)
        assert kept["zhiye"] == before["zhiye"]
        assert kept["fav_team"].personal and not kept["fav_team"].sensitive  # type: ignore[attr-defined]
        assert kept["fav_team"].element == "pi.tag.profile_tag"  # type: ignore[attr-defined]
    # an older file (no threshold) behaves exactly as the same weights without the column
    old = _word_scorer(tmp_path, None)
    stripped = tmp_path / "stripped.tsv"
    stripped.write_text(
        old.read_text(encoding="utf-8")
        .replace("n=zhiye\t0\t5\t\tpi.religion.belief", "n=zhiye\t0\t5")
        .replace("\tpi.religion.belief\n", "\t\n"),
        encoding="utf-8",
    )
    assert after(old) == after(stripped)


def test_a_word_names_a_sensitive_element_most_of_its_sensitive_fields_were_given() -> None:
    """The sensitive column of the element table: the sensitive element the rules' evidence
    named (chosen or rejected) for at least half of the fields labelled sensitive with the
    word, and for two of them at least."""
    trainer = _trainer()
    catalog = load_catalog()
    sensitive_of = {e.id: e.sensitive for e in catalog.elements.values()}

    def rec(features: list[str], element: str, cands: list[str], label: str = "S") -> dict:
        return {"label": label, "element": element, "features": features, "candidates": cands}

    records = [
        # the rules chose a plain element but their evidence named the sensitive one
        rec(["n=xinyang"], "pi.education_work.occupation", ["pi.religion.belief"]),
        rec(["n=xinyang"], "", ["pi.religion.belief"]),
        rec(["n=xinyang"], "pi.education_work.occupation", []),
        rec(["n=xinyang"], "pi.religion.belief", [], label="P"),  # not labelled sensitive
        rec(["n=once"], "pi.religion.belief", ["pi.religion.belief"]),  # one field only
        rec(["n=mixed"], "pi.financial.credit", []),
        rec(["n=mixed"], "pi.financial.credit", []),
        rec(["n=mixed"], "", []),
        rec(["n=mixed"], "", []),
        rec(["n=mixed"], "", []),
        rec(["t=member"], "pi.religion.belief", []),  # a table word names nothing
        rec(["t=member"], "pi.religion.belief", []),
    ]
    table = trainer.element_table(records, sensitive_of)
    assert table["n=xinyang"][1] == "pi.religion.belief"
    assert "n=once" not in table
    assert "n=mixed" not in table  # two of five
    assert "t=member" not in table


def test_a_rows_technical_column_is_never_a_persons_other_information(tmp_path: Path) -> None:
    """`rowversion`, `team_delete` (a row version, a soft-deletion flag) on a person's row:
    however confident the words, no person's "other information" (subjects.technical_columns,
    deletion_tails); `fav_team` beside them still is."""
    (tmp_path / "schema.sql").write_text(
        "CREATE TABLE member (id bigint PRIMARY KEY, zhiye varchar(50) COMMENT '会员职业',"
        " mobile varchar(20), fav_team varchar(50), team_delete int,"
        " rowversion int) COMMENT='会员';",
        encoding="utf-8",
    )
    result = scan_paths([tmp_path], ScanOptions(content=False, learned=False))
    (member,) = [d for d in result.datasets if d.dataset.name == "member"]
    weights = _unnamed_scorer(tmp_path, "0.9").read_text(encoding="utf-8")
    path = tmp_path / "w.tsv"
    path.write_text(weights + "n=rowversion\t4\t0\n", encoding="utf-8")
    adjusted = adjust_findings(
        member.findings, member.dataset, member.subject, load_catalog(), read_scorer(path)
    )
    personal = {f.field.name for f in adjusted if f.personal}
    assert "fav_team" in personal
    assert not personal & {"team_delete", "rowversion"}


def test_leave_sets_out_and_thresholds_chosen_by_cv_over_sets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``holdout`` fits on every set but the held-out group and scores that group's fields with
    the rules alone and with the scorer; ``--choose K`` picks the thresholds by K-fold grouped CV
    over the training sets, for ``holdout`` and for the weights file ``train`` writes. A table
    for ``holdout`` may take in later blind sets (``--first-held-out``); ``train`` refuses it."""
    trainer = _trainer()
    names = ("set1", "set2", "set3", "blind83")
    for name in names:
        (tmp_path / "eval" / name).mkdir(parents=True)
        (tmp_path / "eval" / name / "labels.txt").write_text(LABELS, encoding="utf-8")
        (tmp_path / "data" / name / "shop").mkdir(parents=True)
        (tmp_path / "data" / name / "shop" / "a.sql").write_text(TINY, encoding="utf-8")
    table = tmp_path / "t.jsonl"
    argv = ["table", str(tmp_path / "eval"), str(tmp_path / "data"), str(table)]
    assert trainer.main([*argv, "--first-held-out", "84"]) == 0
    assert {r["set"] for r in trainer.read_table(table)} == set(names)
    with pytest.raises(SystemExit, match="held-out"):
        trainer.main(["train", str(table), str(tmp_path / "w.tsv")])

    capsys.readouterr()
    assert trainer.main(["holdout", str(table), "--test", "blind83", "--add", "0.8"]) == 0
    out = capsys.readouterr().out
    assert "held out blind83:" in out and "add 0.8" in out
    assert "rules alone" in out and "rules + scorer" in out
    records = trainer.read_table(table)
    result = trainer.hold_sets_out(records, ["blind83"], None, folds=3)
    scored = sum(r["label"] in "NPS" for r in records if r["set"] == "blind83")
    for c in result.values():
        assert c.get("tp", 0) + c.get("fp", 0) + c.get("fn", 0) <= scored

    # thresholds chosen over the training sets land in the weights file, with how
    three = tmp_path / "three.jsonl"
    three.write_text(
        "".join(
            line + "\n"
            for line in table.read_text(encoding="utf-8").splitlines()
            if '"set": "blind83"' not in line
        ),
        encoding="utf-8",
    )
    out_tsv = tmp_path / "w.tsv"
    assert trainer.main(["train", str(three), str(out_tsv), "--choose", "3"]) == 0
    scorer = read_scorer(out_tsv)
    assert {"add", "add_unnamed", "remove", "sensitive", "sensitive_word"} <= set(scorer.thresholds)
    assert any("3-fold grouped CV" in line for line in scorer.provenance)
    again = tmp_path / "again.tsv"
    assert trainer.main(["train", str(three), str(again), "--choose", "3"]) == 0
    assert again.read_text(encoding="utf-8") == out_tsv.read_text(encoding="utf-8")


def test_a_bound_on_an_age_stays_no_age_whatever_the_scorer_says(tmp_path: Path) -> None:
    """`max_age` on a person's row is a limit (rule `name-bound`): however confident the model is
    that a field with the word `age` on a person's row is theirs, it stays no one's age."""
    (tmp_path / "member.sql").write_text(
        "create table member (id int primary key, name varchar(32), phone varchar(16),"
        " max_age int, age int);",
        encoding="utf-8",
    )
    member = scan_paths([tmp_path], ScanOptions(content=False, learned=False)).datasets[0]
    weights = tmp_path / "age.tsv"
    weights.write_text(
        "# test weights\nthreshold\tadd\t0.6\nthreshold\tadd_unnamed\t0.6\n"
        "threshold\tremove\t0.05\nthreshold\tsensitive\t0.9\nbias\t-2\t-3\nn=age\t6\t0\n",
        encoding="utf-8",
    )
    adjusted = adjust_findings(
        member.findings,
        member.dataset,
        member.subject,
        load_catalog(),
        read_scorer(weights),
    )
    found = {f.field.name: f for f in adjusted}
    assert found["age"].personal
    assert not found["max_age"].personal


GUARDED = """
CREATE TABLE patient (id int PRIMARY KEY, name varchar(20), phone varchar(20), birth_date date);
CREATE TABLE prescription (
  id int PRIMARY KEY,
  patient_id int REFERENCES patient(id),
  route varchar(20),
  remark varchar(200)
);
CREATE TABLE t_combo (id int PRIMARY KEY, name varchar(50) COMMENT '套餐名称',
  fit_sex varchar(4) COMMENT '适合性别', price decimal(10,2));
CREATE TABLE member (id int PRIMARY KEY, name varchar(20), mobile varchar(20), hobby varchar(50));
"""


def _guarded(tmp_path: Path, weights: str) -> dict[str, dict[str, object]]:
    """The rules' and the scorer's findings of ``GUARDED`` by dataset and field, with these
    test weights."""
    (tmp_path / "guarded.sql").write_text(GUARDED, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False, learned=False))
    path = tmp_path / "guards.tsv"
    path.write_text("# test weights\n" + weights, encoding="utf-8")
    scorer = read_scorer(path)
    out: dict[str, dict[str, object]] = {}
    for d in result.datasets:
        adjusted = adjust_findings(d.findings, d.dataset, d.subject, load_catalog(), scorer)
        for before, after in zip(d.findings, adjusted, strict=True):
            out[f"{d.dataset.name}.{before.field.name}"] = {"rules": before, "scorer": after}
    return out


def test_the_scorer_takes_out_no_field_a_subject_rule_named(tmp_path: Path) -> None:
    """A prescription's `route` is the patient's health information because of whose record it
    is (rule `subject-family`): however sure the model is that the word `route` is no one's, the
    field stays in. A field no subject rule decided (a name on weak evidence) is still taken out
    by the same weights."""
    found = _guarded(
        tmp_path,
        "threshold\tadd\t2\nthreshold\tremove\t0.05\nthreshold\tsensitive\t2\n"
        "bias\t0\t0\nn=route\t-9\t0\nn=name\t-9\t0\n",
    )
    route = found["prescription.route"]
    assert subject_verdict(route["rules"]) == "named"  # type: ignore[arg-type]
    assert route["scorer"] == route["rules"]
    name = found["patient.name"]
    assert subject_verdict(name["rules"]) is None  # type: ignore[arg-type]
    assert name["rules"].personal and not name["scorer"].personal  # type: ignore[attr-defined]


def test_the_scorer_adds_no_field_a_subject_rule_took_out(tmp_path: Path) -> None:
    """A package's `fit_sex` on a code list of check-up packages is no one's gender (rule
    `subject-not-person`): a model sure that `sex` is personal does not add it back. A field of
    the same list no subject rule decided is added by the same weights."""
    found = _guarded(
        tmp_path,
        "threshold\tadd\t0.6\nthreshold\tremove\t-1\nthreshold\tsensitive\t2\n"
        "bias\t0\t0\nn=sex\t9\t0\tpi.profile.gender\t\nn=price\t9\t0\tpi.profile.gender\t\n",
    )
    fit_sex = found["t_combo.fit_sex"]
    assert subject_verdict(fit_sex["rules"]) == "out"  # type: ignore[arg-type]
    assert not fit_sex["scorer"].personal  # type: ignore[attr-defined]
    assert found["t_combo.price"]["scorer"].personal  # type: ignore[attr-defined]


def test_the_plain_guard_keeps_words_from_raising_a_subject_rules_element(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the guard ``plain`` (measured, not shipped), a member's `hobby`, a profile tag
    because it is on a member's row (rule `subject-family`), is not raised by a word the model
    links to a sensitive element; a field named on its own words is raised by the same
    weights. Without it (as shipped), `hobby` is raised too."""
    from dataflow.detect import learned

    monkeypatch.setattr(learned, "SUBJECT_GUARDS", frozenset({"keep", "hold", "plain"}))
    found = _guarded(
        tmp_path,
        "threshold\tadd\t2\nthreshold\tremove\t-1\nthreshold\tsensitive\t0.9\n"
        "threshold\tsensitive_word\t0.6\nbias\t0\t0\n"
        "n=hobby\t0.1\t9\t\tpi.health.medication\nn=mobile\t0.1\t9\t\tpi.health.medication\n",
    )
    hobby = found["member.hobby"]
    assert subject_verdict(hobby["rules"]) == "named"  # type: ignore[arg-type]
    assert hobby["scorer"] == hobby["rules"]
    mobile = found["member.mobile"]
    assert subject_verdict(mobile["rules"]) is None  # type: ignore[arg-type]
    assert mobile["scorer"].sensitive  # type: ignore[attr-defined]
    monkeypatch.setattr(learned, "SUBJECT_GUARDS", SUBJECT_GUARDS)
    (tmp_path / "again").mkdir()
    shipped = _guarded(
        tmp_path / "again",
        "threshold\tadd\t2\nthreshold\tremove\t-1\nthreshold\tsensitive\t0.9\n"
        "threshold\tsensitive_word\t0.6\nbias\t0\t0\n"
        "n=hobby\t0.1\t9\t\tpi.health.medication\n",
    )
    assert shipped["member.hobby"]["scorer"].sensitive  # type: ignore[attr-defined]


def test_the_guards_are_the_training_scripts_policy() -> None:
    """The offline combination the thresholds are chosen with applies the shipped guards."""
    assert _trainer().POLICY == SUBJECT_GUARDS == {"keep", "hold"}


def test_cv_groups_hold_the_newest_sets_out_together() -> None:
    """``--last N``: the N newest sets (by number; tuning first) are one group, the older ones
    runs of neighbours; every set is in exactly one group."""
    trainer = _trainer()
    sets = ["tuning", *(f"blind{i}" for i in range(1, 21))]
    groups = trainer.fold_groups(reversed(sets), 4, 5, recent=0)
    assert groups[-1] == [f"blind{i}" for i in range(16, 21)]
    assert groups[0][0] == "tuning" and groups[0][1] == "blind1"
    assert len(groups) == 4 and sorted(s for g in groups for s in g) == sorted(sets)
    assert all(trainer.set_order(g[-1]) < trainer.set_order(h[0]) for g, h in pairwise(groups))
    # fewer sets than the newest group: one set a group
    assert trainer.fold_groups(["blind3", "tuning"], 8, 10) == [["tuning"], ["blind3"]]


def test_cv_holds_each_of_the_newest_labelling_rounds_out_on_its_own() -> None:
    """With rounds of three (the retraining's default), the nine newest sets are three folds of
    three neighbours (blind74–76, blind77–79, blind80–82), the older ones the other folds."""
    trainer = _trainer()
    assert trainer.RECENT == 3 and trainer.RETRAIN_LAST == 9
    sets = ["tuning", *(f"blind{i}" for i in range(1, 83))]
    groups = trainer.fold_groups(sets, 8, 9)
    assert groups[-3:] == [[f"blind{i}" for i in range(j, j + 3)] for j in (74, 77, 80)]
    assert len(groups) == 8 and sorted(s for g in groups for s in g) == sorted(sets)
    assert all(trainer.set_order(g[-1]) < trainer.set_order(h[0]) for g, h in pairwise(groups))


JAPANESE = """
CREATE TABLE kokyaku (
  id bigint PRIMARY KEY,
  shimei varchar(50) COMMENT '氏名',
  kana varchar(50) COMMENT 'フリガナ',
  jusho varchar(200) COMMENT '住所'
) COMMENT='顧客';
CREATE TABLE hoja (
  id bigint PRIMARY KEY,
  ireum varchar(50) COMMENT '고객 이름',
  imya varchar(50) COMMENT 'Имя клиента'
);
CREATE TABLE kehu (id bigint PRIMARY KEY, xingming varchar(50) COMMENT '姓名');
"""


def test_comments_are_read_by_their_script(tmp_path: Path) -> None:
    """Kanji in a table whose comments have kana are Japanese words (``cj``), not the Chinese
    words the same characters make (``c1``/``c2``, weighted by Chinese schemas' usage); Korean comments give Hangul features and Cyrillic ones their words, where before they gave
    none; a Chinese table's comments give no Japanese features."""
    (tmp_path / "schema.sql").write_text(JAPANESE, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False, learned=False))
    feats = {
        (d.dataset.name, f.name): field_features(f, d.dataset, d.subject)
        for d in result.datasets
        for f in d.dataset.fields
    }
    shimei = feats[("kokyaku", "shimei")]
    assert "cj2=氏名" in shimei and "cs=han" in shimei
    assert not any(f.startswith(("c1=", "c2=")) for f in shimei)  # no Chinese words
    assert "tcj2=顧客" in shimei
    assert "cj2=フリ" in feats[("kokyaku", "kana")]
    ireum = feats[("hoja", "ireum")]
    assert "ck2=이름" in ireum and "cs=hangul" in ireum
    assert "cxw=имя" in feats[("hoja", "imya")]
    xingming = feats[("kehu", "xingming")]
    assert "c2=姓名" in xingming and not any(f.startswith("cj") for f in xingming)


def test_the_scorer_reads_what_the_rules_made_of_the_sibling_fields(tmp_path: Path) -> None:
    """``rp``: the share of the other columns the rules call personal; ``rs``: whether one of
    them is sensitive; the field's own verdict does not count."""
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False, learned=False))
    member = next(d for d in result.datasets if d.dataset.name == "member")
    of = sibling_features(member.findings)
    by_name = {f.field.name: of(f) for f in member.findings if f.kind == "column"}
    personal = {f.field.name for f in member.findings if f.kind == "column" and f.personal}
    assert "zhiye" in personal  # 会员职业: the rules find it
    others = len(by_name) - 1
    for name, feats in by_name.items():
        share = len(personal - {name}) / others
        bucket = (
            "none" if not share else "few" if share < 0.25 else "some" if share < 0.5 else "most"
        )
        assert feats[0] == f"rp={bucket}", name
    assert by_name["zhiye"][1] == "rs=no"  # no column of the table is sensitive
    assert (
        field_features(member.findings[0].field, member.dataset, None, ["rp=most"]).count("rp=most")
        == 1
    )


WIDE_SCHEMA = """
CREATE TABLE patient (
  id BIGINT PRIMARY KEY,
  name VARCHAR(64) COMMENT '姓名',
  id_card CHAR(18) COMMENT '身份证号',
  weight INT COMMENT '体重',
  salary DECIMAL(12,2) COMMENT '月薪',
  credit_score INT,
  home_address VARCHAR(200),
  location VARCHAR(100),
  student_age INT,
  remark VARCHAR(200),
  created_at DATETIME,
  status VARCHAR(16)
) COMMENT='患者信息';
CREATE TABLE sku (id int PRIMARY KEY, title varchar(100) COMMENT '商品名称', fav_team varchar(50));
"""


def _remark_scorer(tmp_path: Path) -> Path:
    """Weights under which a word names a sensitive element and a team a profile tag."""
    path = tmp_path / "words.tsv"
    path.write_text(
        "# test weights\n"
        "threshold\tadd\t0.5\nthreshold\tremove\t0.05\nthreshold\tsensitive\t0.4\n"
        "threshold\tsensitive_word\t0.5\n"
        "bias\t-1\t-1\n"
        "n=remark\t1\t5\t\tpi.health.diagnosis\n"
        "n=team\t4\t0\tpi.tag.profile_tag\t\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("weights", ["shipped", "words"])
def test_a_score_the_policy_never_reads_is_not_worked_out(tmp_path: Path, weights: str) -> None:
    """``scores_needed`` says which score can change a field's verdict before either is worked
    out: a score it calls unneeded changes no verdict at any value (NaN, what the scorer then
    passes, included), a score it calls needed changes some; and ``adjust_findings`` gives the
    findings of scoring every field the rules leave open."""
    import math

    from dataflow.detect.learned import _adjusted, _the_persons, rules_settled, scores_needed

    (tmp_path / "schema.sql").write_text(WIDE_SCHEMA, encoding="utf-8")
    rules_only = scan_paths([tmp_path], ScanOptions(content=False, learned=False))
    scorer = shipped_scorer() if weights == "shipped" else read_scorer(_remark_scorer(tmp_path))
    assert scorer is not None
    t = scorer.thresholds
    add, unnamed = t["add"], max(t["add"], t.get("add_unnamed", 2.0))
    thresholds = (add, t["remove"], t["sensitive"], unnamed, t.get("sensitive_word", 2.0))
    grid = (0.0, 0.02, 0.3, 0.45, 0.6, 0.99, 1.0)
    catalog = load_catalog()
    changed = {"personal": 0, "sensitive": 0}
    for d in rules_only.datasets:
        persons = _the_persons(d.dataset, catalog)
        for f in d.findings:
            feats = field_features(f.field, d.dataset, d.subject)
            need_pi, need_s = scores_needed(f)

            def verdicts(p_pi: float, p_s: float, f=f, feats=feats, persons=persons) -> object:
                return _adjusted(f, feats, p_pi, p_s, thresholds, scorer, catalog, persons)

            for fixed in grid:
                by_pi = {verdicts(p, fixed) for p in (*grid, math.nan)}
                by_s = {verdicts(fixed, p) for p in (*grid, math.nan)}
                assert need_pi or len(by_pi) == 1, f.field.name
                assert need_s or len(by_s) == 1, f.field.name
                changed["personal"] += len(by_pi) > 1
                changed["sensitive"] += len(by_s) > 1
    # the schema has fields whose verdict each score changes
    assert changed["personal"] and (changed["sensitive"] or weights == "shipped")
    # the findings of scoring every field the rules leave open
    for rules in rules_only.datasets:
        about_person = rules.subject is not None and rules.subject.about_person
        persons = _the_persons(rules.dataset, catalog) if about_person else None
        siblings = sibling_features(rules.findings)
        every = []
        for f in rules.findings:
            if rules_settled(f, rules.dataset, catalog):
                every.append(f)
                continue
            feats = field_features(f.field, rules.dataset, rules.subject, siblings(f))
            p_pi, p_s = scorer.score(feats)
            every.append(_adjusted(f, feats, p_pi, p_s, thresholds, scorer, catalog, persons))
        adjusted = adjust_findings(rules.findings, rules.dataset, rules.subject, catalog, scorer)
        assert adjusted == every
