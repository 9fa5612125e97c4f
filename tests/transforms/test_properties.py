"""Invariants that hold for any input: offsets point into the text, sentences tile their paragraph, ids are
unique and stable, and editing one article leaves the other articles' ids alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.helpers import assert_offsets, document
from transforms.decoding import read_document
from transforms.records import Article, Document, RawFile, count_words, count_words_each
from transforms.segment import segment_document, segment_lines

WORDS = st.sampled_from(
    ["risk", "Safety", "the", "grassroots", "U.S.", "No.", "2.5", "Dr.", "“quoted”", "system", "应急", "flood",
     "periodThe", "mission?Without", "......It", "roots;Those", "-", "—", "(", ")", "3.5%", "e.g."]
)
END = st.sampled_from([".", "?", "!", "。", "...", '."', ""])
SENTENCE = st.builds(lambda ws, e: " ".join(ws) + e, st.lists(WORDS, min_size=1, max_size=12), END)
PARAGRAPH = st.builds(
    lambda marker, ss: marker + " ".join(ss),
    st.sampled_from(["", "", "-- ", "- ", "– ", "——", "— "]),
    st.lists(SENTENCE, min_size=1, max_size=5),
)
ARTICLE = st.builds(
    lambda title, series, paras, byline: "\n".join(
        [title, *([f"-- {series}"] if series else []), *paras, *([f"Writer: {byline})."] if byline else [])]
    ),
    st.lists(st.sampled_from(["Build", "a", "safer", "Country", "Emergency", "Work"]), min_size=1, max_size=8)
    .map(" ".join),
    st.one_of(st.none(), st.just("On studying the conference")),
    st.lists(PARAGRAPH, min_size=1, max_size=6),
    st.one_of(st.none(), st.sampled_from(["Zhang Nan", "Li Wei"])),
)
CORPUS = st.builds(
    lambda arts, sep, crlf: (sep.join(arts)).replace("\n", "\r\n" if crlf else "\n"),
    st.lists(ARTICLE, min_size=1, max_size=4),
    st.sampled_from(["\n", "\n\n"]),
    st.booleans(),
)


def _check_units(arts: tuple[Article, ...]) -> None:
    ids = [a.article_id for a in arts]
    ids += [p.paragraph_id for a in arts for p in a.paragraphs]
    ids += [s.sentence_id for a in arts for s in a.sentences]
    assert len(ids) == len(set(ids))
    for a in arts:
        for p in a.paragraphs:
            assert p.sentences, "every paragraph has a sentence"
            # sentences tile the paragraph: in order, not overlapping, and only white space between them
            pos = p.char_start
            for s in p.sentences:
                assert s.char_start >= pos
                pos = s.char_end
            covered = "".join(s.text for s in p.sentences)
            assert "".join(covered.split()) == "".join(p.text.split())


@settings(max_examples=200, deadline=None)
@given(CORPUS)
def test_offsets_and_tiling_hold_for_generated_layouts(text: str) -> None:
    doc = document(text)
    arts = segment_document(doc)
    assert arts
    assert_offsets(doc, arts)
    _check_units(arts)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_segments_without_crashing(text: str) -> None:
    if not text.strip() or "\x00" in text:
        return
    decoded = read_document(RawFile("doc.txt", text.encode("utf-8")))
    if not isinstance(decoded, Document):  # e.g. only a byte-order mark: empty once decoded, and rejected so
        return
    arts = segment_document(decoded)
    assert_offsets(decoded, arts)
    _check_units(arts)


@settings(max_examples=100, deadline=None)
@given(CORPUS, st.sampled_from(["a.txt", "sub/dir/b.txt"]))
def test_ids_are_stable_across_runs(text: str, path: str) -> None:
    first = segment_document(document(text, path))
    again = segment_document(document(text, path))
    assert first == again


# Lines of the shapes the structural parser reads apart: Markdown headings and bold lines, labels, bullets,
# bylines, dates, empty fields, credits, read-more links.
PAGE_LINE = st.one_of(
    SENTENCE,
    SENTENCE.map(lambda s: f"**{s}**"),
    SENTENCE.map(lambda s: f"# {s}"),
    st.sampled_from(["**MS. PEARSON:**", "**Date:**", "__Background__", "• Callum Godde", "By Li Wei", "Q:",
                     "May 31, 2022", "Source:", "(Xinhua)", "Text of a teaser Read more…", "  indented line",
                     "Headline, By Wole Soyinka", "Disaster Dave", "Skip to content", "*"]),
)
PAGE = st.builds(lambda lines, sep: sep.join(lines), st.lists(PAGE_LINE, min_size=1, max_size=12),
                 st.sampled_from(["\n", "\n\n"]))


@settings(max_examples=200, deadline=None)
@given(PAGE)
def test_every_line_role_spans_whole_lines(text: str) -> None:
    doc = document(text)
    arts, roles = segment_lines(doc)
    assert_offsets(doc, arts)
    starts, ends = [], []
    pos = 0
    for raw in doc.text.split("\n"):
        if raw.strip():
            starts.append(pos + len(raw) - len(raw.lstrip()))
            ends.append(pos + len(raw.rstrip()))
        pos += len(raw) + 1
    # in order, each from the start of a line to the end of a line (a hard-wrapped paragraph spans several), and
    # together covering every non-blank line
    assert [r.char_start for r in roles] == sorted(r.char_start for r in roles)
    assert all(r.char_start in starts and r.char_end in ends for r in roles)
    covered = {i for r in roles for i, s in enumerate(starts) if r.char_start <= s < r.char_end}
    assert covered == set(range(len(starts)))


# Paragraphs that end like sentences, so none of them can be read as a title (and that hold a word: a line of
# punctuation alone, ``-.``, is a separator, no text).
BODY = st.lists(PARAGRAPH.map(lambda p: p.rstrip(".?!。\"") + ".").filter(lambda p: any(map(str.isalnum, p))),
                min_size=1, max_size=4)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(BODY, st.booleans()), min_size=2, max_size=4), st.data())
def test_editing_one_article_keeps_the_other_ids(bodies: list[tuple[list[str], bool]], data: st.DataObject) -> None:
    def corpus(edit: int | None) -> str:
        out = []
        for i, (paragraphs, byline) in enumerate(bodies):
            added = ["An added paragraph that was not there before."] if i == edit else []
            out += [f"Article number {i}", *added, *paragraphs, *(["Writer: Li Wei)."] if byline else [])]
        return "\n".join(out)

    edit = data.draw(st.integers(0, len(bodies) - 1))
    before, after = segment_document(document(corpus(None))), segment_document(document(corpus(edit)))
    titles = [f"Article number {i}" for i in range(len(bodies))]
    assert [a.title for a in before] == [a.title for a in after] == titles
    for i, (a, b) in enumerate(zip(before, after, strict=True)):
        assert a.article_id == b.article_id
        if i != edit:
            assert [s.sentence_id for s in a.sentences] == [s.sentence_id for s in b.sentences]


def _count_words_by_token(text: str) -> int:
    """The definition of count_words, token by token (the product uses two regular expressions)."""
    n = 0
    for token in text.split():
        cjk = sum(1 for ch in token if "\u3400" <= ch <= "\u9fff")
        other = any(ch.isalnum() and not "\u3400" <= ch <= "\u9fff" for ch in token)
        n += cjk + (1 if other else 0)
    return n


@given(st.text(st.sampled_from(list("ab Z9_-–—. \n\t\u3000\u00a0中文国é²½Ⅻ٣\u2028"))) | st.text()
       | st.text(st.characters(max_codepoint=127)))  # ASCII text takes a faster path
def test_count_words_counts_tokens_with_letters_and_each_cjk_character(text: str) -> None:
    assert count_words(text) == _count_words_by_token(text)


@settings(max_examples=300)
@given(st.lists(st.text(st.sampled_from(list("ab Z9_-.,'\"() \n\t\x0b\x0c\r\x1c\x1f\x00\x7f"))) |
                st.text(st.characters(max_codepoint=127)), max_size=12)
       | st.lists(st.text(st.sampled_from(list("ab 9-. 中é\u00a0"))), max_size=6))
def test_count_words_each_counts_as_count_words_does(texts: list[str]) -> None:
    # ASCII texts take the joined path; a NUL or a non-ASCII character in any text, the one-by-one path.
    assert count_words_each(texts) == [count_words(t) for t in texts] == [_count_words_by_token(t) for t in texts]
