"""A UK national insurance number (`nino`) is a social security
number: a specific identity document of the person, sensitive."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

ACCOUNT = {
    "type": "object",
    "properties": {
        "forename": {"type": "string"},
        "surname": {"type": "string"},
        "nino": {"type": "string", "minLength": 9, "maxLength": 9},
    },
}


def test_a_nino_is_a_social_security_number(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"Saver.json": json.dumps(ACCOUNT)})
    found = _finding(results["Saver"], "nino")
    assert found.element == "pi.identity.social_security"
    assert found.sensitive
