"""Documents -> articles -> paragraphs -> sentences, with offsets into the document text.

The layout is read line by line; nothing depends on the sample's wording. Each non-blank line is one of:

- a **byline** (``Writer: Zhang Nan).``, see ``transforms.bylines``): closes the current article, or, right
  after a title, is the article's top byline;
- a **credit line** (``(Editor: Li Wei)``, ``Source: Xinhua``) or an **end marker** (``Enditem``, ``(End)``):
  not body text; a credit is recorded on the article it follows, an end marker closes it;
- a **dash line** (``--``, ``-``, ``–``, ``—``, ``——`` then text): a thesis point, or the article's
  **series** line when it directly follows the title and reads like a heading (short, no closing punctuation);
- a **title-like line** (short, no closing punctuation, not ending in ``,;:``, optionally a Markdown
  ``# heading``): starts a new article, unless it is the last line or is followed by a closing byline
  (then it is the unfinished last line of a paragraph);
- anything else: a **body** paragraph.

Text that comes before any title (a body paragraph or thesis point) opens an article whose title is guessed
from its first sentence (on a page's first text, a first line of one short sentence over a long paragraph is a
headline printed with a full stop, and the title); the article then carries the ``title_guessed`` warning.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise
from operator import attrgetter
from typing import NamedTuple

from transforms import ids
from transforms.bylines import (
    _NOT_NAME_WORDS,
    COURTESY_TITLE,
    MAX_AUTHOR_NOTE,
    MAX_LINE,
    OFFICIAL_TITLE,
    ascii_letters,
    byline_affiliation,
    dash_signature,
    is_delivered_by,
    is_end_marker,
    is_publication,
    name_case,
    names_in,
    parse_author_note,
    parse_byline,
    parse_credit,
    person_credits,
    title_signature,
)
from transforms.lines import (
    AGENCY_NAMES,
    BULLETS,
    CODE_COMMENT,
    CONTACT_LABEL,
    DAY_HEADING,
    FEED_FOOTER,
    MAX_CAPTION,
    MAX_DATELINE,
    MAX_DAY_HEADING,
    MONTH_DAY,
    NEWS_AGENCIES,
    NUMBERED_SECTION,
    PHONE_NUMBER,
    PICTURE_DESKS,
    STAMP,
    TITLE_PREFIX,
    Pattern,
    Role,
    caption_credit,
    is_dateline,
    is_photo_caption,
    match_furniture,
)
from transforms.records import (
    Article,
    Byline,
    Credit,
    Document,
    LineRole,
    Paragraph,
    ParagraphKind,
    Rejection,
    RejectReason,
    Segmented,
    Sentence,
    Span,
)
from transforms.sentences import cap_length, glued_capitals, split_sentences, trim

_new_tuple = tuple.__new__
MAX_TITLE_CHARS = 200
MAX_LISTED_HEADLINE = 150  # a listing's headline written as a sentence, over its teaser
MAX_TITLE_WORDS = 30
_FEW_ENOUGH_CHARS = 2 * MAX_TITLE_WORDS  # a shorter text cannot hold more than MAX_TITLE_WORDS words

_DASH = re.compile(r"(?P<marker>——|—|–|―|-{1,3})[ \t]*(?=[^\W\d_]|[\"“‘'(（])")
_HEADING = re.compile(r"#{1,6}[ \t]+")
# A line in bold (``**Background**``, ``*****STORM UPDATE*****``): a subheading inside a body.
_BOLD = re.compile(r"\*{2,}([^*]+)\*{2,}|_{2,}([^_]+)_{2,}")
_CLOSERS = "\"'”’»)]）」』*"
_TERMINAL = ".!?。！？…"
_UNFINISHED = ",;:，；：、"
_CLOSERS_OR_SPACE = _CLOSERS + " "
_ENDS_NO_TITLE = _TERMINAL + _UNFINISHED  # a title does not end like a sentence or a clause
_FINISHED = _TERMINAL + ":："  # a paragraph ends like a sentence, or as a lead-in
# What may stand in front of a line's own text: ``TITLE_PREFIX`` (a date stamp, a bullet), a news feed's footer
# or the link to the item above (``Continue ReadingExplosion at gas field``, ``Read More »Madagascar: ...``) with
# the next item's headline glued to it, a paragraph's number, as speeches, reports and UN documents number theirs
# (``12. The Council ...``), or a letter's salutation (``Sir, – We, the nation ...``, ``EDITOR: I remember ...``)
# (one test for all: it is made on nearly every line).
_LINE_PREFIX = re.compile(rf"{TITLE_PREFIX.pattern}|(?P<feed>{FEED_FOOTER}(?=\S))|(?P<code>{CODE_COMMENT}(?=\S))"
                          r"|(?P<link>(?:continue\s+reading|read\s+more)(?:(?=(?-i:[A-Z][a-z]))|\s*[»›→]\s*(?=(?-i:[A-Z][a-z])|\d)))"
                          r"|(?P<number>\d{1,3}[.)])(?=[ \t]+(?:[^\W\d_]|[\"“‘'(]))"
                          r"|(?P<salutation>(?:dear\s+)?(?:sir|madam|editor)(?:\s*,\s*[—–-]?|\s*[—–-]|(?<=r)\s*:)"
                          r"|(?:dear|to\s+the)\s+editors?\s*[,:])(?=[ \t]+[\"“‘'(]?(?-i:[A-Z]))",
                          re.IGNORECASE | re.DOTALL)
_PREFIX_FIRST = frozenset(f"dDtTsSmMeEcCrR/0123456789{BULLETS}")  # what a match of ``_LINE_PREFIX`` can begin with
_YEARS = re.compile(r"\d{4}\s*[-–—]")  # a span of years in a copyright (``1999-2018``, ``1995 -``)


class LineKind(Enum):
    BYLINE = "byline"
    CREDIT = "credit"  # (Editor: ...), Source: ..., update and time stamps
    END = "end"  # Enditem, (End)
    DATE = "date"  # a date on a line of its own
    DATELINE = "dateline"  # a place and date standing alone
    FURNITURE = "furniture"  # a share link, a counter, an empty field, a photo caption, a site footer
    DASH = "dash"
    TITLE = "title"
    BODY = "body"


# Each line kind, role and paragraph kind by a module name: on Python 3.11 every read of an Enum member through its
# class runs the metaclass's attribute hook (about 0.1 µs), and the passes below read them several times a line.
BYLINE_LINE = LineKind.BYLINE
CREDIT_LINE = LineKind.CREDIT
END_LINE = LineKind.END
DATE_LINE = LineKind.DATE
DATELINE_LINE = LineKind.DATELINE
FURNITURE_LINE = LineKind.FURNITURE
DASH_LINE = LineKind.DASH
TITLE_LINE = LineKind.TITLE
BODY_LINE = LineKind.BODY
BODY_ROLE = Role.BODY
BYLINE_ROLE = Role.BYLINE
CREDIT_ROLE = Role.CREDIT
DATE_ROLE = Role.DATE
DATELINE_ROLE = Role.DATELINE
FURNITURE_ROLE = Role.FURNITURE
HEADING_ROLE = Role.HEADING
SERIES_ROLE = Role.SERIES
SIGNATURE_ROLE = Role.SIGNATURE
THESIS_POINT_ROLE = Role.THESIS_POINT
TITLE_ROLE = Role.TITLE
THESIS_POINT_PARAGRAPH = ParagraphKind.THESIS_POINT
BODY_PARAGRAPH = ParagraphKind.BODY


class Line(NamedTuple):
    """A classified line (a ``NamedTuple``: one per line of every document, and cheaper to make than a frozen
    dataclass)."""

    kind: LineKind
    span: Span  # the content (without its marker, heading marks or a date stamp before a title)
    line_start: int  # where the whole line starts, marker included
    marker: str | None = None
    byline: Byline | None = None
    credits: tuple[Credit, ...] = ()  # what a credit or date line credits (a line may name several people)
    block: int = 0  # lines separated by no blank line share a block
    heading: bool = False  # a Markdown heading
    pattern: str | None = None  # the name of the ``transforms.lines`` pattern that recognised the line
    line_end: int = 0  # where the whole line ends


_CLOSERS_KINDS = frozenset({BYLINE_LINE, CREDIT_LINE, END_LINE})
_NON_TEXT_KINDS = frozenset({BYLINE_LINE, CREDIT_LINE, END_LINE, DATE_LINE, DATELINE_LINE, FURNITURE_LINE})
_EVIDENCE_KINDS = frozenset({BYLINE_LINE, CREDIT_LINE, DATE_LINE, DATELINE_LINE})
# A body that opens with a dateline: ``BEIJING, June 10 (Xinhua) -- ``, ``SAN JUAN, Puerto Rico (AP) — ``.
_DATELINE_START = re.compile(
    r"(?:[A-Z][A-Z.'’ -]{1,30})(?:,[^,\n]{1,40}){0,2}?\s*(?:\([^()\n]{1,30}\))?\s*(?:--|—|–)(?:\s|(?=[A-Z]))")
# A signature: a name of two to five capitalised words, optionally with a place (``Li Ming``, ``John Smith,
# Kowloon``), and no digits; a couple signs with two given names (``Steve and Cecily Wallis``).
_SIGNATURE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+(?:and|&)\s+)?(?:[A-Z][\w.'’-]*\.?\s+){1,4}[A-Z][\w'’-]+(?:\s*,\s*[A-Z][\w .'’-]{1,40}){0,2}")
# A state's code in brackets after a letter writer's town: ``Maruthancode (TN)``.
_STATE_CODE = re.compile(r"\s*\([A-Z]{2,3}\)\Z")
# A courtesy title in brackets after a letter writer's name: ``Kho Kwang Po (Dr)``.
_BRACKETED_TITLE = re.compile(r"\s*\((?:Dr|Prof|Mr|Mrs|Ms|Mdm|Miss|Rev)\.?\)\Z")
# The dash between a letter writer's name and town: ``Phyllis Sammut Smith – Gżira``.
_NAME_DASH = re.compile(r"\s+[–—]\s+")


# A nickname in quotation marks inside a name: ``John P. “Jack” Seiler``.
_NICKNAME = re.compile(r"\s+[“\"][A-Z][\w'’.-]*[”\"](?=\s+[A-Z][\w'’-]+\Z)")


def _signed_as(text: str, nickname: bool = False) -> str:
    """A letter's signature line as ``_SIGNATURE`` reads it: a courtesy title in brackets after the name and a
    nickname in quotation marks inside it left out (``Kho Kwang Po (Dr)``, ``John P. “Jack” Seiler``; the nickname
    kept with ``nickname``, as the name is written), a dash before the town read as a comma (``Phyllis Sammut
    Smith – Gżira``)."""
    plain = _BRACKETED_TITLE.sub("", text)
    return _NAME_DASH.sub(", ", plain if nickname else _NICKNAME.sub("", plain), count=1)


# A letter signed without a name: ``A Reader``, ``A Concerned Citizen``, ``Name withheld``, ``Name and address
# supplied``, ``Anonymous``.
_PSEUDONYM = re.compile(
    r"(?:An?\s+(?:(?:Concerned|Worried|Frustrated|Disgusted|Disappointed|Angry|Loyal|Regular|Long-time|Longtime|Old"
    r"|Fellow|Proud|Patriotic|Senior|Retired|Local|Young|Former)\s+)?(?:Reader|Citizen|Resident|Parent|Mother|Father"
    r"|Voter|Taxpayer|Commuter|Motorist|Patient|Teacher|Student|Viewer|Listener|Subscriber|Neighbou?r|Pensioner"
    r"|Retiree|Veteran|Farmer|Well-?wisher|Nurse|Doctor)"
    r"|Name\s+(?:and\s+address\s+)?(?:withheld|supplied)(?:\s+(?:on|by)\s+request)?|Anonymous)\.?",
    re.IGNORECASE)
# What a letter's signature prints around the name: a courtesy title (``Cr Feu'u Vitaharo``, ``Dr. Jane Doe``)
# and how the letter came (``Observer via email``).
_SENT_BY = re.compile(r"\s+via\s+(?:e-?mail|text|sms|whatsapp|facebook|twitter|our\s+website)\Z", re.IGNORECASE)
# A couple's names with one surname: ``Steve and Cecily Wallis`` is Steve Wallis and Cecily Wallis.
_COUPLE = re.compile(r"(?P<first>[^\W\d_][\w'’-]*) (?:and|&) (?P<second>(?:\S+ )+)(?P<surname>\S+)")
# A letter's signature as readers' letters pages print it: the name alone, then a comma, with the writer's town on
# the next line (``V. Lakshmanan,`` / ``Tirupur, Tamil Nadu``).
_COMMA_SIGNATURE = re.compile(r"(?:[A-Z][\w.'’-]*\.?\s+){1,4}[A-Z][\w'’-]+\s*,")
# Words of a page's section names, which stand where a letter's signature would (``World News``, ``Opinion``).
_SECTION_WORDS = frozenset({
    "News", "Opinion", "Opinions", "Editorial", "Editorials", "World", "Business", "Sport", "Sports", "Letters",
    "Comment", "Comments", "Features", "Politics", "Latest", "Related", "More", "Home", "Video", "Videos", "Photos",
    "Audio", "Analysis", "Columns", "Column", "Blogs", "Culture", "Life", "Lifestyle", "Society", "Travel",
    "Science", "Technology", "Tech", "Health", "Economy", "Markets", "Nation", "National", "Local", "Region",
    "Regional", "International", "Top", "Stories", "Story", "Most", "Read", "Popular", "Trending", "Section",
})
# ... and the words of a page's label for the kind of text below it (``Speech``, ``Press release``).
_LABEL_WORDS = _SECTION_WORDS | frozenset({
    "Speech", "Speeches", "Statement", "Statements", "Transcript", "Transcripts", "Interview", "Interviews", "Press",
    "Release", "Releases", "Media", "Remarks", "Address", "Message", "Messages", "Announcement", "Announcements",
    "Commentary", "Feature", "Blog", "Report", "Reports", "Letter", "Briefing", "Briefings", "Conference",
    "Conferences",
})
# A byline's label on a line of its own, over the writer's name, and the role it names.
MAX_BYLINE_LABEL = 12  # ``Reported by:``
_BYLINE_LABEL_ROLES = {"by": "author", "written by": "author", "words by": "author", "posted by": "author",
                       "minister": "author", "ministers": "author", "speaker": "author", "speakers": "author",
                       "author": "author", "authors": "author", "writer": "writer", "reporter": "reporter",
                       "reported by": "reporter"}
# A parliamentarian's style and a person's honours around the name: as a minister's office prints it under
# ``Ministers:`` (``Senator the Hon Murray Watt``, ``The Hon Jane Doe MP``), as a letter is signed (``SIR ERIC HOWELLS
# CBE``)
_HONOURS = re.compile(r"^(?:(?:Senator|Dr|Professor)\s+)?(?:the\s+)?(?:Rt\.?\s+)?Hon(?:ourable)?\.?\s+(?=[A-Z])"
                      r"|\s+(?:MP|MLA|MPP|MLC|MHA|MHR|QC|KC|OAM|AM|AO|CBE|OBE|MBE|KBE|DBE|JP|DL|MSP)$", re.IGNORECASE)
# A label over the headline of the text just read, given again at its end (``You just read:``).
_HEADLINE_RECALLED = re.compile(
    r"(?:you\s+(?:have\s+)?just\s+read|you(?:'|’|\s+a)re\s+(?:now\s+)?reading|now\s+reading)\s*[:：]", re.IGNORECASE)
_LINK_OPENERS = _SECTION_WORDS | {"All", "Our", "See", "View"}  # a link's first word: ``All LMFM News``


def _is_label(text: str) -> bool:
    """``text`` is a page's label for what it holds: a few words, each a section's or a kind of text's."""
    words = text.title().split()
    return 0 < len(words) <= MAX_SECTION_WORDS and _LABEL_WORDS.issuperset(words)


MAX_PLACE_CHARS = 40  # ... and on a line of its own with a full stop: ``Guwahati.``
MAX_PLACE_WORDS = 4  # the town under such a signature: ``Chennai``, ``Tirupur, Tamil Nadu``
_NOT_SIGNATURE_WORDS = frozenset({"Dear", "Sir", "Madam", "Sirs", "Hello", "Hi", "Yours", "Sincerely", "Regards"})


def _trimmed(text: str, start: int, end: int) -> Span:
    start, end = trim(text, start, end)
    return Span(start, end, text[start:end])


# A teaser on a listing page: sentences, then the link to the rest (``... unity and solidarity.  Continue
# reading``): text, though it ends without a full stop.
MAX_LINK_TAIL = 30  # the link to the rest, at a teaser's end, is looked for in its last characters only
# The words of a link to the rest of a text: ``Read more``, ``Continue reading``, ``Read the full story``.
_MORE_LINK = r"read\s+more|continue\s+reading|read\s+the\s+full\s+(?:story|article)"
_READ_MORE = re.compile(rf"(?:[.!?…][\"'”’)]*\s+(?:{_MORE_LINK})"
                        # (or glued to a teaser's last word: ``... cope with back-to-back threatsRead More``)
                        r"|(?<=[a-z])(?-i:Read\s+More|Read\s+more|READ\s+MORE|Continue\s+Reading|Continue\s+reading))"
                        r"\W{0,3}\Z", re.IGNORECASE)


def _is_place(text: str) -> bool:
    """A town as letters pages print it under the writer's name: a few capitalised words (``Chennai``,
    ``Tirupur, Tamil Nadu``, ``Maruthancode (TN)``), not a headline in sentence case (``Good work``)."""
    words = _STATE_CODE.sub("", text).replace(",", " ").split()
    return (0 < len(words) <= MAX_PLACE_WORDS and words[0][0].isupper()
            and all(w[0].isupper() or w[:2] in _PLACE_ELISIONS for w in words) and _NOT_NAME_WORDS.isdisjoint(words))


_PLACE_ELISIONS = ("d’", "d'", "l’", "l'")  # (``Coeur d’Alene``)


def _signed_in_capitals(text: str) -> bool:
    """``text`` is a letter's signature with the writer's name in capitals and one town after it (``BOB GROSS,
    Columbia Heights``), which reads as a story's dateline alone (``_SIGNATURE``'s shape)."""
    name, comma, town = text.partition(",")
    town = town.strip()
    return (bool(comma) and name.isupper() and 2 <= len(name.split()) <= 4 and town[1:2].islower()
            and "," not in town and _SIGNATURE.fullmatch(text) is not None)


def _signed_with_town(signature: str) -> bool:
    """``signature`` gives the writer's town after the name (``Tazewell Hubard, Norfolk``): a capitalised line
    under it, over text, is the next letter's headline (``Disposable``), not the town."""
    name, comma, town = signature.rpartition(",")
    return bool(comma) and bool(name.strip()) and _is_place(town.strip().rstrip("."))


_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")
MAX_GLUED_SITE = 30  # a site's name glued to the page's title by a hyphen (``-Xinhua``, ``-Chinadaily.com.cn``)


# The kinds of text a page's title may name after the headline and a bar (``Flood Disaster | Editorial``).
_KINDS = frozenset({"Editorial", "Opinion", "Letters", "Letter", "Comment", "Commentary", "Column", "Analysis",
                    "Op-Ed", "Op-ed", "Feature", "Statement", "Speech", "Press Release", "Blog"})


def _without_tail(title: Span, name: str) -> Span:
    """``title`` without what a page's title gives after the headline and a separator: the writer's name (``A
    secure and prepared Malta | Byron Camilleri``), the kind of text (``Flood Disaster | Editorial``)."""
    head = title.text[: len(title.text) - len(name)]
    for sep in _SITE_SEPARATORS:
        if head.endswith(sep) and len(head) > len(sep):
            head = head[: -len(sep)].rstrip()
            return Span(title.char_start, title.char_start + len(head), head)
    return title


_STRAIGHT_QUOTES = str.maketrans("‘’“”", "''\"\"")


def _sums_up(deck: str, lead: str) -> bool:
    """``deck`` has a deck's words (``MIN_DECK_KEYS``) and ``lead`` gives most of them again (``MIN_RESTATED``)."""
    keys = _content_keys(deck)
    return len(keys) >= MIN_DECK_KEYS and len(keys & _content_keys(lead)) >= MIN_RESTATED * len(keys)


def _repeats_headline(text: str, title: str) -> bool:
    """``text`` is the headline ``title`` gives again: the same words (with straight or curly quotation marks:
    ``Iceland’s Volcano Erupts`` and ``Iceland's Volcano Erupts``), or ``title`` is the page's title, the headline
    followed by a separator and the site's or section's name (or a hyphen and the site's name in one word: ``...
    high-quality development-Xinhua``), or the headline after a breadcrumb glued on (``Iran General NewsIran Regime
    Disaster Mismanagement``)."""
    if text == title or (len(text) == len(title) and text.translate(_STRAIGHT_QUOTES) == title.translate(
            _STRAIGHT_QUOTES)):
        return True
    if (len(title) > len(text) and len(text.split()) >= 2 and text[0].isupper() and title.endswith(text)
            and title[-len(text) - 1].islower()):
        return True  # (after a breadcrumb glued on: ``HomeNewsDesperate times in Zimbabwe ...``)
    if not (len(title) > len(text) > 0 and title.startswith(text) and len(text.split()) >= 2):
        return False
    rest = title[len(text):]
    return rest.startswith(_SITE_SEPARATORS) or (
        rest[0] == "-" and rest[1:2].isupper() and len(rest) <= MAX_GLUED_SITE and " " not in rest)


LEAD_PARAGRAPHS = 3  # the paragraphs a headline is compared with
MIN_SHARED_WORDS = 2  # a name-like line that shares this many words with the story under it is its headline
MIN_COHESION_GAIN = 0.5  # a line under the title shares this much more of its words with the lead: the title
MIN_MORE_TOLD = 3  # ... or, where the lead tells a word of the title at most, half of its words and this many more
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "from", "by", "as",
    "into", "over", "under", "about", "after", "before", "than", "that", "this", "these", "those", "there", "their",
    "they", "them", "its", "it", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
    "would", "can", "could", "should", "may", "might", "must", "not", "no", "new", "says", "said", "say", "more",
    "most", "also", "just", "how", "why", "what", "when", "where", "who", "which", "while", "your", "you", "our",
    "we", "his", "her", "he", "she", "him", "us", "all", "any", "one", "two", "three", "out", "up", "down", "off",
})
_KEY_WORD = re.compile(r"[^\W\d_]{3,}")


def _content_keys(text: str) -> frozenset[str]:
    """The content words of ``text``, each by its first five letters (``warning``, ``warnings``: ``warni``)."""
    return frozenset(w[:5] for w in _KEY_WORD.findall(text.lower()) if w not in _FUNCTION_WORDS)


def _lead_keys(draft: _Draft) -> frozenset[str]:
    """The content words of ``draft``'s lead: its first ``LEAD_PARAGRAPHS`` paragraphs."""
    return _content_keys(" ".join(line.span.text for line in draft.body[:LEAD_PARAGRAPHS]))


# A word in lower case: a common word's form, where a name's words are capitalised.
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+")


def _lead_text(draft: _Draft) -> str:
    """The text of ``draft``'s lead (its first ``LEAD_PARAGRAPHS`` paragraphs), its white space folded."""
    return " ".join(" ".join(line.span.text for line in draft.body[:LEAD_PARAGRAPHS]).split())


def _quotes_the_lead(lead: str, line: str) -> bool:
    """``line`` (after a label: ``Opinion: ...``) is a sentence of ``lead`` word for word: a standfirst printed
    from the text, not a headline."""
    text = " ".join(line.split(": ", 1)[-1].split()).rstrip(".")
    return len(text) >= MIN_QUOTED_CHARS and text in lead


MIN_QUOTED_CHARS = 30  # (a short phrase of the lead may be a headline's too)


def _lead_tells(line: str, lead: frozenset[str], least: float, told: int) -> bool:
    """The lead (its content words ``lead``) tells ``line`` as a headline over the title, which it tells ``told``
    words of: ``least`` of its words at least, or, where it tells a word of the title at most, half of them and
    ``MIN_MORE_TOLD`` more than of the title (``Listen to live sports coverage ...`` over ``Status Orange wind
    warning issued for Louth and Meath``)."""
    keys = _content_keys(line)
    shared = len(keys & lead)
    share = shared / len(keys) if keys else 0.0
    return share >= least or (told <= 1 and share >= MIN_COHESION_GAIN and shared >= told + MIN_MORE_TOLD)


def _cohesion(headline: str, lead: frozenset[str]) -> float:
    """The share of ``headline``'s content words that the lead paragraphs use too."""
    keys = _content_keys(headline)
    return len(keys & lead) / len(keys) if keys else 0.0


MAX_NAME_WORDS = 4
MAX_SIGNATURE_LINE = 60  # a letter's signature: the writer's name, with a town or a post


_HANDLE = re.compile(r"@\w{1,30}")  # a writer's handle on a social network, on a line of its own


MAX_NAME_PARAGRAPH = 2  # a writer's name read as the text's first or second paragraph (under a deck read as text)
_NAME_SUFFIX_TAIL = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?\Z")  # (``Nick V. Quijano Jr.``)
_WRITES = re.compile(r"\s+(?:writes|wrote)\b")
# A post before a writer's name (``Premier Alden McLaughlin``): no part of the name.
_POST_BEFORE_NAME = re.compile(rf"(?:{OFFICIAL_TITLE}\s+)+")
# An official's post and name, after the place of the office (``Ontario Premier Kathleen Wynne``).
_POST_AND_NAME = re.compile(rf"(?:[A-Z][\w.'’-]*\s+){{0,2}}?(?:{OFFICIAL_TITLE}\s+)+(?P<name>.+)")


def _post_and_name(text: str) -> bool:
    """``text`` is only an official's post and name (``Ontario Premier Kathleen Wynne``), as a picture's caption
    names who it shows."""
    found = _POST_AND_NAME.fullmatch(" ".join(text.split()))
    return found is not None and _is_name(found["name"])


# A writer's name and a news agency's on one line: ``Cherie Henderson Associated Press``.
_NAME_THEN_AGENCY = re.compile(rf"(?P<name>.+)\s(?P<agency>{'|'.join(map(re.escape, AGENCY_NAMES))})")


def _are_names(text: str) -> bool:
    """One person's name alone or two joined by ``and`` (``Jane Doe and John Roe``)."""
    first, joined, second = text.partition(" and ")
    return _is_name(first) and (not joined or _is_name(second))


def _name_before_comma(text: str, draft: _Draft, headline: str) -> str | None:
    """The writer's name of a line ``Name, what they are`` over ``draft``'s text (``Zan Azlee, TMI``, ``John Stuart
    III, Naples``, ``Molly Dolan, 8th grade writer``): a person's name (a suffix after it allowed), then a few words
    of a town, a post or a paper, in no sentence; None where a word of the name is the headline's or the text's (a
    place named in the story, ``Kuala Lumpur, Malaysia``)."""
    head, _, tail = text.partition(",")
    tail = tail.strip()
    name = _NAME_SUFFIX_TAIL.sub("", head)
    # (a degree's full stops end no sentence: ``Giovanni Tapang, Ph.D.``)
    described = _DEGREE_ALONE.fullmatch(tail) is not None or (
        bool(tail) and "," not in tail and len(tail.split()) <= MAX_POST_WORDS and tail[-1] not in _TERMINAL)
    if (not described or not _is_name(name) or is_publication(name) or name.rsplit(None, 1)[-1] in _PLACE_WORDS
            or not _ADDRESSEES.isdisjoint(tail.split())):
        # (``USA Today, Mar 18, 2015``: a paper and a date; ``San Juan County, New Mexico``: a place; ``Virgin
        # Islanders, Residents and Visitors``: those a speech greets)
        return None
    body = " ".join(paragraph.span.text for paragraph in draft.body)
    if not {w.lower() for w in name.split()}.isdisjoint(_LOWER_WORD.findall(body)):
        return None  # words the text has in lower case (``Turn Around, Don't Drown``)
    return head if _content_keys(name).isdisjoint(_content_keys(f"{headline} {body}")) else None


