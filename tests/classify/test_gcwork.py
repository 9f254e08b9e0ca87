"""The collector's working settings: raised thresholds, objects set apart, all restored."""

from __future__ import annotations

import gc

from dataflow import gcwork


def test_fewer_collections_raises_the_thresholds_and_restores_them() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    with gcwork.fewer_collections():
        assert gc.get_threshold() == gcwork.WORK_THRESHOLDS
        assert gc.get_freeze_count() == frozen
    assert gc.get_threshold() == before


def test_freeze_sets_apart_what_exists_and_unfreezes_after() -> None:
    gc.unfreeze()
    keep = [object() for _ in range(100)]
    with gcwork.fewer_collections(freeze=True):
        assert gc.get_freeze_count() >= len(keep)
    assert gc.get_freeze_count() == 0


def test_freeze_leaves_objects_the_caller_set_apart() -> None:
    gc.unfreeze()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gcwork.fewer_collections(freeze=True):
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen  # still the caller's
    finally:
        gc.unfreeze()
