"""Bylines, credit lines and end markers: the lines around an article that name people or close it.

Bylines (the whole line must be the byline, optionally in brackets and closed by a full stop) give the
article's author and the role the label names: ``Writer: Zhang Nan).`` (writer), ``(Author: Li Wei)``,
``By Li Wei``, ``Written by Li Wei``, ``(作者：张楠)`` (author), ``Reporter: Li Wei`` (reporter). Several names
joined by ``and``/``,``/``、`` are kept together as written.

Credit lines name other people and sources, with their role, and are never the author: ``(Editor: Li Wei)``,
``Responsible editor: Li Wei``, ``Source: Xinhua``, ``Translated by ...``, ``(责任编辑：李伟)``.

End markers close a wire story: ``Enditem``, ``(End)``, ``[END]``, ``(完)``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from itertools import takewhile

from transforms.lines import AGENCY_NAMES, DIGITS_AS_ZERO, LETTER_SALUTATION, NEWS_AGENCIES
from transforms.records import Byline

# A courtesy, a cleric's or a knight's title before a name: ``Dr``, ``Dr.``, ``Prof``, ``Cllr``, ``Cardinal``, ``Sir``.
_COURTESY_TITLES = ("Dr", "Mr", "Mrs", "Ms", "Mx", "Miss", "Prof", "Professor", "Cr", "Cllr", "Councillor", "Councilor",
                    "Coun", "Rev", "Reverend", "Hon", "Sir", "Dame", "Cardinal", "Archbishop", "Bishop", "Father", "Fr",
                    "Sister", "Pastor", "Rabbi", "Imam", "Sheikh")
COURTESY_TITLE = re.compile(rf"(?:(?:{'|'.join(_COURTESY_TITLES)})\.?\s+)+(?=[A-Z])")
_COURTESY_INITIALS = frozenset(title[0] for title in _COURTESY_TITLES)  # (the cheap test before the pattern)
# A capitalised name word: Li, O'Neil, McDonald, Jean-Paul, J. (not a glued run of capitals: ``AAAPrint``). Names
# with other letters of the Latin scripts (``José García``, ``Janez Lenarčič``) are matched on the line with each
# such letter folded to an ASCII one (``_ascii_folded``): classes of them cost every match.
_CAP_WORD = r"(?-i:[A-Z][a-z'’]*(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)*\.?)"
# (with the lower-case particles of some names between its words: Riyaz ul Khaliq, Ursula von der Leyen)
_PARTICLE = r"(?-i:ul|al|bin|binti|ibn|van|von|der|den|de|da|del|della|di|du|le|la|el|dos|das)"
_NAME = rf"{_CAP_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_CAP_WORD}){{0,4}}"
_LATIN_NAMES = rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
# A name in capitals, as some bylines print it (``By JANE DOE``, ``BY J.R. SMITH AND LI WEI``).
_CAPS_WORD = r"(?-i:[A-Z](?:[A-Z'’-]*[A-Z]|\.(?:[A-Z]\.)*))"
_CAPS_NAME = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{1,4}}"
_CAPS_NAMES = rf"{_CAPS_NAME}(?:\s*(?:,|(?-i:AND)|&)\s*{_CAPS_NAME})*"
_CJK_NAMES = r"[\u3400-\u9fff·]{2,8}(?:[、，,\s]+[\u3400-\u9fff·]{2,8})*"
# A news agency's initials, as a byline may give them before the writer's name: those of ``NEWS_AGENCIES`` and a
# national agency's (``KNA``, ``GNA``, ``PNA``: a country's News Agency).
_AGENCY_INITIALS = rf"(?-i:{'|'.join(name for name in NEWS_AGENCIES if name.isupper())}|[A-Z]{{1,3}}NA)"
_OPEN, _CLOSE = r"^[(\[（【]?\s*", r"\s*[)\]）】]?\s*[.。]?\s*$"

_BYLINE = re.compile(
    _OPEN
    + r"(?:"
    rf"(?P<label>writer|authors?|reporter|correspondent|text)\s*[:：]\s*(?P<name>{_LATIN_NAMES}|{_CJK_NAMES})"
    rf"|(?:(?:opinion\s+|guest\s+)?(?:written|authored|story|words|article|text|report|reported|posted|opinion|analysis"
    rf"|commentary|column|essay|interview|piece)\s+|(?:blog\s+)?post\s+created\s+"
    rf"|{_AGENCY_INITIALS}\s+(?=by\s))?by\s*[:：]?\s+"  # (an agency's initials first: ``KNA by Fatma Said``)
    # (the paper's or agency's post before the name: ``By Xinhua writer Li Laifang``)
    rf"(?:(?-i:(?:[A-Z][\w.'’-]*\s+){{1,3}})(?:staff\s+)?(?:writers?|reporters?|correspondents?)\s+)?"
    rf"(?P<by_name>{_LATIN_NAMES}|{_CAPS_NAMES})"
    rf"|(?:作者|文|撰稿)\s*[:：]?\s*(?P<cjk_name>{_CJK_NAMES}|{_LATIN_NAMES})"
    r")"
    + _CLOSE,
    re.IGNORECASE,
)
_ROLES = {"writer": "writer", "reporter": "reporter", "correspondent": "reporter"}
# Capitalised words that do not occur in a person's name: a "By ..." line with one is a title-case heading
# ("By The Way We Go", "By Working Together"), not a byline. (Labelled bylines, "Writer: ...", are not checked.)
_NOT_NAME_WORDS = frozenset({
    "The", "A", "An", "Of", "In", "On", "At", "To", "For", "With", "From", "Into", "Over", "Under", "Through", "Via",
    "Our", "We", "Us", "It", "Its", "This", "That", "These", "Those", "My", "Your", "Their", "His", "Her",
    "Is", "Are", "Be", "Was", "All", "Every", "Making", "Working", "Building", "Doing",
    "Updated", "Update", "Published", "Posted", "Modified", "News", "About", "Speech", "Speeches", "Statements",
    "Remarks", "Releases",
    # a question's and a how-to's words (``... in Upheaval – How You Can Help``: the headline's, no signature)
    "How", "What", "Why", "Where", "You", "Should", "Could", "Would", "Does",
    # a page's words, which an icon's or a link's name has and no person's (``WordPress.com Logo``)
    "Logo", "Photo", "Photos", "Video", "Videos", "Gallery", "Comments", "Reply", "Login", "Menu", "Subscribe",
    "Download", "Website", "Homepage", "WordPress.com", "Reports", "Digest", "Version", "Versi", "Edition",
    "Share", "Tweet", "Print", "Email", "Comment", "Listen", "Image", "Images", "Placeholder", "Thumbnail",
    "Illustration",
    # a headline's subtitle after a dash, no signature (``... – Expert Reaction``, ``20 Years Later – Lessons Learned``)
    "Expert", "Experts", "Reaction", "Reactions", "Lessons", "Learned", "Learnt", "Explained", "Explainer", "Recap",
    "Highlights",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
})

# A day's short name before a date (``Sun 2 Jun 2024``) is no one's name (``Sun Wei`` is).
_SHORT_WEEKDAYS = frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})

_CREDIT = re.compile(
    _OPEN
    + r"(?:"
    r"(?P<role>(?:responsible\s+|executive\s+|chief\s+)?editors?|sources?|source\(s\)|translators?"
    r"|photo(?:grapher)?s?"
    r"|pic(?:ture)?s?|proofreaders?)\s*[:：]\s*(?P<name>[^\n]{1,80}?)"
    r"|(?:translated|edited)\s+by\s+(?P<by_name>[^\n]{1,80}?)"
    r"|(?P<cjk_role>责任编辑|编辑|来源|翻译)\s*[:：]\s*(?P<cjk_name>[^\n]{1,40}?)"
    r")"
    + _CLOSE,
    re.IGNORECASE,
)
_CJK_CREDIT_ROLES = {"责任编辑": "responsible editor", "编辑": "editor", "来源": "source", "翻译": "translator"}
_END = re.compile(r"^(?:[(\[（【]|[-~–—*]{1,3})?\s*(?:enditem|ends?|完)\s*(?:[)\]）】]|[-~–—*]{1,3})?\s*[.。]?\s*$",
                  re.IGNORECASE)


MAX_LINE = 120  # a byline, credit line or end marker is short (a segmenter need not ask about longer lines)


def _whole_line(pattern: re.Pattern[str], line: str) -> tuple[str, re.Match[str] | None]:
    stripped = line.strip()
    return stripped, (pattern.match(stripped) if 0 < len(stripped) <= MAX_LINE else None)


_FIELD_MARKS = "|·•–—"  # the marks between a byline's fields: ``Jane Doe | Reuters``, ``Jane Doe — March 3, 2020``
# Where a byline's furniture starts: a separator, an update stamp, a date, the publication in brackets
# (``By Zhao Lei Updated Mar.4``, ``by Alex Whiting | @AlexWhi | Thomson Reuters Foundation``, ``Will Steffen |
# January 24, 2020``, ``By Zhang Zhouxiang (China Daily) Updated: 2017-06-28 07:36``, ``By Qiu Wen Source: ...``,
# a footnote's mark: ``By Mihai Sora*``).
_BYLINE_TAIL = re.compile(
    r"\s*(?:[" + _FIELD_MARKS + r"]|\*|(?<=\w)\((?-i:[A-Z])[^()]{1,40}\)"
    r"|/(?<=\w/)\s*(?-i:[A-Z])"  # (the agency glued on after a slash: ``By Dan Elliott/ Associated Press``)
    r"|\s(?:[/-]\s|//|(?:updated|published|posted"
    r"|last\s+updated)\b|source\s*[:：]"
    r"|on\s+(?:(?-i:[A-Z])[a-z]{2,8}\.?\s+)?\d"  # (``Posted by X on March 3, 2020``)
    r"|in\s+(?-i:[A-Z][a-z])|(?:and|with)\s+agencies\b"  # (``By Jane Doe in Manila``, ``... and agencies``)
    r"|(?:for|via)\s+(?:the\s+)?(?-i:[A-Z])"  # (``By Zahara Tiba for Khabar Southeast Asia``: the outlet she wrote
    # for; ``Authored by Ryan McMaken via The Mises Institute``: the one it came through)
    r"|at\s+\d{1,2}[:.]\d{2}"  # (``Posted by Jane Doe at 10:41 AM``, as blogs sign a post)
    r"|with\s+\d{1,6}\s+(?:readers?['’]?\s+)?comments?\b"  # (``By Brian Dennis with 10 readers' comments``)
    r"|\((?-i:[A-Z])[^()]{1,40}\)|\([\w-]+(?:\.[\w-]+)+\))|,?\s+(?:\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}))",
    re.IGNORECASE,
)
# A name in capitals, then what is not (``By JANE DOE Associated Press``): the name.
_CAPS_BY = re.compile(rf"{_OPEN}by\s+(?P<name>{_CAPS_NAMES})(?=\s+(?-i:[A-Z][a-z]))", re.IGNORECASE)
# Where a byline's affiliation ends: its date or time, or an update stamp.
_BYLINE_TAIL_STAMP = re.compile(
    r"\s*(?:[" + _FIELD_MARKS + r"]\s*)?(?:\b(?:updated|published|posted)\b|\d{1,2}:\d{2}|\d{4}-\d{2}"
    r"|(?-i:[A-Z][a-z]{2,8})\.?\s+\d{1,2}\b|\d{1,2}\s+(?-i:[A-Z][a-z]{2,8})\b)", re.IGNORECASE)
# A writer's post at a newsroom, after the name (``Jane Doe, Staff Writer``).
_NEWSROOM_POSTS = frozenset({"Writer", "Reporter", "Correspondent", "Columnist", "Contributor", "Editor"})
# A name and an affiliation, as The Conversation and university pages sign: ``Kevin Tolhurst, University of
# Melbourne``.
_AFFILIATED = re.compile(
    rf"(?P<name>{_NAME}),\s*(?-i:(?:[A-Z][\w'’&.-]*|of|the|and|for)\s+){{0,6}}"
    rf"(?-i:{'|'.join(sorted(_NEWSROOM_POSTS))}|University|Institute|College|School|Centre"
    r"|Center|Academy|Foundation|Council|Agency|Association|Society|Laboratory|Hospital|Commission|Ministry|Minister"
    r"|Secretary|Director|President|Commissioner|Governor|Mayor|Professor|Senator|Ambassador|Chairman|Chairwoman"
    r"|Chairperson)\b(?:[\s,]+(?-i:[A-Z][\w'’&.-]*|of|the|and|for|in|at)){0,8}\.?"
)  # (the affiliation's words are capitalised but for a few: a line that goes on in lower case is a sentence)
_BYLINE_START = re.compile(r"[(\[（【]?\s*(?:writer|authors?|authored|reporter|correspondent|text|written|story|words"
                            r"|article|report|reported|posted|opinion|analysis|commentary|column|essay|interview|guest"
                            r"|piece|by|blog|post|" + _AGENCY_INITIALS + r"\s+by\s"
                            r"|作者|文|撰稿)",
                            re.IGNORECASE)
# A sentence that says whose the text is: ``This post is by ...``, ``This article was written by ...``.
_WHOSE_POST = re.compile(r"this\s+(?:post|article|piece|column|essay|story|blog\s+post)\s+(?:is|was)\s+(?:written\s+)?"
                         r"by\s+", re.IGNORECASE)
# A doctor's or a scholar's degree after a name in a byline, with its commas.
_DEGREE = re.compile(r"\s*,\s*(?-i:M\.D\.|MD|Ph\.D\.|PhD|MPH|R\.N\.|DDS)(?=[\s,]|$),?\s*")
_JOINED = re.compile(r"(?:and|&)\s", re.IGNORECASE)
# A name (or two joined by ``and``), then the date it was posted: ``Katherine Timpf Jul 24, 2014 at``, ``Peter
# Griffin 12 Nov 2025``, ``Jane Doe Published August 22, 2025 | 10:02 PM``, ``by Aaron Edwards August 11 2017, 10:10
# pm``.
_NAME_DATED = re.compile(
    rf"(?P<name>{_NAME}(?:\s+and\s+{_NAME})?)\s+(?:on\s+)?"
    rf"(?:(?-i:[A-Z][a-z]{{2,8}})\.?\s+\d{{1,2}},?|\d{{1,2}}\s+(?-i:[A-Z][a-z]{{2,8}})\.?,?)"
    r"\s+\d{4}(?:,?\s+at|\s*\||(?P<comma>,))?(?:\s+[\d:]+\s*[APap]\.?[Mm]\.?(?:\s+(?:GMT|UTC)\s?[+-]\s?\d{1,2})?)?")
_POSTING_WORDS = frozenset({"Published", "Updated", "Posted"})
# A newsletter's post line, its fields run together: the writer, the day, the count of comments (``Eric HolthausJun
# 29Comment 30``)
_NAME_GLUED_TO_DATE = re.compile(
    r"(?P<name>[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,3}?)(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
    r"\s?\d{1,2}(?:,\s?\d{4})?(?:\s?(?:Comments?|Likes?)\s?\d{1,5}){0,2}")
# An office as a release's writer: ``By: Office of County Judge Craig Doyal``
_BY_OFFICE = re.compile(r"by\s*:?\s*(?P<name>(?:the\s+)?office\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*"
                        r"(?:\s+(?-i:[A-Z])[\w.'’-]*){0,6})", re.IGNORECASE)
_AGO = re.compile(r"\s+(?:\d{1,3}\s*(?:[hmd]|mins?|minutes?|hrs?|hours?|days?|weeks?)|an?\s+(?:minute|hour|day|week))"
                  r"\s+ago\Z", re.IGNORECASE)  # how long ago a card was posted, after its byline
_FILE_PICTURE = ("file)", "File)", "FILE)", "file photo)")  # how a caption of a paper's file picture ends
_POSTED_THEN_BY = re.compile(r"(?:published|updated|posted)\s*:?\s*[|·•]\s*(?P<byline>by\s.+)", re.IGNORECASE)
# A date, then the name (a listing's card): ``November 30, 2022 Prof MK Othman 0`` (the last number a comment count),
# ``March 3, 2020 | Jane Doe``.
_DATED_NAME = re.compile(
    r"(?:(?-i:[A-Z][a-z]{2,8})\.?\s+\d{1,2},?|\d{1,2}\s+(?-i:[A-Z][a-z]{2,8})\.?,?)\s+\d{4}"
    r"(?:\s*[" + _FIELD_MARKS + r"])?\s+"
    rf"(?-i:{COURTESY_TITLE.pattern})?(?P<name>(?-i:[A-Z]{{1,3}})\s+{_NAME}|{_NAME})(?:\s+\d{{1,5}})?")
_YEAR = re.compile(r"\d{4}")  # (both hold one)
# a paper's staff or its desk's reporters, unlabelled: ``The Media Line Staff``, ``WT Staff``, ``Sunday Mail
# Reporters``
_PAPERS_STAFF = re.compile(r"(?:The\s+(?:[A-Z][\w&'’.-]*\s+){1,4}|[A-Z]{2,6}\s+)Staff"
                           r"|(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){1,4}Reporters")


def _holds_year(text: str) -> bool:
    """Four digits in a row. An ASCII line with fewer than four digits in all, most lines, is told without a regex
    scan: its digits counted as bytes translated to one."""
    return (not text.isascii() or text.encode().translate(DIGITS_AS_ZERO).count(b"0") >= 4) and (
        _YEAR.search(text) is not None)


# A headline signed at its end, as some opinion pages print them: ``The Canonisation of Terror, By Wole Soyinka``.
_SIGNED_TITLE = re.compile(rf"(?P<title>.{{3,200}}?),\s+(?-i:By)\s+(?P<name>{_LATIN_NAMES})")
# a name and what follows its field's mark: ``Will Steffen | January 24, 2020``
_LABELLED_NAME = re.compile(rf"(?P<name>{_LATIN_NAMES})(?:\s*[{_FIELD_MARKS}]|\s[/-])\s*\S.*")
# Names and the publication or agency, after a comma or in brackets: ``Jane Doe, Reuters``, ``Jane Doe (AFP)``,
# ``Jane Doe and John Roe, The Washington Post``.
_NAME_AND_SOURCE = re.compile(
    rf"(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?)"
    rf"(?:,\s*|\s*\()(?P<source>(?-i:[A-Z])[\w.&'’ -]{{1,40}}?)\)?\.?")
# a name, then two spaces or more and the update stamp (``Xin Bei  Updated: 2004-01-16 08:56``)
_SPACED_STAMP_NAME = re.compile(rf"(?P<name>{_NAME})\s{{2,}}(?i:updated|published|posted)\s*[:：]?\s*\d.*")
# a name and its handle: ``Jane Doe @janedoe``, ``By Jane Doe @janedoe``
_HANDLED_NAME = re.compile(rf"(?:(?i:by)\s*:?\s+)?(?P<name>{_NAME})\s*[|·•,]?\s*@\w{{1,30}}")


# An official's post or a courtesy title before a name (``Minister``, ``Prime Minister``, ``H.E.``, ``Dr``).
OFFICIAL_TITLE = (r"(?-i:H\.\s?E\.|Minister|President|Vice\s+President|Premier|(?:Prime|Chief|Deputy)\s+Minister"
                  r"|Secretary|Governor|Mayor|Senator|Chair(?:man|woman)?|Ambassador|Commissioner|Director"
                  r"|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Professor|Prof\.)")
# A speech's or a statement's line naming who gave it: as a byline it ends like a sentence (``Speech by Minister
# Cora van Nieuwenhuizen at the Flood & Coast Conference, 9 December 2020.``), as the title it need not.
_DELIVERED = (
    r"(?:keynote\s+|opening\s+|closing\s+)?(?:speech|remarks|statement|address|message|lecture|keynote)"
    rf"\s+(?:delivered\s+|given\s+|made\s+)?by\s+(?:{OFFICIAL_TITLE}"
    # (the post's portfolio after ``for``: ``Commissioner for Crisis Management Janez Lenarčič``; after ``of`` it
    # may end the post with no name, ``Premier of the Virgin Islands On ...``)
    r"(?:\s+for(?:\s+(?:the|and|(?-i:[A-Z][\w-]*))){1,5})?\s+)*"
    rf"(?P<name>{_CAP_WORD}(?:\s+(?:(?-i:van|von|de|der|den|da|di|du|le|la|bin|al)\s+)*{_CAP_WORD}){{1,4}})"
    r"(?:,|\s+(?:at|on|to|in|before|during)\b).{0,160}"
)
_DELIVERED_BY = re.compile(_DELIVERED + r"[.!]", re.IGNORECASE)  # a line under a title: a sentence
_DELIVERED_TITLE = re.compile(_DELIVERED, re.IGNORECASE)  # the title itself: ``Speech by President X at ...``


def _fold_letter(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[0]
    return base if base.isascii() and base.isalpha() else "A" if char.isupper() else "a"


# Each letter of the Latin scripts beyond ASCII (Latin-1, Latin Extended-A and -B, Latin Extended Additional) and
# the ASCII letter it is read as in a name: its base letter (``é``: ``e``, ``č``: ``c``), or a letter of its case
# (``ł``: ``a``). One letter for one: the folded line has the original's offsets.
_ASCII_FOLD = {cp: _fold_letter(chr(cp)) for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(cp).isalpha()}


def ascii_letters(text: str) -> str:
    """``text`` with each letter of the Latin scripts beyond ASCII folded to an ASCII one (``José``: ``Jose``), one
    for one, for the name patterns, which are ASCII's."""
    return text if text.isascii() else text.translate(_ASCII_FOLD)


