from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from transforms.batches import cut, process_batch
from transforms.records import FileRef, RawFile, RejectReason
from transforms.themes import Taxonomy


@given(st.lists(st.integers(min_value=0, max_value=50)), st.integers(min_value=1, max_value=100))
def test_cut_keeps_order_and_bounds_each_group(sizes: list[int], limit: int) -> None:
    files = [FileRef(f"{i:03d}.txt", "", n) for i, n in enumerate(sizes)]
    groups = cut(files, limit)
    assert [f for g in groups for f in g] == files
    assert all(g for g in groups)
    for g in groups:  # over the limit only when one file alone is larger
        assert sum(f.n_bytes for f in g) <= limit or len(g) == 1


def test_a_batch_keeps_documents_and_rejections_apart(taxonomy: Taxonomy) -> None:
    text = (SAMPLE / "raw" / "emergency_management_work_conference_commentary_en.txt").read_bytes()
    result = process_batch([RawFile("a.txt", text), RawFile("b.bin", b"\x00\x01\x02" * 100),
                            RawFile("c.txt", b"   \n")], taxonomy)
    assert list(result.tables) == ["a.txt"]
    assert result.tables["a.txt"]["articles"].num_rows == 3
    assert {r.path: r.reason for r in result.rejected} == {"b.bin": RejectReason.BINARY,
                                                            "c.txt": RejectReason.EMPTY}
    assert result.n_bytes == len(text) + 300 + 4
