from __future__ import annotations

import pytest

from transforms.bylines import (
    byline_affiliation,
    dash_signature,
    is_end_marker,
    is_publication,
    name_case,
    parse_author_note,
    parse_byline,
    parse_credit,
    person_credits,
    title_signature,
)


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("By Xinhua writer Li Laifang (Xinhua)", "Li Laifang", "author"),  # the agency's post before the name
        ("By China Daily reporter Zhang Wei", "Zhang Wei", "author"),
        ("By Dong Jidong (chinadaily.com.cn)", "Dong Jidong", "author"),  # the site's address after it
        ("By Zahara Tiba for Khabar Southeast Asia in Jakarta", "Zahara Tiba", "author"),  # the outlet she wrote for
        ("Opinion article by Dr Olivia Kunguma, University of the Free State", "Olivia Kunguma", "author"),
        ("Guest column by Jane Doe", "Jane Doe", "author"),
        ("By Professor Jane Doe", "Jane Doe", "author"),  # a courtesy title is no part of the name
        ("By Cardinal Pietro Parolin", "Pietro Parolin", "author"),  # nor a cleric's or a knight's
        ("By Sir John Doe", "John Doe", "author"),
        ("By Tang Yue(China Daily)", "Tang Yue", "author"),  # the paper glued on in brackets
        ("By Qiu Wen Source: Updated: 2024-07-04", "Qiu Wen", "author"),  # the page's fields after the name
        ("By Mihai Sora*", "Mihai Sora", "author"),  # a footnote's mark
        ("Xin Bei  Updated: 2004-01-16 08:56", "Xin Bei", "author"),  # the name, spaces, then its stamp
        ("Posted by Jane Doe at 10:41 AM", "Jane Doe", "author"),  # as blogs sign a post
        ("Writer: Zhang Nan).", "Zhang Nan", "writer"),
        ("(Writer: Yang Jinzhong).", "Yang Jinzhong", "writer"),
        ("Author: Li Wei", "Li Wei", "author"),
        ("(Author: Chen Jing)", "Chen Jing", "author"),
        ("By Li Wei", "Li Wei", "author"),
        ("Written by Zhang San and Li Si", "Zhang San and Li Si", "author"),
        ("Reporter: Wang Xiaoming.", "Wang Xiaoming", "reporter"),
        ("(作者：张楠)", "张楠", "author"),
        ("（作者：张伟）", "张伟", "author"),
        ("作者：王小明、李华", "王小明、李华", "author"),
        ("By Li Wei, Zhang San", "Li Wei, Zhang San", "author"),
        ("Author: Ding Dou, Peking University", "Ding Dou", "author"),
        ("By Anna Lee, Zhang San, Asia Society Policy Institute", "Anna Lee, Zhang San", "author"),
        ("By Omondi Were", "Omondi Were", "author"),  # a surname that is also a word
        ("Katherine Timpf Jul 24, 2014 at", "Katherine Timpf", "author"),  # a name, then the posting date
        ("By Le Hoang   July 20, 2018 | 01:50 pm GMT+7", "Le Hoang", "author"),  # (the time's zone and offset)
        ("The Media Line Staff", "The Media Line Staff", "author"),  # a paper's staff (its source, once read)
        ("Katherine Timpf Jul 24, ２０１４", "Katherine Timpf", "author"),  # (a year in full-width digits)
        ("by Aaron Edwards August 11 2017, 10:10 pm", "Aaron Edwards", "author"),  # the time after a comma
        ("By Eddie Zvinonzwa 7h ago", "Eddie Zvinonzwa", "author"),  # how long ago the card was posted
        ("By: Office of County Judge Craig Doyal", "Office of County Judge Craig Doyal", "author"),  # an office's
        ("Eric HolthausJun 29Comment 30", "Eric Holthaus", "author"),  # a newsletter's fields run together
        ("By Stephen G. Pelletier  //  Volume 25, Number 6  //  November/December 2017", "Stephen G. Pelletier",
         "author"),  # fields after double slashes
        ("By Moses Mugugunyeki and Harriet Chikandiwa Dec. 31, 2023", "Moses Mugugunyeki and Harriet Chikandiwa",
         "author"),
        ("Jul 24, 2014 Katherine Timpf", "Katherine Timpf", "author"),
        ("Sun Wei 2 Jun 2024", "Sun Wei", "author"),  # a surname that is also a day's short name
        ("Kevin Tolhurst, University of Melbourne", "Kevin Tolhurst", "author"),  # a name and an affiliation
        ("Byron Camilleri, Minister for Home Affairs, Security and Employment", "Byron Camilleri", "author"),  # a post
        ("Jane Doe, Monash University, Australia", "Jane Doe", "author"),
        # doctors' degrees after their names, then the syndicate
        ("By Eve Glazier, M.D., and Elizabeth Ko, M.D. Andrews McMeel Syndication", "Eve Glazier and Elizabeth Ko",
         "author"),
        ("Written by Ann Lee, PhD, and Bo Chen, MPH, Health Desk", "Ann Lee and Bo Chen", "author"),
        ("By John Smith, Ph.D.", "John Smith", "author"),
        # a name in capitals; other labels; the publication or the agency after a separator; a post; a handle
        ("By JANE DOE Associated Press", "Jane Doe", "author"),
        ("BY J.R. SMITH AND LI WEI", "J.R. Smith and Li Wei", "author"),
        ("Story by Jane Doe", "Jane Doe", "author"),
        ("Posted by Jane Doe on March 3, 2020", "Jane Doe", "author"),
        ("Blog Post created by Old-Bones on Aug 16, 2020", "Old-Bones", "author"),  # a community blog's stamp
        ("KNA by Fatma Said", "Fatma Said", "author"),  # a national news agency's initials first
        ("Sunday Mail Reporters", "Sunday Mail Reporters", "author"),  # a desk's reporters (its paper's)
        ("WT Staff", "WT Staff", "author"),
        ("By Brian Dennis with 10 readers' comments", "Brian Dennis", "author"),
        ("Jane Doe | Reuters", "Jane Doe", "author"),
        ("By Jane Doe / The Daily Star", "Jane Doe", "author"),
        ("Jane Doe — March 3, 2020", "Jane Doe", "author"),
        ("Jane Doe, Staff Writer", "Jane Doe", "author"),
        ("Jane Doe @janedoe", "Jane Doe", "author"),
        ("By Jane Doe @janedoe", "Jane Doe", "author"),  # (the label is no part of the name)
        ("Authored by Ryan McMaken via The Mises Institute,", "Ryan McMaken", "author"),
        ("SolveClimate / By Kunda Dixit", "Kunda Dixit", "author"),  # the outlet, then the byline
        ("Jane Doe and John Roe, The Washington Post", "Jane Doe and John Roe", "author"),  # no label, two writers
        ("By Jane Doe, Staff Writer", "Jane Doe", "author"),  # a post, not a publication's desk
        ("Jane Doe, Reuters", "Jane Doe", "author"),
        ("Jane Doe (AFP)", "Jane Doe", "author"),
        ("Jane Doe / Reuters", "Jane Doe", "author"),
        ("By Jane Doe, Reuters | March 3, 2020", "Jane Doe", "author"),  # the agency is no second writer
        ("Jane Doe | Staff Writer", "Jane Doe", "author"),
        ("Jane Doe - Staff Reporter", "Jane Doe", "author"),
        ("Jane Doe | Updated 2 hours ago", "Jane Doe", "author"),
        ("By Jane Doe in Manila", "Jane Doe", "author"),
        ("By Jane Doe and agencies", "Jane Doe", "author"),
        ("Analysis by Jane Doe, CNN", "Jane Doe", "author"),
        ("Opinion by Jane Doe", "Jane Doe", "author"),
        ("March 3, 2020 | Jane Doe", "Jane Doe", "author"),  # the date, a bar, the name
        ("Jane Doe Published August 22, 2025 | 10:02 PM", "Jane Doe", "author"),  # the name, then when it was posted
        ("Jane Doe Updated Mar 4, 2021", "Jane Doe", "author"),
        ("Updated | By Anastasi Mokgobu", "Anastasi Mokgobu", "author"),  # an empty stamp's label, then the byline
        ("Chris Edwards - Mon Oct 22", "Chris Edwards", "author"),  # a listing's: the day of the week, no year
    ],
)
def test_bylines(line: str, name: str, role: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.name, byline.role, byline.line) == (name, role, line.strip())


