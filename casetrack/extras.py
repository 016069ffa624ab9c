"""How to add an optional extra (`serve`, `replicate`) to the casetrack installed here.

casetrack is installed from a clone (`pip install -e .`, `pipx install .`) as often as from a
package index, and an index may hold no casetrack at all, or another project's: the pip line a
message gives installs the extra from where this casetrack came from, the folder when it was a
folder (as pip records in the distribution's direct_url.json, PEP 610).
"""

from __future__ import annotations

import json
import shlex
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from casetrack.errors import CasetrackError


def missing_extra(needs: str, extra: str) -> CasetrackError:
    """The refusal of a command whose extra is not installed (`casetrack serve`, `casetrack
    replica`), one line for both: what it `needs`, then the line that adds the extra to this
    casetrack, as a user would otherwise guess it from a package index that may hold none."""
    return CasetrackError(f"{needs}: {install_command(extra)}")


def install_command(extra: str) -> str:
    """The pip command that adds `extra` to this casetrack: `pip install -e '/src[serve]'`
    for an editable install from /src, `pip install '/src[serve]'` for one made from that
    folder, else `pip install 'casetrack[serve]'`; in an environment pipx made (`pipx
    install .`, which the README offers), where `pip` is not that environment's, `pipx
    install --force` with the same words."""
    tool = (
        "pipx install --force"
        if (Path(sys.prefix) / "pipx_metadata.json").is_file()
        else "pip install"
    )
    # Every casetrack on the path, the installed one among them: run in a source tree, the
    # tree's own casetrack.egg-info comes first, and records nothing of where it came from.
    recorded = (
        dist.read_text("direct_url.json") for dist in metadata.distributions(name="casetrack")
    )
    try:
        origin = json.loads(next((text for text in recorded if text), "{}"))
    except ValueError:
        origin = {}
    if not isinstance(origin, dict):
        origin = {}
    url = urlsplit(str(origin.get("url", "")))
    if url.scheme != "file" or "vcs_info" in origin:
        return f"{tool} {shlex.quote(f'casetrack[{extra}]')}"
    editable = "-e " if origin.get("dir_info", {}).get("editable") else ""
    return f"{tool} {editable}{shlex.quote(f'{unquote(url.path)}[{extra}]')}"
