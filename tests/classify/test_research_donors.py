"""Records of research donors and probands: a biobank's or a tumour registry's `donor` table and
the tables keyed by a donor (`biobank_donor_id`) are the clinical records of the people who gave
the samples, health information as a patient's would be (GB/T 35273 Annex B 个人健康生理信息),
also where the donor's own table reports how many children or pregnancies that donor had."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

DONORS = "study_code\tbiobank_donor_id\tvital_status\tcause_of_death\theight\tweight\tnumber_of_children\n"
SAMPLES = "biobank_donor_id\tsample_barcode\ttumour_grade\tclinical_stage_group\tblood_pressure\n"
PROBANDS = "proband_id,age_at_onset,diagnosis_code,relapse_type\n"


def test_donor_tables_are_the_donors_health_records(tmp_path: Path) -> None:
    by_name = scan_files(
        tmp_path,
        {"donor.tsv": DONORS, "tissue_sample.tsv": SAMPLES, "proband_visits.csv": PROBANDS},
    )
    donor = by_name["donor"]
    assert donor.subject.kind == "person" and donor.subject.role == "patient"
    for column in ("height", "weight", "cause_of_death"):
        assert finding_of(donor, column).sensitive, column
    samples = by_name["tissue_sample"]
    assert samples.subject.kind == "person_linked" and samples.subject.role == "patient"
    assert finding_of(samples, "blood_pressure").sensitive
    visits = by_name["proband_visits"]
    assert visits.subject.role == "patient"
    assert finding_of(visits, "diagnosis_code").sensitive