_DEGREE_ALONE = re.compile(r"(?-i:Ph\.\s?D\.?|PhD|M\.D\.|MD|MPH|Esq\.?|APR)")  # a degree after a name and a comma
# Those a speech greets after its first addressees (``Virgin Islanders, Residents and Visitors``).
_ADDRESSEES = frozenset({
    "Residents", "Visitors", "Citizens", "Colleagues", "Friends", "Guests", "Delegates", "Participants", "Members",
    "Ladies", "Gentlemen", "Compatriots", "Countrymen", "Neighbours", "Neighbors", "Parents", "Students",
})
# The last word of a place's name, which no person's name ends with (``San Juan County``).
_PLACE_WORDS = frozenset({
    "County", "City", "Province", "State", "District", "Region", "Island", "Islands", "Valley", "Beach", "Bay",
    "River", "Lake", "Park", "Springs", "Heights", "Township", "Village", "Town", "Mountains", "Coast",
})


def _is_name(text: str) -> bool:
    """A person's name alone: two to four capitalised words, none of them a word no name has."""
    words = text.split()
    return (2 <= len(words) <= MAX_NAME_WORDS and _SIGNATURE.fullmatch(ascii_letters(text)) is not None
            and "," not in text and _NOT_NAME_WORDS.isdisjoint(words) and not any(map(str.isdigit, text)))


def _names_someone(text: str) -> bool:
    """``_is_name``, and no button's label (``X Close``: a word of one letter first) nor a page's name
    (``Spokesperson's Noon Briefing``: a possessive)."""
    flat = " ".join(text.split())
    return _is_name(flat) and len(flat.split(None, 1)[0]) > 1 and "'s " not in flat and "’s " not in flat


_NAME_TRAIL = " |·•"  # what a page's byline box leaves after the name when its date is on a line of its own


def _headline_shape(text: str) -> str | None:
    """The house shape of a briefs page's headlines that ``text`` has, if any: a running number (``2 Fiji
    floods``), a place and a topic behind a dash (``Samoa - airport``), a kicker in capitals and a colon
    (``BAHAMAS: Lawmaker apologizes``), or capitals throughout (``ADB GRANTS FUNDING``)."""
    if text[:1].isdigit() and _NUMBERED_HEAD.match(text):
        return "numbered"
    if _PLACE_TOPIC.fullmatch(text):
        return "place_topic"
    if _CAPS_KICKER.match(text):
        return "kicker"
    return "capitals" if text.isupper() else None


MAX_SIBLING_SHARE = 0.25  # ... and its next brief's lead shares less than this share of its words with the one above
_NUMBERED_HEAD = re.compile(r"\d{1,2}[.)]?\s+\S")
_PLACE_TOPIC = re.compile(r"[^\W\d][\w.'’ ]{0,40}?\s[-–—]\s\w[\w'’ -]{0,40}")
_CAPS_KICKER = re.compile(r"(?-i:[A-Z][A-Z.'’ ]{1,30}):\s+\S")


# A paper's name under its writer's, between the headline and the text, where it has no word of ``is_publication``:
# with its article (``The Tennessean``, ``Special to The Globe and Mail``), in capitals (``USA TODAY``), or ending
# with a word of papers' names (``Memphis Commercial Appeal``, ``The Arizona Republic``).
_OUTLET = re.compile(
    r"(?:(?i:special\s+to)\s+)?The\s+[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|and|&)){0,4}"
    r"|[A-Z]{2,}(?:\s+[A-Z]{2,}){1,3}"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:Appeal|Republic|Register|Record|Standard|Globe|Mail|Independent"
    r"|Citizen|Leader|Eagle|Beacon|Banner)")


def _is_post(text: str) -> bool:
    """A writer's post on a line of its own (``Editor-in-Chief of Asharq Al-Awsat newspaper``, ``Professor of
    Geography``): a few words, one of them a post's, in no sentence."""
    words = re.split(r"[\s,-]+", text.lower())
    return len(words) <= MAX_POST_WORDS and text[-1] not in _TERMINAL and not _POST_WORDS.isdisjoint(words)


MAX_POST_WORDS = 10


def _in_sentence_case(text: str) -> bool:
    """A headline in sentence case (``Free press``, ``Extend, then fix NFIP``): a word other than a short
    function word starts in lower case, as no town or organisation under a signature does, and it names no post
    (``OUSA secretary``, ``retired teacher``)."""
    words = text.replace(",", " ").split()
    return any(w[0].islower() and w not in _MINOR_WORDS for w in words) and _POST_WORDS.isdisjoint(
        w.lower() for w in words)


# A writer's post at an organisation, under the name: ``Legislative specialist for The Heartland Institute``.
_POST_AT = re.compile(r"\b(?:for|at|of|with)\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*$")
# The posts a letter's writer signs with under the name (``OUSA secretary``, ``President, Grey Power Otago``).
_POST_WORDS = frozenset({
    "secretary", "president", "director", "chair", "chairman", "chairwoman", "chairperson", "member", "spokesperson",
    "spokesman", "spokeswoman", "manager", "officer", "coordinator", "convenor", "convener", "founder", "ceo",
    "editor", "professor", "lecturer", "student", "teacher", "resident", "councillor", "councilor", "mayor",
    "minister", "senator", "retired", "former", "principal", "chief", "head", "treasurer", "trustee", "volunteer",
    "writer", "reporter", "correspondent", "columnist", "contributor",
})


def _signed_from_town(text: str) -> bool:
    """``text`` is a letter's signature on one line with the writer's town and a full stop, as some letters pages
    print it under the letter (``Keith Dewison, Billingham.``, ``Dr Gerald Edwards, Glasgow.``), or with a dash before
    the town (``Anna Micallef – Sliema``)."""
    dashed = _NAME_DASH.split(text) if "–" in text or "—" in text else ()
    if len(dashed) == 2:
        name, place = dashed
    elif text[-1] != "." or text.count(",") != 1:
        return False
    else:
        name, place = text[:-1].split(",")
    return _is_name(name.strip()) and _is_place(place.strip()) and not _is_place_name(name)


# A letter's signature with the writer's address, over the next letter's headline (``James C T Angus. The Bothy,
# Muirhead Farm, Craigrothie, Cupar.``, ``Mike Masson, Oak Tree Avenue, Banchory.``): a name, then capitalised
# words and house numbers between commas, and a full stop.
MAX_ADDRESS_SIGNATURE = 100
_ADDRESS_PART = r"(?:\d+[A-Za-z]?\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_ADDRESS_SIGNATURE = re.compile(
    rf"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’.-]*){{1,4}})[.,]\s+{_ADDRESS_PART}(?:,\s+{_ADDRESS_PART}){{1,5}}\.")


def _signed_with_address(text: str) -> str | None:
    """The writer's name, where ``text`` is a letter's signature with the writer's address (``_ADDRESS_SIGNATURE``);
    else None."""
    signed = _ADDRESS_SIGNATURE.fullmatch(text)
    if signed is None:
        return None
    name = signed["name"].rstrip(".")
    return name if _is_name(name) and not _is_place_name(name) else None


def _is_place_name(name: str) -> bool:
    """``name`` reads as a place's (``New Delhi``, ``Port Moresby``): its first word is one a town's name opens with."""
    return name.split(None, 1)[0] in _PLACE_FIRST_WORDS


_PLACE_FIRST_WORDS = frozenset({"New", "Port", "Fort", "San", "Santa", "Saint", "St", "St.", "Mount", "Lake", "North",
                                "South", "East", "West", "Upper", "Lower", "Greater", "Kuala", "Abu", "Hong", "Los",
                                "Las", "El", "Rio", "Cape", "Sri", "Addis", "Phnom", "Dar"})


def _is_place_line(line: Line) -> bool:
    """A town with a full stop on a line of its own (``Guwahati.``), as some letters pages print it under the
    writer's name."""
    text = line.span.text
    return line.kind is BODY_LINE and len(text) <= MAX_PLACE_CHARS and text[-1] == "." and _is_place(text[:-1])


# The last word of a clause that goes on in the next line (``WHEREAS the fires ... hundreds of homes; and``), which
# ends no headline.
_CLAUSE_ENDS = frozenset({"and", "or", "but", "nor", "the", "a", "an", "of", "whereas", "that", "which", "to", "their",
                          "its", "than", "into", "because", "whose"})


# A time in brackets at the end of a headline (``Update 34: Alberta wildfire situation (June 6, 4:30 p.m.)``): its
# full stop ends an abbreviation, not a sentence.
_BRACKETED_TIME = re.compile(r"\s*\([^()]{0,40}\b[ap]\.m\.\)\Z", re.IGNORECASE)
_TIME_ENDS = ("m.)", "M.)")


MAX_END_MARKER = 16  # ``(Enditem)``, ``~ END ~``, ``-ENDS-``: a few characters


def is_title_like(text: str) -> bool:
    """Short, and does not end like a sentence or a clause."""
    n = len(text)
    if not 0 < n <= MAX_TITLE_CHARS:
        return False
    if text[-3:] in _TIME_ENDS and (time := _BRACKETED_TIME.search(text)) is not None and time.start() > 0:
        text = text[: time.start()]
    core = text.rstrip(_CLOSERS_OR_SPACE)
    if core[-1:] in "-–" and core.rstrip("-– ")[-1:] in ":：":
        return False  # a lead-in to a list, its colon and a dash after it: ``... walk with:-``
    if text[-1] == ")" and text[-2:-1].isupper() and (tag := _tag_after_sentence(text)) is not None and (
            tag.isupper() and tag not in _DESKS):
        return False  # a sentence, then an office's initials: ``... in case of emergency. (DIPRO)`` (an agency's
        # closes a picture's caption: ``Saudi drivers take a flooded street in Jeddah on Tuesday. (AFP)``)
    return (
        bool(core)
        and (core[-1] not in _ENDS_NO_TITLE or (
            core[-3:-2] == "." and core[-2:-1].isupper() and core[-1] == "." and _DOTTED_END.search(core) is not None
            and _in_title_case(core)))
        and (n < _FEW_ENOUGH_CHARS or len(text.split()) <= MAX_TITLE_WORDS)
        and (core[0].isalpha() or any(ch.isalpha() for ch in core))
        and not (n >= _FEW_ENOUGH_CHARS and _not_a_headline(text))
    )


_DESKS = frozenset(PICTURE_DESKS)  # (whose names close pictures' captions)
MAX_CLOSING_TAG = 10


def _tag_after_sentence(text: str) -> str | None:
    """The word in brackets that ends ``text`` after a finished sentence, one word of letters (``... like
    situations. (DIPRO)``, ``... on Monday. (Xinhua)``), or None."""
    opened = text.rfind("(", len(text) - MAX_CLOSING_TAG - 2)
    tag = text[opened + 1 : -1] if opened > 0 and text[-1] == ")" else ""
    if len(tag) < 2 or not tag.isalpha() or not tag[0].isupper():
        return None
    before = text[:opened].rstrip().rstrip("\"'”’")
    return tag if before[-1:] in _TERMINAL and before[-2:-1].isalnum() else None
# A headline in title case may end with a dotted abbreviation: ``... Staff Shortages Across The U.S.``
_DOTTED_END = re.compile(r"\s(?:[A-Z]\.){2,}\Z")


# A long line that is no headline, though it does not end like a sentence: a quotation of a dozen words or more
# (``"Be a good neighbour, check in on friends ... to the heat"``), or a line ending with a link (``... guidance
# online here https://tinyurl.com/4722vv35``).
def _not_a_headline(text: str) -> bool:
    """``text``, long, does not end like a sentence and yet is no headline: a quotation, a line ending with a link
    or with an end marker glued on."""
    last = text[-1]
    if last in "\"”":
        return text[0] in "\"“" and _QUOTATION.match(text) is not None
    if last.isalpha() and (_SIGNED_OFF.search(text, len(text) - MAX_SIGN_OFF) is not None
                           or _closing_agency(text) is not None):
        # sentences, then the service they came from (``... on the weather. - N.Y. Times News Service``, ``... he
        # said. PTI COR PJT NP``)
        return True
    if last in "mM)]" and text[-7:].lower().endswith(_END_MARKS):
        return _GLUED_END.search(text) is not None
    if len(text) > MIN_TWO_SENTENCE_TEASER and _GLUED_SENTENCES.search(text) is not None:
        return True  # a teaser of two sentences, glued where a line break was (``... affected by floods.He added ...``)
    return "http" in text and _ENDS_ON_LINK.search(text) is not None


_QUOTATION = re.compile(r"[\"“]\S+(?:\s+\S+){11,}")
_GLUED_SENTENCES = re.compile(r"[a-z]{2}\.[A-Z][a-z]")
MIN_TWO_SENTENCE_TEASER = 100
MAX_SIGN_OFF = 50
_SIGNED_OFF = re.compile(r"\.[\"”’]?\s+[-–—]\s+(?-i:[A-Z])[\w.'’&]*(?:\s+(?-i:[A-Z])[\w.'’&]*){0,5}\Z")
_ENDS_ON_LINK = re.compile(r"\shttps?://\S+\Z")
_END_MARKS = ("enditem", "(end)", "[end]")
_GLUED_END = re.compile(r"[.!?\"”’]\s*(?:enditem|\(end\)|\[end\])\Z", re.IGNORECASE)  # ``... restored. Enditem``


# What a listing prints after a headline about the link, not the article: ``Educating Our Guardians (PDF)``.
_LINK_MARKER = re.compile(
    r"\s*[(\[](?:pdf|video|audio|photos?|gallery|watch|listen|opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab))[)\]]\Z",
    re.IGNORECASE)
# A reader's letter names the article it answers above its text (``Re "Why FEMA Was Missing in Action," Sept. 5``):
# the heading of the letter below it.
_LETTER_REFERENCE = re.compile(r"re\s*:?\s*[\"“‘'].{3,160}", re.IGNORECASE)
# A letter that opens on the article it answers (``Re "..."``) or on its salutation (``Sir, –``, ``Dear Editor,``).
_LETTER_OPENING = re.compile(
    r"re\s*:?\s*[\"“‘']|(?:dear\s+|to\s+the\s+)?(?:sir|madam|editor)\s*[,:–—-]"
    r"|(?:in\s+(?:response|reply)\s+to|responding\s+to|regarding|with\s+reference\s+to)\s+(?:the|your|[A-Z\"“‘'])",
    re.IGNORECASE)


def _opens_a_letter(line: Line) -> bool:
    """``line`` opens a letter: on the article it answers, or on a salutation (in its text, or kept as its marker:
    ``Sir, – We, the nation ...``)."""
    return _LETTER_OPENING.match(line.span.text) is not None or (
        line.marker is not None and _LETTER_OPENING.match(line.marker) is not None)


# A byline run into the first paragraph: ``By`` and two or three words of a name, then a word that opens a
# sentence (``By Ibrahim Hassan-Wuyo A flood disaster has ...``; a sentence that opens on a name is left whole).
_NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?)"
_GLUED_BYLINE = re.compile(
    rf"(?:By|BY)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\s+(?=(?:A|An|The|For|In|On|At|As|After|With|When"
    r"|While|Since|Despite|Amid|It|This|There|If|Although|Over|During|Before|Following|Some|Many|More|Several)\s)")
MAX_GLUED_DECK = 200
_SPACED_BYLINE = re.compile(
    rf"(?P<deck>\S.{{8,{MAX_GLUED_DECK}}}?)\s{{3,}}(?:By|BY)\s+(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){{1,2}})\s+"
    r"(?:(?:Associated\s+Press|Reuters|Agence\s+France-Presse|AFP|Bloomberg)\s+)?(?=\S)")
# A speech's salutation on a line of its own, as text (``Your Excellencies, African Ministers and Heads of
# Delegations``, ``Distinguished guests``): no headline opens so.
_SALUTATION = re.compile(
    r"(?:your\s+)?(?:excellenc(?:y|ies)|majesty|highness)\b|ladies\s+and\s+gentlemen"
    r"|distinguished\s+(?:guests|delegates|participants|colleagues|audience|members)"
    # those a speech greets by their posts, one a line: ``Honourable Ministers``, ``Representatives of the Media``,
    # ``Heads of Delegations``, ``Members of the Diplomatic Corps``
    r"|(?-i:Honou?rable\s+[A-Z]|Representatives\s+of\s|Heads\s+of\s+(?:[Dd]elegation|[Ss]tate|[Gg]overnment|[Aa]gencies"
    r"|[Mm]issions)|Members\s+of\s+the\s+(?:[Mm]edia|[Pp]ress|[Dd]iplomatic))",
    re.IGNORECASE)
_SALUTATION_FIRST = "YyEeMmHhLlDdR"


def _greets(text: str) -> bool:
    """``text`` opens on a speech's greeting of its audience (``Honourable Ministers``, ``Ladies and Gentlemen``)."""
    return text[:1] in _SALUTATION_FIRST and _SALUTATION.match(text) is not None
# A speaker's label on a line of its own in a transcript or an interview (``MS. PEARSON:``, ``PROFESSOR
# HARRALD:``, ``JUANA SUMMERS, HOST:``, ``Q:``, ``Answer:``): the heading of the turn below it.
_SPEAKER = re.compile(
    r"(?:(?:[A-Z][A-Z'’-]*\.?\s+){0,3}[A-Z][A-Z'’-]+(?:,(?:\s+[A-Z][A-Z'’-]*){1,3})?"
    r"|Q|A|Question|Answer|Interviewer)\s*[:：]"
    # a transcript's speaker and the time the turn starts: ``Tarik: (01:05)``
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*[:：]\s*\(\d{1,2}:\d{2}(?::\d{2})?\)")
MAX_SPEAKER = 50


# Short words a headline in title case leaves in lower case.
_MINOR_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
    "into", "over", "via", "vs", "vs.", "per", "up", "off", "out", "is", "be", "its",
})
MIN_HEADLINE_WORDS = 5
# A headline under the kicker of an opinion page (``Editorial: It's good to see ... preparation. Every dollar
# counts.``, ``Commentary: ...``) is a headline even when it is one or two sentences with their full stops.
_KICKER_HEADLINE = re.compile(
    r"(?:Editorial|Commentary|Opinion|Op-[Ee]d|Column|Analysis|Viewpoint|Perspective|Guest\s+(?:[Cc]olumn|[Oo]pinion"
    r"|[Ee]ditorial)|(?:Our|My|Your|Another)\s+[Vv]iew)\s*:\s+[\"“‘'(]?[A-Z0-9]")


# A field of an event's or a petition's details, its label and its value (``Location: Media Studio, Legislative
# Building``, ``Target: Douglas L. Parker, Assistant Secretary ...``): the text's, no headline.
_DETAIL_FIELD = re.compile(r"(?:location|venue|where|when|time|target|goal|cost|tickets|admission|address)\s*:\s*\S",
                           re.IGNORECASE)
MAX_FIELD_LABEL = 12


def _kicker_headline(text: str) -> bool:
    """A headline under an opinion page's kicker, of no more words than a title has."""
    return len(text) <= MAX_TITLE_CHARS and _KICKER_HEADLINE.match(text) is not None and (
        len(text.split()) <= MAX_TITLE_WORDS)


def _is_headline_case(text: str) -> bool:
    """A question headline in title case (``Is This the Worst Year in Modern American History?``, ``Who Has
    Emergency Authority Over Elections? Nobody's Quite Sure.``): a question in running text does not capitalise
    every word. (A statement in title case may be the name of a doctrine or a law standing as a paragraph.)"""
    return "?" in text and _in_title_case(text)


def _quoted_standfirst(text: str) -> bool:
    """``text``, a line of text right under a headline, is a standfirst in quotation marks and in title case
    (``“Recent Events Signal a Clear Need to Refocus Efforts on Flood Prevention, Not Just Response”``): the deck,
    where a lead that opens on a quotation says who said it."""
    return text[0] in "“\"" and text[-1] in "”\"" and _in_title_case(text[1:-1].strip())


def _in_title_case(text: str) -> bool:
    """Five words or more, and every word but the short function words capitalised (``Federal Data Show Growing
    Hospital Staff Shortages Across The U.S.``)."""
    if len(text) > MAX_TITLE_CHARS or not text[0].isupper():
        return False
    words = text.split()
    if not MIN_HEADLINE_WORDS <= len(words) <= MAX_TITLE_WORDS:
        return False
    content = [w for w in words if w.lower().strip("\"'“”‘’(),:;.?!") not in _MINOR_WORDS]
    return len(content) >= 4 and all(w[0].isupper() or w[0].isdigit() or (w[0] in "\"'“‘(" and w[1:2].isupper())
                                     for w in content)


def _classify(text: str, span: Span, block: int, marks: bool = True) -> Line:
    end = span.char_end
    n = len(span.text)  # every test below is skipped for a line longer than anything it could match
    if n <= MAX_LINE:  # bylines, credits and end markers are short lines
        byline = parse_byline(span.text)
        if byline is not None:
            return Line(BYLINE_LINE, span, span.char_start, byline=byline, block=block, line_end=end)
        credit = parse_credit(span.text)
        if credit is not None:
            credits = _credits(span.text, Credit(*credit, line=span.text))
            return Line(CREDIT_LINE, span, span.char_start, credits=credits, block=block, pattern="credit_line",
                        line_end=end)
        if n <= MAX_END_MARKER and is_end_marker(span.text):
            return Line(END_LINE, span, span.char_start, block=block, pattern="end_marker", line_end=end)
    if n <= MAX_SPEAKER and span.text[-1] in ":：)" and _SPEAKER.fullmatch(span.text):
        return Line(TITLE_LINE, span, span.char_start, block=block, pattern="speaker_label", line_end=end)
    furniture = match_furniture(span.text)
    prefix = _LINE_PREFIX.match(span.text) if furniture is None and span.text[0] in _PREFIX_FIRST else None
    if prefix is not None and prefix.lastgroup is not None:
        if prefix.lastgroup not in _MARKS:
            # the next item's headline glued to the footer of the item above (``The post ... first appeared on Cabin
            # Radio.Around 16 buildings left``), or to a comment of the page's script: read as the headline
            inner = _trimmed(text, span.char_start + prefix.end(), span.char_end)
            headline = _classify(text, inner, block)._replace(line_start=span.char_start, line_end=end)
            if prefix.lastgroup == "link" and headline.kind is TITLE_LINE and headline.pattern is None:
                return headline._replace(pattern="linked_headline")  # (it opens the next item: ``_new_item``)
            return headline
        if marks:
            return _marked(text, span, block, prefix)
        prefix = None
    if prefix is not None:
        furniture = match_furniture(span.text[prefix.end():])  # ``• Advertisement``, ``date 2021-02-22 Mon, 22 Feb``
        if furniture is None and (byline := parse_byline(span.text[prefix.end():])) is not None:
            # the stored copy's date (or a bullet) before the byline (`` date 2021-05-13 By Olawale Ayeni, Abuja``)
            inner = _trimmed(text, span.char_start + prefix.end(), span.char_end)
            return Line(BYLINE_LINE, inner, span.char_start, byline=byline, block=block, line_end=end)
        if furniture is None and (credit := parse_credit(span.text[prefix.end():])) is not None:
            # ... or before a credit (``• PHOTO: Kirk Jackson, Team Rubicon``)
            inner = _trimmed(text, span.char_start + prefix.end(), span.char_end)
            credits = _credits(inner.text, Credit(*credit, line=inner.text))
            return Line(CREDIT_LINE, inner, span.char_start, credits=credits, block=block, pattern="credit_line",
                        line_end=end)
    if furniture is not None:
        if furniture.role is DATE_ROLE:
            return Line(DATE_LINE, span, span.char_start, credits=(Credit("date", span.text, span.text),),
                        block=block, pattern=furniture.name, line_end=end)
        if furniture.role is CREDIT_ROLE:
            stamp = Credit(furniture.kind or "credit", span.text, span.text)
            return Line(CREDIT_LINE, span, span.char_start, credits=_credits(span.text, stamp), block=block,
                        pattern=furniture.name, line_end=end)
        return Line(FURNITURE_LINE, span, span.char_start, block=block, pattern=furniture.name, line_end=end)
    if n <= MAX_DATELINE and is_dateline(span.text):
        return Line(DATELINE_LINE, span, span.char_start, block=block, pattern="dateline", line_end=end)
    dash = _DASH.match(text, span.char_start, span.char_end) if span.text[0] in "—–―-" else None
    if dash is not None:
        body = _new_tuple(Span, (dash.end(), span.char_end, text[dash.end() : span.char_end]))
        if n <= MAX_DASHED_FURNITURE and (found := match_furniture(body.text)) is not None:
            if (dashed := _dashed_furniture(span, body.text, found, block, end)) is not None:
                return dashed  # a link or an ad's label behind a dash (``- Advertisement -``), a stamp
        elif n <= MAX_DAY_HEADING and body.text[:1].isalpha() and MONTH_DAY.fullmatch(body.text):
            # a day behind a dash in a page's list of its details (``- Kyle Sooley`` / ``- May 30`` / ``- 1 min
            # read``): the date
            return Line(DATE_LINE, span, span.char_start, credits=(Credit("date", body.text, span.text),),
                        block=block, pattern="date", line_end=end)
        return _new_tuple(Line, (DASH_LINE, body, span.char_start, dash.group("marker"), None, (), block, False,
                                 None, end))
    heading = _HEADING.match(text, span.char_start, span.char_end) if span.text[0] == "#" else None
    if heading is not None:
        inner = _trimmed(text, heading.end(), span.char_end)
        prefix = TITLE_PREFIX.match(inner.text)
        if prefix is not None:
            inner = _trimmed(text, inner.char_start + prefix.end(), inner.char_end)
        return Line(TITLE_LINE, inner, span.char_start, block=block, heading=True, line_end=end,
                    byline=title_signature(inner.text))
    bold = _BOLD.fullmatch(span.text) if n <= MAX_TITLE_CHARS + 4 and span.text[0] in "*_" else None
    if bold is not None and bold.lastindex is not None:
        k = bold.lastindex
        inner = _trimmed(text, span.char_start + bold.start(k), span.char_start + bold.end(k))
        if inner.text and is_title_like(inner.text):
            return Line(TITLE_LINE, inner, span.char_start, block=block, pattern="bold_heading", line_end=end)
        if inner.text:  # a line in bold that is no heading (``**MS. PEARSON:**``, ``**Date:**``): as its text
            return _classify(text, inner, block)._replace(line_start=span.char_start, line_end=end)
    if n <= MAX_CAPTION and is_photo_caption(span.text):
        return Line(FURNITURE_LINE, span, span.char_start, block=block, pattern="photo_caption", line_end=end)
    if n <= MAX_DAY_HEADING and DAY_HEADING.fullmatch(span.text):
        return Line(TITLE_LINE, span, span.char_start, block=block, pattern="day_heading", line_end=end)
    if n <= MAX_TITLE_CHARS and span.text[0] in "IVX" and NUMBERED_SECTION.match(span.text) and is_title_like(
            span.text) and not ("," in span.text and _SIGNATURE.fullmatch(span.text)):
        # (``V. Ramesh, Chennai``: an initial, a letter's signature)
        return Line(TITLE_LINE, span, span.char_start, block=block, pattern="numbered_heading", line_end=end)
    if n <= MAX_TITLE_CHARS and span.text[0] in "-–—" and span.text[2:3].isdigit() and (
            found := match_furniture(span.text[1:].lstrip())) is not None and (
            dashed := _dashed_furniture(span, span.text[1:].lstrip(), found, block, end)) is not None:
        return dashed  # (a digit after the dash: ``- 09:11, 20 July, 2023``, ``- 1 min read``, ``- 13:28``)
    if n <= MAX_TITLE_CHARS and (
            is_title_like(span.text) or ("?" in span.text and _is_headline_case(span.text))
            or _kicker_headline(span.text)) and not (
            _READ_MORE.search(span.text, max(0, n - MAX_LINK_TAIL))) and not _greets(span.text) and not (
            ":" in span.text[:MAX_FIELD_LABEL] and _DETAIL_FIELD.match(span.text)):
        if span.text[0] in "Rr" and _LETTER_REFERENCE.fullmatch(span.text):
            return Line(TITLE_LINE, span, span.char_start, block=block, pattern="letter_reference", line_end=end)
        line_start = span.char_start
        name = bullet = None
        if prefix is not None:
            span = _trimmed(text, span.char_start + prefix.end(), span.char_end)
            name = "title_bullet" if not prefix.group()[0].isalnum() else "title_date_prefix"
            bullet = prefix.group()[0] if name == "title_bullet" else None  # (the marker of a list's item)
        # (the marker is short and ends the line: looked for near the end only)
        marker = _LINK_MARKER.search(span.text, max(0, len(span.text) - 40)) if span.text[-1] in ")]" else None
        if marker is not None and marker.start() > 0:  # ``Educating Our Guardians (PDF)``: the link's, not the title's
            span = _trimmed(text, span.char_start, span.char_start + marker.start())
        dated: tuple[Credit, ...] = ()
        if name == "title_date_prefix" and prefix is not None:  # `` date 2019-05-16 Statement from ...``: its date
            day = prefix.group().strip()
            day = day[4:].strip() if day[:4].lower() == "date" else day
            dated = (Credit("date", day, text[line_start:end].strip()),)
        if " | " in span.text:  # ``Transcript: Making Wildfire Evacuations Safer | Sep 24, 2021``: the date's
            head, _, tail = span.text.rpartition(" | ")
            if head and STAMP.fullmatch(tail):
                dated = (Credit("date", tail, span.text),)
                span = _trimmed(text, span.char_start, span.char_start + len(head))
        # ``Headline, By Wole Soyinka``, ``Remarks by President X at ...``: the headline names its writer or speaker
        return Line(TITLE_LINE, span, line_start, marker=bullet, block=block, pattern=name, line_end=end,
                    credits=dated, byline=title_signature(span.text))
    if prefix is not None and (span.text[0] in BULLETS or span.text[:4].lower() == "date"):
        # a list item's bullet (``• Inspect property and cars for damage.``), kept as the paragraph's marker, or the
        # stored copy's date before a paragraph (`` date 2025-01 STATUS RED WIND warnings are ...``): not its text
        inner = _trimmed(text, span.char_start + prefix.end(), span.char_end)
        bullet = span.text[0] if span.text[0] in BULLETS else None
        return Line(BODY_LINE, inner, span.char_start, marker=bullet, block=block, line_end=end)
    # the hot path: most lines are body text (fields: kind, span, line_start, marker, byline, credits, block,
    # heading, pattern, line_end)
    return _new_tuple(Line, (BODY_LINE, span, span.char_start, None, None, (), block, False, None, end))


