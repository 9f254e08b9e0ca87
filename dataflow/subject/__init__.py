"""Dataset subjects: what the rows of each dataset are about, and what follows for its fields.

PIPL Art. 4 makes information *relating to* a person personal information, so whether
``route`` or ``score`` is PI depends on the record. After every file of a scan is read,
``infer_subjects`` gives each dataset a ``Subject``:

- ``person`` — its name (or comment) names people (``patients``, ``member_info``, 患者档案), or
  two identity columns (name, ID number, mobile, birth date…) say so;
- ``person_linked`` — a column points at a person dataset: a declared foreign key, an id
  named after a scanned person dataset or a role (``patient_id``, ``patientarchive_id`` →
  ``md_peispatientarchive``), a person's key by itself (``subject_id``, ``hadm_id``), a comment
  naming a person (体检人); chains count (``hadm_id`` → ``admissions`` → ``patients``); a schema
  nested in a document about a person (JSON Schema / Avro); a log of a person's actions;
- ``organisation``, ``reference`` (code lists: ``dict_*``, ``*_type``, pinyin/five-stroke input
  codes, 字典), ``system`` (configuration, jobs), or ``unknown``.

``apply_subject`` then adjusts the field findings of one dataset: in a dataset about a person,
fields using an attribute family's words (catalogs/subjects.yaml) are that person's information
under the family's element; in reference, organisation and system datasets attribute elements
(health, education, finance…) are not PI. Each change carries its reason. The word lists are
data (``Catalog.subjects``, ``Catalog.families``); this module holds the algorithm only.
"""

from dataflow.subject.apply import apply_subject, child_findings
from dataflow.subject.clinical import care_thing_keys
from dataflow.subject.describe import describe
from dataflow.subject.infer import infer_subjects
from dataflow.subject.person import ledger_details
from dataflow.subject.rules import KINDS, W_FAMILY, SubjectRules, rules_for, split_name

__all__ = [
    "KINDS",
    "W_FAMILY",
    "SubjectRules",
    "apply_subject",
    "care_thing_keys",
    "child_findings",
    "describe",
    "infer_subjects",
    "ledger_details",
    "rules_for",
    "split_name",
]
