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


def test_a_paragraphs_sentence_ids_are_its_id_and_the_suffixes_of_their_ordinals() -> None:
    for n in (0, 1, 999, 1000, 1001, 1500):
        suffixes = ids.sentence_suffixes(n)
        assert len(suffixes) >= n
        assert all("p-p002" + suffixes[k] == ids.sentence_id("p-p002", k) for k in range(n))
    assert ids.sentence_id("p-p002", 1234) == "p-p002-s1234"
