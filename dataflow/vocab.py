"""Closed vocabularies shared across modules, each word spelled once.

These strings are contracts: they appear in JSON and SARIF output, in rule packs, negative lists
and manifests, and on the command line. Change one only together with every user and a
CHANGELOG entry. Labels in both languages live in ``i18n``; this module imports nothing, so any
module may use it.
"""

from __future__ import annotations

from typing import Final

# Transfer mechanisms: what an assessment decides (``TransferAssessment.mechanism``).
BLOCKED: Final = "blocked"
SECURITY_ASSESSMENT: Final = "security_assessment"
STANDARD_CONTRACT: Final = "standard_contract_or_certification"
EXEMPT: Final = "exempt"
NOT_APPLICABLE: Final = "not_applicable"
COVERED: Final = "covered"  # an existing approval covers the transfer
MECHANISMS: Final = (
    BLOCKED,
    SECURITY_ASSESSMENT,
    STANDARD_CONTRACT,
    EXEMPT,
    NOT_APPLICABLE,
    COVERED,
)

# What a negative-list entry may require, strictest first (``prohibited`` blocks the transfer).
PROHIBITED: Final = "prohibited"
LIST_MECHANISMS: Final = (PROHIBITED, SECURITY_ASSESSMENT, STANDARD_CONTRACT)

# The mechanisms the volume thresholds lead to, lightest first.
THRESHOLD_MECHANISMS: Final = (EXEMPT, STANDARD_CONTRACT, SECURITY_ASSESSMENT)

# The filings an existing approval (manifest ``existing_approvals``) may be.
APPROVAL_MECHANISMS: Final = (SECURITY_ASSESSMENT, STANDARD_CONTRACT)

# Risk levels of a transfer, lowest first.
RISKS: Final = ("low", "medium", "high", "critical", "blocked")

# Output languages.
LANGS: Final = ("en", "zh")
