"""Content-scan benchmark: naive per-value Presidio vs. dataflow's full scan vs. the read floor.

    python bench/bench_content.py [--rows N] [--naive-rows N] [--check-ddl] [--schema-repo]
                                  [--big-csv [--big-mb MB]]

Writes a deterministic table (``--rows`` rows x 30 columns of Chinese and English PI and
non-PI data, valid check digits) to ``bench/out/`` and measures, in one run:

a. naive Presidio: one ``AnalyzerEngine.analyze`` per value with dataflow's recognizers, on the
   first ``--naive-rows`` rows;
b. dataflow ``--full``: ``detect.full.scan_full`` over the whole file, reading included (fresh
   subprocess; peak RSS of that process and its workers). As for (a), whose analyzer is built
   before its clock starts, the start (imports and building the matcher) is timed apart and
   printed, with the rate and ratio it would give if included;
c. reading and parsing alone: ``readers.iter_batches`` over the whole file (fresh subprocess).

It prints values/s, MB/s, peak memory and the ratios b/a and c/b, and checks correctness on
the naive subset: per column and entity, the number of values the fast matcher flags equals the
number per-value Presidio flags. See bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
GENERATOR_VERSION = 1
# The dataflow code measured: this checkout, or the one $DATAFLOW_BENCH_CODE names (to measure
# another version with the same benchmark, as bench_targets.py --code does).
CODE = Path(os.environ.get("DATAFLOW_BENCH_CODE") or REPO)
if str(CODE) not in sys.path:
    sys.path.insert(0, str(CODE))

# --- deterministic data --------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志文斌宇浩凯晨欣怡子涵梓萱雨轩佳琪思远"
FIRST_EN = [
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "William",
    "Elizabeth",
    "David",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Daniel",
    "Emily",
    "Olivia",
    "Noah",
    "Liam",
    "Emma",
]
LAST_EN = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
]
PROVINCES = [
    ("11", "北京市", "北京市", ["朝阳区", "海淀区", "东城区", "西城区", "丰台区"]),
    ("31", "上海市", "上海市", ["浦东新区", "徐汇区", "静安区", "黄浦区", "闵行区"]),
    ("44", "广东省", "广州市", ["天河区", "越秀区", "海珠区", "白云区"]),
    ("44", "广东省", "深圳市", ["南山区", "福田区", "罗湖区", "宝安区"]),
    ("33", "浙江省", "杭州市", ["西湖区", "上城区", "滨江区", "余杭区"]),
    ("32", "江苏省", "南京市", ["玄武区", "鼓楼区", "建邺区", "江宁区"]),
    ("51", "四川省", "成都市", ["锦江区", "武侯区", "青羊区", "成华区"]),
    ("42", "湖北省", "武汉市", ["江汉区", "武昌区", "洪山区", "汉阳区"]),
]
ROADS = [
    "人民路",
    "中山路",
    "解放路",
    "建设路",
    "和平路",
    "长江路",
    "黄河路",
    "新华路",
    "文化路",
    "科技路",
    "学院路",
    "滨江大道",
]
CITIES_EN = [
    "Beijing",
    "Shanghai",
    "Guangzhou",
    "Shenzhen",
    "Hangzhou",
    "Nanjing",
    "Chengdu",
    "Wuhan",
    "Singapore",
    "London",
]
STREETS_EN = [
    "Main St",
    "Oak Avenue",
    "Park Road",
    "High Street",
    "Elm St",
    "Maple Drive",
    "Queen's Road",
    "Harbour View",
]
PLATE_PROV = "京沪粤浙苏川鄂津渝闽湘皖鲁豫"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
MOBILE_PREFIX = [
    "130",
    "131",
    "132",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "157",
    "158",
    "159",
    "170",
    "176",
    "177",
    "180",
    "181",
    "182",
    "186",
    "187",
    "188",
    "189",
    "191",
    "199",
]
AREA_CODES = ["010", "021", "020", "0755", "0571", "025", "028", "027"]
DOMAINS = [
    "qq.com",
    "163.com",
    "126.com",
    "sina.com",
    "gmail.com",
    "outlook.com",
    "example.com",
    "corp.example.cn",
]
COMPANIES = [
    "华为技术有限公司",
    "腾讯科技(深圳)有限公司",
    "阿里巴巴(中国)网络技术有限公司",
    "Acme Trading Ltd",
    "Globex Corporation",
    "北京字节跳动科技有限公司",
    "上海浦东发展银行",
    "Initech LLC",
]
PRODUCTS = [
    "手机",
    "耳机",
    "笔记本电脑",
    "显示器",
    "键盘",
    "鼠标",
    "充电器",
    "保温杯",
    "运动鞋",
    "背包",
    "茶叶",
    "咖啡豆",
]
STATUS = ["paid", "shipped", "refunded", "cancelled", "pending", "已支付", "已发货", "已退款"]
REMARK_ZH = [
    "请尽快发货",
    "周末不在家，请放门卫",
    "发票抬头同上",
    "客户要求改地址",
    "已电话确认",
    "包装破损，需补发",
    "顾客很满意",
    "无",
]
REMARK_EN = [
    "please deliver after 6pm",
    "gift wrap requested",
    "customer asked for invoice",
    "leave at the front desk",
    "n/a",
    "call before delivery",
    "fragile item",
]
URL_PATHS = ["", "/", "/item/", "/order?id=", "/u/", "/p/"]
URL_HOSTS = [
    "www.taobao.com",
    "shop.example.com",
    "jd.com",
    "www.example.cn",
    "m.tmall.com",
    "news.sina.com.cn",
    "docs.python.org",
]

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_VALUE = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def luhn_complete(body: str) -> str:
    """``body`` plus the digit that makes it Luhn-valid."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def resident_id(rng: random.Random, region: str) -> str:
    born = f"{rng.randint(1950, 2008)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = (
        region  # province + city
        + f"{rng.randint(1, 20):02d}"  # county
        + born
        + f"{rng.randint(0, 999):03d}"
    )
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]
    return body + check


