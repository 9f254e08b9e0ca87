"""Headless Chromium (the Debian ``chromium`` package) for the HTML report tests.

Each call starts a fresh browser with its own profile directory and no network: background
services off, every host name unresolvable and a proxy that goes nowhere. Console messages
(``console.*`` calls, script errors, Content-Security-Policy violations, failed loads) are
logged by Chromium to stderr as ``CONSOLE`` lines; ``Page.console`` lists them.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=socks5://127.0.0.1:9",
    "--enable-logging=stderr",
    "--v=0",
    "--hide-scrollbars",
)


def chromium() -> str | None:
    """The browser executable, or ``None`` when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass(frozen=True)
class Page:
    """What the browser made of a file: the DOM after scripts ran, and the console lines."""

    output: str
    console: tuple[str, ...]


def _run(path: Path, action: list[str], window: str = "1280,2000") -> Page:
    exe = chromium()
    assert exe is not None
    with tempfile.TemporaryDirectory(prefix="dataflow-chromium-") as profile:
        proc = subprocess.run(
            [
                exe,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={window}",
                *action,
                path.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = tuple(line for line in proc.stderr.splitlines() if ":CONSOLE" in line)
    return Page(proc.stdout, console)


def dump_dom(path: Path) -> Page:
    """The serialised DOM of ``path`` once its scripts ran."""
    return _run(path, ["--dump-dom"])


def screenshot(path: Path, png: Path, window: str = "1280,2000") -> Page:
    """A PNG of the page's first ``window`` pixels."""
    return _run(path, [f"--screenshot={png}"], window)


def print_pdf(path: Path, pdf: Path) -> Page:
    """The page printed to PDF (the print style sheet applies)."""
    return _run(path, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"])


def png_stats(png: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct pixel byte values of a PNG (8-bit RGB/RGBA)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    return width, height, len(set(raw))
