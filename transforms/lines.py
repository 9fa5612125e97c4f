"""The roles a line of a document can have, and the one table of patterns that recognise page furniture.

Every non-blank line of a document gets exactly one ``Role`` (``transforms.segment`` decides, from the line's
own shape and from what comes before and after it). Most roles need the context: a short line is a title
when a body follows it, a heading when it stands inside a body, furniture when nothing does. A line that is
page furniture whatever surrounds it (a credit, a time stamp, a date line, a share or print link, an empty
form field) is recognised by the first pattern of ``PATTERNS`` that matches the whole line: its name is kept
with the line in the outputs, so that an analyst can see why a line went where it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """What a non-blank line of a document is."""

    TITLE = "title"  # opens an article
    SERIES = "series"  # a series line, deck or standfirst under a title
    BYLINE = "byline"  # names the author(s)
    DATELINE = "dateline"  # a place and date standing alone above a body (BEIJING, June 3 --)
    HEADING = "heading"  # a subheading inside an article's body
    BODY = "body"  # a body paragraph
    THESIS_POINT = "thesis_point"  # a body paragraph introduced by a dash marker
    CREDIT = "credit"  # a source, agency header, editor, translator, update stamp or time stamp
    SIGNATURE = "signature"  # the name (and title) signing a letter, statement or speech
    DATE = "date"  # a date on a line of its own
    FURNITURE = "furniture"  # navigation, links, captions, counters, empty fields, site footers


TEXT_ROLES = frozenset({Role.BODY, Role.THESIS_POINT})

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"
_WORD_DATE = rf"(?:{_WEEKDAY})?(?:{_MONTH}\s*{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}})"
_NUMBER_DATE = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}/\d{4}"
_DATE = rf"(?:{_WORD_DATE}|{_NUMBER_DATE})"
_TIME = (r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*(?:gmt|utc|bjt|cst|est|edt|et|pt|hkt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?")
_STAMP = rf"(?:{_DATE}(?:,?\s+(?:at\s+)?{_TIME})?|{_TIME},?\s+{_DATE})"
_SOURCE = r"(?-i:[A-Z])[\w.&'’-]*(?:\s[\w.&'’-]+){0,3}?"  # an agency or publication: Xinhua, China Daily, Global Times
_SEP = r"\s*(?:[|·•:/-]\s*)?"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One kind of furniture line: ``regex`` matches the whole (stripped) line, case-insensitively."""

    name: str
    role: Role
    regex: re.Pattern[str]
    example: str


def _p(name: str, role: Role, regex: str, example: str) -> Pattern:
    return Pattern(name, role, re.compile(rf"(?:{regex})\Z", re.IGNORECASE), example)


MAX_FURNITURE_LINE = 1000  # a furniture line is short (each pattern bounds its own length); a longer one is text

