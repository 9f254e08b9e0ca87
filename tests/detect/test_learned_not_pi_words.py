"""The words a field the learned scorer takes out is named by: the PI weights with their signs
turned, made once per scorer, give the words the turned weights give, on the fields of the
tests' real SQL files."""

from __future__ import annotations

import pickle
from pathlib import Path

from dataflow.detect.learned import field_features, read_scorer, shipped_scorer, weights_path
from dataflow.readers import read_path

DATA = Path(__file__).resolve().parents[1] / "data"


def test_turned_weights_name_the_same_words_and_are_made_once() -> None:
    scorer = shipped_scorer()
    assert scorer is not None
    turned = {k: -v for k, v in scorer.pi.items()}
    assert scorer.not_pi == turned
    assert scorer.not_pi is scorer.not_pi
    compared = 0
    for path in sorted(DATA.rglob("*.sql")):
        for ds in read_path(path).datasets:
            for fld in ds.fields:
                feats = field_features(fld, ds, None)
                assert scorer.top_words(feats, scorer.not_pi) == scorer.top_words(feats, turned)
                compared += 1
    assert compared > 50


def test_a_scorer_read_again_turns_its_own_weights() -> None:
    scorer = read_scorer(weights_path())
    again = pickle.loads(pickle.dumps(scorer))
    assert again == scorer
    assert again.not_pi == {k: -v for k, v in scorer.pi.items()}
