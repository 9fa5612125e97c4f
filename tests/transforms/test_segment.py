from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.helpers import articles, assert_offsets, checked_articles, document
from transforms.pages import lay_out
from transforms.records import ParagraphKind
from transforms.segment import (
    LineKind,
    classify_lines,
    is_title_like,
    segment_document,
    segment_lines,
    segment_or_reject,
)
from transforms.sentences import cap_length, split_sentences

SERIES_LAYOUT = """Build a safer country
-- On the spirit of the conference
The conference was held in Beijing. It set the tasks for the year.
-- Pay more attention to prevention. Prevention is the most cost-effective strategy.
- Pay more attention to the grassroots. Communities are the front line.
– Pay more attention to society. Everyone is responsible.
——Improve the system. The system is fundamental.
The new year starts now.
Writer: Zhang Nan).
Second title without a series line
The second article has one paragraph. It has two sentences.
Writer: Li Wei).
"""


def test_series_layout() -> None:
    doc = document(SERIES_LAYOUT)
    arts = segment_document(doc)
    assert [a.title for a in arts] == ["Build a safer country", "Second title without a series line"]
    assert [a.series for a in arts] == ["On the spirit of the conference", None]
    assert [a.author for a in arts] == ["Zhang Nan", "Li Wei"]
    first = arts[0]
    assert [p.kind for p in first.paragraphs] == [
        ParagraphKind.BODY, *[ParagraphKind.THESIS_POINT] * 4, ParagraphKind.BODY,
    ]
    assert [p.marker for p in first.paragraphs] == [None, "--", "-", "–", "——", None]
    assert first.paragraphs[1].text.startswith("Pay more attention to prevention.")
    assert first.paragraphs[1].heading == "Pay more attention to prevention."
    assert first.paragraphs[0].heading is None
    assert first.byline is not None and first.byline.line == "Writer: Zhang Nan)."
    assert first.warnings == () and arts[1].warnings == ()
    assert_offsets(doc, arts)


def test_missing_byline_and_series() -> None:
    text = "First title\nBody one. More.\nSecond title\n-- A point is made. It is argued.\nThird title\nBody three.\n"
    arts = articles(text)
    assert [a.title for a in arts] == ["First title", "Second title", "Third title"]
    assert all(a.author is None and a.series is None for a in arts)
    assert all("no_byline" in a.warnings for a in arts)
    # a title that directly follows a thesis point still opens a new article
    assert arts[1].paragraphs[0].kind is ParagraphKind.THESIS_POINT
    assert len(arts[1].paragraphs) == 1


def test_top_byline_and_markdown_headings_with_blank_lines() -> None:
    text = "# A heading title\nBy Li Wei\n\nFirst paragraph. Two.\n\n## Another heading\n\nBody here.\n"
    doc = document(text)
    arts = segment_document(doc)
    assert [(a.title, a.author) for a in arts] == [("A heading title", "Li Wei"), ("Another heading", None)]
    assert arts[0].char_start == 0  # the article starts at its heading line, marks included
    assert_offsets(doc, arts)


def test_text_before_any_title_gets_a_guessed_title() -> None:
    arts = articles("This text has no title line at all. It goes on.\nAnd on.\n")
    assert len(arts) == 1
    assert arts[0].title == "This text has no title line at all"
    assert "title_guessed" in arts[0].warnings
    assert len(arts[0].paragraphs) == 2


def test_unfinished_last_line_before_closing_byline_is_body() -> None:
    arts = articles("Title\nBody text. More text\nThe final line has no full stop\nWriter: Yan Jing).\n")
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs][-1] == "The final line has no full stop"


def test_dash_before_a_digit_is_not_a_marker() -> None:
    lines = classify_lines("Title\n-5 degrees were recorded overnight in the north of the province.\n")
    assert lines[1].kind is LineKind.BODY


def test_short_lines_ending_like_sentences_are_not_titles() -> None:
    assert is_title_like("Strengthen the foundation")
    assert not is_title_like("It is a great cause.")
    assert not is_title_like("Lines that end with a comma,")
    assert not is_title_like("The plan has three parts:")
    assert not is_title_like("x" * 300)
    assert not is_title_like("2024")
    # a headline in title case may end with a dotted abbreviation; a sentence that does is a sentence
    assert is_title_like("Federal Data Show Growing Hospital Staff Shortages Across The U.S.")
    assert not is_title_like("The storm moved north across the U.S.")


def test_repeated_titles_get_distinct_ids() -> None:
    arts = articles("Same title\nBody one.\nSame title\nBody two.\n")
    assert len({a.article_id for a in arts}) == 2


def test_nothing_recognisable_is_rejected() -> None:
    result = segment_or_reject(document("Writer: Zhang Nan).\n"))
    assert not isinstance(result, tuple)
    assert result.reason.value == "no_articles"


def test_chinese_text() -> None:
    doc = document("加强应急管理\n我们要加强预防。隐患排查要到位！\n（作者：张楠）\n")
    arts = segment_document(doc)
    assert [(a.title, a.author) for a in arts] == [("加强应急管理", "张楠")]
    assert [s.text for s in arts[0].sentences] == ["我们要加强预防。", "隐患排查要到位！"]
    assert_offsets(doc, arts)


WIRE = """Flood alert raised in the south
BEIJING, June 3 (Xinhua) -- Authorities raised the flood alert on Monday. Rescue teams were sent.
Residents were told to move to higher ground.
(Editor: Li Wei)
Enditem
Source: Xinhua
Typhoon season starts early
SHANGHAI -- The first typhoon of the year is expected on Friday.
(End)
"""


def test_wire_layout_with_datelines_credits_and_end_markers() -> None:
    doc = document(WIRE)
    arts = segment_document(doc)
    assert [a.title for a in arts] == ["Flood alert raised in the south", "Typhoon season starts early"]
    first, second = arts
    assert first.author is None  # an editor is credited, never the author
    assert [(c.role, c.name) for c in first.credits] == [("editor", "Li Wei"), ("source", "Xinhua")]
    assert [p.kind for p in first.paragraphs] == [ParagraphKind.BODY, ParagraphKind.BODY]
    assert first.paragraphs[0].text.startswith("BEIJING, June 3 (Xinhua) -- Authorities")  # dateline kept
    assert [p.text for p in second.paragraphs] == ["SHANGHAI -- The first typhoon of the year is expected on Friday."]
    assert all("Enditem" not in p.text and "(End)" not in p.text for a in arts for p in a.paragraphs)
    assert second.char_end == len(doc.text.rstrip("\n"))
    assert_offsets(doc, arts)


def test_unterminated_paragraphs_are_flagged_but_lead_ins_are_not() -> None:
    (clean,) = articles("Title\nThe plan has three parts:\n-- Prevent. Prepare.\n")
    assert "unterminated_paragraph" not in clean.warnings
    (noisy,) = articles("Title\nThe machine translation stopped here,\nThen it went on.\n")
    assert "unterminated_paragraph" in noisy.warnings


_GLUED_WORDS = ["Title line", "periodThe", "testIt", "oneIt", "isIt", "aB", "work.The", "U.S. The", "é中", "—"]
_GLUED_GAPS = [" ", ". ", "\n", "\n\n", "\n-- ", "? ", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GLUED_WORDS), st.sampled_from(_GLUED_GAPS)), min_size=1, max_size=25))
def test_a_paragraphs_sentences_are_its_text_split_alone(parts: list[tuple[str, str]]) -> None:
    # The segmenter finds glued capitals ("periodThe") once per document and hands each paragraph its own: the
    # same sentences as splitting the paragraph's text by itself, wherever the paragraph starts and ends.
    text = "".join(w + g for w, g in parts)
    for article in articles(text):
        for p in article.paragraphs:
            alone = cap_length(p.text, split_sentences(p.text))
            assert [(s.char_start - p.char_start, s.char_end - p.char_start) for s in p.sentences] == alone


# ------------------------------------------------------------------------------------------ page structure


def title_author_paragraphs(text: str) -> tuple[str, str | None, int]:
    """The title, author and paragraph count of the one article ``text`` holds."""
    (art,) = articles(text)
    return art.title, art.author, len(art.paragraphs)


def roles_of(text: str) -> list[tuple[str, str]]:
    """(line text, role) of every non-blank line, checking that each has exactly one role."""
    doc = document(text)
    arts, lines = segment_lines(doc)
    assert_offsets(doc, arts)
    non_blank = [line.strip() for line in doc.text.split("\n") if line.strip()]
    got = [(doc.text[r.char_start : r.char_end].strip(), r.role) for r in lines]
    assert [t for t, _ in got] == non_blank
    assert all(r.char_start < r.char_end for r in lines)
    known = {a.article_id for a in arts}
    assert all(r.article_id is None or r.article_id in known for r in lines)
    return got


def test_a_credit_after_a_body_closes_that_article_and_never_opens_the_next() -> None:
    text = ("Farmers return to flooded fields\nWater levels fell on Monday. Farmers went back to work.\n"
            "(Beijing Review 03/14/2009)\n(Web editor: Wang Fang, Li Jun)\n"
            "Rescue teams stay on alert\nThe rain is forecast to return this week.\n")
    arts = articles(text)
    assert [a.title for a in arts] == ["Farmers return to flooded fields", "Rescue teams stay on alert"]
    assert [a.series for a in arts] == [None, None]
    assert [c.line for c in arts[0].credits] == ["(Beijing Review 03/14/2009)", "(Web editor: Wang Fang, Li Jun)"]
    assert dict(roles_of(text))["(Beijing Review 03/14/2009)"] == "credit"


def test_a_subheading_inside_a_body_is_a_paragraph_heading_not_an_article() -> None:
    text = ("Minister visits the flood zone\nBy Li Wei\n\nThe minister arrived on Tuesday. She met rescuers.\n\n"
            "What the minister says\n\nShe said the dikes would hold. More teams are coming.\n")
    (art,) = articles(text)
    assert art.author == "Li Wei" and len(art.paragraphs) == 2
    assert [p.subheading for p in art.paragraphs] == [None, "What the minister says"]
    assert "subheading_inferred" in art.warnings
    assert dict(roles_of(text))["What the minister says"] == "heading"


def test_a_line_over_text_that_goes_on_from_above_opens_no_article() -> None:
    # a video's caption between the lead and a paragraph opening ``Meanwhile,``: one article
    text = ("Four million hit by Pakistan floods\nThe UN says at least 1,600 people were killed in the worst floods.\n"
            "Sohail Rahman reports from flood-hit Swat Valley on desperate evacuation efforts to save the stranded\n"
            "Meanwhile, from the capital Islamabad, our correspondent said the government was floundering.\n"
            "Authorities are using around 30 boats to help the evacuation of 500,000 people.\n")
    (art,) = articles(text)
    assert art.title == "Four million hit by Pakistan floods" and len(art.paragraphs) == 3
    for opening in ("However, the", "In addition, the", "That said, the", "On the other hand, the"):
        (art,) = articles(text.replace("Meanwhile, from the capital Islamabad, our", f"{opening} capital's"))
        assert len(art.paragraphs) == 3, opening
    # under a paragraph that opens as a lead may, the line is a headline of its own
    lead = text.replace("Meanwhile, from the capital Islamabad, our", "From the capital Islamabad, our")
    assert len(articles(lead)) == 2


