"""What a store's column type says about the values it holds: numeric types and identifiers.

Schema-only runs (``dataflow check``) use it without importing the content detectors.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dataflow.model import Evidence

# Identifiers whose check character may be ``X``: an integer column holds none that ends so.
_X_CHECKED = frozenset({"CN_RESIDENT_ID", "CN_FOREIGN_PR_ID", "CN_HMT_RESIDENCE_PERMIT"})
# Identifiers of 16 digits or more: a binary float (53-bit mantissa) cannot keep them whole.
_LONG_DIGITS = frozenset({*_X_CHECKED, "CN_BANK_CARD", "CREDIT_CARD", "CN_SOCIAL_SECURITY_CARD"})
# Numbers that real exports do keep in numeric columns.
_NUMERIC_OK = frozenset({"CN_MOBILE", "CN_IM_ACCOUNT", "CN_TAIWAN_COMPATRIOT_PERMIT", "IMEI"})
# JSON's "number" is a double; Oracle's NUMBER(p, s) is decimal
_FLOAT_TYPE = re.compile(r"^(?:float|double|real|binary_float|binary_double|halffloat|number$)")


@lru_cache(maxsize=1 << 12)
def storage_kind(data_type: str | None) -> str | None:
    """``integer``, ``float`` (binary floating point) or ``decimal`` for a numeric column type
    as the reader gives it (Parquet/Arrow ``int64``/``double``, a database's ``BIGINT``/``REAL``,
    DDL, JSON ``integer``/``number``); ``None`` for text, other or unknown types.
    """
    from dataflow.detect.metadata import field_kind

    kind = field_kind(data_type)
    if kind in ("small", "int", "bigint"):
        return "integer"
    if kind != "decimal" or not data_type:
        return None
    text = data_type.strip().lower()
    return "float" if _FLOAT_TYPE.match(text) else "decimal"


def storage_evidence(
    data_type: str | None, entity: str | None, *, found: bool, element: str | None = None
) -> Evidence | None:
    """What a numeric column type says about ``entity``, in words (``source: type``).

    ``found``: the values are ``entity`` (a content verdict); otherwise ``entity`` is only what
    the name suggests and no value matched. ``None`` when the type says nothing about it.
    """
    kind = storage_kind(data_type)
    if kind is None or entity is None:
        return None
    where = f"column type {data_type}"
    if found and kind == "integer" and entity in _X_CHECKED:
        return Evidence(
            "type",
            "type-integer-no-x",
            f"{where} is an integer: it cannot hold an ID whose check character is X (about "
            "one in eleven) nor a masked value; such rows are missing or kept elsewhere",
            element,
        )
    if found and entity in _NUMERIC_OK:
        return Evidence(
            "type",
            "type-numeric-identifier",
            f"{where} stores numbers: these identifiers kept as numbers, as spreadsheet "
            "exports do" + ("; a float's .0 is dropped before matching" if kind == "float" else ""),
            element,
        )
    if not found and kind == "float" and entity in _LONG_DIGITS:
        return Evidence(
            "type",
            "type-float-precision",
            f"{where} is a binary float (about 15 significant digits): an identifier of 16 "
            "digits or more stored in it has lost its last digits, so no value can be "
            "validated; values are not repaired",
            element,
        )
    return None