@pytest.mark.parametrize(
    "line",
    [
        "By 2025, the country will have a new system.",
        "by the end of the year",
        "The author: is here now for a long time and more words",
        "Writer's block is real.",
        "",
        "Pay more attention to prevention.",
        "By The Way We Go",  # a title-case heading, not a name
        "Kalemba May 27, 2024",  # one word and the date, with no label: a site's name and its stamp
        "The White House Chief of Staff",
        "By Working Together, We Win",
        # two capitalised words, a comma and an institution's word, going on in lower case: a sentence
        "Public Security, the National Health Commission and other authorities.",
        "Sun 2 Jun 2024",  # a day's short name and a date
        "John Smith, President of the Red Cross, said the roads were shut.",
        "BY THE WAY WE GO",  # in capitals, no name either
        "Report by the committee on the floods",
        "USA by Bus and Train",  # capitals that are no news agency's before ``by``: a headline
        "Reporters",
        "Medical Staff",  # a heading (a paper's staff is named with ``The`` or its initials)
        "Posted by admin on March 3, 2020",
        "Floods — March 3, 2020",  # one word and a date after a dash: a headline's
        "Storm Warning | Weather",  # no publication after the bar
        "Thanks @everyone",
        "Floods / Reuters",  # one word and an agency: a headline's
        "Washington Post, Reuters",  # two publications, no one
        "Analysis by the ministry shows the risk",
        "November 14, 2019 | Via Reuters",  # where a listing's item came from: no one's name
        "Oct 13 2020 Share",  # a date and the page's share button
        "Updated | Bystanders flee the flood",
        "Li Published Mar 4, 2021",  # one word before the posting word: no name
        "Floods - Mon Oct 22",
        "Rep. Mike Coffman. (Denver Post file)",  # a caption of a paper's file picture
        "Storm hits town 7h ago",
        "By the office of the governor, he said",
        "The StormMay 3",
        "By the river 2 days ago",
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("(Editor: Li Wei)", ("editor", "Li Wei")),
        ("Responsible editor: Zhao Min.", ("responsible editor", "Zhao Min")),
        ("Source: Xinhua", ("source", "Xinhua")),
        ("Source(s): Oxfam - Solidarité", ("source", "Oxfam - Solidarité")),
        ("(Source: People's Daily)", ("source", "People's Daily")),
        ("Translated by Wang Fang", ("translator", "Wang Fang")),
        ("Photo: Xinhua", ("photographer", "Xinhua")),
        ("Pic: Ross Boyd", ("photographer", "Ross Boyd")),
        ("（责任编辑：李伟）", ("responsible editor", "李伟")),
        ("Source of the problem is deep.", None),
        ("Editorial boards met on Monday.", None),
        ("Editor: Wang Fang", ("editor", "Wang Fang")),
        # a letter's salutation and its first words
        ("Editor: In the recent article, the other side of the story was left out.", None),
        ("EDITOR: Now that the dramatic fires are nearly under control, our", None),
    ],
)
def test_credits(line: str, credit: tuple[str, str] | None) -> None:
    assert parse_credit(line) == credit