_MARKS = ("number", "salutation")  # what ``_LINE_PREFIX`` finds in front of a paragraph, kept as its marker


def _marked(text: str, span: Span, block: int, mark: re.Match[str]) -> Line:
    """The line ``span``, with a number or a letter's salutation in front (``mark``): read as it would be without
    it, and where that is a paragraph, a paragraph with a marker (``1. First and foremost, ...``, ``Sir, – We, the
    nation ...``), the mark its marker. (A numbered headline, ``3. Make a plan``, stays a headline, number and
    all.)"""
    line = _classify(text, span, block, marks=False)
    if line.kind is not BODY_LINE or line.span != span:
        return line
    return line._replace(span=_trimmed(text, span.char_start + mark.end(), span.char_end), marker=mark.group())


def _dashed_furniture(span: Span, body: str, found: Pattern, block: int, end: int) -> Line | None:
    """The line ``span``, a dash and ``body``, which ``found`` matched: page furniture where ``found`` is furniture's
    (``- Advertisement -``, ``- 1 min read``), a stamp where it is a posting stamp's or a time's (``_listed_stamp``:
    ``- 30 June, 2021`` / ``- 13:28``); else None."""
    if found.role is FURNITURE_ROLE:
        return Line(FURNITURE_LINE, span, span.char_start, block=block, pattern=found.name, line_end=end)
    if found.name in _POSTING_STAMPS or found.name == "time":
        return _listed_stamp(span, body, found, block, end)
    return None


def _listed_stamp(span: Span, stamp: str, found: Pattern, block: int, end: int) -> Line:
    """The line ``span``, a stamp (``stamp``, matched by ``found``) behind a dash in a page's list of its details
    (``- 09:11, 20 July, 2023``, ``- Updated: 20 July, 2023``): a credit, no thesis point or headline."""
    credit = Credit(found.kind or "credit", stamp, span.text)
    return Line(CREDIT_LINE, span, span.char_start, credits=(credit,), block=block, pattern=found.name, line_end=end)


_PERSON_ROLES_REPLACE = frozenset({"credit", "editor", "translator", "photographer", "proofreader"})


def _credits(text: str, credit: Credit) -> tuple[Credit, ...]:
    """The credits of a credit line: each person it names with their role (``Reporting by A; Editing by B``
    credits A as reporter and B as editor), in place of the line's own reading when that was a person's credit
    (an unparsed ``credit`` or an editor, translator ... whose name ran on into the line's furniture), after it
    when it was a stamp or a source (``2015-09-22 12:56CNTV Editor: Mo Hong'e``)."""
    people = tuple(Credit(role, name, text) for role, name in person_credits(text))
    if not people:
        return (credit,)
    return people if credit.role in _PERSON_ROLES_REPLACE or credit.role.endswith("editor") else (credit, *people)


def classify_lines(text: str) -> list[Line]:
    """Classify every non-blank line of ``text`` (hard-wrapped paragraphs joined into one line each)."""
    out: list[Line] = []
    lower_titles: list[int] = []  # the title-like lines that start in lower case
    drop_caps: list[int] = []  # the lines of one capital letter
    holds_neighbours = False  # a caption's label, an embedded post, a blog's comments head: lines next to it are theirs
    block = 0
    end = -1
    for raw in text.split("\n"):
        start, end = end + 1, end + 1 + len(raw)
        kept = raw.strip()  # str.strip and trim agree on what white space is (str.isspace)
        if kept:
            if raw[0].isspace():
                start += raw.find(kept[0])
            line = _classify(text, _new_tuple(Span, (start, start + len(kept), kept)), block)
            if line.kind is TITLE_LINE and kept[0].islower():
                lower_titles.append(len(out))
            elif len(kept) == 1 and kept.isupper() and kept not in "AI":
                drop_caps.append(len(out))
            elif line.pattern in _HOLDS_NEIGHBOURS:
                holds_neighbours = True
            out.append(line)
        else:
            block += 1
    if drop_caps:
        _join_drop_caps(text, out, drop_caps)
    wrapped = _is_hard_wrapped(out)
    if wrapped or _is_wrapped_unspaced(out):
        out = _join_wrapped(text, out, unspaced=not wrapped)
        lower_titles = [i for i in lower_titles and range(len(out))
                        if out[i].kind is TITLE_LINE and out[i].span.text[0].islower()]
    # (in a text with a blank line after every line, the two lines of a headline have one between them; a
    # Markdown text marks its headlines)
    spaced = bool(lower_titles) and all(a.block != b.block and not a.heading for a, b in pairwise(out))
    for i in reversed(lower_titles):  # a headline broken over two lines (``Russians try to coax`` / ``cult
        prev, line = out[i - 1], out[i]  # members out``)
        if i and _continues_title(prev, line, spaced):
            span = Span(prev.span.char_start, line.span.char_end, text[prev.span.char_start : line.span.char_end])
            out[i - 1 : i + 1] = [prev._replace(span=span, line_end=line.line_end)]
    if holds_neighbours:
        _captions_under_labels(out)
        _embedded_posts(out)
        _readers_comments(out)
    _page_title_repeated(out)
    # A title-like line that is last, or that is followed only by closing lines (bylines, credits, end
    # markers) before the end or the next title, is the unfinished last line of a paragraph, not a title,
    # when it is part of the text above it (no blank line between, or none in the document). Markdown
    # headings stay titles.
    blank_lines = bool(out) and out[-1].block != out[0].block
    titles: list[int] = []
    capitals: list[int] = []  # the title-like lines that end in a capital letter
    for i, line in enumerate(out):
        if line.kind is not TITLE_LINE or line.heading or line.pattern is not None or line.byline is not None:
            continue
        titles.append(i)
        if line.span.text[-1:].isupper():
            capitals.append(i)
        if line.span.text.rsplit(None, 1)[-1] in _CLAUSE_ENDS:
            out[i] = line._replace(kind=BODY_LINE)  # a clause that goes on below it, not a headline
            continue
        j = i + 1
        while j < len(out) and out[j].kind in _CLOSERS_KINDS:
            j += 1
        closes = j > i + 1 and (j == len(out) or out[j].kind is TITLE_LINE)
        above = out[i - 1] if i else None
        part_of_text = above is not None and (not blank_lines or above.block == line.block) and (
            above.kind in (BODY_LINE, DASH_LINE) or (closes and j == len(out) and above.kind is TITLE_LINE)
        ) and len(line.span.text.split()) > MAX_SECTION_WORDS and not _is_place_line(above)  # (a letter's town)
        if (j == len(out) or closes) and part_of_text and not (
                j > i + 1 and out[i + 1].kind in (BYLINE_LINE, CREDIT_LINE)
                and _titles_over(out, out[i + 1]) >= MIN_SIGNED_ITEMS):
            out[i] = line._replace(kind=BODY_LINE)
    if len(titles) >= MIN_REPEATS:
        _repeated_lines(out, titles)
    if capitals:
        _join_capital_text(text, out, capitals)
    return out


MAX_CAPTION_LABEL = 20  # a caption's label alone on its line (``Image caption,``) is no longer
# The patterns of a line that says what the lines next to it are (``_captions_under_labels``, ``_embedded_posts``,
# ``_readers_comments``).
_HOLDS_NEIGHBOURS = frozenset({"image_caption", "embedded_post", "comments_header", "gallery_caption"})


def _captions_under_labels(lines: list[Line]) -> None:
    """The line under a caption's label alone on its line (``Image caption,`` / ``A United Airlines departure
    board at Newark``, as the BBC's pages print a picture) is the caption: page furniture, whatever its shape; so is
    a line that a gallery's caption right under it gives again."""
    for i in range(len(lines) - 1):
        label, caption = lines[i], lines[i + 1]
        if (label.pattern == "image_caption" and len(label.span.text) <= MAX_CAPTION_LABEL
                and caption.kind in (TITLE_LINE, BODY_LINE) and not caption.heading):
            lines[i + 1] = caption._replace(kind=FURNITURE_LINE, pattern="image_caption", byline=None, credits=())
        elif (caption.pattern == "gallery_caption" and label.kind in (TITLE_LINE, BODY_LINE) and not label.heading
              and len(label.span.text) >= MIN_CAPTION_CHARS and label.span.text in caption.span.text):
            # the same caption right above the gallery's (``The clean-up operation has begun ...`` / ``Camera IconThe
            # clean-up operation has begun ...``)
            lines[i] = label._replace(kind=FURNITURE_LINE, pattern="photo_caption", byline=None, credits=())


MAX_POST_LINES = 3  # lines of a post embedded from a social network above its signature line


def _embedded_posts(lines: list[Line]) -> None:
    """The short lines above an embedded post's last line (``Eskom Load Reduction Notice`` / ``Date: 25 September
    2020#EskomFreeState`` / ``... — Eskom Hld SOC Ltd (@Eskom_SA) September 25, 2020``), up to the text above them,
    are the post's: page furniture, not a headline and its deck."""
    for i, line in enumerate(lines):
        if line.pattern != "embedded_post":
            continue
        for k in range(i - 1, max(-1, i - 1 - MAX_POST_LINES), -1):
            if lines[k].kind not in (TITLE_LINE, FURNITURE_LINE, DATE_LINE, CREDIT_LINE) or lines[k].heading:
                break
            lines[k] = lines[k]._replace(kind=FURNITURE_LINE, pattern="embedded_post", byline=None, credits=())


def _readers_comments(lines: list[Line]) -> None:
    """Everything under the head of a blog's comments (``4 thoughts on “After the Hurricane``) is the readers'
    comments and their form: page furniture, no text of the post and no article of its own."""
    at = next((i for i, line in enumerate(lines) if line.pattern == "comments_header"), len(lines))
    for k in range(at + 1, len(lines)):
        lines[k] = lines[k]._replace(kind=FURNITURE_LINE, pattern="readers_comment", byline=None, credits=(),
                                     heading=False)


def _join_drop_caps(text: str, lines: list[Line], caps: list[int]) -> None:
    """A paragraph's drop cap, alone on a line (``caps``: the lines of one capital letter; a blank line may follow
    it), and the rest of its first word under it (``T`` / ``he year 2018 was ...``): one line of text."""
    for i in reversed(caps):
        if i + 1 >= len(lines):
            continue
        cap, rest = lines[i], lines[i + 1]
        if rest.span.text[0].islower() and rest.block - cap.block <= 1 and not rest.heading:
            span = Span(cap.span.char_start, rest.span.char_end, text[cap.span.char_start : rest.span.char_end])
            lines[i : i + 2] = [Line(BODY_LINE, span, cap.line_start, block=rest.block, line_end=rest.line_end)]


def _join_capital_text(text: str, lines: list[Line], candidates: list[int]) -> None:
    """Text in capitals broken over lines, as a broadcast's captions and telegrams print it (``The man says,
    HUNDREDS OF`` / ``WILDFIRES BURNING ACROSS`` / ... / ``EVACUATED FROM THEIR HOMES.``): each sentence's lines
    are joined into one line of text, as a hard-wrapped paragraph's are. A sentence's run is at least
    ``MIN_CAPITAL_LINES`` lines in capitals down to one that ends it, and holds words no headline is made of alone
    (``OF``, ``THE``, ``WE``), so a run of headlines, labels or a menu in capitals is not one."""
    runs: list[tuple[int, int]] = []
    covered = -1
    for i in candidates:
        if i <= covered:
            continue
        k = i  # back to the sentence's first line, and on to its last
        while k > covered + 1 and _capitals(lines[k - 1].span.text) and not _ends_sentence(lines[k - 1].span.text):
            k -= 1
        j = i
        while (j < len(lines) and j - k < MAX_CAPITAL_RUN and _capitals(lines[j].span.text)
               and not _ends_sentence(lines[j].span.text)):
            j += 1
        if (j == len(lines) or j - k >= MAX_CAPITAL_RUN or not _capitals(lines[j].span.text) or j == k
                or (j - k + 1 < MIN_CAPITAL_LINES and lines[k].span.text.isupper())  # (a speaker's turn: two do)
                or _CAPITAL_FUNCTION_WORDS.isdisjoint(w for m in range(k, j + 1) for w in lines[m].span.text.split())):
            continue
        runs.append((k, j))
        covered = j
    for k, j in reversed(runs):
        first, last = lines[k], lines[j]
        span = Span(first.span.char_start, last.span.char_end, text[first.span.char_start : last.span.char_end])
        lines[k : j + 1] = [Line(BODY_LINE, span, first.line_start, block=first.block, line_end=last.line_end)]


def _ends_sentence(text: str) -> bool:
    """``text`` ends like a sentence (``.``, ``?``, ``!``, with any closing quote or bracket after it)."""
    return text.rstrip(_CLOSERS_OR_SPACE)[-1:] in _TERMINAL


def _capitals(text: str) -> bool:
    """``text`` is in capitals, or is a speaker's turn whose words are (``Nick says, UM, IT WAS``)."""
    if text.isupper():
        return True
    head, comma, rest = text.partition(", ")
    return bool(comma) and head.endswith(" says") and rest.isupper()


MIN_CAPITAL_LINES = 3
MAX_CAPITAL_RUN = 12  # (a sentence in captions spans a few lines)
_CAPITAL_FUNCTION_WORDS = frozenset({"OF", "THE", "AND", "TO", "IN", "IS", "ARE", "WAS", "WERE", "IT", "THAT", "WE",
                                     "YOU", "HE", "SHE", "THEY", "I", "HAVE", "HAS", "BUT", "WITH", "FOR"})


MIN_SIGNED_ITEMS = 2  # a listing's headlines with the byline right under them (a text cut under the next one)
MIN_REPEATS = 3  # a short line given this many times, word for word, is the page's (a link's label, a slot)


def _titles_over(lines: list[Line], below: Line) -> int:
    """How many title-like lines have a line of ``below``'s kind right under them (a byline; a credit of the same
    pattern, such as a stamp): on a listing of items signed or stamped under their headlines, a title-like line
    over such a line is the next item's headline, not the last line of a paragraph."""
    kind, pattern = below.kind, below.pattern
    return sum(1 for above, under in pairwise(lines)
               if above.kind is TITLE_LINE and under.kind is kind and (kind is BYLINE_LINE or under.pattern == pattern))


def _repeated_lines(lines: list[Line], titles: list[int]) -> None:
    """A title-like line (of those at ``titles``) that the page gives ``MIN_REPEATS`` times or more, word for word
    (``W140 Full Story`` under each item of a listing, ``Election Latest`` in a ticker), is page furniture: no
    headline or signature is printed three times. A name given under each item of a listing is its writer's,
    and stays."""
    texts = [lines[i].span.text for i in titles]
    if len(set(texts)) > len(texts) - MIN_REPEATS + 1:
        return  # (too few given twice or more)
    counts = Counter(texts)
    where: dict[str, list[int]] = {}
    for i in titles:
        where.setdefault(lines[i].span.text, []).append(i)
    for i in titles:
        text = lines[i].span.text
        at = where[text]
        if counts[text] >= MIN_REPEATS and not _is_name(text) and at[-1] - at[0] >= len(at) and any(
                lines[k].kind is not FURNITURE_LINE and lines[k].span.text != text for k in range(at[0], at[-1])):
            # (the same line given three times in a row, or with only the page's furniture between, is one headline
            # printed over and over, not a ticker's: ``Written by admin`` between its copies)
            lines[i] = lines[i]._replace(kind=FURNITURE_LINE, pattern="repeated_line")


MAX_PAGE_HEAD = 8  # the lines at the top of a page where its title (the browser's title) stands
MIN_BODY_BETWEEN = 2  # paragraphs between a headline and its repeat: the article, then its headline recalled


def _page_title_repeated(lines: list[Line]) -> None:
    """The page's own title above its chrome: a title-like line among the first ``MAX_PAGE_HEAD`` that the page
    gives again as a title, word for word, below page furniture (a notice, a banner, a menu). The first is the
    page's title, furniture; the second opens the article. (A headline given twice with nothing but a date or
    a credit between is one header printed twice, and opens its article where it first stands.)"""
    head = min(MAX_PAGE_HEAD, len(lines))
    for i in range(head):
        line = lines[i]
        if line.kind is not TITLE_LINE or line.heading:
            continue
        key = line.span.text
        for j in range(i + 1, min(len(lines), head + MAX_PAGE_HEAD)):
            other = lines[j]
            if other.kind is TITLE_LINE and other.span.text == key:
                if any(between.kind is FURNITURE_LINE for between in lines[i + 1 : j]) and sum(
                        between.kind is BODY_LINE for between in lines[i + 1 : j]) < MIN_BODY_BETWEEN:
                    lines[i] = line._replace(kind=FURNITURE_LINE, pattern="page_title")
                return


_TEXT_KINDS = frozenset({BODY_LINE, TITLE_LINE, DASH_LINE})
MAX_WRAPPED_WIDTH = 100
MIN_WRAP_FILL = 0.6  # of the widest line, a line that breaks mid-sentence in wrapped text is at least as wide


def _is_hard_wrapped(lines: list[Line]) -> bool:
    """Blank lines separate paragraphs, and the lines inside a paragraph break mid-sentence.

    Judged over the whole document: it has blank lines, no line in a multi-line block is wider than
    ``MAX_WRAPPED_WIDTH``, and at least two line breaks inside a block fall mid-sentence (the line ends without
    closing punctuation and the next starts in lower case) after a line near the widest one (``MIN_WRAP_FILL``):
    a menu's items in lower case (``recent poll`` / ``events``) or a headline's two halves are no wrapped text.
    """
    if not lines or lines[-1].block == lines[0].block:
        return False
    pairs = _text_pairs(lines)
    width = max((len(x.span.text) for pair in pairs for x in pair), default=0)
    if width > MAX_WRAPPED_WIDTH:
        return False
    shortest = MIN_WRAP_FILL * width  # (a line broken mid-sentence is near the width the text was wrapped at)
    return sum(1 for a, b in pairs if len(a.span.text) >= shortest and _breaks_mid_sentence(a, b)) >= 2


def _text_pairs(lines: list[Line]) -> list[tuple[Line, Line]]:
    """Each line of text over the next, where no blank line is between them (and the upper is no heading)."""
    return [(a, b) for a, b in pairwise(lines)
            if a.block == b.block and a.kind in _TEXT_KINDS and b.kind in _TEXT_KINDS and not a.heading]


def _breaks_mid_sentence(above: Line, below: Line) -> bool:
    """The break between ``above`` and ``below`` falls mid-sentence: ``above`` ends without closing punctuation
    and ``below`` starts in lower case."""
    return below.span.text[:1].islower() and not _ends_sentence(above.span.text)


MIN_UNSPACED_BREAKS = 3
MIN_WRAP_WIDTH = 40  # a line that text was wrapped at is no narrower
MAX_UNWRAPPED_SHARE = 0.2  # of the lines of a hard-wrapped text, wider than the wrap (lines pasted whole)


def _is_wrapped_unspaced(lines: list[Line]) -> bool:
    """Hard-wrapped text with no blank line between its paragraphs (text from a PDF, an e-mail, a telex): at most
    ``MAX_UNWRAPPED_SHARE`` of its lines are wider than ``MAX_WRAPPED_WIDTH``, and at least
    ``MIN_UNSPACED_BREAKS`` of them break mid-sentence (a line of at least ``MIN_WRAP_WIDTH`` characters that ends
    without closing punctuation over one that starts in lower case)."""
    if len(lines) <= MIN_UNSPACED_BREAKS:
        return False
    most_wide, wide = MAX_UNWRAPPED_SHARE * len(lines), 0
    for line in lines:  # (paragraphs one a line, the common case, are told within the first few lines)
        if len(line.span.text) > MAX_WRAPPED_WIDTH:
            wide += 1
            if wide > most_wide:
                return False
    return sum(1 for a, b in _text_pairs(lines)
               if len(a.span.text) >= MIN_WRAP_WIDTH and _breaks_mid_sentence(a, b)) >= MIN_UNSPACED_BREAKS


def _continues_title(prev: Line, line: Line, spaced: bool) -> bool:
    """``line`` (a title-like line that starts in lower case) is the rest of the title on ``prev``, the line
    above it with no blank line between (or one, in a ``spaced`` text: a blank line after every line). (A single
    word is a label of the page's, ``accreditation``, and words the headline has already said are a picture's
    text or a tag, ``forest fire``.)"""
    return (prev.kind is TITLE_LINE and (prev.block == line.block or (spaced and prev.block + 1 == line.block))
            and not line.pattern and not prev.pattern
            and not (prev.span.text.isupper() and _is_name(prev.span.text))  # a name in capitals over a post
            and not prev.heading and not line.heading and " " in line.span.text
            and is_title_like(f"{prev.span.text} {line.span.text}")
            and not set(line.span.text.lower().split()) <= set(prev.span.text.lower().split()))


_CONTINUED_KINDS = frozenset({FURNITURE_LINE, CREDIT_LINE, DATE_LINE})


def _goes_on(text: str, prev: Line, line: Line, width: int, unspaced: bool = False) -> bool:
    """In hard-wrapped text (lines up to ``width`` wide), ``line`` goes on from ``prev``, the line above it in the
    same block. With no blank line between paragraphs (``unspaced``), a line goes on only where its first word
    would not have fit on the line above, where the line above is of three quarters of the wrap's width or more
    and ends mid-sentence (a proportional font's wrap, as in text from a PDF), or where it starts in lower case
    under a line of half the width or more: a paragraph's last line is short, and so is a title."""
    if prev.block != line.block or prev.heading or line.heading:
        return False
    if unspaced and not _broken_at_width(prev.span.text, line.span.text, width):
        last = len(prev.span.text) - prev.span.text.rfind("\n") - 1
        if not (4 * last >= 3 * width and not _ends_sentence(prev.span.text)) and not (
                line.span.text[0].islower() and 2 * last >= width):
            return False
    if prev.kind in _TEXT_KINDS:
        # more text; or the rest of a sentence, or the credit of a photo's caption, that alone looks like furniture
        # or like a byline (``... members from the Ministry of`` / ``Public Security, the National Health ...``)
        if line.kind is BYLINE_LINE:
            end = prev.span.text.rstrip(_CLOSERS_OR_SPACE)
            return end[end.rfind(" ") + 1 :].lower() in _CLAUSE_ENDS or (
                end[-1:] not in _TERMINAL and (prev.kind is BODY_LINE or _broken_at_width(
                    prev.span.text, line.span.text, width)))
        # (a headline's date wrapped onto the next line: ``... Message for World Refugees Day –`` / ``20 June
        # 2018``)
        return line.kind in (BODY_LINE, TITLE_LINE) or (line.kind in _CONTINUED_KINDS and (
            line.span.text[0].islower()
            or (prev.kind is TITLE_LINE and line.kind is DATE_LINE and _broken_at_width(
                prev.span.text, line.span.text, width))
            # (the rest of a sentence broken where its next word would not fit: ``... on Saturday,`` / ``Sept. 24,
            # 2022. Ryan Taplin - The Chronicle Herald``)
            or (prev.kind is BODY_LINE and not _ends_sentence(prev.span.text) and _broken_at_width(
                prev.span.text, line.span.text, width))
            or is_photo_caption(" ".join(text[prev.span.char_start : line.span.char_end].split()))))
    # the rest of a notice whose first line alone looks like furniture (``Copyright ... The content (including but
    # not`` / ``limited to text ...``), or that was broken where its next word would not fit (``Skip to footerHelp
    # using this website -`` / ``Accessibility statement``): judged again once it is whole
    return prev.kind is FURNITURE_LINE and line.kind in (BODY_LINE, TITLE_LINE) and (
        line.span.text[0].islower() or _broken_at_width(prev.span.text, line.span.text, width))


def _broken_at_width(above: str, below: str, width: int) -> bool:
    """The break between ``above`` and ``below`` is the wrap's: the first word below would not have fit on the
    line above."""
    last = above[above.rfind("\n") + 1 :]
    first = below.split(None, 1)[0]
    return len(last) + 1 + len(first) > width


def _join_wrapped(text: str, lines: list[Line], unspaced: bool = False) -> list[Line]:
    """Join each run of lines inside a block into one line (a dash line starts a new one): a paragraph, or a
    title wrapped onto several lines when the whole still reads as one. ``unspaced``: no blank line separates the
    paragraphs (``_goes_on``)."""
    out: list[Line] = []
    joined: set[int] = set()
    width = max((len(a.span.text) for a, b in pairwise(lines) if a.block == b.block and (
        not unspaced or len(a.span.text) <= MAX_WRAPPED_WIDTH)), default=0)
    for line in lines:
        prev = out[-1] if out else None
        if prev is None or not _goes_on(text, prev, line, width, unspaced):
            out.append(line)
            continue
        span = Span(prev.span.char_start, line.span.char_end, text[prev.span.char_start : line.span.char_end])
        if prev.kind is DASH_LINE:
            kind = DASH_LINE
        elif prev.kind is TITLE_LINE and (line.kind in (TITLE_LINE, DATE_LINE) or (
                line.kind is BODY_LINE and not any(map(str.isalpha, line.span.text)))) and is_title_like(
                " ".join(span.text.split())):
            # (``... displace over`` / ``11,000``: the rest alone has no word)
            kind = TITLE_LINE
        else:
            kind = BODY_LINE
        out[-1] = Line(kind, span, prev.line_start, marker=prev.marker, block=prev.block,
                       pattern=prev.pattern if prev.kind is not FURNITURE_LINE else None, line_end=line.line_end)
        joined.add(len(out) - 1)
    for i in joined:  # a photo caption or a notice wrapped onto several lines is known only once it is whole
        line = out[i]
        if line.kind is DASH_LINE:
            continue
        flat = " ".join(line.span.text.split())
        if (prefix := _LINE_PREFIX.match(flat)) is not None and prefix.lastgroup is not None:
            # a feed's footer (or a script's comment) and the next item's headline glued to it, wrapped: as on one
            # line
            out[i] = _classify(text, line.span, line.block)._replace(line_start=line.line_start,
                                                                      line_end=line.line_end)
        elif len(flat) <= MAX_CAPTION and is_photo_caption(flat):
            out[i] = line._replace(kind=FURNITURE_LINE, pattern="photo_caption")
        elif (found := match_furniture(flat)) is not None and found.role is FURNITURE_ROLE:
            out[i] = line._replace(kind=FURNITURE_LINE, pattern=found.name)
        elif line.kind is BODY_LINE and (
                (flat[-1] in "?\"”’'" and _is_headline_case(flat)) or _kicker_headline(flat)):
            out[i] = line._replace(kind=TITLE_LINE)  # a question headline in title case, wrapped after ``and``; an
            # opinion page's headline of two sentences under its kicker
        elif line.kind is TITLE_LINE and (signed := title_signature(flat)) is not None:
            out[i] = line._replace(byline=signed)  # ``Headline, By Integrity`` / ``Organisation``
    return out


