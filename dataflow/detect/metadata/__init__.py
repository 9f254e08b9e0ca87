"""Metadata detection: what a field probably holds, judged from its name, comment and type.

Evidence, in order of strength:

- **comment / description** — a Chinese ``COMMENT '手机号码'`` usually says exactly what the
  column is; the head noun (the last dictionary term in the comment) wins;
- **name** — split into tokens (snake, camel, kebab, digits) and matched against the catalog's
  English, pinyin (``shoujihao``), pinyin-initial (``sfzh``) and abbreviation dictionaries;
  Chinese names are matched like comments;
- **context** — generic words (``name``, ``city``) count only in a table or parent object about
  people (``users``, ``resume.basics``);
- **negative evidence** — flags and counters (``is_*``, ``has_*``, ``*_count``, ``*_status``,
  ``*_type``, ``是否…``), event timestamps (``email_verified_at``), references to another record
  (``address_id``), things that are not people (``shop_phone``, ``post_code`` in a job-post
  table), dictionary tables (``dict_disease``, ``sys_region``, ``地区字典``);
- **type gate** — a ``tinyint`` cannot hold a name, an ``int`` cannot hold an e-mail.

Every verdict keeps its reasons as ``model.Evidence``. No Presidio or spaCy here: this module
must stay fast enough for a pre-commit hook.
"""

from dataflow.detect.metadata.detector import (
    MetadataDetector,
    detect_dataset,
    detect_fields,
    detector_for,
)
from dataflow.detect.metadata.verdict import Candidate, MetadataVerdict
from dataflow.detect.metadata.words import (
    PI_THRESHOLD,
    bare_name,
    field_kind,
    has_cjk,
    split_name,
    type_allows,
)

__all__ = [
    "PI_THRESHOLD",
    "Candidate",
    "MetadataDetector",
    "MetadataVerdict",
    "bare_name",
    "detect_dataset",
    "detect_fields",
    "detector_for",
    "field_kind",
    "has_cjk",
    "split_name",
    "type_allows",
]
