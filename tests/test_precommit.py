"""The pre-commit hook, driven by the real ``pre-commit`` tool against a temporary git repo.

``pre-commit try-repo`` installs dataflow from this checkout into a fresh hook environment
(pip, from PyPI) and runs the ``dataflow-check`` hook of ``.pre-commit-hooks.yaml``: a commit
that adds a phone column is refused; after ``dataflow baseline update`` it passes.
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


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).with_name("pre-commit")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pre-commit")
    if found is None:
        pytest.skip("pre-commit is not installed (pip install 'dataflow[test]')")
    return [found]


GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
}


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        env=dict(os.environ, **GIT_ENV),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_hook_refuses_a_new_phone_column_until_it_is_accepted(tmp_path: Path) -> None:
    pre_commit = _pre_commit()
    repo = tmp_path / "schemas-repo"
    repo.mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), **GIT_ENV)
    _git(repo, "init", "-q")
    (repo / "members.sql").write_text(DDL, encoding="utf-8")
    _git(repo, "add", "members.sql")
    assert _git(repo, "commit", "-q", "-m", "members table").returncode == 0

    (repo / "members.sql").write_text(DDL_PHONE, encoding="utf-8")
    _git(repo, "add", "members.sql")

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*pre_commit, "try-repo", str(REPO_ROOT), "dataflow-check", "--files", "members.sql"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=1800,
        )

    refused = hook()
    output = refused.stdout + refused.stderr
    assert refused.returncode == 1, output
    assert "members.mobile" in output and "pi.contact.mobile" in output

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
    assert (repo / ".dataflow-baseline.yaml").is_file()
    _git(repo, "add", ".dataflow-baseline.yaml", "members.sql")

    accepted = hook()
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert _git(repo, "commit", "-q", "-m", "members get a mobile").returncode == 0
