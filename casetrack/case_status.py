"""Where a case stands: the one vocabulary of case statuses, which `case add/edit --status`
takes, `case list --status` filters by, and the store allows (schema.m029_case_statuses).
Light enough for the command line to name them in its help without slowing its start."""

from __future__ import annotations

from casetrack.text import check_choice, clean_text

# In the order a matter goes.
CASE_STATUSES = ("open", "stayed", "on appeal", "settled", "closed")
# A matter that is over: its deadlines leave `upcoming` unless asked for (--all).
ENDED_STATUSES = ("settled", "closed")
# Other ways of typing them (as name_key folds them).
CASE_STATUS_SPELLINGS = {
    "on-appeal": "on appeal",
    "on_appeal": "on appeal",
    "appeal": "on appeal",
    "appealed": "on appeal",
    "stay": "stayed",
}


def case_status(text: str) -> str:
    """The case status `text` names, in any case or spacing; else a refusal naming the
    closest."""
    return check_choice(clean_text(text), CASE_STATUSES, "case status", CASE_STATUS_SPELLINGS)