@pytest.mark.parametrize(("line", "end"), [("Enditem", True), ("(End)", True), ("[END]", True), ("(完)", True),
                                           ("ENDS", True), ("-ENDS-", True), ("~ END ~", True), ("Ends.", True),
                                           ("The end is near.", False), ("Endless", False), ("Ends meet", False)])
def test_end_markers(line: str, end: bool) -> None:
    assert is_end_marker(line) is end


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("(Web editor: Zhong Wenxing, Liang Jun)", [("web editor", "Zhong Wenxing, Liang Jun")]),
        ("2015-09-22 12:56CNTV Editor: Mo Hong'e", [("editor", "Mo Hong'e")]),
        ("(Reporting by Denny Thomas in Toronto; Editing by Peter Cooney)",
         [("reporter", "Denny Thomas"), ("editor", "Peter Cooney")]),
        ("Copyedited by Pamela Tobey", [("copy editor", "Pamela Tobey")]),
        ("Photo by Wang Yajuan", [("photographer", "Wang Yajuan")]),
        ("Photo credit: Stanley Ngotho | Nation Media Group", [("photographer", "Stanley Ngotho")]),
        ("Editor: Lu Yan · 2016-08-31 · Source: | Web Exclusive", [("editor", "Lu Yan")]),  # the name only
        ("Source: Xinhua", []),
        ("Edited by The Team", []),  # not a person's name
        ("This story has not been edited by NDTV staff.", []),  # no one edited it
        ("It was not edited by Jane Doe but reporting by Li Wei", [("reporter", "Li Wei")]),
        ("2019-08-02 14:10:05", []),
    ],
)
def test_person_credits_name_each_person_with_their_role(line: str, people: list[tuple[str, str]]) -> None:
    assert person_credits(line) == people


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Eric Holdeman is a contributing writer for Emergency Management magazine.", "Eric Holdeman"),
        ("Ramesh Ponnuru — Ramesh Ponnuru is a senior editor for National Review.", "Ramesh Ponnuru"),  # named twice
        ("Professor Stephen Dovers is an ANU Public Policy Fellow, a researcher with the Bushfire CRC.",
         "Stephen Dovers"),
        ("Dr. Jane Roe is a senior fellow at the Lowy Institute.", "Jane Roe"),
        ("John Smith is a farmer in Iowa.", None),  # says nothing of writing
        ("The mayor is a former journalist.", None),  # no name
        ("Xi Jinping is the general secretary of the CPC Central Committee.", None),
        ("Jane Roe is a columnist. " + "She writes on policy. " * 30, None),  # too long for a note
    ],
)
def test_a_note_on_the_writer_names_the_author(line: str, name: str | None) -> None:
    note = parse_author_note(line)
    assert (note.name if note else None) == name
    if note is not None:
        assert note.role == "author" and note.line == line


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Speech by Minister Cora van Nieuwenhuizen at the Flood & Coast Conference, 9 December 2020.",
         "Cora van Nieuwenhuizen"),
        ("Remarks by President Joe Biden on the federal response to Hurricane Ian.", "Joe Biden"),
        ("Keynote speech by Cora van Nieuwenhuizen, Minister of Water, at the conference", None),  # a headline
        ("The speech by the minister was long.", None),
    ],
)
def test_a_line_naming_who_gave_a_speech_is_its_byline(line: str, name: str | None) -> None:
    byline = parse_byline(line)
    assert (byline.name if byline else None) == name