def _ascii_folded(read: Callable[[str], Byline | None], line: str) -> Byline | None:
    """``read(line)``, where ``line`` holds letters beyond ASCII: read on the line with those letters folded, the
    name then taken back from the line as written (``By José García``: ``José García``)."""
    folded = ascii_letters(line)
    byline = read(folded)
    if byline is None or folded == line:
        return byline
    name = _as_written(byline.name, folded, line)
    if name is None:  # (given in the case of a name: ``JOSÉ GARCÍA``)
        name = _as_written(byline.name.lower(), folded.lower(), line)
        if name is None:
            return byline
        name = name_case(name)
    return Byline(line=_as_written(byline.line, folded, line) or line.strip(), name=name, role=byline.role)


def _as_written(part: str, folded: str, line: str) -> str | None:
    """``part``, a piece of ``folded`` (``line`` with its letters folded, or that with its white space folded too),
    as ``line`` writes it; None when it is neither."""
    at = folded.find(part)
    if at >= 0:
        return line[at : at + len(part)]
    at = " ".join(folded.split()).find(part)
    return None if at < 0 else " ".join(line.split())[at : at + len(part)]


def title_signature(title: str) -> Byline | None:
    """The writer a headline names at its end (``The Canonisation of Terror, By Wole Soyinka``), or the speaker a
    speech's or statement's title names (``Speech by President Ferdinand R. Marcos Jr. at the Opening Ceremony``),
    or None. A title wrapped onto two lines is read as one line. (Most titles name no one: those without `` by ``
    or `` By `` are told without a regex.)"""
    if " by " not in title and " By " not in title:
        return None
    return _ascii_folded(_title_signature, title)