@dataclass(slots=True)
class _Draft:
    title: Span
    start: int
    series: Span | None = None
    byline: Byline | None = None
    end: int = 0
    body: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    title_at: int = -1  # the index of its title line (-1: none, or a guessed title)
    series_at: int = -1
    evidence: bool = False  # a byline, credit, date or dateline came between its title and its body
    series_after_evidence: bool = False  # such a line came between its title and its series line
    attested: int = -1  # the index of the short line (title or series) the last such line came right after
    run: int = 0  # short lines dropped above its title (a menu: a run of more than two short lines)
    closed: bool = False  # a closing line (byline, credit, date, signature) came after its body
    headings: dict[int, str] = field(default_factory=dict)  # paragraph ordinal -> the subheading above it
    signed_body: int = -1  # how many paragraphs it had when the last signature under it was read
    reopened: int = -1  # how many paragraphs it had when more text came after a closing line
    markdown: bool = False
    cut: bool = False  # the text ends under its title (a page cut after a listing's or a letters page's headline)
    twice: bool = False  # its headline was printed twice, one line under the other (a listing's image and link)
    copied: bool = False  # its headline was printed again under its deck


_STAMP_OR_FURNITURE = frozenset({CREDIT_ROLE, FURNITURE_ROLE})  # (the roles of lines between a deck and a copy)
MAX_BETWEEN_COPIES = 3  # lines between a deck and the headline's copy under it, or between that and its byline
MAX_READ_MORE = 24  # a link to the rest of a teaser on a line of its own (``_TEASER_LINK``) closes a listing's item


# The patterns of a heading by its own form (not by where it stands): bold, a speaker's label, a letter's reference,
# a label and a colon.
MAX_DASHED_FURNITURE = 40  # (a longer line behind a dash is a thesis point's text)
MAX_DASHED_NAME = 45  # a name alone behind a dash: two to four words
MAX_DASHED_SIGNATURE = 80  # a name and a place or a post behind a dash, closing a letter
_HEADING_PATTERNS = frozenset({"bold_heading", "speaker_label", "letter_reference", "empty_field", "day_heading",
                               "numbered_heading"})
MAX_QUESTION_WORDS = 15
_SENT_BY_EMAIL = re.compile(r"(?:on|via|by)\s+e-?mail\.?", re.IGNORECASE)  # under a letter's signature
MAX_TEASER_PARAGRAPHS = 1  # a listing's teaser under its headline, cut with an ellipsis: one paragraph
_SEPARATORS = frozenset({"rule", "separator"})  # the patterns of a line drawn between two items
_CUT_ENDS = ("...", "…")  # a headline a listing cut to its width ends so (and no teaser's ``[…]``)
_TEASER_CUT_ENDS = (*_CUT_ENDS, "[…]", "[...]")  # ... and a teaser, cut
# A paragraph that opens on a pronoun for a person (``Earlier, he confirmed ...``, ``She had spent days ...``) goes
# on about someone named above it: no article starts so.
_REFERS_BACK = re.compile(r"(?:(?:earlier|later|meanwhile|still|also|but|and|however)\s*,?\s+)?(?:he|she|they|his|her"
                          r"|their)\b(?!['’])"
                          # or goes on from it (``Meanwhile, from the capital ...``)
                          r"|(?:meanwhile|however|moreover|furthermore|nevertheless|nonetheless|likewise|similarly"
                          r"|additionally|in\s+addition|even\s+so|that\s+said|on\s+the\s+other\s+hand|by\s+contrast"
                          r"|in\s+contrast|at\s+the\s+same\s+time|besides|also|still|instead|otherwise)\s*,",
                          re.IGNORECASE)
# The sections a statement or a release goes on with, under their own subheading.
_REPORT_SECTION = re.compile(
    r"(?:background|context|summary|conclusions?|notes?\s+(?:to|for)\s+editors?|editors?[’']?\s*notes?"
    r"|(?:quick|key|fast)\s+facts|key\s+(?:points|findings|messages)|next\s+steps|what\s+happens\s+next)\s*:?",
    re.IGNORECASE)
MIN_NAVIGATION_LINES = 2  # lines of a page's menus and tools between its site's name and the headline ...
MAX_NAVIGATION_WORDS = 10  # ... each a few words (``Print this page Reduce font size Increase font size``)
_PICTURE_PATTERNS = frozenset({"photo_caption", "image_caption", "image_credit", "photo_credit", "agency_photo"})
MIN_ITEMS_TWICE = 2  # a listing's items above its last, each with its headline printed twice and its teaser
MIN_TEASERS = 3  # a listing's headlines with a one-paragraph teaser each, read at first as one article's sections
# A metadata field naming where a text first ran, with its value on the next line (``PUBLISHED IN:`` /
# ``Financial Express``).
_SOURCE_LABEL = re.compile(r"(?:sources?|publication|(?:(?:originally|first)\s+)?(?:published|appeared)\s+in)\s*[:：]",
                           re.IGNORECASE)
MAX_SOURCE_WORDS = 6
MAX_SOURCE_LABEL = 40
# The first words of a page's metadata fields: ``Source:`` with nothing after it is an empty field, whatever follows.
_FIELD_WORDS = frozenset({
    "source", "sources", "author", "authors", "by", "editor", "editors", "date", "time", "tags", "tag", "category",
    "categories", "topics", "topic", "keywords", "photo", "photos", "image", "images", "video", "location", "filed",
    "posted", "published", "updated", "print", "share", "email", "e-mail", "from", "to", "subject", "reporter",
    "writer", "translator", "credit", "credits", "caption", "link", "links", "related", "read", "see", "event",
    "venue",
})
MAX_CONTACT_LINE = 80  # a name, a post or a number in a contact block
_CONTACT_PATTERNS = frozenset({"contact", "phone_numbers"})
_ADDRESS_PATTERNS = frozenset({"phone_numbers", "postal_address"})
MAX_CONTACT_WORDS = 7  # (a name and a post: ``Matt Furman/Frank McCarton (OEM) 212-442-2031``)
MIN_LINK_LIST = 4  # short lines in a row inside a body that are a list of links, not a subheading or a title
MIN_TAIL_LINKS = 2  # ... or dash-marked headlines in a row that end the text and share (next to) no word with it
# A label over other stories' teasers below an article's text (``Recommended Stories``, ``You might also like``).
_RELATED_LABEL = re.compile(
    r"(?:recommended(?:\s+\S.{0,30})?|related(?:\s+(?:news|stories|posts|articles|links|reading|content|coverage))?"
    r"|you\s+(?:may|might)\s+also\s+like|more\s+(?:stories|news|articles|from\s+\S.{0,30}|on\s+this\s+(?:story|topic))"
    r"|read\s+next|read\s+(?:more|also)(?=\s*:)|most\s+(?:read|popular|viewed|shared)"
    r"|trending(?:\s+(?:now|stories|news))?|don'?[’']?t\s+miss"
    r"|editor'?[’']?s\s+picks?)\s*:?", re.IGNORECASE)
MAX_SECTION_WORDS = 3  # a section name or menu item above a title (``Politics``, ``Latest News``) is as short
MIN_SECTION_ABOVE = 2  # paragraphs of an unsigned article above a short line read as its subheading
MAX_DATELINE_PREFIX = 40  # a lead's dateline before the words a teaser cut from it gives (``Dhaka: ``)
MIN_TOLD_HEADLINE = 2  # content words a short headline shares with its lead, where the line under it shares none
MIN_GOES_ON = 3  # content words a paragraph shares with the article above a line to go on with it
MAX_SUBHEADING_WORDS = 7  # a longer line that goes on with none of the article's words is a link to another story
MAX_DECK_WORDS = 40  # a standfirst under a headline sums the story up in a sentence or two
MAX_DECK_CHARS = 300  # (its length in characters, tested first)
_REPORTED = re.compile(r"\b(?:said|says|told)\b")  # a deck sums the story up; a lead reports who said what
MIN_RESTATED = 0.6  # ... and the lead under it gives this share of its content words again
MIN_DECK_KEYS = 4  # (of at least this many)
MAX_RESTATED_GAP = 2  # ... and more text follows the lead within this many lines (a picture's may come between)
MAX_SPEAKER_LABEL = 25  # a colon this near a line's start may end a speaker's label (``SS:``, ``PRIME MINISTER:``)
MAX_SPACING_DIFFERENCE = 8  # two copies of a line, the same but for their white space, differ this much in length
MAX_HEADER_PARAGRAPHS = 3  # the text of a page's header above its first heading or its article is no longer


def _line_start(line: Line) -> int:
    return line.line_start


def _same_words(a: str, b: str) -> bool:
    """``a`` and ``b`` are the same but for their white space (their lengths compared first: the test is made on
    every article's first paragraph)."""
    return abs(len(a) - len(b)) <= MAX_SPACING_DIFFERENCE and " ".join(a.split()) == " ".join(b.split())


_PICTURE_ROLES = frozenset({"photo", "photographer"})


def _is_picture_credit(line: Line) -> bool:
    """``line`` credits a picture and nothing else (``Kevin Frayer/Getty Images``, ``(Photo: PA)``)."""
    return line.kind is CREDIT_LINE and bool(line.credits) and all(
        c.role in _PICTURE_ROLES for c in line.credits)


def _words(span: Span | None) -> int:
    return len(span.text.split()) if span is not None else 0


MIN_CAPTION_CHARS = 40  # a photo's short caption, repeated at the start of its long one, is at least this long
MIN_CREDITED_CAPTION = 20  # ... or this long, where the long one only adds the photo's credit
MAX_CREDIT_TAIL = 80  # (a credit's length, at most)
_QUOTES = str.maketrans("‘’“”", "''\"\"")
MIN_SHARED_CAPTION = 80  # two lines in a row that open with the same this many characters: a caption given twice
MIN_REPEATED_CAPTION = 120  # ... or that are the same line, this long (a headline printed twice is shorter)


MIN_ITEM_STAMPS = 2  # a listing's stamps above its headlines: one is an article's date above its headline


def _heads_item(lines: list[Line], k: int) -> bool:
    """``lines[k]``, a stamp, stands right above a short line."""
    line = lines[k]
    if line.kind not in (CREDIT_LINE, DATE_LINE) or line.pattern is None or k + 1 >= len(lines):
        return False
    below = lines[k + 1]
    return below.kind is TITLE_LINE or (below.kind is BODY_LINE and len(below.span.text) <= MAX_TITLE_CHARS)


def _item_stamps(lines: list[Line]) -> set[int]:
    """The stamps that head a listing's items: the page's first line that is not furniture is a stamp (a date, a
    time, an agency's or section's stamp: ``News 2022-09-28T14:58:19Z``) right above a short line, its headline;
    every stamp of the same pattern right above a short line heads an item, when there are at least
    ``MIN_ITEM_STAMPS`` of them. (A stamp after a body otherwise closes the article above it.)"""
    first = next((k for k, line in enumerate(lines) if line.kind is not FURNITURE_LINE), None)
    if first is None or lines[first].kind not in (CREDIT_LINE, DATE_LINE) or not _heads_item(lines, first):
        return set()
    found = {k for k, line in enumerate(lines)
             if line.kind is lines[first].kind and line.pattern == lines[first].pattern and _heads_item(lines, k)}
    return found if len(found) >= MIN_ITEM_STAMPS else set()