def test_names_with_particles_and_a_posting_date_updated() -> None:
    got = parse_byline("Riyaz ul Khaliq  | 08.02.2023 - Update : 08.02.2023")
    assert got is not None and got.name == "Riyaz ul Khaliq"
    got = parse_byline("By Ursula von der Leyen")
    assert got is not None and got.name == "Ursula von der Leyen"
    # a stamp or a section's name after a date is no writer
    assert parse_byline("Updated 22 November 2017") is None
    assert parse_byline("14 Sep 2023 News") is None
    assert parse_byline("Speeches 14 October 2024") is None  # a section's name and the date


@pytest.mark.parametrize(
    ("line", "affiliation"),
    [
        ("By JANE DOE Associated Press", ("source", "Associated Press")),
        ("by Jane Doe, CNN", ("source", "CNN")),
        ("By Jane Doe / The Daily Star", ("source", "The Daily Star")),
        ("by Alex Whiting | @AlexWhi | Thomson Reuters Foundation", ("source", "Thomson Reuters Foundation")),
        ("By Zhang Zhouxiang (China Daily) Updated: 2017-06-28 07:36", ("source", "China Daily")),
        ("Kevin Tolhurst, University of Melbourne", ("affiliation", "University of Melbourne")),
        ("By Dan Elliott/ Associated Press", ("source", "Associated Press")),  # glued on after a slash
        ("By Jane Doe and John Roe, The Washington Post", ("source", "The Washington Post")),
        ("By Jane Doe | March 3, 2020", None),  # a date only
        ("By Jane Doe | @janedoe", None),  # a handle only
        ("Jane Doe, Staff Writer", None),  # the writer's post
        ("By Jane Doe, Staff writer", None),  # ... in any case
        ("Jane Doe and John Roe, The Washington Post", ("source", "The Washington Post")),
        ("By Jane Doe", None),
    ],
)
def test_the_publication_or_institution_a_byline_names_after_the_writer(
        line: str, affiliation: tuple[str, str] | None) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline_affiliation(byline) == affiliation


def test_a_councillors_title_is_no_part_of_the_name() -> None:
    for line in ("Councillor Ben Ord, Chairman, Spennymoor Liberal Democrats.", "By Councillor Ben Ord",
                 "By Cllr Ben Ord"):
        byline = parse_byline(line)
        assert byline is not None and byline.name == "Ben Ord", line