def _title_signature(title: str) -> Byline | None:
    stripped = " ".join(title.split())
    m = _SIGNED_TITLE.fullmatch(stripped) or _DELIVERED_TITLE.fullmatch(stripped)
    if m is None:
        return None
    name = _without_affiliation(" ".join(m.group("name").split()))
    if not _NOT_NAME_WORDS.isdisjoint(re.split(r"[\s,&]+", name)):
        return None
    return Byline(line=stripped, name=name, role="author")


# A headline signed after a dash at its end, as some opinion listings print them: ``Democracy Day: What is the
# Nigerian Dream? — Godman Akinlabi``. (A dash and a name may also say who a quoted headline quotes: the caller
# checks that the text does not name the person.)
_DASH_SIGNED_TITLE = re.compile(rf"(?P<title>.{{3,200}}?)\s+[–—]\s*(?P<name>{_NAME})")


def dash_signature(title: str) -> Byline | None:
    """The name a headline ends with after an en or em dash (``Headline — Godman Akinlabi``), two to five words
    long and none of them a word no name has, or None."""
    return _ascii_folded(_dash_signature, title)


def _dash_signature(title: str) -> Byline | None:
    stripped = " ".join(title.split())
    m = _DASH_SIGNED_TITLE.fullmatch(stripped)
    if m is None:
        return None
    words = m.group("name").split()
    if not 2 <= len(words) <= 5 or not _NOT_NAME_WORDS.isdisjoint(words) or any(
            w.endswith(("'s", "’s")) for w in words):  # (``– One Business’s Success Story``: a subtitle)
        return None
    return Byline(line=stripped, name=m.group("name"), role="author")


