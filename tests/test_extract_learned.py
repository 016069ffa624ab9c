"""The learned kind model: the cues of a date, the perceptron, the shipped weights and the
`--kinds learned` option. Sentences are made up; none is a corpus sentence."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from casetrack.extract import extract
from casetrack.extract.learned import (
    WEIGHTS,
    KindModel,
    features,
    kind_word_in_clause,
    train,
)
from tests.conftest import Cli

ROOT = Path(__file__).resolve().parent.parent
# never trained on, never read
CLEAN = ("heldout2", "heldout20")


def cues(text: str, lang: str = "en", **options: Any) -> list[str]:
    [candidate] = extract(text, lang=lang).candidates
    assert candidate.context is not None
    return features(candidate.context, **options)


def test_cues_are_the_words_around_the_date_and_the_rules_event_words() -> None:
    found = cues("As a result of the inquiry, a grand jury returned an indictment on May 3, 2019.")
    # the nearest words before the date, stemmed, in order; the clause stops at the comma
    assert {"b0:indict", "b1:return", "c:jury", "lang:en"} <= set(found)
    assert "c:inquir" not in found and "b:inquir" in found
    assert {"kbv:indictment", "kcv:indictment", "kb0:indictment", "header:None"} <= set(found)


def test_lexical_cues_leave_out_what_the_rules_compute_and_the_rules_kind_is_opt_in() -> None:
    text = "Il a été condamné le 3 mai 2019 par le tribunal correctionnel."
    found = cues(text, "fr", lexical=True)
    assert {"b0:condam", "a0:tribun", "a1:correc", "lang:fr"} <= set(found)
    assert not [cue for cue in found if cue.startswith(("k", "header:", "rule:"))]
    assert "rule:conviction" in cues(text, "fr", rule_kind="conviction")


def test_rich_cues_read_the_clause_shape_and_are_opt_in() -> None:
    text = "The tribunal, after a long inquiry, finally convicted him on 3 May 2019."
    found = cues(text, rich=True)
    # the clause after the last comma: its first word, its verb, what stands between the
    # event word and the date, and how far
    assert {"s0:finall", "v:convic", "w:him", "gap:1-2", "gapk:1-2:conviction"} <= set(found)
    assert "noclausekind" not in found
    assert not [cue for cue in cues(text) if cue.startswith(("s0:", "v:", "w:", "gap"))]
    bare = cues("The parties met again, and on 3 May 2019 nothing happened.", rich=True)
    assert {"gap:none", "noclausekind"} <= set(bare)


def test_an_event_word_in_the_dates_clause() -> None:
    def context(text: str) -> Any:
        [candidate] = extract(text).candidates
        return candidate.context

    assert kind_word_in_clause(context("He was arrested on 3 May 2019 by the police."))
    assert not kind_word_in_clause(
        context("He was arrested in the morning, and on 3 May 2019 he walked home.")
    )


def test_the_margin_is_the_models_lead_over_the_rules_kind() -> None:
    [candidate] = extract("He was arrested on 3 May 2019 by the police.").candidates
    assert candidate.context is not None and candidate.kind == "arrest"
    weights = {"bias": {"conviction": 1.0}, "b0:arrest": {"arrest": 0.25, "conviction": 2.0}}
    model = KindModel(weights, ("arrest", "conviction"))
    assert model.margin(candidate.context, "arrest") == ("conviction", 2.75)
    assert model.margin(candidate.context, "conviction") == ("conviction", 0.0)
    assert model.margin(candidate.context, "hearing") == ("conviction", 3.0)  # not a kind of it
    rich = train(
        [(["bias", "b0:arrest"], "arrest"), (["bias", "b0:convic"], "conviction")], rich=True
    )
    assert KindModel.from_dict(json.loads(json.dumps(rich.to_dict({})))).rich


def test_the_perceptron_learns_made_up_cases_and_is_deterministic() -> None:
    examples = [
        (["bias", "b0:arrest", "lang:en"], "arrest"),
        (["bias", "b0:interp", "lang:fr"], "arrest"),
        (["bias", "b0:condam", "lang:fr"], "conviction"),
        (["bias", "b0:convic", "lang:en"], "conviction"),
        (["bias", "b0:indict", "b1:return"], "indictment"),
        (["bias", "b0:hearin", "a0:held"], "hearing"),
    ] * 3
    model = train(examples)
    assert model == train(examples)
    read_back = KindModel.from_dict(json.loads(json.dumps(model.to_dict({}))))
    clear = (("b0:condam", "conviction"), ("b0:indict", "indictment"), ("a0:held", "hearing"))
    for cue, kind in clear:
        for weighed in (model, read_back):
            scores = weighed.scores(["bias", cue])
            assert max(weighed.kinds, key=scores.__getitem__) == kind


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("As a result of the investigation, a grand jury returned an indictment on May 3, 2019.",
         "en", "indictment"),
        ("Il a été condamné le 3 mai 2019 par le tribunal correctionnel.", "fr", "conviction"),
        ("He was arrested on 3 May 2019 by the police.", "en", "arrest"),
        ("He was sentenced on 3 May 2019 to ten years in prison.", "en", "sentencing"),
        ("He filed a complaint on 3 May 2019.", "en", "complaint"),
        ("The hearing took place on 3 May 2019.", "en", "hearing"),
    ],
)  # fmt: skip
def test_the_shipped_model_labels_clear_cases(text: str, lang: str, kind: str) -> None:
    [candidate] = extract(text, lang=lang, learned=True).candidates
    assert candidate.kind == kind


def test_the_rules_stay_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """extract() never reads the model unless asked: the kinds are the rules' alone."""
    text = "Il a été mis en examen le 3 mai 2019."

    def unread() -> KindModel:
        raise AssertionError("the model was read")

    monkeypatch.setattr("casetrack.extract.shipped", unread)
    assert [c.kind for c in extract(text, lang="fr").candidates] == ["charge"]
    model = KindModel({"bias": {"other": 1.0}}, ("charge", "other"))
    assert [c.kind for c in extract(text, lang="fr", learned=model).candidates] == ["other"]


