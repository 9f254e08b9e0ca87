"""Options, exits and the report file: what a careless or hostile command line must not break.

Real subprocesses of the installed CLI over real files: an option-looking file name from a
pre-commit hook, unreadable and empty paths, ``--debug``, ``--output`` over an input, file
names that are not UTF-8, and a process killed while it writes or scans.
"""

from __future__ import annotations

import json
import os
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, REPO_ROOT

AS_NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
DDL = "CREATE TABLE members (\n  id BIGINT,\n  mobile VARCHAR(20) COMMENT '手机号码'\n);\n"


def dataflow(
    *args: str, cwd: Path, check: bool = False, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("DATAFLOW_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "dataflow", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        check=check,
        timeout=300,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / ".git").mkdir()  # no configuration discovery above this folder
    return folder


# --- options ----------------------------------------------------------------------------------


def test_hook_entry_ends_options_so_an_option_named_file_is_scanned(work: Path) -> None:
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = shlex.split(hooks[0]["entry"])
    assert entry[:2] == ["dataflow", "check"]
    victim = work / "victim.sql"
    victim.write_text(DDL, encoding="utf-8")
    before = victim.read_bytes()
    (work / "--output=victim.sql").write_text(DDL, encoding="utf-8")
    # pre-commit runs the entry followed by the staged file names
    done = dataflow(*entry[1:], "--output=victim.sql", "victim.sql", cwd=work)
    assert victim.read_bytes() == before, "an option-looking file name was taken as --output"
    assert done.returncode == 1
    assert done.stdout.count("members.mobile") == 2  # both files scanned as files
    # the suggested command keeps the file names out of the options too
    assert "baseline update --reason" in done.stdout and " -- --output=victim.sql" in done.stdout


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to run a subprocess as another user",
)
def test_unreadable_file_named_on_the_command_line_is_a_problem_not_a_usage_error(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "open"
    folder.mkdir(mode=0o755)
    os.chmod(tmp_path, 0o755)
    (folder / "a.sql").write_text(DDL, encoding="utf-8")
    secret = folder / "secret.sql"
    secret.write_text(DDL, encoding="utf-8")
    secret.chmod(0)
    venv_bin = Path(sys.executable).parent
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.chown(cache, 65534, 65534)
    for command in (["scan"], ["check"], ["scan", "--format", "json"]):
        done = subprocess.run(
            [*AS_NOBODY, str(venv_bin / "dataflow"), *command, "a.sql", "secret.sql"],
            cwd=folder,
            capture_output=True,
            text=True,
            env=dict(os.environ, LANG="C.UTF-8", DATAFLOW_CACHE_DIR=str(cache)),
            timeout=300,
        )
        assert done.returncode == 2, done.stderr
        assert "Usage:" not in done.stderr
        assert "error: secret.sql: cannot read file: permission denied" in done.stderr
        assert "members.mobile" in done.stdout  # the readable file was still scanned


def test_debug_adds_a_traceback_and_changes_nothing_else(work: Path) -> None:
    plain = dataflow("scan", "", cwd=work)
    debug = dataflow("--debug", "scan", "", cwd=work)
    assert plain.returncode == debug.returncode == 2
    line = next(ln for ln in plain.stderr.splitlines() if ln.startswith("error: an empty path"))
    assert line in debug.stderr.splitlines()
    assert "Traceback" in debug.stderr and "Traceback" not in plain.stderr
    (work / "transfer.yaml").write_text("schema_version: 1\ntransfer: [\n", encoding="utf-8")
    for args in (["assess", "transfer.yaml"], ["check", "nosuchfile.sql"]):
        plain = dataflow(*args, cwd=work)
        debug = dataflow("--debug", *args, cwd=work)
        assert plain.returncode == debug.returncode == 2, args
        errors = [ln for ln in plain.stderr.splitlines() if ln.startswith("error:")]
        assert errors and all(ln in debug.stderr.splitlines() for ln in errors), args


def test_an_empty_path_is_refused_not_read_as_this_folder(work: Path) -> None:
    (work / "members.sql").write_text(DDL, encoding="utf-8")
    for args in (["scan", ""], ["check", ""], ["scan", "members.sql", ""]):
        done = dataflow(*args, cwd=work)
        assert done.returncode == 2, args
        assert "empty path" in done.stderr
        assert "members" not in done.stdout


def _manifest(folder: Path, dataset: str) -> Path:
    (folder / "schemas").mkdir(exist_ok=True)
    (folder / "samples").mkdir(exist_ok=True)
    (folder / "schemas" / "shop.sql").write_bytes(
        (EXAMPLES / "schemas" / "shop_mysql.sql").read_bytes()
    )
    (folder / "samples" / "customers.csv").write_bytes(
        (EXAMPLES / "samples" / "customers.csv").read_bytes()
    )
    path = folder / "transfer.yaml"
    path.write_text(
        "schema_version: 1\ntransfer:\n  id: TX-1\n  date: 2026-11-30\n"
        "  exporter: {name: Acme, ciio: false, state_organ: false}\n"
        "  recipient: {name: Acme GmbH, country: DE, restricted_list: false, "
        "judicial_or_law_enforcement: false}\n"
        "  purpose: support\n  scenario: none\n  sector: retail\n"
        f"  datasets:\n    - {dataset}\n"
        "  prior_exports: {subjects: 0, sensitive_subjects: 0}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "dataset",
    [
        "{schema: schemas/shop.sql, tables: [nosuchtable], sample: samples/customers.csv, "
        "subjects: 100}",
        "{schema: schemas/shop.sql, tables: [nosuchtable], subjects: 100}",
        "{schema: schemas/empty.sql, subjects: 100}",
    ],
)
def test_an_assessment_that_cannot_be_made_prints_no_verdict(work: Path, dataset: str) -> None:
    (work / "schemas").mkdir()
    (work / "schemas" / "empty.sql").write_text("this is not sql ((\n", encoding="utf-8")
    manifest = _manifest(work, dataset)
    for fmt in ("table", "json", "markdown", "sarif"):
        done = dataflow("assess", str(manifest), "--format", fmt, cwd=work)
        assert done.returncode == 2, (fmt, done.stderr)
        assert "cannot be assessed" in done.stderr
        assert done.stdout == ""
        for verdict in ("not_applicable", "not applicable", "risk", "exempt"):
            assert verdict not in done.stdout + done.stderr.split("error:")[0]


# --- the report file --------------------------------------------------------------------------


def test_output_over_an_input_file_is_refused(work: Path) -> None:
    schema = work / "members.sql"
    schema.write_text(DDL, encoding="utf-8")
    manifest = _manifest(work, "{schema: schemas/shop.sql, tables: [customers], subjects: 10}")
    cases = [
        (["scan", "members.sql", "--output", "members.sql"], schema),
        (["scan", ".", "--sample", "members=members.sql", "-o", "./members.sql"], schema),
        (["check", "members.sql", "-o", "members.sql"], schema),
        (["assess", "transfer.yaml", "-o", "transfer.yaml"], manifest),
        (["assess", "transfer.yaml", "-o", "schemas/shop.sql"], work / "schemas" / "shop.sql"),
    ]
    for args, victim in cases:
        before = victim.read_bytes()
        done = dataflow(*args, cwd=work)
        assert done.returncode == 2, args
        assert "--output names a file that is read as input" in done.stderr, args
        assert victim.read_bytes() == before, args


def _non_utf8_folder(work: Path) -> Path:
    folder = work / "schemas"
    folder.mkdir(exist_ok=True)
    (folder / os.fsdecode(b"members-\xff\xfe.sql")).write_text(DDL, encoding="utf-8")
    return folder


def test_file_names_that_are_not_utf8_are_escaped_in_every_format(work: Path) -> None:
    _non_utf8_folder(work)
    for fmt in ("json", "sarif", "table", "markdown"):
        for to_file in (False, True):
            args = ["scan", "schemas", "--format", fmt] + (["-o", f"r.{fmt}"] if to_file else [])
            done = dataflow(*args, cwd=work)
            assert done.returncode == 0, (fmt, done.stderr)
            assert "internal error" not in done.stderr
            text = (work / f"r.{fmt}").read_text(encoding="utf-8") if to_file else done.stdout
            if fmt == "sarif":
                assert "members-%FF%FE.sql" in text
                json.loads(text)
            else:
                assert "members-\\udcff\\udcfe.sql" in text
            if fmt == "json":
                path = json.loads(text)["datasets"][0]["source"]["path"]
                assert os.fsencode(path) == b"schemas/members-\xff\xfe.sql"


def _previous_report(work: Path) -> tuple[Path, bytes]:
    report = work / "report.json"
    report.write_text('{"previous": "report"}\n', encoding="utf-8")
    return report, report.read_bytes()


def test_a_write_cut_short_leaves_the_previous_report(work: Path) -> None:
    """The write fails half-way (over the file-size limit, as on a full disk)."""
    (work / "members.sql").write_text(DDL, encoding="utf-8")
    report, before = _previous_report(work)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

    done = dataflow(
        "scan", "members.sql", "-f", "json", "-o", "report.json", cwd=work, preexec_fn=limit
    )
    assert done.returncode == 2
    assert "error: report.json: cannot write output: File too large" in done.stderr
    assert report.read_bytes() == before
    assert not [p.name for p in work.iterdir() if p.name.endswith(".tmp")]
    complete = dataflow("scan", "members.sql", "-f", "json", "-o", "report.json", cwd=work)
    assert complete.returncode == 0
    assert json.loads(report.read_text(encoding="utf-8"))["datasets"][0]["name"] == "members"


def test_an_output_file_survives_a_sigkill_mid_run(work: Path) -> None:
    data = work / "people.csv"
    with data.open("w", encoding="utf-8") as handle:
        handle.write("mobile,email,note\n")
        for i in range(300_000):
            handle.write(f"13{i % 10}{i:08d},user{i}@example.com,row {i}\n")
    report, before = _previous_report(work)
    env = dict(os.environ, LANG="C.UTF-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dataflow",
            "scan",
            "people.csv",
            "--full",
            "-f",
            "json",
            "-o",
            "report.json",
        ],
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        reading = False
        while process.poll() is None and not reading:  # until the scan reads the data
            try:
                fds = os.listdir(f"/proc/{process.pid}/fd")
                reading = any(
                    os.readlink(f"/proc/{process.pid}/fd/{fd}") == str(data) for fd in fds
                )
            except OSError:
                pass
            time.sleep(0.01)
        assert reading, "the scan finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert report.read_bytes() == before
