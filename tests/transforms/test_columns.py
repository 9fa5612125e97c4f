"""The column helpers against what they stand in for: ``np.lexsort``, and numbering strings in plain Python."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from transforms.columns import lexsort, substring_codes


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 4).flatmap(lambda k: st.integers(0, 40).flatmap(lambda n: st.tuples(*[
    hnp.arrays(np.int64, n, elements=st.integers(-(10**6), 10**6) | st.integers(-3, 3)) for _ in range(k)]))))
def test_lexsort_is_numpys(keys: tuple[np.ndarray, ...]) -> None:
    assert lexsort(keys).tolist() == np.lexsort(keys).tolist()


def test_lexsort_takes_bool_keys_and_falls_back_when_the_ranges_do_not_fit() -> None:
    flags = np.array([True, False, True, False])
    wide = np.array([2**40, -(2**40), 0, 2**40], np.int64)
    keys = (flags, wide, np.array([1, 1, 0, 0]))
    assert lexsort(keys).tolist() == np.lexsort(keys).tolist()
    assert lexsort((np.zeros(0, np.int64),)).tolist() == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab é中\U0001f600"), max_size=20), st.data())
def test_substrings_are_numbered_in_order_of_first_appearance(source: str, data: st.DataObject) -> None:
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(source)), st.integers(0, len(source))).map(sorted),
                               max_size=12))
    start = np.array([s for s, _ in pairs], np.int64)
    end = np.array([e for _, e in pairs], np.int64)
    codes, distinct = substring_codes(source, start, end)
    numbered: dict[str, int] = {}
    expected = [numbered.setdefault(source[s:e], len(numbered)) for s, e in pairs]
    assert codes.tolist() == expected
    assert distinct == list(numbered)