PATTERNS: tuple[Pattern, ...] = (
    _p("date", Role.DATE, rf"(?:dated?\s*:?\s*)?{_DATE}\.?", "May 31, 2022"),
    _p("timestamp", Role.CREDIT, rf"{_STAMP}(?:\s*\((?:[^()]{{1,30}})\))?", "2019-08-02 14:10:05"),
    _p("update_stamp", Role.CREDIT,
       rf"(?:last\s+)?(?:updated|published|posted|first\s+published|release\s+time|time|modified)\s*(?:on)?"
       rf"\s*[:：]?\s*{_STAMP}.{{0,60}}", "Updated: 2015-03-02 11:20"),
    _p("dated_link", Role.FURNITURE, rf"[^|]{{3,120}}?\s{{2,}}\(?{_STAMP}\)?",
       "Li takes the baton   2013-03-16 01:50"),
    _p("agency_stamp", Role.CREDIT, rf"\(?{_SOURCE}\)?{_SEP}(?:(?:updated|published)\s*[:：]?\s*)?{_STAMP}",
       "Xinhua | Updated: 2015-03-02 11:20"),
    _p("stamp_first", Role.CREDIT, rf"{_STAMP}\s*.{{0,60}}", "2015-09-22 12:56CNTV Editor: Mo Hong'e"),
    _p("source_line", Role.CREDIT, r"\(?\s*sources?\s*[:：]\s*[^\s:：].{0,100}", "Source: Xinhua | 2020/3/4 23:53:40"),
    _p("credit_line", Role.CREDIT,
       r"[(\[（【]?\s*(?:(?:web|responsible|executive|chief|copy|managing|photo|video)\s*)?"
       r"(?:(?:editors?|translators?|photographers?|proofreaders?|photo\s+credit)\s*[:：]"
       r"|(?:edited|copyedited|reporting|writing|compiled|translated|photos?|images?|issued|contributed)\s+by\b\s*[:：]?)"
       r"\s*[^\s:：].{0,120}", "(Web editor: Wang Fang, Li Jun)"),
    _p("agency_sign_off", Role.CREDIT,
       r"\(?(?-i:[A-Z])[\w.&'’ -]{1,40}\)?\s+(?:contributed\s+to\s+this\s+report|was\s+first\s+published.*)",
       "This report by The Canadian Press was first published Aug. 23, 2023."),
    _p("parenthesised_note", Role.CREDIT, r"[(\[（【][^()\[\]（）【】]{2,118}[^.!?。！？()\[\]（）【】][)\]）】]",
       "(Beijing Review 03/14/2009)"),
    _p("copyright", Role.FURNITURE,
       r"(?:copyright|©|\(c\)).{0,900}|.{0,100}all rights reserved\.?.{0,900}"
       r"|(?:no\s+)?reproduction\b.{0,80}\b(?:prohibited|permission|forbidden)\b.{0,80}",
       "Copyright ©1999-2018 Chinanews.com. All rights reserved."),
    _p("empty_field", Role.FURNITURE, r"(?-i:[A-Z])[\w’'-]*(?:\s+[\w’'-]+){0,3}\s*[:：]", "Source:"),
    _p("promo", Role.FURNITURE,
       r".{0,140}\b(?:subscribe\s+(?:here|now|today)|sign\s+up\s+(?:here|now|for\s+our)|click\s+here"
       r"|enable\s+push\s+notifications|download\s+(?:our|the)\s+app)\b.{0,120}",
       "Check out our weekly newsletter. Subscribe here!"),
    _p("file_name", Role.FURNITURE, r"\S*\d\S*\.?(?:jpe?g|png|gif|webp|svg)|[\w.-]*\d[\w.-]{23,}",
       "20230822220840-64e571db3763d2ff1bee5fddjpeg"),
    _p("counter", Role.FURNITURE, r"\d{1,7}|\d{1,7}\s+(?:comments?|views?|shares?|likes?)", "12 Comments"),
    _p("link", Role.FURNITURE,
       r"(?:share|print|e-?mail|tweet|facebook|twitter|wechat|weibo|linkedin|whatsapp|comments?|read\s+more"
       r"|related(?:\s+(?:news|stories|posts|articles|links|reading))?|more|top|back\s+to\s+(?:the\s+)?top"
       r"|follow\s+us|subscribe(?:\s+now)?|post\s+a\s+comment|no\s+comments|add\s+your\s+comments?|skip\s+to"
       r"(?:\s+main)?\s+content|(?:adjust\s+)?font\s+size|bookmark|go\s+to\s+forum|you\s+might\s+also\s+like"
       r"|more\s+information|most\s+(?:popular|read|viewed)|editor'?s\s+picks?|latest(?:\s+news)?|home"
       r"|next|previous|close|advertisement|sponsored(?:\s+content)?|search|continue\s+reading|view\s+comments"
       r"|leave\s+a\s+(?:comment|reply)|print\s+this\s+page|text\s+size|recommended|trending|no\s+thanks"
       r"|push\s+icon|log\s*in|sign\s+in|register|menu|back)"
       r"\b[\s\w:>»|·•-]{0,30}?[:.!>»]*", "Read more"),
    _p("nav_arrows", Role.FURNITURE, r".{0,40}(?:>>|»|›)\s*.{0,40}|(?:<<|«|‹).{0,40}", "OPINION >> Editorial"),
    _p("menu", Role.FURNITURE, r"[^|]{1,30}(?:\|[^|]{1,30}){2,}", "About Us | Jobs | Contact Us"),
    _p("archive_label", Role.FURNITURE, r"(?:tag|category|monthly|author)\s+archives?\s*[:：].{0,80}",
       "Tag Archives: UN Secretary-General’s Message"),
)

_DATELINE = re.compile(
    rf"(?-i:[A-Z][A-Z .'’-]{{1,30}}),\s*{_MONTH}\s*{_DAY}(?:,\s*\d{{4}})?\s*(?:\([^()]{{1,30}}\))?\s*(?:--|—|–|-)?",
    re.IGNORECASE,
)
# A photo caption: a sentence or two ending with the photographer's or agency's credit.
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:photo\s*:\s*)?[^()]{0,30}/[^()]{1,40}\)|\[photo(?:/[^\]]{1,40}|\s+by\s[^\]]{1,60})?\]|\(photo(?:\s*:|\s+by)[^()]{1,50}\)"
    r"|\b(?:reuters|afp|ap|xinhua|getty\s+images|epa|ians)/[\w .'-]{2,40}|©\s*[\w .'-]{2,40})\s*\Z",
    re.IGNORECASE,
)
# What may stand in front of a title on its line: a date stamp (`` date 2023-06-12 Premier Li chairs ...``, as
# stored captures of pages have it), a list bullet (``• Ring of fire``).
TITLE_PREFIX = re.compile(r"(?:date\s+)?\d{4}-\d{2}-\d{2}\s+(?=\S)|[•·▪◦●]\s*(?=\S)", re.IGNORECASE)
STAMP = re.compile(_STAMP, re.IGNORECASE)


def furniture_pattern(line: str) -> Pattern | None:
    """The first pattern of ``PATTERNS`` that the whole of ``line`` (stripped) matches, or None."""
    text = line.strip()
    if not text or len(text) > MAX_FURNITURE_LINE:
        return None
    for pattern in PATTERNS:
        if pattern.regex.match(text):
            return pattern
    return None


def is_dateline(line: str) -> bool:
    """A place and a date standing alone: ``BEIJING, June 3 --``, ``KELOWNA, B.C., Aug. 22, 2023 (CP)``."""
    return _DATELINE.fullmatch(line.strip()) is not None


def is_photo_caption(line: str) -> bool:
    """A line that ends with a photo credit: ``... on June 9, 2023. (Xinhua/Zhang Ling)``, ``[Photo/Xinhua]``."""
    return len(line) <= 600 and _CAPTION_CREDIT.search(line.strip()) is not None