def uscc(rng: random.Random, region: str) -> str:
    body = (
        "91"
        + region
        + f"{rng.randint(1, 20):02d}"
        + "".join(rng.choice(_USCC_CHARS) for _ in range(9))
    )
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + _USCC_CHARS[(31 - total % 31) % 31]


def vin(rng: random.Random) -> str:
    chars = [rng.choice(_VIN_CHARS) for _ in range(17)]
    chars[0] = rng.choice("LJW1")
    chars[8] = "0"
    rest = sum(_VIN_VALUE[c] * w for c, w in zip(chars, _VIN_WEIGHTS, strict=True)) % 11
    chars[8] = "X" if rest == 10 else str(rest)
    return "".join(chars)


def imei(rng: random.Random) -> str:
    return luhn_complete("35" + "".join(str(rng.randint(0, 9)) for _ in range(12)))


COLUMNS = (
    "id", "name_zh", "name_en", "resident_id", "mobile", "landline", "email", "address_zh",
    "address_en", "city", "postcode", "bank_card", "credit_card", "ipv4", "mac", "imei", "vin",
    "plate", "passport", "uscc", "lat_lng", "created_at", "amount", "order_no", "product",
    "company", "remark_zh", "remark_en", "url", "status",
)  # fmt: skip


def generate_rows(rows: int, seed: int = 20240501) -> Iterator[list[str]]:
    """Deterministic rows of realistic, checksum-valid values (``COLUMNS`` order)."""
    rng = random.Random(seed)
    for i in range(rows):
        code, prov, city, districts = rng.choice(PROVINCES)
        name_zh = rng.choice(SURNAMES) + "".join(
            rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2)))
        )
        first, last = rng.choice(FIRST_EN), rng.choice(LAST_EN)
        region = code + f"{rng.randint(1, 9):02d}"
        mobile = rng.choice(MOBILE_PREFIX) + f"{rng.randint(0, 99_999_999):08d}"
        if rng.random() < 0.1:
            mobile = "+86 " + mobile
        address = f"{prov}{city if city != prov else ''}{rng.choice(districts)}{rng.choice(ROADS)}{rng.randint(1, 999)}号"
        if rng.random() < 0.5:
            address += f"{rng.randint(1, 30)}栋{rng.randint(101, 2808)}室"
        bank = luhn_complete(
            "62" + "".join(str(rng.randint(0, 9)) for _ in range(rng.choice((13, 14, 16))))
        )
        credit = luhn_complete(
            rng.choice(("4", "51", "52", "55")) + "".join(str(rng.randint(0, 9)) for _ in range(14))
        )
        if len(credit) > 16:
            credit = luhn_complete(credit[:15])
        if rng.random() < 0.3:
            credit = " ".join(credit[j : j + 4] for j in range(0, 16, 4))
        remark_zh = rng.choice(REMARK_ZH)
        roll = rng.random()
        if roll < 0.1:
            remark_zh += f"，联系电话{rng.choice(MOBILE_PREFIX)}{rng.randint(0, 99_999_999):08d}"
        elif roll < 0.18:
            remark_zh += f"，邮箱{first.lower()}{rng.randint(1, 99)}@{rng.choice(DOMAINS)}"
        elif roll < 0.25:
            remark_zh += f"，身份证{resident_id(rng, region)}"
        remark_en = rng.choice(REMARK_EN)
        if rng.random() < 0.15:
            remark_en += f", contact {first.lower()}.{last.lower()}@{rng.choice(DOMAINS)}"
        url = "https://" + rng.choice(URL_HOSTS) + rng.choice(URL_PATHS)
        if url.endswith("="):
            url += str(rng.randint(1000, 999_999))
        yield [
            str(100000 + i),
            name_zh,
            f"{first} {last}",
            resident_id(rng, region),
            mobile,
            f"{rng.choice(AREA_CODES)}-{rng.randint(2_000_000, 89_999_999)}",
            f"{first.lower()}{rng.choice(('.', '_', ''))}{last.lower()}{rng.randint(1, 999)}@{rng.choice(DOMAINS)}",
            address,
            f"{rng.randint(1, 999)} {rng.choice(STREETS_EN)}, {rng.choice(CITIES_EN)}",
            city,
            f"{rng.randint(100000, 899999)}",
            bank,
            credit,
            f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            ":".join(f"{rng.randint(0, 255):02x}" for _ in range(6)),
            imei(rng),
            vin(rng),
            rng.choice(PLATE_PROV)
            + rng.choice(PLATE_LETTERS)
            + "".join(rng.choice("0123456789ABCDEFGHJK") for _ in range(5)),
            rng.choice("EG") + f"{rng.randint(10_000_000, 99_999_999)}",
            uscc(rng, region),
            f"{rng.uniform(18, 53):.6f},{rng.uniform(73, 135):.6f}",
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
            f"{rng.randint(1, 99999)}.{rng.randint(0, 99):02d}",
            f"{rng.randint(10**17, 10**18 - 1)}",
            rng.choice(PRODUCTS) + f"-{rng.randint(1, 500)}",
            rng.choice(COMPANIES),
            remark_zh,
            remark_en,
            url,
            rng.choice(STATUS),
        ]


