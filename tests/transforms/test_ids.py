from __future__ import annotations

from transforms import ids


def test_ids_are_hierarchical_and_deterministic() -> None:
    doc = ids.document_id("corpus/a.txt")
    assert doc == ids.document_id("corpus/a.txt") and doc.startswith("d-") and len(doc) == 14
    article = ids.article_id(doc, "A  Title", 1)
    assert article.startswith(f"{doc}-a") and article == ids.article_id(doc, "a title", 1)  # normalised title
    assert ids.article_id(doc, "A title", 2) == f"{article}.2"
    paragraph = ids.paragraph_id(article, 3)
    assert paragraph == f"{article}-p003"
    assert ids.sentence_id(paragraph, 1) == f"{paragraph}-s001"



def test_ids_of_ordinals_past_the_suffixes_made_once_have_the_same_form() -> None:
    for ordinal in (0, 7, 999, 1000, 1234):
        assert ids.paragraph_id("a", ordinal) == f"a-p{ordinal:03d}"
        assert ids.sentence_id("a-p001", ordinal) == f"a-p001-s{ordinal:03d}"
        assert ids.line_id("d-1", ordinal) == f"d-1-l{ordinal:05d}"