MIN_DATED_TEASERS = 3  # a listing's headlines, each over its teaser that opens on the item's date
_MONTH_OPENERS = frozenset(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"))


def _dated_teaser_heads(lines: list[Line]) -> set[int]:
    """The headlines of a listing whose teasers open on their item's date (``EDITORIAL: When you are wrong, admit
    it!`` / ``August 27, 2021 We ran an editorial on ...``): lines of one sentence, short enough for a headline, each
    right above a paragraph that opens on a date and goes on in capitals, when there are at least
    ``MIN_DATED_TEASERS`` of them (a headline ending like a sentence, ``?`` or ``!``, reads as text alone)."""
    found = set()
    for k, (line, below) in enumerate(pairwise(lines)):
        text = below.span.text
        if ((text[0].isdigit() or text[:3] in _MONTH_OPENERS) and below.kind in (BODY_LINE, CREDIT_LINE)
                and line.kind in (BODY_LINE, TITLE_LINE) and len(line.span.text) <= MAX_LISTED_HEADLINE
                and (stamp := STAMP.match(text)) is not None
                and (after := text[stamp.end() : stamp.end() + 2])[:1] == " " and after[1:].isupper()
                and STAMP.match(line.span.text) is None
                and len(split_sentences(line.span.text)) == 1):
            found.add(k)
    return found if len(found) >= MIN_DATED_TEASERS else set()


def _repeated_captions(lines: list[Line]) -> set[int]:
    """The lines of a photo's caption given twice in a row: short then long (the image's text, then its caption
    with the date and the photographer's credit: a line of ``MIN_CAPTION_CHARS`` or more, not ending like a
    sentence, that the next line starts with and goes on from, quotes folded), or two versions that open with the
    same ``MIN_SHARED_CAPTION`` characters (one clipped or reworded near its end, or the same long line twice)."""
    texts = [line.span.text for line in lines]
    found: set[int] = set()
    # the cheap tests first, in one pass: most lines are not captions
    for i in [i for i, (first, second) in enumerate(pairwise(texts))
              if first[0] == second[0] and len(first) >= MIN_CREDITED_CAPTION and first[:4] == second[:4]]:
        if (not (lines[i].heading or lines[i + 1].heading) and _caption_twice(texts[i], texts[i + 1])
                and not (i + 2 < len(lines) and lines[i + 2].kind is DATELINE_LINE)):  # (a headline twice, then
            found.update((i, i + 1))  # its dateline: ``NAY PYI TAW May 6``)
    return found


_CAPTION_TAIL = re.compile(r"\b(?:19|20)\d\d\b")  # the year of a caption's date


def _caption_twice(first: str, second: str) -> bool:
    if (first[-1] in _TERMINAL and second.startswith(first) and len(second) - len(first) <= MAX_CREDIT_TAIL
            and caption_credit(second) is not None):
        return True  # the caption, then the caption with its credit (``... in Guadalajara.David Ramos (Getty Images)``)
    if len(first) < MIN_CAPTION_CHARS:
        return False
    short = first[:-1] if first[-1] == "." else first  # (``... in Sylmar, California.``, then ``... California on``)
    if len(second) > len(first) and short[-1] not in _TERMINAL and second[len(short)] != "." and (
            second[:MIN_CAPTION_CHARS].translate(_QUOTES) == short[:MIN_CAPTION_CHARS].translate(_QUOTES)) and (
            second[: len(short)].translate(_QUOTES) == short.translate(_QUOTES)) and (
            short is first or _CAPTION_TAIL.search(second, len(short)) is not None or caption_credit(second)) and (
            second[len(short):].strip(_CLOSERS_OR_SPACE + _TERMINAL) != ""):
        # (after a sentence, the longer one goes on with a dated year or a credit: a caption's; a headline given
        # again with a question mark, ``What lessons can Ireland learn from the 2015/16 floods?``, goes on with none)
        return True
    # (two paragraphs end like sentences; a headline may be printed twice, or as the page's title, ``... | News``,
    # then alone)
    return (len(first) >= MIN_SHARED_CAPTION and first[:MIN_SHARED_CAPTION] == second[:MIN_SHARED_CAPTION]
            and (first[-1] not in _TERMINAL or second[-1] not in _TERMINAL)
            and (first != second or len(first) >= MIN_REPEATED_CAPTION)
            and not (first != second and _repeats_headline(second, first)))


_HEADING_OF = attrgetter("heading")


def _left_unsigned(draft: _Draft | None) -> None:
    """``draft``, left for the next article, has text and no byline: warning ``no_byline``."""
    if draft is not None and draft.byline is None and draft.body:
        draft.warnings.append("no_byline")


def _sign(draft: _Draft, byline: Byline) -> None:
    """``byline``, found after the pass, is ``draft``'s: no longer warned of as missing."""
    draft.byline = byline
    if "no_byline" in draft.warnings:
        draft.warnings.remove("no_byline")


def _lone_untitled(draft: _Draft) -> bool:
    """``draft`` is one paragraph with no title and no byline."""
    return len(draft.body) == 1 and draft.title_at < 0 and not draft.title.text and draft.byline is None


class _Grouping:
    """Lines -> draft articles, and every line's role and article (``group_lines``)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.roles: list[Role] = [FURNITURE_ROLE] * len(lines)
        self.owners: list[_Draft | None] = [None] * len(lines)
        self.drafts: list[_Draft] = []
        self.cur: _Draft | None = None
        self.pending_credits: list[Credit] = []
        self.pending_heading: str | None = None
        self.markdown = any(map(_HEADING_OF, lines))  # then titles are marked: only a heading is one
        self.signed_at: int | None = None  # the last line read as a letter's signature
        self.links_until = -1  # the lines before this index are a list of links inside a body (``_link_list``)
        self.items_until = -1  # ... of which those before this index are the items of a list a paragraph leads into
        self.at_text: dict[str, list[int]] | None = None  # where each line's text stands (``_chrome_again``)
        self.contacts_until = -1  # ... the names, posts and numbers under a ``Contact:`` label (``_contact``)
        self.captions = _repeated_captions(lines)
        self.openers = _item_stamps(lines)
        self.dated_heads = _dated_teaser_heads(lines)
        self.byline_labels: list[int] = []  # the lines of a byline's label over the name (``_byline_field``)
        self.letter_signatures: set[int] = set()  # the writers' names in a column of short letters

    # ---------------------------------------------------------------------------------------- helpers
    def _set(self, i: int, role: Role, draft: _Draft | None) -> None:
        self.roles[i] = role
        self.owners[i] = draft

    def _ahead(self, i: int) -> tuple[int, bool]:
        """The index of the next line that is not furniture or a closing line, and whether a byline, credit,
        date or dateline comes before it."""
        j, evidence = i + 1, False
        while j < len(self.lines) and self.lines[j].kind in _NON_TEXT_KINDS:
            evidence = evidence or self.lines[j].kind in _EVIDENCE_KINDS
            j += 1
        return j, evidence

    def _source_field(self, i: int, line: Line) -> bool:
        """``line`` is a source field's label (``PUBLISHED IN:``) with its value on the next line (a publication's
        name, ``Financial Express``): both are credits, the value the article's source. Else False."""
        value = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if (value is None or len(line.span.text) > MAX_SOURCE_LABEL or not _SOURCE_LABEL.fullmatch(line.span.text)
                or value.kind is not TITLE_LINE or value.pattern is not None
                or len(value.span.text.split()) > MAX_SOURCE_WORDS):
            return False
        # (read from here on as credit lines: the value is a closing line for what looks ahead)
        self.lines[i] = line._replace(kind=CREDIT_LINE, credits=(), pattern="source_field")
        self.lines[i + 1] = value._replace(kind=CREDIT_LINE, pattern="source_field", byline=None, credits=(
            Credit("source", value.span.text, value.span.text),))
        self._closing(i, self.lines[i])
        return True

    def _byline_field(self, i: int, line: Line) -> bool:
        """``line`` is a byline's label alone (``By``, ``Written by``, ``Author:``) with the writer's name on the
        next line, as a page prints the two in separate boxes: the name is the byline (``lines[i + 1]`` read as a
        byline line from here on), and the label takes its role. Else False."""
        value = self.lines[i + 1] if i + 1 < len(self.lines) else None
        label = line.span.text.rstrip(":： ").lower()
        if value is None or label not in _BYLINE_LABEL_ROLES or value.kind not in (TITLE_LINE, BODY_LINE) or (
                value.pattern is not None):
            return False
        name = _HONOURS.sub("", " ".join(value.span.text.split()))
        if not _is_name(name):
            return False
        self.lines[i + 1] = value._replace(kind=BYLINE_LINE, byline=Byline(
            line=f"{line.span.text} {value.span.text}", name=name, role=_BYLINE_LABEL_ROLES[label]))
        self.byline_labels.append(i)
        self._set(i, FURNITURE_ROLE, self.cur)  # (until the name is read)
        return True

    def _signature_ends_above(self, i: int) -> bool:
        """``lines[i - 1]`` ends a signature: the name, or the writer's town under it (not a post, which more
        lines of the signature may follow: ``President`` / ``The People's Republic of China``)."""
        above = self.lines[i - 1].span.text
        return self.roles[i - 1] is SIGNATURE_ROLE and (self.signed_at == i - 1 or (
            _is_place(above) and _POST_WORDS.isdisjoint(above.lower().replace(",", " ").split())))

    def _text_above(self, i: int, cur: _Draft) -> bool:
        """Above ``lines[i]``, past any page furniture, is ``cur``'s text."""
        k = i - 1
        while k >= 0 and self.roles[k] is FURNITURE_ROLE:
            k -= 1
        return k >= 0 and self.roles[k] is BODY_ROLE and self.owners[k] is cur

    def _letter_follows(self, i: int) -> bool:
        """The next text under ``lines[i]`` opens a letter (``To the editor: ...``, ``Sir, ...``)."""
        j, _ = self._ahead(i)
        return j < len(self.lines) and self.lines[j].kind is BODY_LINE and (
            _opens_a_letter(self.lines[j]))

    def _text_follows(self, i: int) -> bool:
        """Body text is the next line after ``lines[i]`` that is not furniture or a closing line."""
        j, _ = self._ahead(i)
        return j < len(self.lines) and self.lines[j].kind is BODY_LINE

    @staticmethod
    def _attest(draft: _Draft) -> None:
        """A byline, credit, date or dateline under ``draft``'s title: it attests the short line above it."""
        draft.evidence = True
        draft.attested = draft.series_at if draft.series_at >= 0 else draft.title_at

    def _open(self, title: Span, start: int, at: int, warnings: list[str] | None = None) -> _Draft:
        self.cur = _Draft(title=title, start=start, end=title.char_end, warnings=warnings or [],
                          credits=self.pending_credits.copy(), title_at=at, evidence=bool(self.pending_credits))
        self.pending_credits.clear()
        self.pending_heading = None
        self.drafts.append(self.cur)
        return self.cur

    def _signature_follows(self, i: int) -> bool:
        """``lines[i]`` reads as a name and only closing lines (dates, credits, furniture, more title-like
        lines of a signature block) follow it before the end or the next title."""
        line = self.lines[i]
        if _PSEUDONYM.fullmatch(line.span.text) is None:
            signed = _signed_as(line.span.text)
            if not (_SIGNATURE.fullmatch(ascii_letters(signed)) and len(line.span.text) <= MAX_SIGNATURE_LINE):
                return False
            named = name_case(line.span.text)
            if not _NOT_NAME_WORDS.isdisjoint(named.replace(",", " ").split()) or (
                    line.span.text.isupper() and _is_place_name(named)):
                return False  # (``THE WHITE HOUSE`` is no one's name either, nor ``NEW YORK`` over a brief)
            if self._given_again(i):
                return False  # a listing's category tag over each item (``Storm Season``): no one signs twice
        if i > 0 and self.lines[i - 1].pattern == "valediction":
            return True  # under ``Yours truly,``: the letter's signature, whatever stands under it (a sidebar)
        if i > 0 and self.lines[i - 1].kind is BODY_LINE and self.lines[i - 1].span.text.endswith(_CUT_ENDS):
            return False  # under a teaser cut short (``... it's potentially...``): no letter ends so
        j, _ = self._ahead(i)
        if j == len(self.lines):
            return True
        nxt = self.lines[j]
        if nxt.kind is BODY_LINE and j == i + 1 and self._signs_between_letters(i):
            return True
        if nxt.kind is BODY_LINE and _opens_a_letter(nxt) and all(
                self.lines[m].kind in (FURNITURE_LINE, CREDIT_LINE) for m in range(i + 1, j)):
            # the next letter, under the same heading, opens on the article it answers or on ``Sir,`` (a rule or
            # the note on the writer between them: ``..``, ``The writer is ...``)
            return True
        if nxt.kind is BODY_LINE and j == i + 1 and _is_place_line(nxt):
            k, _ = self._ahead(j)  # the writer's town with a full stop (``St. Petersburg, Fla.``), then the end,
            return k == len(self.lines) or self.lines[k].kind is TITLE_LINE or (  # a title or the next letter
                self.lines[k].kind is BODY_LINE and _opens_a_letter(self.lines[k]))
        if nxt.kind is not TITLE_LINE:
            return False
        k, _ = self._ahead(j)  # the signature's second line (a title, a place), then nothing or a new title
        if k == len(self.lines) and j == i + 1 and self.cur is not None and not _content_keys(
                line.span.text).isdisjoint(_content_keys(self.cur.title.text)):
            return False  # a listing's next headline, cut under its deck, shares words with the one above it
        if k == len(self.lines) or self.lines[k].kind is TITLE_LINE or (
                any(self.lines[m].kind is DATE_LINE for m in range(i + 1, j))):
            return True
        # A name right after a body, then a title and its body: the letter's signature, then the next letter (a
        # section's name in the same place is no person's: ``World News``).
        # (A headline in title case shares its words with the story below it: ``Yet Another Quake Hits
        # Christchurch`` over ``... earthquakes and aftershocks to hit Christchurch``.)
        # (Nor is a name-like line over an item stamped with its date under its headline: a listing's tag.)
        return (j == i + 1 and self.lines[k].kind is BODY_LINE
                and (self.lines[k - 1].kind is not DATE_LINE or _opens_a_letter(self.lines[k]))
                and _SECTION_WORDS.isdisjoint(line.span.text.replace(",", " ").split())
                and len(_content_keys(line.span.text) & _content_keys(
                    f"{nxt.span.text} {self.lines[k].span.text}")) < MIN_SHARED_WORDS)

    def _dateline_under(self, i: int) -> bool:
        """The paragraph under ``lines[i]`` opens on a dateline (``MANILA, Philippines — Cyclone Egay ...``) and
        ``lines[i]`` does not: a story starts under it, so ``lines[i]``, a sentence short enough for a headline, is
        that story's headline (a dateline opens a story's first paragraph, never one inside it)."""
        if i + 1 == len(self.lines):
            return False
        below = self.lines[i + 1]
        text = below.span.text
        return (below.kind is BODY_LINE and text[1:2].isupper() and _DATELINE_START.match(text) is not None
                and _DATELINE_START.match(self.lines[i].span.text) is None
                and len(split_sentences(self.lines[i].span.text)) == 1)

    def _signs_between_letters(self, i: int) -> bool:
        """``lines[i]``, between two paragraphs, is the signature of the letter above it, the next letter under it
        (letters with no headline of their own, under one heading): a writer's name alone, with a courtesy title in
        brackets (``Kho Kwang Po (Dr)``) or the writer's town (``Susan Fraser, Toronto``), or over the town on a
        line of its own (``J. Brotnov`` / ``Fresno, Calif.``); given once on the page, under a finished sentence,
        and between texts that do not name the writer (a subheading that names someone introduces them)."""
        line, above, below = self.lines[i], self.lines[i - 1], self.lines[i + 1]
        cur = self.cur
        if (cur is None or not cur.body or above.kind is not BODY_LINE or line.span.text.isupper()
                or above.span.text.rstrip(_CLOSERS_OR_SPACE)[-1:] not in _TERMINAL or self._given_again(i)):
            return False
        name, _, place = _BRACKETED_TITLE.sub("", line.span.text).partition(",")
        if not (_is_name(name.strip()) and (not place or _is_place(place.strip()))) or _is_place_name(name):
            return False
        if (not place and not _is_place_line(below) and name == line.span.text
                and (cur.byline is None or cur.byline.role != "signatory")):
            # (a name alone over the text, before any letter was signed: a speaker's, or the person a profile
            # introduces)
            return False
        # (nor a picture's credit under its caption, which names the photographer's organisation: ``Alicia
        # Melville-Smith, Libyan Red Crescent`` under ``Libyan Red Crescent emergency teams are responding ...``)
        return _content_keys(name).isdisjoint(_content_keys(below.span.text)) and _content_keys(
            line.span.text).isdisjoint(_content_keys(above.span.text))

    # ---------------------------------------------------------------------------------------- the pass
    def run(self) -> list[_Draft]:
        roles, owners = self.roles, self.owners
        for i, line in enumerate(self.lines):
            kind = line.kind
            if i < self.links_until or i in self.captions:
                if i < self.items_until and i not in self.captions:
                    self._text(i, line)  # an item of the list the paragraph above leads into
                else:
                    self._set(i, FURNITURE_ROLE, self.cur)
            elif i < self.contacts_until:
                self._contact(i, line)
            elif (self.dated_heads and i in self.dated_heads) or line.pattern == "linked_headline":
                self._new_item(i, line)
            elif kind is BODY_LINE and line.span.text[-1] in "?!\"”’'" and self._question_title(i):
                self._title(i, line)
            elif kind is BODY_LINE and self.cur is not None and self.cur.body:  # the hot path: more of a body
                text = line.span.text
                if text[-1] == "," and self._comma_signature(i):
                    self._signature(i, line)
                elif self.signed_at == i - 1 and (_is_place_line(line) or _SENT_BY_EMAIL.fullmatch(text)):
                    self._signature(i, line)  # the town under a letter's signature, with a full stop (or how it came)
                    self.signed_at = None
                elif len(text) <= MAX_SIGNATURE_LINE and _signed_from_town(text):
                    self._signature(i, line)
                elif (len(text) <= MAX_ADDRESS_SIGNATURE and text[-1] == "." and "," in text
                      and (i + 1 == len(self.lines) or self.lines[i + 1].kind is TITLE_LINE
                           or self.lines[i + 1].span.text[-1] == "?")  # (over the next letter's headline)
                      and (writer := _signed_with_address(text)) is not None):
                    self._signature(i, line, writer)
                elif len(text) <= MAX_LISTED_HEADLINE and self._dateline_under(i):
                    self._title(i, line)  # a listing's headline in a sentence, over its teaser's dateline
                else:
                    self._append(self.cur, line)
                    roles[i], owners[i] = BODY_ROLE, self.cur
            elif kind is DASH_LINE and self.cur is not None and self.cur.body:  # more of a body: a thesis point
                if self._dashed_signature(i):
                    self._signature(i, line)
                elif line.span.text[-1] not in _ENDS_NO_TITLE and self._headline_list(i):
                    self._set(i, FURNITURE_ROLE, self.cur)
                else:
                    self._append(self.cur, line)
                    roles[i], owners[i] = THESIS_POINT_ROLE, self.cur
            elif kind is DASH_LINE:
                self._text(i, line)
            elif self.openers and i in self.openers:
                self._opener(i, line)
            elif self.openers and kind is BODY_LINE and i - 1 in self.openers:
                self._title(i, line)  # a listing's headline under its stamp, in one or two sentences
            elif kind in (CREDIT_LINE, END_LINE, DATE_LINE):
                self._closing(i, line)
            elif kind is FURNITURE_LINE:
                if line.pattern == "empty_field" and self._source_field(i, line):
                    pass  # (it and the line under it read as credits there)
                elif line.pattern == "empty_field" and self._byline_field(i, line):
                    pass  # (the name under it reads as the byline there)
                elif line.pattern == "empty_field" and self._letter_topics(i):
                    self._title(i, self.lines[i])  # (read as a headline from here on)
                elif line.pattern == "empty_field" and self._lead_in(i):
                    if self.cur is None:  # a transcript with no headline: the first speaker heads an untitled text
                        self._open(Span(line.line_start, line.line_start, ""), line.line_start, -1)
                    self._heading(i, line)  # ``Chen Wenjun:``, ``Speakers:`` above the text they introduce
                elif line.pattern == "empty_field" and _HEADLINE_RECALLED.fullmatch(line.span.text):
                    self._set(i, FURNITURE_ROLE, self.cur)  # ``You just read:``, and the headline recalled under it
                    self.links_until = i + 2
                elif line.pattern in ("link", "empty_field") and self._related_block(i):
                    self._set(i, FURNITURE_ROLE, self.cur)  # (and the teasers under it, as furniture)
                elif line.pattern == "copyright" and self.cur is not None and self.owners[i - 1] is self.cur and (
                        roles[i - 1] in (BODY_ROLE, CREDIT_ROLE, THESIS_POINT_ROLE)) and not _YEARS.search(
                        line.span.text):
                    # right under an article's text or credits, of one year (``(c) 2017, Washington Post Writers
                    # Group``): the article's copyright; a site's spans the site's years (``© 2010-2019``)
                    self.cur.credits.append(Credit("copyright", line.span.text, line.span.text))
                    self._set(i, CREDIT_ROLE, self.cur)
                else:
                    self._set(i, FURNITURE_ROLE, self.cur)
            elif kind is DATELINE_LINE:
                if (self.cur is not None and self.cur.body and roles[i - 1] is BODY_ROLE
                        and self.owners[i - 1] is self.cur and _signed_in_capitals(line.span.text)):
                    self._signature(i, line)  # ``BOB GROSS, Columbia Heights`` under a letter: no story opens there
                else:
                    if self.cur is not None and not self.cur.body:
                        self._attest(self.cur)
                    self._set(i, DATELINE_ROLE, self.cur)
            elif kind is BYLINE_LINE:
                if self.signed_at == i - 1 and self.cur is not None and _is_post(line.span.text):
                    self._signature(i, line)  # the writer's post under a letter's signature, no byline's name
                else:
                    self._byline(i, line)
            elif kind is TITLE_LINE:
                if line.pattern == "speaker_label" and self._source_field(i, line):
                    pass  # (it and the line under it read as credits there)
                elif len(line.span.text) <= MAX_BYLINE_LABEL and self._byline_field(i, line):
                    pass  # (the name under it reads as the byline there)
                elif i in self.letter_signatures:
                    self._signature(i, line)
                elif self.signed_at == i - 1 and _is_place(line.span.text) and not (
                        _signed_with_town(self.lines[i - 1].span.text) and i + 1 < len(self.lines)
                        and self.lines[i + 1].kind is BODY_LINE):
                    self._signature(i, line)  # the town under a letter's signature
                    self.signed_at = None  # (and no more than one line of it)
                elif self.signed_at == i - 1 and _SENT_BY_EMAIL.fullmatch(line.span.text):
                    self._signature(i, line)  # how the letter came, under its signature (``By email``)
                    self.signed_at = None
                elif self._names_the_byline_below(i, line):
                    self._set(i, FURNITURE_ROLE, self.cur)  # the writer's picture's name over the writer's byline
                else:
                    self._title(i, line)
            else:
                self._text(i, line)
        for i in self.byline_labels:  # a byline's label goes where its name went
            self._set(i, self.roles[i + 1], self.owners[i + 1])
        self._finish()
        return self.drafts

    def _names_the_byline_below(self, i: int, line: Line) -> bool:
        """``line`` is the name that the byline under it gives (``Charles Onyango-Obbo`` / ``By Charles
        Onyango-Obbo``): the label of the writer's picture, no headline."""
        below = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return (below is not None and below.kind is BYLINE_LINE and below.byline is not None
                and " ".join(line.span.text.split()) == below.byline.name)

    def _link_list(self, i: int) -> bool:
        """``lines[i]`` starts a list of links inside an article's body (a related-stories box): at least
        ``MIN_LINK_LIST`` short lines in a row, with no byline, credit, date or dateline among or under them, and
        the body going on below them (or the end). Marks them all as furniture for the pass."""
        j = self._link_list_end(i)
        if j < 0:
            return False
        k = next((m for m in range(j, len(self.lines)) if self.lines[m].kind is not FURNITURE_LINE), len(self.lines))
        if k < len(self.lines) and _opens_a_letter(self.lines[k]) and _is_name(self.lines[i].span.text):
            return False  # a letter's signature block (name, post, town) over the next letter's ``SIR –``
        self.links_until = j
        return True

    def _link_list_end(self, i: int) -> int:
        """Where the list of links that starts at ``lines[i]`` ends (``_link_list``), or -1: none starts there."""
        j = i
        while j < len(self.lines) and self.lines[j].kind is TITLE_LINE and not self.lines[j].heading:
            j += 1
        k = j  # (a link's furniture may stand between the list and the text: ``Video Courtesy: RNZ``)
        while k < len(self.lines) and self.lines[k].kind is FURNITURE_LINE:
            k += 1
        if j - i < MIN_LINK_LIST or (k < len(self.lines) and self.lines[k].kind is not BODY_LINE):
            return -1
        return j

    def _related_block(self, i: int) -> bool:
        """``lines[i]``, a label of related stories (``Recommended Stories``, ``You might also like``) below an
        article's text, heads other stories' teasers: the lines below it are furniture for the pass, up to two
        lines of text in a row or a headline over a byline or a dateline (more of this article, or another one).
        Else False: nothing below it is a teaser, or a list of links is (read as one by ``_link_list``)."""
        lines = self.lines
        if not _RELATED_LABEL.fullmatch(lines[i].span.text) or not any(d.body for d in self.drafts):
            return False
        if self._link_list_end(i + 1) >= 0:
            return False  # a list of links, the text going on below it
        j = next((k for k, (line, below) in enumerate(pairwise(lines[i + 1 :]), i + 1)
                  if (line.kind is BODY_LINE and below.kind is BODY_LINE)
                  or (line.kind is TITLE_LINE and below.kind in (BYLINE_LINE, DATELINE_LINE))), len(lines))
        if j == i + 1:
            return False
        self.links_until = j
        return True

    def _headline_list(self, i: int) -> bool:
        """``lines[i]`` starts a list of dash-marked headlines inside a body (a box of the latest stories: ``-
        Freedom fighter dies``, ``- Record spike in cases``): at least ``MIN_LINK_LIST`` in a row, each of more
        words than a label and none ending like a sentence, as a thesis point would. Marks them as furniture for
        the pass."""
        if i > 0 and self.lines[i - 1].span.text.rstrip(_CLOSERS_OR_SPACE)[-1:] in ":：":
            return False  # a list the text announces (``Stay out of the heat:``): the text's points
        j = i
        while (j < len(self.lines) and self.lines[j].kind is DASH_LINE and is_title_like(self.lines[j].span.text)
               and _words(self.lines[j].span) > MAX_SECTION_WORDS):
            j += 1
        if j - i < MIN_LINK_LIST and not (j - i >= MIN_TAIL_LINKS and self._unrelated_tail(i, j)):
            return False
        self.links_until = j
        return True

    def _unrelated_tail(self, i: int, j: int) -> bool:
        """The dash-marked headlines ``lines[i:j]`` end the text (nothing but furniture under them) and each shares
        fewer than ``MIN_SHARED_WORDS`` words with the article above them: the latest stories' links at a page's
        foot (``- Domestic single-dose flu drug approved`` under a story on floods), not its thesis points."""
        cur = self.cur
        if (cur is None or any(line.kind is not FURNITURE_LINE for line in self.lines[j:])
                or self.lines[i - 1].span.text.rstrip(_CLOSERS_OR_SPACE)[-1:] in ":："):
            return False  # (a list the text announces: ``Residents should:``)
        told = _content_keys(" ".join([cur.title.text, *(line.span.text for line in cur.body)]))
        return all(len(_content_keys(line.span.text) & told) < MIN_SHARED_WORDS for line in self.lines[i:j])

    def _list_item(self, i: int, cur: _Draft) -> bool:
        """``lines[i]``, a bulleted line in the shape of a headline, is an item of a list in ``cur``'s text, not a
        related link: the body line right above it announces the list (``The agency gave this advice:``) or is
        an item of it (bulleted too)."""
        above = self.lines[i - 1]
        if self.owners[i - 1] is not cur or self.roles[i - 1] is not BODY_ROLE:
            return False
        return (above.pattern == "title_bullet" or (above.marker is not None and above.marker in BULLETS)
                or above.span.text.rstrip(_CLOSERS_OR_SPACE)[-1:] in ":：")

    def _letter_at(self, k: int) -> bool:
        """A short letter at ``lines[k]``: a topic and a colon alone, one paragraph, a short line that ends no
        sentence (the writer's name; the text's last line is read as the end of a paragraph before this)."""
        lines = self.lines
        return (k + 2 < len(lines) and lines[k].kind in (FURNITURE_LINE, TITLE_LINE)
                and lines[k].pattern in ("empty_field", "letter_topic") and lines[k + 1].kind is BODY_LINE
                and lines[k + 2].kind in (TITLE_LINE, BODY_LINE) and lines[k + 2].pattern is None
                and len(lines[k + 2].span.text) <= MAX_SIGNATURE_LINE
                and lines[k + 2].span.text[-1] not in _TERMINAL)

    def _letter_topics(self, i: int) -> bool:
        """``lines[i]``, a topic and a colon alone (``Natural disasters:``), heads the first of a column of short
        letters, each a topic, one paragraph and the writer's name: the topics are the letters' headlines (read as
        title lines from here on). Else False."""
        if not (self._letter_at(i) and self._letter_at(i + 3)):
            return False
        k = i
        while self._letter_at(k):
            self.lines[k] = self.lines[k]._replace(kind=TITLE_LINE, pattern="letter_topic")
            self.lines[k + 2] = self.lines[k + 2]._replace(kind=TITLE_LINE)
            self.letter_signatures.add(k + 2)
            k += 3
        return True

    def _lead_in(self, i: int) -> bool:
        """``lines[i]``, a label and a colon alone (``Chen Wenjun:``), introduces the text right below it inside
        an article: a speaker's turn in a transcript, a list's label; with no text below it is an empty field.
        In a text with no headline, a person's or a paper's name so given (``China Daily:`` / ``Tang Fangyu:``)
        heads a speaker's turn."""
        text = self.lines[i].span.text.rstrip(":： ")
        label = text.split()
        if not (i + 1 < len(self.lines) and self.lines[i + 1].kind in (BODY_LINE, DASH_LINE) and label
                and label[0].lower() not in _FIELD_WORDS):
            return False
        cur = self.cur
        return (cur is not None and bool(cur.title.text)) or (
            (cur is None or (cur.title_at < 0 and bool(cur.body))) and not self.markdown and _is_name(text))

    def _picture_text(self, i: int, cur: _Draft) -> bool:
        """The line above the title at ``i`` is the text of its story's picture on a listing (``Images of the
        Beaufort fire.``), not a paragraph: one line of body, read after ``cur`` was closed (by a byline or a
        credit) or as all of a text with no title, right above the headline."""
        above = self.lines[i - 1] if i else None
        if above is None or not cur.body or cur.body[-1] is not above or above.kind is not BODY_LINE:
            return False
        if cur.reopened == len(cur.body) - 1:
            return True
        # (the first article may open untitled, headed by a page title)
        return (_lone_untitled(cur) and cur is not self.drafts[0]
                and not cur.credits and (j := self._ahead(i)[0]) < len(self.lines)
                and self.lines[j].kind in (BODY_LINE, DASH_LINE))

    def _byline_of(self, i: int, line: Line, cur: _Draft) -> None:
        """``line`` names ``cur``'s writer, after its text: its byline, which closes it."""
        name = " ".join(line.span.text.split())
        cur.byline, cur.end = Byline(line=line.span.text, name=name, role="author"), line.span.char_end
        self.cur = None
        self._set(i, BYLINE_ROLE, cur)

    def _source_of(self, i: int, line: Line, cur: _Draft) -> None:
        """``line`` names ``cur``'s source where a writer's name would stand, after its text: a credit, which closes
        it."""
        name = " ".join(line.span.text.split())
        cur.credits.append(Credit("source", name, line.span.text))
        cur.end = line.span.char_end
        self.cur = None
        self._set(i, CREDIT_ROLE, cur)

    def _dashed_signature(self, i: int) -> bool:
        """``lines[i]``, a dash line under a text, is a letter's signature behind a dash, with a place or a post
        after a comma (``—Darlene Tussing, Tempe``), where no text of the letter follows it (the end, a headline,
        the page's furniture), or a name alone over the next headline or a rule: no thesis point. (Under a
        quotation with more text below, a dash and a name with a post names who said it.)"""
        text = self.lines[i].span.text
        if len(text) > MAX_DASHED_SIGNATURE:
            return False
        j = i + 1
        if "," not in text:  # a name alone (``— Githaiga Kairu``), over the next letter's headline or a rule (at
            # the end of a page, a quotation's source: ``- Frederick Douglass``)
            return _is_name(text) and j < len(self.lines) and (self.lines[j].kind is TITLE_LINE or (
                self.lines[j].kind is FURNITURE_LINE and self.lines[j].pattern in _SEPARATORS))
        if not _is_name(text[: text.index(",")].strip()):
            return False
        return j == len(self.lines) or self.lines[j].kind not in (BODY_LINE, DASH_LINE)

    def _comma_signature(self, i: int) -> bool:
        """``lines[i]`` closes a letter: a name and a comma alone on a line after the letter's body, followed by
        the end, a title, or a short line (the writer's town)."""
        text = self.lines[i].span.text
        cur = self.cur
        if cur is None or not cur.body or len(text) > 60 or not _COMMA_SIGNATURE.fullmatch(text):
            return False
        words = text.rstrip(", ").split()
        if not (_NOT_NAME_WORDS.isdisjoint(words) and _NOT_SIGNATURE_WORDS.isdisjoint(words)):
            return False
        j, _ = self._ahead(i)
        if j < len(self.lines) and _SENT_BY_EMAIL.fullmatch(self.lines[j].span.text):
            return True  # ``Vyom Prakash,`` / ``On email.``: the letter came by e-mail, whatever follows
        if j < len(self.lines) and _is_place_line(self.lines[j]):  # the town under it: ``Guwahati.``
            j, _ = self._ahead(j)
        return j == len(self.lines) or self.lines[j].kind is TITLE_LINE

    def _question_title(self, i: int) -> bool:
        """A short question or exclamation on a line of its own is a title (``Can China eradicate poverty?``,
        ``Don't wait for another disaster!``), not a paragraph,
        when a byline, credit or date stands under it, or when it opens the document and a deck (a short line)
        stands under it (``Hurricane season is here. How will FEMA respond?``), or text in a document with no other
        line a title could be (``Transcript: Is India ready for the next big disaster?``), or, over text, when the
        article above it was just closed (``_closed_above``) or a letter's opening stands under it (``Dear
        Editor,``)."""
        text = self.lines[i].span.text
        if len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_QUESTION_WORDS or not text.rstrip(
                _CLOSERS_OR_SPACE).endswith(("?", "!")):
            return False
        j, evidence = self._ahead(i)
        if evidence and text.rstrip(_CLOSERS_OR_SPACE)[-1] == "?":
            return True  # (an exclamation over a stamp is as often a notice's: only one opening the text is a title)
        if i + 1 < len(self.lines) and self.lines[i + 1].pattern == "salutation":
            return True  # over a letter's salutation on its own line (``Dear Editor,``)
        if j == i + 1 < len(self.lines) and self.lines[j].kind in (BODY_LINE, DASH_LINE) and (
                self._closed_above(i) or _opens_a_letter(self.lines[j])):
            return True  # the next letter's or item's headline, over its text (or over ``Dear Editor,``)
        if self.drafts or j != i + 1 or j == len(self.lines):
            return False
        below = self.lines[j]
        # a deck under it; or text, in a document that has no other line a title could be
        return (below.kind is TITLE_LINE and not below.pattern) or (
            below.kind in (BODY_LINE, DASH_LINE) and not any(line.kind is TITLE_LINE for line in self.lines))

    def _cut_headline_above(self, i: int, cur: _Draft) -> bool:
        """``lines[i - 1]``, read as the last paragraph of ``cur`` and ending with a cut, is the next item's
        headline, cut to a listing's width (``Aiyaz 'trying to mislead the people' over use of term Fijian,...``),
        over its byline at ``i``."""
        last = cur.body[-1]
        text = last.span.text
        return (self.owners[i - 1] is cur and last.line_start == self.lines[i - 1].line_start
                and len(text) <= MAX_TITLE_CHARS and len(text.split()) <= MAX_QUESTION_WORDS
                and len(cur.body) - 1 not in cur.headings)

    def _caption_over_credit(self, i: int) -> bool:
        """``lines[i]`` is a picture's caption: over the picture's credit, with text under it."""
        return (i + 2 < len(self.lines) and _is_picture_credit(self.lines[i + 1])
                and self.lines[i + 2].kind in (BODY_LINE, DASH_LINE))

    def _closed_above(self, i: int) -> bool:
        """Right above ``lines[i]`` (and any rule drawn there) an article with text was closed: by its signature,
        by a credit under its text, or by the ellipsis that cuts a listing's one-paragraph teaser."""
        cur = self.cur
        k = i - 1
        while k > 0 and self.lines[k].pattern in _SEPARATORS:
            k -= 1  # (a rule drawn under the letter)
        return k > 0 and cur is not None and bool(cur.body) and self.owners[k] is cur and (
            self.roles[k] is SIGNATURE_ROLE or (self.roles[k] is CREDIT_ROLE and cur.closed) or (
                self.roles[k] is BODY_ROLE and len(cur.body) <= MAX_TEASER_PARAGRAPHS and cur.title_at >= 0
                and self.lines[k].span.text.endswith(_TEASER_CUT_ENDS)))  # (a listing's teaser, cut)

    def _contact(self, i: int, line: Line) -> None:
        """A line of the contact block under a ``Contact:`` label (a name, a post, a telephone number, an e-mail
        address): a credit of the article it closes (kind ``contact``), not a signature or a title."""
        owner = self.cur if self.cur is not None else (self.drafts[-1] if self.drafts else None)
        if owner is not None:
            owner.credits.extend(line.credits or (Credit("contact", line.span.text, line.span.text),))
        self._set(i, CREDIT_ROLE, owner)

    def _contact_block(self, i: int) -> None:
        """The lines under a ``Contact:`` label at ``i`` that are its block: short lines that do not end like a
        sentence (names, posts) and contact lines (numbers, addresses)."""
        j = i + 1
        while j < len(self.lines) and (
                self.lines[j].pattern in _CONTACT_PATTERNS
                or (self.lines[j].kind in (TITLE_LINE, BODY_LINE) and self.lines[j].pattern is None
                    and len(self.lines[j].span.text) <= MAX_CONTACT_LINE
                    and (self.lines[j].kind is TITLE_LINE or self.lines[j].span.text[-1] not in _TERMINAL
                         or PHONE_NUMBER.fullmatch(self.lines[j].span.text)))):
            if self._headline_under_contacts(j):
                break
            j += 1
        self.contacts_until = j

    def _headline_under_contacts(self, j: int) -> bool:
        """``lines[j]``, a short line in a contact block, is the headline of the release under it: longer than a
        name and its post, over a line of another pattern (the release's stamp) or longer than a contact's (its
        text)."""
        if self.lines[j].kind is not TITLE_LINE or _words(self.lines[j].span) <= MAX_CONTACT_WORDS:
            return False
        below = self.lines[j + 1] if j + 1 < len(self.lines) else None
        return below is not None and ((below.pattern is not None and below.pattern not in _CONTACT_PATTERNS)
                                      or len(below.span.text) > MAX_CONTACT_LINE)

    def _closing(self, i: int, line: Line) -> None:
        if line.pattern == "contact" and CONTACT_LABEL.fullmatch(line.span.text):
            self._contact_block(i)
        elif (line.pattern == "contact" and i + 1 < len(self.lines) and self.lines[i + 1].kind is TITLE_LINE
              and _is_post(self.lines[i + 1].span.text)):
            self.contacts_until = i + 2  # the contact's post under it (``Public Information Officer``)
        # Credits, dates and end markers belong to the article they follow (or, before any, to the next one).
        cur = self.cur
        if (cur is not None and not cur.body and cur.run and not cur.evidence and line.kind is not END_LINE
                and line.pattern not in _ADDRESS_PATTERNS):  # (an address or a number: no item's stamp)
            j, _ = self._ahead(i)
            if j < len(self.lines) and self.lines[j].kind is TITLE_LINE and not self._caption_over_credit(j):
                self._drop(cur)  # a menu, then the stamp, then a title: the stamp heads the article below it
        owner = self.cur if self.cur is not None else (self.drafts[-1] if self.drafts else None)
        role = DATE_ROLE if line.kind is DATE_LINE else (
            FURNITURE_ROLE if line.kind is END_LINE else CREDIT_ROLE)
        if owner is None:
            self.pending_credits.extend(line.credits)
            self._set(i, role, None)
            return
        owner.credits.extend(line.credits)
        owner.end = max(owner.end, line.span.char_end)
        if owner.body:
            owner.closed = owner.closed or not _is_picture_credit(line)  # (a picture's credit: the text goes on)
        else:
            self._attest(owner)
        self._set(i, role, owner)
        if line.kind is END_LINE:
            self.cur = None

    def _new_item(self, i: int, line: Line) -> None:
        """``line`` is the headline of a listing's next item (over a teaser that opens on its date, or glued to
        the link that closes the item above): never a subheading or a deck of the article above."""
        _left_unsigned(self.cur)
        self.cur = None
        self._title(i, line)

    def _opener(self, i: int, line: Line) -> None:
        """The stamp above a listing's headline (``_item_stamps``): the item below it starts here."""
        _left_unsigned(self.cur)
        self.cur = None
        self.pending_credits.extend(line.credits)
        self._set(i, DATE_ROLE if line.kind is DATE_LINE else CREDIT_ROLE, None)

    def _byline(self, i: int, line: Line) -> None:
        assert line.byline is not None
        if (self.cur is not None and len(self.cur.body) > 1 and self.cur.body[-1].span.text.endswith(_CUT_ENDS)
                and self._cut_headline_above(i, self.cur)):
            self.cur.body.pop()
            self.cur.end = self.cur.body[-1].span.char_end
            self._title(i - 1, self.lines[i - 1])
        stamp = STAMP.search(line.byline.line, line.byline.line.find(line.byline.name) + len(line.byline.name))
        if stamp is not None:  # ``Will Steffen | January 24, 2020``: the date is the article's
            self.pending_credits.append(Credit("date", stamp.group(), line.byline.line))
        cur = self.cur
        if stamp is not None and cur is not None:
            cur.credits.append(self.pending_credits.pop())
        if cur is None:  # a byline above the title: the article that follows is opening
            cur = self._open(Span(line.line_start, line.line_start, ""), line.line_start, -1)
            cur.byline, cur.end = line.byline, line.span.char_end
        elif not cur.body and cur.byline is None:
            cur.byline, cur.end = line.byline, line.span.char_end
            self._attest(cur)
        elif not cur.body:
            cur.end = line.span.char_end  # the byline repeated above the body
            self._attest(cur)
        elif (cur.byline is None or cur.byline.name == line.byline.name) and is_delivered_by(line.span.text):
            # ``Speech by Minister ... at ...`` under a pull quote: the speech goes on below it
            cur.byline, cur.end = line.byline, line.span.char_end
        elif (cur.byline is None and len(cur.body) == 1 and cur.series is None and cur.title_at >= 0
              and not cur.closed and not cur.headings and self._text_follows(i)):
            # a headline, its standfirst in a sentence or two, then the byline above the text: the deck's
            deck = cur.body.pop()
            k = bisect_left(self.lines, deck.line_start, key=_line_start)
            cur.series, cur.series_at = deck.span, k
            self.roles[k] = SERIES_ROLE
            cur.byline, cur.end = line.byline, line.span.char_end
            self._attest(cur)
        else:
            if cur.byline is not None:
                cur.warnings.append("several_bylines")
            cur.byline, cur.end = line.byline, line.span.char_end
            self.cur = None
        self._set(i, BYLINE_ROLE, cur)

    def _title(self, i: int, line: Line) -> None:
        cur = self.cur
        j, evidence = self._ahead(i)
        nxt = self.lines[j] if j < len(self.lines) else None
        if (0 < i < len(self.lines) - 1 and self.roles[i - 1] is BYLINE_ROLE and self.lines[i + 1].kind is DATE_LINE
                and "," in line.span.text and _is_place(line.span.text)):
            # a place between the byline and the date (``Rio Helmi (The Jakarta Post)`` / ``Denpasar, Bali`` /
            # ``Wed, January 2, 2019``): the byline's dateline
            return self._set(i, DATELINE_ROLE, self.owners[i - 1])
        text_follows = nxt is not None and nxt.kind in (BODY_LINE, DASH_LINE)
        if line.pattern in _HEADING_PATTERNS and cur is not None and cur.title.text:
            return self._heading(i, line)
        if line.pattern == "speaker_label":
            return self._set(i, FURNITURE_ROLE, cur)  # a speaker's label opens no article
        unmarked = self.markdown and not line.heading
        if unmarked and (cur is None or not cur.body):
            return self._unmarked(i, line, text_follows)
        if (line.heading and cur is not None and cur.markdown and not cur.body and cur.title_at == i - 1
                and not cur.evidence and cur.series is None):
            # a heading right under a heading, nothing between: the headline in two wordings (the page's title,
            # then the headline), one article's
            cur.end = line.span.char_end
            return self._set(i, TITLE_ROLE, cur)
        if (line.heading and cur is not None and cur.markdown and not cur.body and cur.title_at >= 0
                and _repeats_headline(" ".join(line.span.text.split()), " ".join(cur.title.text.split()))):
            # the page's title, then the site's name, a date or a caption, then the headline again: one article's
            return self._headline_again(i, line, cur)
        if cur is not None and cur.title.text and not line.heading and self._caption_over_credit(i):
            if (cur.title_at == i - 1 and not cur.body and cur.byline is None and cur.series is None
                    and _is_name(" ".join(cur.title.text.split())) and not _is_name(line.span.text)):
                # the writer's name over the headline, over the picture's credit (``Yiannis Baboulias`` / ``The
                # Greek wildfires and the failings of the state`` / ``(Photo: Getty)``): the byline and the title
                start = cur.start
                self._byline_lines(cur, cur.title_at, 1)
                self._take_title(cur, i)
                cur.start = start
                return None
            return self._set(i, FURNITURE_ROLE, cur)  # a picture's caption over its credit, over or inside the text
        if cur is not None and cur.body:
            if line.pattern == "bold_heading":
                return self._heading(i, line)
            if (len(cur.body) == 1 and cur.series is None and cur.byline is None and not line.heading
                    and _repeats_headline(" ".join(line.span.text.split()), " ".join(cur.title.text.split()))
                    and (at := self._deck_between_copies(i, cur)) >= 0):
                # the headline given again under one line, over a stamp or the page's furniture or over text that
                # the line sums up (``Rain continues to wreak havoc across Goa`` / ``Many low lying areas flooded;
                # landslides reported.`` / the headline / ``Published on``): that line is the deck (a headline over
                # other text is another article's)
                deck = cur.body.pop()
                cur.series, cur.series_at, cur.end, cur.copied = deck.span, at, line.span.char_end, True
                self._set(at, SERIES_ROLE, cur)
                return self._set(i, TITLE_ROLE, cur)
            if (not line.heading and nxt is not None and self.owners[i - 1] is cur and self.roles[i - 1] is BODY_ROLE
                    and _greets(self.lines[i - 1].span.text) and _greets(nxt.span.text)):
                # between those a speech greets (``Secretary to Cabinet and Senior Civil Servants``): one of them
                self._append(cur, line)
                return self._set(i, BODY_ROLE, cur)
            if line.pattern == "title_bullet" and self._list_item(i, cur):
                self._append(cur, line)
                return self._set(i, BODY_ROLE, cur)
            if (text_follows and not line.heading and self.owners[i - 1] is cur and self.roles[i - 1] is BODY_ROLE
                    and self.lines[i - 1].span.text.rstrip(_CLOSERS_OR_SPACE)[-1:] in ":："):
                # ``The full text of the proclamation is below:``: what it announces is the same article's
                return self._heading(i, line)
            if (text_follows and not line.heading and line.span.text.isupper()
                    and _words(line.span) <= MAX_SECTION_WORDS and not self._sibling_headline(line, cur, nxt)):
                return self._heading(i, line)  # a section's name in capitals inside a body (``MELBOURNE``)
            if (text_follows and not line.heading and line.span.text.isupper()
                    and any(h.isupper() for h in cur.headings.values())):
                return self._heading(i, line)  # in capitals, as the article's subheadings above it are
            if text_follows and not line.heading and not cur.closed and _REPORT_SECTION.fullmatch(line.span.text):
                return self._heading(i, line)  # ``Background`` under a statement, more of it below
            if (text_follows and not evidence and not line.heading and nxt is not None and not cur.closed
                    and _REFERS_BACK.match(nxt.span.text)):
                # the text below goes on about someone named above it (a stamp between them makes it a headline,
                # and a signature or a credit closing the text above leaves nothing for it to go on with)
                return self._heading(i, line)
            if (line.pattern == "title_bullet" and not cur.closed and cur.byline is None and _is_name(line.span.text)
                    and (nxt is None or _content_keys(line.span.text).isdisjoint(_content_keys(nxt.span.text)))):
                # ``• Callum Godde`` under a teaser in a listing (a bulleted headline shares words with the text below)
                return self._byline_of(i, line, cur)
            if (line.pattern == "title_bullet" and not cur.closed and cur.byline is None and i + 1 < len(self.lines)
                    and self.lines[i + 1].kind is DATE_LINE and _words(line.span) <= MAX_SOURCE_WORDS):
                # ``• The AFR View`` over the date, under a teaser in a listing, where a writer's name would stand:
                # the item's source
                return self._source_of(i, line, cur)
            if not line.heading and not cur.closed and cur.title_at >= 0 and self._link_list(i):
                # (short lines under a paragraph that leads into them, ``There are evacuations in effect for:``, are
                # its list's items: text)
                if cur.body and self.owners[i - 1] is cur and self.roles[i - 1] is BODY_ROLE and (
                        self.lines[i - 1].span.text[-1] == ":"):
                    self.items_until = self.links_until
                    return self._text(i, line)
                return self._set(i, FURNITURE_ROLE, cur)
            if not line.heading and self._signature_follows(i) and (
                    self.roles[i - 1] is not FURNITURE_ROLE or self.lines[i - 1].pattern == "valediction" or (
                        self._letter_follows(i) and self._text_above(i, cur))):
                # (an ad's slot between a letter and its signature, the next letter under it, is no headline's)
                return self._signature(i, line)
            if (not line.heading and cur.closed and cur.byline is not None and cur.byline.role == "signatory"
                    and (not text_follows or (nxt is not None and _opens_a_letter(nxt) and (
                        not _in_sentence_case(line.span.text) or _POST_AT.search(line.span.text)))
                         # the writer's post right under the name, the next letter's text under it (``Emeritus
                         # professor of civil engineering, University of Brighton``)
                         or (self.signed_at == i - 1 and _is_post(line.span.text) and (
                             "," in line.span.text or _POST_AT.search(line.span.text))))):
                # (over the next letter, the writer's post or town; a headline in sentence case is that letter's)
                if (nxt is None and self._signature_ends_above(i) and _in_sentence_case(line.span.text)
                        and not _is_place(line.span.text)):
                    # the text ends on the headline of the next letter (a page cut after it), not on a place or
                    # a post under the signature (``Chennai``, ``Secretary of State``)
                    return self._open_cut(i, line, cur)
                return self._signature(i, line)  # the signature's second line: a title, a place
            if (not line.heading and not cur.closed and text_follows and not evidence and line.byline is None
                    and (cur.title.text or cur.body) and nxt is not None and not self._after_read_more(i)
                    and self._text_goes_on(line, cur, nxt)):
                # the text under it goes on with this article's and shares none of its words: no headline of its
                # own (a headline shares words with its lead): a subheading, or another story's link
                own = _content_keys(line.span.text)
                if _words(line.span) > MAX_SUBHEADING_WORDS and own.isdisjoint(self._told(cur)):
                    return self._set(i, FURNITURE_ROLE, cur)
                return self._heading(i, line)
            if (not line.heading and not cur.closed and text_follows and not evidence and line.byline is None
                    and cur.title.text and nxt is not None and not _DATELINE_START.match(nxt.span.text)
                    and not self._after_read_more(i)
                    and (self.drafts[0].evidence or self._names_a_part(i, line, cur))
                    and not self._sibling_headline(line, cur, nxt) and not _opens_a_letter(nxt)):
                # A short line with no byline, credit or date under it, inside a titled body, is a subheading where
                # the document's articles announce themselves with one under their titles, or where it names a part
                # of an unsigned article.
                return self._heading(i, line)
            if unmarked:
                return self._unmarked(i, line, text_follows)
        elif cur is not None and cur.title.text and not cur.body and not line.heading and not cur.markdown:
            # A title-like line under a title that has no body yet: its series line (deck), or the title
            # itself when what came first was page furniture (resolved when the body starts).
            text = " ".join(line.span.text.split())
            if (text_follows and line.span.text.isupper() and _words(line.span) > MAX_SECTION_WORDS
                    and _words(cur.title) > MAX_SECTION_WORDS and not cur.title.text.isupper()):
                return self._heading(i, line)  # the first subheading, in capitals, under a headline that is not
            if (cur.series is not None and cur.series_at >= 0 and text == " ".join(cur.series.text.split()) and (
                    _words(cur.title) <= MAX_SECTION_WORDS or (
                        cur.attested != cur.title_at and _words(cur.series) > MAX_SECTION_WORDS
                        and _content_keys(cur.title.text).isdisjoint(_content_keys(text))))):
                # the line under a label, a menu item or a clock (nothing of the story's), printed twice: the
                # headline
                self._series_is_the_title(cur)
            if _repeats_headline(text, " ".join(cur.title.text.split())):
                # the headline printed twice (the page's title, then the headline; the page's title may end with
                # the site's name: ``Painful test for all - Community | The Star Online``)
                return self._headline_again(i, line, cur)
            if (cur.series is None and cur.byline is None and line.byline is not None
                    and _words(cur.title) > MAX_SECTION_WORDS):
                # ``Statement by Commissioner Kristalina Georgieva, European Commissioner for ...`` under the
                # headline: who gave it
                cur.byline, cur.end = line.byline, line.span.char_end
                self._attest(cur)
                return self._set(i, BYLINE_ROLE, cur)
            if cur.series is None:
                cur.series, cur.series_at, cur.end = line.span, i, line.span.char_end
                cur.series_after_evidence = cur.evidence
                self._set(i, SERIES_ROLE, cur)
                return None
            if cur.copied:
                return self._set(i, FURNITURE_ROLE, cur)  # a short line under the headline's copy: the page's
            if cur.series_at >= 0:
                # A third short line: the first of the three is a section name or menu item above the title
                # when it is as short as one; else the middle one was page furniture under the title.
                cur.run += 1
                if _words(cur.title) <= MAX_SECTION_WORDS and cur.attested != cur.title_at:
                    self._series_is_the_title(cur)
                    if _repeats_headline(text, " ".join(cur.title.text.split())):
                        # (``Logout|My Dashboard`` / ``Flood insurance is a community issue - The Galveston County
                        # Daily News: Guest Columns`` / its date / the headline again)
                        return self._headline_again(i, line, cur)
                else:
                    self._set(cur.series_at, FURNITURE_ROLE, cur)
                cur.series, cur.series_at, cur.end = line.span, i, line.span.char_end
                cur.series_after_evidence = cur.evidence
                self._set(i, SERIES_ROLE, cur)
                return None
        elif cur is not None and not cur.title.text and not cur.body:
            cur.title, cur.title_at, cur.end = line.span, i, line.span.char_end  # under a top byline
            cur.markdown = line.heading
            self._set(i, TITLE_ROLE, cur)
            return None
        if cur is not None and self._picture_text(i, cur):
            if _lone_untitled(cur):
                self._drop(cur)  # (all it had)
                cur = None
            else:
                cur.body.pop()
                self._set(i - 1, FURNITURE_ROLE, cur)
        _left_unsigned(cur)
        draft = self._open(line.span, line.line_start, i)
        draft.markdown = line.heading
        draft.credits.extend(line.credits)  # (a date printed after the headline)
        # the text ends on a headline right under the line that closes each of a listing's items (a repeated line,
        # a credit of the same kind above each headline): the next item, cut
        above = self.lines[i - 1]
        draft.cut = nxt is None and (above.pattern == "repeated_line" or (
            above.kind is CREDIT_LINE and self._items_closed_by(above) >= MIN_SIGNED_ITEMS))
        if line.byline is not None:  # the writer the headline names at its end
            draft.byline = line.byline
            self._attest(draft)
        self._set(i, TITLE_ROLE, draft)
        return None

    @staticmethod
    def _sibling_headline(line: Line, cur: _Draft, nxt: Line | None) -> bool:
        """``line``, inside ``cur``'s body, has the house shape of ``cur``'s headline (``_headline_shape``) and the
        paragraph under it tells of other things (few of its content words are in ``cur``'s lead): the next brief
        of a briefs page (``Fiji - politics`` under ``Samoa - dengue``), not a subheading."""
        shape = _headline_shape(line.span.text)
        if shape is None or nxt is None or shape != _headline_shape(cur.title.text):
            return False
        keys = _content_keys(nxt.span.text)
        return len(keys & _lead_keys(cur)) < MAX_SIBLING_SHARE * len(keys)

    @staticmethod
    def _told(cur: _Draft) -> frozenset[str]:
        """The content words of ``cur``'s title and its text so far."""
        return _content_keys(" ".join([cur.title.text, *(line.span.text for line in cur.body)]))

    def _text_goes_on(self, line: Line, cur: _Draft, nxt: Line) -> bool:
        """The paragraph ``nxt``, under the title-like ``line`` inside ``cur``'s text, goes on with ``cur``: it
        shares at least ``MIN_GOES_ON`` content words with ``cur``'s title and text (and a third of its own), and
        none with ``line``, which does not repeat most of ``cur``'s title's words."""
        below, own = _content_keys(nxt.span.text), _content_keys(line.span.text)
        if not below.isdisjoint(own) or 2 * len(own & _content_keys(cur.title.text)) >= len(own):
            return False  # (a headline in the words of the one above it, ``Article number 1``, is a sibling's)
        shared = len(below & self._told(cur))
        return shared >= MIN_GOES_ON and 4 * shared >= len(below)

    def _names_a_part(self, i: int, line: Line, cur: _Draft) -> bool:
        """``line``, between paragraphs of the unsigned article ``cur`` (two at least above it, or one where the
        headline has three times its words and the line names a thing the article has named), names a part of its
        text (``Tsunami lessons``, ``Emergency plans activated``): a headline says more than its article's sections
        do."""
        if cur.byline is not None or cur.credits or not cur.body or self.roles[i - 1] is not BODY_ROLE:
            return False
        own = _content_keys(line.span.text)
        words, told = len(own), len(_content_keys(cur.title.text))
        return words <= MAX_SECTION_WORDS and words < told and (len(cur.body) >= MIN_SECTION_ABOVE or (
            3 * words <= told and not own.isdisjoint(self._told(cur))))

    def _items_closed_by(self, credit: Line) -> int:
        """How many articles so far have a credit of ``credit``'s kind (``Source: Global Times | 2020/3/1``)
        right above their titles: the items of a listing, each closed by the same line."""
        return sum(1 for d in self.drafts if d.title_at > 0 and self.lines[d.title_at - 1].kind is CREDIT_LINE
                   and self.lines[d.title_at - 1].pattern == credit.pattern)

    def _open_cut(self, i: int, line: Line, cur: _Draft) -> None:
        """``line``, the text's last, opens an article whose text is not there: kept with its title alone (warning
        ``no_paragraphs``)."""
        _left_unsigned(cur)
        draft = self._open(line.span, line.line_start, i)
        draft.cut = True
        self._set(i, TITLE_ROLE, draft)

    def _headline_again(self, i: int, line: Line, cur: _Draft) -> None:
        """``line`` gives ``cur``'s headline again: it is ``cur``'s title, and the short line read as its series
        between them (``X Close``, a caption) is page furniture, or the article's source where it names a
        publication (``The Philippine Star``)."""
        if cur.series is not None and cur.series_at >= 0:
            if _words(cur.series) <= MAX_SECTION_WORDS and is_publication(cur.series.text):
                cur.credits.append(Credit("source", cur.series.text, cur.series.text))
                self._set(cur.series_at, CREDIT_ROLE, cur)
            else:
                self._set(cur.series_at, FURNITURE_ROLE, cur)
            cur.series, cur.series_at = None, -1
        named = next((k for k in range(cur.title_at + 1, i) if self.owners[k] is cur and self.roles[k] is FURNITURE_ROLE
                      and self.lines[k].pattern is None and _names_someone(self.lines[k].span.text)), -1)
        if cur.byline is None and named >= 0:
            # the writer's name between the copies (``Yevhen Spirin``)
            self._byline_lines(cur, named, 1, COURTESY_TITLE.sub("", name_case(" ".join(
                self.lines[named].span.text.split()))))
            self._attest(cur)
        cur.title, cur.end = line.span, line.span.char_end
        cur.twice = True
        self._set(i, TITLE_ROLE, cur)

    def _drop(self, draft: _Draft) -> None:
        """``draft`` was page furniture: its lines are, and it is no article."""
        for n, owner in enumerate(self.owners):
            if owner is draft:
                self.roles[n], self.owners[n] = FURNITURE_ROLE, None
        self.drafts = [d for d in self.drafts if d is not draft]
        self.pending_credits.extend(draft.credits)
        if self.cur is draft:
            self.cur = None

    def _unmarked(self, i: int, line: Line, text_follows: bool) -> None:
        """A short line that is not a heading, in a document whose titles are Markdown headings: a series line
        under a title, a subheading inside a body, or page furniture."""
        cur = self.cur
        if cur is not None and cur.title.text and not cur.body and cur.series is None:
            cur.series, cur.series_at, cur.end = line.span, i, line.span.char_end
            self._set(i, SERIES_ROLE, cur)
        elif cur is not None and cur.body and text_follows:
            self._heading(i, line)
        else:
            self._set(i, FURNITURE_ROLE, cur)

    def _heading(self, i: int, line: Line) -> None:
        assert self.cur is not None
        self.pending_heading = line.span.text
        self.cur.end = line.span.char_end
        if line.pattern not in _HEADING_PATTERNS:
            self.cur.warnings.append("subheading_inferred")  # a short line read as a subheading, not a title
        self._set(i, HEADING_ROLE, self.cur)

    def _signature(self, i: int, line: Line, signed: str | None = None) -> None:
        """``line`` signs ``cur`` (the writer's name: ``signed``, where known, else what stands before the line's
        first comma)."""
        cur = self.cur
        assert cur is not None
        name = _SENT_BY.sub("", COURTESY_TITLE.sub("", " ".join(
            (signed or _signed_as(line.span.text, nickname=True).split(",")[0]).split())))
        if _PSEUDONYM.fullmatch(name):
            name = name.rstrip(".")  # as signed: ``A Reader``, ``Name and address supplied``
        else:
            if name.replace(" and ", " ").isupper():
                # ``RICHARD BROCK``, as letters pages print it (``CARDINAL PIETRO PAROLIN``, ``SIR ERIC HOWELLS CBE``:
                # its title and honours left out)
                name = COURTESY_TITLE.sub("", name_case(_HONOURS.sub("", name).replace(" and ", " AND ")))
            if (couple := _COUPLE.fullmatch(name)) is not None:
                name = f"{couple['first']} {couple['surname']} and {couple['second']}{couple['surname']}"
        if cur.byline is None:
            cur.byline = Byline(line=line.span.text, name=name, role="signatory")
            cur.warnings.append("signature_inferred")  # a name after the body read as the signature
        elif cur.byline.role == "signatory" and len(cur.body) > cur.signed_body and name not in cur.byline.name:
            # the signature of another letter under the same title (more text came since the last one)
            cur.byline = Byline(line=cur.byline.line, name=f"{cur.byline.name}, {name}", role="signatory")
        cur.signed_body = len(cur.body)
        cur.closed = True
        cur.end = max(cur.end, line.span.char_end)
        self._set(i, SIGNATURE_ROLE, cur)
        self.signed_at = i

    def _text(self, i: int, line: Line) -> None:
        cur = self.cur
        if (line.kind is BODY_LINE and cur is not None and cur.title.text and not cur.body and cur.title_at >= 0
                and len(line.span.text) <= MAX_TITLE_CHARS
                and _repeats_headline(again := " ".join(line.span.text.split()),
                                      title := " ".join(cur.title.text.split()))):
            # the headline, a question, under the page's title that gives it with its writer's name (``Are some
            # trying to take advantage of the fires? - YASIN AKTAY``): the title, and the name the byline
            signed = title[len(again) :].strip(" -–—|") if title.startswith(again) else ""
            if cur.byline is None and signed.isupper() and _is_name(named := name_case(signed)):
                cur.byline = Byline(line=cur.title.text, name=named, role="author")
            return self._headline_again(i, line, cur)
        if (line.kind is DASH_LINE and cur is not None and cur.title.text and not cur.body and cur.byline is None
                and len(line.span.text) <= MAX_DASHED_NAME and _is_name(line.span.text)):
            # a name alone behind a dash under the headline (``- Riley Beggin``): the writer's byline (under a
            # text, a quotation's source: ``— Frederick Douglass``)
            cur.byline = Byline(line=f"{line.marker} {line.span.text}", name=line.span.text, role="author")
            cur.end = line.span.char_end
            self._attest(cur)
            return self._set(i, BYLINE_ROLE, cur)
        if (line.kind is DASH_LINE and cur is not None and cur.title.text and not cur.body
                and cur.series is None and is_title_like(line.span.text)):
            cur.series, cur.series_at, cur.end = line.span, -1, line.span.char_end
            self._set(i, SERIES_ROLE, cur)
            return
        if (line.kind is DASH_LINE and cur is not None and cur.title.text and not cur.body
                and cur.series is not None and cur.series_at < 0 and is_title_like(line.span.text)):
            cur.end = line.span.char_end  # more highlights in a list under the headline: the deck goes on
            self._set(i, SERIES_ROLE, cur)
            return
        if (line.kind is BODY_LINE and cur is not None and cur.title.text and not cur.body and cur.title_at == i - 1
                and line.span.text.rstrip(_TERMINAL) == cur.title.text.rstrip(_TERMINAL)):
            # the headline given again right under it, as a sentence (``What lessons can Ireland learn from the
            # 2015/16 floods?`` under the same words with no question mark): page furniture
            return self._set(i, FURNITURE_ROLE, cur)
        if (line.kind is BODY_LINE and cur is not None and cur.title.text and not cur.body
                and len(line.span.text) <= MAX_DECK_CHARS
                and (self._printed_twice(i, cur) or self._restated(i, cur) or self._cut_from_the_lead(i)
                     or _quoted_standfirst(line.span.text))
                and _words(line.span) <= MAX_DECK_WORDS):
            # the standfirst printed twice under the headline (in its box, then over the text), restated by the
            # lead, or the lead's first words cut as a teaser, or in quotation marks: the deck
            if cur.series is None:
                cur.series, cur.series_at = line.span, -1
            cur.end = line.span.char_end
            return self._set(i, SERIES_ROLE, cur)
        if cur is None:
            cur = self._open(Span(0, 0, ""), line.line_start, -1)
        if not cur.body and cur.series is not None and cur.series_at >= 0:
            self._before_the_body(cur, line)
        self._append(cur, line)
        self.roles[i], self.owners[i] = THESIS_POINT_ROLE if line.kind is DASH_LINE else BODY_ROLE, cur

    def _printed_twice(self, i: int, cur: _Draft) -> bool:
        """``lines[i]``, the first line of text under ``cur``'s headline, is given again word for word right under
        it, with more text below, or is that second copy of the deck read just above it."""
        text = self.lines[i].span.text
        if cur.series is None:
            return (i + 2 < len(self.lines) and self.lines[i + 1].kind is BODY_LINE
                    and self.lines[i + 2].kind in (BODY_LINE, DASH_LINE)
                    and _same_words(self.lines[i + 1].span.text, text))
        return self.roles[i - 1] is SERIES_ROLE and _same_words(cur.series.text, text)

    def _after_read_more(self, i: int) -> bool:
        """``lines[i]`` comes right under a link to the rest of a teaser (``Read more``): the next item's headline,
        no subheading of the teaser above."""
        above = self.lines[i - 1] if i > 0 else None
        return (above is not None and above.kind is FURNITURE_LINE and len(above.span.text) <= MAX_READ_MORE
                and _TEASER_LINK.match(above.span.text) is not None)

    def _deck_between_copies(self, i: int, cur: _Draft) -> int:
        """The index of the one line of text between ``cur``'s title and the line ``i`` under it (a copy of the
        headline, as the caller checks), where that line is the deck: a stamp or the page's furniture comes
        between it and the copy (``Devdiscourse News Desk | Chennai | Updated: ...``), or under the copy, or a
        byline or a date within a few lines under it, or text that the line sums up. Else -1."""
        at = i - 1
        while at > cur.title_at + 1 and i - at <= MAX_BETWEEN_COPIES and self.roles[at] in _STAMP_OR_FURNITURE:
            at -= 1
        if at != cur.title_at + 1 or self.roles[at] is not BODY_ROLE or self.owners[at] is not cur:
            return -1
        below = self.lines[i + 1 : i + 1 + MAX_BETWEEN_COPIES]
        if at < i - 1 or (below and (below[0].kind not in _TEXT_KINDS or _sums_up(
                self.lines[at].span.text, below[0].span.text))) or any(
                b.kind is BYLINE_LINE or b.kind is DATE_LINE for b in below):
            return at
        return -1

    def _restated(self, i: int, cur: _Draft) -> bool:
        """``lines[i]``, the first line of text right under ``cur``'s headline, is a sentence (or two) whose words the
        paragraph under it mostly gives again, with more text below that (``Being prepared for disasters includes
        emergency managers.`` over a lead that starts on them): the deck that sums the story up, the lead that tells
        it. A question or a speaker's line (``SS: How ...``) is an interview's, and a sentence that reports who said
        what, a lead's."""
        text = self.lines[i].span.text
        if (cur.series is not None or i + 2 >= len(self.lines)  # (its length is tested by the caller)
                or text[-1] != "." or ":" in text[:MAX_SPEAKER_LABEL] or text.count(". ") > 1
                or _REPORTED.search(text)):
            return False
        below = self.lines[i + 1]
        if below.kind is not BODY_LINE or not any(
                line.kind in (BODY_LINE, DASH_LINE) for line in self.lines[i + 2 : i + 2 + MAX_RESTATED_GAP]):
            return False
        return _sums_up(text, below.span.text)

    def _cut_from_the_lead(self, i: int) -> bool:
        """``lines[i]``, the first line of text right under a headline, is the start of the paragraph under it (after
        that paragraph's dateline), cut off where a teaser is (``... top government disaster officials sa`` over
        ``Dhaka: Bangladesh has evacuated ... top government disaster officials said.``)."""
        text = self.lines[i].span.text
        if (text[-1] in _TERMINAL and not text.endswith(_CUT_ENDS)) or len(text) < MIN_QUOTED_CHARS or (
                i + 1 >= len(self.lines)):
            return False
        below = self.lines[i + 1]
        if below.kind is not BODY_LINE:
            return False
        cut = " ".join(text.rstrip(". …").split())
        at = " ".join(below.span.text.split()).find(cut, 0, len(cut) + MAX_DATELINE_PREFIX)
        return 0 <= at <= MAX_DATELINE_PREFIX

    def _before_the_body(self, cur: _Draft, lead: Line) -> None:
        """What the short line read as ``cur``'s series line is, now that its body starts below it (at ``lead``)."""
        assert cur.series is not None
        series, title = " ".join(cur.series.text.split()), " ".join(cur.title.text.split())
        if cur.attested != cur.title_at and _words(cur.title) <= MAX_SECTION_WORDS < _words(cur.series):
            told = _content_keys(lead.span.text)
            if told.isdisjoint(_content_keys(series)) and len(told & _content_keys(title)) >= MIN_TOLD_HEADLINE:
                # the short line is the headline the lead tells (``Earthquake rocks İzmir``), the longer one under
                # it a note (``Taken from this weeks issue``)
                self._set(cur.series_at, FURNITURE_ROLE, cur)
                cur.series, cur.series_at = None, -1
                return
            self._series_is_the_title(cur)  # page furniture (a section name) above the title, not a title and deck
        elif series.endswith(f" {title}") and cur.attested != cur.title_at:
            # the headline as the page shows it (``Peter Griffin: London's AI reality check``) under the text of its
            # image or link (``London's AI reality check``)
            self._series_is_the_title(cur)

    def _append(self, cur: _Draft, line: Line) -> None:
        """``line`` as the next paragraph of ``cur``, under the subheading read just before it, if any."""
        if self.pending_heading is not None:
            cur.headings[len(cur.body)] = self.pending_heading
            self.pending_heading = None
        if cur.closed:
            cur.reopened = len(cur.body)
        if not cur.body and cur.byline is None and (
                line.span.text[:3] in ("By ", "BY ") or "   " in line.span.text[:MAX_GLUED_DECK]):
            line = self._glued_byline(cur, line)
        cur.body.append(line)
        cur.end = line.span.char_end
        cur.closed = False

    @staticmethod
    def _glued_byline(cur: _Draft, line: Line) -> Line:
        """The first paragraph of ``cur`` with the byline it opens with taken off (``By Ebunoluwa Sessou For
        women in coastal communities ...``, the byline's box run into the text), as ``cur``'s byline: the name runs
        up to the word that opens the text's first sentence. Else ``line``."""
        found = _GLUED_BYLINE.match(line.span.text)
        if found is None:
            # a listing's card copied with its fields run together, spaces between: deck, byline (the name in
            # capitals, then the agency), text (``Hundreds of homes threatened     By SCOTT SONNER Associated
            # Press RENO, Nev. (AP) — ...``)
            found = _SPACED_BYLINE.match(line.span.text)
            if found is None or cur.series is not None:
                return line
            deck = line.span.text[: found.end("deck")]
            cur.series, cur.series_at = Span(line.span.char_start, line.span.char_start + len(deck), deck), -1
        name = " ".join(found["name"].split())
        cur.byline = Byline(line=found.group().strip(), name=name_case(name), role="author")
        span = line.span
        return line._replace(span=Span(span.char_start + found.end(), span.char_end, span.text[found.end() :]))

    def _finish(self) -> None:
        """A title with neither a body nor a byline, credit or date under it is page furniture (a menu item, a
        section name, a related link), unless it is a Markdown heading."""
        self._text_above_the_first_heading()
        kept: list[_Draft] = []
        dropped: set[int] = set()
        for draft in self.drafts:
            if draft.headings and draft.series_at >= 0 and draft.series_after_evidence and 0 not in draft.headings:
                # a short line between the stamp and the body of an article with subheadings is its first
                assert draft.series is not None
                draft.headings[0] = draft.series.text
                self.roles[draft.series_at] = HEADING_ROLE
                draft.series, draft.series_at = None, -1
            if (not draft.body and not draft.evidence and not draft.markdown and draft.byline is None and not draft.cut
                    and not self._cut_twice(draft)) or self._footer_over_an_address(draft):
                dropped.add(id(draft))
                continue
            kept.append(draft)
        if not kept:
            # Nothing but short lines: not a page's furniture but a text of a title and a line or two with no
            # closing punctuation ("Build" / "risk"): its first title stays, and a short line under it is its
            # paragraph.
            first = next((d for d in self.drafts if d.title.text), None)
            if first is not None:
                dropped.discard(id(first))
                if first.series_at >= 0:
                    self.roles[first.series_at] = BODY_ROLE
                    first.body.append(self.lines[first.series_at])
                    first.series, first.series_at = None, -1
                kept.append(first)
        if dropped:
            for k, owner in enumerate(self.owners):
                if owner is not None and id(owner) in dropped:
                    self.roles[k], self.owners[k] = FURNITURE_ROLE, None
        self.drafts = [part for n, draft in enumerate(kept)
                       for part in self._listing_of_teasers(draft, kept[n - 1] if n else None)]
        for draft in self.drafts:
            if len(draft.body) > 1:
                self._author_note(draft)
        self._header_above_the_first_article()
        self._header_read_as_text()
        self._furniture_above_the_first_title()
        self._titles_named_by_breadcrumbs()
        self._titles_under_the_navigation()
        self._titles_from_the_lead()
        self._title_above_from_the_lead()
        for draft in self.drafts:
            if draft.series is not None and draft.series_at >= 0 and draft.title_at > 0 and draft.byline is None:
                self._writer_and_post_above(draft)
            if draft.title_at > 0 and draft.body and draft.byline is None:
                self._writer_read_as_title(draft)
            if draft.title_at >= 0 and draft.body:  # the writer named between the headline and the text
                for find_writer in (self._writer_named_twice, self._writer_and_post_below, self._writer_over_the_date,
                                    self._writer_over_the_text, self._writer_in_the_text_head):
                    if draft.byline is None:
                        find_writer(draft)
        for draft in self.drafts:
            self._deck_over_the_dateline(draft)
        for draft in self.drafts:  # a picture's caption naming its subject over the headline (``Ontario Premier
            # Kathleen Wynne`` / ``Update on ice storm province-wide``) is furniture, and the headline the title
            if (draft.series is not None and draft.series_at == draft.title_at + 1 and not draft.series_after_evidence
                    and _words(draft.series) > MAX_SECTION_WORDS and _post_and_name(draft.title.text)):
                self._series_is_the_title(draft)
        for draft in self.drafts:  # a label under a title (``EDITORIAL``, ``Statement``, ``All News``) is no deck
            if (draft.series is not None and draft.series_at == draft.title_at + 1 and not draft.series_after_evidence
                    and _words(draft.title) <= MAX_SECTION_WORDS and (
                        _words(draft.series) <= MAX_SECTION_WORDS or (
                            draft.title.text.isupper() and draft.body
                            and _DATELINE_START.match(draft.body[0].span.text) is not None))
                    and (not _LABEL_WORDS.isdisjoint(draft.title.text.title().split()) or (
                        _words(draft.title) == 1 and _words(draft.series) > 1 and not draft.title.text.isupper()))
                    and _LABEL_WORDS.isdisjoint(draft.series.text.title().split())
                    and not is_publication(draft.series.text)):
                # ... but where the title is the short one with a section's word (``Web Comments`` over ``Miracle
                # reconsidered``; ``LOCAL NEWS`` over a headline and the story's dateline), the line under it is
                # the headline
                self._series_is_the_title(draft)
            if draft.series is not None and draft.series_at >= 0 and _words(draft.series) <= MAX_SECTION_WORDS:
                if is_publication(draft.series.text) and draft.series.text.split()[0] not in _LINK_OPENERS:
                    # ``NZ Herald``, ``The Philippine Star``: its source (``All LMFM News`` is a link)
                    draft.credits.append(Credit("source", draft.series.text, draft.series.text))
                    self._set(draft.series_at, CREDIT_ROLE, draft)
                else:
                    self._set(draft.series_at, FURNITURE_ROLE, draft)
                draft.series, draft.series_at = None, -1
            if draft.byline is not None and draft.title.text.endswith(draft.byline.name):
                draft.title = _without_tail(draft.title, draft.byline.name)
            elif " | " in draft.title.text and draft.title.text.rsplit(" | ", 1)[1].strip().title() in _KINDS:
                # the kind of text a page's title gives after the headline (``Flood Disaster | Editorial``)
                draft.title = _without_tail(draft.title, draft.title.text.rsplit(" | ", 1)[1])
        cur = self.drafts[-1] if self.drafts else None
        if cur is not None and cur.byline is None and cur.title.text and "no_byline" not in cur.warnings:
            cur.warnings.append("no_byline")

    def _footer_over_an_address(self, draft: _Draft) -> bool:
        """``draft``, the text's last, is a footer's link over the publisher's address (``Become a Member``, a
        menu, ``18354 Quantico Gateway Drive``): a title with page furniture right under it and nothing below but
        furniture and contact lines is no article."""
        return (draft is self.drafts[-1] and not draft.body and draft.byline is None and not draft.markdown
                and not draft.cut and bool(draft.credits)
                and all(credit.role == "contact" for credit in draft.credits)
                and 0 <= draft.title_at < len(self.roles) - 1 and self.roles[draft.title_at + 1] is FURNITURE_ROLE)

    def _deck_over_the_dateline(self, draft: _Draft) -> None:
        """A story's lead opens with its dateline (``KELOWNA, B.C. — ...``): a short paragraph between its headline and
        the lead is the standfirst that sums it up, its deck, not a paragraph of the text."""
        if (draft.title_at < 0 or draft.series is not None or draft.markdown or len(draft.body) < 2
                or 0 in draft.headings or 1 in draft.headings or _words(draft.body[0].span) > MAX_DECK_WORDS
                or not _DATELINE_START.match(draft.body[1].span.text)
                or _DATELINE_START.match(draft.body[0].span.text)):
            return
        deck = draft.body.pop(0)
        draft.headings = {k - 1: heading for k, heading in draft.headings.items()}
        k = bisect_left(self.lines, deck.line_start, key=_line_start)
        draft.series, draft.series_at = deck.span, k
        self.roles[k] = SERIES_ROLE

    def _cut_twice(self, draft: _Draft) -> bool:
        """``draft`` is the last item of a listing whose items each print their headline twice (an image's text and
        a link) over a one-paragraph teaser, cut under its headline: an item with no text yet, not page furniture."""
        return draft.twice and draft is self.drafts[-1] and sum(
            1 for d in self.drafts if d.twice and len(d.body) == 1) >= MIN_ITEMS_TWICE

    def _listing_of_teasers(self, draft: _Draft, above: _Draft | None) -> list[_Draft]:
        """``draft`` split into the items of a listing when each of its short lines read as subheadings has one
        paragraph under it, as has its title: headlines and their one-paragraph teasers (an article's sections run
        longer), ``MIN_TEASERS`` of them, or two under an item of one unsigned paragraph (``above``, the article
        before it: a listing's item too). Else ``[draft]``."""
        least = 2 if above is not None and len(above.body) == 1 and above.byline is None else MIN_TEASERS
        if (draft.byline is not None or len(draft.body) < least or len(draft.headings) != len(draft.body) - 1
                or sorted(draft.headings) != list(range(1, len(draft.body)))):
            return [draft]
        inferred = [k for k, owner in enumerate(self.owners) if owner is draft and self.roles[k] is HEADING_ROLE]
        if len(inferred) != len(draft.headings) or any(self.lines[k].pattern in _HEADING_PATTERNS for k in inferred):
            return [draft]
        parts = [draft]
        draft.warnings = [w for w in draft.warnings if w != "subheading_inferred"]
        draft.headings = {}
        draft.end = draft.body[0].span.char_end
        for k, body in zip(inferred, draft.body[1:], strict=True):
            line = self.lines[k]
            part = _Draft(title=line.span, start=line.line_start, end=body.span.char_end, body=[body], title_at=k)
            part.warnings = ["no_byline"]
            for m in range(k, len(self.owners)):
                if self.owners[m] is not draft:
                    break
                self.owners[m] = part
            self.roles[k] = TITLE_ROLE
            parts.append(part)
        draft.body = draft.body[:1]
        return parts

    def _titles_from_the_lead(self) -> None:
        """Evidence from the text itself: a headline shares its words with the paragraphs under it. Where a
        title-like line between an article's title and its body shares far more of its words with the first
        paragraphs than the line read as the title does (``How to donate to Red Cross Hurricane Harvey relief``, a
        related story's link, above ``Trump declares emergencies in Florida, PR``, above ``President Donald Trump
        has declared emergencies in Florida, Puerto Rico ...``), that line is the title and the lines above it page
        furniture (warning ``furniture_above_title``). A deck shares words with the body too, but so does the
        headline above it."""
        for draft in self.drafts:
            if draft.markdown or draft.title_at < 0 or not draft.body:
                continue
            body_at = bisect_left(self.lines, draft.body[0].line_start, key=_line_start)
            candidates = [k for k in range(draft.title_at + 1, body_at) if self._headline_below(k, draft)]
            lead_text = ""
            if candidates:
                lead_text = _lead_text(draft)
                candidates = [k for k in candidates if not _quotes_the_lead(lead_text, self.lines[k].span.text)]
            if not candidates:
                continue
            lead = _lead_keys(draft)
            # (a page's label read as the title, ``Speech``, ``Press release``, a line of the page's chrome given
            # again over the next item, ``Office of the Press Secretary``, or a teaser printed from the text above the
            # headline, its first letter lost to a drop capital, ``he recent ruckus created by ...``: the first headline
            # under it is it)
            least = 0.0 if _is_label(draft.title.text) or self._chrome_again(draft.title_at) or (
                draft.title.text[0].islower() and _quotes_the_lead(lead_text, draft.title.text)) else (
                _cohesion(draft.title.text, lead) + MIN_COHESION_GAIN)
            told = len(_content_keys(draft.title.text) & lead)
            # the first that does: a deck under the headline sums up the lead, and may share more of its words
            best = next((k for k in candidates if _lead_tells(self.lines[k].span.text, lead, least, told)), -1)
            if best >= 0:
                self._retitle(draft, best)

    def _title_above_from_the_lead(self) -> None:
        """The same evidence above the first article's title: a title-like line over it, with only page furniture
        and dates between, that shares far more of its words with the lead than the line read as the title does
        (``FLOODING: Thank heavens for our drainage boards`` over a letters page's ``Have your say``), is the title,
        and the line read as the title the page's label (furniture), or the deck where it is a line of more words
        than a label right under it."""
        if not self.drafts:
            return
        draft = self.drafts[0]
        if draft.markdown or draft.title_at <= 0 or not draft.body:
            return
        lead: frozenset[str] | None = None  # (the lead's words, once a line above has a headline's shape)
        for k in range(draft.title_at - 1, -1, -1):
            if self.roles[k] not in (FURNITURE_ROLE, DATE_ROLE, CREDIT_ROLE) or self.owners[k] not in (None, draft):
                return
            line = self.lines[k]
            if (line.kind is not TITLE_LINE or line.heading or line.byline is not None
                    or _words(line.span) <= MAX_SECTION_WORDS):
                continue
            lead = _lead_keys(draft) if lead is None else lead
            if (_cohesion(line.span.text, lead) < _cohesion(draft.title.text, lead) + MIN_COHESION_GAIN
                    or _quotes_the_lead(_lead_text(draft), line.span.text)):
                continue
            was = draft.title_at
            if draft.series_at >= 0:
                self._set(draft.series_at, FURNITURE_ROLE, None)
                draft.series, draft.series_at = None, -1
            if was == k + 1 and _words(draft.title) > MAX_SECTION_WORDS:  # (a line of the story's right under it)
                draft.series, draft.series_at = draft.title, was
                self._set(was, SERIES_ROLE, draft)
            else:
                self._set(was, FURNITURE_ROLE, None)
            self._take_title(draft, k)
            return

    def _where(self, text: str) -> list[int]:
        """The lines whose text is ``text``, word for word."""
        if self.at_text is None:  # (built once, on the first call: the lines' texts do not change, their roles do)
            self.at_text = {}
            for m, line in enumerate(self.lines):
                self.at_text.setdefault(line.span.text, []).append(m)
        return self.at_text[text]

    def _chrome_again(self, k: int) -> bool:
        """``lines[k]`` gives again, word for word, a line read as page furniture above it."""
        return any(m < k and self.roles[m] is FURNITURE_ROLE for m in self._where(self.lines[k].span.text))

    def _given_again(self, k: int) -> bool:
        """The page gives ``lines[k]`` more than once, word for word."""
        return len(self._where(self.lines[k].span.text)) > 1

    def _headline_below(self, k: int, draft: _Draft) -> bool:
        """``lines[k]``, under ``draft``'s title and above its body, could be its headline: a title-like line
        of more words than a section's name, naming no writer, not a metadata field (``Event Opening Ceremony of
        ...``), not the post under a byline (``Minister for Employment``) and not another article's."""
        line = self.lines[k]
        return (line.kind is TITLE_LINE and not line.heading and line.byline is None
                and not (self.roles[k] is HEADING_ROLE and line.span.text.isupper())  # a subheading in capitals
                and not (self.roles[k - 1] is BYLINE_ROLE and _is_post(line.span.text))  # the writer's post
                and self.owners[k] in (draft, None) and _words(line.span) > MAX_SECTION_WORDS
                and line.span.text.split(None, 1)[0].lower() not in _FIELD_WORDS)

    def _author_note(self, draft: _Draft) -> None:
        """A paragraph that is a note on the writer (``Eric Holdeman is a contributing writer for ...``,
        ``transforms.bylines.parse_author_note``) and that no more body follows directly, or such a note in brackets
        opening the text, is the byline of an article that has none: the writer is its author, and the note is not
        one of its paragraphs. Under an article whose byline names the same writer, it is a ``note`` credit."""
        signed, last = draft.byline, len(draft.body) - 1
        if signed is not None and draft.body[last].span.text[:1] != signed.name[:1]:
            return  # (under a byline, only the last paragraph, where it opens as the writer's name does)
        for k in range(last, last - 1 if signed is not None else -1, -1):
            line = draft.body[k]
            if line.kind is not BODY_LINE or len(line.span.text) > MAX_AUTHOR_NOTE:
                continue
            text = line.span.text
            # (a note in brackets opening the text: ``(Bill Sternberg is a veteran Washington journalist ...)``)
            opening = k == 0 and text[0] == "(" and text[-1] == ")"
            note = parse_author_note(text[1:-1] if opening else text)
            if note is None:
                continue
            i = bisect_left(self.lines, line.line_start, key=_line_start)
            if not opening and i + 1 < len(self.lines) and self.lines[i + 1].kind in (BODY_LINE, DASH_LINE) and (
                    self.owners[i + 1] is draft):
                continue  # the article's body goes on under it: text about someone, not a note on the writer
            if signed is not None and (note.role != "author" or note.name not in names_in(signed.name)):
                return  # (a note on someone else under a signed article: text)
            del draft.body[k]
            draft.headings = {(n - 1 if n > k else n): h for n, h in draft.headings.items() if n != k}
            if signed is not None:
                draft.credits.append(Credit("note", note.name, note.line))
                return self._set(i, CREDIT_ROLE, draft)
            _sign(draft, note)
            self._set(i, SIGNATURE_ROLE if note.role == "signatory" else BYLINE_ROLE, draft)
            return

    def _text_above_the_first_heading(self) -> None:
        """In a document whose titles are Markdown headings, a few paragraphs above the first heading, with no
        byline, are the page's header (a tagline, a notice, a picture's caption), not an article: page furniture
        (warning ``furniture_above_title``). A credit or a date among them goes to the article below."""
        if not self.markdown or len(self.drafts) < 2:
            return
        first, below = self.drafts[0], self.drafts[1]
        if (first.markdown or first.title_at >= 0 or first.byline is not None or not below.markdown
                or len(first.body) > MAX_HEADER_PARAGRAPHS):
            return
        self._as_header(first, below)

    def _as_header(self, first: _Draft, below: _Draft) -> None:
        """``first``, read as an article, is the page's header above ``below``: page furniture (warning
        ``furniture_above_title`` on ``below``), but for its credit and date lines, which go to ``below``."""
        for n, owner in enumerate(self.owners):
            if owner is first:
                if self.roles[n] in (CREDIT_ROLE, DATE_ROLE):
                    self.owners[n] = below
                else:
                    self.roles[n], self.owners[n] = FURNITURE_ROLE, None
        below.credits[:0] = first.credits
        below.warnings.append("furniture_above_title")
        self.drafts.remove(first)

    def _header_above_the_first_article(self) -> None:
        """A page's header read as an article above the page's article: a line and a few paragraphs (``Our
        award-winning reporting has moved`` / ``Context provides news and analysis ...``) that name no writer,
        carry no credit or date and share no word with the line above them, over an article that announces itself
        (a byline, a credit or a date), runs longer than a header does and whose headline shares words with its
        lead. They are the page's header, as the text above the first heading is in Markdown (``_as_header``)."""
        if len(self.drafts) < 2:
            return
        first, below = self.drafts[0], self.drafts[1]
        if _lone_untitled(first) and below.title_at >= 0 and below.body:
            # one paragraph with no title above the first headline: the page's blurb (``Today's Letters to the
            # Editor from readers cover ...``)
            return self._as_header(first, below)
        if (first.markdown or first.title_at < 0 or first.byline is not None or first.evidence or first.credits
                or not first.body or len(first.body) > MAX_HEADER_PARAGRAPHS
                or len(below.body) <= MAX_HEADER_PARAGRAPHS or not (below.evidence or below.byline is not None)
                or _cohesion(first.title.text, _lead_keys(first))
                or not _cohesion(below.title.text, _lead_keys(below))):
            return
        self._as_header(first, below)

    def _header_read_as_text(self) -> None:
        """The page's first lines read as an untitled text of one or two short paragraphs closed by a byline, over
        a text with no title and no byline (``After the earthquakes: ... in Türkiye and the U.S.`` / ``Experts
        reflect on building collapses ...`` / ``By Alice Turner, Ph.D.`` / the text): the headline, cut from the
        titles by a full stop, its deck, and the byline, all the text's."""
        if len(self.drafts) < 2:
            return
        first, below = self.drafts[0], self.drafts[1]
        if (first.title.text or first.byline is None or not 1 <= len(first.body) <= 2 or first.markdown
                or below.title.text or below.byline is not None or not below.body or first.headings
                or len(first.body[0].span.text) > MAX_TITLE_CHARS
                or any(len(line.span.text) > MAX_DECK_CHARS or line.kind is not BODY_LINE for line in first.body)
                or len(split_sentences(first.body[0].span.text)) != 1):  # (a headline is one sentence at most)
            return
        at = [bisect_left(self.lines, line.line_start, key=_line_start) for line in first.body]
        for n, owner in enumerate(self.owners):
            if owner is below:
                self.owners[n] = first
        self._take_title(first, at[0])
        if len(at) == 2:
            first.series, first.series_at = first.body[1].span, at[1]
            self._set(at[1], SERIES_ROLE, first)
        first.body, first.headings, first.end = below.body, below.headings, below.end
        first.credits += below.credits
        first.warnings[:] = [w for w in (*first.warnings, *below.warnings) if w != "no_byline"]
        self.drafts.remove(below)

    def _furniture_above_the_first_title(self) -> None:
        """Evidence from the whole document: where the other articles' titles have no deck under them, a short
        line right under the first article's title is its title, and the line above it page furniture (a site's
        tagline, a related link), as on a listing page whose header stands above its first item."""
        if len(self.drafts) < 2:
            return
        first = self.drafts[0]
        if (first.series is None or first.series_at != first.title_at + 1 or first.series_after_evidence
                or first.markdown or any(d.series is not None for d in self.drafts[1:])):
            return
        if not _quotes_the_lead(_lead_text(first), first.series.text):  # (a standfirst printed from the text is a deck)
            self._series_is_the_title(first)

    def _writer_in_the_text_head(self, draft: _Draft) -> None:
        """A name alone read as the text's first or second paragraph, over more text (``Nick V. Quijano Jr.`` under
        the deck): the writer's byline, and a paragraph above it the deck, where the text does not name the writer
        (a name given in the text is the story's)."""
        for n in range(min(MAX_NAME_PARAGRAPH, len(draft.body) - 1)):
            line = draft.body[n]
            text = " ".join(line.span.text.split())
            name = _NAME_SUFFIX_TAIL.sub("", text)
            if (line.kind is not BODY_LINE or len(text) > MAX_SIGNATURE_LINE or text.isupper() or not _is_name(name)
                    or is_publication(name) or "By" in name.split()):
                continue
            if n and (draft.series is not None or n in draft.headings or 0 in draft.headings):
                return
            rest = " ".join(paragraph.span.text for paragraph in draft.body[n + 1 :])
            if not _content_keys(name).isdisjoint(_content_keys(f"{draft.title.text} {rest}")):
                return
            k = bisect_left(self.lines, line.line_start, key=_line_start)
            if n:  # (the paragraph above it is the deck)
                deck = bisect_left(self.lines, draft.body[0].line_start, key=_line_start)
                draft.series, draft.series_at = draft.body[0].span, deck
                self._set(deck, SERIES_ROLE, draft)
            draft.body = draft.body[n + 1 :]
            draft.headings = {ordinal - n - 1: heading for ordinal, heading in draft.headings.items() if ordinal > n}
            self._byline_lines(draft, k, 1, text)
            return

    def _writer_read_as_title(self, draft: _Draft) -> None:
        """A writer's name and a comma read as the title (``John Stuart III, Naples``, ``Molly Dolan, 8th grade
        writer``), under a headline read as page furniture (``Letter: Air pollution``): the headline is the title and
        the name the byline, where the text does not name the writer."""
        k = draft.title_at
        above = self.lines[k - 1]
        if (self.roles[k - 1] is not FURNITURE_ROLE or self.owners[k - 1] not in (None, draft)
                or above.kind is not TITLE_LINE or above.pattern is not None or above.heading
                or _words(above.span) < 2 or draft.series is not None or "," not in draft.title.text):
            return
        body_at = bisect_left(self.lines, draft.body[0].line_start, key=_line_start)
        name = _name_before_comma(" ".join(draft.title.text.split()), draft, above.span.text)
        if name is None or body_at != k + 1:
            return
        self._take_title(draft, k - 1)
        draft.warnings[:] = [w for w in draft.warnings if w != "furniture_above_title"]
        self._byline_lines(draft, k, 1, name)

    def _writer_named_twice(self, draft: _Draft) -> None:
        """A name given twice between ``draft``'s title and its text (``Mike Rucker`` / ``Weather Watch`` / ``Mike
        Rucker``: the byline and the writer's box) is the writer's, where a name given once may be a picture's or
        a label's."""
        first = bisect_left(self.lines, draft.body[0].line_start, key=_line_start)
        seen: dict[str, int] = {}
        for k in range(draft.title_at + 1, first):
            text = " ".join(self.lines[k].span.text.split())
            if (self.roles[k] not in (FURNITURE_ROLE, SERIES_ROLE) or self.lines[k].pattern is not None
                    or not _is_name(text)):
                continue
            if text in seen:
                at = seen[text]
                draft.byline = Byline(line=self.lines[at].span.text, name=text, role="author")
                if draft.series_at in (at, k):
                    draft.series, draft.series_at = None, -1
                self._set(at, BYLINE_ROLE, draft)
                self._set(k, FURNITURE_ROLE, draft)
                return
            seen[text] = k

    def _writer_and_post_below(self, draft: _Draft) -> None:
        """A name over a post, between the headline and the text (``Hillary Rodham Clinton`` / ``Secretary of
        State`` / ``Washington, DC`` under a press statement's headline; ``Jane Doe`` / ``Staff Writer``), read as
        page furniture or a deck: the writer's byline, in two or three lines."""
        first = bisect_left(self.lines, draft.body[0].line_start, key=_line_start)
        for k in range(draft.title_at + 1, first - 1):
            name, post = self.lines[k], self.lines[k + 1]
            if (self.roles[k] is FURNITURE_ROLE and self.roles[k + 1] in (FURNITURE_ROLE, SERIES_ROLE)
                    and name.pattern is None and post.pattern is None and _is_name(" ".join(name.span.text.split()))
                    and _is_post(post.span.text)):
                return self._byline_lines(draft, k, 2)

    def _writer_over_the_date(self, draft: _Draft) -> None:
        """A name alone over the date or the time of posting, between the headline and the text (``Jane Doe`` /
        ``March 3, 2020``), read as page furniture or a deck: the writer's byline. (A name alone elsewhere may be a
        picture's subject or a label's.)"""
        first = bisect_left(self.lines, draft.body[0].line_start, key=_line_start)
        for k in range(draft.title_at + 1, first - 1):
            name, stamp = self.lines[k], self.lines[k + 1]
            paper = ""
            if (stamp.pattern is None and k + 2 < first and self.roles[k + 1] is not BODY_ROLE
                    and _OUTLET.fullmatch(text := " ".join(stamp.span.text.split()))):
                paper, stamp = text, self.lines[k + 2]  # (the writer's paper between: ``The Straits Times``)
            if (self.roles[k] in (FURNITURE_ROLE, SERIES_ROLE) and name.pattern is None
                    and stamp.pattern in _POSTING_STAMPS and not name.span.text.isupper()
                    and _are_names(" ".join(name.span.text.split()))):
                self._byline_lines(draft, k, 1)
                if paper:
                    self._paper_under(draft, k + 1, paper)
                return

    def _writer_over_the_text(self, draft: _Draft) -> None:
        """A name alone on the line right above the text, under the headline (``Warren Couillault`` under the
        headline and its picture's caption), read as page furniture or a deck: the writer's byline, where no word of
        it is the headline's or the lead's (a storm's or a place's name is the story's: ``Cyclone Sitrang``). Over
        the name of a paper right above the text (``Cincinnati Enquirer``), the name is the byline and the paper the
        article's source."""
        k = bisect_left(self.lines, draft.body[0].line_start, key=_line_start) - 1
        if k - 1 > draft.title_at and self.roles[k] is FURNITURE_ROLE and self.lines[k].pattern in _UNDER_BYLINE:
            k -= 1  # (a link to the comments between the name and the text: ``View Comments``)
        paper = " ".join(self.lines[k].span.text.split())
        if (k > draft.title_at and self.roles[k] in (FURNITURE_ROLE, SERIES_ROLE) and self.lines[k].pattern is None
                and not paper.isupper() and (glued := _NAME_THEN_AGENCY.fullmatch(paper)) is not None):
            # the name and the agency on one line, nothing between (``Cherie Henderson Associated Press``)
            name = glued["name"]
            if _is_name(name) and _content_keys(name).isdisjoint(_content_keys(draft.title.text)):
                return self._byline_lines(draft, k, 1, name)  # (the agency after the name is its source: ``build``)
        if (k - 1 > draft.title_at and self.roles[k] in (FURNITURE_ROLE, SERIES_ROLE) and self.lines[k].pattern is None
                and (is_publication(paper) or _OUTLET.fullmatch(paper))):
            k -= 1  # the name over its paper's (``Victoria Moorwood`` / ``Cincinnati Enquirer``, ``USA TODAY``)
        elif k - 1 > draft.title_at and self.roles[k] is CREDIT_ROLE and self.lines[k].pattern == "agency_name":
            k, paper = k - 1, ""  # over its agency's (``Reuters``), a credit already
        elif (k - 1 > draft.title_at and self.roles[k] in (FURNITURE_ROLE, SERIES_ROLE) and paper[:1] == "@"
              and _HANDLE.fullmatch(paper)):
            self._set(k, FURNITURE_ROLE, draft)
            k, paper = k - 1, ""  # over the writer's handle (``@janedoe``)
        else:
            paper = ""
        line = self.lines[k]
        # (a name read as the first paragraph's subheading, right under the date: ``Emma Davidson``)
        heading = self.roles[k] is HEADING_ROLE and not paper and 0 in draft.headings
        if (k <= draft.title_at or (self.roles[k] not in (FURNITURE_ROLE, SERIES_ROLE) and not heading)
                or line.pattern is not None):
            return
        text = " ".join(line.span.text.split()).rstrip(_NAME_TRAIL)  # ``Nick Gibbs |``: the name of a name | date
        if not paper and "," in text:
            text = _name_before_comma(text, draft, draft.title.text) or text  # (the name of ``Zan Azlee, TMI``)
        lead = draft.body[0].span.text
        named = _POST_BEFORE_NAME.sub("", text)
        if not paper and named != text and _is_name(named) and (
                (lead.startswith(text) and _WRITES.match(lead, len(text)) is not None)
                or draft.title.text.endswith(f" {named}")):
            # the writer, and the text opens on the same words (``Premier Alden McLaughlin`` / ``Premier Alden
            # McLaughlin writes: Each year ...``), or the headline names the writer (``Statement from U.S. Ambassador
            # Mark Gilbert`` / ``Ambassador Mark Gilbert``)
            return self._byline_lines(draft, k, 1, named)
        if (text.isupper() or not _are_names(text) or _is_post(text) or is_publication(text)
                or not _content_keys(text).isdisjoint(_content_keys(f"{draft.title.text} {_lead_text(draft)}"))):
            return
        body = " ".join(paragraph.span.text for paragraph in draft.body)
        if not {w.lower() for w in text.split() if w not in ("and", "&")}.isdisjoint(_LOWER_WORD.findall(body)) or any(
                self.roles[m] in (FURNITURE_ROLE, SERIES_ROLE) and _is_name(" ".join(self.lines[m].span.text.split()))
                for m in range(draft.title_at + 1, k)):
            return  # words the text has in lower case (``Decision Makers``), or two names there (a label and one)
        if heading:
            del draft.headings[0]
            if not draft.headings:
                draft.warnings[:] = [w for w in draft.warnings if w != "subheading_inferred"]
        self._byline_lines(draft, k, 1, text)
        if k - 1 > draft.title_at and self.lines[k - 1].span.text == line.span.text:
            # the same line right above it (the writer's picture's text: ``Giovanni Tapang, Ph.D.`` twice)
            if draft.series is not None and draft.series.char_start == self.lines[k - 1].span.char_start:
                draft.series, draft.series_at = None, -1
            self._set(k - 1, FURNITURE_ROLE, draft)
        if paper:
            self._paper_under(draft, k + 1, paper)

    def _paper_under(self, draft: _Draft, k: int, paper: str) -> None:
        """``lines[k]``, under ``draft``'s byline, names the writer's paper: the article's source."""
        draft.credits.append(Credit("source", paper, paper))
        if draft.series_at == k:
            draft.series, draft.series_at = None, -1
        self._set(k, CREDIT_ROLE, draft)

    def _writer_and_post_above(self, draft: _Draft) -> None:
        """A columnist's name and post above the headline (``Ghassan Charbel`` / ``Editor-in-Chief of Asharq
        Al-Awsat newspaper`` / ``The Earthquake Factory``), read as page furniture, a title and its series line:
        the two lines are the byline, and the series line is the headline."""
        assert draft.series is not None
        post_at = draft.title_at
        name, post = self.lines[post_at - 1], self.lines[post_at]
        if (self.roles[post_at - 1] is not FURNITURE_ROLE or name.pattern is not None
                or not _is_name(name.span.text) or not _is_post(post.span.text)):
            return
        self._series_is_the_title(draft)
        draft.warnings[:] = [w for w in draft.warnings if w != "furniture_above_title"]
        draft.start = name.line_start
        self._byline_lines(draft, post_at - 1, 2)

    def _byline_lines(self, draft: _Draft, k: int, n: int, name: str | None = None) -> None:
        """``lines[k]`` (a name, or ``name`` on it) and the ``n - 1`` lines under it (a post) are ``draft``'s
        byline, no longer its series line if one of them was read as that."""
        texts = [line.span.text for line in self.lines[k : k + n]]
        _sign(draft, Byline(line=" ".join(texts), name=name or name_case(" ".join(texts[0].split())), role="author"))
        if k <= draft.series_at < k + n:
            draft.series, draft.series_at = None, -1
        for m in range(k, k + n):
            self._set(m, BYLINE_ROLE, draft)

    def _titles_under_the_navigation(self) -> None:
        """A site's name over its navigation (``Ministry for Police and Emergency Services`` / ``1. Home`` /
        ``2. News`` / ``Print this page``), read as the title, with the headline read as its series line under
        the navigation, right over the text or its date and label: the series line is the headline, and the site's
        name page furniture. A headline stands by its text; the site's name stands over the page's menus."""
        for draft in self.drafts:
            if (draft.series is None or draft.series_at < 0 or draft.title_at < 0 or draft.markdown or not draft.body
                    or draft.byline is not None or draft.series_at - draft.title_at <= MIN_NAVIGATION_LINES):
                continue
            between = range(draft.title_at + 1, draft.series_at)
            body_at = bisect_left(self.lines, draft.body[0].line_start, key=_line_start)
            if (all(self.roles[k] is FURNITURE_ROLE and _words(self.lines[k].span) <= MAX_NAVIGATION_WORDS
                    and self.lines[k].pattern not in _PICTURE_PATTERNS for k in between)
                    and all(self.roles[k] in (FURNITURE_ROLE, DATE_ROLE, CREDIT_ROLE)
                            for k in range(draft.series_at + 1, body_at))
                    and _words(draft.series) > MAX_SECTION_WORDS):
                self._series_is_the_title(draft)

    def _titles_named_by_breadcrumbs(self) -> None:
        """A page's breadcrumb trail ends with the page's headline (``Home › Archive › Steady Rains Damage ...``,
        glued as ``HomeArchiveSteady Rains ...`` once its links lose their markup): where such a line stands
        between a draft's title and its series line and ends with the series line, the series line is the
        headline, and the line read as the title is the site's furniture above it (a tagline)."""
        for draft in self.drafts:
            if draft.series is None or draft.series_at < 0 or draft.title_at < 0 or draft.markdown:
                continue
            series = "".join(draft.series.text.split()).casefold()
            for k in range(draft.title_at + 1, draft.series_at):
                if self.roles[k] is FURNITURE_ROLE:
                    crumbs = "".join(self.lines[k].span.text.split()).casefold()
                    if len(crumbs) > len(series) and crumbs.endswith(series):
                        self._series_is_the_title(draft)
                        break

    def _series_is_the_title(self, draft: _Draft) -> None:
        """The line read as ``draft``'s series line is its title (``_retitle``)."""
        assert draft.series is not None
        self._retitle(draft, draft.series_at)

    def _retitle(self, draft: _Draft, k: int) -> None:
        """``lines[k]``, below the line read as ``draft``'s title, is its title, and the lines above it read as
        its title (and its repeat, where it was printed twice) or its series are page furniture (warning
        ``furniture_above_title``). The writer or speaker the new title names (``Speech by President X at ...``)
        is its author when it has no byline."""
        for n in range(draft.title_at, k):
            if self.roles[n] in (TITLE_ROLE, SERIES_ROLE):
                self._set(n, FURNITURE_ROLE, None)
        if 0 <= draft.series_at <= k:
            draft.series, draft.series_at = None, -1
        draft.warnings.append("furniture_above_title")
        self._take_title(draft, k)
        signed = self.lines[k].byline
        if signed is not None and draft.byline is None:
            draft.byline = signed

    def _take_title(self, draft: _Draft, k: int) -> None:
        """``lines[k]`` is ``draft``'s title, and the article starts with it."""
        draft.title, draft.title_at, draft.start = self.lines[k].span, k, self.lines[k].line_start
        self._set(k, TITLE_ROLE, draft)