def write_table(path: Path, rows: int) -> Path:
    """Write the CSV once (reused while rows and generator version are the same)."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(generate_rows(rows))
    tmp.replace(path)
    return path


def table_path(rows: int) -> Path:
    return OUT / f"content_{rows}_v{GENERATOR_VERSION}.csv"


def read_columns(path: Path, rows: int) -> dict[str, list[str]]:
    """The first ``rows`` rows as columns (for the naive subset)."""
    cols: dict[str, list[str]] = {c: [] for c in COLUMNS}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for n, row in enumerate(reader):
            if n >= rows:
                break
            for c, v in zip(COLUMNS, row, strict=True):
                cols[c].append(v)
    return cols


# --- measurements ---------------------------------------------------------------------------


def peak_rss_mb_children() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux ``/proc``; just ``pid`` elsewhere)."""
    found = [pid]
    for current in found:
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{current}/task/{tid}/children") as fh:
                    found.extend(int(c) for c in fh.read().split())
            except OSError:
                pass
    return found


def _pss_mb(pid: int) -> float | None:
    """Proportional set size of ``pid`` in MB (shared pages split among their users)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def run_child(args: Sequence[str]) -> dict[str, Any]:
    """Run this script in a fresh interpreter for one measurement; it prints one JSON line.

    While it runs, the PSS of the child and its workers is sampled from
    ``/proc/<pid>/smaps_rollup`` (Linux): ``pss_peak_mb`` is the highest sum over the
    processes at one moment (pages the workers share with the parent counted once).
    """
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0.0
    series: list[float] = []
    with ThreadPoolExecutor(1) as pool:
        output = pool.submit(proc.communicate)
        while proc.poll() is None:
            sizes = [_pss_mb(pid) for pid in _process_tree(proc.pid)]
            total = sum(s for s in sizes if s is not None)
            series.append(total)
            peak = max(peak, total)
            time.sleep(0.2)
        stdout, stderr = output.result()
    if proc.returncode != 0:
        tail = stderr.strip().splitlines()[-3:]
        return {"error": " | ".join(tail) or f"exit {proc.returncode}"}
    result = dict(json.loads(stdout.strip().splitlines()[-1]))
    if peak:
        result["pss_peak_mb"] = peak
        result["pss_series_mb"] = series
    return result


def _pss_note(result: dict[str, Any]) -> str:
    if "pss_peak_mb" not in result:
        return ""
    return f", peak PSS parent + workers {result['pss_peak_mb']:.0f} MB"


def child_full(path: Path, processes: int | None) -> None:
    # The start (imports, recognizers, the matcher with its cached Hyperscan database) is
    # timed apart, as (a) builds its analyzer before its clock starts.
    begun = time.perf_counter()
    from dataflow.detect import full

    # ``--code`` may point at a checkout from before the matcher's builder was public.
    build = getattr(full, "shipped_matcher", None) or getattr(full, "_default_matcher")  # noqa: B009
    build(None)
    started = time.perf_counter()
    verdicts, rows = full.scan_full(path, None, full.FullScanOptions(processes=processes))
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = {p: [v.kind, v.entity, round(v.match_rate, 3)] for p, v in sorted(verdicts.items())}
    print(
        json.dumps(
            {
                "seconds": seconds,
                "start_seconds": started - begun,
                "rows": rows,
                "peak_mb": own,
                "worker_peak_mb": kids,
                "verdicts": summary,
            }
        )
    )


def child_read(path: Path) -> None:
    from dataflow.readers import iter_batches

    started = time.perf_counter()
    values = 0
    for batch in iter_batches(path, batch_rows=50_000):
        for column in batch.values():
            values += sum(1 for v in column if v is not None)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "values": values, "peak_mb": own}))


def child_csv(path: Path) -> None:
    """Parse the file with Python's csv module alone (a second floor, for reference)."""
    started = time.perf_counter()
    values = 0
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for row in reader:
            values += len(row)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "values": values, "peak_mb": own}))