# Words of a publication's or a news agency's name, as a byline gives it for an unsigned piece (``by Daily Patriot``,
# ``Open Forum | January 27, 2020``, ``Staff``, ``By Reuters``), and no person's.
_PUBLICATION_WORDS = frozenset({
    "Daily", "Forum", "Desk", "Staff", "Bureau", "Newsroom", "Online", "Gazette", "Tribune", "Herald", "Times",
    "Journal", "News", "Associated", "Agence", "Bloomberg", "Press", "Post", "Star", "Chronicle", "Telegraph",
    "Inquirer", "Courier", "Guardian", "Observer", "Examiner", "CNN", "BBC", "NPR", *NEWS_AGENCIES,
    "Enquirer", "Dispatch", "Sentinel", "Ledger", "Advertiser", "Courant", "Statesman", "Bulletin",
    "Express", "Mirror", "Monitor", "Graphic", "Weekly", "Radio", "Television", "TV",
})


def is_publication(name: str) -> bool:
    """``name`` (a byline's) names the publication or its desk rather than a person (or a post at it: ``Staff
    Writer``)."""
    words = name.replace(",", " ").split()
    return not _PUBLICATION_WORDS.isdisjoint(words) and _NEWSROOM_POSTS.isdisjoint(words)


_AGENCIES = frozenset({*NEWS_AGENCIES, *AGENCY_NAMES, *(f"The {name}" for name in AGENCY_NAMES)})
_BY_PUBLICATION = re.compile(r"(?i:by)\s+(?P<name>(?:(?i:the)\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})")
_SEPARATOR = re.compile(r"\s*[|·•]\s*")
# The marks around a byline's affiliation (a byline with nothing else after the name names none) ...
_AFFILIATION_MARKS = " ,.;:|·•/–—()-"
# ... and those trimmed from it.
_AFFILIATION_TRIM = re.compile(r"^[\s,|·•/–—(-]+|[\s.)]+$")


