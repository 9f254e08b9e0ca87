"""Evidence weights and confidences in reports: rounded to three places, the same whether a
number is rounded for the first time or found among those already rounded."""

from __future__ import annotations

import json
import random

from dataflow.model import Evidence, round3


def _written(weight: float) -> str:
    return json.dumps(Evidence("name", "r", "d", weight=weight).as_dict()["weight"])


def test_weights_are_written_rounded_to_three_places_every_time() -> None:
    rng = random.Random(7)
    weights = [rng.uniform(-2, 2) for _ in range(300)] + [0.0005, 0.0015, 2.675, -0.4445, 1e-9]
    for weight in weights * 2:  # the second time from the weights already rounded
        assert _written(weight) == json.dumps(round(weight, 3))


def test_a_weight_of_another_number_type_keeps_its_type() -> None:
    assert _written(0.9) == "0.9"
    assert _written(1.0) == "1.0"
    assert _written(1) == "1"  # an int weight is written as one, even after 1.0
    assert _written(True) == "1"
    assert "weight" not in Evidence("name", "r", "d", weight=-0.0).as_dict()


def test_confidences_are_rounded_as_round_does() -> None:
    for number in (0.9295, 0.93, 1.0, 0.0, -0.0, 0.12345, 1, 0):
        for _ in range(2):
            got, want = round3(number), round(number, 3)
            assert json.dumps(got) == json.dumps(want) and type(got) is type(want)