def test_names_in_the_latin_scripts_beyond_ascii() -> None:
    for line, name in (("By José García", "José García"), ("By Janez Lenarčič", "Janez Lenarčič"),
                       ("By Łukasz Nowak, Reuters", "Łukasz Nowak"), ("BY JOSÉ GARCÍA", "José García"),
                       ("Jürgen Müller, Reuters", "Jürgen Müller"), ("By Zoë Ørsted", "Zoë Ørsted")):
        byline = parse_byline(line)
        assert byline is not None and byline.name == name, line
    # a speech's title names its speaker after the post and its portfolio (``for ...``)
    signed = title_signature("Opening remarks by Commissioner for Crisis Management Janez Lenarčič at the 7th European "
                             "Civil Protection Forum in Brussels")
    assert signed is not None and signed.name == "Janez Lenarčič"
    assert title_signature("Message By Premier of the Virgin Islands On Hurricane Irma Approaching The Territory") is None
    # and a note on the writer, and a headline signed after a dash
    note = parse_author_note("José García is a professor of civil engineering at the University of Lagos.")
    assert note is not None and note.name == "José García"
    signed = dash_signature("Democracy Day: What is the Nigerian Dream? — Godmán Akinlabi")
    assert signed is not None and signed.name == "Godmán Akinlabi"


def test_the_writers_paper_after_a_list_of_names_is_no_writer() -> None:
    for line, names in (
            ("By Dylan Baddour, Kevin Sullivan, Wesley Lowery and Robert Samuels, The Washington Post",
             "Dylan Baddour, Kevin Sullivan, Wesley Lowery and Robert Samuels"),
            ("By Jane Doe and John Roe, The Washington Post", "Jane Doe and John Roe"),
            ("BY JANE DOE, THE WASHINGTON POST", "Jane Doe"),
            ("By Dan Elliott/ Associated Press", "Dan Elliott"), ("By Dan Elliott/AP", "Dan Elliott"),
            ("By Olawale Ayeni, Abuja", "Olawale Ayeni"),  # (one word after a name is a place's, or a paper's)
            ("By Jane Doe, Jr.", "Jane Doe, Jr"), ("By Jane Doe and John Roe, Lagos", "Jane Doe and John Roe"),
            # (an agency, or a name, then the date with no mark between)
            ("By The Associated Press May 29, 2017 7:09 am 05/29/2017 07:09am", "The Associated Press"),
            ("By Jane Doe May 29, 2017", "Jane Doe"),
            # (a sentence that says whose the post is)
            ("This post is by Rose Jones, PhD, Medical Anthropologist", "Rose Jones"),
            ("This article was written by Jane Doe", "Jane Doe")):
        byline = parse_byline(line)
        assert byline is not None and byline.name == names, line
    assert parse_byline("By The Way We Go") is None  # (a heading in title case)


def test_a_subtitle_after_a_dash_names_no_writer() -> None:
    assert dash_signature("Operating After a Disaster – One Business’s Success Story") is None
    assert dash_signature("Southern Tornadoes Leave Lives, Emotions in Upheaval – How You Can Help") is None
    assert dash_signature("Tongan disaster relief and recovery – Expert Reaction") is None
    assert dash_signature("Exxon Valdez: 20 Years Later – Lessons Learned") is None
    signed = dash_signature("Democracy Day: What is the Nigerian Dream? — Godman Akinlabi")
    assert signed is not None and signed.name == "Godman Akinlabi"


def test_a_desk_names_a_publication_and_a_post_at_it_does_not() -> None:
    assert is_publication("Daily Patriot") and is_publication("Staff Reports") and is_publication("Reuters")
    assert not is_publication("Staff Writer") and not is_publication("Jane Doe")
    # a paper, a broadcaster or a section named under an aggregator's headline: its source, no writer
    assert all(is_publication(name) for name in ("Express UK", "Junior Graphic", "Radio New Zealand", "Daily Mirror",
                                                 "Sunday Monitor", "Inquirer Weekly", "ABC Television"))


def test_a_name_in_capitals_is_given_in_the_case_of_a_name() -> None:
    assert name_case("RICHARD BROCK AND LI WEI") == "Richard Brock and Li Wei"
    assert name_case("ROBERT LEAKE III") == "Robert Leake III"
    assert name_case("JEAN-PAUL O'NEIL") == "Jean-Paul O'Neil"
    assert name_case("Robert McDonald") == "Robert McDonald"  # (not in capitals: as it is)


def test_a_gallery_s_label_over_a_headline_is_no_photo_credit() -> None:
    assert parse_credit("Photos: California battles wind-fueled wildfires") is None
    for line, name in (("Photos: AP", "AP"), ("Photos: Courtesy of the City of Tampa", "Courtesy of the City of Tampa"),
                       ("Photos: staff and wire reports", "staff and wire reports")):
        assert parse_credit(line) == ("photographer", name), line