# The links a page prints between a byline and the text (``View Comments``, ``12 Comments``).
_UNDER_BYLINE = frozenset({"link", "counter"})

# The patterns of a line that says when a text was posted.
_POSTING_STAMPS = frozenset({"date", "timestamp", "update_stamp", "posted_stamp", "stamp_first", "relative_stamp"})


def group_lines(lines: list[Line]) -> tuple[list[_Draft], list[Role], list[int | None]]:
    """The draft articles of a document's classified lines, and each line's role and article (an index into
    the drafts, or None for page furniture outside any article)."""
    grouping = _Grouping(lines)
    drafts = grouping.run()
    index = {id(d): n for n, d in enumerate(drafts)}
    return drafts, grouping.roles, list(map(index.get, map(id, grouping.owners)))  # (None's id is no draft's)


def segment_document(doc: Document) -> tuple[Article, ...]:
    """Split a document into articles, paragraphs and sentences. Returns () when nothing is found."""
    return segment_lines(doc)[0]


def segment_lines(doc: Document) -> Segmented:
    """The document's articles (``segment_document``) and the role of each of its non-blank lines."""
    articles: list[Article] = []
    capitals = glued_capitals(doc.text)  # found once for the document; each paragraph gets its own
    seen_titles: dict[str, int] = {}
    lines = classify_lines(doc.text)
    drafts, roles, owners = group_lines(lines)
    photos = _photo_credits(lines, roles, owners)
    article_ids: dict[int, str] = {}
    for index, draft in enumerate(drafts):
        if not draft.body and not draft.title.text:
            continue  # a lone byline: nothing to attach it to
        title = " ".join(draft.title.text.split())  # a title wrapped onto two lines is one line
        warnings = list(draft.warnings)
        if not title:
            if not articles and _headline_with_full_stop(draft):  # (the page's first text)
                headline = draft.body.pop(0)
                title = headline.span.text
                roles[bisect_left(lines, headline.line_start, key=_line_start)] = TITLE_ROLE
            else:
                title = _guess_title(doc.text, draft.body)
            warnings.append("title_guessed")
        if not draft.body:
            warnings.append("no_paragraphs")
        key = " ".join(title.casefold().split())
        seen_titles[key] = seen_titles.get(key, 0) + 1
        article_id = ids.article_id(doc.doc_id, title, seen_titles[key])
        article_ids[index] = article_id
        if draft.series_at >= 0 and draft.body and lines[draft.series_at + 1] is draft.body[0]:
            _deck_run_into_the_text(doc.text, draft, lines, roles)
        built = _paragraphs(doc, article_id, draft, capitals)
        paragraphs = tuple([p for p, _ in built])  # (list comprehensions: cheaper than generators here)
        unterminated = [_unterminated(p.text) for p in paragraphs]
        if any(unterminated) and _join_broken(doc.text, draft, unterminated):
            built = _paragraphs(doc, article_id, draft, capitals)
            paragraphs = tuple([p for p, _ in built])
            unterminated = [_unterminated(p.text) for p in paragraphs]
        if any([capped for _, capped in built]):
            warnings.append("long_sentence_split")
        if any(unterminated):
            warnings.append("unterminated_paragraph")
        byline = draft.byline if draft.byline is not None else _unlabelled_writer(draft, title)
        if byline is None:  # (the writer named in the note on where the text ran first)
            byline = next((b for c in draft.credits if c.role == "source" and (b := _writer_in_note(c.line))), None)
        credits = (*draft.credits, *photos.get(index, ()))
        if draft.body and (closing := _closing_source(draft.body[-1].span.text)) is not None:
            credits = (*credits, closing)
        if byline is not None and is_publication(byline.name):  # ``by Daily Patriot``: the paper's, no one's
            credits = (*credits, Credit("source", byline.name, byline.line))
            byline = None
        elif byline is not None and (tail := byline_affiliation(byline)) is not None:
            credits = (*credits, Credit(*tail, byline.line))  # ``By Jane Doe, Reuters``: source Reuters
        lead_source = _lead_source(paragraphs[0].text) if paragraphs else None
        if lead_source is not None and all(c.name != lead_source.name for c in credits):
            credits = (*credits, lead_source)
        articles.append(
            Article(
                article_id=article_id,
                doc_id=doc.doc_id,
                ordinal=len(articles),
                title=title,
                series=" ".join(draft.series.text.split()) if draft.series else None,
                byline=byline,
                char_start=draft.start,
                char_end=draft.end,
                paragraphs=paragraphs,
                warnings=tuple(dict.fromkeys(warnings)),
                credits=credits,
            )
        )
    doc_id = doc.doc_id
    line_roles = tuple([
        _new_tuple(LineRole, (doc_id, n, line.line_start, line.line_end or line.span.char_end, role,
                              None if owner is None else article_ids.get(owner), line.pattern))
        for n, (line, role, owner) in enumerate(zip(lines, roles, owners, strict=True))
    ])
    return Segmented(tuple(articles), line_roles)


