"""Rebuild an evaluation set's schema files from pinned commits of public repositories.

Usage::

    python bench/eval_rebuild.py bench/eval/tuning OUT_DIR [--mirror-root DIR]

An evaluation set is a folder with ``sources.tsv`` and ``labels.txt`` (see ``eval_metadata.py``).
``sources.tsv`` has one file a line, tab-separated, after a header line::

    repo    commit    path    local    sha256

``repo`` is ``owner/name`` on GitHub, ``commit`` the full commit id, ``path`` the file in that
commit, ``local`` where it goes under ``OUT_DIR`` (its first folder is the *project*: files of one
project are scanned together, as a schema repository is), ``sha256`` the digest of the file as
labelled. Files come from a local bare mirror when one exists (``DIR/owner+name/...``, any git
directory below it), else from a blob-less clone of ``https://github.com/OWNER/NAME`` kept in
``OUT_DIR/.git-cache``. A file whose digest differs is reported and not written, so labels never
silently apply to other content. The fetched files are not part of the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path


def read_sources(set_dir: Path) -> list[dict[str, str]]:
    """The rows of ``sources.tsv`` (header line first; ``#`` lines and blank lines skipped)."""
    lines = [
        line
        for line in (set_dir / "sources.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def _git_dir(repo: str, mirror_root: Path | None, cache: Path) -> Path | None:
    """The git directory holding ``repo`` (a mirror's, else a blob-less clone in ``cache``);
    None when neither can be had (the clone's error is printed)."""
    if mirror_root is not None:
        base = mirror_root / repo.replace("/", "+")
        if base.is_dir():
            for head in sorted(base.rglob("HEAD")):
                if (head.parent / "objects").is_dir():
                    return head.parent
    target = cache / repo.replace("/", "+")
    if not target.exists():
        done = subprocess.run(
            ["git", "clone", "--bare", "--filter=blob:none", f"https://github.com/{repo}", target],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            reason = done.stderr.strip().splitlines()[-1:] or ["git clone failed"]
            print(f"unavailable: {repo}: {reason[0]}")
            return None
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--mirror-root", type=Path, default=None)
    args = parser.parse_args(argv)

    cache = args.out_dir / ".git-cache"
    cache.mkdir(parents=True, exist_ok=True)
    bad = 0
    git_dirs: dict[str, Path | None] = {}
    for row in read_sources(args.set_dir):
        if row["repo"] not in git_dirs:
            git_dirs[row["repo"]] = _git_dir(row["repo"], args.mirror_root, cache)
        git_dir = git_dirs[row["repo"]]
        if git_dir is None:  # the rest of the set is still rebuilt
            print(
                f"missing: {row['repo']}@{row['commit'][:12]}:{row['path']}: repository unavailable"
            )
            bad += 1
            continue
        try:
            blob = subprocess.run(
                ["git", "--git-dir", str(git_dir), "show", f"{row['commit']}:{row['path']}"],
                check=True,
                capture_output=True,
            ).stdout
        except subprocess.CalledProcessError as exc:
            print(f"missing: {row['repo']}@{row['commit'][:12]}:{row['path']}: {exc.stderr!r}")
            bad += 1
            continue
        digest = hashlib.sha256(blob).hexdigest()
        if digest != row["sha256"]:
            print(f"digest differs: {row['local']} ({digest[:12]} != {row['sha256'][:12]})")
            bad += 1
            continue
        out = args.out_dir / row["local"]
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(blob)
    print(f"{args.set_dir.name}: rebuilt into {args.out_dir}, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