def _trainer() -> Any:
    path = ROOT / "scripts" / "train_kinds.py"
    spec = importlib.util.spec_from_file_location("train_kinds", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_kinds", module)
    spec.loader.exec_module(module)
    return module


def trained_on(weights: str, script: str) -> dict[str, Any]:
    """The record of a weights file, checked against the corpus: trained on spent splits only,
    with the training texts and annotations as they are now."""
    trainer = _trainer()
    recorded: dict[str, Any] = json.loads(
        (ROOT / "casetrack" / "extract" / weights).read_text(encoding="utf-8")
    )
    assert recorded["splits"] == list(trainer.TRAINING)
    assert not set(trainer.TRAINING) & set(CLEAN)
    retrain = f"the training corpus changed: python scripts/{script}, then commit the weights"
    assert recorded["corpus"] == trainer.corpus_digest(), retrain
    return recorded


def test_the_weights_were_trained_on_the_corpus_as_it_is_and_on_spent_splits_only() -> None:
    """Fails when a training text or annotation changed since the weights were written: run
    python scripts/train_kinds.py and commit casetrack/extract/kind_weights.json."""
    trained_on(WEIGHTS, "train_kinds.py")


def test_extract_kinds_learned_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("He was arrested on 3 May 2019 by the police.\n", encoding="utf-8")
    listed = json.loads(cli("extract", str(report), "--kinds", "learned", "-f", "json").stdout)
    assert [c["kind"] for c in listed["candidates"]] == ["arrest"]
    refused = cli("extract", str(report), "--kinds", "lerned", code=2)
    assert "learned" in refused.stderr


def test_every_weights_file_is_packaged() -> None:
    """An install from a wheel holds only the data files pyproject names: a weights file left
    out would make its option fail everywhere but in a checkout."""
    import fnmatch
    import tomllib

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["casetrack.extract"]
    shipped = sorted(p.name for p in (root / "casetrack" / "extract").glob("*.json"))
    assert {"keep_weights.json", "kind_weights.json"} <= set(shipped)
    assert [n for n in shipped if not any(fnmatch.fnmatch(n, p) for p in patterns)] == []