def test_a_short_name_for_a_part_of_an_unsigned_article_is_its_subheading() -> None:
    text = ("Disasters underline urgent need for more groundwork\n"
            "This week's disasters in Asia underscore the need for preparedness, experts say.\n"
            "At least 1,100 people have been killed in Indonesia after the earthquake.\n"
            "Tsunami lessons\n"
            "The director of the centre said that the region had learned a great deal since 2004.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 3 and art.paragraphs[2].subheading == "Tsunami lessons"
    # a headline that says as much as the one above it, or one under a single paragraph (a listing's teaser), or
    # under an article that a credit closed, opens an article of its own
    assert len(articles(text.replace("Tsunami lessons", "Hopes fade for missing miners"))) == 2
    teasers = text.replace("At least 1,100 people have been killed in Indonesia after the earthquake.\n", "")
    assert len(articles(teasers)) == 2
    assert len(articles(text.replace("earthquake.\n", "earthquake.\n(Xinhua)\n"))) == 2
    # under one paragraph, where the headline says three times as much and the line names a thing of the article
    one = ("Landslide survivors' cries heard: a global look at disaster response and prevention work\n"
           "Landslides leave trails of destruction and heartbreak in their wake across mountain regions.\n"
           "The devastating impact of landslides\n"
           "Ground movements range from slow creep to catastrophic rockfalls and debris flows.\n")
    (art,) = articles(one)
    assert len(art.paragraphs) == 2 and art.paragraphs[1].subheading == "The devastating impact of landslides"
    # (a line that names none of the article's things, the next teaser of a digest, or under a headline that says
    # little more than it: an article of its own)
    assert len(articles(one.replace("The devastating impact of landslides", "Robots in the butcher's shop"))) == 2
    assert len(articles(one.replace(": a global look at disaster response and prevention work", " in the hills"))) == 2


def test_a_caption_given_again_with_its_credit_is_the_picture_s_not_a_headline() -> None:
    text = ("The drought from hell has arrived in Spain\n"
            "Reservoirs without water and lost crops: the southeast is drying out. Farmers fear the summer.\n"
            "The Entrepeñas reservoir in Guadalajara.\nThe Entrepeñas reservoir in Guadalajara.David Ramos (Getty Images)\n"
            "The European Environment Agency published a report this year. It warned of the damage.\n")
    (art,) = checked_articles(text)
    assert (art.title, len(art.paragraphs)) == ("The drought from hell has arrived in Spain", 2)
    assert [r for _, r in roles_of(text)][2:4] == ["furniture", "furniture"]


def test_a_caption_over_its_picture_s_credit_inside_a_text_is_furniture_not_a_headline() -> None:
    text = ("New tax year: six big tax changes from April\n"
            "The start of the tax year has seen a range of changes kick in. Will you be hit?\n"
            "Envelopes marked HM Revenue and Customs\n(Image credit: Getty images)\n"
            "The new tax year began on 6 April, ushering in changes to the taxes we pay.\n"
            "Getty\nAs a result, some people will see their tax bills change.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 3 and [c.name for c in art.credits][:1] == ["(Image credit: Getty images)"]
    roles = dict(roles_of(text))
    assert roles["Envelopes marked HM Revenue and Customs"] == "furniture"
    assert roles["(Image credit: Getty images)"] == roles["Getty"] == "credit"
    # a headline over a stamp, under an article's last line, opens the next article
    dated = text.replace("(Image credit: Getty images)", "Updated: 2023-04-06 10:20")
    assert len(articles(dated)) == 2


def test_the_line_under_a_caption_s_label_is_the_caption() -> None:
    text = ("Newsbeat's guide to the conflict\nImage source, AFP\nImage caption,\n"
            "Israeli warplanes launched strikes on the Gaza Strip last week\n"
            "US and European airlines have suspended flights to the airport. The ban was lifted later.\n"
            "Image source, Reuters\nImage caption,\nA United Airlines departure board at Newark International Airport\n"
            "Thousands of troops are now on the border. It is not clear what happens next.\n")
    (art,) = articles(text)
    assert (art.series, len(art.paragraphs)) == (None, 2)
    roles = dict(roles_of(text))
    assert roles["Israeli warplanes launched strikes on the Gaza Strip last week"] == "furniture"
    assert roles["A United Airlines departure board at Newark International Airport"] == "furniture"


def test_a_picture_s_credit_between_paragraphs_does_not_close_the_article() -> None:
    text = ("Flood talks resume in the capital\nMarch 3, 2020\n"
            "The minister arrived on Tuesday. She met rescuers.\nThe talks lasted four hours. No deal was made.\n"
            "Kevin Frayer/Getty Images\nWhat the minister says\n"
            "The dikes would hold, the minister said. More teams are coming.\n")
    (art,) = articles(text)
    assert [p.subheading for p in art.paragraphs] == [None, None, "What the minister says"]
    assert [c.role for c in art.credits] == ["date", "photo"]
    # a credit of another kind closes the article: the headline under it opens the next one
    assert len(articles(text.replace("Kevin Frayer/Getty Images", "(Reporting by Jane Doe; Editing by Li Wei)"))) == 2


def test_an_embedded_post_and_the_short_lines_above_its_signature_are_furniture() -> None:
    text = ("Load reduction in force in areas of Gauteng\n"
            "JOHANNESBURG - Many households are without electricity this morning. The utility apologised.\n"
            "Eskom Load Reduction Notice\nDate: 25 September 2020#EskomFreeState #EskomGauteng\n"
            "See the areas affected. pic.twitter.com/hPw91iS0oF — Eskom Hld SOC Ltd (@Eskom_SA) September 25, 2020\n"
            "Meanwhile, City Power said residents were being inconvenienced by illegal connections.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 2
    assert [r for _, r in roles_of(text)] == ["title", "body", "furniture", "furniture", "furniture", "body"]


def test_a_standfirst_printed_twice_under_the_headline_is_the_deck() -> None:
    deck = "More than 600,000 coastal villagers took shelter inland today as a cyclone approached."
    text = (f"Thousands take shelter as cyclone approaches Bangladesh\n{deck}\n{deck}\n"
            "Tropical cyclone Sidr is centred in the Bay of Bengal. It is moving north.\n"
            "The coastal area borders eastern India.\n")
    (art,) = articles(text)
    assert (art.series, len(art.paragraphs)) == (deck, 2)
    assert [r for _, r in roles_of(text)] == ["title", "series", "series", "body", "body"]
    # a lead given once is the text's first paragraph
    (art,) = articles(text.replace(f"{deck}\n", "", 1))
    assert (art.series, len(art.paragraphs)) == (None, 3)


def test_a_standfirst_the_lead_restates_is_the_deck() -> None:
    deck = "Being prepared for disasters includes emergency managers."
    text = (f"When the Emergency Management Director Is the Victim\n{deck}\n"
            "One of the things I have found since joining the profession of emergency managers is how many of us "
            "are not prepared for disasters at home.\n"
            "It was only last year that a manager told me she lived in a flood zone.\n")
    (art,) = checked_articles(text)
    assert (art.series, len(art.paragraphs)) == (deck, 2)
    assert [r for _, r in roles_of(text)] == ["title", "series", "body", "body"]
    # a lead of one sentence over a paragraph that goes on to other things is the text
    lead = "Rescue teams reached the flooded villages on Monday as the river fell."
    other = text.replace(deck, lead)
    (art,) = articles(other)
    assert (art.series, len(art.paragraphs)) == (None, 3)
    # an interviewer's question, or a text of two paragraphs, is no deck
    for first in ("SS: Are emergency managers prepared for disasters at home?",
                  "Are emergency managers prepared for disasters at home?"):
        (art,) = articles(text.replace(deck, first))
        assert art.series is None, first
    (art,) = articles(text.rsplit("It was only", 1)[0])
    assert (art.series, len(art.paragraphs)) == (None, 2)


def test_the_readers_comments_under_a_blog_post_are_furniture() -> None:
    text = ("After the Hurricane\nThe storm passed in the night. We lost power for two days.\n"
            "Looking forward to a sunny tomorrow,\n4 thoughts on “After the Hurricane\n"
            "  1. Sending prayers for you and your community!\nSo Sorry To Hear About The Trees\n"
            "  2. Glad you are safe. The photos are amazing.\nLeave a Reply\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 2
    assert [r for _, r in roles_of(text)][3:] == ["furniture"] * 5
    # a post that speaks of thoughts on something is no comments' head
    other = text.replace("4 thoughts on “After the Hurricane", "Some thoughts on the storm")
    assert dict(roles_of(other))["Some thoughts on the storm"] == "title"
    # a Blogger page heads each comment with its writer's name, the first under the post's last paragraph
    blogger = ("Earthquake Run is Over\nThe swarm has stopped. We shall all go back to sleep.\n"
               "Rise the next time there is an earthquake, and be happy we dodged the bullet.\n"
               "Anonymous said...\nHi Harold\ndid you notice this?\nHarold Asmis said...\nThanks. It seems small.\n")
    (art,) = articles(blogger)
    assert len(art.paragraphs) == 2 and [r for _, r in roles_of(blogger)][3:] == ["furniture"] * 5


def test_a_long_quotation_or_a_line_ending_on_a_link_is_text_not_a_headline() -> None:
    text = ("Residents urged to stay safe in the heat\nAn amber heat alert has been issued. It runs until Sunday.\n"
            "\"Be a good neighbour, check in on friends, family and neighbours who may be vulnerable to the heat\"\n"
            "Public Health has issued some guidance online here https://tinyurl.com/4722vv35\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 3
    assert "\"We will rebuild\"" in [a.title for a in articles("\"We will rebuild\"\nThe mayor spoke. Crews began.\n")]


def test_the_latest_stories_marked_with_dashes_at_the_foot_of_a_page_are_furniture() -> None:
    story = ("China lowers flood emergency response level\nBEIJING -- The ministry lowered the flood response on "
             "Friday. The water level stays high.\n")
    links = "- Domestic single-dose flu drug approved\n- Sanya to host sixth Asian Beach Games in April\n"
    (art,) = articles(story + links)
    assert len(art.paragraphs) == 1
    assert [r for _, r in roles_of(story + links)][-2:] == ["furniture", "furniture"]
    # points that go on about the story, or that the text announces, are its thesis points
    points = "- Flood response lowered to level four\n- Water level stays high on the river\n"
    assert len(articles(story + points)[0].paragraphs) == 3
    announced = story.replace("stays high.", "stays high. Residents should:") + links
    assert len(articles(announced)[0].paragraphs) == 3


def test_a_page_of_releases_each_under_the_same_chrome_keeps_each_headline() -> None:
    text = ("The White House\nOffice of the Press Secretary\nPresident Signs Emergency Declaration\n"
            "The President today declared an emergency. Federal aid was ordered.\n"
            "FOR FURTHER INFORMATION MEDIA SHOULD CONTACT: FEMA NEWS DESK AT (202) 646-3272\n"
            "The White House\nOffice of the Press Secretary\n"
            "Statement from the President on the Anniversary of the Hurricane\n"
            "Six years ago today, the hurricane struck the coast. No one will forget those days.\n")
    arts = articles(text)
    assert [a.title for a in arts] == ["President Signs Emergency Declaration",
                                       "Statement from the President on the Anniversary of the Hurricane"]
    assert [(c.role, c.name[:15]) for c in arts[0].credits] == [("contact", "FOR FURTHER INF")]
    assert [r for _, r in roles_of(text)][5:7] == ["furniture", "furniture"]


def test_a_section_s_name_over_a_short_headline_is_furniture() -> None:
    text = ("Web Comments\nMiracle reconsidered\nBy Dong Jidong (chinadaily.com.cn)\nUpdated: 2010-04-12 23:00\n"
            "The latest news from the coal mine confirms the deaths of 35 miners. The rescue was a miracle.\n")
    (art,) = articles(text)
    assert (art.title, art.author) == ("Miracle reconsidered", "Dong Jidong")
    assert [r for _, r in roles_of(text)][:2] == ["furniture", "title"]
    # a headline over a label (``Statement``) keeps its place
    label = text.replace("Web Comments\nMiracle reconsidered", "Miracle reconsidered\nStatement")
    assert articles(label)[0].title == "Miracle reconsidered"
    # one word over a headline of more words: a section's name of any word (``Money``)
    kicker = ("Money\nPricing Climate Risk\nby | May 17, 2022\n"
              "Economics has been called the dismal science. That label might apply to a new field.\n")
    (art,) = checked_articles(kicker)
    assert art.title == "Pricing Climate Risk"
    assert [r for _, r in roles_of(kicker)][:2] == ["furniture", "title"]


def test_a_headline_ending_in_a_full_stop_and_its_deck_over_the_byline_head_the_text() -> None:
    text = ("After the earthquakes: Experts discuss building codes in Türkiye and the U.S.\n"
            "Experts reflect on building collapses in the wake of the 2023 earthquakes.\n"
            "By Alice Turner, Ph.D., writing fellow\n"
            "Citation: Turner, Alice R., 2024, After the earthquakes, Temblor, http://doi.org/10.32858/temblor.334\n"
            "On Feb. 6, 2023, two major earthquakes occurred nine hours apart. Thousands of buildings fell.\n"
            "The fault is a sister fault to California's San Andreas.\n")
    (art,) = checked_articles(text)
    assert (art.title, art.author, len(art.paragraphs)) == (
        "After the earthquakes: Experts discuss building codes in Türkiye and the U.S.", "Alice Turner", 2)
    assert art.series == "Experts reflect on building collapses in the wake of the 2023 earthquakes."
    assert [c.role for c in art.credits] == ["note"]
    assert [r for _, r in roles_of(text)][:4] == ["title", "series", "byline", "credit"]
    # two sentences are no headline: the lines stay a text of their own
    two = text.replace("and the U.S.\n", "and the U.S. They met in May.\n")
    assert len(articles(two)) == 2


def test_a_paragraph_broken_mid_sentence_over_two_lines_is_one_paragraph() -> None:
    text = ("The clean up begins as flood clears\n"
            "FLOOD water which blighted a village has finally begun to subside this week.\n"
            "Now the clean up will begin for villagers, who feared the water would rise 18 inches high and\n"
            "flow through the streets and flood homes.\n"
            "Pumps are still moving water away from the village.\n")
    (art,) = checked_articles(text)
    assert len(art.paragraphs) == 3 and "unterminated_paragraph" not in art.warnings
    assert art.paragraphs[1].text.endswith("flood homes.")
    # a paragraph that ends finished, or a lead-in with its colon, stays apart from a line in lower case under it
    (art,) = checked_articles(text.replace("high and\n", "high.\n"))
    assert len(art.paragraphs) == 4
    (art,) = checked_articles(text.replace("high and\n", "high, as listed:\n"))
    assert len(art.paragraphs) == 4


def test_the_name_under_a_valediction_signs_the_letter_whatever_stands_under_it() -> None:
    text = ("Nov 25, 2020 Letters\nDear Editor,\n"
            "I have been observing the drastic changes in weather patterns throughout the world. Sea walls fail.\n"
            "Yours truly,\nDeavindra Jagroo\nJan 26, 2021\n"
            "– Makes donation to Police Force Four outstanding officers were honoured by the club\n")
    (art, *_) = checked_articles(text)
    assert art.author == "Deavindra Jagroo"
    assert dict(roles_of(text))["Deavindra Jagroo"] == "signature"


def test_a_caption_given_again_by_the_gallery_under_it_is_furniture() -> None:
    caption = "The clean-up operation has begun across Britain after localised flooding caused destruction."
    text = (f"Clean-up starts after UK floods\n{caption}\nCamera Icon{caption}\n"
            "The clean-up operation has begun across pockets of Britain after thunderstorms. Roads closed.\n")
    (art,) = checked_articles(text)
    assert (art.series, len(art.paragraphs)) == (None, 1)
    assert [r for _, r in roles_of(text)] == ["title", "furniture", "furniture", "body"]


def test_a_question_under_a_teaser_cut_with_a_bracketed_ellipsis_opens_the_next_item() -> None:
    text = ("City, state let contractor slip through cracks\n"
            "The way two construction workers died last week is horrific and tragic enough, and [\u2026]\n"
            "Will robots be the butchers of the future?\n"
            "An army of knife-wielding robots may one day replace the workers of meat plants [\u2026]\n"
            "Georgia worker killed in trench collapse\n"
            "A construction worker was killed in Waco last Monday when a trench collapsed [\u2026]\n")
    arts = checked_articles(text)
    assert [a.title for a in arts] == ["City, state let contractor slip through cracks",
                                       "Will robots be the butchers of the future?",
                                       "Georgia worker killed in trench collapse"]


def test_a_paragraph_signed_off_with_its_service_is_text_not_a_headline() -> None:
    text = ("Scores missing from Indian ferry\nRescuers searched the river on Tuesday. Dozens were saved.\n"
            "Tarun Gogoi, the chief minister of Assam, said reports that the vessel had shattered were inaccurate "
            "and blamed the accident on the weather. - N.Y. Times News Service\n"
            "Troops battle in Mali capital\nFighting broke out in Bamako on Monday. Shops closed.\n")
    arts = checked_articles(text)
    assert [(a.title, len(a.paragraphs)) for a in arts] == [
        ("Scores missing from Indian ferry", 2), ("Troops battle in Mali capital", 1)]
    # a headline that names its writer after a question and a dash stays a headline
    signed = text.replace("Troops battle in Mali capital", "What is the Nigerian Dream? — Godman Akinlabi")
    assert checked_articles(signed)[1].title == "What is the Nigerian Dream? — Godman Akinlabi"


def test_a_deck_that_stops_mid_sentence_over_text_going_on_in_lower_case_is_the_first_paragraph() -> None:
    text = ("A Large Area Of Land Destroyed Due To Fire\nMore than 100 acres of land belonging\n"
            "to the mountain reserve had been destroyed by a sudden fire this evening.\n"
            "The fire is spreading rapidly, according to reports.\n")
    (art,) = checked_articles(text)
    assert (art.series, len(art.paragraphs)) == (None, 2)
    assert art.paragraphs[0].text.startswith("More than 100 acres of land belonging\nto the mountain reserve")
    assert [r for _, r in roles_of(text)] == ["title", "body", "body", "body"]


def test_a_picture_s_caption_naming_an_official_over_the_headline_is_furniture() -> None:
    text = ("Ontario Premier Kathleen Wynne\nUpdate on ice storm province-wide\n"
            "Premier Kathleen Wynne issued a provincial update this afternoon on the ice storm. Crews are out.\n")
    (art,) = checked_articles(text)
    assert art.title == "Update on ice storm province-wide"
    assert [r for _, r in roles_of(text)][:2] == ["furniture", "title"]
    # a headline that names what the official did keeps its place, and its deck
    headline = "Premier Kathleen Wynne visits flooded towns"
    (art,) = articles(text.replace("Ontario Premier Kathleen Wynne", headline))
    assert (art.title, art.series) == (headline, "Update on ice storm province-wide")


def test_a_long_headline_given_twice_over_its_dateline_is_the_title() -> None:
    headline = ("Vice Chairman of the State Administration Council and Deputy Prime Minister chairs the emergency "
                "meeting of the National Disaster Management Committee")
    text = (f"{headline}\n{headline}\nNAY PYI TAW May 6\n"
            "The committee held an emergency meeting on Monday. Relief was sent to the flooded townships.\n")
    (art,) = articles(text)
    assert art.title == headline
    assert [r for _, r in roles_of(text)][:3] == ["title", "title", "dateline"]


def test_a_link_or_an_ad_s_label_behind_a_dash_is_furniture_not_a_thesis_point() -> None:
    text = ("Build a safer country\n- Advertisement -\nThe work goes on. Safety comes first.\n"
            "-- Improve the emergency response system\nEvery county will train its teams.\n")
    (art,) = articles(text)
    assert [p.kind for p in art.paragraphs] == [ParagraphKind.BODY, ParagraphKind.THESIS_POINT, ParagraphKind.BODY]
    assert dict(roles_of(text))["- Advertisement -"] == "furniture"


def test_a_drop_cap_alone_on_a_line_joins_the_rest_of_its_word() -> None:
    text = ("A country prone to disasters\n\nT\n\nhe year 2018 was the most disastrous year this decade. "
            "Volcanos erupted.\n\nThe tsunamis exposed weaknesses. Warnings failed.\n")
    doc = document(text)
    (art,) = segment_document(doc)
    assert art.title == "A country prone to disasters" and len(art.paragraphs) == 2
    assert art.paragraphs[0].text.startswith("T\n\nhe year 2018")
    assert_offsets(doc, (art,))


def test_a_date_glued_to_a_headline_and_an_end_marker_glued_to_a_paragraph() -> None:
    text = ("2021/07/22Premier Li urges disaster relief efforts\n"
            "Premier Li Keqiang urged efforts to ensure safety in the floods. Rescue goes on.\n"
            "Currently, power and communication have been partially restored. Enditem\n")
    arts = articles(text)
    assert [a.title for a in arts] == ["Premier Li urges disaster relief efforts"]
    assert len(arts[0].paragraphs) == 2


def test_a_transcript_s_speakers_with_the_time_of_their_turns_head_them() -> None:
    text = ("Transcript: Governor briefing on the floods\nTarik: (01:05)\nThe water is rising. We are ready.\n"
            "Jane Doe: (02:18)\nThank you. What about the levees?\n")
    (art,) = articles(text)
    assert [p.subheading for p in art.paragraphs] == ["Tarik: (01:05)", "Jane Doe: (02:18)"]


def test_a_live_report_s_days_are_headings_of_its_updates() -> None:
    text = ("Wildfire forces evacuations in the mountains\nWednesday, September 9\n"
            "Fire crews were working on a containment line. Dozers cleared brush.\n"
            "Tuesday, September 8\nHelicopters landed with dozens of people. More orders were issued.\n")
    (art,) = articles(text)
    assert [p.subheading for p in art.paragraphs] == ["Wednesday, September 9", "Tuesday, September 8"]


def test_a_live_report_s_update_times_are_its_timestamps_not_paragraphs() -> None:
    text = ("Irma weakens to tropical storm\nNearly 7.2 million homes are without power. Most are in Florida.\n"
            "8 a.m.\nIrma has weakened to a tropical storm over Florida.\n"
            "7 a.m.\nThe mayor says the city has not escaped the storm's wrath.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 3
    assert [(c.role, c.name) for c in art.credits] == [("timestamp", "8 a.m."), ("timestamp", "7 a.m.")]
    assert dict(roles_of(text))["8 a.m."] == "credit"


def test_a_list_of_links_inside_a_body_is_furniture_and_the_body_goes_on() -> None:
    links = ["A natural and political crisis", "The valley is bent and broken", "Water all around the towns",
             "Farmers left with nothing at all", "In pictures: the river rises"]
    text = ("Floods cut off mountain villages\nRoads into the valley were washed away overnight.\nRelated stories\n"
            + "\n".join(links) + "\nAuthorities are using 30 boats to help the evacuation.\n")
    (art,) = articles(text)
    assert art.title == "Floods cut off mountain villages" and len(art.paragraphs) == 2
    roles = dict(roles_of(text))
    assert all(roles[link] == "furniture" for link in links)
    # a link's furniture between the list and the text going on
    credited = text.replace("\nAuthorities", "\nVideo Courtesy: RNZ\nAuthorities")
    (art,) = articles(credited)
    assert len(art.paragraphs) == 2 and all(dict(roles_of(credited))[link] == "furniture" for link in links)
    # a label of further reading with its colon, over one link
    read_more = ("Floods cut off mountain villages\nRoads into the valley were washed away overnight.\nRead more:\n"
                 "Australia, you have unfinished business. It's time to let our fire people care\n"
                 "Authorities are using 30 boats to help the evacuation.\nMore rain is due on Friday. Rivers rise.\n")
    (art,) = articles(read_more)
    assert len(art.paragraphs) == 3 and roles_of(read_more)[3][1] == "furniture"
    # three short lines are not yet a list: a title and its deck after a section name may be as many
    section = text.replace("Related stories", "Latest")
    assert len(articles(section.replace("\n".join(links), "\n".join(links[:2])))) == 2


def test_a_photo_caption_given_short_then_long_is_furniture() -> None:
    short = "A resident sits on a swing in a flooded residential area in Rigaud, Quebec"
    text = ("Montreal declares a state of emergency\nThe city declared a state of emergency on Sunday.\n"
            f"{short}\n{short}, Canada, May 6, 2017. REUTERS/Chris Wattie\n"
            "Troops will help fill sandbags, officials said.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 2
    roles = roles_of(text)
    assert [role for line, role in roles if line.startswith(short)] == ["furniture", "furniture"]
    # a sentence, then a paragraph that opens with it and goes on with no date or credit: text, not a caption
    said = "Officials said the dam on the river held through the night."
    for more in (" and would be checked again at dawn.", ", engineers said, 3.5% above its level in May."):
        text = f"Dam holds\n{said}\n{said[:-1]}{more}\nCrews stood by.\n"
        assert [len(a.paragraphs) for a in articles(text)] == [3], more


def test_a_caption_between_a_title_and_its_byline_leaves_the_title_opening_its_article() -> None:
    text = ("ASEAN and China at a crossroads\nAuthor: Sourabh Gupta, ICAS\nThe ruling came on Tuesday. It was "
            "long awaited.\nCan China eradicate poverty?\nA boy plays on a makeshift swing at his home in Yuncheng,"
            " 10 March 2015. (Photo: Reuters).\nAuthor: Ding Dou, Peking University\nChina has had success. "
            "More is needed.\n")
    arts = articles(text)
    assert [a.title for a in arts] == ["ASEAN and China at a crossroads", "Can China eradicate poverty?"]
    assert [a.author for a in arts] == ["Sourabh Gupta", "Ding Dou"]


def test_a_letters_signature_and_date_are_its_author_and_date_not_an_article() -> None:
    text = ("Letter to the flood volunteers\nDear friends,\nThank you for your work this summer. You saved lives.\n"
            "Li Ming\nJune 3, 2021\n")
    (art,) = articles(text)
    assert art.title == "Letter to the flood volunteers"
    assert art.byline is not None and (art.author, art.byline.role) == ("Li Ming", "signatory")
    assert ("date", "June 3, 2021") in [(c.role, c.name) for c in art.credits]
    roles = dict(roles_of(text))
    assert (roles["Li Ming"], roles["June 3, 2021"]) == ("signature", "date")


def test_a_letters_page_signs_each_letter_with_a_name_and_a_comma_and_the_town_below() -> None:
    text = ("Flood relief\nSir — The volunteers worked through the night. They deserve our thanks.\n"
            "V. Lakshmanan,\nTirupur, Tamil Nadu\n"
            "The old bridge\nThe bridge has stood for a century. It must be repaired now.\n"
            "Seshagiri Row Karry,\nHyderabad\n"
            "Repairs cannot wait for the next flood. The county should act.\n"
            "R. Sivakumar,\n"
            "Good work\nThe rescue teams did well this year. Few lives were lost.\nTharcius S. Fernando,\n")
    arts = articles(text)
    assert [a.title for a in arts] == ["Flood relief", "The old bridge", "Good work"]
    assert [a.author for a in arts] == ["V. Lakshmanan", "Seshagiri Row Karry, R. Sivakumar", "Tharcius S. Fernando"]
    assert [len(a.paragraphs) for a in arts] == [1, 2, 1]
    assert all(a.byline is not None and a.byline.role == "signatory" for a in arts)
    roles = dict(roles_of(text))
    assert [roles[line] for line in ("V. Lakshmanan,", "Tirupur, Tamil Nadu", "Hyderabad", "R. Sivakumar,")] == [
        "signature"] * 4
    assert roles["Good work"] == "title"  # a headline in sentence case under a signature is no town


def test_a_name_between_a_letter_and_the_next_letters_title_signs_the_letter() -> None:
    text = ("Imaginary reporting\nMost news comes from the wire services. I read them all.\nDavid James Wong\n"
            "Dreams can come true\nI was impressed by the teacher. He taught the kids to fly.\n")
    arts = articles(text)
    assert [(a.title, a.author) for a in arts] == [("Imaginary reporting", "David James Wong"),
                                                    ("Dreams can come true", None)]
    assert dict(roles_of(text))["David James Wong"] == "signature"
    section = ("Quake drill held in schools\nPupils left their classrooms in two minutes.\nWorld News\n"
               "Floods hit the south\nRivers rose overnight. Villages were evacuated.\n")
    assert "signature" not in dict(roles_of(section)).values()  # a section's name is no signature


def test_a_letter_signed_without_a_name_is_signed_so() -> None:
    for signed in ("A Reader", "A Concerned Citizen", "Name withheld", "Name and address supplied", "Anonymous"):
        text = (f"Help the poor\nThe poor need help. Nobody gives it to them.\n{signed}\n"
                "Imaginary reporting\nMost news comes from the wire services. I read them all.\n")
        arts = articles(text)
        assert [(a.title, a.author) for a in arts] == [("Help the poor", signed), ("Imaginary reporting", None)]
        assert dict(roles_of(text))[signed] == "signature"
    # a headline that opens with a reader's noun is still a headline
    text = ("Help the poor\nThe poor need help. Nobody gives it to them.\nA reader's guide to the flood maps\n"
            "The maps show every street. They were drawn this year.\n")
    assert [a.title for a in articles(text)] == ["Help the poor", "A reader's guide to the flood maps"]


def test_a_line_of_a_page_s_words_after_the_text_signs_nothing() -> None:
    # an icon's or a link's name in capitals is no one's: ``WordPress.com Logo``, ``Website Homepage``; nor is an
    # office's in capitals
    for line in ("Website Homepage", "Facebook Photos", "Subscribe Download", "THE WHITE HOUSE"):
        (art,) = articles(f"Flood relief\nThe rain came early. The river rose fast.\n{line}\n")
        assert art.author is None, line


def test_a_letters_page_cut_under_the_next_letters_headline_keeps_the_headline() -> None:
    letters = ("Smoke problems\nThe smoke from the fires reached our town. We kept the windows shut.\n"
               "Linda Rytterager\nFree press\n")
    arts = articles(letters)
    assert [(a.title, a.author, len(a.paragraphs)) for a in arts] == [
        ("Smoke problems", "Linda Rytterager", 1), ("Free press", None, 0)]
    assert "no_paragraphs" in arts[1].warnings
    assert [r for _, r in roles_of(letters)] == ["title", "body", "signature", "title"]
    # ... under a signature of a name and a town
    town = letters.replace("Linda Rytterager\n", "Linda Rytterager,\nColorado, USA\n")
    assert [a.title for a in articles(town)] == ["Smoke problems", "Free press"]
    # a town, or a post and an office, under the signature at the end is the signature's
    message = ("A message of condolence\nOur people mourn with yours. We stand ready to help.\nXi Jinping\nPresident\n"
               "The people's Republic of China\n")
    assert [(a.title, a.author) for a in articles(message)] == [("A message of condolence", "Xi Jinping")]
    for below in ("Leeds, West Yorkshire", "Secretary of State", "OUSA secretary"):
        (art,) = articles(letters.replace("Free press", below))
        assert art.author == "Linda Rytterager"
    # a listing cut under a headline and its deck: the headline is not signed by the story above
    listing = ("Yet Another Quake Hits Christchurch\nA 4.7-magnitude quake rattles the city\n"
               "One of the stronger of the many earthquakes to hit the city struck on Monday.\n"
               "Strong Quakes Rock Christchurch\nOnly minor injuries, damage reported\n")
    (art,) = articles(listing)
    assert art.author is None and "signature" not in dict(roles_of(listing)).values()


def test_a_byline_that_names_the_publication_is_its_source_not_an_author() -> None:
    text = ("Climatic disaster\nby Daily Patriot\nAugust 23, 2022\n"
            "The floods have destroyed crops across the province. Relief is slow.\n")
    (art,) = articles(text)
    assert art.author is None and ("source", "Daily Patriot") in [(c.role, c.name) for c in art.credits]
    assert [r for _, r in roles_of(text)] == ["title", "byline", "date", "body"]
    (signed,) = articles(text.replace("Daily Patriot", "Emily Postman"))
    assert signed.author == "Emily Postman"
    (wire,) = articles(text.replace("by Daily Patriot", "By Reuters"))  # a news agency's
    assert wire.author is None and ("source", "Reuters") in [(c.role, c.name) for c in wire.credits]
    for paper in ("The Canberra Times", "AFP", "The Associated Press"):
        (art,) = articles(text.replace("Daily Patriot", paper))
        assert art.author is None and ("source", paper) in [(c.role, c.name) for c in art.credits], paper


def test_a_name_between_two_letters_under_one_heading_signs_the_first() -> None:
    text = ("Fire alarm\n"
            "Re \u201cHow the country should prepare for fire\u201d (Editorial, June 13): Finally, it is happening.\n"
            "So, what are you going to do now?\n"
            "Michael Price\n"
            "Re \u201cThe new reality of fire\u201d (Editorial, June 12): I forecast one tree left.\n"
            "Ian Guthrie\n")
    assert title_author_paragraphs(text) == ("Fire alarm", "Michael Price, Ian Guthrie", 3)
    # ... or on its salutation
    sirs = text.replace("Re \u201cThe new reality of fire\u201d (Editorial, June 12):", "Sir, \u2013")
    assert title_author_paragraphs(sirs) == ("Fire alarm", "Michael Price, Ian Guthrie", 3)


def test_a_name_and_a_comma_inside_or_before_a_letter_is_not_its_signature() -> None:
    text = ("Letter to the volunteers\nDear Li Ming,\nThank you for your work this summer. You saved lives.\n"
            "Zhang Wei,\nthe mayor, thanked everyone for the help.\n")
    (art,) = articles(text)
    assert art.author is None
    assert "signature" not in dict(roles_of(text)).values()


def test_a_teaser_that_ends_with_its_read_more_link_is_text_not_a_title() -> None:
    text = ("Message on World Autism Awareness Day\nThe answer begins with unity and solidarity.  Continue reading\n"
            "Message on World Water Day\nWater is life. Every drop counts.  Read more »\n")
    arts = articles(text)
    assert [a.title for a in arts] == ["Message on World Autism Awareness Day", "Message on World Water Day"]
    assert [len(a.paragraphs) for a in arts] == [1, 1]
    # the link is no part of the text
    assert [a.paragraphs[0].text for a in arts] == ["The answer begins with unity and solidarity.",
                                                    "Water is life. Every drop counts."]
    assert [s.text for s in arts[1].sentences] == ["Water is life.", "Every drop counts."]
    (art,) = articles("Why farmers' knowledge is vital\nThere are many factors that contribute to yield…... read more\n")
    assert art.paragraphs[0].text == "There are many factors that contribute to yield"
    # ``Read more…``: the text stops before it, and so does its last sentence; the mark of the cut is the text's
    text = ("China and the end of poverty\nPoverty has plunged since 1978. It goes on falling. Read more…\n"
            "Commentary: The flood of 1993\nThe flood was devastating. If the nation's response to […]\n")
    arts = articles(text)
    assert [a.paragraphs[0].text for a in arts] == ["Poverty has plunged since 1978. It goes on falling.",
                                                    "The flood was devastating. If the nation's response to […]"]
    assert [s.text for s in arts[0].sentences] == ["Poverty has plunged since 1978.", "It goes on falling."]


def test_bylines_and_agency_headers_keep_their_furniture_out() -> None:
    text = ("Quake drill held in schools\nBy Zhao Lei Updated Mar.4\nXinhua | Updated: 2015-03-02 11:20\n"
            "Pupils left their classrooms in two minutes. Teachers checked every name.\n")
    (art,) = articles(text)
    assert art.author == "Zhao Lei" and art.series is None
    assert [c.role for c in art.credits] == ["source"]
    assert [r for _, r in roles_of(text)] == ["title", "byline", "credit", "body"]
    bracketed = "Quake drill held in schools\nBy Zhang Zhouxiang (China Daily) Updated: 2017-06-28 07:36\nPupils left.\n"
    (art,) = articles(bracketed)
    assert art.author == "Zhang Zhouxiang"
    assert [r for _, r in roles_of(bracketed)] == ["title", "byline", "body"]


def test_a_title_hard_wrapped_onto_two_lines_opens_its_article() -> None:
    first = ("Officials said the new stations would cut response times in remote villages\nby half, "
             "and the county opened twelve of them in the spring of last year.\n\n"
             "Each station has eight trained staff, a vehicle and a satellite phone,\nand the teams "
             "train together once a month.\n\n")
    text = ("Grassroots rescue stations open in the mountain villages of the\nnorthern county\n\n" + first
            + "Enterprises urged to fix the safety hazards found by inspectors\nbefore the holiday\n\n"
            "Inspectors found 1,240 hidden dangers in the first quarter, most\nof them in small factories.\n")
    arts = articles(text)
    assert [a.title for a in arts] == [
        "Grassroots rescue stations open in the mountain villages of the northern county",
        "Enterprises urged to fix the safety hazards found by inspectors before the holiday",
    ]
    assert [len(a.paragraphs) for a in arts] == [2, 1]
    # a headline's date, wrapped onto a line of its own where it would not fit, is the rest of the headline
    dated = ("WHO Director-General's opening remarks at the media briefing on the cholera –\n5 September 2025\n\n"
             + first)
    (art,) = articles(dated)
    assert art.title == "WHO Director-General's opening remarks at the media briefing on the cholera – 5 September 2025"
    assert len(art.paragraphs) == 2
    # (one that would have fit on the line is the headline's date line)
    (art,) = articles("Remarks at the media briefing\n5 September 2025\n\n" + first)
    assert art.title == "Remarks at the media briefing" and [c.role for c in art.credits] == ["date"]
    # a headline signed at its end, wrapped before the writer's last name: the writer is named all the same
    signed = ("The Canonisation of Terror, By Wole Soyinka\n\n"
              "The sheer weight of indignation and revulsion of most Nigerians is felt\nby all. It is heavy.\n\n"
              "Standing Together Against Nigerian Government Impunity, By Integrity\nOrganisation\n\n"
              "It is time to demand accountability from all in positions of public\ntrust. It is late.\n")
    assert [a.author for a in articles(signed)] == ["Wole Soyinka", "Integrity Organisation"]
    # a line that alone would read as a byline, in the middle of a wrapped sentence, is more of the sentence
    team = ("Working team rushes to the quake zone\n\nThe team of the relief headquarters consists\nof members "
            "from the Ministry of Emergency Management, the Ministry of\nPublic Security, the National Health "
            "Commission and other authorities.\n\nThe quake killed 46 people. Rescue goes on in\nthe county.\n")
    # ... or, the line above broken where the next word would not fit, a name and a post
    briefing = ("Daily press briefing of the General Assembly\n\n"
                "The following is a near-verbatim transcript of the noon briefing given by\n"
                "Nkolo, Spokesperson for the President of the General Assembly.\n\n"
                "Good afternoon. The President will travel to the flooded\nprovinces on Monday and meet "
                "the teams of the relief\nagencies there.\n")
    for text in (team, briefing):
        (art,) = articles(text)
        assert art.author is None and len(art.paragraphs) == 2
    # a question headline in title case wrapped after ``and``: whole, it is a headline
    question = ("Millions of Homeowners Need Flood Insurance\n\nIt is the agency's job to warn homeowners about "
                "the risks, but its\napproach is limited. Few know.\n\n"
                "Can the President Really Order the Military to Occupy Cities and\nStates?\n\n"
                "The President has warned that he will send the military into states\nto curb protests. Can he?\n")
    assert [a.title for a in articles(question)][1:] == [
        "Can the President Really Order the Military to Occupy Cities and States?"]


def test_an_opinion_pages_kicker_headline_of_two_sentences_is_a_headline() -> None:
    first = ("Commentary: The flood of 1993 was devastating. Climate change has made conditions worse.\n"
             "Perhaps this is the summer that finally renders climate change real. Rivers rose fast.\n")
    second = ("Editorial: Young people deserve a seat at the table\n"
              "Young people are in crisis, the report says. They should be heard.\n")
    titles = ["Commentary: The flood of 1993 was devastating. Climate change has made conditions worse.",
              "Editorial: Young people deserve a seat at the table"]
    arts = articles(first + second)
    assert [a.title for a in arts] == titles and [len(a.paragraphs) for a in arts] == [1, 1]
    wrapped = ("Commentary: The flood of 1993 was devastating. Climate change has made\nconditions worse.\n\n"
               "Perhaps this is the summer that finally renders climate change real.\nRivers rose fast.\n\n"
               "Editorial: Young people deserve a seat at the table\n\n"
               "Young people are in crisis, the report says. They should be\nheard.\n")
    assert [a.title for a in articles(wrapped)] == titles
    # the kicker's colon alone does not make a headline of a sentence in a body
    (art,) = articles("Flood season begins\nReservoirs were checked. Pumps were tested.\n"
                      "Analysis: the reservoirs held, the engineers said in a report that ran to ninety pages. "
                      "They found no leaks in any of the dams that were checked this year.\n")
    assert len(art.paragraphs) == 2


def test_headlines_each_with_a_one_paragraph_teaser_are_a_listing_not_one_articles_sections() -> None:
    items = [("More flood victims evacuated in two states", "Over 5,000 people have been relocated to relief centres."),
             ("Over 1,000 affected by severe floods in the north", "Many have been evacuated from their homes."),
             ("Thousands to be evacuated as downpours persist", "The rain is in stark contrast to a year ago."),
             ("Authorities brace for double battle as floods displace over 11,000",
              "Thousands have been evacuated with the number rapidly rising, posing a challenge.")]
    text = "Thursday, August 5, 2021\n" + "".join(f"{h}\n{t}\n" for h, t in items)
    arts = articles(text)
    assert [(a.title, len(a.paragraphs)) for a in arts] == [(h, 1) for h, _ in items]
    assert [r for _, r in roles_of(text)] == ["date"] + ["title", "body"] * 4
    wrapped = "Thursday, August 5, 2021\n\n" + "".join(
        f"{textwrap.fill(h, 62)}\n\n{textwrap.fill(t, 40)}\n\n" for h, t in items)  # ``... over`` / ``11,000``
    assert [a.title for a in articles(wrapped)] == [h for h, _ in items]
    # sections of more than one paragraph: one article's subheadings
    longer = text.replace("relief centres.", "relief centres.\nThe camps are full.")
    (art,) = articles(longer.replace("from their homes.", "from their homes.\nRoads are shut."))
    assert len(art.paragraphs) == 6


def test_a_listings_stamps_above_its_headlines_head_the_items_below_them() -> None:
    barry = ("Tropical Storm Barry is expected to hit parts of Louisiana with more than 3 feet of storm surge and 20 "
             "inches of rain, and here's what that much water looks like in the streets")  # (more than 30 words)
    text = ("News 2022-09-28T14:58:19Z\n"
            "Hurricane Ian could push a wall of water into Florida. Here's what a storm surge is.\n"
            "Florida is bracing for a devastating flood of ocean water. Surges can be deadly.\n"
            "News 2019-07-12T18:33:19Z\n"
            f"{barry}\n"
            "New Orleans has already been drenched in nearly 9 inches of rain.\n"
            "News 2016-10-07T17:10:33Z\n"
            "This video of waves crashing into a house shows the power of the flooding\n")
    arts = articles(text)
    assert [a.title for a in arts] == [
        "Hurricane Ian could push a wall of water into Florida. Here's what a storm surge is.",
        barry,
        "This video of waves crashing into a house shows the power of the flooding"]
    assert [[c.line for c in a.credits] for a in arts] == [
        ["News 2022-09-28T14:58:19Z"], ["News 2019-07-12T18:33:19Z"], ["News 2016-10-07T17:10:33Z"]]
    assert [len(a.paragraphs) for a in arts] == [1, 1, 0]
    assert [r for _, r in roles_of(text)] == ["credit", "title", "body"] * 2 + ["credit", "title"]
    # a stamp above one article's headline, and one more at its end: the article's
    single = ("May 3, 2021\nFlood defences hold in the north\nThe river peaked overnight. Pumps ran.\n"
              "Engineers checked the walls at dawn.\nMay 4, 2021\n")
    (art,) = articles(single)
    assert len(art.paragraphs) == 2 and len(art.credits) == 2


def test_a_statement_names_who_gave_it_under_the_headline_and_goes_on_under_background() -> None:
    text = ("Commissioner on the floods in Central Europe\n"
            "Statement by Commissioner Kristalina Georgieva, European Commissioner for Humanitarian Aid\n"
            "At this difficult time our thoughts are with the people struggling with the floods.\n"
            "The countries hit by the floods know that the EU stands ready to assist.\n"
            "Background\n"
            "Heavy rains in the past three days led to floods and evacuations in Germany and Austria.\n")
    (art,) = articles(text)
    assert (art.title, art.author, len(art.paragraphs)) == (
        "Commissioner on the floods in Central Europe", "Kristalina Georgieva", 3)
    assert art.paragraphs[2].subheading == "Background"
    assert [r for _, r in roles_of(text)] == ["title", "byline", "body", "body", "heading", "body"]


def test_a_line_given_under_every_item_of_a_listing_is_furniture() -> None:
    items = ["Flooded residents on rooftops as the typhoon hits", "Seven dead in a capsized boat",
             "Thousands flee as the typhoon pummels the coast"]
    text = "".join(f"{h}\nRescuers reached the villages on Monday. More rain is due.\nW140 Full Story\n"
                   for h in items) + "Four dead, 23 hurt in blasts\n"
    arts = articles(text)
    assert [(a.title, a.author) for a in arts] == [(h, None) for h in items] + [("Four dead, 23 hurt in blasts", None)]
    assert [r for _, r in roles_of(text)] == ["title", "body", "furniture"] * 3 + ["title"]
    # a name under every item is not read as a repeated line (on a columnist's listing, it is the writer's)
    named = "".join(f"{h}\nJane Doe\nRescuers reached the villages on Monday. More rain is due.\n" for h in items)
    assert "repeated_line" not in {line.pattern for line in segment_lines(document(named)).lines}
    # nor is a headline printed three times in a row (the page's title, its social title, its heading)
    thrice = "\n".join([items[0]] * 3) + "\nRescuers reached the villages on Monday. More rain is due.\n"
    (art,) = articles(thrice)
    assert art.title == items[0] and [r for _, r in roles_of(thrice)] == ["title"] * 3 + ["body"]
    # ... or four times with only the page's furniture between (a publishing system's account, no writer)
    printed = "\n".join([items[0]] * 2 + ["Written by admin"] + [items[0]] * 2) + (
        "\nRECH, Germany – Rescuers reached the villages on Monday. More rain is due.\n")
    (art,) = articles(printed)
    assert (art.title, art.author) == (items[0], None)
    assert dict(roles_of(printed))["Written by admin"] == "furniture"


def test_a_short_line_above_text_that_goes_on_about_someone_named_above_is_a_subheading() -> None:
    text = ("Weather service: tornado struck the city on Saturday\n"
            "A team from the weather service surveyed the damage on Sunday, its chief Joel Dunn said.\n"
            "\"After what I've seen so far, it was a tornado,\" Dunn said.\n"
            "Tornado could be stronger than first thought\n"
            "Earlier, he confirmed it was a tornado and not straight-line winds that caused the damage.\n"
            "\"It could be higher,\" he said.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 4 and art.paragraphs[2].subheading == "Tornado could be stronger than first thought"
    # a new story's headline, its text naming its own people
    other = text.replace("Earlier, he confirmed", "The mayor confirmed")
    assert len(articles(other)) == 2


def test_a_line_of_fields_with_a_date_under_the_title_is_a_credit_and_the_article_announces_itself() -> None:
    text = ("September is National Preparedness Month\nby | Sep 22, 2020 | Blogs, Corporate\n"
            "Record-setting storms shed light on the need to prepare. Plans save lives.\n"
            "Know your alerts\nYou may know the alerts your phone receives in bad weather.\n")
    (art,) = articles(text)
    assert [r for _, r in roles_of(text)] == ["title", "credit", "body", "heading", "body"]
    assert art.paragraphs[1].subheading == "Know your alerts"


def test_a_line_in_capitals_inside_a_body_whose_subheadings_are_in_capitals_is_one_too() -> None:
    text = ("Flood fears grow right across the country, warnings issued\n"
            "Favourable weather has kept major flood fears at bay in the province, but we must watch the rivers\n"
            "THE RED RIVER CRESTED RIGHT ON CUE\nThe river crested at 35 feet on April 8. It was expected.\n"
            "FLOOD WARNINGS ISSUED FOR PARTS OF THE PROVINCE\nThe expected flood level has now been lowered.\n")
    (art,) = articles(text)
    assert art.title == "Flood fears grow right across the country, warnings issued"
    assert [p.subheading for p in art.paragraphs] == [
        "THE RED RIVER CRESTED RIGHT ON CUE", "FLOOD WARNINGS ISSUED FOR PARTS OF THE PROVINCE"]


def test_a_listing_of_signed_items_cut_under_the_last_headline_and_byline() -> None:
    items = [("The injustice of 2023 on the child", "Eze Jude Ogechukwu"), ("Sokoto state and poverty", "Jerry Uwah"),
             ("Why farmers' knowledge is vital", "Adewale Kupoluyi")]
    text = "".join(f"{h}\nNovember 29, 2022 {name} 0\nThe rains came early this year. Farms were flooded.\n"
                   for h, name in items) + "Of 2023 and our cornucopia of excesses\nNovember 28, 2022 Hassan Gimba 0\n"
    arts = articles(text)
    assert [(a.title, a.author) for a in arts] == [*items, ("Of 2023 and our cornucopia of excesses", "Hassan Gimba")]


def test_a_pages_label_above_the_headline_is_not_the_title() -> None:
    text = ("Speech\nNovember 7, 2007\nNew Delhi\n"
            "PM's address at the Asian Ministerial Conference on Disaster Risk Reduction\nHindi Version\n"
            "I am delighted to be here at this very important conference. Disasters know no boundaries.\n")
    (art,) = articles(text)
    assert art.title == "PM's address at the Asian Ministerial Conference on Disaster Risk Reduction"
    assert "furniture_above_title" in art.warnings


def test_a_box_of_dash_marked_headlines_inside_a_body_is_furniture_not_thesis_points() -> None:
    box = ("- Mayor starts off with sacking two top officials\n- Battery-run rickshaws move to main roads\n"
           "- Police send gifts to patients in hospital\n- Record spike in cases reported today\n")
    text = ("Cyclone looms as the country plans evacuations\nThe government will start evacuations on Tuesday. "
            "Shelters are ready.\n" + box + "The storm is expected to make landfall on Wednesday. Ports are shut.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 2
    assert [r for _, r in roles_of(text)] == ["title", "body"] + ["furniture"] * 4 + ["body"]
    # thesis points end like sentences
    points = box.replace(" officials\n", " officials.\n").replace(" roads\n", " roads.\n")
    (art,) = articles(text.replace(box, points))
    assert len(art.paragraphs) >= 4
    # ... and so are the points of a list the text announces with a colon
    advice = ("- Keep out of the sun between 11am and 3pm\n- Walk in the shade and apply sunscreen\n"
              "- Avoid exercise in the hottest parts of the day\n- Wear light, loose-fitting cotton clothes\n")
    announced = text.replace("Shelters are ready.\n" + box, "Stay out of the heat:\n" + advice)
    (art,) = articles(announced)
    assert len(art.paragraphs) == 6 and [p.kind for p in art.paragraphs[1:5]] == [ParagraphKind.THESIS_POINT] * 4


def test_a_paragraph_with_no_title_above_the_first_headline_is_the_pages_blurb() -> None:
    text = ("Photo: Nathan Mckinnon/RNZ\n"
            "Today's letters from readers cover topics including a colossal downpour of rain and the council's work.\n"
            "Bouquets for the flooding response\n"
            "I wish to commend all those involved in protecting our city during this downpour. Well done.\n"
            "Jo Millar\n")
    (art,) = articles(text)
    assert (art.title, art.author, len(art.paragraphs)) == ("Bouquets for the flooding response", "Jo Millar", 1)
    assert "furniture_above_title" in art.warnings
    assert [r for _, r in roles_of(text)] == ["credit", "furniture", "title", "body", "signature"]


def test_a_source_field_with_its_value_on_the_next_line_is_a_credit() -> None:
    text = ("• Delhi's bad air: the government has to get down to work\nPUBLISHED IN:\nCivil Society\n"
            "For more than a decade, Delhi has tried pollution controls. The air is still bad.\n"
            "• Flawed seeding\nPublished in:\nTimes of India\n"
            "Experiments have shown that cloud seeding cannot clear the air. It is costly.\n")
    arts = articles(text)
    assert [(a.title, [(c.role, c.name) for c in a.credits], len(a.paragraphs)) for a in arts] == [
        ("Delhi's bad air: the government has to get down to work", [("source", "Civil Society")], 1),
        ("Flawed seeding", [("source", "Times of India")], 1)]
    assert [r for _, r in roles_of(text)] == ["title", "credit", "credit", "body"] * 2


def test_stray_fields_are_not_paragraphs() -> None:
    text = "Flood season begins\n2019-08-02 14:10:05\nSource:\nReservoirs were checked. Pumps were tested.\nShare\n"
    (art,) = articles(text)
    assert [p.text for p in art.paragraphs] == ["Reservoirs were checked. Pumps were tested."]
    assert [r for _, r in roles_of(text)] == ["title", "credit", "furniture", "body", "furniture"]


def test_a_menu_above_the_title_is_furniture() -> None:
    text = ("News\nPolitics\nBusiness\nPresident visits the flooded province on Sunday\n"
            "Updated: 2020-07-12 09:30\nThe president met rescue workers. He thanked the volunteers.\n")
    (art,) = articles(text)
    assert art.title == "President visits the flooded province on Sunday"
    assert [r for _, r in roles_of(text)] == ["furniture"] * 3 + ["title", "credit", "body"]


def test_a_header_above_the_first_item_of_a_listing_is_furniture() -> None:
    item = "{}\nAuthor: {}\nThe item's first paragraph says what it is about. It goes on.\n"
    items = item.format("Storm clouds gathering over the coast", "Li Wei") + item.format(
        "Can the province rebuild before winter?", "Zhang Nan")
    text = ("Publication in economics, politics and public policy in the region\n"
            + item.format("Rivers rise after a week of heavy rain", "Wang Fang") + items)
    first, *rest = articles(text)
    assert first.title == "Rivers rise after a week of heavy rain" and first.series is None
    assert "furniture_above_title" in first.warnings and len(rest) == 2
    assert [r for _, r in roles_of(text)][:3] == ["furniture", "title", "byline"]
    # One article alone, or one whose siblings have decks too: a title and its deck, as before.
    alone = "Rivers rise after a week of heavy rain\nThe worst floods in decades\nBy Wang Fang\nThe body. More.\n"
    (art,) = articles(alone)
    assert (art.title, art.series) == ("Rivers rise after a week of heavy rain", "The worst floods in decades")


def test_a_credit_line_credits_each_person_it_names_and_a_reporter_is_the_author() -> None:
    text = ("City declares state of emergency\n(Reuters) - The city declared a state of emergency on Sunday. "
            "Rivers rose.\nTroops will help with sandbags.\n"
            "(Reporting by Denny Thomas in Toronto; Editing by Peter Cooney)\n")
    (art,) = articles(text)
    assert [(c.role, c.name) for c in art.credits] == [("reporter", "Denny Thomas"), ("editor", "Peter Cooney"),
                                                       ("source", "Reuters")]  # (the lead's tag)
    assert art.byline is not None and (art.author, art.byline.role) == ("Denny Thomas", "reporter")
    assert [c.line for c in art.credits][:2] == ["(Reporting by Denny Thomas in Toronto; Editing by Peter Cooney)"] * 2
    assert len(art.paragraphs) == 2
    # an editor alone is credited, never the author
    (edited,) = articles("A title of news\nThe text of it. More.\n(Web editor: Zhong Wenxing, Liang Jun)\n")
    assert edited.author is None
    assert [(c.role, c.name) for c in edited.credits] == [("web editor", "Zhong Wenxing, Liang Jun")]


def test_a_note_on_the_writer_after_the_body_is_the_byline_not_a_paragraph() -> None:
    text = ("When the emergency manager is the victim\nBeing prepared includes emergency managers.\n"
            "It was only last year that a manager told me she lived in a flood zone.\n"
            "Eric Holdeman is a contributing writer for Emergency Management magazine.\n"
            "Share\n")
    (art,) = articles(text)
    assert art.author == "Eric Holdeman" and len(art.paragraphs) == 2
    assert dict(roles_of(text))["Eric Holdeman is a contributing writer for Emergency Management magazine."] == (
        "byline")
    # the same sentence with the body going on below it is text about someone
    inside = text.replace("Share\n", "He has written on floods for years. He lives in Seattle.\n")
    (art,) = articles(inside)
    assert art.author is None and len(art.paragraphs) == 4
    # and an article with a byline keeps it, the note on someone else its text
    signed = text.replace("victim\n", "victim\nBy Li Wei\n")
    (art,) = articles(signed)
    assert art.author == "Li Wei" and len(art.paragraphs) == 3 and not art.credits
    # the note on the writer the byline names is a note credit, not a paragraph
    (art,) = articles(text.replace("victim\n", "victim\nBy Eric Holdeman\n"))
    assert art.author == "Eric Holdeman" and len(art.paragraphs) == 2
    assert [(c.role, c.name) for c in art.credits] == [("note", "Eric Holdeman")]


def test_a_text_size_widget_behind_a_dash_is_no_thesis_point() -> None:
    text = ("The war against catastrophic fire\nBy: Kevin Hanley\n-A +A\n"
            "At about 10 p.m. on Oct. 8, my nephew saw an ominous red glow. We left at once.\n")
    (art,) = checked_articles(text)
    assert (art.author, len(art.paragraphs)) == ("Kevin Hanley", 1)
    assert dict(roles_of(text))["-A +A"] == "furniture"


def test_a_page_s_list_of_its_details_behind_dashes_gives_the_writer_and_the_day() -> None:
    text = ("Wildfires threaten communities, thousands forced to flee\n- Kyle Sooley-Brookings\n- May 30\n"
            "- 1 min read\nBoth provinces have declared a state of emergency due to wildfires.\n"
            "Crews are fighting 15 active fires.\n")
    (art,) = checked_articles(text)
    assert (art.author, art.series, len(art.paragraphs)) == ("Kyle Sooley-Brookings", None, 2)
    assert [(c.role, c.name) for c in art.credits] == [("date", "May 30")]
    assert [r for _, r in roles_of(text)][2:4] == ["date", "furniture"]


def test_a_note_on_the_writer_in_brackets_opening_the_text_is_the_byline() -> None:
    note = "(Bill Sternberg is a veteran Washington journalist and former editorial page editor of USA Today.)"
    text = (f"Red states in crosshairs as hurricane season starts\n{note}\n"
            "The weather in Florida is beautiful for much of the year. Summer is another matter.\n"
            "This year, a flurry of actions is compounding the apprehension.\n")
    (art,) = checked_articles(text)
    assert (art.author, len(art.paragraphs)) == ("Bill Sternberg", 2)
    assert dict(roles_of(text))[note] == "byline"
    # the same note without brackets, with the text going on under it, is text about someone
    (art,) = articles(text.replace(note, note[1:-1]))
    assert art.author is None and len(art.paragraphs) == 3


def test_browser_notices_and_photo_credits_are_not_articles() -> None:
    text = ("IE 11 Not Supported\nFor optimal browsing, we recommend Chrome, Firefox or Safari browsers.\n"
            "UN Photo/Jean-Marc Ferre\nWhen the Emergency Management Director Is the Victim\n"
            "Being prepared for disasters includes emergency managers. It is true.\n")
    (art,) = articles(text)
    assert art.title == "When the Emergency Management Director Is the Victim"
    assert [r for _, r in roles_of(text)] == ["furniture", "furniture", "credit", "title", "body"]


def test_a_page_title_above_the_pages_chrome_is_furniture_and_the_headline_opens_the_article() -> None:
    title = "Fires, the next step: help the victims"
    text = (f"{title}\nThis was published 1 year ago\n{title}\n"
            "Emergency services did well this summer. We lost our home.\nBonny Francis, Upper Plenty\n")
    (art,) = articles(text)
    assert art.title == title and art.char_start == text.index(f"\n{title}\n") + 1
    assert [r for _, r in roles_of(text)][:3] == ["furniture", "furniture", "title"]
    # the same header printed twice with only its date between: the article opens at the first
    twice = f"{title}\n24 September 2009\n{title}\n24 September 2009\nThe text of it. More.\n"
    (art,) = articles(twice)
    assert art.char_start == 0
    # the headline recalled under the text (``You just read:``) is furniture, and the headline stays the title
    headline = "Governor proclaims a state of emergency in the county"
    recalled = (f"{headline}\nPublished:\nThe governor proclaimed a state of emergency today. Crews are at work.\n"
                "The proclamation can be found here.\n###\nYou just read:\n"
                f"{headline}\n")
    (art,) = articles(recalled)
    assert art.title == headline and art.char_start == 0
    assert [r for _, r in roles_of(recalled)][-2:] == ["furniture", "furniture"]


def test_speaker_labels_and_letter_references_are_headings_of_the_text_below() -> None:
    text = ("Is a tsunami warning system feasible?\nTranscript of a VOA interview\nMS. PEARSON:\n"
            "My guest today is Dr. Jack Harrald. Is there a system in place?\nPROFESSOR HARRALD:\n"
            "There is no system in place in the Indian Ocean.\n")
    (art,) = articles(text)
    assert [p.subheading for p in art.paragraphs] == ["MS. PEARSON:", "PROFESSOR HARRALD:"]
    assert "subheading_inferred" not in art.warnings
    # a label with the speaker's part after a comma, as radio transcripts print it
    radio = ("How FEMA is preparing for the hurricane\nJUANA SUMMERS, HOST:\nA major hurricane is headed for Florida. "
             "It is the second.\nCRAIG FUGATE, BYLINE:\nThanks for having me.\n")
    (art,) = articles(radio)
    assert [p.subheading for p in art.paragraphs] == ["JUANA SUMMERS, HOST:", "CRAIG FUGATE, BYLINE:"]
    letters = ("Examining the reaction to the hurricane\nRe \u201cWhy FEMA Was Missing in Action,\u201d Sept. 5\n"
               "If the public accepts the blame-shifting, we will learn nothing.\nRICHARD BROCK\nLaguna Niguel\n*\n"
               "Re \u201cMake a plan, now,\u201d editorial, Sept. 3\nI agree with most of the editorial.\n"
               "MARV WALKER\nNorthridge\n")
    (art,) = articles(letters)
    assert [p.subheading for p in art.paragraphs] == ["Re \u201cWhy FEMA Was Missing in Action,\u201d Sept. 5",
                                                   "Re \u201cMake a plan, now,\u201d editorial, Sept. 3"]
    assert art.author == "Richard Brock, Marv Walker"  # every letter's signer, names as names are written
    (art,) = articles(letters.replace("MARV WALKER", "SIR MARV WALKER CBE"))
    assert art.author == "Richard Brock, Marv Walker"  # (a knight's title and honours left out)
    assert dict(roles_of(letters))["Laguna Niguel"] == "signature" and dict(roles_of(letters))["*"] == "furniture"


def test_a_label_and_a_colon_above_text_is_its_heading_and_alone_an_empty_field() -> None:
    text = ("Press conference on emergency management\nBy Li Wei\nChen Wenjun:\nGood morning. Welcome.\n"
            "Zhou Xuewen:\nI am pleased to meet you.\nSource:\n")
    (art,) = articles(text)
    assert [p.subheading for p in art.paragraphs] == ["Chen Wenjun:", "Zhou Xuewen:"]
    roles = dict(roles_of(text))
    assert (roles["Chen Wenjun:"], roles["Source:"]) == ("heading", "furniture")
    # a transcript with no headline: the speakers named in title case head their turns of an untitled text
    bare = ("China Daily:\nThe report sets out the requirements. What will be done?\n"
            "Tang Fangyu:\nThank you. The report sets out the tasks.\nThe Party will carry them out.\n")
    (art,) = articles(bare)
    assert [p.subheading for p in art.paragraphs] == ["China Daily:", "Tang Fangyu:", None]
    assert dict(roles_of(bare))["China Daily:"] == "heading"


def test_a_contact_block_is_credits_not_a_signature() -> None:
    text = ("Mayor's statement on flood ordinances\nHOUSTON - The mayor urged the council to act. It did.\n#\n"
            "Contact:\nAlan Bernstein\nCommunications Director\nOffice: 832.393.0800\n"
            "Alan.Bernstein@houstontx.gov\nYou can update your preferences or unsubscribe from this list\n")
    (art,) = articles(text)
    assert art.author is None and len(art.paragraphs) == 1
    assert [c.role for c in art.credits] == ["contact"] * 5
    roles = [r for _, r in roles_of(text)]
    assert roles == ["title", "body", "furniture", *["credit"] * 5, "furniture"]


def test_listing_headlines_in_title_case_and_with_link_markers() -> None:
    text = ("Educating Our Guardians (PDF)\nThe recent storms showed the gaps. More.\n"
            "Can the President Really Order the Military to Occupy U.S. Cities?\n"
            "The president has warned that he will send the military.\n"
            "Is This the Worst Year in Modern American History?\nComparing 2020 to 1968 offers lessons.\n")
    arts = articles(text)
    assert [a.title for a in arts] == ["Educating Our Guardians",
                                       "Can the President Really Order the Military to Occupy U.S. Cities?",
                                       "Is This the Worst Year in Modern American History?"]
    # a question in running text is not a headline
    (art,) = articles("Flood season\nBy Li Wei\nThe rain came early. What will you do?\nWhat will we do next?\n"
                      "We will build dikes.\n")
    assert len(art.paragraphs) == 3


def test_a_headline_broken_over_two_lines_is_one_title() -> None:
    text = ("Russians try to coax\ncult members out\n\nMOSCOW - Doctors were trying to coax the cult members out. "
            "They waited.\n\nBalloon crash kills two men\n\nA hot-air balloon crashed on Friday. Two men died.\n")
    arts = articles(text)
    assert [a.title for a in arts] == ["Russians try to coax cult members out", "Balloon crash kills two men"]
    first = segment_lines(document(text))[1][0]  # one line role for the headline, as for a hard-wrapped paragraph
    assert (first.role, text[first.char_start : first.char_end]) == ("title", "Russians try to coax\ncult members out")
    # in a text with a blank line after every line, and hard-wrapped, the headline's lines have one between them
    spaced = text.replace("coax\ncult", "coax\n\ncult")
    assert [a.title for a in articles(spaced)] == ["Russians try to coax cult members out", "Balloon crash kills two men"]
    wrapped = "\n\n".join(textwrap.fill(part, 28) for part in spaced.split("\n\n"))
    assert "trying\nto coax" in wrapped and "members\nout" in wrapped
    assert [a.title for a in articles(wrapped)] == ["Russians try to coax cult members out", "Balloon crash kills two men"]
    # a deck in sentence case is no part of the title
    (art,) = articles("Rivers rise after a week of rain\nThe worst floods in decades\nThe body. More.\n")
    assert art.series == "The worst floods in decades"
    # a single word in lower case under the headline is a label of the page's, not the headline's last word
    (art,) = articles("Province works to declare a state of disaster\naccreditation\nThe body. More.\n")
    assert art.title == "Province works to declare a state of disaster"


def test_a_headline_under_its_images_text_and_a_letters_pages_label() -> None:
    item = "{0}\nOpinion\n{1}: {0}\nThe first line of the column says what it is. More.\n{1} 12 Nov 2025\n"
    text = item.format("An alternative to asset sales", "Cameron Bagrie") + item.format(
        "Stocks and bonds have history on their side", "David Chaplin")
    arts = articles(text)
    assert [a.title for a in arts] == ["Cameron Bagrie: An alternative to asset sales",
                                       "David Chaplin: Stocks and bonds have history on their side"]
    assert [a.author for a in arts] == ["Cameron Bagrie", "David Chaplin"]
    letters = ("Letters to the Editor \u2014 July 28, 2021\nChange in Karnataka\nPolitics in the state is driven by "
               "caste. It will change.\nV. Lakshmanan,\nTirupur, Tamil Nadu\n")
    (art,) = articles(letters)
    assert art.title == "Change in Karnataka" and art.author == "V. Lakshmanan"
    assert roles_of(letters)[0] == ("Letters to the Editor \u2014 July 28, 2021", "furniture")


WRAPPED_PARAGRAPH = ("China has had remarkable success in alleviating poverty. According to\nWorld Bank statistics, the "
                     "number of poor people fell from 770 million\nto 55 million.")


def test_a_photo_caption_hard_wrapped_onto_several_lines_is_furniture() -> None:
    caption = ("A boy, whose parents collect garbage for a living, plays on a makeshift\nswing at his dwelling, "
               "in Yuncheng, Shanxi province, 10 March 2015.\n(Photo: Reuters).")
    text = f"Can China eradicate poverty?\n\n{caption}\n\nAuthor: Ding Dou, Peking University\n\n{WRAPPED_PARAGRAPH}\n"
    (art,) = articles(text)
    assert art.title == "Can China eradicate poverty?" and art.author == "Ding Dou"
    assert len(art.paragraphs) == 1 and art.paragraphs[0].text.startswith("China has had")
    # a credit line under a wrapped paragraph stays a credit
    (art,) = articles("Flood relief\n\nThe rain came early this year and the\nriver rose fast.\n(Editor: Li Wei)\n"
                      "\nMore text follows here for the\nsecond paragraph, wrapped too.\n")
    assert [(c.role, c.name) for c in art.credits] == [("editor", "Li Wei")]
    # a sentence broken where its next word would not fit, the rest alone like a stamp: one paragraph
    broken = ("Power crews walk down a stretch of Woodlawn Road in Dartmouth that was\nheavily damaged during "
              "hurricane Fiona on Saturday, the day after it\nmade landfall in the east of the province "
              "on Friday night, at 2 a.m.,\nSept. 24, 2022. Ryan Taplin - The Chronicle Herald")
    assert all(len(line) <= 72 for line in broken.splitlines())
    (art,) = articles(f"Power outages will last days\n\n{broken}\n\n{WRAPPED_PARAGRAPH}\n")
    assert len(art.paragraphs) == 2 and art.paragraphs[0].text.endswith("Chronicle Herald")
    assert not art.credits


def test_a_notice_hard_wrapped_after_a_line_that_alone_looks_like_furniture_is_furniture() -> None:
    notice = ("Copyright 1995 - 2017. All rights reserved. The content (including but not\nlimited to text, photo, "
              "multimedia information, etc) published in this\nsite belongs to the paper.")
    text = f"Poverty falls\n\n{WRAPPED_PARAGRAPH}\n\nPhoto\n\n{notice}\n\nRegistration Number: 130349\n"
    (art,) = articles(text)
    assert art.title == "Poverty falls" and len(art.paragraphs) == 1
    doc = document(text)
    roles = [(doc.text[r.char_start : r.char_end], r.role) for r in segment_lines(doc).lines]
    assert [r for line, r in roles if line.startswith("Copyright")] == ["furniture"]
    assert [line for line, _ in roles if line.startswith("Copyright")] == [notice]  # the whole notice, one line
    # a paragraph that opens with a few words that alone look like furniture is judged whole: text
    text = f"Poverty falls\n\n{WRAPPED_PARAGRAPH}\n\nShare\nof the poor fell again, the bank said. It fell\nfast.\n"
    (art,) = articles(text)
    assert len(art.paragraphs) == 2 and art.paragraphs[1].text.startswith("Share")
    # a line of furniture broken where its next word would not fit on it: the words below are the furniture's
    skip = "Skip to navigationSkip to contentSkip to footerHelp using this website -\nAccessibility statement"
    text = f"{skip}\n\nPoverty falls\n\n{WRAPPED_PARAGRAPH}\n\n{WRAPPED_PARAGRAPH}\n"
    (art,) = articles(text)
    assert art.title == "Poverty falls" and len(art.paragraphs) == 2
    # a short one the next word would have fitted on was not broken by the wrap: the line below is its own
    text = f"Advertisement\nPoverty falls\n\n{WRAPPED_PARAGRAPH}\n\n{WRAPPED_PARAGRAPH}\n"
    assert [a.title for a in articles(text)] == ["Poverty falls"]


def test_a_caption_s_photo_credit_is_a_credit_of_the_article_it_stands_in() -> None:
    text = ("Floods hit the south\nBy Li Wei\nRescuers carry a boy through the water in Guilin on June 9, 2023. "
            "(Xinhua/Zhang Ling)\nThe rain fell for a week. Rivers rose.\n(Editor: Wang Fang)\n")
    (art,) = articles(text)
    assert [(c.role, c.name) for c in art.credits] == [("editor", "Wang Fang"), ("photo", "Xinhua/Zhang Ling")]
    assert art.credits[1].line.startswith("Rescuers carry a boy") and len(art.paragraphs) == 1
    assert art.author == "Li Wei"  # a photographer is never the author
    # a copyright notice under the text credits no picture
    (art,) = articles(text + "Copyright ©1999-2018\nReproduction in whole or in part without permission is prohibited.\n")
    assert [c.role for c in art.credits] == ["editor", "photo"]


def test_a_speech_names_its_speaker_under_a_pull_quote_and_goes_on() -> None:
    text = ("Keynote speech by the minister at the flood conference\n"
            "\u201cWe must combine forces and keep our feet dry.\u201d\n"
            "Speech by Minister Cora van Nieuwenhuizen at the Flood & Coast Conference, 9 December 2020.\n"
            "Thank you for the invitation, Emma.\nIt is great to be here.\n")
    (art,) = articles(text)
    assert art.author == "Cora van Nieuwenhuizen" and len(art.paragraphs) == 3


def test_a_contact_block_under_a_bare_label_takes_its_numbers() -> None:
    text = ("Statement from the minister on the floods\nOttawa - The minister issued a statement. It is short.\n"
            "Contacts\nScott Bardsley\nManager of Media and Communications\n613-998-5681\n"
            "scott.bardsley@canada.ca\n")
    (art,) = articles(text)
    assert art.author is None and len(art.paragraphs) == 1
    assert [r for _, r in roles_of(text)] == ["title", "body", *["credit"] * 5]


def test_a_releases_headline_under_its_contact_block_heads_it() -> None:
    # the contact block printed above the release: the long short line over the release's stamp is its headline
    text = ("Contact Information\nGovernor's Communications Office, 360-902-4136\n"
            "Gov. Gregoire signs statewide State of Emergency proclamation due to wildfires\n"
            "For Immediate Release: July 11, 2008\nOLYMPIA - The governor today signed a proclamation. It frees "
            "up funding to fight the fires.\n")
    (art,) = articles(text)
    assert art.title == "Gov. Gregoire signs statewide State of Emergency proclamation due to wildfires"
    assert [r for _, r in roles_of(text)][:3] == ["credit", "credit", "title"]
    # over its text rather than a stamp, too
    (art,) = articles(text.replace("For Immediate Release: July 11, 2008\n", ""))
    assert art.title.startswith("Gov. Gregoire signs")
    # a contact's office and post, short or over a number, stay the block's
    text = ("Statement from the minister on the floods\nOttawa - The minister issued a statement. It is short.\n"
            "Contacts\nOffice of the Minister of Public Safety and Emergency Preparedness\n613-998-5681\n"
            "Media Relations\nPublic Safety Canada\n")
    (art,) = articles(text)
    assert [r for _, r in roles_of(text)] == ["title", "body", *["credit"] * 5]


def test_a_stored_copys_date_before_a_paragraph_is_not_its_text() -> None:
    text = (" date 2025-01 STATUS RED WIND warnings are due to come into effect for all of Ireland this morning, as "
            "Storm Eowyn makes landfall.\nSchools are set to close. People were urged to work from home.\n")
    (art,) = articles(text)
    assert art.paragraphs[0].text.startswith("STATUS RED WIND warnings")
    assert text[art.paragraphs[0].char_start : art.paragraphs[0].char_end] == art.paragraphs[0].text
    assert not art.title.startswith("date")
    # before a byline, the name and its place after a comma: the writer, no headline
    text = (" date 2021-05-13 By Olawale Ayeni, Abuja\nAs the rains come, it is vital to begin taking preemptive "
            "steps against flooding, officials said.\nThe agency warned 20 states.\n")
    (art,) = articles(text)
    assert art.author == "Olawale Ayeni" and len(art.paragraphs) == 2


def test_a_list_items_bullet_is_its_marker_not_its_text() -> None:
    text = ("Flood recovery begins in Texas\nIf you have flooding damage, insurers urge you to follow these steps:\n"
            "  • Shovel or scrape the mud off your floors before it dries. Then hose down the walls.\n"
            "  • Inspect property and cars for damage.\n"
            "Insurers are standing by, the association's vice president said on Monday.\n")
    (art,) = checked_articles(text)
    items = art.paragraphs[1:3]
    assert [p.text[:8] for p in items] == ["Shovel o", "Inspect "]
    assert [p.marker for p in items] == ["•", "•"]
    assert {p.kind for p in items} == {ParagraphKind.BODY}
    assert [s.text for s in items[0].sentences] == ["Shovel or scrape the mud off your floors before it dries.",
                                                     "Then hose down the walls."]
    assert art.paragraphs[0].marker is None and art.paragraphs[3].marker is None


def test_a_paragraphs_number_is_its_marker_not_its_text() -> None:
    text = ("Keynote address at the regional platform for disaster risk reduction\n"
            "1. First and foremost, allow me to convey the warm greetings of the Chairperson. It is a pleasure.\n"
            "2) This demonstrates the commitment of the Government of Kenya to reducing the risk of disasters.\n"
            "12. We now understand better that a hazard affecting a country often affects its neighbours too.\n"
            "The rainfall was 3.5 mm higher than last year, and 2019 was the wettest year on record.\n")
    (art,) = checked_articles(text)
    assert [p.marker for p in art.paragraphs] == ["1.", "2)", "12.", None]
    assert [p.text[:6] for p in art.paragraphs] == ["First ", "This d", "We now", "The ra"]
    assert art.paragraphs[0].sentences[0].text == "First and foremost, allow me to convey the warm greetings of the Chairperson."
    assert {p.kind for p in art.paragraphs} == {ParagraphKind.BODY}
    # a number that opens no paragraph's text stays: a figure, a year, a numbered headline
    for line in ("3.5 million people were displaced by the floods, the ministry said on Tuesday morning.",
                 "2019. That was the year the river burst its banks and the town was cut off for a week."):
        (art,) = articles(f"Floods displace millions\n{line}\n")
        assert art.paragraphs[0].text == line and art.paragraphs[0].marker is None
    (first, second) = articles("Ten ways to prepare\n3. Make a plan\nTalk to your family about where to meet.\n"
                               "4. Build a kit\nKeep water and food for three days.\n")
    assert [first.title, second.title] == ["3. Make a plan", "4. Build a kit"]


def test_a_letters_salutation_is_its_marker_not_its_text() -> None:
    text = ("Fire in the North\nSir, – We, the nation, have always known how to join together. Blame will have its day.\n"
            "Accusations will have their day as well.\nDavid Levy, Kfar Saba\n"
            "Sir — Northern Israel has been burning at a shocking rate. Over 40 are dead.\nMary Brien, Canberra\n"
            "EDITOR: I remember when the City Council approved housing in the hills. It was a mistake.\n")
    (art,) = checked_articles(text)
    assert [p.marker for p in art.paragraphs] == ["Sir, –", None, "Sir —", "EDITOR:"]
    assert [p.text[:9] for p in art.paragraphs] == ["We, the n", "Accusatio", "Northern ", "I remembe"]
    assert art.paragraphs[0].sentences[0].text == "We, the nation, have always known how to join together."
    # (each letter still opens on its salutation: the line above it is the last one's signature)
    assert [r for _, r in roles_of(text)] == ["title", "body", "body", "signature", "body", "signature", "body"]
    (art,) = articles("Flood insurance\nSir, I read your report on the floods with dismay. It was wrong.\n")
    assert (art.paragraphs[0].marker, art.paragraphs[0].text[:6]) == ("Sir,", "I read")
    # a knight's title, or a line that names the editor, is no salutation
    for line in ("Sir Keir Starmer visited the flooded towns on Monday and met the families who lost their homes.",
                 "Editor and publisher Jane Doe said the paper would cover the floods from every town in the county."):
        (art,) = articles(f"Floods hit the north\n{line}\n")
        assert art.paragraphs[0].text == line and art.paragraphs[0].marker is None


def test_a_bulleted_source_where_a_listing_names_its_writers_closes_the_item() -> None:
    text = ("Cracks ground RAAF planes as bushfire season looms\nThe air force grounded its planes this week.\n"
            "• Andrew Tillett\nDecember 2023\n"
            "NSW gets it right on emergency services levy\nLevying insurance premiums was a bad idea.\n"
            "• The AFR View\nNovember 2023\n"
            "Cameras being installed and checked - Dr Emma Spencer (right) with a volunteer.\n"
            "Using AI to help save wildlife after bushfires\nEcologists know that far more data is needed.\n"
            "• Sian Powell\nSeptember 2023\n")
    arts = articles(text)
    assert [(a.title, a.author) for a in arts] == [
        ("Cracks ground RAAF planes as bushfire season looms", "Andrew Tillett"),
        ("NSW gets it right on emergency services levy", None),
        ("Using AI to help save wildlife after bushfires", "Sian Powell")]
    assert ("source", "The AFR View") in [(c.role, c.name) for c in arts[1].credits]
    roles = dict(roles_of(text))
    assert roles["• The AFR View"] == "credit"
    assert roles["Cameras being installed and checked - Dr Emma Spencer (right) with a volunteer."] == "furniture"


def test_a_signature_with_letters_beyond_ascii_signs_the_letter() -> None:
    text = ("Flood defences failed us\nThe river rose overnight and the defences failed. The council must act now.\n"
            "Élise Durand\nThe levy is unfair\nThe new levy is unfair to farmers who already pay for their drains.\n"
            "John Smith\n")
    assert [(a.title, a.author) for a in articles(text)] == [("Flood defences failed us", "Élise Durand"),
                                                             ("The levy is unfair", "John Smith")]


def test_a_wire_caption_is_known_by_how_it_opens() -> None:
    lead = "Hurricane Florence is projected to deal only a glancing blow. Prepare well in advance."
    for caption in ("In this satellite image provided by NOAA, Hurricane Florence churns through the Atlantic "
                    "Ocean toward the U.S. East Coast.",
                    "In this Aug. 14, 2016, file photo, a dump truck loaded with flood victims tilts off the road.",
                    "This photo released by the fire service shows the burned hillside."):
        text = f"Hurricane Florence should remind everyone to be prepared\n{caption}\n{lead}\n"
        (art,) = articles(text)
        assert [p.text for p in art.paragraphs] == [lead], caption
        assert roles_of(text)[1] == (caption, "furniture")
    # a paragraph that speaks of a photo is text
    text = ("Hurricane Florence should remind everyone to be prepared\nIn this photo you can see how high the water "
            "rose. It rose fast.\n" + lead + "\n")
    assert len(articles(text)[0].paragraphs) == 2


def test_a_letters_salutation_on_its_own_line_is_no_paragraph() -> None:
    text = ("Don't minimize damage done by latest typhoon\nDec. 9 — To the Editor:\nThe recent typhoon took at "
            "least 90 lives. Thousands of homes were destroyed.\nKatherine Mendez\nEliot, Maine\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 1 and art.author == "Katherine Mendez"
    assert roles_of(text)[1] == ("Dec. 9 — To the Editor:", "furniture")


def test_an_images_stand_in_text_is_no_byline() -> None:
    text = ("Nation news briefs\nPlaceholder Image\nCLEVELAND (AP) — Cleveland police fired a sergeant. Others were "
            "suspended.\nDozens of cruisers joined the chase. It ended in a school's grounds.\n")
    (art,) = articles(text)
    assert art.title == "Nation news briefs" and art.author is None
    assert roles_of(text)[1] == ("Placeholder Image", "furniture")


def test_a_page_label_over_a_stamp_and_the_headline_is_no_article() -> None:
    text = ("Press Conferences\n25.06.2009 11:20\nExtraordinary Press Conference after the Meeting of the National "
            "Security Council\nRoman Prorok, spokesman of the Government: Good morning, ladies and gentlemen. We "
            "begin.\nJan Fischer, Prime Minister: Thank you. The floods are serious.\n")
    (art,) = articles(text)
    assert art.title.startswith("Extraordinary Press Conference")
    assert [(c.role, c.name) for c in art.credits] == [("timestamp", "25.06.2009 11:20")]


def test_a_stamp_in_a_pages_list_of_details_is_a_credit() -> None:
    text = ("Landslide in India kills at least four people\n- 09:11, 20 July, 2023\nNew Delhi, 20 July 2023 (dpa) - "
            "At least four people have been killed in a landslide. Several are missing.\n- Updated: 20 July, 2023\n")
    (art,) = articles(text)
    assert art.title == "Landslide in India kills at least four people" and len(art.paragraphs) == 1
    assert [r for _, r in roles_of(text)] == ["title", "credit", "body", "credit"]
    # the date and the time on two lines, each behind its dash
    two = "Fire in Fuzuli district\nIncident\n- 30 June, 2021\n- 13:28\nA fire broke out in an open area.\n"
    (art,) = articles(two)
    assert len(art.paragraphs) == 1 and [r for _, r in roles_of(two)][2:] == ["credit", "credit", "body"]


def test_a_headline_inside_a_text_that_goes_on_without_its_words_is_no_article() -> None:
    above = ("Of Cyclone Idai and preparedness for disasters\nMILLIONS of hapless citizens of Mozambique, Malawi and "
             "Zimbabwe were hit by Cyclone Idai near the border with Mozambique.\n")
    below = ("Weeks after the cyclone, hundreds of thousands of citizens in Mozambique and Malawi still need food, "
             "water and shelter.\n")
    link = "We shall regain Adamawa, Sokoto, Bauchi from PDP at Tribunals, APC vows"
    (art,) = articles(above + link + "\n" + below)
    assert len(art.paragraphs) == 2 and dict(roles_of(above + link + "\n" + below))[link] == "furniture"
    # a short line there is the text's subheading
    (art,) = articles(above + "The morning after\n" + below)
    assert len(art.paragraphs) == 2 and art.paragraphs[1].subheading == "The morning after"
    # a headline its paragraph shares words with heads an article of its own, and so does one in the words of the
    # headline above it, whatever its paragraph says
    other = "Adamawa tribunal hears APC petition\nThe tribunal in Adamawa heard the APC petition on Monday.\n"
    assert len(articles(above + other)) == 2
    sibling = "Of Cyclone Idai and preparedness for floods\n" + below
    assert [a.title for a in articles(above + sibling)] == ["Of Cyclone Idai and preparedness for disasters",
                                                             "Of Cyclone Idai and preparedness for floods"]
    # a long paragraph below that goes on with a quarter of its words; a text whose headline the page lost
    longer = ("Weeks after the cyclone, hundreds of thousands of citizens in Mozambique and Malawi still need food, "
              "water and shelter, aid agencies said on Monday.\n")
    (art,) = articles(above + link + "\n" + longer)
    assert len(art.paragraphs) == 2
    untitled = above.split("\n", 1)[1]
    (art,) = articles(untitled + link + "\n" + below)
    assert len(art.paragraphs) == 2 and dict(roles_of(untitled + link + "\n" + below))[link] == "furniture"


def test_a_teaser_cut_from_the_lead_under_the_headline_is_its_deck() -> None:
    lead = ("Bangladesh has evacuated over a million people from their coastal villages on Sunday for concrete storm "
            "shelters as the low-lying nation prepared for crashing waves when a cyclone makes landfall, top "
            "government disaster officials said.")
    for teaser in (lead[:220], lead[:200] + "..."):
        text = f"Bangladesh evacuates over 1 million people\n{teaser}\nDhaka: {lead}\nThe storm landed at night.\n"
        (art,) = articles(text)
        assert art.series == teaser.strip() and len(art.paragraphs) == 2, teaser
    # a first paragraph that the next one does not repeat is text
    text = ("Bangladesh evacuates over 1 million people\nShelters filled up fast in the southern districts, where "
            f"roads were cut by rising water.\nDhaka: {lead}\n")
    assert len(articles(text)[0].paragraphs) == 2


def test_a_quoted_standfirst_in_title_case_is_the_deck() -> None:
    deck = "“Recent Events Signal a Clear Need to Refocus Efforts on Flood Prevention, Not Just Response”"
    text = (f"Caught Off Guard\nBy Angela Mutiso\n{deck}\nRecent floods have exposed a lack of preparedness. "
            "Homes were lost.\nThe county must plan. It has not.\n")
    (art,) = articles(text)
    assert art.series == deck and len(art.paragraphs) == 2
    # a lead that opens on a quotation is text
    lead = "“We are ready for the rains,” the governor said on Monday."
    (art,) = articles(f"Caught Off Guard\nBy Angela Mutiso\n{lead}\nHomes were lost. The county must plan.\n")
    assert art.series is None and len(art.paragraphs) == 2


def test_a_short_headline_its_lead_tells_over_a_note_stays_the_title() -> None:
    lead = ("PRESIDENT Ersin Tatar expressed his condolences yesterday after a powerful earthquake struck the "
            "province of Izmir.")
    text = f"Earthquake rocks Izmir\nTaken from this weeks issue\n{lead}\nRescue teams were sent.\n"
    (art,) = articles(text)
    assert art.title == "Earthquake rocks Izmir" and art.series is None
    assert roles_of(text)[1] == ("Taken from this weeks issue", "furniture")
    # a section's name over the headline is still page furniture
    (art,) = articles(f"World News\nTatar sends condolences to Turkey after quake\n{lead}\nRescue teams were sent.\n")
    assert art.title == "Tatar sends condolences to Turkey after quake"


def test_a_caption_over_its_credit_under_the_stamp_is_no_headline() -> None:
    text = ("Let's not forget about the heatwave now it's over\nMany acted like COVID was over once restrictions "
            "ended. Let's not do the same with the heat\nMaysa Pritilata\n17 August 2022, 10.53am\n"
            "Emergency services at the scene of a blaze in the village of Wennington, East London, in July\n"
            "PA Images / Alamy Stock Photo\nI don't think I've ever been so relieved to see rain. It was a long "
            "summer.\nThe heat will come back. We must plan.\n")
    (art,) = articles(text)
    assert art.title == "Let's not forget about the heatwave now it's over" and art.author == "Maysa Pritilata"
    assert ("photo", "PA Images / Alamy Stock Photo") in [(c.role, c.name) for c in art.credits]
    assert roles_of(text)[4][1] == "furniture" and len(art.paragraphs) == 2


def test_letters_signed_with_the_writers_address_and_headed_over_sir() -> None:
    text = ("Floods again\nSir, It is time for the agencies and councils to realise that maintenance is the best "
            "form of prevention.\nJames C T Angus. The Bothy, Muirhead Farm, Craigrothie, Cupar.\n"
            "A sad state of affairs\nSir, A very sad state of affairs, the reversal of which should be a priority.\n"
            "Mike Masson, Oak Tree Avenue, Banchory.\nHave we really progressed?\n"
            "Sir, It is hard to imagine all the suffering caused when the electricity supply fails.\n")
    arts = articles(text)
    assert [(a.title, a.author) for a in arts] == [("Floods again", "James C T Angus"),
                                                   ("A sad state of affairs", "Mike Masson"),
                                                   ("Have we really progressed?", None)]
    # a sentence in title case with commas is no signature
    (art,) = articles("Floods again\nSir, Maintenance is the best form of prevention.\n"
                      "The Prime Minister, Cabinet Office, London.\n")
    assert art.author is None


def test_a_markdown_headline_in_two_wordings_is_one_articles() -> None:
    text = ("# Typhoon slams into the Philippines, a million evacuated\n\n"
            "# A million evacuated as typhoon slams into the Philippines\n\nBy Rosemarie Francisco\n\n"
            "MANILA, Dec 6 (Reuters) - A powerful typhoon roared in. A million people fled.\n\n"
            "# Another story\n\nIts text. More.\n")
    first, second = articles(text)
    assert first.title == "Typhoon slams into the Philippines, a million evacuated"
    assert first.author == "Rosemarie Francisco" and len(first.paragraphs) == 1
    assert second.title == "Another story"
    assert [r for _, r in roles_of(text)][:2] == ["title", "title"]


def test_the_page_title_with_the_site_glued_on_by_a_hyphen_over_the_headline_is_one_title() -> None:
    text = ("Understanding the quote on high-quality development-Xinhua\n"
            "Understanding the quote on high-quality development\nSource: Xinhua\n"
            "The quote was given in 2023. It set the task.\n")
    (art,) = articles(text)
    assert (art.title, art.series) == ("Understanding the quote on high-quality development", None)
    # a hyphenated word that goes on is no site's name
    (art,) = articles(text.replace("development-Xinhua", "development-Driven growth"))
    assert art.series == "Understanding the quote on high-quality development"


def test_a_markdown_headline_given_again_below_the_page_title_is_one_articles() -> None:
    # the page's title with the site's name, a link between, then the headline: one article, titled by the second
    text = ("# Painful test for all - Community | The Star Online\n\nX Close\n\n# Painful test for all\n\n"
            "IMAGES of the floods crossed my mind. I saw trays of bread.\n\n# Another story\n\nIts text. More.\n")
    first, second = articles(text)
    assert (first.title, len(first.paragraphs), second.title) == ("Painful test for all", 1, "Another story")
    assert [r for _, r in roles_of(text)][:3] == ["title", "furniture", "title"]
    # the same headline with a caption and a stamp between: the caption is no deck
    text = ("# Jeddah floods a reminder\n\nDrivers take a flooded street in Jeddah on Tuesday. (AFP)\n\n"
            "Updated 22 November 2017\n\n# Jeddah floods a reminder\n\nIt has happened again. The roads flooded.\n")
    (art,) = articles(text)
    assert (art.title, art.series, len(art.paragraphs)) == ("Jeddah floods a reminder", None, 1)
    # a different headline below is another article's
    text = "# First story\n\nUpdated 22 November 2017\n\n# Second story\n\nIts text. More.\n"
    assert [a.title for a in articles(text)] == ["First story", "Second story"]


def test_text_above_the_first_markdown_heading_is_the_pages_header() -> None:
    text = ("We're building a new site.\n\nPages will be in transition. Thanks for your patience.\n\n"
            "Press release\n\nThe Daily | Published 17.10.21, 12:11 AM\n\n# Chief heads to quake zone\n\n"
            "GENEVA - The chief left for the quake zone today. Aid is short.\n")
    (art,) = articles(text)
    assert art.title == "Chief heads to quake zone" and len(art.paragraphs) == 1
    assert "furniture_above_title" in art.warnings
    assert [c.line for c in art.credits] == ["The Daily | Published 17.10.21, 12:11 AM"]  # the stamp: the article's
    roles = roles_of(text)
    assert [r for _, r in roles[:3]] == ["furniture"] * 3 and roles[3][1] == "credit"
    # a text of its own above the first heading (more paragraphs than a header has), or one with a byline, stays
    intro = "".join(f"Paragraph {k} of the introduction. It goes on.\n\n" for k in range(4))
    assert len(articles(intro + "# A section\n\nIts text. More.\n")) == 2
    signed = "A short note on the floods. It is short.\n\nBy Li Wei\n\n# A story\n\nIts text. More.\n"
    assert len(articles(signed)) == 2


def test_in_markdown_the_lines_around_the_headings_are_read_as_in_plain_text() -> None:
    # the headlines are marked; what signs, credits and frames each article is read as it is without the marks
    letters = ("# Imaginary reporting\n\nMost news comes from the wire services. I read them all.\n\n"
               "David James Wong\n\n# Dreams can come true\n\nI was impressed by the teacher. He taught the kids.\n")
    assert [a.author for a in articles(letters)] == ["David James Wong", None]
    assert dict(roles_of(letters))["David James Wong"] == "signature"
    listing = ("# Victorians stay to protect homes ahead of fire warning\n\n"
               "Victorians under threat have largely fled before the catastrophic conditions.\n\n• Callum Godde\n\n"
               "Images of the Beaufort fire.\n\n# Firefighters battle breakdowns in the Beaufort blaze\n\n"
               "The Prime Minister thanked the firefighters as another blaze raged.\n\n• Gus McCubbing\n")
    assert [a.author for a in articles(listing)] == ["Callum Godde", "Gus McCubbing"]
    assert dict(roles_of(listing))["Images of the Beaufort fire."] == "furniture"
    signed = "# The Canonisation of Terror, By Wole Soyinka\n\nThe sheer weight of indignation is felt. It is heavy.\n"
    assert [a.author for a in articles(signed)] == ["Wole Soyinka"]
    # a heading under a letter's signature and its date is the next letter's title, not the signature's second line
    blog = ("# Talk to humans\n\nYou need a real third place. Talk more.\n\nDisaster Dave\n\n"
            "Sunday, December 18, 2011\n\n# Disaster Party\n")
    assert [(a.title, a.author) for a in articles(blog)] == [("Talk to humans", "Disaster Dave"),
                                                             ("Disaster Party", None)]
    # the site's menu under the last article's text signs nothing
    menu = "# A story\n\nIts text. More.\n\nEconomy\n\nTravel\n\nTravel Types\n\nEvents\n\nFood\n\nGallery\n\nPhoto\n"
    (art,) = articles(menu)
    assert art.author is None and "signature" not in dict(roles_of(menu)).values()
    # a label in bold is read as the label: a speaker's turn, not a paragraph
    transcript = ("# Is a tsunami warning system feasible?\n\n**MS. PEARSON:**\n\nMy guest is Dr. Jack Harrald. "
                  "Is there a system?\n\n**PROFESSOR HARRALD:**\n\nThere is no system in the Indian Ocean.\n")
    (art,) = articles(transcript)
    assert [p.subheading for p in art.paragraphs] == ["MS. PEARSON:", "PROFESSOR HARRALD:"]
    assert dict(roles_of(transcript))["**MS. PEARSON:**"] == "heading"  # the line's role spans the whole line


def test_a_pages_header_read_as_an_article_above_the_pages_article_is_furniture() -> None:
    header = ("Our award-winning reporting has moved\nContext provides news and analysis on three critical issues:\n"
              "climate change, technology and inclusive economies.\n")
    story = ("As climate disasters quicken, urgent action and cash are needed\nBy Alex Whiting\n"
             "BONN, Nov 6 - As climate change strikes harder, poor countries need cash. The talks opened today.\n"
             "For the first time, the talks are led by a small island state. It is Fiji.\n"
             "Millions are affected by climate shocks every year. Few are insured.\n"
             "Money to recover from disasters is the test of the talks, he said.\n")
    (art,) = articles(header + story)
    assert art.title == "As climate disasters quicken, urgent action and cash are needed"
    assert "furniture_above_title" in art.warnings and len(art.paragraphs) == 4
    assert [r for _, r in roles_of(header + story)][:3] == ["furniture"] * 3
    # a listing's first item (the article below is as short as a teaser), or a first story whose headline its own
    # text takes up, stays an article
    teaser = "Floods close the coast road\nThe coast road was closed by floods. It reopens Monday.\n"
    assert len(articles(teaser + story)) == 2
    short = story.split("Millions")[0]
    assert len(articles(header + short)) == 2


def test_a_listing_of_headlines_signed_at_their_end() -> None:
    text = ("Wednesday, April 23, 2014\nThe Canonisation of Terror, By Wole Soyinka\n"
            "The sheer weight of indignation is felt by most. It is heavy.\n"
            "A Bipartisan Approach to Fighting Boko Haram, By Bukola Saraki\n"
            "Once again, Nigerians faced further attacks in the north. It must end.\n")
    arts = articles(text)
    assert [(a.title, a.author) for a in arts] == [
        ("The Canonisation of Terror, By Wole Soyinka", "Wole Soyinka"),
        ("A Bipartisan Approach to Fighting Boko Haram, By Bukola Saraki", "Bukola Saraki")]
    # signed after a dash, on an opinion listing; a quoted headline's speaker, named in the story, is no writer
    dashed = ("Democracy Day: What is the Nigerian Dream? — Godman Akinlabi\n"
              "A few years ago, I saw a post on a social networking site. It stayed with me.\n"
              "We will rebuild every bridge — Bola Tinubu\n"
              "President Bola Tinubu said the bridges lost to the floods would be rebuilt. Work starts soon.\n")
    assert [a.author for a in articles(dashed)] == ["Godman Akinlabi", None]
    cards = ("Re: Nigeria's perennial flood\nNovember 30, 2022 Prof MK Othman 0\nAs expected, readers wrote in. "
             "Many did.\nWhy farmers' knowledge is vital\nNovember 29, 2022 Adewale Kupoluyi 0\nThere are many "
             "factors. Here are some.\n")
    assert [a.author for a in articles(cards)] == ["MK Othman", "Adewale Kupoluyi"]
    # a date alone names no one
    (art,) = articles("Tuesday 16 January 2018\nWe must get better at weathering storms\nYet again it rained. "
                      "It poured.\n")
    assert art.author is None


def test_hostile_structure_gives_warnings_and_a_sane_structure() -> None:
    only_furniture = "Share\nPrint\nE-mail\n12 Comments\nCopyright 2020 Xinhua. All rights reserved.\n"
    assert not isinstance(segment_or_reject(document(only_furniture)), tuple)  # rejected, with its reason
    assert all(role == "furniture" for _, role in roles_of(only_furniture))
    no_body = "A letter with no body\nLi Ming\nJune 3, 2021\n"
    for text in (no_body, "Title of an article\nBy\nWriter:\nThe body has one sentence.\n",
                 "T" + "itle words " * 500 + "\nBody. More body.\n"):
        roles_of(text)  # every line has one role, the offsets hold, nothing crashes
    (art,) = articles(no_body)
    assert "no_paragraphs" in art.warnings and art.title == "A letter with no body"


def test_a_headline_is_the_line_that_shares_its_words_with_the_lead() -> None:
    # a related story's link above the headline, both title-like: the headline is the one the lead echoes
    text = ("How to give to the flood appeal this winter\nMinister orders evacuations in river towns\n"
            "Posted 8:48 PM, September 5, 2017\n"
            "The minister ordered evacuations in five river towns on Tuesday. Water levels kept rising.\n")
    (art,) = articles(text)
    assert art.title == "Minister orders evacuations in river towns"
    assert "furniture_above_title" in art.warnings
    assert dict(roles_of(text))["How to give to the flood appeal this winter"] == "furniture"
    # a title and its deck both echo the lead: the title stays, the deck is its series line
    deck = ("Minister orders evacuations in river towns\nFive towns emptied as the water rises\n"
            "The minister ordered evacuations in five river towns on Tuesday. Water levels kept rising.\n")
    (art,) = articles(deck)
    assert (art.title, art.series) == ("Minister orders evacuations in river towns",
                                       "Five towns emptied as the water rises")
    # under a page's slogan, a headline the lead echoes, then a deck that echoes it more: the headline
    slogan = ("Newspaper of the year\nFlood warnings issued as residents urged to leave homes\n"
              "The Environment Agency warned more significant flooding is expected over the next few days\n"
              "The Environment Agency has warned parts of England remain at risk of flooding over the next few "
              "days. Residents were urged to leave their homes.\n")
    (art,) = articles(slogan)
    assert (art.title, art.series) == (
        "Flood warnings issued as residents urged to leave homes",
        "The Environment Agency warned more significant flooding is expected over the next few days")
    # a radio station's promotion that the lead tells one word of, over a headline it tells four of: the headline
    promo = ("Listen to live sports coverage and more on talkSPORT\nListen Live: LMFM Country\n"
             "Status Orange wind warning issued for Louth and Meath\nAll LMFM News\n"
             "The warning comes into effect from 8am tomorrow morning.\n"
             "Louth and Meath are included in the Orange Alert, which the coverage of Storm Barra gives.\n")
    (art,) = articles(promo)
    assert art.title == "Status Orange wind warning issued for Louth and Meath"
    # ... but a line that the lead tells fewer than three more words of leaves the title alone
    (art,) = articles(promo.replace("Louth and Meath are included in the Orange Alert", "Counties are ready"))
    assert art.title == "Listen to live sports coverage and more on talkSPORT"
    # a teaser printed from the text above the headline, its first letter lost to a drop capital: the headline
    teaser = ("Letters to The EDITOR\nhe recent ruckus created by the elected leaders in the mayoral election should "
              "make every voter think\nPublished on\nDevil and the deep sea\n"
              "The recent ruckus created by the elected leaders in the mayoral election should make every voter think "
              "again. It is a known fact that the city is known for some wrong reasons.\n")
    (art,) = articles(teaser)
    assert art.title == "Devil and the deep sea"
    assert dict(roles_of(teaser))["he recent ruckus created by the elected leaders in the mayoral election should "
                                  "make every voter think"] == "furniture"


def test_a_headline_above_the_title_that_the_lead_tells_is_the_title() -> None:
    # a letters page's label read as the title under the letter's headline, which the lead tells
    label = ("FLOODING: Thank heavens for our drainage boards\nHave your say\n"
             "As the flooding continues to make lives a misery, I wonder if our drainage boards get the thanks they "
             "deserve.\nThe boards met on Monday.\nCoun David Wilkinson\nLong Sutton ward\n")
    art = articles(label)[0]
    assert art.title == "FLOODING: Thank heavens for our drainage boards" and art.series is None
    assert dict(roles_of(label))["Have your say"] == "furniture"
    # a deck under the headline, read as the title: the deck (the head of a letters page, tests/data/pages/h14/01)
    capture = Path(__file__).parents[1] / "data" / "pages" / "h14" / "01.txt"
    deck = "".join(capture.read_text(encoding="utf-8").splitlines(keepends=True)[:16])
    art = articles(deck)[0]
    assert (art.title, art.series) == (
        "Floods, fury and the lives washed away in India",
        "Our readers have their say about heavy rains in India, the UAE's hospitability and economic strength")


def test_a_standfirst_in_sentences_then_the_byline_and_a_headline_with_the_writers_name() -> None:
    text = ("A secure and prepared Malta | Byron Camilleri\n"
            "The storm met public service workers who stood ready to respond. Preparation paid off.\n"
            "Byron Camilleri, Minister for Home Affairs, Security and Employment\n"
            "When we discuss a secure Malta, the conversation turns to crime rates.\n"
            "The storm our country experienced was extraordinary. Yet it met a nation ready.\n")
    assert title_author_paragraphs(text) == ("A secure and prepared Malta", "Byron Camilleri", 2)
    (art,) = articles(text)
    assert art.series == "The storm met public service workers who stood ready to respond. Preparation paid off."
    assert [r for _, r in roles_of(text)] == ["title", "series", "byline", "body", "body"]
    # a byline under an item's one paragraph, a headline below it: the paragraph is the item's text
    listing = ("Rain eases in the north\nRivers fell overnight. Roads reopened.\nBy Jane Doe\n"
               "Crews clear roads after the storm\nCrews worked through the night.\n")
    assert [(a.title, a.series, len(a.paragraphs)) for a in articles(listing)] == [
        ("Rain eases in the north", None, 1), ("Crews clear roads after the storm", None, 1)]


def test_a_line_of_punctuation_is_no_text() -> None:
    # (a sentence with no word fails the sentences table's suite, and with it the whole run)
    for rule in ("=" * 40, ".    .    .    .    .", "* " * 20, "!!!", "=" * 72, "-" * 400, "- " * 60, "-=" * 36,
                 "*" * 50 + "  " + "*" * 50, "…" * 10 + "." * 60, "=" * 401, "-" * 5000, ". , ; : ! ? " * 6):
        text = f"Flood season\nThe rain came early. It did not stop.\n{rule}\nThe river rose overnight. Crews worked.\n"
        (art,) = checked_articles(text)
        assert len(art.paragraphs) == 2, rule
        assert dict(roles_of(text))[rule.strip()] == "furniture"


def test_a_short_paragraph_over_a_lead_that_opens_with_its_dateline_is_the_deck() -> None:
    text = ("Fire evacuation defiance must end, minister says\n"
            "Evacuation orders must be followed. They are not suggestions.\n"
            "KELOWNA, B.C. — The minister says people defying evacuation orders put crews at risk. He spoke today.\n"
            "Crews fought the fire through the night.\n")
    (art,) = articles(text)
    assert art.series == "Evacuation orders must be followed. They are not suggestions."
    assert [p.sentences[0].text[:7] for p in art.paragraphs] == ["KELOWNA", "Crews f"]
    assert [r for _, r in roles_of(text)] == ["title", "series", "body", "body"]
    # a lead with no dateline: its first paragraph is text
    plain = text.replace("KELOWNA, B.C. — The", "The")
    (art,) = articles(plain)
    assert art.series is None and len(art.paragraphs) == 3
    # a first paragraph longer than a standfirst is text, over a datelined paragraph too
    long = text.replace("They are not suggestions.", "They are not suggestions, " + "and more words " * 12 + "follow.")
    (art,) = articles(long)
    assert art.series is None and len(art.paragraphs) == 3


def test_a_deck_that_quotes_the_lead_word_for_word_is_no_headline() -> None:
    text = ("KINSELLA: Canada makes headlines as wildfires cause poor air quality\n"
            "Opinion: It is not often that we attract the attention of the American media.\n"
            "Blame Canada.\n"
            "It is not often that we attract the attention of the American media. The last time was years ago.\n"
            "The smoke this week changed that. New York turned orange.\n")
    (art,) = articles(text)
    assert art.title == "KINSELLA: Canada makes headlines as wildfires cause poor air quality"
    assert art.series == "Opinion: It is not often that we attract the attention of the American media."


def test_a_listing_cut_under_the_last_of_its_headlines_printed_twice_keeps_it() -> None:
    items = [("Evacuation orders issued for two regions in Woodlands County",
              "Flash flooding evacuation orders are in effect for two regions. Roads are closed."),
             ("One home destroyed as flood risk prompts more evacuation orders",
              "Flooding in the Interior has destroyed one home. Others were evacuated.")]
    text = "".join(f"{h}\n{h}\n{t}\n" for h, t in items)
    last = "No evacuation orders expected as river levels reach peak, officials say"
    arts = articles(f"{text}{last}\n{last}\n")
    assert [a.title for a in arts] == [h for h, _ in items] + [last]
    assert "no_paragraphs" in arts[-1].warnings
    # a headline printed once at the end of such a listing is a link, and one item before it is no listing
    assert [a.title for a in articles(f"{text}{last}\n")] == [h for h, _ in items]
    assert [a.title for a in articles(f"{text.split(items[1][0])[0]}{last}\n{last}\n")] == [items[0][0]]


def test_a_site_s_name_over_its_navigation_is_no_title_and_the_headline_under_it_is() -> None:
    text = ("Ministry for Police and Emergency Services\n1. Home\n2. News\n"
            "Print this page Reduce font size Increase font size\n"
            "More NSW support for Brisbane storm response\n22nd November 2008\n"
            "Another 150 volunteers left for Queensland today, the minister said.\n"
            "They will help residents clean up their homes.\n")
    (art,) = checked_articles(text)
    assert (art.title, art.series) == ("More NSW support for Brisbane storm response", None)
    assert dict(roles_of(text))["Ministry for Police and Emergency Services"] == "furniture"


def test_a_headline_printed_twice_under_a_label_or_with_the_sites_name() -> None:
    label = ("Tag: Flood\nRiver towns brace for a second crest\nRiver towns brace for a second crest\n"
             "Officials said the river would crest again on Friday. Sandbags were handed out.\n")
    (art,) = articles(label)
    assert art.title == "River towns brace for a second crest"
    roles = roles_of(label)
    assert [r for _, r in roles[:3]] == ["furniture", "title", "title"]
    # (once with curly quotation marks, once with straight ones)
    curly = "Iceland’s volcano erupts again\nIceland's volcano erupts again\nA fishing town was evacuated late on Wednesday.\n"
    (art,) = articles(curly)
    assert (art.title, art.series) == ("Iceland's volcano erupts again", None)
    site = ("A painful test for all - Community | The Daily Star\nX Close\nA painful test for all\n"
            "The floods came suddenly this year. Many families lost everything.\n")
    (art,) = articles(site)
    assert art.title == "A painful test for all" and art.series is None
    assert [r for _, r in roles_of(site)[:3]] == ["title", "furniture", "title"]
    # the paper's name between the headline and the headline again is the article's source
    paper = ("EDITORIAL - Improving preparedness\nThe Philippine Star\nEDITORIAL - Improving preparedness\n"
             "Weather forecasters gave sufficient warning. The typhoon is a Category 5 monster.\n")
    (art,) = articles(paper)
    assert (art.title, art.series) == ("EDITORIAL - Improving preparedness", None)
    assert [(c.role, c.name) for c in art.credits] == [("source", "The Philippine Star")]
    # a name between the copies, with or without its e-mail under it, is the writer's
    named = ("Polish firefighters battle Sweden's wildfires\nViktoriia Zhuhan\nViktoriia Zhuhan - [email protected]\n"
             "Polish firefighters battle Sweden's wildfires\n"
             "The chief of a group of Polish firefighters says they will stay. The fires still burn.\n")
    (art,) = checked_articles(named)
    assert (art.title, art.author) == ("Polish firefighters battle Sweden's wildfires", "Viktoriia Zhuhan")
    assert dict(roles_of(named))["Viktoriia Zhuhan"] == "byline"
    for label in ("Spokesperson's Noon Briefing", "X Close"):  # a page's name, a button's: no one's
        (art,) = articles(named.replace("Viktoriia Zhuhan\nViktoriia Zhuhan - [email protected]", label))
        assert art.author is None, label
    # under a line of more words than a label that has nothing of the story (a clock, a counter)
    clock = ("Geneva 00:00 Tehran 00:00\nRed Crescent opens relief centres in the south\n"
             "Red Crescent opens relief centres in the south\n"
             "The Red Crescent has opened three relief centres. More will open next week.\n")
    (art,) = articles(clock)
    assert (art.title, art.series) == ("Red Crescent opens relief centres in the south", None)
    assert [r for _, r in roles_of(clock)[:3]] == ["furniture", "title", "title"]
    # a headline with a line printed twice under it that tells the same story (a caption given twice) keeps it
    caption = ("Typhoon nears the coast as towns evacuate\nOfficials prepare boats ahead of the typhoon\n"
               "Officials prepare boats ahead of the typhoon\n"
               "Thousands of people left their homes on Sunday. The typhoon is expected to land on Monday.\n")
    assert articles(caption)[0].title == "Typhoon nears the coast as towns evacuate"
    # given again right under it as a question, with the mark the headline left out
    asked = ("What lessons can Ireland learn from the 2015/16 floods\n"
             "What lessons can Ireland learn from the 2015/16 floods?\n"
             "The government failed. Citizens suffered a great deal during the floods of 2009.\n")
    (art,) = checked_articles(asked)
    assert (art.title, len(art.paragraphs)) == ("What lessons can Ireland learn from the 2015/16 floods", 1)
    assert [r for _, r in roles_of(asked)] == ["title", "furniture", "body"]
    # a headline long enough for a caption's length, as the page's title with the section's name, then alone
    headline = "Wake Opens Three More Shelters After Buses of Evacuees Arrive From Coastal Counties"
    long_site = (f"{headline} | News\n\n{headline}\n\nWake County is planning to open two more shelters.\n"
                 "Hurricane Florence has been downgraded to a category 2 storm.\n")
    (art,) = checked_articles(long_site)
    assert (art.title, len(art.paragraphs)) == (headline, 2)
    # the page's title with the site's name and section under a menu's line, its date, then the headline alone
    dashboard = ("Logout|My Dashboard\nFlood insurance is a community issue - The Galveston Daily News: Guest Columns\n"
                 "August 28, 2016\nFlood insurance is a community issue\nPrint\n"
                 "Those of us in flood-prone areas have been given some relief. Premiums will rise less.\n")
    (art,) = checked_articles(dashboard)
    assert art.title == "Flood insurance is a community issue"
    assert [r for _, r in roles_of(dashboard)][:4] == ["furniture", "title", "date", "title"]
    # given again under one line, its deck, over an empty stamp's label: one article
    around = ("Rain wreaks havoc across Goa, throws normal life out of gear\n"
              "Many low lying areas flooded with downpour; landslides reported at many places.\n"
              "Rain wreaks havoc across Goa, throws normal life out of gear\nPublished on\n"
              "PANJIM: The heavy downpour continued to wreak havoc in the State. Trees fell.\n"
              "Many low lying areas were submerged.\n")
    (art,) = checked_articles(around)
    assert (art.series, len(art.paragraphs)) == (
        "Many low lying areas flooded with downpour; landslides reported at many places.", 2)
    assert [r for _, r in roles_of(around)] == ["title", "series", "title", "furniture", "body", "body"]


def test_a_caption_given_twice_in_two_versions_is_furniture() -> None:
    caption = ("Power crews walk down a stretch of road in Dartmouth that was heavily damaged during the storm on "
               "Saturday")
    text = ("Outages will last for days\nMore than 400,000 customers lost power. Crews are at work.\n"
            f"{caption}, Sept. 24, 2022. Ryan Taplin - The Herald\n{caption}- Ryan Taplin\n"
            "Schools will stay closed on Monday, officials said.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 2
    assert [r for line, r in roles_of(text) if line.startswith("Power crews")] == ["furniture", "furniture"]
    short = "Firefighters spray down flames on the side of the highway in Sylmar, California."
    text = ("Funds for fire season\nThe state will spend more on fire crews. It is about time.\n"
            f"{short}\n{short[:-1]} on January 19, 2021.\nThe money will hire 1,400 firefighters.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 2
    assert [r for line, r in roles_of(text) if line.startswith("Firefighters")] == ["furniture", "furniture"]


def test_a_section_in_capitals_or_text_announced_by_a_colon_stays_in_the_article() -> None:
    text = ("Heatwave grips the south-east\nParamedics expect a busy week. Staff have been recalled.\n"
            "MELBOURNE\nTemperatures will reach 43C today. Pools are full.\n"
            "The full text of the warning is below:\nExtreme heat warning for the central district\n"
            "Residents should stay indoors in the afternoon. Check on neighbours.\n")
    (art,) = articles(text)
    assert art.title == "Heatwave grips the south-east" and len(art.paragraphs) == 4
    assert [p.subheading for p in art.paragraphs] == [None, "MELBOURNE", None,
                                                      "Extreme heat warning for the central district"]


def test_clauses_that_go_on_below_are_text_not_headlines() -> None:
    text = ("Governor declares a state of emergency\nThe proclamation reads as follows. It takes effect now.\n"
            "WHEREAS fires have destroyed homes in three counties; and\n"
            "WHEREAS the drought has raised the risk of more fires; and\n"
            "WHEREAS local resources are not enough to meet the need of\n"
            "NOW, THEREFORE, I proclaim a state of emergency.\n")
    (art,) = articles(text)
    assert art.title == "Governor declares a state of emergency" and len(art.paragraphs) == 5
    assert {r for line, r in roles_of(text) if line.startswith("WHEREAS")} == {"body"}
    # a paragraph cut by the page in mid-sentence, ads under it: the rest of the text, not a headline
    cut = ("Cyclone Gabrielle editorial: A national state of urgency\n"
           "Cyclone Gabrielle arrived with a spiteful gift that well exceeded dire forecasts.\n"
           "Shortly after the national State of Emergency announcement, the Prime Minister said the only course was to\n"
           "Advertisement\nAdvertise with NZME.\n")
    (art,) = articles(cut)
    assert art.title == "Cyclone Gabrielle editorial: A national state of urgency" and len(art.paragraphs) == 2


def test_a_letters_signature_with_the_writers_town_and_country() -> None:
    text = ("Floods and fury\nThe rains were deadly this year. We must build better drains.\n"
            "K Ragavan, Bengaluru, India\n"
            "A welcome revival\nThe city is busy again. Hotels are full.\nLanu Dutt Chowdhuri,\nGuwahati.\n"
            "Heat waves\nThe heat is not new. It is worse now.\n")
    arts = articles(text)
    assert [(a.title, a.author) for a in arts] == [("Floods and fury", "K Ragavan"),
                                                    ("A welcome revival", "Lanu Dutt Chowdhuri"),
                                                    ("Heat waves", None)]
    roles = dict(roles_of(text))
    assert [roles[line] for line in ("K Ragavan, Bengaluru, India", "Lanu Dutt Chowdhuri,", "Guwahati.")] == [
        "signature"] * 3
    # the name in capitals over the writer's post in lower case and the town: three lines of the signature
    caps = ("Flood insurance is a calculation\nYour editorial views rising rates with alarm. Look closer.\n"
            "Those who build in flood zones must pay more.\nROBERT LEAKE III\nretired programmer\nAlgiers\n")
    (art,) = articles(caps)
    assert art.author == "Robert Leake III" and len(art.paragraphs) == 2
    assert [r for _, r in roles_of(caps)][-3:] == ["signature"] * 3
    # a title before the name in capitals is no part of it, as in a byline
    (art,) = articles(caps.replace("ROBERT LEAKE III", "CARDINAL PIETRO PAROLIN"))
    assert art.author == "Pietro Parolin"


def test_a_date_stamp_before_the_headline_is_its_date_credit() -> None:
    for stamp, day in ((" date 2023-06-12 ", "2023-06-12"), ("date 2019-05 ", "2019-05")):  # (as stored captures give it)
        (art,) = articles(f"{stamp}Statement from the governor\nThe bank will act. It said so.\n")
        assert art.title == "Statement from the governor"
        assert [(c.role, c.name) for c in art.credits] == [("date", day)]
    # a year's span opens a headline, not a date
    (art,) = articles("2019-20 budget passes the house\nThe budget passed. It was late.\n")
    assert art.title == "2019-20 budget passes the house" and not art.credits


def test_a_framed_update_line_is_a_subheading() -> None:
    text = ("Storm warning for the coast\nBy Li Wei\nThe warning starts at 8am. Schools will close.\n"
            "*****STORM UPDATE 5.55pm*****\nThe storm has reached the coast. Winds are strong.\n")
    (art,) = articles(text)
    assert [p.subheading for p in art.paragraphs] == [None, "STORM UPDATE 5.55pm"]


def test_sections_numbered_in_roman_numerals_are_subheadings_not_articles() -> None:
    text = ("Making national plans for high-quality development\n"
            "The plan sets out the goals for the next five years. It was adopted in March.\n"
            "I. The importance of five-year plans to governance\n"
            "Plans have guided the economy for decades. They set its priorities.\n"
            "II. Principles for making the plan\n"
            "The plan puts the people first. It seeks balanced growth.\n")
    (art,) = articles(text)
    assert [p.subheading for p in art.paragraphs] == [
        None, "I. The importance of five-year plans to governance", "II. Principles for making the plan"]
    assert "subheading_inferred" not in art.warnings  # (a heading by its form)
    assert dict(roles_of(text))["II. Principles for making the plan"] == "heading"
    # right under the headline and its stamp, the first section's heading heads the first paragraph
    first = ("New progress in poverty reduction\nUpdated: Nov 16, 2011\nIII. Special poverty reduction programs\n"
             "The programs aim at all people whose income is below the line. They were adjusted.\n")
    (art,) = articles(first)
    assert (art.series, art.paragraphs[0].subheading) == (None, "III. Special poverty reduction programs")
    # a pronoun and an initial open no section, nor do a letter's signatures with initials
    assert dict(roles_of("Flood season\nI. M. Pei designed the new dike. It held.\n"))[
        "I. M. Pei designed the new dike. It held."] == "body"
    letters = ("Letters\nThe roads are bad. Fix them.\nV.K. Tangri, Dehradun\nThe trains are late. Fix them too.\n"
               "V. Ramesh, Chennai\n")
    assert "numbered_heading" not in {line.pattern for line in classify_lines(letters)}


@pytest.mark.parametrize("bullet", ["•", "・", "▪"])
def test_an_announced_list_of_bulleted_items_is_text(bullet: str) -> None:
    text = (f"Party building in the new era\nThe plan has two aims. They are these:\n"
            f"{bullet} Upholding the leadership of the Party\n{bullet} Improving the systems of self-reform\n"
            "The aims guide the work. They are clear.\n")
    assert [r for _, r in roles_of(text)] == ["title"] + ["body"] * 4


@pytest.mark.parametrize("dash", ["-", "—", "--"])
def test_a_name_behind_a_dash_under_the_headline_is_the_byline(dash: str) -> None:
    text = (f"Senate passes spending bill\n{dash} Riley Beggin\n"
            "WASHINGTON – The Senate passed the bills. It was late.\nThe vote came after hours of talks.\n")
    (art,) = articles(text)
    assert art.author == "Riley Beggin" and len(art.paragraphs) == 2
    assert [r for _, r in roles_of(text)] == ["title", "byline", "body", "body"]
    # under a quotation, a name behind a dash is its source, not the writer
    quoted = ("Free speech\nTo suppress free speech is a double wrong. It violates two rights.\n"
              f"{dash} Frederick Douglass\n")
    (art,) = articles(quoted)
    assert art.author is None


@pytest.mark.parametrize("dash", ["-", "—"])
def test_a_letters_signature_behind_a_dash_closes_it(dash: str) -> None:
    text = (f"Council housing\nThe council must build more homes. It has land.\n"
            f"{dash}Angela Goodman, secretary Defend Council Housing\nComments: Our rules\n")
    (art,) = articles(text)
    assert (art.author, len(art.paragraphs)) == ("Angela Goodman", 1)
    assert dict(roles_of(text))[f"{dash}Angela Goodman, secretary Defend Council Housing"] == "signature"
    # with the text going on below it, a name and a post behind a dash say who is quoted
    quoted = text.replace("Comments: Our rules", "The plan will go on. It is sound.")
    (art,) = articles(quoted)
    assert art.author is None and len(art.paragraphs) == 3


@pytest.mark.parametrize("dash", ["-", "—"])
def test_a_name_alone_behind_a_dash_over_the_next_letter_signs_the_one_above(dash: str) -> None:
    text = (f"You blacked us out\nYou used a picture of us at the protest. We were not named.\n{dash} CHARLES MUIRURI\n"
            "***\nWaiguru or Kamotho?\nThe papers call the governor by two names. Which is it?\n"
            f"{dash} Githaiga Kairu\nNot doing enough to report corruption\nThe paper used to chase the corrupt.\n")
    first, second, _ = checked_articles(text)
    assert [(a.title, a.author, len(a.paragraphs)) for a in (first, second)] == [
        ("You blacked us out", "Charles Muiruri", 1), ("Waiguru or Kamotho?", "Githaiga Kairu", 1)]
    assert dict(roles_of(text))[f"{dash} Githaiga Kairu"] == "signature"
    # at the end of a page, a name behind a dash under a text is a quotation's source
    (*_, last) = articles(text + f"{dash} Frederick Douglass\n")
    assert last.author is None


def test_a_speech_titled_with_its_speaker_is_by_the_speaker() -> None:
    text = ("Speech\nRemarks by President Maria Santos at the Opening of the Disaster Risk Conference\n"
            "Thank you to our ministers and guests. Good morning to you all.\n"
            "Our islands face more typhoons each year. We must prepare together.\n")
    (art,) = articles(text)
    assert (art.title, art.author) == (
        "Remarks by President Maria Santos at the Opening of the Disaster Risk Conference", "Maria Santos")
    # the speaker named again under a pull quote is the same byline: the speech goes on below it
    quoted = ("Keynote speech by Anna de Vries, Minister of Water, at the flood conference\n"
              "\u201cWe must combine forces.\u201d\n"
              "Speech by Minister Anna de Vries at the flood conference in London.\n"
              "Thank you for the invitation. It is good to be here.\nThe floods of last year taught us much.\n")
    (art,) = articles(quoted)
    assert art.author == "Anna de Vries" and "several_bylines" not in art.warnings
    # "by" in a headline names no one unless it names who spoke
    (art,) = articles("Homes hit by floods in the south\nThe river rose overnight. Roads closed.\n")
    assert art.author is None


def test_short_lines_under_a_paragraph_that_leads_into_them_are_its_list_not_links() -> None:
    places = ["Piprell Lake", "Narrow Hills Provincial Park", "East Trout Lake", "Little Bear Lake", "Hall Lake"]
    text = ("Wildfires threaten communities, thousands forced to flee\n"
            "There are 15 active wildfires in Saskatchewan. Seven are not contained.\n"
            "There are evacuations in effect for:\n" + "\n".join(places)
            + "\nThis weekend, hot, dry weather is expected, which will not help.\n")
    (art,) = checked_articles(text)
    assert [p.text for p in art.paragraphs][2:-1] == places
    assert all(dict(roles_of(text))[place] == "body" for place in places)
    # under a paragraph that does not lead into them, the same lines are a list of links
    (art,) = articles(text.replace("in effect for:", "in effect."))
    assert len(art.paragraphs) == 3 and all(dict(roles_of(text.replace(":", ".")))[p] == "furniture" for p in places)


def test_short_lines_under_text_that_has_no_title_are_a_header_not_a_list_of_links() -> None:
    text = ("We are building a new website.\nPages will change over the coming weeks. Thanks for your patience.\n"
            "Press centre\nPress release\nAgency chief heads to the quake zone\nChildren still at risk; funds short\n"
            "GENEVA, 28 October 2005 - The agency chief will visit the quake zone this week. She leaves today.\n"
            "Winter is coming to the mountains. Tents are not enough.\n")
    arts = articles(text)
    assert "Agency chief heads to the quake zone" in [a.title for a in arts]


def test_a_label_under_a_title_is_furniture_not_its_deck() -> None:
    text = "Cabinet approves the flood plan\nEDITORIAL\nThe cabinet approved the plan on Monday. It costs $2bn.\n"
    (art,) = articles(text)
    assert (art.title, art.series) == ("Cabinet approves the flood plan", None)
    assert dict(roles_of(text))["EDITORIAL"] == "furniture"


def test_a_subheading_in_capitals_under_a_headline_and_its_deck() -> None:
    text = ("Flood fears grow across the province, warnings issued\n"
            "Dry weather has kept the worst at bay, but rivers still need watching\n"
            "THE RIVER CRESTED RIGHT ON CUE\n"
            "The river crested at 35 feet on April 8. That was near the record.\n")
    (art,) = articles(text)
    assert art.title == "Flood fears grow across the province, warnings issued"
    assert art.series == "Dry weather has kept the worst at bay, but rivers still need watching"
    assert art.paragraphs[0].subheading == "THE RIVER CRESTED RIGHT ON CUE"


def test_highlights_in_a_dash_list_under_a_headline_are_its_deck() -> None:
    text = ("Emergency declared as a bushfire threatens homes\n"
            "- More than 80 firefighters are battling the blaze\n"
            "- Hundreds have been told to leave their homes\n"
            "Hundreds have been told to evacuate. More than 80 firefighters are at work.\n")
    (art,) = articles(text)
    assert art.series == "More than 80 firefighters are battling the blaze"
    assert [p.kind for p in art.paragraphs] == [ParagraphKind.BODY]
    assert dict(roles_of(text))["- Hundreds have been told to leave their homes"] == "series"


def test_a_listing_s_picture_text_and_bulleted_author_lines() -> None:
    # teaser, then its writer's name as a list item, then the next story's picture text above its headline
    text = ("Victorians stay to protect homes ahead of fire warning\n"
            "Victorians under threat have largely fled before the catastrophic conditions.\n"
            "• Callum Godde\n"
            "Images of the Beaufort fire.\n"
            "Firefighters battle breakdowns in the Beaufort blaze\n"
            "The Prime Minister thanked the firefighters as another blaze raged.\n"
            "• Gus McCubbing\n")
    first, second = articles(text)
    assert first.byline is not None and first.byline.name == "Callum Godde"
    assert second.byline is not None and second.byline.name == "Gus McCubbing"
    assert [len(a.paragraphs) for a in (first, second)] == [1, 1]
    assert dict(roles_of(text))["Images of the Beaufort fire."] == "furniture"


def test_a_headline_in_title_case_that_the_story_below_echoes_is_no_signature() -> None:
    text = ("Shoddy Building Killed Many in City Quake\n"
            "A report blames the builders and the inspectors\n"
            "Almost two-thirds of the deaths in the earthquake happened in one building.\n"
            "Yet Another Quake Hits Christchurch\n"
            "Strong quake rattles the city\n"
            "One of the stronger of the many earthquakes to hit Christchurch struck on Monday.\n")
    assert [a.title for a in articles(text)] == ["Shoddy Building Killed Many in City Quake",
                                                  "Yet Another Quake Hits Christchurch"]


def test_a_time_in_brackets_ends_no_sentence_and_a_bullet_leaves_furniture_furniture() -> None:
    text = ("• Advertisement\n"
            "Update 34: Alberta wildfire situation (June 6, 4:30 p.m.)\n"
            "Albertans who have been evacuated can return home. Crews are still at work.\n")
    (art,) = articles(text)
    assert art.title == "Update 34: Alberta wildfire situation (June 6, 4:30 p.m.)"
    assert dict(roles_of(text))["• Advertisement"] == "furniture"


def test_bulleted_items_of_a_list_the_text_announces_are_its_text_and_a_box_of_links_is_not() -> None:
    items = ["• Stock Up on Water and Food", "• Charge Your Phones", "• Know Your Evacuation Centre",
             "• Secure Loose Objects"]
    body = ("Residents told to prepare as typhoon nears\nOfficials urged coastal towns to prepare. Landfall is due "
            "on Thursday.\n{}\n" + "\n".join(items) + "\nSchools in three provinces will close. Ferries are "
            "suspended.\n")
    listed = body.format("The disaster agency gave this advice:")
    (art,) = articles(listed)
    assert len(art.paragraphs) == 7
    assert [role for text, role in roles_of(listed) if text in items] == ["body"] * 4
    # the same lines under a sentence that announces nothing: a box of related stories inside the body
    boxed = body.format("The agency will give more advice on Wednesday.")
    (art,) = articles(boxed)
    assert len(art.paragraphs) == 3
    assert [role for text, role in roles_of(boxed) if text in items] == ["furniture"] * 4


def test_a_breadcrumb_trail_ending_with_a_line_names_that_line_the_headline() -> None:
    for trail in ("HomeArchiveSteady Rains Damage Parts of Country", "Home › News › Steady Rains Damage Parts of Country"):
        text = ("COSTA RICA'S LEADING ENGLISH LANGUAGE NEWSPAPER\n" + trail + "\nSteady Rains Damage Parts of Country\n"
                "Steady rain continued to pound the country this week, causing landslides. Roads were closed.\n"
                "The emergency commission declared a red alert for the central Pacific coast on Tuesday.\n")
        (art,) = articles(text)
        assert art.title == "Steady Rains Damage Parts of Country" and art.series is None
        roles = dict(roles_of(text))
        assert roles["COSTA RICA'S LEADING ENGLISH LANGUAGE NEWSPAPER"] == roles[trail] == "furniture"


def test_a_listing_cut_under_its_next_headline_keeps_it_when_a_credit_closes_each_item() -> None:
    items = "".join(f"Opinion number {n} on the virus\nWe should be confident about the work ahead. Risks remain.\n"
                    f"Source: Global Times | 2020/3/{n} 22:33:55\n" for n in (1, 2, 3))
    text = items + "Blaming others for own failure detestable\n"
    arts = articles(text)
    assert [a.title for a in arts][-1] == "Blaming others for own failure detestable"
    assert not arts[-1].paragraphs and "no_paragraphs" in arts[-1].warnings
    # under one article's credit, a headline at the end of the page is a link to another story
    single = items.split("Opinion number 2")[0] + "Blaming others for own failure detestable\n"
    assert [a.title for a in articles(single)] == ["Opinion number 1 on the virus"]


def test_a_couple_signs_a_letter_with_two_given_names_and_one_surname() -> None:
    for signed in ("STEVE and CECILY WALLIS", "Steve and Cecily Wallis"):
        text = ("Fire recovery needs all of us\nThe fires took our neighbours' homes. We want to help rebuild them.\n"
                f"In short, what should be done and how might we do it together?\n{signed}\nPetaluma\n")
        (art,) = articles(text)
        assert art.author == "Steve Wallis and Cecily Wallis" and len(art.paragraphs) == 2
        assert dict(roles_of(text))[signed] == "signature"


def test_letters_under_one_headline_signed_with_a_post_or_a_town_and_the_next_letter_s_opening() -> None:
    text = ("Homes in flood zones should rely on private insurance\n"
            "Regarding the July 9 Opinion piece on levees: buyouts are a waste of money. They reward building.\n"
            "Matthew Glans\nLegislative specialist for The Heartland Institute\n"
            "In response to the recent Opinion piece on flooding: good points. We should include permeable paving.\n"
            "Richard Flamm\nSt. Petersburg, Fla.\n"
            "Online compassion outweighs malice\nThe internet can be cruel. But kindness wins out.\n")
    first, second = articles(text)
    assert first.author == "Matthew Glans, Richard Flamm" and len(first.paragraphs) == 2
    assert second.title == "Online compassion outweighs malice" and len(second.paragraphs) == 1
    roles = dict(roles_of(text))
    assert roles["Legislative specialist for The Heartland Institute"] == roles["St. Petersburg, Fla."] == "signature"
    # a headline in sentence case between a signature and the next letter's opening is that letter's
    text = ("Colourful sight\nSir — The standard bookshelf is organised by subject. Readers like colour.\n"
            "S. Banerjee,\nGood work\nSir — The decisive victory in the local elections is welcome. It was earned.\n"
            "Tharcius S. Fernando,\n")
    assert [a.title for a in articles(text)] == ["Colourful sight", "Good work"]
    # the writer's post right under the name, with the next letter's text under it (no opening of its own)
    text = ("Flood misery is not about to go away\nYour report underestimates the problem. Engineers are too few.\n"
            "Professor Peter Gardiner\nEmeritus professor of civil engineering, University of Brighton\n"
            "It is not true to say that 300 schemes have been halted. Funding was found.\n")
    (art,) = articles(text)
    assert art.author == "Peter Gardiner" and len(art.paragraphs) == 2
    assert dict(roles_of(text))["Emeritus professor of civil engineering, University of Brighton"] == "signature"


def test_a_letter_signed_over_an_ad_s_slot_or_a_note_on_the_writer_then_the_next_letter() -> None:
    text = ("Letters to the Editor: Denser cities are our future\n"
            "To the editor: Insurers are pulling out of fire zones. They are right to.\nAdvertisement\n"
            "Andrew Tilles, Studio City\n..\nTo the editor: The solution may be in another article. Read it.\n"
            "Jonathan Parfrey, Los Angeles\nThe writer is executive director of the nonprofit Climate Resolve.\n"
            "To the editor: Heat kills more people than fire. Plant trees.\nKathy Horbund, Venice\n")
    (art,) = articles(text)
    assert art.author == "Andrew Tilles, Jonathan Parfrey, Kathy Horbund" and len(art.paragraphs) == 3
    roles = dict(roles_of(text))
    assert roles["Andrew Tilles, Studio City"] == roles["Jonathan Parfrey, Los Angeles"] == "signature"


def test_a_publication_s_name_under_the_headline_is_the_article_s_source_and_a_section_link_is_not() -> None:
    for source in ("NZ Herald", "The Philippine Star", "CNN"):
        text = (f"Improving preparedness\n{source}\nWeather forecasters gave sufficient warning. The typhoon "
                "was a monster.\nThe government must act before the next one. Lives depend on it.\n")
        (art,) = articles(text)
        assert art.series is None and [(c.role, c.name) for c in art.credits] == [("source", source)]
        assert dict(roles_of(text))[source] == "credit"
    text = ("Status Orange wind warning issued\nAll LMFM News\nThe warning comes into effect from 8am tomorrow. "
            "Schools will close.\nGardaí urge people to stay at home. Roads are dangerous.\n")
    (art,) = articles(text)
    assert not art.credits and dict(roles_of(text))["All LMFM News"] == "furniture"


def test_a_copyright_of_one_year_under_an_article_is_its_credit_and_a_site_s_span_of_years_is_not() -> None:
    body = "Folks, nature is telling us something. Storms come more often.\nWe should listen. It is time.\n"
    (art,) = articles("Pay heed to what nature is telling us\n" + body + "(c) 2017, Washington Post Writers Group\n")
    assert [(c.role, c.name) for c in art.credits] == [("copyright", "(c) 2017, Washington Post Writers Group")]
    site = "© 2010-2019 Stop Smiling Media, LLC. All rights reserved."
    text = "Pay heed to what nature is telling us\n" + body + site + "\n"
    (art,) = articles(text)
    assert not art.credits and dict(roles_of(text))[site] == "furniture"


def test_a_text_cut_under_the_next_letter_s_headline_after_a_signature_and_its_town() -> None:
    text = ("Homes in flood zones should rely on private insurance\n"
            "In response to the recent Opinion piece on flooding: good points. We should include permeable paving.\n"
            "Richard Flamm\nSt. Petersburg, Fla.\nOnline compassion outweighs malice\n")
    first, cut = articles(text)
    assert first.author == "Richard Flamm" and len(first.paragraphs) == 1
    assert cut.title == "Online compassion outweighs malice" and not cut.paragraphs
    # a town whose name has an elided article (``Coeur d’Alene``) ends the signature, no headline of a next letter
    signed = ("EDITORIAL: Missed some facts\n"
              "The editorial was valuable for mentioning the health issue in smoke. It missed the rest.\n"
              "The mixed review here is factual.\nGEORGE SCHNEIDER\nCoeur d’Alene\n")
    (art,) = articles(signed)
    assert art.author == "George Schneider" and dict(roles_of(signed))["Coeur d’Alene"] == "signature"


def test_a_letter_signed_in_a_sentence_about_where_its_writer_lives() -> None:
    for note, name in (("Joe Dorchak is a resident of Huntington Beach, California.", "Joe Dorchak"),
                       ("PaulZerzan is a resident ofBarrigada.", "Paul Zerzan")):
        text = (f"Why is it so expensive to fly to Guam\nI served at the naval station years ago. I loved it.\n"
                f"Please make it possible for mainlanders to visit. Fares are too high.\n{note}\n"
                "Thanks to those who helped after the accident\nThank you to the crews. You are heroes.\n")
        first, _ = articles(text)
        assert first.author == name and len(first.paragraphs) == 2 and "no_byline" not in first.warnings
        assert dict(roles_of(text))[note] == "signature"


def test_a_columnist_s_name_and_post_above_the_headline_are_the_byline() -> None:
    text = ("Ghassan Charbel\nEditor-in-Chief of Asharq Al-Awsat newspaper\nThe Earthquake Factory\n"
            "We were watching the earthquake on screens. The scenes were heart-breaking.\n"
            "Deaths were soaring. Families wept.\n")
    (art,) = articles(text)
    assert (art.title, art.author, art.series, len(art.paragraphs)) == (
        "The Earthquake Factory", "Ghassan Charbel", None, 2)
    assert art.warnings == ()
    roles = dict(roles_of(text))
    assert roles["Ghassan Charbel"] == roles["Editor-in-Chief of Asharq Al-Awsat newspaper"] == "byline"
    # with page furniture between the post and the headline
    text = text.replace("newspaper\n", "newspaper\nAdvertisement\n")
    roles = dict(roles_of(text))
    assert roles["Ghassan Charbel"] == roles["Editor-in-Chief of Asharq Al-Awsat newspaper"] == "byline"
    assert (roles["Advertisement"], roles["The Earthquake Factory"]) == ("furniture", "title")


def test_a_byline_run_into_the_first_paragraph_is_the_writer_s() -> None:
    text = ("300 fisherwomen lament as flood takes over Lagos communities\n"
            "By Ebunoluwa Sessou For women in coastal communities, doing business is hard. The water rose again.\n"
            "The traders lost their stalls. They want help.\n")
    (art,) = checked_articles(text)
    assert art.author == "Ebunoluwa Sessou"
    assert art.paragraphs[0].text.startswith("For women in coastal communities")
    assert dict(roles_of(text))[text.splitlines()[1]] == "body"
    # in capitals; and a sentence that opens on a name keeps the text whole, as no writer can be told from it
    (art,) = articles(text.replace("By Ebunoluwa Sessou", "BY SCOTT SONNER"))
    assert art.author == "Scott Sonner"
    (art,) = articles(text.replace("By Ebunoluwa Sessou For women", "By Governor Sanwo-Olu Lagos women"))
    assert art.author is None and art.paragraphs[0].text.startswith("By Governor")
    # a listing's card copied with its fields run together: deck, byline and agency, text
    card = ("Nevada Numbers Fire Triples in Size\nHundreds of homes threatened     By SCOTT SONNER Associated Press "
            "RENO, Nev. (AP) — A northern Nevada wildfire more than tripled in size on Tuesday. Homes were evacuated.\n"
            "read more\n")
    (art,) = checked_articles(card)
    assert (art.series, art.author) == ("Hundreds of homes threatened", "Scott Sonner")
    assert art.paragraphs[0].text.startswith("RENO, Nev. (AP) — A northern Nevada wildfire")


def test_a_speech_s_salutations_on_lines_of_their_own_are_its_text() -> None:
    text = ("Keynote address by the Commissioner at the Africa Regional Platform\nNovember 17, 2021\n"
            "Your Excellency, Representative of the Government of Kenya\n"
            "Your Excellencies, African Ministers and Heads of Delegations\n"
            "Distinguished guests, ladies and gentlemen, all protocols observed.\n"
            "Allow me to convey the warm greetings of the Chairperson. He wishes us well.\n")
    (art,) = articles(text)
    assert art.series is None and len(art.paragraphs) == 4
    assert {r for line, r in roles_of(text) if line.startswith("Your")} == {"body"}
    # those it greets by their posts, one a line, under the title in capitals: its text, and a post between
    # two of them too
    text = ("STATEMENT BY THE PRIME MINISTER AT THE LAUNCH OF THE NATIONAL EMERGENCY RESPONSE PLAN\n"
            "Honourable Deputy Prime Minister\nHonourable Ministers\nRepresentatives of the Donor Community\n"
            "Secretary to Cabinet and Senior Civil Servants\nRepresentatives of the Media\nLadies and Gentlemen\n"
            "Today, Government is declaring the current drought situation a national emergency.\n"
            "Almost the entire nation is affected by the present drought.\n")
    (art,) = checked_articles(text)
    assert (art.title, len(art.paragraphs)) == (text.split("\n")[0], 8)
    assert {r for _, r in roles_of(text)[1:]} == {"body"}


def test_a_column_of_short_letters_under_topics_with_colons() -> None:
    text = ("Letters in brief\n"
            "Replace the coach:\nThe coach should not be complacent about the players. He should go.\nNick Tyson\n"
            "Frustrated customer:\nI had K3 in my balance but 30t was taken. Nobody answered.\n"
            "Frustrated Digicel User, Madang\n"
            "Natural disasters:\nWe are being hit by too many disasters. The king tides are worse.\n"
            "Cr Feu'u Vitaharo, Hamuhamu village\n")
    arts = articles(text)
    assert [(a.title, a.author, len(a.paragraphs)) for a in arts] == [
        ("Replace the coach:", "Nick Tyson", 1), ("Frustrated customer:", "Frustrated Digicel User", 1),
        ("Natural disasters:", "Feu'u Vitaharo", 1)]  # (the councillor's title is no part of the name)
    assert dict(roles_of(text))["Letters in brief"] == "furniture"
    # one label over a paragraph in an article is the paragraph's lead-in, not a letter
    (art,) = articles("Flood talks\nThe minister spoke first. She was brief.\nSpeakers:\n"
                      "Li Wei and Zhang Nan spoke after her. They agreed.\n")
    assert (art.title, len(art.paragraphs)) == ("Flood talks", 2)


def test_the_writer_s_picture_named_over_the_byline_under_a_captioned_picture_is_no_headline() -> None:
    text = ("From drought hell to flood horrors\n"
            "Flooded homes are seen here in Kitengela after a seasonal river burst its banks on May 1, 2024.\n"
            "Photo credit: Stanley Ngotho | Nation Media Group\n"
            "Charles Onyango-Obbo\n"
            "By Charles Onyango-Obbo\n"
            "Floods leave us with mattresses or pans to carry, and a bicycle cannot serve as a boat.\n"
            "While droughts and wars eventually collect people at some point, floods scatter them.\n")
    (art,) = checked_articles(text)
    assert (art.title, art.author, len(art.paragraphs)) == (
        "From drought hell to flood horrors", "Charles Onyango-Obbo", 2)
    assert ("photographer", "Stanley Ngotho") in {(c.role, c.name) for c in art.credits}
    roles = dict(roles_of(text))
    assert roles["Charles Onyango-Obbo"] == "furniture" and roles["By Charles Onyango-Obbo"] == "byline"
    # another name over the byline is no label of the writer's picture
    assert len(articles(text.replace("Charles Onyango-Obbo\nBy", "Kenya floods\nBy"))) == 2


def test_a_name_and_post_between_the_headline_and_the_text_are_the_byline() -> None:
    text = ("Secretary's Statement: Japan's Earthquake and Tsunamis\nPress Statement\nHillary Rodham Clinton\n"
            "Secretary of State\nWashington, DC\nMarch 11, 2011\n"
            "I join the President in offering our condolences. We stand ready to help.\n"
            "The United States is an unwavering friend of Japan. We will stand with it.\n")
    (art,) = articles(text)
    assert (art.author, len(art.paragraphs)) == ("Hillary Rodham Clinton", 2)
    roles = dict(roles_of(text))
    assert roles["Hillary Rodham Clinton"] == roles["Secretary of State"] == "byline"
    # a name there with no post under it may be a picture's or a label's: no writer is taken from it
    (art,) = articles(text.replace("Secretary of State\n", ""))
    assert art.author is None
    # a post at a newsroom, read as a deck
    text = ("Floods force thousands from homes in southern province\nJane Doe\nStaff Writer\n"
            "Heavy rain has forced thousands of people from their homes, officials said on Monday.\n")
    (art,) = checked_articles(text)
    assert (art.author, art.series, art.credits) == ("Jane Doe", None, ())
    assert dict(roles_of(text))["Staff Writer"] == "byline"
    (art,) = checked_articles(text.replace("Jane Doe", "JANE DOE"))  # a name in capitals, as a name is written
    assert art.author == "Jane Doe"


def test_a_name_over_the_date_between_the_headline_and_the_text_is_the_byline() -> None:
    text = ("Floods force thousands from homes in southern province\nJane Doe\nMarch 3, 2020\n"
            "Heavy rain has forced thousands of people from their homes, officials said on Monday.\n"
            "Rescue teams were sent to the worst-hit villages as rivers rose overnight.\n")
    (art,) = checked_articles(text)
    assert (art.author, art.title, len(art.paragraphs)) == ("Jane Doe", text.split("\n")[0], 2)
    assert dict(roles_of(text))["Jane Doe"] == "byline"
    (art,) = articles(text.replace("March 3, 2020", "Updated: 2020-03-03 11:20"))  # a time of posting
    assert art.author == "Jane Doe"
    # a line in capitals over the date is a release's label, no writer
    (art,) = articles(text.replace("Jane Doe", "FOR IMMEDIATE RELEASE"))
    assert art.author is None
    # a name under the date, right over the text, is no subheading of the first paragraph
    dated = ("After the fires\n\n2016-01-13\n\nEmma Davidson\n\n"
             "January 18 is the anniversary of the Canberra bushfires. Four people died and 500 homes were lost.\n\n"
             "Bushfires have always been a risk in Australia. The evidence points to more of them.\n\n"
             "Here are some things we can do as a community to support each other after fires.\n\n"
             "Immediate crisis support\n\n"
             "Organisations such as the Red Cross are central in providing support to those affected.\n")
    (art,) = checked_articles(dated)
    assert (art.author, art.paragraphs[0].subheading, art.paragraphs[3].subheading) == (
        "Emma Davidson", None, "Immediate crisis support")
    # two writers; the writer's paper between the name and the date, its source
    (art,) = checked_articles(text.replace("Jane Doe", "Jane Doe and John Roe"))
    assert art.author == "Jane Doe and John Roe"
    paper = text.replace("Jane Doe\n", "Jane Doe\nThe Straits Times\n")
    (art,) = checked_articles(paper)
    assert (art.author, [c.name for c in art.credits if c.role == "source"]) == ("Jane Doe", ["The Straits Times"])
    assert dict(roles_of(paper))["The Straits Times"] == "credit"


def test_a_name_alone_right_above_the_text_is_the_byline_unless_the_story_names_it() -> None:
    text = ("The burning question in a warming world\n"
            "Locals run from a wildfire in Turkey during record high temperatures. (Image: Getty)\n"
            "Warren Couillault\n"
            "Large parts of Europe have been sweltering in an intense period of extreme heat. Fires broke out.\n"
            "Insurers have begun to count the cost.\n")
    (art,) = checked_articles(text)
    assert (art.author, len(art.paragraphs)) == ("Warren Couillault", 2)
    assert dict(roles_of(text))["Warren Couillault"] == "byline"
    assert "no_byline" not in art.warnings
    # ... with the separator a byline box leaves after the name when the date is on a line of its own
    (art,) = checked_articles(text.replace("Warren Couillault", "Warren Couillault |"))
    assert art.author == "Warren Couillault"
    # ... over the name of the writer's paper, its source
    paper = text.replace("Warren Couillault\n", "Warren Couillault\nCincinnati Enquirer\n")
    (art,) = checked_articles(paper)
    assert (art.author, [c.name for c in art.credits if c.role == "source"]) == (
        "Warren Couillault", ["Cincinnati Enquirer"])
    assert dict(roles_of(paper))["Cincinnati Enquirer"] == "credit"
    # ... a paper named with its article, in capitals, by a word of papers' names, after "Special to"; an agency
    for outlet in ("The Tennessean", "USA TODAY", "Memphis Commercial Appeal", "Special to The Globe and Mail",
                   "Reuters"):
        paper = text.replace("Warren Couillault\n", f"Warren Couillault\n{outlet}\n")
        (art,) = checked_articles(paper)
        assert (art.author, [c.name for c in art.credits if c.role == "source"]) == ("Warren Couillault", [outlet])
        assert dict(roles_of(paper))[outlet] == "credit"
    # ... the name and the agency on one line, the agency the source (once)
    (art,) = checked_articles(text.replace("Warren Couillault\n", "Warren Couillault Associated Press\n"))
    assert (art.author, [(c.role, c.name) for c in art.credits if c.role == "source"]) == (
        "Warren Couillault", [("source", "Associated Press")])
    # ... and a paper's name ending with an agency's, under the writer's, is the paper's (``Thomson Reuters``)
    (art,) = checked_articles(text.replace("Warren Couillault\n", "Warren Couillault\nThomson Reuters\n"))
    assert (art.author, [c.name for c in art.credits if c.role == "source"]) == ("Warren Couillault",
                                                                                   ["Thomson Reuters"])
    # ... whose words the text opens on, writing (``Premier Alden McLaughlin writes: ...``), the post no part of it
    writes = ("Premier’s message for hurricane season\nPremier Alden McLaughlin\n"
              "Premier Alden McLaughlin writes: Each year as I prepare this message, a storm is already forming.\n"
              "We are ready for the season.\n")
    (art,) = checked_articles(writes)
    assert art.author == "Alden McLaughlin" and len(art.paragraphs) == 2
    # ... whose name the headline gives, after the post
    (art,) = checked_articles("Statement from U.S. Ambassador Mark Gilbert\nAmbassador Mark Gilbert\n"
                              "Just after the earthquake shook the country, the embassy went to work.\n"
                              "We stand with the people of New Zealand.\n")
    assert art.author == "Mark Gilbert"
    # ... over the writer's handle
    (art,) = checked_articles(text.replace("Warren Couillault\n", "Warren Couillault\n@wcouillault\n"))
    assert art.author == "Warren Couillault"
    # ... not over a town's name
    (art,) = articles(text.replace("Warren Couillault\n", "Warren Couillault\nMemphis\n"))
    assert art.author is None
    # the story's own names (a storm's, a place's), a post, a publication, a page's link: no writer
    for other in ("Cyclone Warren", "Prime Minister", "Sydney Morning Herald", "Hindi Version"):
        story = text.replace("Warren Couillault", other).replace("Large parts", "Cyclone Warren hit large parts")
        (art,) = articles(story)
        assert art.author is None, other


def test_the_agency_or_institution_a_byline_names_after_the_writer_is_credited() -> None:
    text = ("Floods force thousands from homes in southern province\nBy JANE DOE Associated Press\n"
            "Heavy rain has forced thousands of people from their homes, officials said on Monday.\n")
    (art,) = checked_articles(text)
    assert art.author == "Jane Doe"
    assert [(c.role, c.name) for c in art.credits] == [("source", "Associated Press")]
    (art,) = checked_articles(text.replace("By JANE DOE Associated Press", "By Jane Doe, Staff Writer"))
    assert (art.author, art.credits) == ("Jane Doe", ())


def test_a_place_between_the_byline_and_the_date_is_the_dateline() -> None:
    text = ("Floods force thousands from homes in southern province\nRio Helmi (The Jakarta Post)\nDenpasar, Bali\n"
            "Wed, January 2, 2019\nHeavy rain has forced thousands of people from their homes, officials said.\n")
    (art,) = checked_articles(text)
    assert (art.author, len(art.paragraphs)) == ("Rio Helmi", 1)
    assert dict(roles_of(text))["Denpasar, Bali"] == "dateline"
    assert ("source", "The Jakarta Post") in [(c.role, c.name) for c in art.credits]


def test_a_listing_of_headlines_each_stamped_under_it_in_one_paragraph_a_line() -> None:
    text = ("Irma Approaches The Territory\nWednesday, 6 September 2017 - 12:05am\n"
            "At 11:00 p.m. the eye of the hurricane was near the islands. It has not weakened.\n"
            "Governor Urges Persons To Stay Indoors Until The All Clear\nTuesday, 5 September 2017 - 9:08pm\n"
            "I am certain you are all following the progress of the hurricane. Stay indoors.\n"
            "Activation Of National Emergency Operations Centre\nMonday, 4 September 2017 - 4:50pm\n"
            "His Excellency the Governor has activated the operations centre. It is staffed.\n")
    assert [a.title for a in articles(text)] == [
        "Irma Approaches The Territory", "Governor Urges Persons To Stay Indoors Until The All Clear",
        "Activation Of National Emergency Operations Centre"]


def test_a_question_opening_a_text_that_has_no_other_title_line_is_its_title() -> None:
    text = ("Transcript: Is India ready for the next big disaster?\n"
            "New Delhi: It is now established that natural disasters are occurring more often. Are we ready?\n"
            "Well, the answer is yes and no. Buildings kill, not earthquakes.\n")
    (art,) = articles(text)
    assert art.title == "Transcript: Is India ready for the next big disaster?" and len(art.paragraphs) == 2
    assert "title_guessed" not in art.warnings
    # under a headline, the same question is the text's first paragraph
    (art,) = articles("Ready for the next disaster\n" + text)
    assert art.title == "Ready for the next disaster" and len(art.paragraphs) == 3
    # so is an exclamation; but one over a stamp, inside the text, is a notice's, not a headline
    shout = ("Don't wait for another disaster!\nOn June 20, the country heard the lake might burst. It held.\n"
             "These disasters are telling of changing times. Climate change is real.\n")
    (art,) = articles(shout)
    assert art.title == "Don't wait for another disaster!" and len(art.paragraphs) == 2
    (art,) = articles("Flood season\nThe rain came early. It did not stop.\nStay safe and help your neighbours!\n"
                      "May 31, 2022\n"
                      "The river rose overnight. Crews worked all day.\n")
    assert art.title == "Flood season"


def test_a_question_right_under_a_letters_signature_heads_the_next_letter() -> None:
    text = ("Sim city\nThe council's plan for the square is a fine idea. It should go ahead this year.\n"
            "Lynne Newell\nRoslyn\nBetter quote perhaps?\n"
            "The builder's quote for the bridge was far too high. Ask another firm.\n")
    first, second = checked_articles(text)
    assert (first.title, first.author, len(first.paragraphs)) == ("Sim city", "Lynne Newell", 1)
    assert (second.title, len(second.paragraphs)) == ("Better quote perhaps?", 1)
    # a question inside a letter's text, with no signature above it, is text
    (art,) = articles(text.replace("Lynne Newell\nRoslyn\n", ""))
    assert len(art.paragraphs) == 3


def test_a_headline_under_a_letters_signature_heads_the_next_letter_whose_text_opens_on_a_pronoun() -> None:
    text = ("Puerto Rico was in trouble before the hurricane\n"
            "The island's power company made no upgrades for years. The storm finished it off.\n"
            "Pauline Zazulak\nWe are seeing a genius at distraction\n"
            "His visit changed nothing. Tossing paper towels to a crowd is no relief plan.\n")
    first, second = checked_articles(text)
    assert (first.author, second.title, len(second.paragraphs)) == (
        "Pauline Zazulak", "We are seeing a genius at distraction", 1)
    # with no signature above it, the text under the line goes on about someone named above: a subheading
    (art,) = articles(text.replace("Pauline Zazulak\n", ""))
    assert len(art.paragraphs) == 2


def test_a_question_under_a_listings_cut_teaser_heads_the_next_item() -> None:
    text = ("Exxon's new office necessary, not an added burden\nDear Editor, The office is needed for the oil "
            "operations and will be paid by the company...\nIs shared governance achievable in a divided country?\n"
            "Dear Editor, Shared governance has been promised by every party since independence...\n")
    first, second = checked_articles(text)
    assert (len(first.paragraphs), second.title) == (1, "Is shared governance achievable in a divided country?")
    # inside a text of more paragraphs, a question after a trailing ellipsis is the text's
    essay = ("Shared governance\nThe promise was made in every campaign. Voters heard it often.\n"
             "Then the elections came and went...\nWhat happened to the promise?\nNobody in power has said.\n")
    (art,) = articles(essay)
    assert len(art.paragraphs) == 4


def test_a_listings_headline_cut_to_its_width_heads_its_item() -> None:
    text = ("Bainimarama keeps his job as opposition leader, says Naidu\nBy Shayal Devi in Suva\n"
            "The FijiFirst leader remains as Leader of the Opposition despite his suspension.\n"
            "Aiyaz trying to mislead the people over use of term Fijian,...\nBy Meri Radinibaravi in Suva\n"
            "Fiji's Constitution does not require everything related to the government to be called Fijian.\n"
            "Speaking during a...\n")
    first, second = checked_articles(text)
    assert (second.title, second.author) == ("Aiyaz trying to mislead the people over use of term Fijian,...",
                                             "Meri Radinibaravi")
    assert (len(first.paragraphs), len(second.paragraphs)) == (1, 2)  # a teaser's cut line is its text
    # a line cut so, with neither a byline nor a stamp under it nor an item closed above it, is text
    (art,) = articles(text.replace("By Meri Radinibaravi in Suva\n", ""))
    assert len(art.paragraphs) == 4


def test_a_releases_closer_and_contact_block_close_it() -> None:
    text = ("City Mayor Commends Firefighters and Urges Residents to Take Care\n"
            "CAPE TOWN, 3 March 2021 - The Mayor thanked the firefighters who fought the blaze. Homes were saved.\n"
            "Residents are urged to report smoke at once.\nENDS\nFor more information, contact:\n"
            "Jane Doe, Media Manager\nTel: 021 403 8438\nEmail: jane.doe@capetown.gov.za\n")
    (art,) = checked_articles(text)
    assert len(art.paragraphs) == 2 and "subheading_inferred" not in art.warnings
    assert [c.role for c in art.credits] == ["contact"] * 4
    assert [r for _, r in roles_of(text)][3:] == ["furniture"] + ["credit"] * 4


def test_a_signature_with_the_writers_town_and_a_full_stop_signs_the_letter() -> None:
    text = ("Council tenancies\nRE your story on council tenancies: the plan is unfair. Tenants will pay more.\n"
            "The council should think again.\nKeith Dewison, Billingham.\n"
            "Affordable housing\nWHEN are we going to stop using the phrase? All housing is affordable to someone.\n")
    first, second = checked_articles(text)
    assert (first.author, len(first.paragraphs)) == ("Keith Dewison", 2)
    assert dict(roles_of(text))["Keith Dewison, Billingham."] == "signature"
    assert second.title == "Affordable housing"
    # a place, a company's boilerplate head: no signature
    for other in ("New Delhi, India.", "About CBRE Group, Inc."):
        (art, *_) = articles(text.replace("Keith Dewison, Billingham.", other))
        assert art.author is None, other


def test_a_letter_signed_on_email_is_signed_whatever_follows() -> None:
    text = ("Tackle it well\nThe government and community leaders have done well. They must go on.\nVyom Prakash,\n"
            "On email.\nThe counter-radicalisation programme will serve the country well.\nK.V. Raghuram,\n"
            "On email.\nThank you!\nThanks to the valley's people, many of us can visit it again.\n")
    first, second = checked_articles(text)
    assert (first.author, len(first.paragraphs)) == ("Vyom Prakash, K.V. Raghuram", 2)
    assert [r for t, r in roles_of(text) if t == "On email."] == ["signature", "signature"]
    assert second.title == "Thank you!"


def test_a_city_in_capitals_between_two_briefs_signs_neither() -> None:
    text = ("Google's profits increase 28 percent\nGoogle said its revenue rose to $3.87 billion. Profit rose too.\n"
            "The shares climbed after hours.\nNEW YORK\nPublishing exec quits over Dow Jones sale\n"
            "A German publishing executive has resigned as a director of Dow Jones. He opposed the sale.\n")
    first, second = checked_articles(text)
    assert first.author is None and second.title == "Publishing exec quits over Dow Jones sale"
    # a writer's name in capitals there signs the letter above
    (letter, _) = articles(text.replace("NEW YORK", "CHARLES MUIRURI"))
    assert letter.author == "Charles Muiruri"


def test_the_post_under_a_releases_contact_is_the_contacts() -> None:
    text = ("Shelter maps now available\nPOLK COUNTY, Fla. (May 8, 2013) - Hurricane season is near. Maps are ready.\n"
            "The maps list 43 shelters.\nJane Doe, +1 863 581 5893\nPublic Information Officer\n")
    (art,) = checked_articles(text)
    assert art.author is None  # (no signature: the contact's post)
    assert [(c.role, c.name) for c in art.credits] == [
        ("contact", "Jane Doe, +1 863 581 5893"), ("contact", "Public Information Officer")]


def test_a_briefs_page_s_headlines_of_one_house_shape_each_head_a_brief() -> None:
    text = ("Samoa - dengue\nHealth officials in Samoa say dengue cases have risen for a third week. Clinics are busy.\n"
            "The ministry has asked people to clear standing water.\n"
            "Fiji - politics\nThe opposition leader in Suva has been suspended from parliament for two years.\n"
            "Fiji - ambulances\nNew ambulances have arrived in Lautoka after a donation from Japan.\n")
    assert [(a.title, len(a.paragraphs)) for a in checked_articles(text)] == [
        ("Samoa - dengue", 2), ("Fiji - politics", 1), ("Fiji - ambulances", 1)]
    capitals = ("FIJI AMBASSADOR GREETS POPE\nThe envoy met the pontiff at the Vatican on Monday. Gifts were given.\n"
                "The meeting lasted an hour.\nADB GRANTS FUNDING\nTonga has been approved for a road grant by the "
                "Asian Development Bank.\n")
    assert [a.title for a in articles(capitals)] == ["FIJI AMBASSADOR GREETS POPE", "ADB GRANTS FUNDING"]
    # a subheading of the headline's shape over more of the same story is the story's
    same = ("HURRICANE SEASON OPENS\nForecasters expect a busy hurricane season on the coast this year.\n"
            "Residents are urged to prepare kits.\nEVACUATION ROUTES\nCoastal residents should learn the hurricane "
            "evacuation routes before the season peaks.\n")
    (art,) = articles(same)
    assert len(art.paragraphs) == 3 and art.paragraphs[2].subheading == "EVACUATION ROUTES"


def test_a_feed_listing_s_headlines_glued_to_the_footer_of_the_item_above() -> None:
    text = ("Hay River fire stalls 10 km short of the town\n"
            "A wildfire south of Hay River has been blown within 10 kilometres of the town. No roads closed.\n"
            "The post Hay River fire stalls 10 km short of the town first appeared on Cabin Radio.Around 16 "
            "buildings left in Enterprise, administrator estimates\n"
            "The senior administrator of Enterprise says most structures were lost. The school survived.\n"
            "The post Around 16 buildings left in Enterprise, administrator estimates first appeared on Cabin "
            "Radio.\n")
    first, second = articles(text)
    assert second.title == "Around 16 buildings left in Enterprise, administrator estimates"
    assert len(first.paragraphs) == len(second.paragraphs) == 1
    assert [c.role for c in second.credits] == ["source"]  # the footer alone closes the last item
    # a comment of the page's script glued before the first headline is no part of it
    glued = "/* ES HIDE ALL TABS php print render($tabs); */ ?>" + text
    assert [a.title for a in articles(glued)] == [first.title, second.title]
    # hard-wrapped at 72 columns, the footer and the headline glued to it span two lines
    wrapped = "\n\n".join(textwrap.fill(line, 72) for line in text.splitlines())
    assert "appeared on\nCabin Radio.Around 16" in wrapped
    assert [a.title for a in articles(wrapped)] == [first.title, second.title]


def test_a_name_given_twice_between_the_headline_and_the_text_is_the_writer_s() -> None:
    text = ("Prepare for hurricane, don't rely on government rescue\nMike Rucker\nWeather Watch\nMike Rucker\n"
            "Many thanks to all who responded to my first article. Planning matters.\n"
            "As a follow-up, planning for emergencies is hard. Start early.\n")
    (art,) = articles(text)
    assert art.author == "Mike Rucker" and len(art.paragraphs) == 2
    # a name given once, above a label, may be a picture's or a label's: no writer is taken from it
    (art,) = articles(text.replace("Mike Rucker\nWeather Watch\nMike Rucker\n", "Mike Rucker\nWeather Watch\n"))
    assert art.author is None


def test_text_in_capitals_broken_over_lines_is_joined_into_sentences_and_headlines_in_capitals_stay() -> None:
    text = ("Transcript: Making wildfire evacuations safer\n"
            "The man says, HUNDREDS OF\nWILDFIRES BURNING ACROSS\nNORTHERN ONTARIO THIS SUMMER\n"
            "MEANT THOUSANDS OF PEOPLE WERE\nEVACUATED FROM THEIR HOMES.\n"
            "Jeyan says, NICK DUNNE COVERS THE NORTHEAST\nFOR ONTARIO HUBS.\n")
    (art,) = articles(text)
    assert [p.text for p in art.paragraphs] == [
        "The man says, HUNDREDS OF\nWILDFIRES BURNING ACROSS\nNORTHERN ONTARIO THIS SUMMER\n"
        "MEANT THOUSANDS OF PEOPLE WERE\nEVACUATED FROM THEIR HOMES.",
        "Jeyan says, NICK DUNNE COVERS THE NORTHEAST\nFOR ONTARIO HUBS."]
    assert len(art.sentences) == 2
    # headlines in capitals, each over its text, are headlines
    text = ("FLOODS HIT THE CITY\nThousands were evacuated on Monday. Roads closed.\n"
            "FIRES BURN IN THE NORTH\nCrews are fighting three blazes. Rain is due.\n")
    assert [a.title for a in articles(text)] == ["FLOODS HIT THE CITY", "FIRES BURN IN THE NORTH"]


def test_a_date_printed_after_the_headline_is_a_credit_not_part_of_the_title() -> None:
    text = ("Transcript: Making Wildfire Evacuations Safer | Sep 24, 2021\n"
            "Hundreds of wildfires burned across the north this summer. Thousands left.\n")
    (art,) = articles(text)
    assert art.title == "Transcript: Making Wildfire Evacuations Safer"
    assert [(c.role, c.name) for c in art.credits] == [("date", "Sep 24, 2021")]
    # a headline with a bar and no date keeps it
    (art,) = articles("Floods | What we know\nThe river rose overnight. Roads closed.\n")
    assert art.title == "Floods | What we know"


def test_words_the_headline_has_already_said_under_it_are_not_the_rest_of_it() -> None:
    text = ("rescEU: EU establishes initial firefighting fleet for next forest fire season\nforest fire\n"
            "The EU has set up a fleet of planes. It will fight forest fires this summer.\n")
    (art,) = articles(text)
    assert art.title == "rescEU: EU establishes initial firefighting fleet for next forest fire season"
    (art,) = articles("Russians try to coax\ncult members out\nPolice spoke to the group. Talks go on.\n")
    assert art.title == "Russians try to coax cult members out"


def test_a_byline_s_label_on_a_line_of_its_own_over_the_writer_s_name() -> None:
    for label in ("By", "Written by", "Author:", "REPORTER:"):
        text = (f"Floods hit the coastal towns\n{label}\nJohn Smith\n"
                "The river rose overnight and roads were closed. Residents left.\n")
        (art,) = articles(text)
        assert art.author == "John Smith" and len(art.paragraphs) == 1, label
        roles = dict(roles_of(text))
        assert roles[label] == roles["John Smith"] == "byline"
    # a label over a line that is no name is left as it was
    (art,) = articles("Floods hit the coastal towns\nBy\nthe river\nThe river rose overnight. Roads closed.\n")
    assert art.author is None


def test_teasers_under_a_label_of_related_stories_are_no_articles() -> None:
    story = ("Typhoon nears the coast\nThousands left their homes on Sunday. Schools closed.\n"
             "The storm is expected to land overnight. Ports shut.\n")
    teasers = ("Recommended Stories\n• The best films of the year\nFrom forgotten gems to new hits, a list.\n"
               "• Hurricane hits the east coast\nThe storm left floods across two provinces.\n• Ten funny posts\n")
    (art,) = checked_articles(story + teasers)
    assert art.title == "Typhoon nears the coast" and len(art.paragraphs) == 2
    assert [r for _, r in roles_of(story + teasers)][3:] == ["furniture"] * 6
    # a box of links inside the text: the text goes on below it (two lines of text in a row)
    boxed = (story + "Related Links\nQuake shakes supermarket Latest info\nRelevant offers\n"
             "Aftershocks rattled the city at night. Walls cracked.\nCrews checked the bridges. None fell.\n")
    (art,) = articles(boxed)
    assert len(art.paragraphs) == 4 and dict(roles_of(boxed))["Relevant offers"] == "furniture"
    # another story under the label, with its byline: an article of its own
    signed = story + "More stories\nRivers rise in the north\nBy Jane Doe\nThe river rose overnight. Crews worked.\n"
    assert [a.title for a in articles(signed)] == ["Typhoon nears the coast", "Rivers rise in the north"]
    # the label above a listing's first item, with no text above it: the items are articles
    listing = ("Most read\nTyphoon nears the coast\nThousands left their homes on Sunday.\n"
               "Rivers rise in the north\nThe river rose overnight.\n")
    assert [a.title for a in articles(listing)] == ["Typhoon nears the coast", "Rivers rise in the north"]


def test_a_source_tag_opening_the_lead_is_a_source_credit() -> None:
    def sources(lead: str) -> list[tuple[str, str]]:
        (art,) = articles(f"Typhoon nears the coast\n{lead} Thousands left their homes.\nSchools closed. Ports shut.\n")
        return [(c.name, c.line) for c in art.credits if c.role == "source"]

    assert sources("MANILA, Dec 6 (Reuters) - A typhoon neared.") == [("Reuters", "MANILA, Dec 6 (Reuters)")]
    assert sources("(Eagle News) — Classes were suspended.") == [("Eagle News", "(Eagle News)")]
    assert sources("MANILA, Philippines | AFP | — Police rammed protesters.") == [
        ("AFP", "MANILA, Philippines | AFP |")]
    assert sources("Tortola, British Virgin Islands, June 26, 2008, (DDM) – The agency met.") == [
        ("DDM", "Tortola, British Virgin Islands, June 26, 2008, (DDM)")]
    # an organisation's abbreviation after its name, a tag inside a sentence: no source
    assert sources("The World Health Organization (WHO) — which met — said so.") == []
    assert sources("He said (AP) - no more.") == []
    # a news outlet's tag after the place, with no dash after it
    assert sources("New York (CNN Business) The storm knocked out power.") == [
        ("CNN Business", "New York (CNN Business)")]
    assert sources("The World Health Organization (WHO) Director spoke.") == []
    # after a dateline with its date, an agency's tag in any case, then a colon, ``.-`` or the text itself
    assert sources("NEW YORK, Aug 28 (APP): Media gave the floods wide coverage.") == [("APP", "NEW YORK, Aug 28 (APP)")]
    assert sources("HAVANA, Cuba, Sept 8 (acn) Over a million people left.") == [("acn", "HAVANA, Cuba, Sept 8 (acn)")]
    assert sources("Addis Ababa, August 21/2020(ENA) The commission said so.") == [
        ("ENA", "Addis Ababa, August 21/2020(ENA)")]
    assert sources("New Delhi, Jun 3 (efe-epa).- A fire broke out.") == [("efe-epa", "New Delhi, Jun 3 (efe-epa).")]
    assert sources("Washington, May 3 (the day after) the storm passed.") == []


def test_a_writer_s_name_read_as_the_text_s_first_or_second_paragraph_is_the_byline() -> None:
    deck = ("Missing amid all the human tragedy, however, is the fact that the hubris of officials was shattered.\n")
    text = ("Dry feet instead of floods\n" + deck + "Nick V. Quijano Jr.\n"
            "By this time most of us are tired of the politicking. The floods came anyway.\n"
            "The hatchet jobs were plain to see.\n")
    (art,) = checked_articles(text)
    assert (art.author, art.series, len(art.paragraphs)) == ("Nick V. Quijano Jr.", deck.strip(), 2)
    assert dict(roles_of(text))["Nick V. Quijano Jr."] == "byline"
    # a name the text goes on about is the story's; a thesis point's, no writer
    (art,) = articles(text.replace("The hatchet jobs", "Quijano said the hatchet jobs"))
    assert art.author is None
    (art,) = articles(text.replace("Nick V. Quijano Jr.\n", "- Post By Silvana Kocovska\n"))
    assert art.author is None and not art.credits


def test_a_writer_s_name_and_a_comma_over_the_text_is_the_byline() -> None:
    text = ("It's flood season again, so what?\nZan Azlee, TMI\n"
            "It's that time of the year when the rivers start overflowing into homes.\n"
            "I don't remember a rainy season with no floods.\n")
    (art,) = checked_articles(text)
    assert (art.title, art.author, len(art.paragraphs)) == ("It's flood season again, so what?", "Zan Azlee", 2)
    assert dict(roles_of(text))["Zan Azlee, TMI"] == "byline"
    # a place, a paper and its date, those a speech greets: no writer
    for line in ("San Juan County, New Mexico", "USA Today, Mar 18, 2015", "Virgin Islanders, Residents and Visitors"):
        (art,) = articles(text.replace("Zan Azlee, TMI", line))
        assert art.author is None, line
    # a name the text gives is the story's
    (art,) = articles(text.replace("I don't remember", "Azlee said he did not remember"))
    assert art.author is None


def test_the_kind_of_text_a_page_s_title_names_after_a_bar_is_no_part_of_the_title() -> None:
    text = ("Flood Disaster | Editorial\nFlood Disaster | Editorial\n"
            "One of the biggest mistakes made by governments is to call flooding a natural disaster.\n"
            "The floods return every year.\n")
    (art,) = checked_articles(text)
    assert art.title == "Flood Disaster"
    # a bar before words that name no kind of text stays in the title
    (art,) = checked_articles(text.replace(" | Editorial", " | Part Two"))
    assert art.title == "Flood Disaster | Part Two"


def test_a_question_over_a_letter_s_salutation_on_its_own_line_is_the_title() -> None:
    text = ("How ready are we for the rains?\nDear Editor,\n"
            "I want to remind Ghanaians of the need to keep our drains clean.\nThe rains are here. Let us act.\n"
            "Joy Amesime\n")
    (art,) = checked_articles(text)
    assert (art.title, art.author, len(art.paragraphs)) == ("How ready are we for the rains?", "Joy Amesime", 2)
    assert "title_guessed" not in art.warnings


def test_a_writer_s_name_and_degree_printed_twice_over_the_text_is_the_byline() -> None:
    text = ("2014 rising: Disasters\nGiovanni Tapang, Ph.D.\nGiovanni Tapang, Ph.D.\n"
            "In the last quarter of the year we were faced by massive calamities.\nWill we face more this year?\n")
    (art,) = checked_articles(text)
    assert (art.author, art.series, len(art.paragraphs)) == ("Giovanni Tapang", None, 2)
    assert [r for _, r in roles_of(text)][:3] == ["title", "furniture", "byline"]


def test_a_writer_s_name_and_a_comma_read_as_the_title_under_a_headline_is_the_byline() -> None:
    text = ("Letter: Air pollution\nJohn Stuart III, Naples\nWhere there's smoke, there is a question.\n"
            "With all the wildfires and the concern for warming, just what effect do tires have?\n")
    (art,) = checked_articles(text)
    assert (art.title, art.author, len(art.paragraphs)) == ("Letter: Air pollution", "John Stuart III", 2)
    assert "furniture_above_title" not in art.warnings
    (art,) = checked_articles(text.replace("Letter: Air pollution", "Rebuilding with Hope").replace(
        "John Stuart III, Naples", "Molly Dolan, 8th grade writer"))
    assert (art.title, art.author) == ("Rebuilding with Hope", "Molly Dolan")
    # words the text has in lower case, or a date between the line and the text: a headline of a listing
    (art, *_) = articles("Car on flooded street\nTurn Around, Don't Drown\nJuly 15, 2019\n"
                         "Driving into a flooded area is foolish.\nTurn around and go back.\n")
    assert art.author is None


def test_a_lead_in_to_a_list_ending_with_a_colon_and_a_dash_is_text_and_its_items_too() -> None:
    text = ("High water levels may cause possible evacuation of areas\n"
            "The Office of Disaster Preparedness has furnished two relief shelters for residents.\n"
            "If relocation of persons is necessary, buses will be waiting at the venues listed hereunder:-\n"
            "- St. Helena Junction\n- Chin Chin Junction\n"
            "Consequently, affected persons are asked to walk with:-\n"
            "- Complete change of clothes\n- Extra pair of shoes\n"
            "The shelters will only provide food, water and bedding.\n")
    (art,) = checked_articles(text)
    assert (art.author, len(art.paragraphs)) == (None, 8)


def test_the_writer_named_in_a_note_on_where_the_text_ran_first_is_its_author() -> None:
    text = ("Wildfires, Climate Change and Activism\n"
            "This article, by Paul Berger, was originally published in the Chronicle Journal on September, 2024.\n"
            "Earlier this summer, my partner and I drove north. Smoke hung over the lakes.\n")
    (art,) = checked_articles(text)
    assert art.author == "Paul Berger" and [c.role for c in art.credits] == ["source"]
    # a byline of its own stays the author
    (art,) = checked_articles(text.replace("Activism\n", "Activism\nBy Jane Doe\n"))
    assert art.author == "Jane Doe"


def test_a_source_tag_closing_the_last_paragraph_is_a_source_credit() -> None:
    text = ("DA issues monsoon advisory\n"
            "LIKABALI, 29 May: The district administration has issued an advisory for the people of the district.\n"
            "The DC advised the people to contact the DDMO in case of emergency or disaster like situations. (DIPRO)\n")
    (art,) = checked_articles(text)
    assert len(art.paragraphs) == 2 and "unterminated_paragraph" not in art.warnings
    assert [(c.role, c.name, c.line) for c in art.credits] == [("source", "DIPRO", "(DIPRO)")]
    assert art.sentences[-1].text.endswith("situations. (DIPRO)")  # (no sentence of its own)
    # an agency's, after a paragraph of several sentences (one line alone with it may be a picture's caption)
    (art,) = checked_articles(text.replace("(DIPRO)", "Shelters were opened in five villages. (Xinhua)"))
    assert [c.name for c in art.credits] == ["Xinhua"]
    # a stage direction is no source
    (art,) = articles(text.replace("(DIPRO)", "(Laughter)"))
    assert art.credits == ()


def _ragged(paragraph: str, width: int) -> str:
    """``paragraph`` wrapped at ``width``, with the last word of every other line moved down to the next."""
    lines = textwrap.wrap(paragraph, width)
    for k in range(0, len(lines) - 1, 2):
        lines[k], moved = lines[k].rsplit(" ", 1)
        lines[k + 1] = f"{moved} {lines[k + 1]}"
    return "\n".join(lines)


def test_text_hard_wrapped_with_no_blank_line_between_paragraphs_reads_as_one_paragraph_a_line() -> None:
    paragraphs = [
        "Shelter maps now available", "By Jane Doe",
        "POLK COUNTY, Fla. (May 8, 2013) - Hurricane season is fast approaching and the county's emergency bureau, "
        "along with the tourism office, is making sure residents and visitors know how to prepare.",
        "Emergency shelter maps, with directions to each of the county's 43 public shelters, will be available at "
        "libraries at the end of May. The maps include a list of items for a survival kit.",
        "The 2013 map is red.",
        "Crews clear roads after the storm", "By John Roe",
        "Road crews worked through the night to clear fallen trees from the main highways into the city, "
        "officials said on Sunday morning.",
    ]

    def shape(text: str) -> list[tuple[str, str | None, list[str]]]:
        return [(a.title, a.author, [" ".join(p.text.split()) for p in a.paragraphs]) for a in checked_articles(text)]

    one_a_line = shape("\n".join(paragraphs) + "\n")
    assert [title for title, _, _ in one_a_line] == ["Shelter maps now available", "Crews clear roads after the storm"]
    for width in (60, 72, 80):
        assert shape("\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n") == one_a_line, width
        # as a proportional font wraps it (text from a PDF): lines of uneven widths, a word short or over
        assert shape("\n".join(_ragged(p, width) for p in paragraphs) + "\n") == one_a_line, width
    # (a paragraph whose last line is full, or nearly, is read as going on: the wrap gives no other sign of its end)
    # short lines of a list or a poem, one a line, are not joined: no line of them breaks mid-sentence
    verse = "Spring floods\nThe river rose.\nThe bridge held.\nThe town slept.\nMorning came.\n"
    assert [len(a.paragraphs) for a in checked_articles(verse)] == [4]


def test_a_listing_s_category_tag_between_items_is_no_signature() -> None:
    # Each item: headline, date, teaser; a topic tag over the next headline stands where a letter's signature
    # would, but a tag is given again on the page, follows a teaser cut short, or tops an item stamped with a date.
    text = ("Turn Around, Don't Drown\n"
            "July 15, 2019\n"
            "Driving a vehicle into a flooded area isn't just foolish, it's potentially...\n"
            "Storm Season\n"
            "Tax-Free Week Saves Money on Hurricane Supplies\n"
            "May 28, 2020\n"
            "From Friday, May 29 you can buy select disaster preparedness items without tax.\n"
            "Fire Recovery\n"
            "People with Disabilities Face Challenges in Emergencies\n"
            "June 5, 2020\n"
            "Preparing for emergencies and recovering afterward are difficult for many people.\n"
            "Storm Season\n"
            "Why We Are Watching the Gulf of Mexico\n"
            "A surge of tropical moisture will move toward the western Gulf Coast.\n")
    arts = articles(text)
    assert [a.title for a in arts] == ["Turn Around, Don't Drown", "Tax-Free Week Saves Money on Hurricane Supplies",
                                       "People with Disabilities Face Challenges in Emergencies",
                                       "Why We Are Watching the Gulf of Mexico"]
    assert [a.author for a in arts] == [None] * 4
    roles = dict(roles_of(text))
    assert roles["Storm Season"] == roles["Fire Recovery"] == "furniture"


def test_a_letters_signature_over_its_date_and_the_next_letter_still_signs_it() -> None:
    text = ("Blessings to Bermuda\n"
            "Dear Sir,\n"
            "I am writing to you from Hamilton, Ontario. My son is living in Bermuda.\n"
            "Blessings to you all.\n"
            "Pierre Pommainville\n"
            "Hamilton, Canada\n"
            "September 7, 2003\n"
            "Dear Sir,\n"
            "I am so sorry to see what devastation Bermuda has just suffered.\n")
    (art,) = articles(text)
    assert art.author == "Pierre Pommainville"


def test_a_name_like_line_under_a_teaser_cut_short_is_no_signature() -> None:
    text = ("Residents urged to stay prepared\n"
            "Officials continue to monitor the storms and urge residents to have a plan...\n"
            "Unlocking Article\n"
            "Why the river keeps rising\n"
            "The river rose again on Monday after a week of rain.\n")
    arts = articles(text)
    assert [a.author for a in arts] == [None, None]
    assert dict(roles_of(text))["Unlocking Article"] == "furniture"


def test_a_live_report_s_bulleted_times_are_its_stamps_not_headlines() -> None:
    text = ("Cyclone nears the coast as thousands move to shelters\n"
            "The cyclone is expected to make landfall in Gujarat late on Monday.\n"
            "• 10:26 PM IST\n"
            "Heavy rainfall will cover Rajkot and Morbi in the next six hours, forecasters said.\n"
            "• 10:12 PM IST\n"
            "Diu reported wind speeds of 133 km/h at 9.30 pm.\n")
    (art,) = articles(text)
    assert len(art.paragraphs) == 3
    roles = dict(roles_of(text))
    assert roles["• 10:26 PM IST"] == roles["• 10:12 PM IST"] == "credit"


def test_headline_less_letters_under_one_heading_are_signed_between_them() -> None:
    text = ("Forum: Excerpts from readers' letters\n"
            "Now that the virus is spreading, it is a good time to educate the public to wear masks.\n"
            "Healthcare personnel who are constantly exposed to risks should definitely do this.\n"
            "Kho Kwang Po (Dr)\n"
            "Too often, project brochures describe only what the owners think will sell.\n"
            "Lee Seong Wee\n"
            "During my recent visit to Chennai, I was surprised to see a total ban on plastic bags.\n"
            "Susan Fraser, Toronto\n"
            "We have a picture of a group of rich people who can afford cottages.\n"
            "J. Brotnov\n"
            "Fresno, Calif.\n"
            "If we can learn anything from the forest fires, it is that prevention pays.\n"
            "Padmini Kesavapany\n")
    (art,) = articles(text)
    assert art.author == "Kho Kwang Po, Lee Seong Wee, Susan Fraser, J. Brotnov, Padmini Kesavapany"
    assert len(art.paragraphs) == 6
    roles = dict(roles_of(text))
    assert {roles[n] for n in ("Kho Kwang Po (Dr)", "Lee Seong Wee", "Susan Fraser, Toronto", "J. Brotnov",
                               "Fresno, Calif.")} == {"signature"}


def test_a_name_between_paragraphs_that_introduces_someone_or_credits_a_picture_signs_nothing() -> None:
    profile = ("Three leaders to watch after the floods\n"
               "The floods changed the careers of several officials this year.\n"
               "Jacinda Ardern\n"
               "The prime minister visited the worst-hit towns within hours of the storm.\n")
    caption = ("Charities launch appeals for those affected by the storm\n"
               "Libyan Red Crescent teams are responding to the flooding in the northeast. Volunteers give first aid.\n"
               "Alicia Melville-Smith, Libyan Red Crescent\n"
               "Several major charities have launched appeals for funding as they respond to the flooding.\n")
    for text, name in ((profile, "Jacinda Ardern"), (caption, "Alicia Melville-Smith, Libyan Red Crescent")):
        assert all(a.author is None for a in articles(text))
        assert dict(roles_of(text))[name] != "signature"


def test_a_letters_signature_with_a_dash_before_the_town_or_a_state_code_after_it() -> None:
    dashed = ("Wrong flight to Malta\n"
              "When the pandemic is over, emigrants will think they boarded the wrong flight.\n"
              "Phyllis Sammut Smith – Gżira\n"
              "COVID measures\n"
              "How surprising to read that Malta is one of the most lax countries in efforts to curb the spread.\n"
              "Anna Micallef – Sliema\n")
    assert [(a.title, a.author) for a in articles(dashed)] == [
        ("Wrong flight to Malta", "Phyllis Sammut Smith"), ("COVID measures", "Anna Micallef")]
    coded = ("Letters to the editor\n"
             "The floodwaters have now receded. The task of rushing in relief supplies is urgent.\n"
             "G David Milton\n"
             "Maruthancode (TN)\n"
             "The recent deluge in Kerala has thrown up a huge challenge to the State.\n")
    (art,) = articles(coded)
    assert art.author == "G David Milton"
    assert dict(roles_of(coded))["Maruthancode (TN)"] == "signature"


def test_a_letters_signature_block_over_the_next_letter_is_no_list_of_links() -> None:
    text = ("Letters: The dredging after the last floods is what has saved Somerset\n"
            "SIR – While echoing the praise for the Environment Agency, I note the dredging.\n"
            "The agency would do well to heed the lessons learnt from this area.\n"
            "David Hall\n"
            "Chairman, Somerset Rivers Authority\n"
            "Taunton, Somerset\n"
            "SIR – Contrary to a suggestion in more than one letter, very few new houses flood.\n")
    (art,) = articles(text)
    assert art.author == "David Hall"
    assert len(art.paragraphs) == 3


def test_a_listing_s_headline_written_as_a_sentence_heads_the_teaser_opening_on_a_dateline() -> None:
    text = ("Typhoon may hit the north by Tuesday\n"
            "MANILA, Philippines — The storm strengthened overnight, the weather bureau said.\n"
            "After a technical issue, a plane with 214 passengers lands safely in the Philippines.\n"
            "MANILA, Philippines—On Wednesday morning, a plane made an unexpected but safe landing.\n"
            "Thousands are on alert as the Mayon Volcano spews lava down its slopes.\n"
            "LEGAZPI, Philippines—Monday, the most active volcano in the country was slowly spilling lava.\n"
            "Residents were told to stay away from the danger zone.\n")
    arts = articles(text)
    assert [a.title for a in arts] == [
        "Typhoon may hit the north by Tuesday",
        "After a technical issue, a plane with 214 passengers lands safely in the Philippines.",
        "Thousands are on alert as the Mayon Volcano spews lava down its slopes."]
    assert [len(a.paragraphs) for a in arts] == [1, 1, 2]


def test_a_section_label_in_capitals_over_a_headline_and_its_dateline_is_no_title() -> None:
    text = ("Home | back | next\n"
            "LOCAL NEWS\n"
            "Storm may become a super typhoon by Tuesday, according to the weather bureau.\n"
            "MANILA, Philippines — The storm strengthened into a severe tropical storm yesterday.\n"
            "Residents of coastal towns were told to prepare.\n")
    (art,) = articles(text)
    assert art.title == "Storm may become a super typhoon by Tuesday, according to the weather bureau."
    assert dict(roles_of(text))["LOCAL NEWS"] == "furniture"


def test_a_letter_closed_with_a_valediction_and_signed_with_a_nickname_or_by_email() -> None:
    closed = ("A message to our neighbors\n"
              "Best wishes to all of you for a fast and full storm recovery.\n"
              "Very truly yours,\n"
              "John P. “Jack” Seiler\n")
    (art,) = articles(closed)
    assert art.author == "John P. “Jack” Seiler"
    assert [p.text for p in art.paragraphs] == ["Best wishes to all of you for a fast and full storm recovery."]
    emailed = ("Help the flood victims\n"
               "There is no doubt that the situation in the country is deadly for the people of Sindh.\n"
               "Shamsuddin Khushk,\n"
               "By email\n")
    (art,) = articles(emailed)
    assert art.author == "Shamsuddin Khushk"
    assert dict(roles_of(emailed))["By email"] == "signature"


def test_the_writer_s_post_under_a_letter_s_signature_is_no_byline() -> None:
    text = ("Syrians are desperate for aid after the earthquake\n"
            "Syrians do not want to hear about political obstacles. They want help.\n"
            "Chris Doyle\n"
            "Director, Council for Arab-British Understanding\n")
    (art,) = articles(text)
    assert art.author == "Chris Doyle"
    assert dict(roles_of(text))["Director, Council for Arab-British Understanding"] == "signature"


def test_an_untitled_page_s_first_line_of_a_few_words_with_a_full_stop_is_its_headline() -> None:
    text = (
        "What surviving a hurricane taught me about myself & other people.\n"
        "It has been nine days since I took this photo. We survived the hurricane and it was like nothing I have"
        " ever experienced before, and I hope never to again.\n"
        "I was one of the lucky ones: my electricity came on just two days after the storm.\n"
    )
    arts = articles(text)
    assert [(a.title, len(a.paragraphs)) for a in arts] == [
        ("What surviving a hurricane taught me about myself & other people.", 2)]
    assert roles_of(text)[0] == ("What surviving a hurricane taught me about myself & other people.", "title")
    # a first paragraph of a sentence over one not much longer, or of two sentences, stays text
    for lead in ("The storm came at dawn.\nIt flattened the village and the crops. Many left.\n",
                 "The storm came at dawn. It flattened the village.\n" + "It rained for a week after it. " * 4 + "\n"):
        arts = articles(lead)
        assert len(arts[0].paragraphs) == 2 and "title_guessed" in arts[0].warnings, lead


def test_a_news_agency_after_a_dash_closing_the_text_or_opening_the_lead_is_its_source() -> None:
    text = ("Floods hit Kelantan\n"
            "Two relief centres have been opened in Tanah Merah, officials said on Friday.\n"
            "In Machang, 12 people from three families are taking refuge at SK Pulai Chondong. - Bernama\n")
    (art,) = checked_articles(text)
    assert [(c.role, c.name, c.line) for c in art.credits] == [("source", "Bernama", "- Bernama")]
    assert "unterminated_paragraph" not in art.warnings
    (art,) = checked_articles(text.replace("Two relief", "AFP – Two relief").replace(" - Bernama", ""))
    assert [(c.role, c.name, c.line) for c in art.credits] == [("source", "AFP", "AFP")]
    # a dash and a word that is no agency's name, or an agency's name with no dash, is none
    for other in (text.replace(" - Bernama", " - Thursday"), text.replace(" - Bernama", " Bernama"),
                  text.replace("Two relief", "APPEALS – Two relief").replace(" - Bernama", "")):
        (art,) = articles(other)
        assert art.credits == (), other


def test_a_guessed_title_passes_over_a_letter_s_or_a_speech_s_greeting() -> None:
    for greeting in ("Dear Mayor Bloomberg,", "Your Excellencies, Ladies and Gentlemen,"):
        (art,) = articles(f"{greeting}\nIt is 5:00 p.m. on Sunday. A week after you told us to evacuate, we wait.\n")
        assert art.title == "It is 5:00 p.m. on Sunday" and "title_guessed" in art.warnings, greeting
        assert len(art.paragraphs) == 2


def test_a_headline_given_again_under_its_deck_and_a_stamp_or_over_its_byline_is_one_article() -> None:
    headline = "Rescue Operations in Annamalaiyar Hill: NDRF on Mission to Save Lives"
    deck = ("NDRF teams have initiated rescue operations in the Annamalaiyar Hill area after a building was buried "
            "beneath mud due to heavy rains.")
    lead = ("The National Disaster Response Force teams began their rescue mission on Monday. Seven people are "
            "missing.\nCyclone Fengal's downpour caused significant landslips.\n")
    stamped = (f"{headline}\n{deck}\nDevdiscourse News Desk | Chennai | Updated: 02-12-2024 11:01 IST | Created: "
               f"02-12-2024 10:48 IST\n{headline}\n• India\n{lead}")
    (art,) = checked_articles(stamped)
    assert (art.title, art.series, len(art.paragraphs)) == (headline, deck, 2)
    assert [r for _, r in roles_of(stamped)] == ["title", "series", "credit", "title", "furniture", "body", "body"]
    bylined = f"{headline}\n{deck}\n{headline}\nBy Staff Reporter\nJune 8, 2017\n{lead}"
    (art,) = checked_articles(bylined)
    assert (art.title, art.series, art.author, len(art.paragraphs)) == (headline, deck, "Staff Reporter", 2)
    # a headline given again under a line of text, over more text, is another item's
    listed = f"{headline}\n{deck}\n{headline}\n{lead}"
    assert len(articles(listed)) == 2


def test_a_credit_behind_a_bullet_and_the_numbers_of_a_contact_block_are_credits() -> None:
    text = ("Team Rubicon deploys to Houston\nShare this story:\n• linkedin\n• PHOTO: Kirk Jackson, Team Rubicon\n"
            "Volunteers left for Houston on Friday. More will follow next week.\n")
    (art,) = checked_articles(text)
    assert [(c.role, c.name) for c in art.credits] == [("photographer", "Kirk Jackson, Team Rubicon")]
    assert len(art.paragraphs) == 1
    release = ("Statement on the flooding\nOttawa – April 25, 2019 – The minister spoke with his counterpart today.\n"
               "Contacts\nScott Bardsley\nManager of Media and Communications\n613-998-5681\nMedia Relations\n"
               "Public Safety Canada\n613-991-0657\n")
    (art,) = checked_articles(release)
    assert [c.name for c in art.credits] == ["Contacts", "Scott Bardsley", "Manager of Media and Communications",
                                             "613-998-5681", "Media Relations", "Public Safety Canada", "613-991-0657"]


def test_a_letterhead_s_address_under_the_page_s_title_is_no_stamp_of_an_item_below() -> None:
    # a release under its page's title, a run of short lines, an address and a number, then its letterhead's
    # officer (``Chief David C. Cash``) and the headline again (tests/data/pages/h31/07), laid out with blank lines
    capture = Path(__file__).parents[1] / "data" / "pages" / "h31" / "07"
    gold = json.loads(capture.with_suffix(".json").read_text(encoding="utf-8"))
    for layout in ("blank_lines", "wrapped"):
        text = lay_out(capture.with_suffix(".txt").read_text(encoding="utf-8"), gold, layout)
        arts = checked_articles(text)
        assert arts[0].title == "Hurricane Public Shelter Maps Now Available", layout
        assert [c.name for c in arts[0].credits][:2] == ["Bartow, FL 33831", "(863) 519-7350"], layout


def test_the_fields_of_an_event_s_or_a_petition_s_details_are_no_headlines() -> None:
    text = ("TORONTO, Nov. 06, 2024 -- Workers affected by heat stress will hold a media conference on Thursday. "
            "They will speak about the bill.\nDate: Thursday, November 7, 2024\nTime: 9:00 a.m.\n"
            "Location: Media Studio, Legislative Building, Room 149, Queen's Park, Toronto\n"
            "For more information, please contact:\nMelissa Palermo\n")
    arts = articles(text)
    assert len(arts) == 1 and "Location: Media Studio" in arts[0].paragraphs[-1].text
    petition = ("Target: Douglas L. Parker, Assistant Secretary of Labor\nGoal: Enshrine workers' rights to rest, "
                "shade, and water.\nThe past summer was the hottest ever recorded. Workers suffered in the heat.\n")
    (art,) = articles(petition)
    assert "title_guessed" in art.warnings and len(art.paragraphs) == 3


def test_a_teaser_of_two_sentences_glued_together_is_no_headline() -> None:
    teaser = ("King Charles has sent condolences to the Kenyan families affected by floods.He added that he remembers "
              "how he was received when he came to Kenya")
    assert not is_title_like(teaser)
    assert is_title_like("Amazon.com says its warehouses in flood zones will reopen next week after the storms pass")


def test_a_headline_under_a_teaser_s_read_more_link_opens_the_next_item() -> None:
    text = ("Columns\nEarthy Tales\nBy Jane Doe\nLast week I was on a flight to Mumbai. About two hours in, the "
            "captain announced that there was unseasonal heavy rain.\nRead more\nA city that floods every year\n"
            "These are extraordinary times and we witness extraordinary floods in the city. The drains are old.\n"
            "Read more\n")
    arts = checked_articles(text)
    assert [(a.title, a.author, len(a.paragraphs)) for a in arts] == [
        ("Earthy Tales", "Jane Doe", 1), ("A city that floods every year", None, 1)]
    arts = checked_articles(text.replace("Read more", "Read on…"))  # (the link in other words)
    assert [a.title for a in arts] == ["Earthy Tales", "A city that floods every year"]
    # a subheading under text that goes on, with no link between, stays one
    (art,) = articles(text.replace("Read more\nA city", "A city").replace("\nRead more\n", "\n"))
    assert art.paragraphs[1].subheading == "A city that floods every year"


def test_a_wire_service_s_slug_closing_the_last_paragraph_is_its_source() -> None:
    text = ("Boiler blast kills two at factory\nAt least two workers were killed after a boiler exploded at a "
            "pharmaceutical factory, officials said.\nThey are checking whether the factory had all the required "
            "licences and permissions, he said. PTI COR PJT NP\n")
    (art,) = checked_articles(text)
    assert [(c.role, c.name) for c in art.credits] == [("source", "PTI")]
    assert len(art.paragraphs) == 2 and "unterminated_paragraph" not in art.warnings
    # capitals that are no agency's, or an agency's name with no codes after it, are none
    for other in ("permissions, he said. ABC COR PJT NP", "permissions, he said. PTI"):
        (art,) = articles(text.replace("permissions, he said. PTI COR PJT NP", other))
        assert art.credits == (), other


def test_a_footer_s_link_over_a_menu_and_the_publisher_s_address_is_no_article() -> None:
    text = ("Union mourns the rescuers\nThe union's president issued a statement on the deaths. He urged a full "
            "inquiry.\nBecome an Associate Member\nMine Workers Journal\nI need a union\nContact Congress\n"
            "18354 Quantico Gateway Drive\nSuite 200\nTriangle, VA 22172\n")
    (art,) = checked_articles(text)
    assert art.title == "Union mourns the rescuers" and len(art.paragraphs) == 1
    assert [r for _, r in roles_of(text)][2:] == ["furniture"] * 7
    # a headline over its own release's letterhead (no menu between them) stays an article
    release = "Shelter maps now available\n18354 Quantico Gateway Drive\nTriangle, VA 22172\n"
    (art,) = articles(release)
    assert art.title == "Shelter maps now available"


def test_a_headline_glued_to_the_link_of_the_item_above_opens_the_next_item() -> None:
    text = ("Tag: industrial accident\nPipeline Explosion in East Godavari District\n"
            "A gas pipeline exploded in Andhra Pradesh, killing 22 people.\n"
            "Continue ReadingExplosion at PetroChina Natural Gas Field\n"
            "A blowout at a gas field in Chongqing released toxic gas.\n"
            "CONTINUE READINGKader Toy Factory Fire Claims Over 200 Lives\n"
            "A fire at a toy factory in Thailand killed 188 workers.\n"
            "Continue reading “Kader Toy Factory Fire Claims Over 200 Lives”\n")
    arts = checked_articles(text)
    assert [a.title for a in arts][-3:] == ["Pipeline Explosion in East Godavari District",
                                           "Explosion at PetroChina Natural Gas Field",
                                           "Kader Toy Factory Fire Claims Over 200 Lives"]
    assert [len(a.paragraphs) for a in arts][-3:] == [1, 1, 1]
    assert roles_of(text)[-1][1] == "furniture"  # the link that names the item above
    # the link's mark between them (``Read More »Madagascar: ...``), and a teaser with the link glued to its last word
    marked = ("Madagascar: dozens killed by tropical storm\n[AFP] A storm has killed 34 people in Madagascar, "
              "officials said.\nRead More »Somalia: First Floods, Then Desert Locusts\n[FAO] Farmers in central "
              "Somalia cope with back-to-back threatsRead More\nRead More »2020, one of three warmest years on record\n"
              "The pandemic was not the only crisis of 2020.\n")
    arts = checked_articles(marked)
    assert [a.title for a in arts] == ["Madagascar: dozens killed by tropical storm",
                                       "Somalia: First Floods, Then Desert Locusts",
                                       "2020, one of three warmest years on record"]
    assert arts[1].paragraphs[0].text == "[FAO] Farmers in central Somalia cope with back-to-back threats"


def test_a_listing_s_byline_with_its_count_of_comments_signs_the_item() -> None:
    text = ("Letter: Time to confirm or deny the 1943 raid\nA reader believes the government should say what "
            "happened.\nFriday, 1st May, 2020 11:09am\nBy Brian Dennis with 10 readers' comments\n"
            "Letter: Doctors and nurses need protection\nThis reader shares his view of the handling of the crisis.\n"
            "Monday, 4th May, 2020 11:42am\nBy Hans Bromwich with 5 readers' comments\n")
    arts = checked_articles(text)
    assert [a.title for a in arts] == ["Letter: Time to confirm or deny the 1943 raid",
                                       "Letter: Doctors and nurses need protection"]
    assert [a.author for a in arts] == ["Brian Dennis", "Hans Bromwich"]


def test_a_letter_s_signature_with_the_name_in_capitals_and_the_town_is_no_dateline() -> None:
    text = ("The pleasures, perils of not having power\nAfter a series of strong storms, I would like to thank the "
            "crews who restored our power.\nBOB GROSS, Columbia Heights\n• • •\nI was without power for less than "
            "36 hours. It felt like a week.\nDAVID HALVERSON, Minneapolis\n")
    (art,) = checked_articles(text)
    assert art.author == "Bob Gross, David Halverson" and len(art.paragraphs) == 2
    assert [r for _, r in roles_of(text)] == ["title", "body", "signature", "furniture", "body", "signature"]
    # above a story's text, the same shape is its dateline
    story = "Storm cuts power\nCOLUMBIA HEIGHTS, Minn.\nCrews worked through the night to restore power.\n"
    assert [r for _, r in roles_of(story)] == ["title", "dateline", "body"]


def test_a_headline_of_one_word_under_a_signature_that_names_the_town_opens_the_next_letter() -> None:
    text = ("FEMA and Katrina\nIt is hard to believe it has been 20 years since the storm. The claims took years.\n"
            "Tazewell Hubard, Norfolk\nDisposable\nI feel for the protesters. In this era of disposables, the state "
            "tears down what it built.\nJane Roe, Suffolk\n")
    arts = checked_articles(text)
    assert [(a.title, a.author) for a in arts] == [("FEMA and Katrina", "Tazewell Hubard"),
                                                   ("Disposable", "Jane Roe")]
    # under a signature without its town, such a line is the town
    (art,) = checked_articles(text.replace("Tazewell Hubard, Norfolk\nDisposable\n", "Tazewell Hubard\nNorfolk\n"))
    assert art.author == "Tazewell Hubard, Jane Roe"


def test_a_menu_s_items_in_lower_case_do_not_make_a_page_hard_wrapped_text() -> None:
    text = ("The Daily Independent 1 July 2025, Tuesday\nView E-Paper\nrecent poll\nevents\n\n"
            "Malta not spared as severe heat wave hits southern Europe\n\n"
            "Major heat waves across southern Europe have pushed temperatures above 40 C in several countries.\n\n"
            "loading\n")
    (art,) = checked_articles(text)
    assert art.title == "Malta not spared as severe heat wave hits southern Europe" and len(art.paragraphs) == 1
    # the menu's lines are furniture, not joined to the masthead's line as a wrapped paragraph's would be
    lines = segment_lines(document(text))[1]
    assert (text[lines[0].char_start : lines[0].char_end], lines[0].role) == (
        "The Daily Independent 1 July 2025, Tuesday", "furniture")
    assert {r.role for r in lines[:-3]} == {"furniture"}


def test_a_listing_s_headlines_over_teasers_that_open_on_their_dates_are_its_items() -> None:
    items = [("EDITORIAL: Caribbean folks dream of Africa, why?",
              "September 10, 2021 There is a growing amount of chatter on the subject. No harm in that..."),
             ("EDITORIAL: When you are wrong, admit it!",
              "August 27, 2021 We ran an editorial on August 24 that was wrong. We said so..."),
             ("EDITORIAL: We're coming down the home stretch of 2021",
              "August 20, 2021 Soon it will be Christmas time again. This year went by quickly...")]
    text = "".join(f"{h}\n{t}\n" for h, t in items)
    arts = checked_articles(text)
    assert [(a.title, len(a.paragraphs)) for a in arts] == [(h, 1) for h, _ in items]
    # two such pairs are no listing: a question and a dated paragraph are text
    (art,) = articles("Floods hit the coast\n" + "".join(f"{h}\n{t}\n" for h, t in items[:2]))
    assert art.title == "Floods hit the coast"


def test_a_minister_s_name_under_a_ministers_label_is_the_author_and_the_post_under_it_no_headline() -> None:
    text = ("Release type: Transcript\n\nDate:\n\nTranscript: Interview with Kieran Gilbert on the floods\n\n"
            "Ministers:\n\nThe Hon Stuart Robert MP\nMinister for Employment, Workforce, Skills, Small and Family "
            "Business\n\nKIERAN GILBERT: Minister, the floods in Lismore have cut the town off. What can employment "
            "services do?\n\nSTUART ROBERT: Employment services in the floods have been doing extraordinary work.\n")
    (art,) = checked_articles(text)
    assert art.title == "Transcript: Interview with Kieran Gilbert on the floods"
    assert art.author == "Stuart Robert"
    (art,) = checked_articles(text.replace("The Hon Stuart Robert MP", "Senator the Hon Murray Watt"))
    assert art.author == "Murray Watt"


def test_the_headline_under_the_page_s_title_with_a_breadcrumb_glued_before_it_or_the_writer_after_it() -> None:
    text = ("HomeAidBurma govt wins rare praise for flood efforts\nBurma govt wins rare praise for flood efforts\n"
            "Aid groups praised the government for its response to the floods. It opened camps fast.\n")
    (art,) = checked_articles(text)
    assert art.title == "Burma govt wins rare praise for flood efforts" and len(art.paragraphs) == 1
    question = ("Are some trying to take advantage of the fires in Turkey? - YASIN AKTAY\n"
                "Are some trying to take advantage of the fires in Turkey?\n"
                "Turkey is face to face with one of the worst fires in its history. Crews are out.\n")
    (art,) = checked_articles(question)
    assert art.title == "Are some trying to take advantage of the fires in Turkey?"
    assert art.author == "Yasin Aktay" and len(art.paragraphs) == 1
    # a line that ends as the title does, after a space, is another headline
    (art,) = checked_articles("Floods hit Burma\nHit Burma\nThe floods hit the delta. Camps opened.\n")
    assert art.title != "Hit Burma"


def test_the_writer_s_name_over_the_headline_over_the_picture_s_credit_is_the_byline() -> None:
    text = ("Yiannis Baboulias\nThe Greek wildfires and the failings of the state\n(Photo: Getty)\n"
            "The wildfires raging across Greece show no sign of abating. Villages burned.\n")
    (art,) = checked_articles(text)
    assert (art.title, art.author) == ("The Greek wildfires and the failings of the state", "Yiannis Baboulias")
    assert art.char_start == 0  # (the article starts at its byline)
    # a caption (no name above it) over the credit stays furniture
    caption = ("Wildfires rage in Greece\nA firefighter on Evia island\n(Photo: Getty)\n"
               "The wildfires raging across Greece show no sign of abating. Villages burned.\n")
    assert dict(roles_of(caption))["A firefighter on Evia island"] == "furniture"


def test_two_writers_named_over_a_link_to_the_comments_above_the_text_are_the_byline() -> None:
    text = ("Climate change is cooking our workforce\nDavid Arkush and David Michaels\nView Comments\n"
            "We are smashing heat records again this summer. Workers and employers feel it.\n"
            "At present, we have no federal rules to protect workers from heat.\n")
    (art,) = checked_articles(text)
    assert art.author == "David Arkush and David Michaels" and len(art.paragraphs) == 2


def test_a_headline_and_its_teaser_under_a_listing_s_item_of_one_paragraph_is_the_next_item() -> None:
    text = ("Lagos Flood: Move Out Of Your Houses, Lagos Govt Reacts\nIn reaction to the flood that submerged Lekki "
            "and other parts of the city, the government asked residents to leave.\n"
            "Flood Submerges 21 Delta Communities\nThe riverine area of Delta State has endured its share of the "
            "flood, which has ravaged several areas.\nFlood Displaces 7,342 People in Plateau\nHe said that 832 "
            "villages were also submerged by the flood. Ten people died.\n")
    arts = checked_articles(text)
    assert [len(a.paragraphs) for a in arts] == [1, 1, 1]
    assert arts[-1].title == "Flood Displaces 7,342 People in Plateau"
    # under an article of more paragraphs, a short line between two paragraphs stays its subheading
    article = text.replace("to leave.\n", "to leave.\nThe camps are full. Roads are shut.\n")
    arts = checked_articles(article)
    assert len(arts) == 2 and arts[1].paragraphs[1].subheading == "Flood Displaces 7,342 People in Plateau"