def child_compile() -> None:
    """Build the fast matcher once so the Hyperscan database is cached before timing."""
    from dataflow.detect.fast import FastMatcher
    from dataflow.detect.recognizers import load_recognizers

    started = time.perf_counter()
    matcher = FastMatcher(load_recognizers())
    try:  # the full scan's description of Presidio's kept recognizers, cached (newer code)
        from dataflow.detect.fast import plain
    except ImportError:
        pass
    else:
        plain.kept_description()
    print(
        json.dumps({"seconds": time.perf_counter() - started, "prefilter": matcher.uses_prefilter})
    )


def naive(columns: dict[str, list[str]]) -> tuple[float, int, dict[str, Counter[str]]]:
    """One ``analyze`` per value (the naive way) with dataflow's recognizers and engine."""
    from dataflow.detect.engine import build_analyzer, value_matches

    analyzer = build_analyzer()
    value_matches(["warm-up 13800138000 a@b.com"], analyzer)
    counts: dict[str, Counter[str]] = {}
    values = 0
    started = time.perf_counter()
    for name, column in columns.items():
        found = value_matches(column, analyzer)
        values += len(column)
        counts[name] = Counter(e for m in found for e in m)
    return time.perf_counter() - started, values, counts


def fast_counts(columns: dict[str, list[str]]) -> dict[str, Counter[str]]:
    from dataflow.detect.fast import FastMatcher
    from dataflow.detect.recognizers import load_recognizers

    matcher = FastMatcher(load_recognizers())
    return {
        name: Counter(e for m in matcher.match(col) for e in m) for name, col in columns.items()
    }


def fmt_rate(n: float, seconds: float) -> str:
    return f"{n / seconds:,.0f}" if seconds > 0 else "inf"


