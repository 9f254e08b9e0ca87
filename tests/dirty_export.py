"""A seeded dirty export, as real systems write one: loosely formatted identifiers, masked and
hashed values, placeholders, names in several scripts, phones stored as floats, and columns that
look like identifiers but are not (companies, products, 11-digit order numbers, prices).

``dirty_columns(rows, seed)`` gives the columns (name -> values, None for a null);
``write(path, columns, fmt)`` writes them as CSV, JSON Lines or Parquet (``float_columns`` are
stored as numbers in JSON Lines and as float64 in Parquet). :data:`EXPECTED` says what every
column is: ``(element, deidentified)``, or ``None`` for a look-alike.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from collections.abc import Callable
from pathlib import Path

from dataflow.detect.validators import gb11643_check_char, luhn_check_digit

MOBILE_PREFIXES = ("130", "135", "138", "139", "150", "186", "188", "199", "177", "166")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐"
COMPOUND = ("欧阳", "司马", "诸葛", "上官")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华玉萍红玲燕辉"
MINORITY = ("阿卜杜拉·艾力", "买买提·吐尔逊", "古丽娜尔·阿不都", "扎西·次仁", "热依拉·买买提")
EN_GIVEN = ("Anna", "David", "Mary", "James", "Linda", "Robert", "Emily", "Michael")
EN_LAST = ("Young", "Smith", "Brown", "Taylor", "Wilson", "Clark", "Walker", "King")
PINYIN_SURNAMES = ("Zhang", "Wang", "Li", "Liu", "Chen", "Zhao", "Huang", "Zhou")
PINYIN_GIVEN = ("San", "Wei", "Ming", "Fang", "Jie", "Lei", "Xiaoming", "Jing")
REGIONS = ("110105", "310104", "440305", "510107", "320508", "330106")
PLACEHOLDERS = ("无", "N/A", "-", "0", "未知", "")
COMPANIES = (
    "苏州华信物流有限公司",
    "北京京东世纪贸易有限公司",
    "上海浦东发展银行股份有限公司",
    "深圳市腾讯计算机系统有限公司",
    "杭州阿里巴巴网络科技有限公司",
    "成都天府软件园有限公司",
    "Morgan Stanley",
    "General Electric",
    "Wells Fargo",
)
PRODUCTS = (
    "保温杯",
    "无线鼠标",
    "iPhone 15 Pro",
    "Apple Watch",
    "机械键盘",
    "空气净化器",
    "Galaxy S24",
    "蓝牙耳机",
    "Crystal Glass",
    "Ruby Ring",
    "Magic Mouse",
)
CITIES = (
    "北京",
    "上海",
    "苏州",
    "成都",
    "Shanghai",
    "Beijing",
    "Hangzhou",
    "Shenzhen",
    "Hong Kong",
    "Virginia Beach",
    "Xi An",
    "Los Angeles",
)
TITLES = (
    "销售经理",
    "工程师",
    "Sales Manager",
    "Product Owner",
    "会计",
    "Data Analyst",
    "Vice President",
    "Office Manager",
)

#: column -> (catalog element, deidentified) it must be found as; None: not personal.
EXPECTED: dict[str, tuple[str, bool] | None] = {
    "c_mobile_fmt": ("pi.contact.mobile", False),
    "c_id_fmt": ("pi.identity.resident_id", False),
    "c_id_old": ("pi.identity.resident_id", False),
    "c_mobile_float": ("pi.contact.mobile", False),
    "c_mobile_masked": ("pi.contact.mobile", True),
    "c_id_masked": ("pi.identity.resident_id", True),
    "c_card_masked": ("pi.financial.bank_card", True),
    "c_name_masked": ("pi.identity.name", True),
    "c_email_masked": ("pi.contact.email", True),
    "mobile_md5": ("pi.contact.mobile", True),
    "c_name_latin": ("pi.identity.name", False),
    "c_name_zh": ("pi.identity.name", False),
    "c_mobile_79": ("pi.contact.mobile", False),
    "c_contact_mixed": ("pi.contact.mobile", False),
    "c_hmt_permit": ("pi.identity.residence_permit", False),
    "c_foreign_pr": ("pi.identity.residence_permit", False),
    "qq号": ("pi.contact.im_account", False),
    "微信号": ("pi.contact.im_account", False),
    "台胞证号": ("pi.identity.travel_permit", False),
    "社保卡号": ("pi.identity.social_security", False),
    "c_company": None,
    "c_product": None,
    "c_city": None,
    "c_title": None,
    "c_order_no": None,
    "c_price": None,
}
#: columns whose every value is a formatted identifier: match rate at least 0.95.
FORMATTED = ("c_mobile_fmt", "c_id_fmt", "c_mobile_float", "c_id_old")
FLOAT_COLUMNS = ("c_mobile_float",)


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _birth(rng: random.Random) -> str:
    return f"{rng.randint(1950, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def _resident_id(rng: random.Random, region: str | None = None) -> str:
    body = (region or rng.choice(REGIONS)) + _birth(rng) + f"{rng.randrange(1000):03d}"
    return body + gb11643_check_char(body)


def _card(rng: random.Random) -> str:
    body = "622202" + "".join(str(rng.randrange(10)) for _ in range(9))
    return body + luhn_check_digit(body)


def _formatted_mobile(rng: random.Random) -> str:
    m = _mobile(rng)
    shapes: tuple[Callable[[str], str], ...] = (
        lambda v: f"+86 {v[:3]}-{v[3:7]}-{v[7:]}",
        lambda v: f"{v[:3]}-{v[3:7]}-{v[7:]}",
        lambda v: f"(+86){v}",
        lambda v: f"+86{v}",
        lambda v: f"{v[:3]} {v[3:7]} {v[7:]}",
        lambda v: v.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"}),
        lambda v: f"0086-{v}",
        lambda v: f"86-{v}",
        lambda v: v,
    )
    return rng.choice(shapes)(m)


def _formatted_id(rng: random.Random) -> str:
    value = _resident_id(rng)
    if rng.random() < 0.5:  # make an X check character likelier
        while value[-1] != "X":
            value = _resident_id(rng)
    shapes: tuple[Callable[[str], str], ...] = (
        lambda v: f"{v[:6]} {v[6:14]} {v[14:]}",
        lambda v: v.lower(),
        lambda v: f"  {v}  ",
        lambda v: f"{v[:6]}-{v[6:14]}-{v[14:]}",
        lambda v: v.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"}),
        lambda v: v,
    )
    return rng.choice(shapes)(value)


def _old_id(rng: random.Random) -> str:
    return rng.choice(REGIONS) + _birth(rng)[2:] + f"{rng.randrange(1000):03d}"


def _name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.2:
        return rng.choice(COMPOUND) + rng.choice(GIVEN) + rng.choice(GIVEN)
    if roll < 0.35:
        return rng.choice(MINORITY)
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _latin_name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return f"{rng.choice(EN_GIVEN)} {rng.choice(EN_LAST)}"
    surname, given = rng.choice(PINYIN_SURNAMES), rng.choice(PINYIN_GIVEN)
    if roll < 0.6:
        return f"{surname.upper()} {given}"
    if roll < 0.8:
        return f"{surname} {given}".upper()
    return f"{surname} {given}"


def _permit_18(rng: random.Random, first: str) -> str:
    body = first + _birth(rng) + f"{rng.randrange(1000):03d}"
    return body + gb11643_check_char(body)


def _with_placeholders(rng: random.Random, make: Callable[[], str], share: float) -> str | None:
    if rng.random() < share:
        value = rng.choice(PLACEHOLDERS)
        return value or None
    return make()


def dirty_columns(rows: int = 400, seed: int = 15) -> dict[str, list[str | None]]:
    rng = random.Random(seed)

    def column(make: Callable[[], str], placeholders: float = 0.0) -> list[str | None]:
        return [_with_placeholders(rng, make, placeholders) for _ in range(rows)]

    def masked_mobile() -> str:
        m = _mobile(rng)
        return m[:3] + "****" + m[7:]

    def masked_id() -> str:
        v = _resident_id(rng)
        return v[:6] + "********" + v[14:]

    def masked_card() -> str:
        c = _card(rng)
        return f"{c[:4]} **** **** {c[-4:]}"

    def masked_name() -> str:
        return rng.choice(SURNAMES) + "*" * rng.randint(1, 2)

    def masked_email() -> str:
        local = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
        domain = rng.choice(("example.com", "qq.com", "163.com", "sina.com.cn"))
        return f"{local[0]}***@{domain}"

    def md5_mobile() -> str:
        return hashlib.md5(_mobile(rng).encode(), usedforsecurity=False).hexdigest()

    def mobile_79() -> str:
        if rng.random() < 0.21:
            return rng.choice(("140", "141", "154", "104")) + f"{rng.randrange(10**8):08d}"
        return _mobile(rng)

    def contact() -> str:
        roll = rng.random()
        if roll < 0.45:
            return _mobile(rng)
        if roll < 0.75:
            return (
                rng.choice(("010-", "021-", "0512-", "0755-"))
                + str(rng.randint(2, 8))
                + (f"{rng.randrange(10**6):06d}{rng.randrange(10)}")
            )
        local = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7))
        return f"{local}@{rng.choice(('example.com', 'qq.com', '163.com'))}"

    def wechat() -> str:
        letters = "abcdefghijklmnopqrstuvwxyz"
        head = rng.choice(letters)
        return head + "".join(
            rng.choice(letters + "0123456789_") for _ in range(rng.randint(6, 12))
        )

    def price() -> str:
        return rng.choice(("{:.2f}", "¥{:.2f}", "{:.1f}", "{:.0f}")).format(
            rng.randint(1, 500_000) / 100
        )

    return {
        "c_mobile_fmt": column(lambda: _formatted_mobile(rng), 0.05),
        "c_id_fmt": column(lambda: _formatted_id(rng), 0.05),
        "c_id_old": column(lambda: _old_id(rng)),
        "c_mobile_float": column(lambda: f"{_mobile(rng)}.0"),
        "c_mobile_masked": column(masked_mobile, 0.05),
        "c_id_masked": column(masked_id),
        "c_card_masked": column(masked_card),
        "c_name_masked": column(masked_name),
        "c_email_masked": column(masked_email),
        "mobile_md5": column(md5_mobile),
        "c_name_latin": column(lambda: _latin_name(rng)),
        "c_name_zh": column(lambda: _name(rng), 0.05),
        "c_mobile_79": column(mobile_79),
        "c_contact_mixed": column(contact, 0.05),
        "c_hmt_permit": column(lambda: _permit_18(rng, rng.choice(("810000", "820000", "830000")))),
        "c_foreign_pr": column(
            lambda: _permit_18(rng, "9" + rng.choice(("11", "31", "44")) + "156")
        ),
        "qq号": column(lambda: str(rng.randint(10_000, 3_999_999_999))),
        "微信号": column(wechat),
        "台胞证号": column(lambda: f"{rng.randrange(10**8):08d}"),
        "社保卡号": column(lambda: rng.choice("ABCDEFGH0123") + f"{rng.randrange(10**8):08d}"),
        "c_company": column(lambda: rng.choice(COMPANIES)),
        "c_product": column(lambda: rng.choice(PRODUCTS)),
        "c_city": column(lambda: rng.choice(CITIES)),
        "c_title": column(lambda: rng.choice(TITLES)),
        "c_order_no": column(lambda: str(rng.randint(2, 9)) + f"{rng.randrange(10**10):010d}"),
        "c_price": column(price),
    }


def file_name(column: str) -> str:
    """The name a column has in the file: meaningless (``c07``) unless the name is the point
    (``qq号``, ``mobile_md5``), so that values alone decide."""
    keys = list(EXPECTED)
    return f"c{keys.index(column) + 1:02d}" if column.startswith("c_") else column


def write(path: Path, columns: dict[str, list[str | None]], fmt: str) -> Path:
    """Write the columns as ``csv``, ``jsonl`` or ``parquet``, named by :func:`file_name`."""
    columns = {file_name(k): v for k, v in columns.items()}
    floats = {file_name(k) for k in FLOAT_COLUMNS}
    names = list(columns)
    rows = len(columns[names[0]])
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(names)
            for i in range(rows):
                writer.writerow(["" if columns[n][i] is None else columns[n][i] for n in names])
    elif fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for i in range(rows):
                record: dict[str, object] = {}
                for n in names:
                    value = columns[n][i]
                    record[n] = float(value) if n in floats and value else value
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        arrays = {}
        for n in names:
            if n in floats:
                arrays[n] = pa.array(
                    [float(v) if v else None for v in columns[n]], type=pa.float64()
                )
            else:
                arrays[n] = pa.array(columns[n], type=pa.string())
        pq.write_table(pa.table(arrays), str(path))
    else:
        raise ValueError(fmt)
    return path