def _photo_credits(lines: list[Line], roles: list[Role], owners: list[int | None]) -> dict[int, list[Credit]]:
    """The photo credits that end the captions (page furniture) in each draft, by its index: ``photo: Xinhua/Zhang
    Ling`` of ``... on June 9, 2023. (Xinhua/Zhang Ling)``, with the caption as the credit's line."""
    found: dict[int, list[Credit]] = {}
    for line, role, owner in zip(lines, roles, owners, strict=True):
        if (role is FURNITURE_ROLE and owner is not None and line.pattern != "copyright"  # (``Copyright ©1999-2018``)
                and (name := caption_credit(line.span.text))):
            found.setdefault(owner, []).append(Credit("photo", name, line.span.text))
    return found


_WRITER_ROLES = ("reporter", "writer")


def _credited_writer(credits: list[Credit]) -> Byline | None:
    """An article with no byline is by the people its credits name as its reporter or writer (``(Reporting by
    Denny Thomas in Toronto; Editing by Peter Cooney)``): its author, with that role."""
    writers = [c for c in credits if c.role in _WRITER_ROLES]
    if not writers:
        return None
    return Byline(line=writers[0].line, name=", ".join(c.name for c in writers), role=writers[0].role)


def _unlabelled_writer(draft: _Draft, title: str) -> Byline | None:
    """The writer of an article with no byline: the reporter or writer its credits name (``_credited_writer``),
    else the name its headline ends with after a dash (``bylines.dash_signature``) when its text does not name
    that person (a quoted headline's speaker is named in the story; an opinion's writer is not)."""
    credited = _credited_writer(draft.credits)
    if credited is not None or draft.title_at < 0 or (signed := dash_signature(title)) is None:
        return credited
    surname = signed.name.split()[-1]
    return None if any(surname in line.span.text for line in draft.body) else signed