def content_bench(rows: int, naive_rows: int, processes: int | None) -> int:
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    path = write_table(table_path(rows), rows)
    size_mb = path.stat().st_size / 1e6
    cells = rows * len(COLUMNS)
    print(
        f"table: {path.relative_to(REPO)}  {rows:,} rows x {len(COLUMNS)} columns = {cells:,} values, {size_mb:.1f} MB"
    )

    compiled = run_child(["--_child", "compile"])
    if "error" in compiled:
        print(f"skipped: the fast matcher could not be built ({compiled['error']})")
        return 1
    print(
        f"matcher build (Hyperscan database cached afterwards): {compiled['seconds']:.2f} s, prefilter={compiled['prefilter']}"
    )

    subset = read_columns(path, naive_rows)
    a_seconds, a_values, a_counts = naive(subset)
    a_rate = a_values / a_seconds
    print(
        f"(a) naive Presidio, one analyze per value, first {naive_rows:,} rows: {a_values:,} values in {a_seconds:.2f} s = {a_rate:,.0f} values/s"
    )

    full = run_child(["--_child", "full", str(path), "--processes", str(processes or 0)])
    if "error" in full:
        print(f"(b) skipped: dataflow --full failed ({full['error']})")
        return 1
    b_rate = cells / full["seconds"]
    start = full["start_seconds"]
    end_to_end = cells / (full["seconds"] + start)
    print(
        f"(b) dataflow --full (read + match + tally, whole file): {cells:,} values in {full['seconds']:.2f} s = "
        f"{b_rate:,.0f} values/s, {size_mb / full['seconds']:.1f} MB/s, peak RSS {full['peak_mb']:.0f} MB "
        f"(workers {full['worker_peak_mb']:.0f} MB each at most){_pss_note(full)}"
    )
    print(
        f"    start before (b)'s clock (imports, matcher; (a)'s analyzer is built before its clock too): "
        f"{start:.2f} s; with it {end_to_end:,.0f} values/s"
    )
    read = run_child(["--_child", "read", str(path)])
    if "error" in read:
        print(f"(c) skipped: reading failed ({read['error']})")
        return 1
    c_rate = cells / read["seconds"]
    print(
        f"(c) read + parse only: {read['seconds']:.2f} s = {c_rate:,.0f} values/s, {size_mb / read['seconds']:.1f} MB/s, peak RSS {read['peak_mb']:.0f} MB"
    )
    print(
        f"ratio b/a = {b_rate / a_rate:,.1f}x (target >= 150x; {end_to_end / a_rate:,.1f}x with the start); "
        f"c/b = {c_rate / b_rate:,.1f}x (how far the full scan is from the I/O floor)"
    )

    fast = fast_counts(subset)
    mismatches = [
        (col, ent, a_counts[col][ent], fast[col][ent])
        for col in COLUMNS
        for ent in sorted(set(a_counts[col]) | set(fast[col]))
        if a_counts[col][ent] != fast[col][ent]
    ]
    flagged = sum(sum(c.values()) for c in a_counts.values())
    if mismatches:
        print(f"correctness: MISMATCH on {len(mismatches)} (column, entity) pairs:")
        for col, ent, want, got in mismatches[:20]:
            print(f"  {col} {ent}: presidio {want}, fast {got}")
        return 1
    print(
        f"correctness: per-column entity counts equal on the subset ({flagged:,} matches over {len(COLUMNS)} columns)"
    )
    top = {c: full["verdicts"].get(f"{path.stem}.{c}") for c in COLUMNS}
    print(
        "full-scan verdicts: "
        + ", ".join(f"{c}={v[1] if v and v[1] else '-'}" for c, v in top.items())
    )
    return 0


# --- CLI timings (need the dataflow CLI) ----------------------------------------------------


def _dataflow(args: Sequence[str], cwd: Path | None = None) -> tuple[float, int, str]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "dataflow", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
    seconds = time.perf_counter() - started
    tail = (proc.stderr.strip().splitlines() or [""])[-1]
    return seconds, proc.returncode, tail


DDL = """CREATE TABLE shop.customer_{n} (
  id BIGINT PRIMARY KEY COMMENT '客户编号',
  name VARCHAR(64) COMMENT '姓名',
  id_card CHAR(18) COMMENT '身份证号',
  mobile VARCHAR(20) COMMENT '手机号',
  email VARCHAR(128),
  address VARCHAR(255) COMMENT '收货地址',
  bank_card VARCHAR(19) COMMENT '银行卡号',
  created_at DATETIME,
  amount DECIMAL(12,2),
  status VARCHAR(16)
);
"""


def check_ddl() -> None:
    path = OUT / "one_table.sql"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DDL.format(n=1), encoding="utf-8")
    runs = [_dataflow(["check", str(path)]) for _ in range(3)]
    if all(code not in (0, 1) for _, code, _ in runs):
        print(f"dataflow check: skipped, the command failed ({runs[-1][2]})")
        return
    best = min(s for s, _, _ in runs)
    print(
        f"dataflow check one DDL file (wall time incl. interpreter start, best of 3): {best:.2f} s"
    )


def schema_repo(tables: int = 1000) -> None:
    repo = OUT / f"schema_repo_{tables}"
    if not repo.exists():
        for n in range(tables):
            sub = repo / f"db{n % 20:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"customer_{n}.sql").write_text(DDL.format(n=n), encoding="utf-8")
    seconds, code, tail = _dataflow(["scan", str(repo), "--format", "json"])
    if code not in (0, 1):
        print(f"dataflow scan of {tables} DDL tables: skipped, the command failed ({tail})")
        return
    print(
        f"dataflow scan of a schema repository with {tables} DDL tables: {seconds:.2f} s (exit {code})"
    )


