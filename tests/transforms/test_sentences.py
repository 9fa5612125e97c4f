from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms import sentences as sentences_module
from transforms.sentences import _ARRAY_FROM, _glued_in_array, _glued_in_bytes, glued_capitals, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One thing. Another thing.", ["One thing.", "Another thing."]),
        # machine-translation glitches seen in the sample corpus
        ("a concentrated exposure periodThe frequent floods.", ["a concentrated exposure period", "The frequent floods."]),
        ("a strong sense of mission?Without a deep feeling", ["a strong sense of mission?", "Without a deep feeling"]),
        ("loyally guard ......It is precisely so.", ["loyally guard ......", "It is precisely so."]),
        ('talk about "always rest assured"?To encourage', ['talk about "always rest assured"?', "To encourage"]),
        ("work hard.The end is near.", ["work hard.", "The end is near."]),
        # semicolons and colons never end a sentence
        ("consolidate their roots;Those who want to flow far.", ["consolidate their roots;Those who want to flow far."]),
        ("The plan has three parts: first, prevent.", ["The plan has three parts: first, prevent."]),
        # abbreviations, initials, decimals, figures
        ("It grew 2.5 million in Sept. 2023, or 3.5%. Dr. Li agreed.", ["It grew 2.5 million in Sept. 2023, or 3.5%.", "Dr. Li agreed."]),
        ("Document No. 1 was issued. J. Smith signed it.", ["Document No. 1 was issued.", "J. Smith signed it."]),
        ("The law took effect in Feb. 2024. It applies to mines.", ["The law took effect in Feb. 2024.", "It applies to mines."]),
        ("The plan has two aims: safety and speed. Both matter.", ["The plan has two aims: safety and speed.", "Both matter."]),
        ("Delegates from the U.S. and Japan came.", ["Delegates from the U.S. and Japan came."]),
        ("They met in the U.S. The talks went well.", ["They met in the U.S.", "The talks went well."]),
        # quotes
        ('"We must act now." He left.', ['"We must act now."', "He left."]),
        ('"Stop..." he said. Then silence.', ['"Stop..." he said.', "Then silence."]),
        ('It was over. "Next year," she said, "we start again."', ["It was over.", '"Next year," she said, "we start again."']),
        # sentences starting with a digit; Chinese punctuation
        ("Prices rose. 24 hours later they fell.", ["Prices rose.", "24 hours later they fell."]),
        ("我们要加强预防。隐患排查要到位！怎么办？", ["我们要加强预防。", "隐患排查要到位！", "怎么办？"]),
        # camel-case names and short words are not glued sentences
        ("PetroChina and iPhone users met on WeChat.", ["PetroChina and iPhone users met on WeChat."]),
        ("No final punctuation", ["No final punctuation"]),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_are_trimmed_and_increasing() -> None:
    text = "  First one.   Second one.  "
    spans = split_sentences(text)
    assert spans == [(2, 12), (15, 26)]
    assert all(text[s].strip() and text[e - 1].strip() for s, e in spans)


def test_stray_closing_punctuation_joins_the_sentence_before() -> None:
    assert sentences("It ended. ” ") == ["It ended. ”"]


def test_an_opening_run_of_punctuation_joins_the_sentence_after() -> None:
    # a teaser cut at its start: the ellipsis is no sentence of its own
    assert sentences("…Governor promises urgent action. A flood has cut the road.") == [
        "…Governor promises urgent action.", "A flood has cut the road."]
    assert sentences("… It went on. Then it stopped.") == ["… It went on.", "Then it stopped."]


# The splitter as first written, one rule per line (_ends_sentence), kept as the reference for the inlined one.
# A capital glued to a lower-case word ("periodThe"), as the regular expression the splitter first used.
_CAMEL = re.compile(r"[A-Z](?<=[a-z][A-Z])(?=[a-z])")


def _reference_ends_sentence(text: str, punct: str, start: int, end: int, following: int) -> bool:
    if following >= len(text) or not sentences_module._CJK_TERMINALS.isdisjoint(punct):
        return True
    if following == end:
        nxt = text[end]
        if punct == ".":
            word = sentences_module._word_before(text, start) or ""
            return (
                len(word) >= 2 and word.isalpha() and word.islower()
                and nxt.isupper() and text[end + 1 : end + 2].islower()
            )
        return nxt.isupper() or nxt in sentences_module._OPENING
    nxt = text[following]
    if not (nxt.isupper() or nxt.isdigit() or nxt in sentences_module._OPENING or sentences_module._is_cjk(nxt)):
        return False
    if punct != ".":
        return True
    return not sentences_module._is_abbreviation(text, start, following)


