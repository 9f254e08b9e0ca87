"""Safe YAML loading and the checking toolkit for every file dataflow reads as configuration or data.

``load`` reads documents; ``check`` holds ``Checker``, the collect-all checker every loader uses
(catalogs, recognizer files, rule packs, negative lists, manifests, configuration, baselines).

``load_document`` reads ``.json`` files as JSON (same ``YamlDoc``, with line numbers) and
anything else as YAML; ``as_date`` is the one reading of a date for every loader.

Catalogs, negative lists, transfer manifests, baselines and configuration all come through
``load_yaml``. It:

- uses the safe constructor only: custom tags (``!!python/object``, ``!include``…) are errors;
- rejects alias/anchor expansion bombs by measuring the expanded size before building anything;
- rejects duplicate mapping keys (YAML would silently keep the last one);
- remembers the line of every key path, so validation errors can say ``file:line: key.path``.
"""

from __future__ import annotations

from dataflow.yamlio.check import (
    Checker,
    ValidationError,
    YamlProblem,
    as_text,
    check_keys,
    expect_list,
    expect_mapping,
    keyed,
    validation_error,
)
from dataflow.yamlio.load import (
    MAX_EXPANDED_NODES,
    MAX_YAML_BYTES,
    YamlDoc,
    as_date,
    covers,
    date_problem,
    join_key,
    load_document,
    load_json,
    load_yaml,
    type_name,
)

__all__ = [
    "MAX_EXPANDED_NODES",
    "MAX_YAML_BYTES",
    "Checker",
    "ValidationError",
    "YamlDoc",
    "YamlProblem",
    "as_date",
    "as_text",
    "check_keys",
    "covers",
    "date_problem",
    "expect_list",
    "expect_mapping",
    "join_key",
    "keyed",
    "load_document",
    "load_json",
    "load_yaml",
    "type_name",
    "validation_error",
]
