"""The same data under meaningful Chinese, pinyin or English column names: the verdict from the
names alone (schema-only scan) and the verdict from the values alone (nameless columns) must
agree, and the combined scan must keep that element.

Values come from the generators of ``test_content`` (valid check characters, made-up people).
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import (
    address,
    bank_card,
    email,
    imei,
    landline,
    mobile,
    passport,
    person_name,
    plate,
    resident_id,
    vin,
)

from dataflow.scan import ScanOptions, scan_paths

# header name -> (value generator, expected element)
Gen = Callable[[random.Random], str]
COLUMNS: dict[str, tuple[str, Gen, str]] = {
    # Chinese names
    "身份证号": ("zh", resident_id, "pi.identity.resident_id"),
    "手机号码": ("zh", mobile, "pi.contact.mobile"),
    "银行卡号": ("zh", bank_card, "pi.financial.bank_card"),
    "收货地址": ("zh", address, "pi.contact.address"),
    "车牌号": ("zh", plate, "pi.vehicle.plate"),
    # pinyin initials and full pinyin
    "sfzh": ("pinyin", resident_id, "pi.identity.resident_id"),
    "sjhm": ("pinyin", mobile, "pi.contact.mobile"),
    "xm": ("pinyin", person_name, "pi.identity.name"),
    "yhkh": ("pinyin", bank_card, "pi.financial.bank_card"),
    "huzhao": ("pinyin", passport, "pi.identity.passport"),
    "gudingdianhua": ("pinyin", landline, "pi.contact.landline"),
    # English
    "email": ("en", email, "pi.contact.email"),
    "imei": ("en", imei, "pi.device.imei"),
    "vin": ("en", vin, "pi.vehicle.vin"),
}
ROWS = 60


def _write(path: Path, headers: list[str], seed: int = 7) -> None:
    r = random.Random(seed)
    gens = [COLUMNS[h][1] for h in COLUMNS]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for _ in range(ROWS):
            writer.writerow([g(r) for g in gens])


def _elements(path: Path, *, content: bool) -> dict[str, str | None]:
    result = scan_paths([path], ScanOptions(content=content))
    assert not result.problems
    (dataset,) = result.datasets
    by_name = {f.field.name: f.element for f in dataset.findings if f.personal}
    return by_name


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str | None]]:
    tmp = tmp_path_factory.mktemp("agree")
    named, nameless = tmp / "named.csv", tmp / "nameless.csv"
    headers = list(COLUMNS)
    _write(named, headers)
    _write(nameless, [f"c{i}" for i in range(len(headers))])
    by_values = _elements(nameless, content=True)
    return {
        "names": _elements(named, content=False),
        "values": {h: by_values.get(f"c{i}") for i, h in enumerate(headers)},
        "both": _elements(named, content=True),
    }


@pytest.mark.parametrize("header", list(COLUMNS))
def test_names_and_values_agree(verdicts: dict[str, dict[str, str | None]], header: str) -> None:
    expected = COLUMNS[header][2]
    assert verdicts["names"].get(header) == expected, "metadata verdict"
    assert verdicts["values"].get(header) == expected, "content verdict on a nameless column"
    assert verdicts["both"].get(header) == expected, "combined verdict"