def _reference_split(text: str) -> list[tuple[int, int]]:
    m_ = sentences_module
    cuts = []
    for m in m_._CANDIDATE.finditer(text):
        if not _reference_ends_sentence(text, m.group(1), m.start(), m.start(2), m.end()):
            continue
        if re.match(r"\([A-Z][A-Za-z]{1,15}\)\s*[—–-]", text[m.end():]):
            continue  # a dateline's agency tag
        attribution = re.match(r"\([^()\n.!?。！？]{1,100}\)[ \t]*(?=$|[^\W\d_]|[\"“‘'(（])", text[m.end():])
        if attribution is None:
            cuts.append(m.start(2))
        elif m.end() + attribution.end() < len(text):  # an attribution ends the sentence (none at the end)
            cuts.append(m.end() + len(attribution.group().rstrip(" \t")))
    glued = [m.start() for m in _CAMEL.finditer(text) if m_._glued_cut(text, m.start())]
    if glued:
        cuts = sorted(set(cuts).union(glued))
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        s, e = m_.trim(text, start, cut)
        if s < e and not spans and not m_._ALNUM.search(text, s, e) and cut < len(text):
            continue  # punctuation opening the text: the next sentence's
        start = cut
        if s >= e:
            continue
        if spans and not m_._ALNUM.search(text, s, e):
            spans[-1] = (spans[-1][0], e)
            continue
        spans.append((s, e))
    return spans


_WORDS = ["the", "work", "period", "The", "It", "A", "We", "in", "Dr", "dr", "Sept", "No", "no", "J", "U.S", "e.g",
          "etc", "2", "2.5", "3.5%", "中国", "應急", "İstanbul", "Éclair", "ß", "periodThe", "workThe", "iPhone", ""]
_MARKS = ["", "", ".", ".", ".", "!", "?", "…", "...", "......", "?!", "。", "！", "？", ",", ";", ":", "-", "_"]
_CLOSERS = ["", "", "", "\"", "'", "”", "’", ")", "」", "”)"]
_OPENERS = ["", "", "", "", "\"", "“", "‘", "«", "(", "["]
_SPACES = ["", " ", " ", " ", "  ", "\t", "\n", "\u3000", "\xa0"]
_TOKEN = st.tuples(*(st.sampled_from(x) for x in (_OPENERS, _WORDS, _MARKS, _CLOSERS, _SPACES))).map("".join)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_TOKEN, max_size=25).map("".join))
def test_the_splitter_agrees_with_its_reference(text: str) -> None:
    assert split_sentences(text) == _reference_split(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_the_splitter_agrees_with_its_reference_on_any_text(text: str) -> None:
    assert split_sentences(text) == _reference_split(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ.é中 \u0100\ud800😀"), max_size=30) | st.text(max_size=30))
@pytest.mark.parametrize("find", [_glued_in_bytes, _glued_in_array])
def test_glued_capitals_are_where_the_regular_expression_matches(find: Callable[[str], list[int]], text: str) -> None:
    # Both scans (short texts, long ones): positions are character offsets whatever the characters' widths.
    assert find(text) == [m.start() for m in _CAMEL.finditer(text)]


def test_a_long_text_is_scanned_as_an_array_and_a_short_one_by_bytes() -> None:
    long = "x" * _ARRAY_FROM + " periodThe end"
    assert glued_capitals(long) == _glued_in_array(long) == [_ARRAY_FROM + 7]
    assert glued_capitals(long[-13:]) == [6]


def test_a_datelines_agency_tag_after_an_abbreviated_state_goes_on() -> None:
    text = "RENO, Nev. (AP) — A northern Nevada wildfire tripled in size. Homes were evacuated."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "RENO, Nev. (AP) — A northern Nevada wildfire tripled in size.", "Homes were evacuated."]


def test_a_parenthetical_attribution_ends_the_sentence_before_it() -> None:
    def cut(text: str) -> list[str]:
        return [text[s:e] for s, e in split_sentences(text)]

    quoted = '"We should share opportunities." (Remarks at the 2018 summit in Qingdao)'
    assert cut(quoted) == [quoted]
    assert cut(quoted + " He left early.") == [quoted, "He left early."]
    assert cut("Rain fell. (Xinhua) Rivers rose.") == ["Rain fell. (Xinhua)", "Rivers rose."]
    assert cut("Fine. (See the table.) Next.") == ["Fine.", "(See the table.)", "Next."]  # a sentence of its own
