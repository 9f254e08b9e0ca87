"""Closed vocabularies shared across modules, each word spelled once, as enums.

These strings are contracts: they appear in JSON and SARIF output, in rule packs, negative lists
and manifests, and on the command line. Change one only together with every user and a
CHANGELOG entry. Each enum member *is* its string (``Mechanism.EXEMPT == "exempt"``, the same
hash, ``str()`` and ``format()`` give ``exempt``), so JSON bytes, dictionary look-ups by plain
strings from YAML and SQLite columns work unchanged. Grades are ``model.Grade``. Labels in both
languages live in ``i18n``; this module imports only ``enum``, so any module may use it.
"""

from __future__ import annotations

from enum import Enum
from typing import Final


class Word(str, Enum):
    """A member of a closed vocabulary that behaves as its string everywhere."""

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(self, format_spec)

    def __hash__(self) -> int:
        return str.__hash__(self)


class Mechanism(Word):
    """What an assessment decides (``TransferAssessment.mechanism``), and what a negative-list
    entry may require (``prohibited``)."""

    BLOCKED = "blocked"
    SECURITY_ASSESSMENT = "security_assessment"
    STANDARD_CONTRACT = "standard_contract_or_certification"
    EXEMPT = "exempt"
    NOT_APPLICABLE = "not_applicable"
    COVERED = "covered"  # an existing approval covers the transfer
    PROHIBITED = "prohibited"  # a negative-list requirement: the transfer is blocked


class Risk(Word):
    """Risk levels of a transfer, lowest first (the order is the ranking)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"
    BLOCKED = "blocked"


class Lang(Word):
    """Output languages."""

    EN = "en"
    ZH = "zh"


class Format(Word):
    """The shipped output formats (plug-ins add others by name, see ``report/formats.py``)."""

    TABLE = "table"
    JSON = "json"
    SARIF = "sarif"
    MARKDOWN = "markdown"
    HTML = "html"
    PIPIA = "pipia"  # the self-assessment draft, ``assess`` only


BLOCKED: Final[str] = Mechanism.BLOCKED
SECURITY_ASSESSMENT: Final[str] = Mechanism.SECURITY_ASSESSMENT
STANDARD_CONTRACT: Final[str] = Mechanism.STANDARD_CONTRACT
EXEMPT: Final[str] = Mechanism.EXEMPT
NOT_APPLICABLE: Final[str] = Mechanism.NOT_APPLICABLE
COVERED: Final[str] = Mechanism.COVERED
PROHIBITED: Final[str] = Mechanism.PROHIBITED

# The mechanisms an assessment decides.
MECHANISMS: Final[tuple[str, ...]] = (
    BLOCKED,
    SECURITY_ASSESSMENT,
    STANDARD_CONTRACT,
    EXEMPT,
    NOT_APPLICABLE,
    COVERED,
)

# What a negative-list entry may require, strictest first (``prohibited`` blocks the transfer).
LIST_MECHANISMS: Final[tuple[str, ...]] = (PROHIBITED, SECURITY_ASSESSMENT, STANDARD_CONTRACT)

# The mechanisms the volume thresholds lead to, lightest first.
THRESHOLD_MECHANISMS: Final[tuple[str, ...]] = (EXEMPT, STANDARD_CONTRACT, SECURITY_ASSESSMENT)

# The filings an existing approval (manifest ``existing_approvals``) may be.
APPROVAL_MECHANISMS: Final[tuple[str, ...]] = (SECURITY_ASSESSMENT, STANDARD_CONTRACT)

# Risk levels of a transfer, lowest first.
RISKS: Final[tuple[str, ...]] = tuple(Risk)

# Output languages.
LANGS: Final[tuple[str, ...]] = tuple(Lang)

# The shipped formats of ``scan`` (and ``check``) and of ``assess``.
SCAN_FORMATS: Final[tuple[str, ...]] = (
    Format.TABLE,
    Format.JSON,
    Format.SARIF,
    Format.MARKDOWN,
    Format.HTML,
)
ASSESS_FORMATS: Final[tuple[str, ...]] = (*SCAN_FORMATS, Format.PIPIA)