def byline_affiliation(byline: Byline) -> tuple[str, str] | None:
    """``(role, name)`` of the publication, agency or institution a byline names after the writer (``By Jane Doe,
    Reuters``: ``source``, ``Reuters``; ``Kevin Tolhurst, University of Melbourne``: ``affiliation``,
    ``University of Melbourne``), or None when it names none (or only a date, a handle, a post)."""
    at = byline.line.find(byline.name)
    if at < 0:  # (a name in capitals is given in the case of a name)
        at = byline.line.lower().find(byline.name.lower())
    rest = byline.line[at + len(byline.name):] if at >= 0 else ""
    if not rest.strip(_AFFILIATION_MARKS):
        return None  # most bylines: the name alone (``Writer: Zhang Nan).``)
    tail = _BYLINE_TAIL_STAMP.split(rest, maxsplit=1)[0]
    # (``| @AlexWhi | Thomson Reuters Foundation``: a handle is no affiliation)
    tail = " | ".join(part for part in _SEPARATOR.split(tail) if "@" not in part)
    tail = _AFFILIATION_TRIM.sub("", tail)
    if not tail or len(tail) > 80 or not tail[0].isupper():
        return None
    words = tail.replace(",", " ").split()
    if not _NEWSROOM_POSTS.isdisjoint(word.capitalize() for word in words):
        return None  # ``Jane Doe, Staff Writer``, ``Staff writer``: the writer's post
    if is_publication(tail):
        return "source", tail
    if not _INSTITUTION_WORDS.isdisjoint(words):
        return "affiliation", tail
    return None


def is_delivered_by(line: str) -> bool:
    """``line`` names who gave a speech or a statement (``Remarks by President Joe Biden on ...``)."""
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_LINE and _DELIVERED_BY.fullmatch(stripped) is not None


_ROMAN_SUFFIXES = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})  # (``V`` may be an initial)


def name_case(name: str) -> str:
    """A name printed in capitals, in the case of a name (``RICHARD BROCK AND LI WEI``: ``Richard Brock and Li
    Wei``; ``ROBERT LEAKE III``: ``Robert Leake III``); any other as it is."""
    if not name.isupper():
        return name
    return " ".join(word if word in _ROMAN_SUFFIXES else "and" if word == "AND" else word.title()
                    for word in name.split(" "))


def parse_byline(line: str) -> Byline | None:
    """Return the byline on ``line``, or None when the line is not a byline. The name is the name only:
    what follows it on the line (an update stamp, a date, a handle, the agency) is not part of it, nor a courtesy
    title before it (``By Dr Jane Doe``: ``Jane Doe``)."""
    byline = _ascii_folded(_parse_byline, line)
    if (byline is None or byline.name[0] not in _COURTESY_INITIALS
            or (titled := COURTESY_TITLE.match(byline.name)) is None or titled.end() == len(byline.name)):
        return byline
    return Byline(line=byline.line, name=byline.name[titled.end():], role=byline.role)


