"""The validator registry: every validator a recognizer can name, with its forms.

Each entry holds the reference function (``validators.VALIDATORS``, what the YAML names), an
optional fast scalar form that gives the same answer for less work, and an optional numpy
kernel that settles many texts at once (``detect.fast.batch``). ``Validator.many`` answers a
list of texts through the kernel and asks the scalar form about every text the kernel leaves.
``tests/detect/test_validator_registry.py`` checks, entry by entry, that all forms agree.

To add a validator: write the reference in ``validators.py`` and add it to ``VALIDATORS``;
add a fast form or a kernel here only when a benchmark shows the reference is the cost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from dataflow.detect import validators
from dataflow.detect.fast import batch, shortcuts
from dataflow.detect.fast.shortcuts import cheap


@dataclass(frozen=True)
class Validator:
    """One validator: the reference, an equal fast scalar form and a batch kernel."""

    name: str
    reference: Callable[[str], bool]
    fast: Callable[[str], bool] | None = None
    kernel: batch.Kernel | None = None

    @property
    def scalar(self) -> Callable[[str], bool]:
        """The one-text form the matcher calls: the fast form, else the reference."""
        return self.fast if self.fast is not None else self.reference

    def many(self, texts: Sequence[str], scalar: Callable[[str], Any] | None = None) -> list[Any]:
        """``[scalar(t) for t in texts]`` (``scalar`` defaults to ``self.scalar``), with the
        texts of the kernel's shape settled together."""
        one = scalar if scalar is not None else self.scalar
        if self.kernel is None:
            return [one(t) for t in texts]
        return batch.apply(texts, one, self.kernel)


_ENTRIES = (
    Validator("bank_card", validators.bank_card, kernel=batch.bank_card_rows),
    Validator("foreign_pr_id", validators.foreign_pr_id, fast=shortcuts.foreign_pr_id),
    Validator("gb11643", validators.gb11643, shortcuts.gb11643, batch.gb11643_rows),
    Validator("gb32100", validators.gb32100, kernel=batch.gb32100_rows),
    Validator("imei", validators.imei, kernel=batch.imei_rows),
    Validator("iso3779", validators.iso3779, kernel=batch.iso3779_rows),
    Validator("latlng", validators.latlng, kernel=batch.latlng_rows),
    Validator("luhn", validators.luhn, kernel=batch.luhn_rows),
    Validator("mac", validators.mac, kernel=batch.mac_rows),
    Validator("unionpay", validators.unionpay, kernel=batch.unionpay_rows),
)

REGISTRY: dict[str, Validator] = {entry.name: entry for entry in _ENTRIES}
"""Validators by the name recognizers use in YAML."""

# The checks are cheaper than a cache lookup: the matcher asks them again instead of caching.
for _entry in _ENTRIES:
    cheap(_entry.scalar)


def by_reference() -> dict[Callable[[str], bool], Validator]:
    """Registry entries by their reference function (what a catalog recognizer holds)."""
    return {entry.reference: entry for entry in _ENTRIES}
