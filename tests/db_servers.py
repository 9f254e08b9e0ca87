"""Real PostgreSQL and MariaDB servers for the database tests, each on a private port and folder.

PostgreSQL comes from the ``initdb``/``pg_ctl`` binaries (run as the ``postgres`` user when the
tests run as root); MariaDB from ``mariadb-install-db``/``mariadbd`` (``.ci/run`` installs the
Debian package). Both listen on 127.0.0.1 only and are stopped and deleted at the end. Without
the binaries the tests are skipped, except under CI (``CI`` set), where that is a failure.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER_PASSWORD = "Sup3r-secret-pw"  # a test password: it must never appear in any output


@dataclass(frozen=True)
class Server:
    """A running server: how to reach it as its superuser."""

    kind: str  # postgresql | mariadb
    host: str
    port: int
    user: str
    password: str

    def url(self, database: str, user: str | None = None, password: str | None = None) -> str:
        scheme = "postgresql" if self.kind == "postgresql" else "mariadb"
        who = user or self.user
        secret = self.password if password is None else password
        auth = f"{who}:{secret}" if secret else who
        return f"{scheme}://{auth}@{self.host}:{self.port}/{database}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _missing(what: str) -> None:
    message = f"{what} not installed (CI installs it: see .ci/run)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _wait_port(port: int, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not start")


@contextlib.contextmanager
def postgres() -> Iterator[Server]:
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        _missing("PostgreSQL (initdb, pg_ctl)")
    assert initdb is not None and pg_ctl is not None
    base = Path(tempfile.mkdtemp(prefix="dataflow-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    os.chmod(base, 0o700)
    pwfile = base / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD, encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(pwfile, "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres(
            [
                initdb,
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=scram-sha-256",
                f"--pwfile={pwfile}",
                "-E",
                "UTF8",
                "--locale=C",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_postgres(
            [pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        _wait_port(port)
        yield Server("postgresql", "127.0.0.1", port, "postgres", SUPERUSER_PASSWORD)
    finally:
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def mariadb() -> Iterator[Server]:
    install = shutil.which("mariadb-install-db") or shutil.which("mysql_install_db")
    daemon = shutil.which("mariadbd") or shutil.which("mysqld")
    if daemon is None and os.path.exists("/usr/sbin/mariadbd"):
        daemon = "/usr/sbin/mariadbd"
    if install is None or daemon is None:
        _missing("MariaDB (mariadb-install-db, mariadbd)")
    assert install is not None and daemon is not None
    base = Path(tempfile.mkdtemp(prefix="dataflow-maria-"))
    data = base / "data"
    user = ["--user=root"] if os.geteuid() == 0 else []
    subprocess.run(
        [install, f"--datadir={data}", "--auth-root-authentication-method=normal", *user],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    proc = subprocess.Popen(
        [
            daemon,
            "--no-defaults",
            f"--datadir={data}",
            f"--socket={base / 'sock'}",
            f"--port={port}",
            "--bind-address=127.0.0.1",
            f"--pid-file={base / 'pid'}",
            "--skip-log-bin",
            "--skip-name-resolve",
            "--innodb-buffer-pool-size=64M",
            "--character-set-server=utf8mb4",
            *user,
        ],
        stdout=subprocess.DEVNULL,
        stderr=open(base / "log", "wb"),  # noqa: SIM115 - closed with the process
    )
    try:
        _wait_port(port)
        subprocess.run(
            [
                shutil.which("mariadb") or shutil.which("mysql") or "mariadb",
                "--no-defaults",
                f"--socket={base / 'sock'}",
                "-uroot",
                "-e",
                f"CREATE USER 'admin'@'%' IDENTIFIED BY '{SUPERUSER_PASSWORD}'; "
                "GRANT ALL ON *.* TO 'admin'@'%' WITH GRANT OPTION;",
            ],
            check=True,
            capture_output=True,
        )
        yield Server("mariadb", "127.0.0.1", port, "admin", SUPERUSER_PASSWORD)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(base, ignore_errors=True)