def _parse_byline(line: str) -> Byline | None:
    stripped = line.strip()
    if not 0 < len(stripped) <= MAX_LINE or not (stripped[0].isalnum() or stripped[0] in "([（【"):
        return None  # (a byline opens on its label, the name, a date or a bracket: not on a dash or a quote)
    if stripped[-1] in ".!" and (delivered := _DELIVERED_BY.fullmatch(stripped)) is not None:
        return Byline(line=stripped, name=" ".join(delivered.group("name").split()), role="author")
    if stripped[:5] in ("This ", "THIS ") and (whose := _WHOSE_POST.match(stripped)) is not None:
        # ``This post is by Rose Jones, PhD, Medical Anthropologist``: the byline after the sentence's start
        return _byline_behind(stripped, f"By {stripped[whose.end():]}")
    if stripped[-6:] in (" Staff", "orters") and _PAPERS_STAFF.fullmatch(stripped):
        return Byline(line=stripped, name=stripped, role="author")  # ``The Media Line Staff``: the paper's (a source)
    labelled = _BYLINE_START.match(stripped) is not None  # (``_BYLINE`` matches only what this does)
    if not labelled and (glued := _NAME_GLUED_TO_DATE.fullmatch(stripped)) is not None and _NOT_NAME_WORDS.isdisjoint(
            glued["name"].split()):
        return Byline(line=stripped, name=glued["name"], role="author")  # ``Eric HolthausJun 29Comment 30``
    if labelled and (office := _BY_OFFICE.fullmatch(stripped)) is not None:
        return Byline(line=stripped, name=" ".join(office["name"].split()), role="author")  # an office's release
    if labelled and stripped[-4:] in (" ago", " Ago") and (ago := _AGO.search(stripped)) is not None:
        return _byline_behind(stripped, stripped[: ago.start()])  # ``By Eddie Zvinonzwa 7h ago``: before the time
    if not labelled and stripped[0] in "UPup" and (posted := _POSTED_THEN_BY.fullmatch(stripped)) is not None:
        # ``Updated | By Anastasi Mokgobu``: an empty stamp's label first
        return _byline_behind(stripped, posted["byline"])
    if labelled and stripped[0] in "Bb" and (paper := _BY_PUBLICATION.fullmatch(_before_the_date(stripped))) and (
            paper["name"] in _AGENCIES or (paper["name"][:4].lower() == "the " and is_publication(paper["name"]))):
        # ``By The Canberra Times``, ``By AFP``, ``By The Associated Press May 29, 2017 7:09 am``: the paper's or
        # the agency's (its source, no one's name)
        return Byline(line=stripped, name=" ".join(paper["name"].split()), role="author")
    if labelled and "," in stripped and (degrees := _DEGREE.split(stripped))[1:]:
        # ``By Eve Glazier, M.D., and Elizabeth Ko, M.D. Andrews McMeel Syndication``: each name ends at its
        # degree, and what follows the last one that no ``and`` joins on is no name (the syndicate)
        names = [degrees[0], *takewhile(lambda part: _JOINED.match(part) is not None, degrees[1:])]
        byline = parse_byline(" ".join(names))
        return None if byline is None else Byline(line=stripped, name=byline.name, role=byline.role)
    m = _BYLINE.match(stripped) if labelled else None
    separated = ("|" in stripped or "·" in stripped or "•" in stripped or "–" in stripped or "—" in stripped
                 or " / " in stripped or " - " in stripped or " // " in stripped)
    if not labelled and separated and (behind := _BY_BEHIND.search(stripped)) is not None:
        # the outlet first, then the byline: ``SolveClimate / By Kunda Dixit``
        return _byline_behind(stripped, stripped[behind.end() :])
    if m is not None or separated or labelled:
        # The name stops where the line's furniture starts: ``By Zhao Lei Updated Mar.4``.
        tail = _BYLINE_TAIL.search(stripped)
        if tail is not None and tail.start() > 0:
            head = _BYLINE.match(stripped[: tail.start()])
            if head is not None:
                m = head
            elif m is None and separated and (named := _LABELLED_NAME.fullmatch(stripped)) is not None and (
                    _is_date_tail(stripped[tail.start():]) or _is_source_tail(stripped[tail.start():])):
                name = " ".join(named.group("name").split())
                dashed = stripped[tail.start():].lstrip()[:1] in "–—/-"  # (``Floods — March 3``: a headline's)
                if _NOT_NAME_WORDS.isdisjoint(name.split()) and not (dashed and " " not in name):
                    return Byline(line=stripped, name=name, role="author")
    if m is None and "  " in stripped and (spaced := _SPACED_STAMP_NAME.fullmatch(stripped)) is not None and (
            _NOT_NAME_WORDS.isdisjoint(spaced["name"].split()) and not is_publication(spaced["name"])):
        return Byline(line=stripped, name=spaced["name"], role="author")  # ``Xin Bei  Updated: 2004-01-16 08:56``
    if m is None and "@" in stripped and (handled := _HANDLED_NAME.fullmatch(stripped)) is not None:
        name = " ".join(handled.group("name").split())
        if " " in name and _NOT_NAME_WORDS.isdisjoint(name.split()):
            return Byline(line=stripped, name=name, role="author")
    if m is None and "," in stripped and labelled:
        m = _BYLINE.match(stripped[: stripped.index(",")])  # Author: Sourabh Gupta, ICAS
    if m is None and labelled and (caps := _CAPS_BY.match(stripped)) is not None:
        name = name_case(caps.group("name"))
        if _NOT_NAME_WORDS.isdisjoint(name.split()):
            return Byline(line=stripped, name=name, role="author")
    opens_name = stripped[0].isupper() or stripped[0].isdigit()  # (a name, a month or a day: the patterns below)
    dated = None
    if m is None and stripped[:3] == "by ":
        dated = _NAME_DATED.fullmatch(stripped, 3)  # ``by Aaron Edwards August 11 2017, 10:10 pm``
    elif m is None and opens_name and _holds_year(stripped):
        dated = _NAME_DATED.fullmatch(stripped) or _DATED_NAME.fullmatch(stripped)
        if dated is not None and dated.re is _NAME_DATED and dated["comma"]:
            dated = None  # (a time after a comma follows a name under a label in lower case only)
    if dated is not None:
        name = " ".join(dated.group("name").split())  # Katherine Timpf Jul 24, 2014 at
        if name[:3] in ("By ", "BY ", "by "):  # (``By Jane Doe May 29, 2017``: the label is no part of the name)
            name = name[3:]
        given, _, last = name.rpartition(" ")
        if last in _POSTING_WORDS and " " in given:  # Jane Doe Published August 22, 2025 | 10:02 PM
            name = given
        if (_NOT_NAME_WORDS.isdisjoint(name.split()) and name.rstrip(".").lower() not in _SHORT_WEEKDAYS
                and (" " in name or labelled)):  # (``Kalemba May 27, 2024``: one word, unlabelled, is a site's)
            return Byline(line=stripped, name=name, role="author")
    if m is None:
        affiliated = _AFFILIATED.fullmatch(stripped) if opens_name and "," in stripped else None
        if affiliated is not None and _NOT_NAME_WORDS.isdisjoint(affiliated.group("name").split()):
            return Byline(line=stripped, name=" ".join(affiliated.group("name").split()), role="author")
        sourced = _NAME_AND_SOURCE.fullmatch(stripped) if opens_name and _names_source(stripped) and not (
            stripped.endswith(_FILE_PICTURE)) else None  # (``Rep. Mike Coffman. (Denver Post file)``: a caption)
        if sourced is not None and is_publication(sourced.group("source")):  # ``Jane Doe, Reuters``
            name = " ".join(sourced.group("name").split())
            if " " in name and _NOT_NAME_WORDS.isdisjoint(name.split()) and not is_publication(name):
                return Byline(line=stripped, name=name, role="author")
        return None
    name = m.group("name") or m.group("by_name") or m.group("cjk_name")
    if m.group("by_name"):
        name = name_case(name)
    # (the writers' paper or agency after the names is no one's name: ``By Jane Doe and John Roe, The Washington
    # Post``)
    name = _without_affiliation(" ".join(name.split()).rstrip("."))
    if m.group("by_name") and not _NOT_NAME_WORDS.isdisjoint(re.split(r"[\s,&]+", name)):
        return None
    role = _ROLES.get((m.group("label") or "").lower(), "author")
    return Byline(line=stripped, name=name, role=role)


