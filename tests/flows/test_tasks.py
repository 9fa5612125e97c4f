"""What the flow's tasks are given: parameters that Prefect walks safely."""

from __future__ import annotations

from typing import Any

from prefect.utilities.collections import visit_collection

from transforms.themes import Taxonomy, score_texts


def test_prefect_does_not_walk_into_a_taxonomys_caches(taxonomy: Taxonomy) -> None:
    # Prefect walks mappings and dataclasses among a task's parameters to find futures. A taxonomy's caches grow
    # while tasks on other threads tag (the threads runner): walking them raised "dictionary changed size during
    # iteration" in a threads run, so they must be out of its reach. (The matcher remembers the rules of each
    # token that starts a match in a text read one by one: this text is, for its double space.)
    score_texts(taxonomy, ["Hidden dangers must be investigated to  prevent accidents."])
    cache = taxonomy.matcher._seen
    assert cache  # the cache is warm
    seen: list[Any] = []
    visit_collection({"taxonomy": taxonomy}, visit_fn=lambda x: seen.append(x) or x, return_data=False)
    assert any(x is taxonomy for x in seen)
    assert not any(x is cache for x in seen)
    assert not any(isinstance(x, dict) and set(x) & set(cache) for x in seen)
