"""Screenshots and rendered DOMs of local pages with headless Chromium, when it is installed.

Used by the example generator and the rendering tests; casetrack itself never needs it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

# Flags that keep Chromium from phoning home or needing a display, so runs are offline and quiet.
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def find_chromium() -> str | None:
    """Path of a Chromium binary on PATH, or None."""
    return next(
        (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
    )


def _chromium(page: Path | str, *flags: str) -> str:
    """Run headless Chromium on a local page (or an http URL) with extra flags; its stdout."""
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not on PATH (Debian: apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [binary, *_FLAGS, f"--user-data-dir={profile}", *flags, _address(page)],
            check=True, capture_output=True, timeout=120, text=True,
        )  # fmt: skip
    return done.stdout


def screenshot(page: Path, out: Path, *, width: int = 1200, height: int = 900) -> None:
    """Render page (a local HTML or SVG file) into out (PNG) at the given window size."""
    _chromium(page, f"--screenshot={out.resolve()}", f"--window-size={width},{height}")
    if not out.exists():
        raise RuntimeError(f"chromium did not write {out}")


def dump_dom(page: Path | str, *, wait_ms: int = 5000) -> str:
    """The page's DOM after its scripts ran (virtual time lets their timers finish); a page
    is a local file or an http URL (a server under test)."""
    return _chromium(page, f"--virtual-time-budget={wait_ms}", "--dump-dom")


def _address(page: Path | str) -> str:
    return page if isinstance(page, str) else page.resolve().as_uri()