def write_big_csv(megabytes: int) -> Path:
    """A CSV of about ``megabytes`` MB of the table's rows (written once, then reused)."""
    path = OUT / f"big_{megabytes}mb_v{GENERATOR_VERSION}.csv"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            rows = generate_rows(10**9)
            while fh.tell() < megabytes * 1_000_000:  # text-mode tell() is slow: check per 5k rows
                writer.writerows(itertools.islice(rows, 5_000))
        tmp.replace(path)
    return path


# The target for the peak PSS of a full scan's parent and workers on the 1 GB CSV.
BIG_PSS_TARGET_MB = 300


def quarters(series: Sequence[float]) -> list[list[float]]:
    """``series`` cut into four consecutive parts (each at least one sample)."""
    n = len(series)
    cuts = [round(n * k / 4) for k in range(5)]
    return [list(series[cuts[k] : max(cuts[k + 1], cuts[k] + 1)]) or [0.0] for k in range(4)]


def big_csv(megabytes: int) -> int:
    """Sampled scan time and full-scan memory on the big CSV; 1 when the PSS target is missed."""
    path = write_big_csv(megabytes)
    size = path.stat().st_size / 1e6
    seconds, code, tail = _dataflow(["scan", str(path), "--format", "json"])
    if code not in (0, 1):
        print(f"sampled scan of {size:.0f} MB CSV: skipped, the command failed ({tail})")
    else:
        print(f"sampled scan of {size:.0f} MB CSV: {seconds:.2f} s (target < 10 s)")
    full = run_child(["--_child", "full", str(path), "--processes", "0"])
    if "error" in full:
        print(f"full scan of {size:.0f} MB CSV: skipped ({full['error']})")
        return 1
    by_quarter = [max(q) for q in quarters(full.get("pss_series_mb") or [0.0])]
    print(
        f"full scan of {size:.0f} MB CSV: {full['seconds']:.1f} s, {full['rows']:,} rows, "
        f"{size / full['seconds']:.1f} MB/s, peak RSS parent {full['peak_mb']:.0f} MB, "
        f"largest worker {full['worker_peak_mb']:.0f} MB{_pss_note(full)} "
        f"(by quarter of the run: {', '.join(f'{q:.0f}' for q in by_quarter)} MB)"
    )
    pss = full.get("pss_peak_mb")
    if pss is None:
        print(f"peak PSS target < {BIG_PSS_TARGET_MB} MB: not measured (no /proc)")
        return 0
    met = pss < BIG_PSS_TARGET_MB
    verdict = "met" if met else "NOT MET"
    print(f"peak PSS {pss:.0f} MB, target < {BIG_PSS_TARGET_MB} MB: {verdict}")
    return 0 if met else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the generated table")
    parser.add_argument(
        "--naive-rows", type=int, default=500, help="rows timed with naive Presidio"
    )
    parser.add_argument("--processes", type=int, default=0, help="full-scan workers (0: automatic)")
    parser.add_argument(
        "--check-ddl", action="store_true", help="time `dataflow check` on one DDL file"
    )
    parser.add_argument(
        "--schema-repo", action="store_true", help="time `dataflow scan` of 1,000 DDL tables"
    )
    parser.add_argument(
        "--big-csv", action="store_true", help="1 GB CSV: sampled scan time, full-scan memory"
    )
    parser.add_argument("--big-mb", type=int, default=1000, help="size of the --big-csv file in MB")
    parser.add_argument("--skip-content", action="store_true", help="only the CLI timings")
    parser.add_argument("--_child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._child:
        kind = args._child[0]
        if kind == "full":
            child_full(Path(args._child[1]), args.processes or None)
        elif kind == "read":
            child_read(Path(args._child[1]))
        elif kind == "csv":
            child_csv(Path(args._child[1]))
        elif kind == "compile":
            child_compile()
        return 0
    status = 0
    if not args.skip_content:
        status = content_bench(args.rows, min(args.naive_rows, args.rows), args.processes or None)
    if args.check_ddl:
        check_ddl()
    if args.schema_repo:
        schema_repo()
    if args.big_csv:
        status = big_csv(args.big_mb) or status
    return status


if __name__ == "__main__":
    raise SystemExit(main())