_BY_BEHIND = re.compile(r"\s[/|·•]\s+(?=(?i:by)\s)")  # where a byline starts after an outlet's name and a mark


def _byline_behind(line: str, byline: str) -> Byline | None:
    """The byline ``byline``, a part of ``line`` behind words that are no byline's, as ``line``'s; or None."""
    behind = _parse_byline(byline)
    return None if behind is None else Byline(line=line, name=behind.name, role=behind.role)


# Words of an institution's name: in a byline's list of names, the first item with one and those after it are the
# writer's affiliation (``Ding Dou, Peking University``), not more writers.
_INSTITUTION_WORDS = frozenset({
    "University", "Institute", "College", "Academy", "Centre", "Center", "School", "Council", "Association",
    "Foundation", "Ministry", "Department", "Agency", "Bureau", "Society", "Commission", "Observatory", "Forum",
})


# What may follow a name after a comma as a part of it (``Jane Doe, Jr.``, ``John Roe, PhD``).
_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV", "PhD", "MD", "Esq", "OBE", "MBE", "CBE"})


def _without_affiliation(names: str) -> str:
    items = names.split(", ")
    for n, item in enumerate(items[1:], start=1):
        words = item.split()
        if (not _INSTITUTION_WORDS.isdisjoint(words) or not _NEWSROOM_POSTS.isdisjoint(words)
                or not _PUBLICATION_WORDS.isdisjoint(words)):  # ``By Jane Doe, Reuters``: the writer's agency
            return ", ".join(items[:n])
    last = items[-1]
    if len(items) > 1 and " " not in last and " " in items[-2] and last.rstrip(".") not in _NAME_SUFFIXES:
        return ", ".join(items[:-1])  # ``By Olawale Ayeni, Abuja``: one word is no one's name, but a place's
    return names


_TAIL_DATE = (r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}"
              r"|\d{1,2}[./]\d{1,2}[./]\d{4}"
              # (the day of the week, the month and the day, as a listing gives this year's: ``Mon Oct 22``)
              r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})")
# ``| 08.02.2023 - Update : 08.02.2023``: the date, and the date it was updated
_DATE_TAIL = re.compile(
    rf"\s*[{_FIELD_MARKS}/-]\s*(?:{_TAIL_DATE}(?:\s*[-–|]\s*(?i:updated?|published)\s*:?\s*{_TAIL_DATE})?"
    r"|(?i:(?:updated|posted|published)\s+)?(?:\d{1,3}|an?)\s+(?i:min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?)\s+ago)\s*")


_A_DATE = re.compile(_TAIL_DATE)


def _before_the_date(line: str) -> str:
    """``line`` up to the date in it, without the marks before the date (all of it where it has none)."""
    found = _A_DATE.search(line)
    return line if found is None else line[: found.start()].rstrip(_FIELD_MARKS + " ,/-")


def _is_date_tail(tail: str) -> bool:
    return _DATE_TAIL.fullmatch(tail) is not None


_SOURCE_TAIL = re.compile(
    r"\s*[" + _FIELD_MARKS + r"/-]\s*(?P<source>(?-i:[A-Z])[\w.&'’-]*(?:\s+[\w.&'’-]+){0,4})\s*")


def _names_source(line: str) -> bool:
    """What follows the last comma or opening bracket of ``line`` names a publication or an agency (the cheap test
    before ``_NAME_AND_SOURCE``)."""
    cut = max(line.rfind(","), line.rfind("("))
    return cut > 0 and is_publication(line[cut + 1:].rstrip(").").strip())


def _is_source_tail(tail: str) -> bool:
    """``tail`` names the publication or the agency after a byline's separator (``Jane Doe | Reuters``), or the
    writer's post there (``Jane Doe | Staff Writer``)."""
    source = _SOURCE_TAIL.fullmatch(tail)
    return source is not None and (is_publication(source.group("source"))
                                   or not _NEWSROOM_POSTS.isdisjoint(source.group("source").split()))


def parse_credit(line: str) -> tuple[str, str] | None:
    """``(role, name)`` of a credit line, or None when the line is not one."""
    stripped, m = _whole_line(_CREDIT, line)
    if m is None or _LETTER_SALUTATION.match(stripped):
        return None
    if m.group("cjk_role"):
        return _CJK_CREDIT_ROLES[m.group("cjk_role")], m.group("cjk_name").strip()
    if m.group("by_name"):
        role = "translator" if stripped.lower().startswith(("translated", "(translated")) else "editor"
        return role, " ".join(m.group("by_name").split()).rstrip(".")
    label = " ".join(m.group("role").lower().split())
    role = label.removesuffix("(s)").removesuffix("s")  # (``Source(s):``)
    name = " ".join(m.group("name").split()).rstrip(".")
    if label in _GALLERY_LABELS and name[:1].isupper() and sum(
            w.islower() and len(w) > 3 for w in name.split()) >= MIN_GALLERY_LOWER_WORDS:
        return None  # a gallery's headline: ``Photos: California battles wind-fueled wildfires``
    return ("photographer" if role in _PICTURE_LABELS else role), name


_PICTURE_LABELS = frozenset({"photo", "pic", "picture"})  # ``Photo: Xinhua``, ``Pic: Ross Boyd``: the photographer
_GALLERY_LABELS = frozenset({"photos", "pictures", "pics"})  # ... and a gallery's, over a headline of words in lower
MIN_GALLERY_LOWER_WORDS = 2  # case (of four letters or more, after a capital)