# A news agency's or a source's tag opening a story's lead, after its dateline: ``MANILA, Dec 6 (Reuters) - ...``,
# ``(Eagle News) — ...``, ``MANILA, Philippines | AFP | — ...``.
_LEAD_SOURCE = re.compile(
    r"(?P<place>(?:[A-Z0-9][\w.'’/&-]*,?\s+){0,8}?)"
    r"(?:\((?P<bracketed>[A-Z][\w.&'’ -]{0,30}?)\)|\|\s*(?P<barred>[A-Z][\w.&'’ -]{0,30}?)\s*\|)\s*(?:--|[—–_-])\s")
_UNDASHED_LEAD_SOURCE = re.compile(
    r"(?P<place>(?:[A-Z][\w.'’/&-]*,?\s+){1,4}?)\((?P<bracketed>[A-Z][\w.&'’ -]{0,30}?)\)\s*(?=[A-Z])")
# ... after a dateline with its date, the agency's tag in any case and followed by a colon, a dash, ``.-`` or the text
# itself: ``NEW YORK, Aug 28 (APP): ...``, ``HAVANA, Cuba, Sept 8 (acn) Over ...``, ``Addis Ababa, August
# 21/2020(ENA) The ...``
_DATED_LEAD_SOURCE = re.compile(
    r"(?P<place>[A-Z][\w.'’ -]{1,40}?,\s+(?:[A-Z][\w.'’-]*,?\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:/\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)\s*)"
    r"\((?P<bracketed>[A-Za-z]{2,8}(?:-[A-Za-z]{2,8})?)\)\s*(?::|\.-|--|[—–-])?\s*(?=[A-Z\"“‘'])")
_AGENCIES = frozenset(NEWS_AGENCIES)
_AGENCY_LEAD = re.compile(rf"(?P<agency>{'|'.join(NEWS_AGENCIES)})\s*(?:--|[—–-])\s")
# ... and closing the text after its last sentence: ``... at SK Pulai Chondong. - Bernama``, or with its desk's
# codes: ``... he said. PTI COR PJT NP``
_AGENCY_CLOSING = re.compile(rf"[.!?\"'”’]\s*(?:(?:--|[—–-])\s*(?P<agency>{'|'.join(NEWS_AGENCIES)})"
                             rf"|(?P<slugged>{'|'.join(NEWS_AGENCIES)})(?-i:\s+[A-Z]{{2,4}}){{1,5}})\Z")
MAX_LEAD_TAG = 120  # how far into the lead the tag may end
MAX_CLOSING_AGENCY = 36  # how far from the text's end a closing agency's dash (or its slug) may be


def _lead_source(text: str) -> Credit | None:
    """The source a story's lead credits in its opening tag (``_LEAD_SOURCE``): a news agency's, or any
    source's where the tag opens the lead or follows a dateline (a place and a comma); an organisation's
    abbreviation after its name (``The World Health Organization (WHO) — ...``) is none."""
    head = text[:MAX_LEAD_TAG]
    if ")" not in head and "|" not in head:
        # a news agency's name and a dash, with no place: ``AFP – China's southern island of Hainan ...``
        found = _AGENCY_LEAD.match(head) if head[:1].isupper() else None
        return None if found is None else Credit("source", found["agency"], found.group().rstrip(" -—–"))
    found = _LEAD_SOURCE.match(head)
    if found is None and (dated := _DATED_LEAD_SOURCE.match(head)) is not None:
        return Credit("source", dated["bracketed"], dated.group().rstrip(" -—–:"))
    if found is None:
        # with no dash after it, a news outlet's tag after a place: ``New York (CNN Business) The storm ...``
        found = _UNDASHED_LEAD_SOURCE.match(head)
        if found is None or not is_publication(found["bracketed"]):
            return None
        return Credit("source", found["bracketed"], found.group().rstrip())
    name = found["bracketed"] or found["barred"]
    place = found["place"]
    if name not in _AGENCIES and place and "," not in place and not place.isupper():
        return None
    return Credit("source", name, found.group().rstrip(" -—–_"))


def _deck_run_into_the_text(text: str, draft: _Draft, lines: list[Line], roles: list[Role]) -> None:
    """The line read as ``draft``'s deck, right above its text in the same block, stops mid-sentence and the text
    goes on from it in lower case (``More than 100 acres of Land belonging`` / ``to the Kotaveheragala Mountain
    Reserve ... had been destroyed``): it is the first words of the first paragraph."""
    above, lead = lines[draft.series_at], draft.body[0]
    if (lead.kind is BODY_LINE and lead.span.text[0].islower() and above.block == lead.block
            and above.kind is TITLE_LINE and not above.heading and _unterminated(above.span.text)):
        draft.body[0] = lead._replace(span=_trimmed(text, above.span.char_start, lead.span.char_end),
                                      line_start=above.line_start)
        roles[draft.series_at] = BODY_ROLE
        draft.series, draft.series_at = None, -1


def _join_broken(text: str, draft: _Draft, unterminated: list[bool]) -> bool:
    """Join each paragraph of ``draft`` that stops mid-sentence (``unterminated``, one flag per paragraph) with
    the paragraph right under it, in the same block, that goes on in lower case: one paragraph broken over two
    lines (``... the water rose 18 inches high`` / ``flow through the streets and flood homes.``). Whether any
    were joined."""
    body = draft.body
    joined = False
    # (from the last, so that the indices above a join hold)
    for k in [k for k, stops in enumerate(unterminated[:-1]) if stops][::-1]:
        line, below = body[k], body[k + 1]
        if (below.span.text[0].islower() and line.kind is BODY_LINE and below.kind is BODY_LINE
                and line.block == below.block and k + 1 not in draft.headings and line.span.text[-1] not in ":;"):
            body[k : k + 2] = [line._replace(span=_trimmed(text, line.span.char_start, below.span.char_end),
                                             line_end=below.line_end)]
            if draft.headings:
                draft.headings = {(n - 1 if n > k else n): h for n, h in draft.headings.items()}
            joined = True
    return joined


def _unterminated(text: str) -> bool:
    """A paragraph that stops mid-sentence (a lead-in ending with a colon is finished; so is one whose last sentence
    is followed by its source in brackets or after a dash: ``... like situations. (DIPRO)``, ``... - Bernama``)."""
    core = text.rstrip(_CLOSERS_OR_SPACE)
    return not core or (core[-1] not in _FINISHED and not (text[-1] == ")" and _tag_after_sentence(text))
                        and _closing_agency(text) is None)


# The writer named in a note on where the text ran first: ``This article, by Paul Berger, was originally published in
# the Chronicle Journal ...``
_BY_IN_NOTE = re.compile(
    r"this\s+(?:article|story|piece|column|essay|op-ed|commentary)\s*,\s*by\s+(?P<name>[^,]{3,60}),", re.IGNORECASE)


def _writer_in_note(line: str) -> Byline | None:
    found = _BY_IN_NOTE.match(line) if line[:4].lower() == "this" else None
    byline = parse_byline(f"By {found['name']}") if found is not None else None
    return None if byline is None else Byline(line=line, name=byline.name, role="author")


def _closing_agency(text: str) -> re.Match[str] | None:
    return _AGENCY_CLOSING.search(text, max(0, len(text) - MAX_CLOSING_AGENCY)) if text[-1:].isalpha() else None


def _closing_source(text: str) -> Credit | None:
    """The source that closes a story's last paragraph after its last sentence: an agency's or an office's initials
    in brackets (``... in case of emergency. (DIPRO)``, ``... on Monday. (Xinhua)``), or a news agency's name
    after a dash (``... at SK Pulai Chondong. - Bernama``); a stage direction is none (``(Laughter)``)."""
    found = _closing_agency(text)
    if found is not None:
        return Credit("source", found["agency"] or found["slugged"], found.group().lstrip(_TERMINAL + "\"'”’ "))
    tag = _tag_after_sentence(text) if text[-1:] == ")" else None
    if tag is None or not (tag.isupper() or tag in _DESKS):
        return None
    return Credit("source", tag, f"({tag})")


def _salutes(line: str) -> bool:
    """``line`` is a letter's or a speech's greeting on a line of its own (``Dear Mayor Bloomberg,``)."""
    return len(line) <= MAX_SALUTATION and line[-1] in ",:" and (line[:5].lower() == "dear " or _greets(line))


MAX_SALUTATION = 80
MAX_STOPPED_HEADLINE_WORDS = 14
MIN_LEAD_UNDER_HEADLINE = 150  # characters


def _headline_with_full_stop(draft: _Draft) -> bool:
    """The first line of an untitled text is its headline, printed with a full stop: one sentence of a few words
    over a paragraph more than twice as long, of 150 characters or more (``Wildland Fire Risk, This Could Be The
    year.`` / ``Sitting down to write this, I am looking over ...``)."""
    body = draft.body
    if len(body) < 2 or body[0].kind is not BODY_LINE or 0 in draft.headings:
        return False
    text = body[0].span.text
    return (len(text) > 2 and text[-1] == "." and text[-2] not in _TERMINAL
            and len(text.split()) <= MAX_STOPPED_HEADLINE_WORDS
            and len(body[1].span.text) > max(2 * len(text), MIN_LEAD_UNDER_HEADLINE)
            and len(split_sentences(text)) == 1)


def _guess_title(text: str, body: list[Line]) -> str:
    """The first sentence of ``body`` (past a letter's or a speech's greeting: ``Dear Mayor Bloomberg,``, ``Your
    Excellencies, Ladies and Gentlemen,``)."""
    if not body:
        return "(untitled)"
    k = 0
    while k < len(body) - 1 and _salutes(body[k].span.text):
        k += 1
    first = body[k].span
    spans = split_sentences(first.text)
    s, e = spans[0] if spans else (0, len(first.text))
    guess = first.text[s:e].rstrip(_TERMINAL)
    return guess if len(guess) <= MAX_TITLE_CHARS else guess[: MAX_TITLE_CHARS - 1].rstrip() + "…"


# The link to the rest of a teaser on a listing page, after its text: `` Read More``, ``…... read more``,
# `` Read more…``. (The mark of the cut, ``…`` or ``[…]``, is the teaser's text as printed.)
_TEASER_LINK = re.compile(
    rf"(?:\s*(?:\.{{2,}}|…)+)?\s*(?:{_MORE_LINK}|read\s+on)"
    r"\s*[»>›→…]*\Z",
    re.IGNORECASE)


# The id suffixes of the first paragraphs and sentences, made once (``transforms.ids``).
_PARAGRAPH_SUFFIXES, _SENTENCE_SUFFIXES = ids.PARAGRAPH_SUFFIXES, ids.SENTENCE_SUFFIXES
_MADE_SUFFIXES = min(len(_PARAGRAPH_SUFFIXES), len(_SENTENCE_SUFFIXES))


def _paragraphs(doc: Document, article_id: str, draft: _Draft, capitals: list[int]) -> list[tuple[Paragraph, bool]]:
    """``_paragraph`` of each line of ``draft``'s body, under its subheading."""
    headings = draft.headings
    return [_paragraph(doc, article_id, ordinal, line, capitals, headings.get(ordinal) if headings else None)
            for ordinal, line in enumerate(draft.body)]


def _paragraph(
    doc: Document, article_id: str, ordinal: int, line: Line, capitals: list[int], subheading: str | None = None
) -> tuple[Paragraph, bool]:
    """The paragraph on ``line``, and whether an over-long sentence in it had to be cut. ``capitals``: the
    document's ``glued_capitals``."""
    paragraph_id = (article_id + _PARAGRAPH_SUFFIXES[ordinal] if ordinal < _MADE_SUFFIXES
                    else ids.paragraph_id(article_id, ordinal))
    base, end = line.span.char_start, line.span.char_end
    text, doc_id = line.span.text, doc.doc_id
    if text[-1] in "eEgG»>›→…" and (link := _TEASER_LINK.search(text)) is not None and link.start() > 0:
        text, end = text[: link.start()], base + link.start()  # ``... the effects of this Read More``: the link's
    # Those inside the paragraph, with a letter either side of them in it.
    inside = capitals[bisect_left(capitals, base + 1) : bisect_right(capitals, end - 2)]
    found = split_sentences(text, [c - base for c in inside])
    spans = cap_length(text, found)
    # The hot path: made by tuple.__new__ (a NamedTuple's own __new__ is a Python function that calls it, 2x the
    # cost), so positional (fields: id, paragraph, article, document, ordinal, text, span).
    # (each sentence's id is the paragraph's and a suffix made once: ``ids.sentence_id``'s, without a call per
    # sentence)
    suffixes = _SENTENCE_SUFFIXES if len(spans) <= _MADE_SUFFIXES else [
        ids.sentence_suffix(i) for i in range(len(spans))]
    sentences = tuple([
        _new_tuple(Sentence, (paragraph_id + suffixes[i], paragraph_id, article_id, doc_id, i, text[s:e],
                              base + s, base + e))
        for i, (s, e) in enumerate(spans)
    ])
    kind = THESIS_POINT_PARAGRAPH if line.kind is DASH_LINE else BODY_PARAGRAPH
    # (fields: id, article, document, ordinal, kind, marker, text, start, end, sentences, subheading)
    paragraph = _new_tuple(Paragraph, (paragraph_id, article_id, doc_id, ordinal, kind, line.marker, text, base, end,
                                       sentences, subheading))
    return paragraph, len(spans) != len(found)


def segment_or_reject(doc: Document) -> Segmented | Rejection:
    """Segment a document; a document with no recognisable article becomes a rejection."""
    segmented = segment_lines(doc)
    if segmented.articles:
        return segmented
    return Rejection(
        doc.path, doc.sha256, doc.n_bytes, RejectReason.NO_ARTICLES,
        "no article found: the text has no title line, paragraph or thesis point",
    )
