from __future__ import annotations

import pytest

from transforms.sentences import split_sentences


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