# A note on the writer after an opinion piece: ``Eric Holdeman is a contributing writer for Emergency Management
# magazine ...``, ``Professor Stephen Dovers is an ANU Public Policy Fellow ...``. The note names what the writer
# does (a word of ``_WRITER_WORDS``), so a news story's closing line about someone (``The mayor is ...``) is not one.
_AUTHOR_NOTE = re.compile(
    rf"(?:(?:associate\s+|assistant\s+)?(?:professor|prof\.|dr\.?)\s+)?(?P<name>{_NAME})\s+(?:is|was|has\s+been)\s+"
    r"(?:a|an|the|currently|also|now|formerly|former|senior|chief)\b",
    re.IGNORECASE,
)
_WRITER_WORDS = re.compile(
    r"\b(?:writer|columnist|contributor|author|journalist|correspondent|editor|professor|fellow|researcher"
    r"|analyst|scholar|lecturer|commentator|economist)\b",
    re.IGNORECASE,
)
MAX_AUTHOR_NOTE = 400
MAX_NAMED_NOTE = 120  # a note on the writer that gives the name first, then a dash and the note


# A letter's signature as a sentence, as some letters pages print it: ``Joe Dorchak is a resident of Huntington
# Beach, California.`` (names and words may run together where the page's markup was lost: ``JoeDorchak``).
_RESIDENT_NOTE = re.compile(
    rf"(?P<name>{_NAME})\s+(?:is|are)\s+(?:a\s+(?:longtime\s+|long-time\s+)?)?residents?\s+of\s*[A-Z][^.!?]{{0,80}}\.?")
_RUN_TOGETHER = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")


def names_in(byline_name: str | None) -> set[str]:
    """The people a byline's name field names: ``Li Wei and Zhang Nan`` -> {Li Wei, Zhang Nan}."""
    if not byline_name:
        return set()
    return {" ".join(n.split()) for n in re.split(r"\s*(?:,|;|&|、|\band\b)\s*", byline_name) if n.strip()}


def parse_author_note(line: str) -> Byline | None:
    """The writer a note about the writer names (its ``line`` the note), or None when ``line`` is not one. A
    letter's signature in a sentence (``... is a resident of ...``) names its signatory."""
    return _ascii_folded(_parse_author_note, line)


def _parse_author_note(line: str) -> Byline | None:
    stripped = line.strip()
    if len(stripped) > MAX_AUTHOR_NOTE:
        return None
    named, dash, rest = stripped[:MAX_NAMED_NOTE].partition(" — ")
    if dash and rest.startswith(named):  # ``Ramesh Ponnuru — Ramesh Ponnuru is a senior editor ...``: the name twice
        stripped = stripped[len(named) + len(dash) :]
    resident = _RESIDENT_NOTE.fullmatch(stripped) if "resident" in stripped else None  # (the cheap test first)
    if resident is not None:
        name = " ".join(resident.group("name").split())
        if " " not in name:
            name = _RUN_TOGETHER.sub(" ", name)  # ``JoeDorchak``
        if len(name.split()) >= 2 and _NOT_NAME_WORDS.isdisjoint(name.split()):
            return Byline(line=line.strip(), name=name, role="signatory")
        return None
    m = _AUTHOR_NOTE.match(stripped)
    if m is None or _WRITER_WORDS.search(stripped, m.end() - 1, m.end() + 120) is None:
        return None
    name = " ".join(m.group("name").split())
    if len(name.split()) < 2 or not _NOT_NAME_WORDS.isdisjoint(name.split()):
        return None
    return Byline(line=line.strip(), name=name, role="author")


# The people a credit line names, with their role: ``(Web editor: Zhong Wenxing, Liang Jun)``, ``Copyedited by
# Pamela Tobey``, ``(Reporting by Denny Thomas in Toronto; Editing by Peter Cooney)``, ``... CNTV Editor: Mo
# Hong'e``. Only capitalised names are taken, so the place or furniture after a name is left out of it.
_PERSON_CREDIT = re.compile(
    r"\b(?:(?P<role>(?:(?:web|responsible|executive|chief|copy|managing|desk)\s+)?editor|translator|photographer"
    r"|proofreader|reporter|correspondent|photo\s+credit)s?\s*[:：]"
    r"|(?P<verb>edited|copy-?edited|editing|reporting|reported|writing|written|compiled|translated|translation"
    r"|photos?|photographed|images?)\s+by\s*[:：]?)"
    rf"\s*(?P<names>{_LATIN_NAMES}|{_CJK_NAMES})",
    re.IGNORECASE,
)
_LABEL_ROLES = {"correspondent": "reporter", "photo credit": "photographer"}  # a label's word for a credit's role
_LETTER_SALUTATION = re.compile(LETTER_SALUTATION, re.IGNORECASE)
_NEGATED = re.compile(r"\bnot\s+(?:been\s+)?\Z", re.IGNORECASE)
_VERB_ROLES = {
    "edited": "editor", "copyedited": "copy editor", "copy-edited": "copy editor", "editing": "editor",
    "reporting": "reporter", "reported": "reporter", "writing": "writer", "written": "writer", "compiled": "compiler",
    "translated": "translator", "translation": "translator", "photo": "photographer", "photos": "photographer",
    "photographed": "photographer", "image": "photographer", "images": "photographer",
}


def person_credits(line: str) -> list[tuple[str, str]]:
    """``(role, names)`` of each person a credit line names, in order; [] when it names none (a source, a stamp).
    The role is the line's own word for it (``web editor``, ``reporter``); the names stop where the line's
    capitalised names stop."""
    found: list[tuple[str, str]] = []
    for m in _PERSON_CREDIT.finditer(line, 0, 2 * MAX_LINE):
        if _NEGATED.search(line, max(0, m.start() - 12), m.start()):
            continue  # ``this story has not been edited by NDTV staff``: no one's credit
        names = _without_affiliation(" ".join(m.group("names").split()).rstrip("."))
        if not _NOT_NAME_WORDS.isdisjoint(re.split(r"[\s,&]+", names)):
            continue
        role = m.group("role")
        role = " ".join(role.lower().split()) if role else _VERB_ROLES[m.group("verb").lower()]
        found.append((_LABEL_ROLES.get(role, role), names))
    return found


def is_end_marker(line: str) -> bool:
    """``Enditem``, ``(End)``, ``[END]``, ``ENDS``, ``-ENDS-``, ``~ END ~``, ``(完)``: a short line, like a byline."""
    return _whole_line(_END, line)[1] is not None
