"""The pre-commit hook, driven by the real ``pre-commit`` tool in a temporary git repository.

The repository's ``.pre-commit-config.yaml`` points at a clone of this checkout's HEAD; pre-commit
installs dataflow from it into a fresh hook environment (pip, from PyPI) and runs the
``dataflow-check`` hook of ``.pre-commit-hooks.yaml`` on ``git commit``: a commit that adds a
phone column is refused; after ``dataflow baseline update`` the same commit goes through.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO_ROOT

pytestmark = [pytest.mark.precommit, pytest.mark.slow]

DDL = "CREATE TABLE members (\n  id BIGINT PRIMARY KEY COMMENT '主键'\n);\n"
DDL_PHONE = DDL.replace("'主键'\n", "'主键',\n  mobile VARCHAR(20) COMMENT '手机号码'\n")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _pre_commit() -> str:
    exe = Path(sys.executable).with_name("pre-commit")
    if exe.exists():
        return str(exe)
    found = shutil.which("pre-commit")
    if found is None:
        pytest.skip("pre-commit is not installed (pip install 'dataflow[test]')")
    return found


def test_commit_with_a_new_phone_column_is_refused_until_accepted(tmp_path: Path) -> None:
    pre_commit = _pre_commit()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), **GIT_ENV)
    env["PATH"] = os.pathsep.join([str(Path(pre_commit).parent), env.get("PATH", "")])

    def run(cmd: list[str], cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=timeout
        )

    hooks = tmp_path / "dataflow-hooks"
    assert run(["git", "clone", "-q", str(REPO_ROOT), str(hooks)], tmp_path).returncode == 0
    rev = run(["git", "rev-parse", "HEAD"], hooks).stdout.strip()

    repo = tmp_path / "schemas-repo"
    repo.mkdir()
    run(["git", "init", "-q"], repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: dataflow-check\n",
        encoding="utf-8",
    )
    (repo / "members.sql").write_text(DDL, encoding="utf-8")
    run(["git", "add", "."], repo)
    installed = run([pre_commit, "install"], repo)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    first = run(["git", "commit", "-q", "-m", "members table"], repo, timeout=1800)
    assert first.returncode == 0, first.stdout + first.stderr

    (repo / "members.sql").write_text(DDL_PHONE, encoding="utf-8")
    run(["git", "add", "members.sql"], repo)
    refused = run(["git", "commit", "-q", "-m", "members get a mobile"], repo, timeout=1800)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "members.mobile" in output and "pi.contact.mobile" in output
    assert "dataflow baseline update" in output

    update = subprocess.run(
        [sys.executable, "-m", "dataflow", "baseline", "update", "--reason", "hotline"],
        cwd=repo,
        env=dict(env, PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert update.returncode == 0, update.stderr
    run(["git", "add", ".dataflow-baseline.yaml", "members.sql"], repo)
    accepted = run(["git", "commit", "-q", "-m", "members get a mobile"], repo, timeout=1800)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    log = run(["git", "log", "--format=%s"], repo).stdout.splitlines()
    assert log == ["members get a mobile", "members table"]
