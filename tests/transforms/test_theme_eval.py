from __future__ import annotations

import numpy as np
import pytest

from tests.transforms.helpers import document
from transforms.records import ThemeScore, Thresholds
from transforms.segment import segment_document
from transforms.theme_eval import CodedUnit, agreement, choose_thresholds, coded_units, score_level
from transforms.themes import Taxonomy, decide, tag_articles


def _unit(gold: set[str], primary: str | None, *ranked: tuple[str, float], cluster: str = "a",
          level: str = "article") -> CodedUnit:
    return CodedUnit(level, cluster, frozenset(gold), primary, tuple(ThemeScore(t, s, ()) for t, s in ranked), True)


def test_decide_makes_the_calls_from_the_best_scores() -> None:
    bounds = np.array([0, 0, 2, 3, 5])
    calls = decide(Thresholds(min_score=0.1, set_share=0.5, mixed_margin=0.25), bounds,
                   np.array([0.8, 0.7, 0.05, 0.9, 0.3]))
    assert calls.primary.tolist() == [-1, 0, -1, 3]  # nothing matched; mixed; under min_score; single
    assert calls.status() == ["none", "mixed", "none", "single"]
    assert np.isnan(calls.margin[0]) and calls.margin[1] == pytest.approx(0.125)
    assert calls.margin[3] == pytest.approx(2 / 3)
    assert calls.carried.tolist() == [True, True, False, True, False]  # 0.3 < 0.5 * 0.9


def test_set_figures_and_primary_accuracy_count_what_they_say() -> None:
    units = [
        _unit({"x", "y"}, "x", ("x", 0.9), ("y", 0.5), cluster="a"),  # set right, primary right
        _unit({"y"}, "y", ("x", 0.9), ("y", 0.2), cluster="b"),  # y under the share: fp 1 (x), fn 1 (y)
        _unit(set(), None, cluster="c"),  # nothing coded, nothing found: right
        _unit({"z"}, "z", ("x", 0.5), ("z", 0.45), cluster="d"),  # mixed; tp 1 (z), fp 1 (x); z is in the top 2
    ]
    s = score_level(units, Thresholds(0.0, 0.5, 0.25), "article")
    assert (s.set_prf.precision, s.set_prf.recall) == (pytest.approx(3 / 5), pytest.approx(3 / 4))
    assert s.primary.value == pytest.approx(2 / 4) and s.top2.value == pytest.approx(4 / 4)
    assert (s.single.n, s.mixed.n) == (2, 1) and s.mixed.value == 0.0
    assert s.per_theme["y"][1] == 2 and s.per_theme["y"][0].recall == pytest.approx(1 / 2)
    assert s.set_f1.low is not None and s.set_f1.high is not None
    assert s.set_f1.low <= s.set_f1.value <= s.set_f1.high
    again = score_level(units, Thresholds(0.0, 0.5, 0.25), "article")
    assert (again.set_f1.low, again.primary.high) == (s.set_f1.low, s.primary.high)  # a fixed seed


def test_the_interval_narrows_as_the_gold_grows() -> None:
    def units(n: int) -> list[CodedUnit]:
        return [_unit({"x"}, "x", ("x", 0.9) if k % 4 else ("y", 0.9), cluster=str(k)) for k in range(n)]

    small = score_level(units(8), Thresholds(), "article").primary
    large = score_level(units(400), Thresholds(), "article").primary
    assert small.high - small.low > 2 * (large.high - large.low)
    assert large.low < 0.75 < large.high


def test_thresholds_are_chosen_for_the_best_set_f1() -> None:
    # Every unit's second theme is coded when it scores at least a third of the best, never below a quarter.
    units = [_unit({"x", "y"}, "x", ("x", 0.9), ("y", 0.35), cluster=str(k)) for k in range(5)]
    units += [_unit({"x"}, "x", ("x", 0.9), ("y", 0.2), cluster=str(k + 5)) for k in range(5)]
    chosen = choose_thresholds(units)
    assert 0.2 / 0.9 < chosen.set_share <= 0.35 / 0.9


def test_coded_units_align_with_the_predicted_units(taxonomy: Taxonomy) -> None:
    text = ("Flood control on the Yangtze\n\nRescue teams reached the flooded villages. Volunteers helped.\n\n"
            "The law on work safety was amended.\n")
    doc = document(text)
    arts = segment_document(doc)
    gold = {"articles": [{"title": "Flood control on the Yangtze", "themes": ["disaster_management"],
                          "primary_theme": "disaster_management", "paragraphs": [
                              {"text": "Rescue teams reached the flooded villages. Volunteers helped.",
                               "themes": ["emergency_response"], "sentences": [
                                   {"text": "Rescue teams reached the flooded villages.", "themes": ["emergency_response"]},
                                   {"text": "Volunteers helped.", "themes": ["social_participation"]}]},
                              {"text": "The law on work safety was amended.", "themes": ["work_safety"]}]}]}
    units = coded_units(doc.text, arts, tag_articles(taxonomy, arts), gold, "doc.txt")
    assert [u.level for u in units] == ["article", "paragraph", "sentence", "sentence", "paragraph"]
    assert all(u.aligned for u in units) and {u.cluster for u in units} == {"doc.txt#0"}
    assert units[3].ranked[0].theme_id == "social_participation"
    assert units[0].gold_primary == "disaster_management" and units[4].gold_primary == "work_safety"


def test_a_coded_unit_with_no_predicted_unit_at_its_place_is_a_miss(taxonomy: Taxonomy) -> None:
    doc = document("Flood control\n\nRescue teams reached the villages.\n")
    arts = segment_document(doc)
    gold = {"articles": [{"title": "Flood control", "themes": ["disaster_management"], "paragraphs": [
        {"text": "teams reached the villages.", "themes": ["emergency_response"]}]}]}
    units = coded_units(doc.text, arts, tag_articles(taxonomy, arts), gold, "doc.txt")
    assert units[0].aligned and not units[1].aligned and units[1].ranked == ()
    with pytest.raises(ValueError, match="gold text not found"):
        coded_units(doc.text, arts, {}, {"articles": [{"title": "Drought", "themes": []}]}, "doc.txt")


def test_agreement_of_two_coders_counts_what_it_says() -> None:
    first = [_unit({"x", "y"}, "x", cluster="a"), _unit({"y"}, "y", cluster="b"), _unit({"x"}, "x", cluster="c"),
             _unit({"z"}, "z", cluster="d"), _unit({"y", "x"}, "y", cluster="e", level="paragraph")]
    second = [_unit({"x"}, "x", cluster="a"), _unit({"y", "z"}, "z", cluster="b"), _unit({"x"}, "x", cluster="c"),
              _unit({"z"}, "z", cluster="d")]
    a = agreement(first, second)
    assert a.articles == 4 and a.primary.value == pytest.approx(3 / 4)
    # chance agreement: x 2/4 * 2/4 + y 1/4 * 0 + z 1/4 * 2/4 = 3/8
    assert a.kappa == pytest.approx((3 / 4 - 3 / 8) / (1 - 3 / 8))
    assert a.set_f1.value == pytest.approx(2 * 4 / (5 + 5))  # 4 themes in common, 5 coded by each
    assert a.primary.low is not None and a.primary.low <= 0.75 <= (a.primary.high or 0)
    identical = agreement(first, first[:4])
    assert (identical.primary.value, identical.kappa, identical.set_f1.value) == (1.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="not of the same articles"):
        agreement(first[:2], second[1:3])
