"""Start-up paths of the CLI: one command registered per run, and the plain ``check`` parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dataflow.commands import command_name
from dataflow.commands.check_core import parse_plain

REPO_ROOT = Path(__file__).resolve().parent.parent.parent

DDL = """CREATE TABLE members (
  id BIGINT PRIMARY KEY,
  mobile VARCHAR(20) COMMENT '手机号',
  status VARCHAR(8)
);
"""


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check", "a.sql"], "check"),
        (["--debug", "negative-list", "show"], "negative-list"),
        (["--help"], None),
        (["--version"], None),
        (["nosuch"], None),
        ([], None),
    ],
)
def test_command_name(argv: list[str], expected: str | None) -> None:
    assert command_name(argv) == expected


def test_parse_plain_reads_every_option() -> None:
    parsed = parse_plain(
        [
            "--debug",
            "check",
            "a.sql",
            "--format=json",
            "-o",
            "out.json",
            "--catalog",
            "x.yaml",
            "--catalog=y.yaml",
            "--lang",
            "zh",
            "--baseline",
            "b.yaml",
            "--schema-format",
            "sql",
            "--config",
            "c.yaml",
            "--",
            "-odd.sql",
        ]
    )
    assert parsed is not None
    debug, params = parsed
    assert debug is True
    assert params == {
        "files": ["a.sql", "-odd.sql"],  # as typed: an empty one is refused later
        "baseline": Path("b.yaml"),
        "fmt": "json",
        "output": Path("out.json"),
        "schema_format": "sql",
        "catalogs": [Path("x.yaml"), Path("y.yaml")],
        "lang": "zh",
        "config": Path("c.yaml"),
    }


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--help"],
        ["check", "a.sql", "--bogus"],
        ["check", "a.sql", "--format"],
        ["check", "a.sql", "-o", "--lang"],
        ["scan", "a.sql"],
        ["check", "a.sql", "-fjson"],
    ],
)
def test_parse_plain_leaves_the_rest_to_the_full_parser(argv: list[str]) -> None:
    assert parse_plain(argv) is None


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", "dataflow", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_console_entry_fast_and_full_paths_agree(tmp_path: Path) -> None:
    (tmp_path / "members.sql").write_text(DDL, encoding="utf-8")
    fast = _run(["check", "members.sql", "--format", "json"], tmp_path)
    # an option spelling the plain parser does not take goes through the full parser
    full = _run(["check", "members.sql", "-fjson"], tmp_path)
    assert fast.returncode == full.returncode == 1, fast.stderr + full.stderr
    assert fast.stdout == full.stdout
    assert '"pi.contact.mobile"' in fast.stdout
    usage = _run(["check", "members.sql", "--bogus"], tmp_path)
    assert usage.returncode == 2
    assert "--bogus" in usage.stderr


def test_plain_check_loads_neither_the_command_line_framework_nor_other_commands(
    tmp_path: Path,
) -> None:
    (tmp_path / "members.sql").write_text(DDL, encoding="utf-8")
    code = (
        "import sys\n"
        "sys.argv = ['dataflow', 'check', 'members.sql']\n"
        "from dataflow.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    status = exc.code\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('presidio_analyzer', 'spacy', 'pyarrow', 'pydantic', 'tabulate', 'typer', 'click', "
        "'rich') "
        "or m in ('dataflow.assess', 'dataflow.commands.assess', 'dataflow.negative_list', "
        "'dataflow.report.formats', 'dataflow.report.table'))\n"
        "print('LOADED', loaded, 'EXIT', status)\n"
    )
    proc = _python(code, tmp_path, dict(os.environ, PYTHONPATH=str(REPO_ROOT)))
    assert proc.stdout.strip().splitlines()[-1] == "LOADED [] EXIT 1", proc.stdout + proc.stderr


def _python(code: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_of_chinese_comments_reads_the_fold_table_from_the_cache(tmp_path: Path) -> None:
    """Traditional characters are folded with a table kept on disk: a second ``check`` finds
    the same, and neither parses YAML nor imports the Avro or JSON Schema readers."""
    ddl = (
        "CREATE TABLE 會員 (\n  id BIGINT PRIMARY KEY,\n  tel VARCHAR(20) COMMENT '電話號碼'\n);\n"
    )
    (tmp_path / "members.sql").write_text(ddl, encoding="utf-8")
    code = (
        "import sys\n"
        "from dataflow.commands.check_core import run_fast\n"
        "status = run_fast(['check', 'members.sql'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'yaml' or m in "
        "('dataflow.readers.avro', 'dataflow.readers.schemarefs', 'dataflow.readers._json'))\n"
        "print('LOADED', loaded, 'EXIT', status)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), DATAFLOW_CACHE_DIR=str(tmp_path / "cache"))
    runs = [_python(code, tmp_path, env) for _ in range(2)]
    first, second = (r.stdout.strip().splitlines() for r in runs)
    assert first[:-1] == second[:-1] and any("tel" in line for line in first), first
    assert first[-1].endswith("EXIT 1"), runs[0].stdout + runs[0].stderr
    assert second[-1] == "LOADED [] EXIT 1", runs[1].stdout + runs[1].stderr
    assert list((tmp_path / "cache").glob("derived-*.pickle"))


# The full command-line parser run on the same arguments as ``python -m dataflow``.
_FULL_PATH = (
    "import sys\n"
    "from dataflow.cli import build_app\n"
    "argv = sys.argv[1:]\n"
    "build_app(argv)(args=argv, prog_name='dataflow')\n"
)


def _both(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[bytes], ...]:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    out = []
    for command in (["-m", "dataflow"], ["-c", _FULL_PATH]):
        out.append(
            subprocess.run(
                [sys.executable, *command, *args],
                cwd=cwd,
                env=env,
                capture_output=True,
                timeout=300,
                check=False,
            )
        )
    return tuple(out)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["check", "members.sql"], 1),
        (["--debug", "check", "members.sql", "--lang", "zh"], 1),
        (["check", "--format=sarif", "members.sql", "ok.sql"], 1),
        (["check", "-f", "markdown", "members.sql", "--baseline", "accepted.yaml"], 0),
        (["check", "members.sql", "broken.sql", "missing.sql", "--format", "json"], 2),
        (["check", "members.sql", "--format", "bogus"], 2),
        (["check", "members.sql", "--lang", "xx"], 2),
        (["check", "members.sql", "--config", "missing.yaml"], 2),
        (["check", ""], 2),
        (["check", "--", "--odd.sql"], 1),
    ],
)
def test_plain_and_full_parser_give_the_same_bytes(
    tmp_path: Path, args: list[str], code: int
) -> None:
    (tmp_path / "members.sql").write_text(DDL, encoding="utf-8")
    (tmp_path / "--odd.sql").write_text(DDL, encoding="utf-8")
    (tmp_path / "ok.sql").write_text("CREATE TABLE t (id INT, status INT);\n", encoding="utf-8")
    (tmp_path / "broken.sql").write_text("CREATE TABLE (((;\n", encoding="utf-8")
    (tmp_path / "accepted.yaml").write_text(
        "schema_version: 1\naccepted:\n  - file: members.sql\n    pointer: members.mobile\n"
        "    element: pi.contact.mobile\n    grade: general-3\n    reason: staff hotline\n",
        encoding="utf-8",
    )
    assert parse_plain(args) is not None  # the console entry point takes the plain path
    plain, full = _both(args, tmp_path)
    assert plain.returncode == full.returncode == code, plain.stderr + full.stderr
    assert plain.stdout == full.stdout
    assert plain.stderr == full.stderr
    assert plain.stdout or plain.stderr


def test_plain_and_full_parser_write_the_same_report(tmp_path: Path) -> None:
    (tmp_path / "members.sql").write_text(DDL, encoding="utf-8")
    plain, full = _both(["check", "members.sql", "-f", "json", "-o", "report.json"], tmp_path)
    assert plain.returncode == full.returncode == 1
    assert plain.stderr == full.stderr
    # both runs wrote the same file in turn: compare the second with a third plain run
    first = (tmp_path / "report.json").read_bytes()
    again, _ = _both(["check", "members.sql", "-f", "json", "-o", "report.json"], tmp_path)
    assert again.returncode == 1
    assert (tmp_path / "report.json").read_bytes() == first
    assert b'"pi.contact.mobile"' in first


def test_messages_write_terminal_escapes_out(capsys: pytest.CaptureFixture[str]) -> None:
    """A file name with terminal escapes can neither colour a log nor drive a terminal: the
    escape is written out, on a terminal and off it, so the reviewer sees the name holds one."""
    from dataflow.commands._common import echo, error

    error("bad file \x1b[31mred.sql\x1b[0m")
    echo("plain \x1b[1mbold\x1b[0m\rover")
    captured = capsys.readouterr()
    assert captured.err == "error: bad file \\u001b[31mred.sql\\u001b[0m\n"
    assert captured.out == "plain \\u001b[1mbold\\u001b[0m\\u000dover\n"
