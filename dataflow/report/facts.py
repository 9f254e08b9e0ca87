"""What a planned transfer says about itself, for the reports people sign off (HTML, PIPIA draft).

``TransferAssessment`` carries the decision; the exporter, the recipient, the purpose and the
thresholds of the rule pack come from the manifest and the pack. ``transfer_facts`` gathers them
once so that renderers need neither the manifest module nor the rule packs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dataflow import vocab
from dataflow.model import Citation, Text


@dataclass(frozen=True)
class ThresholdLine:
    """A mechanism's threshold: either count at or above it makes the mechanism apply."""

    mechanism: str
    subjects_gte: int
    sensitive_subjects_gte: int
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class DatasetFacts:
    """One dataset of a transfer as the manifest declares it."""

    name: str
    subjects: int | None
    sensitive_subjects: int | None
    important_data: str


@dataclass(frozen=True)
class TransferFacts:
    """Who sends what to whom, and against which thresholds."""

    id: str
    manifest_path: str
    date: str
    exporter: str
    exporter_ciio: bool
    exporter_ftz: str | None
    recipient: str
    country: str
    purpose: str
    scenario: str
    sector: str
    lawful_basis: str
    datasets: tuple[DatasetFacts, ...]
    thresholds: tuple[ThresholdLine, ...] = ()
    rule_pack_title: Text | None = None
    window_start: str = ""


FactsMap = Mapping[tuple[str, str], TransferFacts]


def facts_key(transfer_id: str, manifest_path: str | None) -> tuple[str, str]:
    """How a ``TransferAssessment`` finds its facts."""
    return (transfer_id, manifest_path or "")


def transfer_facts(
    pairs: Iterable[tuple[Any, Any]], packs: Iterable[Any]
) -> dict[tuple[str, str], TransferFacts]:
    """Facts of each ``(Transfer, TransferAssessment)`` pair, keyed by ``facts_key``."""
    by_id = {pack.id: pack for pack in packs}
    out: dict[tuple[str, str], TransferFacts] = {}
    for transfer, assessment in pairs:
        pack = by_id.get(assessment.rule_pack)
        thresholds: tuple[ThresholdLine, ...] = ()
        window = ""
        if pack is not None:
            thresholds = (
                ThresholdLine(
                    vocab.STANDARD_CONTRACT,
                    pack.contract.subjects_gte,
                    pack.contract.sensitive_subjects_gte,
                    pack.contract.citations,
                ),
                ThresholdLine(
                    vocab.SECURITY_ASSESSMENT,
                    pack.assessment.subjects_gte,
                    pack.assessment.sensitive_subjects_gte,
                    pack.assessment.citations,
                ),
            )
            window = pack.window_start(transfer.date).isoformat()
        datasets = tuple(
            DatasetFacts(
                name=", ".join(spec.tables) or _spec_name(spec),
                subjects=spec.subjects,
                sensitive_subjects=spec.sensitive_subjects,
                important_data=spec.important_data,
            )
            for spec in transfer.datasets
        )
        out[facts_key(assessment.id, assessment.manifest_path)] = TransferFacts(
            id=transfer.id,
            manifest_path=assessment.manifest_path or "",
            date=transfer.date.isoformat(),
            exporter=transfer.exporter.name,
            exporter_ciio=transfer.exporter.ciio,
            exporter_ftz=transfer.exporter.ftz,
            recipient=transfer.recipient.name,
            country=transfer.recipient.country,
            purpose=transfer.purpose,
            scenario=transfer.scenario,
            sector=transfer.sector,
            lawful_basis=transfer.lawful_basis,
            datasets=datasets,
            thresholds=thresholds,
            rule_pack_title=getattr(pack, "title", None),
            window_start=window,
        )
    return out


def _spec_name(spec: Any) -> str:
    path = spec.schema or spec.sample
    return path.stem if path is not None else str(spec.source or spec.key)
