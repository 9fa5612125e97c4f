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
from bisect import bisect_left
from dataclasses import dataclass
from enum import StrEnum

import ahocorasick_rs


class Role(StrEnum):
    """What a non-blank line of a document is (each explained in ``ROLE_MEANINGS``)."""

    TITLE = "title"
    SERIES = "series"
    BYLINE = "byline"
    DATELINE = "dateline"
    HEADING = "heading"
    BODY = "body"
    THESIS_POINT = "thesis_point"
    CREDIT = "credit"
    SIGNATURE = "signature"
    DATE = "date"
    FURNITURE = "furniture"


TEXT_ROLES = frozenset({Role.BODY, Role.THESIS_POINT})
ROLE_MEANINGS = {
    Role.TITLE: "opens an article (a headline broken over two lines is one title line)",
    Role.SERIES: "a series line, deck or standfirst under a title",
    Role.BYLINE: "names the author(s): a byline, or a note on the writer after the text",
    Role.DATELINE: "a place and date (BEIJING, June 3 --), or a town in capitals and its country, above a body",
    Role.HEADING: "a subheading inside an article's body, a speaker's label in a transcript, a letter's reference line",
    Role.BODY: "a body paragraph",
    Role.THESIS_POINT: "a body paragraph introduced by a dash marker",
    Role.CREDIT: "a source, agency header, editor, translator, photo credit, contact, update stamp or time stamp",
    Role.SIGNATURE: "the name (and title or town) signing a letter, statement or speech",
    Role.DATE: "a date on a line of its own",
    Role.FURNITURE: "navigation, links, captions, counters, empty fields, notices, separators, site footers",
}

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY_NAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)"
_WEEKDAY = rf"{_WEEKDAY_NAME}\.?,?\s+"
_WORD_DATE = rf"(?:{_WEEKDAY})?(?:{_MONTH}\s*{_DAY}\s?,?\s*(?<=[,\s])\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}})"
# 2015-03-02, 18-06-2019, 6/18/2019, 17.10.21
_NUMBER_DATE = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/]\d{1,2}[-/]\d{4}|\d{1,2}\.\d{1,2}\.\d{2}(?:\d{2})?"
_DATE = rf"(?:{_WORD_DATE}|{_NUMBER_DATE})"
# a time's zone: UTC, or up to five letters ending in T (``GMT``, ``ET``, ``IST``, ``AEST``), with its offset
_ZONES = r"(?:utc|[a-z]{1,4}t)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
_TIME = (r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
         rf"(?:\s*(?:{_ZONES}))?")
_HOUR = rf"(?:{_TIME}|\d{{1,2}}\s*[ap]\.?m\.?)"  # a time, or an hour alone: ``8 a.m.``
_CLOCK = rf"{_HOUR}(?:\s*(?:{_ZONES}))?"  # ... with its zone: ``12:14 PM EDT``, ``8 a.m. ET``
_ISO_STAMP = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?"  # 2022-09-28T14:58:19Z
_STAMP = rf"(?:{_ISO_STAMP}|{_DATE}(?:(?:,?\s+(?:at\s+)?|\s+[-–|]\s+){_TIME})?|{_TIME},?\s+(?:on\s+)?{_DATE})"
_SOURCE = r"(?-i:[A-Z])[\w.&'’-]*(?:\s[\w.&'’-]+){0,3}?"  # an agency or publication: Xinhua, China Daily, Global Times
_SEP = r"\s*(?:[|·•:/-]\s*)?"


# A letter's salutation and its first words, which a credit of the editor's would name: ``Editor: In the recent
# article, ...``, ``EDITOR: Now that the fires are ...`` (``Editor: Wang Fang`` is a credit).
LETTER_SALUTATION = r"editor\s*[:：]\s*(?-i:[A-Z][\w’'-]*\s+[a-z])"

# News agencies, as bylines, sign-offs and photo credits name them (``- AFP``, ``By Reuters``).
NEWS_AGENCIES = ("AFP", "AP", "Reuters", "Xinhua", "PTI", "IANS", "ANI", "Bernama", "Kyodo", "Yonhap", "EFE", "UPI",
                 "TASS", "Anadolu", "WAM", "UNB", "BSS", "IRNA", "Agencies")

_ADDRESS = r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email\s+protected\])"  # an e-mail address (or a stored page's mask)
PHONE_NUMBER = re.compile(r"\+?[\d(][\d().\s-]{6,20}\d")  # 832.393.0800, +44 (0)20 7946 0000, 613-998-5681
_GROUPED_PHONE = r"\+?(?:\(\d{1,4}\)\s*|\d{1,4}[-.\s])[\d().\s-]{4,16}\d"  # (its digits in groups: no other figure)
# ``Media contact:``, ``Contact details``; ``For more information, contact:``, ``For media enquiries or interviews
# with the Chairperson, please contact:``, ``Enquiries:`` (a release's lead-in to its contacts, with its colon)
CONTACT_LABEL = re.compile(
    r"(?:(?:media|press)\s+)?contacts?(?:\s+(?:information|info|details))?\s*[:：]?"
    r"|(?:for\s+)?(?:(?:more|further)\s+(?:information|details)|(?:media|press)\s+(?:enquiries|inquiries)|enquiries"
    r"|inquiries)(?:[^:：]{0,80}?\b(?:please\s+)?contact)?\s*[:：]", re.IGNORECASE)
MAX_NOTICE = 160  # a page's notice (a cookie, archive or mailing-list notice) is one short line (a browser's, two)
MAX_FURNITURE_LINE = 1000  # a furniture line is short (each pattern bounds its own length); a longer one is text
# A rule drawn across a page holds a run of one of these (and no letter or digit).
RULE_RUNS = ("====", "----", "____", "****", "~~~~", "####", "++++", "....", "····", "────", "━━━━", "════",
             "————", "––––", "••••", "* * ", "- - ", ". . ", "= = ", "• • ", "_ _ ", "~ ~ ", "-=-=", "=-=-", "<><>")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One kind of furniture line: ``regex`` matches the whole (stripped) line, case-insensitively."""

    name: str
    role: Role
    regex: re.Pattern[str]
    example: str
    max_chars: int  # no longer line matches (so a long body line is tried against few patterns)
    needs: tuple[str, ...] = ()  # a line it matches holds one of these, in any case (a cheap test first) ...
    within: int = MAX_FURNITURE_LINE  # ... in its first ``within`` characters
    digit: int = 0  # a line it matches holds a digit in its first ``digit`` characters (every stamp does)
    kind: str | None = None  # a credit's kind (``articles.credits``): timestamp, updated, source, note


def _p(name: str, role: Role, regex: str, example: str, max_chars: int = 200, needs: tuple[str, ...] = (),
       within: int = MAX_FURNITURE_LINE, digit: int = 0, kind: str | None = None) -> Pattern:
    return Pattern(name, role, re.compile(rf"(?:{regex})\Z", re.IGNORECASE), example, max_chars, needs, within,
                   digit, kind)


_COUNTED = r"(?:comments?|views?|shares?|likes?|hits|reads|words|ratings?)"  # what a page's counter counts
# The last word of a paper's or a news site's name (``Ahram Online``, ``Gulf News``, ``The Daily Herald``).
_PAPER_WORDS = ("Online", "News", "Times", "Post", "Daily", "Gazette", "Herald", "Tribune", "Telegraph", "Journal",
                "Express", "Observer", "Chronicle", "Mirror", "Agency", "Newsroom")

# News agencies by their names in full, as sign-offs give them (``-- The Associated Press``).
AGENCY_NAMES = ("Associated Press", "Canadian Press", "Press Association", "Agence France-Presse", "Xinhua News Agency",
                "Press Trust of India", "Kyodo News", "Yonhap News Agency", "Bloomberg", "Reuters", "Xinhua")

# An agency's name, in full or short, as the credit patterns match it, and the cues those patterns are tried on.
_AGENCY = f"(?:{'|'.join(AGENCY_NAMES)})|{'|'.join(NEWS_AGENCIES)}"
_AGENCY_CUES = tuple(name.lower() for name in (*NEWS_AGENCIES, *AGENCY_NAMES))

# ... and the desks a photo's credit names after the photographer (``Kristopher Radder/AP``)
PICTURE_DESKS = (*AGENCY_NAMES, *NEWS_AGENCIES, "Getty Images", "Shutterstock", "AAP", "PA", "EPA-EFE", "EPA",
                 "Alamy", "iStock", "AP Photo", "The Associated Press", "The Canadian Press", "Pixabay", "Unsplash",
                 "Pexels", "Wikimedia Commons", "Flickr")

# A news feed's footer under an item: ``The post Fire stalls short of the town first appeared on Cabin Radio.``
FEED_FOOTER = r"the\s+post\s+.{3,300}?\s+(?:first\s+appeared|appeared\s+first)\s+on\s+[^.]{2,80}\."
# A comment of a page's script or template glued before its text: ``/* ES HIDE ALL TABS ... */ ?>Hay River ...``
CODE_COMMENT = r"/\*.{0,200}?\*/\s*(?:\?>)?\s*"

PATTERNS: tuple[Pattern, ...] = (
    _p("date", Role.DATE, rf"(?:(?:dated?|day)\s*:?\s*|on\s+)?(?:{_DATE}|{_MONTH}\s+\d{{4}}|{_DAY}\s+{_MONTH}\s+\d{{2}}"
       rf"|{_WEEKDAY}\d{{1,2}}/\d{{1,2}}/\d{{2}}|{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th))\.?",
       "May 31, 2022", max_chars=60, digit=30),  # (``28 Oct 13``, ``Wed, 26/06/19``: a two-digit year, day first;
    # ``Thursday 28th``: a day of this month)
    _p("timestamp", Role.CREDIT, rf"(?:{_WEEKDAY})?{_STAMP}(?:\s*\((?:[^()]{{1,30}})\))?", "2019-08-02 14:10:05",
       max_chars=80, kind="timestamp", digit=30),
    # a time alone (``12:14 PM EDT``; ``8 a.m.``, as a live report heads each update; ``3.57 pm``, as a debate's
    # record gives it; ``04.45``, a live report's on the 24-hour clock)
    _p("time", Role.CREDIT, rf"{_CLOCK}|\d{{1,2}}\.\d{{2}}\s*[ap]\.?m\.?|[01]\d\.[0-5]\d|2[0-3]\.[0-5]\d",
       "12:14 PM EDT", max_chars=30, kind="timestamp", digit=3),
    # a card's time and place after their icons' names (``access_time 02:42pm • Apr 26, 2024 place Morisset``)
    _p("icon_stamp", Role.CREDIT, r"access_?time\s+\S.{2,80}", "access_time 02:42pm • Apr 26, 2024 place Morisset",
       max_chars=100, kind="timestamp", needs=("access_time", "accesstime")),
    _p("update_stamp", Role.CREDIT,
       rf"(?:page\s+)?(?:last\s+)?(?:updated|update|published|posted|first\s+published|release\s+time|time|modified"
       rf"|post(?:ed)?\s+date|issued)\s*(?:on|at)?"
       # (the time, then the day with the month's name between hyphens: ``Updated 17:35, 23-Oct-2023``; the zone
       # first: ``Issued at HKT 14:50``)
       rf"\s*[:：]?\s*(?:{_STAMP}.{{0,60}}|(?:{_ZONES}\s+)?{_CLOCK}(?:,?\s+\d{{1,2}}-[a-z]{{3}}-\d{{4}})?)",
       "Updated: 2015-03-02 11:20", max_chars=140,
       kind="updated", digit=60),
    # a page's note on when it changed last (``This page was last updated on 19 February 2021.``)
    _p("page_updated", Role.CREDIT,
       rf"this\s+page\s+was\s+(?:last\s+)?(?:updated|modified|reviewed)\s*(?:on|at)?\s*[:：]?\s*{_STAMP}.{{0,20}}",
       "This page was last updated on 19 February 2021.", max_chars=100, kind="updated", needs=("this page",),
       within=10),
    # the month first and a two-digit year, then the time (``Posted 8/01/18, 02:42 pm``): a cued pattern of its own,
    # tried only on lines that name the posting (a branch of ``update_stamp`` is tried on every short line with a
    # digit near its start)
    _p("posted_stamp", Role.CREDIT, rf"(?:posted|updated|published)\s*:?\s*\d{{1,2}}/\d{{1,2}}/\d{{2}},?\s+{_CLOCK}",
       "Posted 8/01/18, 02:42 pm", max_chars=60, kind="updated", needs=("posted", "updated", "published"),
       within=12),
    # a publishing system's shortcode left in the text (``[ad_1]``, ``[do_widget_area inner_adsbar]``)
    _p("shortcode", Role.FURNITURE, r"\[/?[a-z][a-z0-9]*_[a-z0-9_]*(?:\s[^\[\]]{1,80})?\]", "[ad_1]",
       max_chars=100, needs=("[",), within=1),
    # a listing's count of what it shows (``Displaying 1 - 3 of 3 results.``, ``Showing 1-10 of 52 results``)
    _p("results_count", Role.FURNITURE,
       r"(?:displaying|showing|viewing)\s+(?:results?\s+|items?\s+)?\d{1,6}\s*(?:[-–]|to)\s*\d{1,6}\s+of\s+\d{1,9}"
       r"(?:\s+(?:results?|items?|entries|articles|records|stories|matches))?\.?",
       "Displaying 1 - 3 of 3 results.", max_chars=60, needs=("displaying", "showing", "viewing"), within=10),
    # a search page's head: ``Keyword Search: Tornado (loose results)``
    _p("search_head", Role.FURNITURE, r"(?:keyword\s+)?search(?:\s+results)?\s*(?:for)?\s*:\s*.{1,60}",
       "Keyword Search: Tornado (loose results)", max_chars=80, needs=("search",), within=16),
    # a publishing system's byline that names its account, no person (``Written by admin``)
    _p("account_byline", Role.FURNITURE,
       r"(?:(?:written|posted|published|submitted)\s+)?by\s*:?\s*(?:site\s+)?(?:admin(?:istrator)?|webmaster)",
       "Written by admin", max_chars=40, needs=("admin", "webmaster"), within=40),
    _p("dated_link", Role.FURNITURE, rf"[^|]{{3,120}}?\s{{2,}}\(?{_STAMP}\)?",
       "Li takes the baton   2013-03-16 01:50", max_chars=180, digit=180, needs=("  ",)),
    # a section's name or the day and the stamp, as a listing heads each item: ``News 2022-09-28T14:58:19Z``,
    # ``World 13.10.2018``, ``Saturday - August 2, 2025`` (its date, no source)
    _p("section_stamp", Role.CREDIT,
       rf"(?:news|world|opinion|business|politics|sports?|local|national|international|editorials?|features|health"
       rf"|science|tech|environment|climate|weather|{_WEEKDAY_NAME}\.?){_SEP}{_STAMP}", "News 2022-09-28T14:58:19Z",
       max_chars=80, kind="timestamp", digit=40),
    _p("agency_stamp", Role.CREDIT,
       rf"(?!archives?\s+for\s)\(?(?:{_SOURCE}|[a-z][\w-]*(?:\.[a-z]{{2,}})+)\)?{_SEP}(?:(?:updated|published)\s*[:：]?\s*)?"
       rf"{_STAMP}"
       r"(?:\s+(?:print|share|e-?mail))?", "Xinhua | Updated: 2015-03-02 11:20", max_chars=120, kind="source",
       digit=60),
    # a publication's name (ending in a paper's word), a comma, the date (and the place): ``Ahram Online , Sunday
    # 25 Oct 2015``, ``Gulf News, 10 Aug 2023 - 14:14, Dubai``
    # a feed's line under an item: the site, the agency or the writers, the time (``www.kxan.com – Associated Press
    # – 2024-12-08 19:31:00``)
    _p("feed_source", Role.CREDIT,
       r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\s+[–—-]\s+\S.{1,80}?\s+[–—-]\s+"
       r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?",
       "www.kxan.com – Associated Press – 2024-12-08 19:31:00", max_chars=140, kind="source",
       needs=(" – ", " — ", " - ")),
    _p("source_dated", Role.CREDIT,
       rf"(?-i:(?:[A-Z][\w&'’.-]*\s+){{0,3}}(?:{'|'.join(_PAPER_WORDS)}))\s*,\s*(?:{_WEEKDAY})?{_STAMP}"
       r"(?:\s*,\s*(?-i:[A-Z])[\w .'’-]{1,30}(?:,\s*(?-i:[A-Z])[\w .'’-]{1,30})?)?",
       "Ahram Online , Sunday 25 Oct 2015", max_chars=120, kind="source", digit=60,
       needs=tuple(word.lower() for word in _PAPER_WORDS), within=60),
    # a web address alone on its line (a link's text)
    # a link to the full story on the site it came from: ``To read the full AP story, visit: https://bit.ly/...``
    _p("full_story_link", Role.FURNITURE,
       r"to\s+read\s+the\s+(?:full|whole|complete)\s+(?:\S+\s+){0,2}?(?:story|article|report)\s*,?\s*"
       r"(?:visit|click\s+here|go\s+to|see)\s*:?\s*\S{0,200}", "To read the full AP story, visit: https://bit.ly/x",
       max_chars=240, needs=("read the full", "read the whole", "read the complete")),
    _p("bare_link", Role.FURNITURE, r"(?:https?://|www\.)[^\s\"“”<>]{3,300}", "http://www.dfes.wa.gov.au/Pages/default.aspx",
       max_chars=310, needs=("http", "www."), within=8),
    # the agency a story came from, under its headline: ``From the Associated Press``
    _p("agency_from", Role.CREDIT,
       rf"from\s+(?-i:(?:the\s+)?{_AGENCY})\.?",
       "From the Associated Press", max_chars=50, kind="source",
       needs=_AGENCY_CUES),
    _p("agency_dated", Role.CREDIT,  # an agency's name, a comma and its stamp: ``The Canadian Press, 20 Feb, 2016``
       rf"(?-i:(?:The\s+)?{_AGENCY}),\s*{_STAMP}",
       "The Canadian Press, 20 Feb, 2016 01:15 PM", max_chars=80, kind="source", digit=60,
       needs=_AGENCY_CUES),
    # (not a date glued to a headline: ``2021/07/22Premier Li urges disaster relief efforts``)
    _p("stamp_first", Role.CREDIT, rf"{_STAMP}(?!\d|(?-i:[A-Z])[a-z]{{2}}\w*\s+\w+\s+\w+)\s*.{{0,60}}",
       "2015-09-22 12:56CNTV Editor: Mo Hong'e",
       max_chars=120, kind="timestamp", digit=25),
    _p("source_line", Role.CREDIT, r"\(?\s*sources?\s*[:：]\s*[^\s:：].{0,100}", "Source: Xinhua | 2020/3/4 23:53:40",
       max_chars=120, kind="source", needs=("source",)),
    _p("credit_line", Role.CREDIT,  # (not a letter's salutation: ``Editor: In the recent article, ...``)
       rf"(?!{LETTER_SALUTATION})[(\[（【]?\s*(?:(?:web|responsible|executive|chief|copy|managing|photo|video)\s*)?"
       r"(?:(?:editors?|translators?|photographers?|proofreaders?|photo\s+credit|illustrations?)\s*[:：]"
       r"|(?:additional\s+)?(?:edited|copyedited|reporting|writing|compiled|translated|photos?|photographs?|images?"
       r"|issued|supplied|content\s+(?:created\s+and\s+)?supplied"
       r"|contributed)\s+by\b\s*[:：]?)"
       r"\s*[^\s:：].{0,120}", "(Web editor: Wang Fang, Li Jun)", max_chars=170, kind="credit",
       needs=(":", "：", "by")),
    _p("agency_sign_off", Role.CREDIT,  # (``Associated Press writer Jim Gomez contributed to this report.``)
       r"\(?(?-i:[A-Z])[\w.,&'’ -]{1,80}\)?\s+(?:contributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)"
       r"(?:\s+from\s+[\w.,'’ -]{2,60})?\.?|was\s+first\s+published.{0,60})",
       "This report by The Canadian Press was first published Aug. 23, 2023.", max_chars=170, kind="source",
       needs=("contributed", "published")),
    _p("parenthesised_note", Role.CREDIT,
       r"[(\[（【](?!\s*(?:image|photo|picture)\s+credit)[^()\[\]（）【】]{2,118}[^.!?。！？()\[\]（）【】][)\]）】]",
       "(Beijing Review 03/14/2009)", max_chars=122, kind="note",
       needs=("(", "[", "（", "【"), within=1),
    _p("copyright", Role.FURNITURE,
       r"(?:copyright|©|\(c\)).{0,900}|(?:no\s+)?reproduction\b.{0,80}\b(?:prohibited|permission|forbidden)\b.{0,80}",
       "Copyright ©1999-2018 Chinanews.com. All rights reserved.", max_chars=MAX_FURNITURE_LINE,
       needs=("copyright", "reproduction", "©", "(c)")),
    _p("rights_reserved", Role.FURNITURE, r".{0,100}all rights reserved\.?.{0,900}",
       "The content is ours. All rights reserved.", max_chars=MAX_FURNITURE_LINE, needs=("reserved",),
       within=130),
    _p("contact", Role.CREDIT,
       rf"{CONTACT_LABEL.pattern}|(?:tel|telephone|phone|office|mobile|cell|fax)\.?\s*[:：]?\s*"
       rf"{PHONE_NUMBER.pattern}(?:\s*/\s*\d[\d\s-]{{3,20}}\d)*|{_ADDRESS}"
       # a contact box's fields: ``Email : [email protected]``, ``Snail mail : Daily News, 35, D.R. Wijewardana ...``
       r"|(?:e-?mail|snail\s+mail|postal\s+address)\s*[:：]\s*\S.{0,100}"
       r"|(?:(?:media|press)\s+)?(?:enquiries|inquiries)\s*[:：]\s*(?-i:[A-Z]).{1,80}"  # ``Enquiries: Moloto Mothapo``
       # a line that says how to reach the writer: ``Contact the writer at jdoe@example.com``, ``Jane Doe can be
       # reached at 555-0100``, ``Follow her on Twitter @janedoe``
       rf"|(?:(?:contact|reach|e-?mail|write\s+to|follow)\s+\w.{{0,100}}?|(?-i:[A-Z]).{{1,80}}?\s+(?:can|may)\s+be\s+"
       rf"(?:reached|contacted|emailed)\s+(?:at|via|on|by)\s+)"
       rf"(?:{_ADDRESS}|@\w{{2,30}}|{PHONE_NUMBER.pattern}).{{0,100}}"
       # a release's media contact: ``FOR FURTHER INFORMATION MEDIA SHOULD CONTACT: FEMA NEWS DESK AT (202) ...``
       rf"|(?:for\s+(?:further|more)\s+information|media\s+(?:inquiries|enquiries)).{{0,80}}?"
       rf"(?:{_ADDRESS}|{PHONE_NUMBER.pattern}).{{0,100}}"
       # a release's contact in fields: ``Anna Ratcliff, Oxfam, anna.ratcliff@oxfam.org, +44 (0) 7796993288``,
       # ``Emily Wight, Global Media Unit: emily.wight@example.org; +44 7957 425 401``, ``Eujin Byun, +254 798 487 988``
       rf"|(?:[^,|;:.!?@]{{1,50}}[,|;:]\s*){{1,4}}{_ADDRESS}(?:\s*[,|;/]\s*{PHONE_NUMBER.pattern})?\.?"
       # (after its label: ``Contact: Tom Evenson, (608) 266-2839``)
       rf"|(?:(?:media\s+)?contacts?\s*[:：]\s*)?(?-i:[A-Z])[^,|;:.!?@\d]{{1,50}}[,|;:]\s*{PHONE_NUMBER.pattern}"
       rf"(?:\s*[,;/]\s*{PHONE_NUMBER.pattern})?\.?",
       "Office: 832.393.0800", max_chars=220,
       needs=(":", "：", "@", "contact", "tel", "phone", "office", "mobile", "cell", "fax", "reached", "contacted",
              "emailed", "+", "protected"), kind="contact"),
    # (a clause that announces a quotation is the text's: ``He wrote:``, ``An unattributed economist comments:``)
    _p("empty_field", Role.FURNITURE,
       r"(?!adjust\s+font\s+size)(?!.*\s(?:said|says|wrote|writes|added|adds|noted|notes|stated|states|comments"
       r"|commented|explained|explains|continued|tweeted)\s*[:：]\Z)(?-i:[A-Z])[\w’'-]*(?:\s+[\w’'-]+){0,3}\s*[:：]"
       # a stamp's label with no date after it: ``Published on``, ``Posted``
       r"|(?:first\s+|last\s+)?(?:published|posted|updated)(?:\s+on)?",
       "Source:", max_chars=50,
       needs=(":", "：", "published", "posted", "updated")),
    _p("stamp_label_part", Role.FURNITURE, r"on", "on", max_chars=2),  # (``Published`` / ``on``)
    _p("promo", Role.FURNITURE,
       r".{0,140}\b(?:subscribe\s+(?:here|now|today)|sign\s+up\s+(?:here|now|for\s+our)|click\s+here"
       r"|enable\s+push\s+notifications|download\s+(?:our|the)\s+app|would\s+like\s+to\s+send\s+you\s+(?:push\s+)?"
       r"notifications|(?:activate|allow|turn\s+on)\s+(?:push\s+|web\s+)?notifications|web\s+notifications"
       r"|watch\s+on\s+(?:youtube|facebook|vimeo|instagram)|(?:video|audio|photos?)\s+of\s+(?:today'?[’']?s\s+|the\s+)?"
       r"(?:event|briefing|remarks|press\s+conference)\s+(?:is|are)\s+available"
       r"|get\s+all\s+(?:your|the)\s+news\s+in\s+one\s+place|gift\s+this\s+(?:subscriber-only\s+)?(?:story|article)"
       # a transcription service's offer under its transcripts: ``Transcribe Your Own Content``, ``Try Rev for free``
       r"|transcribe\s+your\s+own\s+content|try\s+\w+\s+for\s+free(?=\s+and\b|\s*[.!]|\s+today|\s+now|\Z)"
       # a newsletter's or a site's appeal to its readers: ``This is a reader-supported Substack ...``, ``This post is
       # for paid subscribers``, ``Support Semi-Partisan Politics with a one-time or recurring donation:``
       r"|reader-supported|(?:for|become\s+a)\s+paid\s+subscribers?"
       # a paywall's box: ``To continue reading, become a subscriber.``, ``Already a subscriber? Log in``
       r"|become\s+a\s+subscriber|already\s+a\s+subscriber|subscribers\s+only(?=[\s.!)]*\Z)|please\s+subscribe"
       r"|to\s+keep\s+reading|\d+-day\s+free\s+trial"
       r"|with\s+a\s+(?:one-time|recurring|monthly)(?:\s+or\s+(?:one-time|recurring|monthly))?\s+donation"
       r"|your\s+support\s+helps\s+us|never\s+miss\s+a\s+(?:story|thing|post|beat)"
       # a site's channels: ``Follow us on our Malay and English WhatsApp, Telegram ... channels.``
       r"|follow\s+us\s+on\s+(?:our\s+)?.{0,80}?\b(?:channels?|whatsapp|telegram|instagram|tiktok|youtube)"
       # a paywall's offer: ``Unlimited Digital Access. $1 for 4 weeks.``
       r"|unlimited\s+digital\s+access)"
       r"\b.{0,120}",
       "Check out our weekly newsletter. Subscribe here!", max_chars=300,
       needs=("subscribe", "sign up", "click here", "notifications", "download", "watch on", "available",
              "one place", "gift this", "transcribe", "for free", "reader-supported", "paid subscriber",
              "donation", "your support", "unlimited digital", "keep reading", "free trial", "never miss",
              "follow us on"), within=170),
    _p("site_appeal", Role.FURNITURE,  # a site's appeal to its readers: ``Please help support Local Journalism in
       # Belize``, ``Keep up to date with our latest articles and uploads...``
       r"(?:please\s+)?(?:help\s+)?support\s+(?:(?:local|independent|quality|our|public),?\s+){1,4}(?:[\w-]+\s+)?"
       r"journalism(?:\s*(?:…|\.\.\.)?\s*that\s+matters)?"
       r"(?:\s+in\s+(?-i:[A-Z])[\w\s]{1,40})?\s*[.!]?|keep\s+up\s+to\s+date\s+with\s+our\s+latest\b.{0,80}"
       # (``From just £1 a month you can help fund our work``, ``Become a STA FM Member``)
       r"|.{0,60}\bhelp\s+fund\s+our\s+(?:work|journalism|reporting)\b.{0,120}"
       r"|become\s+an?\s+(?:[\w-]+\s+){0,3}(?:member|supporter|patron)(?:\s+today)?\s*[.!]?",
       "Support local journalism.", max_chars=200, needs=("journalism", "keep up to date", "help fund", "become a")),
    # a paper's standing note on its editorials, or on an editorial it reprints: ``The editorial board operates
    # independently from the U-T newsroom ...``, ``The New York Times published this editorial on Aug. 23:``
    _p("editorial_note", Role.FURNITURE,
       r"(?:.{0,60}?\beditorial\s+(?:board|opinions?|positions?|views?|page)\s+(?:operates|is|are)\s+(?:decided\s+by"
       r"|determined\s+by|set\s+by|written\s+by|independent(?:ly)?|separate)"
       r"|editorials?\s+(?:represents?|reflects?|(?:is|are)\s+the)\s+(?:the\s+)?(?:opinion|views?|position)s?\s+of"
       r"|.{2,60}?\s+published\s+this\s+editorial\s+on|this\s+editorial\s+(?:first\s+)?appeared\s+in)\b.{0,400}",
       "The editorial board operates independently from the U-T newsroom but holds itself to similar ethical "
       "standards.", max_chars=400, needs=("editorial",), within=80),
    # a newsletter's sign-up box, run into one line: ``Sign up to our daily ... newsletter Sign up Thank you for
    # signing up! ... Please try again later. Submitting...``
    _p("newsletter_box", Role.FURNITURE,
       r"(?:sign\s+up|subscribe|register)\s+(?:to|for)\s+(?:our|the)\s+.{0,60}?\bnewsletters?\b.{0,320}",
       "Sign up to our daily Today newsletter Sign up Thank you for signing up!", max_chars=400,
       needs=("newsletter",)),
    # ... and its thanks, alone: ``Thanks for signing up!``
    _p("signed_up", Role.FURNITURE, r"thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|logging\s+in)\s*[.!]*",
       "Thanks for signing up!", max_chars=40, needs=("for signing up", "for subscribing", "for logging in")),
    _p("rating_widget", Role.FURNITURE,  # a page's widget asking readers to rate the post, and a form's notice
       r".{0,40}?\b(?:how\s+useful\s+was\s+this\s+(?:post|article|page)|click\s+on\s+a\s+star\s+to\s+rate"
       r"|average\s+rating|vote\s+count|no\s+votes\s+so\s+far|be\s+the\s+first\s+to\s+rate"
       r"|as\s+you\s+found\s+this\s+(?:post|article)\s+useful|rate\s+this\s+(?:post|article|story)"
       r"|please\s+(?:complete|fill\s+in)\s+(?:all\s+)?(?:the\s+)?required\s+fields)\b.{0,120}",
       "How useful was this post?", max_chars=200,
       needs=("useful was", "star to rate", "average rating", "vote count", "no votes", "first to rate",
              "post useful", "article useful", "rate this", "required fields")),
    # A line of a page's script or style sheet that leaked into its text: a brace at either end (or one called:
    # ``}(window, ...``), an assignment or a call closed by a semicolon, a function, a comment left open or closed
    # at the end (a comment with text after it is a prefix, ``segment._LINE_PREFIX``).
    _p("code", Role.FURNITURE,
       r"[{}].*|.*[{}][);,]*|.*[{}]\(.*|.*=.*;|.*\w\(.*\);|.*['\"‘’“”]\);|.*\) ?return\b.*;|.*\bfunction ?\(.*"
       r"|/\*(?:(?!\*/).)*|.*\*/",
       "setTimeout(function(){", max_chars=400,
       needs=("{", "}", "=", "/*", "*/", ");", "function(", "function (", ")return", ") return")),
    _p("file_name", Role.FURNITURE, r"\S*\d\S*\.?(?:jpe?g|png|gif|webp|svg)|[\w.-]*\d[\w.-]{23,}",
       "20230822220840-64e571db3763d2ff1bee5fddjpeg", max_chars=200, digit=200),
    # (or a pager's numbers, as a listing offers them: ``10 20 50``, or a post's counts of views and comments: ``26 1``)
    # an office's opening hours: ``Mon – Fri | 9AM – 12PM``, ``Office Hours`` (tried on lines that name the last
    # day of a range of days, not on every line with a dash)
    _p("opening_hours", Role.FURNITURE,
       rf"office\s+hours|{_WEEKDAY_NAME}\.?\s*[-–]\s*{_WEEKDAY_NAME}\.?\s*[|:,]?\s*\d{{1,2}}(?:[:.]\d\d)?\s*[ap]\.?m\.?"
       r"\s*[-–]\s*\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?", "Mon – Fri | 9AM – 12PM", max_chars=60,
       needs=("office hours", "tue", "wed", "thu", "fri", "sat", "sun")),
    _p("counter", Role.FURNITURE,
       rf"(?:[•·▪◦●]\s*)?(?:\d{{1,7}}(?:\s+{_COUNTED})?|\(\d{{1,7}}\)\s*{_COUNTED}|\d{{1,3}}(?:,\d{{3}})+\s+{_COUNTED}"
       rf"|\d{{1,3}}(?:\s+\d{{1,3}}){{1,8}}"
       r"|(?:post\s+)?(?:views?|hits|reads|likes?)\s*:?\s*(?:\d{1,7}|\d{1,3}(?:\.\d)?[km])"  # (``Post Views: 122``)
       r"|\d(?:\.\d)?\s*[•·|]\s*[\d,.]{1,9}k?\s+ratings?"  # (a podcast's stars and ratings: ``4.4 • 984 Ratings``)
       r"|\d{1,7}\s*total\s+visits?\s*,?\s*\d{1,7}\s*visits?\s+today"  # (``129total visits,2visits today``)
       r"|\d{1,3}\s+days?\s+(?:remaining|left))",  # (a fund drive's: ``11 Days Remaining``)
       "12 Comments", max_chars=40, digit=13),
    _p("ad_slot", Role.FURNITURE,  # an advertisement's slot, named by its size in pixels
       r"(?:[^\W\d_][\w'’ -]{0,40}\s)?\d{2,4}\s?[x×]\s?\d{2,4}", "Malta daily Facebook 300x250", max_chars=60,
       needs=("x", "×")),
    _p("image_caption", Role.FURNITURE, r"(?:(?:image|media|video)\s+)?caption\s*[:,].{0,380}",
       "Image caption, Rescuers search the rubble", max_chars=400, needs=("caption",), within=20),
    # a gallery's caption after its counter (``1 of 3 | Rescuers look for survivors ... | License Photo``), or after
    # the camera's icon glued on (``Camera IconThe clean-up operation has begun ...``)
    _p("gallery_caption", Role.FURNITURE, r"\d{1,3}\s+of\s+\d{1,3}\s*\|\s*\S.{0,380}|camera\s*icon\s*\S.{0,380}",
       "1 of 3 | Rescuers look for survivors in Manta, Ecuador. | License Photo", max_chars=400,
       needs=("|", "camera icon", "cameraicon"), within=12),
    _p("image_credit", Role.CREDIT,
       r"[(\[]?\s*(?:(?:image(?:\s+(?:source|credit))?|picture|photograph|credit)\s*[:,]|images\s*\|(?=\s*(?-i:[A-Z]))"
       r"|(?:photo\s+)?courtesy"
       r"(?:\s+of)?\s*:?)\s*[^\s:,].{0,80}?[)\]]?", "Photograph: Mark Baker/AP", max_chars=100, kind="photo",
       needs=("image", "picture", "photograph", "credit", "courtesy"), within=20),
    # a picture's licence after its source (``U.S. Air Force Photo, Public Domain``, ``Creative Commons Image by
    # Marie-Lan Nguyen,``)
    _p("licensed_picture", Role.CREDIT,
       r".{2,100}?,\s*public\s+domain\.?|creative\s+commons\s+(?:image|photo|picture)\s+by\s+[^.]{2,60}?,?",
       "U.S. Air Force Photo, Public Domain", max_chars=120, needs=("public domain", "creative commons"),
       kind="photo"),
    _p("agency_photo", Role.CREDIT,
       r"[(\[]?\s*(?:(?:(?:[\w&.'’-]+\s+){0,3}via\s+)?getty(?:\s+images)?|(?:[\w&.'’-]+\s*/\s*)?file\s+(?:photo|picture"
       r"|image)|supplied)\s*[)\]]?\.?", "AFP via Getty Images", max_chars=60, kind="photo",
       needs=("getty", "file", "supplied")),
    _p("relative_stamp", Role.CREDIT,
       # (after a feed's source: ``Australian PM - 1 month ago``)
       r"(?:(?-i:[A-Z])[\w.'’&]*(?:\s+[\w.'’&]+){0,4}\s+[-–—|·•]\s+)?"
       r"(?:(?:last\s+)?(?:updated|posted|published)\s*:?\s*)?(?:\d{1,3}|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?"
       r"|h(?:ou)?rs?|days?|weeks?|months?|years?)\s+ago\.?", "Updated 2 hours ago", max_chars=60, kind="timestamp",
       needs=("ago",), within=60),
    _p("tag_list", Role.FURNITURE,
       r"(?:tags?|topics?|subjects?|labels?|filed\s+under|categor(?:y|ies)|keywords?|related\s+topics)\s*[:：]\s*\S"
       r".{0,380}", "Tags: flood, rain", max_chars=400,
       needs=("tag", "topic", "subject", "label", "filed", "categor", "keyword"), within=18),
    # a post's categories in lower case between middle dots (``health & wellness · lifestyle · mental health``)
    _p("category_list", Role.FURNITURE, r"(?-i:[a-z][a-z&' -]{0,30}(?:\s+·\s+[a-z][a-z&' -]{0,30}){2,9})",
       "health & wellness · lifestyle · mental health", max_chars=200, needs=(" · ",)),
    # a blog's chrome around a post (Blogger's): ``Newer Post Older Post Home``, ``Subscribe to: Post Comments
    # (Atom)``, ``Email ThisBlogThis!Share to Twitter...``, ``Links to this post``
    _p("blog_chrome", Role.FURNITURE,
       r"(?:newer|older)\s+posts?(?:\s+(?:newer|older)\s+posts?)?(?:\s+home)?"
       r"|(?:subscribe\s+to\s*:\s*)?post\s+comments\s*\(atom\)|email\s*this\s*blog\s*this!.{0,120}"
       r"|links\s+to\s+this\s+post|rss\s+icon"
       # a WordPress post's footer: ``This entry was posted in Local, News. Bookmark the permalink.``
       r"|this\s+entry\s+was\s+posted\s+in\b.{0,200}|bookmark\s+the\s+permalink\.?",
       "Newer Post Older Post Home", max_chars=160, needs=("post", "blogthis", "rss", "permalink")),
    _p("comment_count", Role.FURNITURE,
       r"(?:\d{1,6}\s+)?comments?\s*[(\[]\s*\d{1,6}\s*[)\]]|no\s+comments?|comments?\s*[:：]?\s*\d{1,6}"
       r"|\d{1,6}\s+comments?\s*[:：]"
       # (under the post's headline, naming it, as a blog's theme prints it: ``No Comments on Letters to the Editor``)
       r"|(?:no|\d{1,5})\s+comments?\s+on\s+.{1,200}(?<![.!?])",
       "Comments (3)", max_chars=230, needs=("comment",)),
    # the head of a news site's comment box: ``BE PART OF THE CONVERSATION``, ``Join the conversation``
    _p("comment_box", Role.FURNITURE, r"(?:be\s+part\s+of|join)\s+the\s+conversation\s*[.!]?", "Join the conversation",
       max_chars=40, needs=("conversation",)),
    # the head of a blog's comments under a post, naming the post (``11 thoughts on “PhD-level thinking in
    # economics``): the readers' comments below it are no text of the post
    _p("comments_header", Role.FURNITURE,
       r"(?:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:thoughts?|comments?|responses?|repl(?:y|ies)"
       r"|reactions?)\s+(?:on|to)\s+[“\"‘'«].{1,200}"
       # (the first comment's head on a Blogger page, ``Anonymous said...``; a comment plugin's sorting labels)
       r"|(?-i:[A-Z])[\w.'’-]*(?:\s+[\w.'’-]+){0,3}\s+said\s*(?:\.\.\.|…)|(?:oldest\s+)?newest\s+most\s+voted"
       r"|inline\s+feedbacks", "11 thoughts on “PhD-level thinking in economics”",
       max_chars=220, needs=("thought", "comment", "response", "repl", "reaction", "said", "most voted", "feedbacks")),
    _p("gallery_count", Role.FURNITURE, r"(?:(?:photos?|images?|slides?|pictures?)\s+)?\d{1,3}\s+(?:of|/)\s+\d{1,3}",
       "Photo 2 of 10", max_chars=20, digit=12),
    _p("agency_tag", Role.CREDIT,  # a news agency's sign-off under its story
       rf"[-–—]{{1,2}}\s*(?-i:(?:The\s+)?{_AGENCY})\.?", "— AFP",
       max_chars=40, kind="source", needs=("-", "–", "—"), within=1),
    _p("agency_name", Role.CREDIT,  # a news agency's name alone on a line, over or under its story: ``Reuters``
       # (or in capitals: ``REUTERS``)
       rf"(?-i:(?:The\s+)?{_AGENCY}|(?:THE\s+)?(?:{'|'.join(name.upper() for name in AGENCY_NAMES)}))\.?",
       "The Canadian Press",
       max_chars=40, kind="source", needs=_AGENCY_CUES),
    # a desk's byline with no one's name (``staff, agencies``, ``Guardian staff and agencies``): the source
    _p("staff_and_agencies", Role.CREDIT,
       r"(?:(?-i:[A-Z][\w.'’-]*)\s+)?staff(?:\s*[,&]\s*|\s+and\s+)agencies", "Guardian staff and agencies",
       max_chars=40, kind="source", needs=("agencies",)),
    _p("desk_initials", Role.CREDIT,  # the initials of a wire story's writers and editors under it (AFP's, Reuters')
       r"(?-i:(?:burs-)?(?!(?:and/or|he/him|she/her|they/them)\Z)[a-z]{2,4}(?:/[a-z]{2,4}){1,5})", "rbl/amj/mca",
       max_chars=30, kind="credit", needs=("/",)),
    _p("inputs_from", Role.CREDIT,
       r"[(\[]?\s*with\s+(?:inputs?|additional\s+(?:inputs?|reporting))\s+from\s+[^()\[\]]{1,60}[)\]]?\.?",
       "With inputs from agencies", max_chars=90, kind="source", needs=("input", "additional")),
    _p("feed_footer", Role.CREDIT,  # a news feed's footer under each item (WordPress's, as aggregators show it)
       FEED_FOOTER,
       "The post Fire stalls short of the town first appeared on Cabin Radio.", max_chars=400, kind="source",
       needs=("first appeared", "appeared first")),
    _p("first_published", Role.CREDIT,  # where the text was published first: its source
       r"this\s+(?:article|story|report|piece|column|op-ed|editorial|commentary|essay|interview|blog|post)\b.{0,80}?"
       r"\b(?:(?:was\s+)?(?:originally|first|previously)\s+(?:published|appeared|ran|posted)"
       r"|(?:is|was|has\s+been)\s+republished)"
       r"\b.{0,200}"
       # (``Originally published by Inter Press Service``, ``Reprinted with permission from The Globe``)
       r"|(?:originally\s+(?:published|appeared|posted)\s+(?:by|in|on|at)|(?:republished|reprinted)\s+"
       r"(?:(?:here\s+)?with\s+(?:kind\s+)?permission\s+)?(?:from|of|by))\s+\S.{1,160}"
       r"|(?:republished|reprinted)\s+with\s+(?:kind\s+)?permission\.?"
       # a letters page's note on the edition a letter ran in: ``This letter was published in the Oct. 14 edition.``
       r"|this\s+letter\s+(?:was\s+)?(?:first\s+)?(?:published|appeared|ran)\s+in\b.{0,120}"
       # a paper's own note on the day it ran: ``Published in The Express Tribune, September 15th, 2013.``
       r"|(?:first\s+)?(?:published|appeared)\s+in\s+(?-i:(?:The\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5}),\s*"
       r"[\w ,.]{3,30}\d{4}\.?"
       # ... and a magazine's: ``This story is from the May 20, 2019 edition of Outlook.``
       r"|this\s+(?:story|article)\s+(?:is|was)\s+from\s+the\s+.{3,40}?\s+(?:edition|issue)\s+of\s+.{2,60}"
       # ... and a blog's, over an excerpt: ``Excerpt from The Jamaica Observer column published on Monday, ...``
       r"|excerpt(?:ed)?\s+from\s+(?-i:(?:The\s+)?[A-Z]).{2,80}?\s(?:published|appeared|ran)\s+(?:on|in)\s+.{3,60}",
       "This article is republished from The Conversation under a Creative Commons license.",
       max_chars=300, kind="source", needs=("originally", "first published", "first appeared", "first ran",
                                            "republished", "reprinted", "published in", "appeared in",
                                            "edition of", "issue of", "excerpt"), within=140),
    _p("syndicated_note", Role.CREDIT,  # a note that the text came from an agency's feed unedited
       r"[(\[]?\s*(?:except\s+for\s+the\s+headline,?\s+)?this\s+(?:story|article|report|copy)\s+(?:has\s+not\s+been"
       r"|was\s+not|is\s+not)\s+edited\s+by\s+.{1,60}?\bstaff\b.{0,200}"
       r"|.{0,200}?\b(?:auto-generated|published)\s+from\s+(?:an?\s+)?(?:syndicated|wire(?:\s+agency)?|news\s+agency)"
       r"\s+feed\b.{0,120}",
       "(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)",
       max_chars=340, kind="note", needs=("edited", "feed"), within=240),
    _p("disclaimer", Role.FURNITURE,  # the publisher's word that an opinion is its writer's
       r"disclaimer\s*[:：.–—-]\s*.{0,380}"
       r"|.{0,160}?\b(?:views|opinions)\s+expressed\b.{0,160}?"
       r"\b(?:(?:are|is)\s+(?:those\s+of|(?:the\s+)?(?:author|writer|contributor)|(?:his|her|their|my)\s+own|personal"
       r"|solely)|(?:do|does)\s+not\s+(?:necessarily\s+)?(?:reflect|represent))\b.{0,300}"
       # (an institute's: ``As an organization, the Urban Institute does not take positions on issues.``)
       r"|.{0,120}?\b(?:does|do)\s+not\s+take\s+(?:any\s+)?(?:institutional\s+positions?\b|(?:policy\s+)?positions?"
       r"\s+on\s+(?:public\s+)?(?:policy\s+)?(?:issues|matters|questions)\b).{0,260}",
       "The views expressed in this article are those of the author.", max_chars=400,
       needs=("disclaimer", "expressed", "positions"), within=180),
    _p("update_note", Role.FURNITURE,
       r"this\s+(?:story|article|post|report|page)\s+(?:has\s+been|was|is\s+being)\s+updated\b.{0,200}",
       "This story has been updated.", max_chars=240, needs=("updated",)),
    _p("related_link", Role.FURNITURE,
       r"(?:more|related|see\s+also|also\s+read|read(?:\s+(?:also|more|next))?|recommended|watch|listen)"
       r"\s*[:：|]\s*\S.{0,160}",
       "More: Storm causes major damage in Abilene", max_chars=180, needs=(":", "：", "|")),
    _p("glued_link", Role.FURNITURE,  # a related story's link glued to its label, the space lost with the markup
       # (not a column's kicker whose space is lost: ``Column:Tipping Point on Climate Emergency``)
       r"(?!(?:column|letters?|opinion|editorial|commentary|analysis|op-ed|essay|viewpoint|perspective):)"
       r"(?-i:[A-Z][\w'’ -]{2,40}:(?=[A-Z‘“\"']))\S.{8,180}",
       "Covington tornado damage:Covington reeling after strong storms", max_chars=220, needs=(":",), within=44),
    # a note on the writer that does not name them: ``The writer is executive director of the nonprofit Climate
    # Resolve.``, ``The writers are researchers at ...``
    _p("writer_note", Role.CREDIT,
       r"the\s+(?:writer|author|columnist)s?\s+(?:is|are|was|were)\s+(?:(?:an?|the)\s|(?:[\w-]+\s+){0,3}(?:director"
       r"|professor|fellow|editor|chair|president|member|lecturer|researcher|analyst|consultant|founder|head|chief"
       r"|journalist|correspondent|student)s?\b).{3,240}",
       "The writer is executive director of the nonprofit Climate Resolve.", max_chars=300,
       needs=("the writer", "the author", "the columnist"), within=16, kind="note"),
    # how to cite the piece: ``Citation: Turner, Alice R., 2024, After the earthquakes: ..., Temblor, http://doi...``
    _p("citation", Role.CREDIT, r"(?:citation|cite\s+(?:this|as))\s*:\s*\S.{10,380}",
       "Citation: Turner, Alice R., 2024, After the earthquakes, Temblor, http://doi.org/10.32858/temblor.334",
       max_chars=400, needs=("citation", "cite this", "cite as"), within=10, kind="note"),
    # an agency's or a desk's picture, its name alone: ``AP Photo``, ``AFP PIC``
    _p("desk_photo", Role.CREDIT, rf"(?-i:{'|'.join(PICTURE_DESKS)})\s+(?-i:Photos?|PICS?|Images?|PHOTO)",
       "AP Photo", max_chars=40, needs=(" photo", " pic", " image"), kind="photo"),
    _p("editors_note", Role.CREDIT,  # an editor's note that names where the text comes from (not one that adds news)
       r"editor[’']?s\s+notes?\s*[:：.–—-]\s*.{0,200}?\b(?:comes?\s+from|(?:originally|first)\s+(?:published|appeared|posted)"
       r"|appeared\s+(?:first\s+)?in|(?:reprinted|republished|used)\s+(?:from|with\s+permission)|courtesy\s+of)\b.{0,380}",
       "Editor’s note: Today’s guest editorial comes from The Seattle Times.", max_chars=400, needs=("editor",),
       within=10, kind="note"),
    # a media player's chrome: its clock (``0:00 0:00``), and a radio station's player (``Play Live Radio``,
    # ``Available On Air Stations``, on every station site of a public broadcaster's network)
    _p("player_clock", Role.FURNITURE, r"\d{1,2}:\d{2}(?:\s*/?\s*\d{1,2}:\d{2})+", "0:00 0:00", max_chars=30, digit=1),
    _p("radio_player", Role.FURNITURE,
       r"(?:play|listen)\s+live(?:\s+radio)?|available\s+on\s+air\s+stations|supported\s+by",
       "Play Live Radio", max_chars=40, needs=("live", "on air", "supported by")),
    _p("duration", Role.FURNITURE, r"\d{1,3}\s*['′]\s*\d{1,2}\s*(?:\"|″|'')", "5'44\"", max_chars=12, digit=4),
    _p("link", Role.FURNITURE,
       # (not a column's label over its headline: ``Comment: Lessons from loss of life``; not a sentence of three
       # words or more that opens on a word of the chrome: ``More than 200 people died.``, ``Share prices fell.``)
       r"(?!(?:more|most|share|top|back|home|watch|listen|search|next|close|print)\s+\S+\s.*\.\Z)"
       r"(?:share|print|e-?mail|tweet|facebook|twitter|wechat|weibo|linkedin|whatsapp|google\+|pinterest|tumblr|reddit"
       r"|comments?(?!\s*:\s*(?-i:[A-Z][a-z]+(?:\s+[a-z]+){2}))|read\s+more"
       r"|related(?:\s+(?:news|stories|posts|articles|links|reading))?|more|top|back\s+to\s+(?:the\s+)?top"
       r"|see\s+(?:more|all)(?:\s+(?:details|stories|news|results|photos))?"
       r"|read\s+on(?:\s*…)?(?=[\s.]*\Z)|tell\s+a\s+friend|follow\s+us|follow\s+by\s+e-?mail|go\s+back(?:\s+to(?:\s+the)?(?:\s+\S+){1,3})?|connect\s+with\s+us|tags|subscribe(?:\s+now)?|post\s+a\s+comment|no\s+(?:comments|menu\s+items|(?:posts|results)\s+found)|add\s+your\s+comments?|skip\s+to"
       r"(?:\s+main)?\s+content|(?:adjust\s+)?font\s+size|bookmark|go\s+to\s+forum|you\s+might\s+also\s+like"
       r"|more\s+information|most\s+(?:popular|read|viewed|commented|shared|e-?mailed)|editor'?s\s+picks?"
       r"|latest(?:\s+news)?|home"
       r"|next|previous|close|advertisement|sponsor(?:ed)?(?:\s+(?:content|message))?|search|continue\s+reading|view\s+comments"
       r"|leave\s+a\s+(?:comment|reply)|print\s+this\s+page|text\s+size|recommended|trending|no\s+thanks"
       r"|push\s+icon|log\s*in|sign\s+in|register|menu|back|audio|video|podcast|gallery|listen|watch"
       r"|(?:hide|skip|close)\s+(?:this\s+)?ad|(?:open|view|expand|enlarge)\s+(?:image|photo|gallery)(?:\s+modal)?"
       r"|(?:enlarge|decrease|increase|reduce)\s+(?:font|text)(?:\s+size)?|don'?[’']?t\s+miss|must\s+reads?"
       r"|promoted\s+(?:links|stories|content)|read\s+next|you\s+may\s+(?:also\s+)?like|create\s+(?:an\s+)?account"
       r"|(?:story|article)\s+continue[sd]\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|newsletters?"
       r"|this\s+advertisement\s+has\s+not\s+loaded\s+yet.{0,60}|article\s+content\s+continued"
       r"|about\s+these\s+ads|check\s+also|view\s+saved\s+items|(?:read|view)\s+or\s+share\s+this\s+(?:story|article)"
       r"|un?follow|loading|click\s+to\s+(?:enlarge|expand|zoom)|scroll\s+to\s+continue(?:\s+with\s+content)?"
       r"|(?:(?:view|exit|open)\s+(?:in\s+)?)?full\s*screen|view\s+full\s+size"
       r"|copy\s+link|(?:link\s+)?copied|read\s+the\s+(?:full|whole|original)\s+(?:article|story|post|piece)"
       r"|(?:read|view)\s+(?:the\s+)?full\s+(?:story|article|report)|full\s+story"
       r"|print\s+friendly(?:,\s*pdf\s*&\s*email)?|view\s+(?:(?:my|the|full|author'?s?)\s+)?profile|view\s+(?:this\s+(?:email|newsletter)\s+)?(?:online|in\s+(?:your\s+|a\s+)?browser))"
       r"(?:\b|(?<=[+…]))[\s\w:>»|·•+-]{0,30}?(?:@[\w-]+(?:\.[\w-]+)+)?[:.!?>»]*", "Read more", max_chars=90),
    # a blog's link to the rest of a post, naming it: ``Continue reading “Hurricane Milton and this Climate Moment”``
    _p("continue_link", Role.FURNITURE,
       r"continue\s+reading\s*[“\"‘'«].{1,200}?[”\"’'»](?:\s*learn\s+more)?\s*[.…→»>]*",
       "Continue reading “Louisiana Flood Lessons”", max_chars=240, needs=("continue reading",), within=20),
    # an account box's, a paywall's and an ad slot's labels: ``Reset Password``, ``Unlocking Article``,
    # ``AdvertisementADVERTISEMENT``; and the link to the rest alone on its line: ``READ MORE…``
    _p("account_label", Role.FURNITURE,
       r"(?:reset|forgot(?:ten)?)\s+(?:your\s+)?password\??|order\s+(?:re)?prints|unlock(?:ing)?\s+(?:this\s+|the\s+)?"
       r"article|advertisement\s*advertisement|read\s+more\s*…", "Reset Password", max_chars=40,
       needs=("password", "prints", "unlock", "advertisement", "more…", "more …")),
    _p("social_link", Role.FURNITURE,  # a page's account on a social network: ``Twitter: https://twitter.com/x``
       r"(?:facebook|twitter|x|youtube|instagram|linkedin|tiktok|flickr|telegram|whatsapp|threads)\s*[:：]\s*"
       r"(?:https?://|www\.|@)\S{2,150}", "Twitter: https://twitter.com/ParliamentofRSA", max_chars=170,
       needs=("http", "www.", "@")),
    _p("skip_links", Role.FURNITURE,
       # (``Press "Enter" to skip to content``, as a theme's hidden link prints it)
       r"(?:press\s+[\"“”']?enter[\"“”']?\s+to\s+)?(?:skip|jump)\s*to\s*(?:the\s+)?(?:main\s+)?"
       r"(?:content|navigation|footer|search|menu|comments).{0,200}|skip\s+navigation",
       "Skip to navigationSkip to contentSkip to footer", max_chars=260, needs=("skip", "jump to")),
    # a blog's comment box: ``Fill in your details below or click an icon to log in:``, ``You are commenting using
    # your WordPress.com account.``, ``This site uses Akismet to reduce spam.``, its icons' names
    _p("comment_form", Role.FURNITURE,
       r"fill\s+in\s+your\s+details\s+below.{0,80}|you\s+are\s+commenting\s+using\s+your\s+.{1,80}"
       r"|connecting\s+to\s+%s|this\s+site\s+uses\s+akismet\s+to\s+reduce\s+spam.{0,120}"
       r"|notify\s+me\s+of\s+(?:new\s+|follow-?up\s+)*(?:comments|posts|replies).{0,80}"
       r"|your\s+email\s+address\s+will\s+not\s+be\s+published.{0,80}|required\s+fields\s+are\s+marked.{0,10}"
       r"|save\s+my\s+name,?\s+email.{0,120}|(?:wordpress\.com|facebook|google|twitter|gravatar)\s+(?:logo|photo|picture)"
       r"|thank\s+you\s+for\s+your\s+comment.{0,120}|your\s+comment\s+will\s+be\s+(?:published|posted|visible).{0,80}"
       r"|no\s+responses\s+yet|start\s+a\s+dialogue,\s+stay\s+on\s+topic.{0,60}"
       r"|.{0,60}\byour\s+comments?\s+(?:may|will)\s+be\s+(?:deleted|removed).{0,60}"
       r"|please\s+try\s+again\s+later\.?|%d\s+bloggers\s+like\s+this\s*:?|like\s+loading\.*"
       r"|enter\s+the\s+(?:words|characters|code)\s+(?:you\s+see|shown|above)\s*:?"
       r"|note\s*:\s*only\s+a\s+member\s+of\s+this\s+blog\s+may\s+post\s+a\s+comment\.?"
       # a theme's form labels: ``Please enter your comment!``, ``You have entered an incorrect email address!``
       r"|please\s+enter\s+your\s+(?:comment|name|e-?mail(?:\s+address)?|website)(?:\s+here)?\s*!?"
       r"|you\s+have\s+entered\s+an\s+incorrect\s+e-?mail\s+address\s*!?"
       # a comment thread's head, its commenters' pictures and its links: ``Discussion about this post``, ``Alondra's
       # avatar``, ``Expand full comment``, ``Link to comment``
       r"|discussion\s+about\s+this\s+(?:post|article|story)|[^\s'’]{1,30}(?:\s[^\s'’]{1,30}){0,2}['’]s?\s+avatar"
       r"|expand\s+full\s+comment|link\s+to\s+comment|share\s+on\s+other\s+sites|recommended\s+posts"
       # a blog's trackbacks and its comments' head: ``Trackback URL for this entry:``, ``Listed below are links to
       # weblogs that reference ...``, ``Current Comments``, ``Total People in Discussion: 5``
       r"|trackback\s+url\s+for\s+this\s+(?:entry|post)\s*:?|listed\s+below\s+are\s+links\s+to\s+weblogs\s+that\s+reference"
       r"\b.{0,160}|current\s+comments|total\s+people\s+in\s+discussion\s*:\s*\d{1,6}"
       # a comment box's rules, as many papers' sites print them: ``Welcome to the discussion.``, ``Keep it Clean.
       # Please avoid obscene ...``, ``Don't Threaten. ...``, ``Be Truthful. ...``, ``Be Nice. ...``
       r"|welcome\s+to\s+the\s+discussion\.?|keep\s+it\s+clean\.\s.{0,160}|don['’]?t\s+threaten\.\s.{0,160}"
       r"|be\s+(?:truthful|nice|proactive)\.\s.{0,160}|share\s+with\s+us\.\s.{0,200}",
       "You are commenting using your WordPress.com account.", max_chars=200,
       needs=("details below", "commenting using", "connecting to", "akismet", "notify me", "not be published",
              "fields are marked", "save my name", "logo", "photo", "picture", "your comment", "try again later",
              "bloggers", "loading", "enter the", "member of this blog", "no responses", "stay on topic",
              "enter your", "entered an incorrect", "discussion about", "avatar", "full comment", "link to comment",
              "other sites", "recommended posts", "the discussion", "keep it clean", "threaten.", "truthful.",
              "be nice.", "proactive.", "share with us.", "trackback", "listed below", "current comments",
              "in discussion")),
    # a text-size widget: ``Large Medium Small``, ``BigMiddleSmall``, ``Text:AAAPrint``, ``A A A``
    _p("page_label", Role.FURNITURE,  # the name of a site's section of releases, above a release's headline
       r"(?:[\w.'’]+\s+){0,3}?(?:press|media|news)\s+(?:releases?|statements?|cent(?:er|re)|room|section"
       r"|advisor(?:y|ies))(?:\s*(?:&|and)\s*(?:statements?|speeches|releases?))?|the\s+full\s+story"
       r"|article\s+content"  # (a publisher's label over each part of a text between its ads)
       r"|article\s+topic\s+follows\s*:.{1,40}",  # (the topic page a story is filed under: ``... : AP National``)
       "Prime Ministers Media Releases", max_chars=60,
       needs=("release", "statement", "centre", "center", "room", "section", "advisor", "full story",
              "article content", "topic follows")),
    _p("logo", Role.FURNITURE,  # an image's text: a logo's (``UNHCR logo``, ``Festival Logo low rez``), a stand-in's
       r"(?:[\w.&'’-]+\s+){1,6}logos?(?:\s+[\w-]+){0,2}|(?:placeholder\s+image|image\s+placeholder)s?"
       r"|(?-i:(?:[A-Z][\w.&'’-]*\s+){1,5}Banner)",  # (an advertiser's banner: ``Simpson Strong Tie Banner``)
       "UNHCR logo", max_chars=80, needs=("logo", "placeholder", "banner")),
    _p("text_size", Role.FURNITURE,
       r"(?:【[^】]{1,10}】\s*)*(?:text\s*(?:resize|size)?\s*:?\s*)?(?:(?:large|big)\s*(?:medium|middle)\s*small"
       r"|a\s*a\s*a(?:\s*print)?)|adjust\s+font\s+size\s*:?"
       r"|[-–]?\s*a[-+]?(?:\s+[-+]?a[-+]{0,2}){1,3}"  # (its buttons: ``-A +A``, ``A- A A+``)
       r"|\+\s*↺?\s*[−–-]\s*\d{1,2}\s*px",  # (``+ ↺ − 16 px``)
       "Large Medium Small", max_chars=60,
       needs=("small", "aaa", "a a a", "font size", "+", "a-", "-a")),
    # a paywall's box: ``PROTECTED CONTENT``, ``Username and Password Help``, ``Please enter your email and we will
    # send your username and password to you.``
    _p("paywall", Role.FURNITURE,
       r"(?:protected|premium|subscriber|subscribers[\s-]+only)\s+content|(?:username|user\s+name)\s+and\s+password\s+help"
       r"|.{0,80}\b(?:(?:send|reset|recover)\s+(?:you\s+)?your\s+(?:username|user\s+name|password)"
       r"|(?:if\s+you(?:['’]re|\s+are)\s+a\s+)?current\s+subscriber,?\s+(?:please\s+)?(?:log|sign)\s+in)\b.{0,200}",
       "PROTECTED CONTENT", max_chars=300,
       needs=("protected content", "premium content", "subscriber content", "only content", "password",
              "current subscriber")),
    # a postal address in a letterhead or a page's footer: ``120 Friday Center Dr``, ``Chapel Hill, NC 27517``
    _p("postal_address", Role.CREDIT,
       r"\d{1,5}\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){1,4}(?:st|street|dr|drive|ave|avenue|rd|road|blvd|boulevard|ln|lane"
       r"|way|pl|place|ct|court|pkwy|parkway|hwy|highway)\.?(?:,?\s*(?:suite|ste\.?|#)\s*\w{1,6})?"
       r"|(?-i:[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}),\s*(?-i:[A-Z]{2})\s+\d{5}(?:-\d{4})?",
       "Chapel Hill, NC 27517", max_chars=60, digit=60, kind="contact"),
    # phone numbers alone, as a letterhead or a footer gives them: ``919.445.9150 | 800.962.9862``
    _p("phone_numbers", Role.CREDIT,
       rf"(?!(?:(?:19|20)\d\d\s*)+\Z)"  # (not years: ``2019 2020 2021``)
       rf"{_GROUPED_PHONE}(?:\s*[|/,;]\s*{_GROUPED_PHONE})*",
       "919.445.9150 | 800.962.9862", max_chars=60, digit=3, kind="contact"),
    # who gave the pictures or the facts: ``Photos and information submitted by Logan VonHatten``
    _p("submitted_by", Role.CREDIT,
       r"(?:photos?|pictures?|images?|information|video)(?:\s+and\s+(?:photos?|information|video))?\s+"
       r"(?:submitted|provided|contributed|supplied)\s+by\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,5}",
       "Photos and information submitted by Logan VonHatten", max_chars=90, kind="photo",
       needs=("submitted by", "provided by", "contributed by", "supplied by")),
    # a media player's and an edition's chrome: ``Duration: 00:46:08``, ``Disable autoplay on embedded content?``,
    # ``U.S. Edition``, and a record's pager: ``Next page . . . . Previous page . . . . Contents``
    _p("player_chrome", Role.FURNITURE,
       r"(?:duration|length|running\s+time)\s*:\s*\d{1,2}(?::\d{2}){1,2}|(?:disable|enable)\s+autoplay\b.{0,60}"
       r"|(?:u\.?s\.?|uk|intl\.?|international|asia|europe|australia|india|canada|global)\s+edition"
       r"|(?:[^.]{1,30}\s\.\s\.\s\.\s\.\s){2,}.{1,40}",
       "Duration: 00:46:08", max_chars=200, needs=("duration", "length", "running time", "autoplay", "edition",
                                                  " . . . . ")),
    # a transcript service's note: ``This is a rush transcript. Copy may not be in its final form.``
    _p("transcript_note", Role.CREDIT, r"(?:this\s+is\s+an?\s+)?rush\s+transcript\b.{0,120}",
       "This is a rush transcript. Copy may not be in its final form.", max_chars=160, kind="note",
       needs=("rush transcript",)),
    # a picture's alternative text, given where the picture stood: ``Photo of Donald Trump``
    _p("alt_text", Role.FURNITURE,
       r"(?:photo|image|picture|portrait)\s+of\s+(?-i:[A-Z][\w'’.-]+)(?:\s+(?-i:[A-Z][\w'’.-]+)){0,4}"
       r"|article\s+image\s+for\s+\S.{2,200}"  # (a story's picture, named by its headline)
       r"|author\s+(?:profile\s+)?(?:photo|picture|image)"  # (the writer's, in the box under the story)
       r"|an?\s+image\s+relating\s+to\s+(?:the\s+)?(?:news\s+)?(?:item|story|article)\s+\S.{2,200}",
       "Photo of Donald Trump", max_chars=240,
       needs=("photo of", "image of", "picture of", "portrait of", "image for", "author", "image relating"),
       within=20),
    # the picture of a signature, named by its text (``Jane Castor Signature``) over the name signed again
    _p("signature_image", Role.FURNITURE, r"(?-i:[A-Z][\w.'’-]+)(?:\s+(?-i:[A-Z][\w.'’-]+)){1,3}\s+signature",
       "Jane Castor Signature", max_chars=60, needs=("signature",)),
    # a speech's text, as its office gives it out: ``As Prepared for Delivery``, ``Check against delivery``
    _p("delivery_note", Role.FURNITURE,
       r"[(\[*]?(?:as\s+(?:prepared\s+(?:for\s+delivery|to\s+be\s+delivered)|delivered)"
       r"|check\s+against\s+(?:the\s+)?delivery)[.!]?[)\]*]?",
       "As Prepared for Delivery", max_chars=40, needs=("deliver",)),
    # a news site's call to read on in its app: ``Open in App``
    # a newspaper kiosk's footer under each page it serves (``Newspapers in English``, ``Newspapers from UK``)
    _p("kiosk_footer", Role.FURNITURE, r"newspapers\s+(?:in\s+english|from\s+(?-i:[A-Z])[\w .]{1,30})",
       "Newspapers in English", max_chars=40, needs=("newspapers in", "newspapers from")),
    _p("app_prompt", Role.FURNITURE,
       r"(?:open|read|continue(?:\s+reading)?|view|watch)\s+(?:this\s+|the\s+|it\s+)?(?:story\s+|article\s+)?in\s+"
       r"(?:the\s+|our\s+)?app\.?",
       "Open in App", max_chars=40, needs=("in app", "the app", "our app")),
    # a site's offer of its alerts, its briefing by e-mail or its place in a search engine's sources
    _p("alert_offer", Role.FURNITURE,
       r"get\s+(?:up-to-the-minute|the\s+latest|breaking)\s+news\s+sent\s+(?:straight\s+)?to\s+your\s+(?:device|phone)\.?"
       r"|\(?want\s+to\s+get\s+this\s+(?:briefing|newsletter)\s+by\s+e-?mail\?.{0,60}"
       r"|add\s+as\s+a\s+preferred\s+source(?:\s+on\s+google)?|scorecardresearch",  # (and a page counter's image)
       "Get up-to-the-minute news sent straight to your device.", max_chars=100,
       needs=("sent straight", "sent to your", "by email?", "by e-mail?", "preferred source", "scorecardresearch")),
    # a page's switch between its languages or to its app: ``عربي Español Русский Français 简体中文``, ``App | 中文 |``
    _p("language_menu", Role.FURNITURE,
       r"(?:(?:english|español|espanol|français|francais|русский|عربي|العربية|中文|简体中文|繁體中文|繁体中文|deutsch"
       r"|português|日本語|한국어|app|en|cn|fr|es|ar|ru|zh)\s*[|/·•]?\s*){2,8}",
       "English | 中文 | Español", max_chars=80,
       needs=("english", "español", "espanol", "français", "francais", "русский", "عربي", "العربية", "中文", "deutsch",
              "português", "日本語", "한국어", "app", "|", "/"), within=12),
    # a media embed's label (``Image | SHETLAND CREEK WILDFIRE``, ``Media Video | B.C. officials provide ...``)
    _p("media_label", Role.FURNITURE, r"(?:image|photo|video|media\s+video|audio|watch|listen|gallery)\s*\|\s*.{1,160}",
       "Media Video | Officials provide a wildfires update", max_chars=180, needs=("|",), within=14),
    # a press release's embargo over it: ``Embargoed until 00:01 GMT, 3 May``
    _p("embargo", Role.FURNITURE, r"embargoed\s+(?:until|till|to)\b.{0,60}", "Embargoed until 00:01 GMT, 3 May",
       max_chars=80, needs=("embargo",)),
    _p("nav_arrows", Role.FURNITURE,  # (not a quotation in guillemets: ``«Another Earthquake»``)
       r"(?!«\w[^«»]{1,80}\S»\Z)(?:.{0,40}(?:>>|»|›)\s*.{0,40}|(?:<<|«|‹).{0,40})", "OPINION >> Editorial",
       max_chars=90,
       needs=(">>", "»", "›", "<<", "«", "‹")),
    # (each stamp may have its label: ``Devdiscourse News Desk | Chennai | Updated: 02-12-2024 11:01 IST``)
    _p("stamp_fields", Role.CREDIT,
       rf"(?:[^|]{{0,40}}\|\s*)+(?:(?:updated|created|published|posted)\s*:?\s*)?{_STAMP}\s*(?:\|[^|]{{0,60}})*",
       "by | Sep 22, 2020 | Blogs, Corporate", max_chars=160, kind="timestamp", needs=("|",), digit=120),
    _p("menu", Role.FURNITURE, r"[^|]{1,30}(?:\|[^|]{1,30}){2,}", "About Us | Jobs | Contact Us", max_chars=400,
       needs=("|",), within=32),
    _p("breadcrumb", Role.FURNITURE,
       # (or from the home page, hyphens between: ``Home - Press Releases and Speeches - Speeches``)
       r"(?:.{1,40}?\s(?:/|»|›)\s){2,}.{1,160}|home\s-\s(?:(?-i:[A-Z])[^-.,!?]{0,40}?\s-\s)+(?-i:[A-Z])[^-.,!?]{0,80}"
       # (its label: ``You are here``, ``You are here: Home > News``)
       r"|you\s+are\s+here(?:\s*[:：].{0,160}|\s*(?-i:Home)\b.{0,160})?"
       r"|home\s(?:/|»|›)\s(?-i:[A-Z])[\w&'’ -]{1,40}",  # (one crumb under home: ``Home / Opinion``)
       "Home / Opinion / Letters to the Editor", max_chars=400, needs=(" / ", " » ", " › ", "home - ", "you are here"),
       within=42),
    _p("photo_credit", Role.CREDIT,
       r"(?-i:(?:The\s+)?[A-Z][\w&.-]{1,15})(?:\s+(?:photos?|images?|pictures?))?/(?-i:[A-Z][\w'’.-]+)"
       r"(?:[ -](?-i:[A-Z][\w'’.-]+)){0,3}"
       # the photographer first, then the agency or picture desk: ``Kristopher Radder/AP``, ``Chris Graythen /
       # Getty Images``
       rf"|(?-i:[A-Z][\w'’.-]+)(?:\s(?-i:[A-Z][\w'’.-]+)){{1,3}}\s?/\s?(?-i:{'|'.join(PICTURE_DESKS)})"
       r"(?:\s+(?:stock\s+)?(?:photos?|images?|pictures?))?"  # (``PA Images / Alamy Stock Photo``)
       # (a credit passed on by a paper: ``Joel Rouse / AP via Miami Herald``)
       r"(?:\s+via\s+(?-i:[A-Z][\w'’.-]+)(?:\s(?-i:[A-Z][\w'’.-]+)){0,3})?",
       "UN Photo/Jean-Marc Ferré", max_chars=60, needs=("/",), kind="photo"),
    _p("browser_notice", Role.FURNITURE,
       r".{0,120}\b(?:(?:internet\s+explorer|ie|(?:web\s+)?browser)\s*\d*\s+(?:is\s+)?(?:no\s+longer|not)\s+supported"
       r"|(?:web\s+)?browser\s+is\s+(?:out\s+of\s+date|outdated)"
       r"|(?:is\s+)?no\s+longer\s+(?:accessible|available|supported)\s+(?:on|in|for)\s+(?:internet\s+explorer|this\s+browser)"
       r"|(?:content|video|page)\s+is\s+not\s+available\s+in\s+your\s+(?:region|country|location|area)|for\s+(?:an?\s+|the\s+)?"
       r"(?:best|optimal|better)\s+(?:browsing|viewing)\b|(?:update|upgrade)\s+your\s+browser|enable\s+javascript"
       r"|javascript\s+is\s+(?:disabled|required|turned\s+off)|we\s+use\s+cookies|(?:this|our)\s+(?:site|website)"
       r"\s+uses\s+cookies|accept\s+(?:all\s+)?cookies|cookie\s+(?:policy|settings|preferences)"
       # the last line of an outdated-browser box: ``Just click on the icons to get to the download page.``
       r"|click\s+on\s+the\s+icons?\s+to\s+get\s+to\s+the\s+download\s+page)\b.{0,240}",
       "For optimal browsing, we recommend Chrome, Firefox or Safari browsers.", max_chars=2 * MAX_NOTICE,
       needs=("supported", "brows", "explorer", "available", "viewing", "java", "cookie", "download page")),
    # a letter's salutation on a line of its own, dated or not: the page's, not a paragraph of the letter
    _p("salutation", Role.FURNITURE, r"(?:[^—–-]{1,24}?\s*[—–-]+\s*)?(?:dear|to\s+the)\s+editors?\s*[:,;.]?"
       r"|(?:sir|madam|sir\s+or\s+madam)\s*,?\s*[—–-]+"  # (``SIR—`` alone, its letter under it)
       r"|dear\s+(?:sirs?|madam|sir\s*(?:/|or)\s*madam)\s*[:,;.]?",
       "Dec. 9 — To the Editor:", max_chars=50,
       needs=("editor", "sir—", "sir–", "sir-", "sir ", "sir,", "madam", "dear sir"), within=50),
    # the words that close a letter before its signature (``Yours faithfully,``, ``Very truly yours,``)
    _p("valediction", Role.FURNITURE,
       r"(?:yours\s+(?:faithfully|sincerely|truly|respectfully)|(?:very\s+)?(?:truly|sincerely|respectfully)\s+yours"
       r"|sincerely|(?:kind(?:est)?\s+|best\s+|warm\s+)?regards|respectfully"
       r"|with\s+(?:every|best|warm(?:est)?|kind(?:est)?|many)\s+(?:blessings?|wish(?:es)?|regards|thanks))\s*,?",
       "Yours faithfully,", max_chars=30, needs=("yours", "sincerely", "regards", "respectfully", "blessing", "wish",
                                                "thanks")),
    _p("page_notice", Role.FURNITURE,
       r"this\s+(?:article|story|page|post)?\s*was\s+(?:first\s+)?published\s+(?:more\s+than\s+)?"
       r"(?:\d+|an?|one|two|three|four|five)\s+(?:years?|months?|weeks?)\s+ago\.?"
       r"|.{0,80}\b(?:service|page|content|video|feature|site|website)\s+(?:is|are)\s+(?:currently|temporarily)\s+"
       r"unavailable\b.{0,80}"
       r"|to\s+submit\s+a\s+letter\b.{0,240}"
       r"|(?:please\s+)?(?:forward|send|e-?mail|submit)\s+(?:your\s+)?(?:comments|letters|views|feedback)\s+to\b.{0,120}"
       r"|(?:posted|filed|post\s+published)\s+in\s*:?\s*(?-i:[A-Z]).{0,80}"
       r"|.{0,120}\b(?:unsubscribe|(?:mailing|distribution)\s+list|update\s+your\s+(?:email\s+)?preferences"
       r"|receive\s+these\s+e-?mails|(?:to|in)\s+your\s+inbox|(?:sign|log)\s*in\s+or\s+(?:register|sign\s*up|subscribe)"
       r"|(?:register|subscribe|sign\s*up|log\s*in)\s+(?:for\s+free\s+)?to\s+(?:read|continue|access))\b.{0,120}"
       r"|(?:posted\s+on\s+)?\d{1,3}\s*(?:mins?|minutes?)\s*(?:to\s+)?read(?:\s*[·|•]?\s*[A-Za-z]{3,9}\.?\s+\d{1,2},\s+\d{4})?"
       r"|advertise\s+(?:with|on)\s+.{1,40}"
       # a blog's archive by its labels: ``Showing posts with label climate change. Show all posts``
       r"|showing\s+posts\s+(?:with\s+(?:the\s+)?label|for\s+query|from)\s+.{1,120}"
       r"|.{0,60}\bpowered\s+by\s+[^.!?]{1,60}"
       # the UN's notes on its pages (``For information media. Not an official record.``, ``Welcome to the United
       # Nations. It's your world.``), a video's interpretation notice, a site's appeal for donations
       r"|for\s+information\s+media\.?\s*not\s+an\s+official\s+record\.?|welcome\s+to\s+the\s+united\s+nations\b.{0,40}"
       r"|simultaneous\s+interpretation\s+services\s+.{0,120}|if\s+you\s+liked\s+this\s+article,?\s+support\s+.{0,80}"
       # a Chinese site's registration in its footer: ``Website Identification Code bm01000001``, ``Registration
       # Number: 05070218``, ``京ICP备10041721号-4``
       r"|website\s+identification\s+code\s*:?\s*\w{4,20}(?:\s+registration\s+number\s*:\s*\d{4,12})?"
       r"|registration\s+number\s*:\s*\d{4,12}|.{0,40}ICP备\d{4,12}号.{0,40}"
       # a copy-protection plug-in's alert: ``error: Content is protected !!``
       r"|(?:error\s*:\s*)?content\s+is\s+protected\s*!*"
       # a government site's banner (``An official website of the United States government.``), a site's word that it
       # is paid for the links a reader follows (``If you buy something from a Vox link, Vox Media may earn a
       # commission.``)
       r"|an\s+official\s+(?:web)?site\s+of\s+.{2,60}"
       r"|.{0,60}\bif\s+you\s+(?:buy|purchase)\s+.{0,80}?\bmay\s+(?:earn|receive|get)\b.{0,120}"
       r"|.{0,60}\bwe\s+may\s+(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?(?:affiliate\s+)?commission\b.{0,120}",
       "This was published 1 year ago", max_chars=MAX_NOTICE,
       needs=("ago", "unavailable", "submit", "posted", "filed", "post published", "unsubscribe", "list",
              "preferences", "mails", "comments to", "letters to", "views to", "feedback to",
              "inbox", "register", "subscribe", "sign", "log", "read", "advertise", "powered", "protected",
              "identification code", "registration number", "icp", "information media", "united nations",
              "interpretation", "you liked", "official web", "official site", "may earn", "may receive", "may get",
              "showing posts")),
    # an archive's notice (``Please note that this page is from our archives. ...``, ``This article is more than
    # 5 years old``), and the head of a site's message box over it (``Warning message``)
    _p("archive_notice", Role.FURNITURE,
       r"(?:please\s+note:?\s+)?(?:that\s+)?this\s+(?:page|article|story|content|post|news\s+release)\s+(?:is\s+)?"
       r"(?:from|in)\s+(?:our|the)\s+archives?\b.{0,200}"
       r"|this\s+(?:is\s+an?\s+)?archived\s+(?:page|article|story|news\s+release|content)\b.{0,200}"
       r"|this\s+(?:article|story|page|post)\s+is\s+(?:more\s+than|over)\s+\d{1,2}\s+(?:years?|months?)\s+old\.?"
       r"|(?:warning|status|error)\s+message",
       "Please note that this page is from our archives.", max_chars=2 * MAX_NOTICE,
       needs=("archive", "years old", "months old", "warning message", "status message", "error message")),
    # a page's markup copied as text (``• <iframe src="" width="100%" height="290" ...>``): no text of the article
    _p("markup", Role.FURNITURE,
       r"(?:[•·]\s*)?</?(?:iframe|div|script|style|img|embed|object|video|audio|source|figure|span|table|link|meta"
       r"|noscript|svg)\b.{0,390}", "<iframe src=\"https://example.org/player\" width=\"100%\"></iframe>",
       max_chars=400, needs=("<",), within=4),
    # a news agency's file picture's caption, as its prefix says (``FILE PHOTO: An oil pump jack pumps oil ...``)
    _p("file_photo", Role.FURNITURE, r"file\s+(?:photo|picture|image)\s*:\s*\S.{10,380}",
       "FILE PHOTO: An oil pump jack pumps oil in a field near Calgary, Alberta, Canada, July 21, 2014.",
       max_chars=400, needs=("file",), within=8),
    # a post embedded from a social network, as its text prints: the post, then its author, handle and day (``Please
    # see below ... pic.twitter.com/hPw91iS0oF — Eskom Hld SOC Ltd (@Eskom_SA) September 25, 2020``)
    _p("embedded_post", Role.FURNITURE,
       rf".{{0,360}}?\s[—–-]+\s*[^()]{{1,60}}\(@\w{{1,30}}\)\s+"
       rf"(?:{_MONTH}\.?\s+\d{{1,2}},|\d{{1,2}}\s+{_MONTH}\.?)\s+\d{{4}}",
       "Flood warning for the valley tonight. — Weather Service (@NWS) September 25, 2020", max_chars=400,
       needs=("(@",)),
    # no letter or digit (``* * *``, ``.   .   .``, ``^``): no text, whatever its punctuation; a longer line of it
    # is a rule (``=====...``, ``- - - ...``), of any length
    _p("separator", Role.FURNITURE, r"[\W_]{1,40}", "* * *", max_chars=40),
    # (the table finds one that holds a run of ``RULE_RUNS``, up to 400 characters; ``match_furniture`` finds the
    # others after the table)
    _p("rule", Role.FURNITURE, r"[\W_]{41,}", "=" * 44, max_chars=400, needs=RULE_RUNS),
    _p("masthead", Role.FURNITURE,
       r"(?:[^.!?]{1,60}?\s+)?est\.\s+(?:(?-i:[A-Z])[a-z]{2,8}\.?\s+\d{1,2},?\s+)?\d{4}"
       r"|(?:established|since|founded)(?:\s+in)?\s+\d{4}", "Spokane, Washington  Est. May 19, 1883", max_chars=90,
       needs=("est.", "established", "founded", "since"), digit=90),
    _p("letters_label", Role.FURNITURE,  # (but ``Letter: Fairness in flood insurance`` is one letter's headline,
       # and so is a clause of five words or more after ``Letters:``, ``Letters: Our firefighters' example is one for
       # us to replicate``, where a label's topics are listed, ``Letters Nov. 25: Appreciation ...; Canada Post's``)
       r"(?!letter\b(?:\s+to\s+the\s+editor)?\s*[:—–|-]\s*\w)(?!letters\s*:\s*[^\s;,]+(?:\s+[^\s;,]+){4,}\s*\Z)"
       r"(?:readers'?\s+)?letters?(?:\s+to\s+the\s+editor)?(?:\s+in\s+brief)?(?:\s+[a-z]{3,9}\.?\s+\d{1,2}"
       r"(?:,\s*\d{4})?)?"
       r"(?:\s*[:—–,|-]\s*.{0,80})?",
       "Letters to the Editor — July 28, 2021", max_chars=100, needs=("letter",)),
    _p("archive_label", Role.FURNITURE,
       r"(?:tag|category|monthly|author)\s+archives?(?:\s*[:：].{0,80})?|archives?\s+for\s+.{3,60}"
       r"|.{0,20}?posts?\s+tagged\s+(?:with\s+|as\s+)?.{1,60}"  # (``HomeTagsPosts tagged with "storm"``)
       r"|this\s+(?:tag|category)\s+is\s+associated\s+with\s+\d{1,7}\s+posts?",
       "Tag Archives: UN Secretary-General’s Message", max_chars=120, needs=("archive", "tagged", "associated with")),
)

_DIGIT = re.compile(r"\d")
DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")  # an ASCII line's digits all read as "0"
MAX_DIGIT_AT = 200  # no pattern needs a digit further into the line than this


def _first_digit(text: str) -> int:
    """Where the first decimal digit of ``text`` stands, or ``MAX_DIGIT_AT`` when there is none before it. (An
    ASCII line, most lines, is read as bytes with its digits translated to one: a fifth of a regex scan's cost.)"""
    head = text[:MAX_DIGIT_AT]
    if head.isascii():
        at = head.encode().translate(DIGITS_AS_ZERO).find(b"0")
        return at if at >= 0 else MAX_DIGIT_AT
    found = _DIGIT.search(head)
    return found.start() if found is not None else MAX_DIGIT_AT


# Over _LONG characters only the copyright patterns match: "copyright", "©", "(c)", "(no) reproduction" at the
# start, or "all rights reserved" near it (test_lines checks that no other pattern allows such a length).
_LONG = 400
_LONG_FIRST = "cC©(nNrR"
# The patterns a line of each length may match, in order: a long body line is tried against only the few
# patterns that allow its length.
_LIMITS = sorted({p.max_chars for p in PATTERNS})
_TESTS = [(p.regex.match, p.digit, p) for p in PATTERNS]
_RULE = next(p for p in PATTERNS if p.name == "rule")
_RULE_LENGTH = next(p for p in PATTERNS if p.name == "separator").max_chars  # (a shorter one is a separator)
# For each length limit: the patterns with no ``needs`` that allow it (tried on every line of that length) ...
_PLAIN = [tuple(k for k, p in enumerate(PATTERNS) if p.max_chars >= limit and not p.needs) for limit in _LIMITS]
# ... and the words of the others: one scan of the line by an Aho-Corasick automaton over every pattern's
# ``needs`` finds which of them may match, at once.
_CUES = sorted({word for p in PATTERNS for word in p.needs})
# (a DFA, asked for by name: for more than 100 words the library would build an NFA, a third slower to scan with)
_CUE_AUTOMATON = ahocorasick_rs.AhoCorasick(_CUES, matchkind=ahocorasick_rs.MatchKind.Standard,
                                            implementation=ahocorasick_rs.Implementation.DFA)
# For each word: the patterns that need it, each with how far into the line the word must end, and its length limit.
_NEEDED_BY: list[tuple[tuple[int, int, int], ...]] = [
    tuple((k, p.within, p.max_chars) for k, p in enumerate(PATTERNS) if word in p.needs) for word in _CUES]
MAX_DATELINE = 80
MAX_CAPTION = 600
_DATELINE = re.compile(
    rf"(?-i:[A-Z][A-Z .'’-]{{1,30}})(?:,\s*(?-i:[A-Z])[\w.'’ -]{{1,20}})?,?\s*{_MONTH}\s*{_DAY}(?:,\s*\d{{4}})?"
    # (the agency after the date, in brackets or between slashes: ``GENEVA, Switzerland, October 19, 2022/APO
    # Group/ --``)
    r"\s*(?:\([^()]{1,30}\)|/[^/]{1,30}/)?\s*(?:--|—|–|-)?",
    re.IGNORECASE,
)
_PLACE_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,30},\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}")
# A place in capitals, the agency and the time of a live report's update: ``TAMPA, Florida, (AP) - 12:30 p.m.``;
# where and when an event was held: ``Beijing | 10 a.m. Aug. 30, 2022`` (an agency's stamp gives the date first)
_TIMED_DATELINE = re.compile(
    rf"(?-i:[A-Z][A-Z .'’-]{{1,30}})(?:,\s*(?-i:[A-Z])[\w.'’ -]{{1,20}})?,?\s*\([^()]{{1,30}}\)\s*(?:--|—|–|-)\s*"
    rf"{_HOUR}"
    rf"|(?P<place>(?-i:[A-Z])[\w.'’ -]{{1,30}}?)\s*\|\s*{_HOUR},?\s+(?:on\s+)?{_DATE}", re.IGNORECASE)
MAX_PLACE_DATELINE = 50
# A place (and its country in brackets), a news agency's name in brackets, then a date or a dash, as a wire story's
# copy on another site gives them on a line of their own: ``Beijing (AFP) Sep 11, 2005``, ``Mamuju (Indonesia) (AFP) –``
_AGENCY_DATELINE = re.compile(
    rf"(?-i:[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,2}})(?:\s*\([^()]{{1,30}}\))?\s*\((?-i:{'|'.join(NEWS_AGENCIES)})\)"
    rf"\s*(?:{_MONTH}\.?\s*{_DAY}(?:,?\s*\d{{4}})?)?\s*(?:--|—|–|-)?", re.IGNORECASE)
# A photo's credit in brackets that says what it is: ``(Photo: Reuters)``, ``(photo credit: Courtesy)``.
_PHOTO_IN_BRACKETS = (r"\((?:photo(?:\s+credits?)?(?:\s*:|\s+by|\s+courtesy)|courtesy(?:\s+of)?\s"
                      # (a desk's photographer: ``(Customs and Border Protection photo by Kris Grogan)``)
                      r"|(?-i:[A-Z])[\w.&'’ -]{1,50}?\sphoto\s+by\s)[^()]{1,50}\)")
# A photo caption: a sentence or two ending with the photographer's or agency's credit.
_CAPTION_CREDIT = re.compile(
    rf"(?:\((?:photo\s*:\s*)?[^()]{{0,30}}/[^()]{{1,40}}\)|\[photo(?:/[^\]]{{1,40}}|\s+by\s[^\]]{{1,60}})?\]|{_PHOTO_IN_BRACKETS}"
    r"|\b(?:reuters|afp|aap|ap|xinhua|getty\s+images|epa|ians)/\s?[\w .'-]{2,40}"
    r"|©\s*[\w .'-]{2,40}(?:/[\w .'’-]{2,40})?"
    # after the caption's sentence: its source with the photographer and the desk (``... Source: Rene Kundla/ERR``),
    # a picture's maker (``... Image by AdobeStock``), a desk after a slash (``... in Klodzko. / Polish Prime
    # Minister's Office``), a photographer and an agency's pictures in brackets, glued on (``... in
    # Guadalajara.David Ramos (Getty Images)``)
    r"|[.!?][\"'”’]?\s+source\s*:\s*[^():/]{2,40}/[^():]{2,40}"
    r"|[.!?][\"'”’]?\s+(?:photo|image|picture)\s+by\s+(?-i:[A-Z])[\w'’.-]+"
    r"|(?<=[.!?])\s+/\s+(?-i:[A-Z])[\w'’& -]{1,59}[\w'’]"
    r"|(?<=[.!?])\s*(?-i:[A-Z])[\w.'’ -]{2,40}\s\((?:getty\s+images|afp|ap|reuters|epa)\)"
    # the photographer and the desk after a comma: ``..., photo by janiecbros/Getty Images``
    r"|(?<=,)\s+photo(?:graph)?\s+(?:by|courtesy\s+of)\s+[\w.'’ -]{1,40}(?:/[\w.'’ -]{1,40})?"
    # an agency's name in capitals and its photographer: ``... in the region. THE CANADIAN PRESS/Darryl Dyck``
    r"|[.!?][\"'”’]?\s+(?-i:[A-Z][A-Z&.'’-]+(?:\s[A-Z][A-Z&.'’-]+){0,3}/[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3})"
    # a file picture's paper in brackets (``... Rep. Mike Coffman. (Denver Post file)``), a photographer and the
    # paper in square brackets (``... Mama Jane Nyambura. [Kipsang Joseph, Standard]``)
    r"|(?<=[.!?\"”’])\s*\([\w.'’& -]{2,40}\s+file(?:\s+photo)?\)|\s\((?-i:[A-Z][A-Z.'’& -]{1,40}\s+FILE)\)"
    r"|(?<=[.!?\"”’])\s*\[(?-i:[A-Z])[\w.'’ -]{1,40}(?:,|\s*/)\s*(?-i:[A-Z])[\w.'’& -]{1,30}\]"
    # an agency's picture, as Malaysian papers credit it: ``... in Central America. AFP PIC``
    r"|[.!?][\"'”’]?\s+(?-i:(?:[A-Z][A-Z&.'’-]+\s+){1,3}PICS?|FILE\s+PIC)\.?"
    # a handle's on a social network: ``... has been declared. ARBedolla/Twitter``
    r"|[.!?][\"'”’]?\s+@?[\w.]{2,40}/(?:twitter|x|facebook|instagram)"
    # the picture's source after ``Pic/``: ``... affected by Cyclone Montha. Pic/X/@AndhraPradeshCM``
    r"|[.!?][\"'”’]?\s+(?:pic|photo)/[\w@.'’ /-]{2,60}"
    # after a sentence or a dash: ``... on Wednesday - Photo: Riyaz ul Khaliq``
    r"|(?:[.!?][\"'”’]?|\s[-–—])\s+(?:(?-i:[A-Z]{2,5}\s+)?(?:photo(?:graph(?:er)?)?|picture|pic|image)\s*:\s*[^():]{2,60}"
    r"(?:\(\d{4}\))?\.?|(?:photo\s+)?credit\s*:\s*[^():]{2,40})"
    # an agency or a picture desk alone after the last sentence: ``... in Center Point, Texas. REUTERS``, ``...
    # until 7 a.m. Tuesday. Getty Images``; a photographer and the paper, glued on: ``... in Conroe, Texas.Kirk
    # Sides / Houston Chronicle via Getty Images``
    r"|[.!?][\"'”’]?\s*(?-i:REUTERS|Reuters|AFP|AP(?:\s+Photo)?|EPA(?:-EFE)?|Getty(?:\s+Images)?|Shutterstock|Bloomberg)"
    r"|(?<=[.!?])\s*[\w.'’ -]{2,40}\s/\s[\w.'’& -]{2,40}\svia\s+Getty\s+Images"
    # a desk's credit glued to the caption's last word: ``... this year's harvest will leave many hungryImage:
    # Mirriam Kaliza/DW``, ``Stormont signImage source, Press Eye``
    r"|(?<=[a-z])(?-i:Image)(?:\s+source)?\s*[:,]\s*[^():]{2,60}"
    # ``... in Cork, Kerry, Tipperary, Waterford. Picture Denis Minihane.``
    r"|(?:[.!?][\"'”’]?|\s[-–—])\s+(?:picture|photo(?:graph)?|image)(?:\s+by)?\s*:?\s*(?-i:[A-Z][\w'’.-]+)"
    r"(?:\s(?-i:[A-Z][\w'’.-]+)){1,3}\.?"
    # an agency's own photo, in brackets: ``... during a protest rally. (AP Photo)``
    r"|\s\((?-i:[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})\s+photo\)"
    # whose courtesy the photo is, after the last sentence: ``... of rainfall. Photo courtesy Indiana State Police``
    r"|[.!?][\"'”’]?\s+(?:photo|picture|image)\s+courtesy(?:\s+of)?\s+[^()]{2,80}"
    # the photographer after a slash, run on from the caption: ``... as a result of landslide Photo/Angwenyi Gichana``
    r"|\s(?-i:Photos?|PHOTOS?)\s?/\s?(?-i:[A-Z][\w'’.-]+)(?:\s(?-i:[A-Z][\w'’.-]+)){0,3}\.?"
    # a credit glued to the caption's last full stop: ``... arrive.(Lucy Loram, ABC News)``
    r"|(?<=[.!?\"'”’])\([^()]{2,60}[,:][^()]{2,60}\)"
    # the desk and the photographer after ``Photo by``: ``... in Quang Ninh Province. Photo by VnExpress/Binh Minh``
    r"|[.!?][\"'”’]?\s+photo\s+by\s+[\w.'’-]+(?:\s[\w.'’-]+){0,3}\s?/\s?[\w.'’ -]{2,40}"
    # an agency's photo behind a dash (``... on July 4, 2024 - AP PHOTO``), a platform or an agency in square
    # brackets (``... engulfed Queen Alia airport [Facebook]``)
    r"|\s[-–—]\s+(?-i:[A-Z]{2,6}\s+PHOTO)"
    r"|\s\[(?:facebook|twitter|instagram|youtube|tiktok|x|afp|getty(?:\s+images)?|reuters|ap|epa|anadolu)\])\s*\Z",
    re.IGNORECASE,
)
_GLUED_AFTER = ".!?\"'”’"
# How a caption that ends with an agency or a picture desk alone ends (``... Texas. REUTERS``, ``... AFP PIC``)
_DESK_ENDINGS = (" PIC", " PICS", "Getty Images", ". Getty", "REUTERS", "Reuters", " AFP", ".AFP", " AP", ".AP", " EPA",
                 "EPA-EFE",
                 "Shutterstock", "Bloomberg", "AP Photo")
_PHOTO_CREDIT = re.compile(rf"{_PHOTO_IN_BRACKETS}\.\Z", re.IGNORECASE)
# What may stand in front of a title on its line: a date stamp (`` date 2023-06-12 Premier Li chairs ...``, as
# stored captures of pages have it), a list bullet (``• Ring of fire``).
BULLETS = "•·▪◦●・"
TITLE_PREFIX = re.compile(rf"(?:date\s+\d{{4}}-\d{{2}}(?:-\d{{2}})?|\d{{4}}-\d{{2}}-\d{{2}})\s+(?=\S)"
                          rf"|[{BULLETS}]\s*(?=\S)"
                          # (a date glued to the headline: ``2021/07/22Premier Li urges disaster relief efforts``)
                          rf"|\d{{4}}/\d{{2}}/\d{{2}}(?=(?-i:[A-Z])[a-z])", re.IGNORECASE)
STAMP = re.compile(_STAMP, re.IGNORECASE)
# A section's heading numbered in Roman numerals, as white papers, reports and long commentaries number their parts
# (``I. The importance of five-year plans``, ``III、Special programs``).
NUMBERED_SECTION = re.compile(r"(?-i:X{0,3}(?:IX|IV|V?I{1,3}|V))(?:[.．]\s+|、\s*)(?-i:[A-Z\u3400-\u9fff])")
# A day with no year, alone on a line: a live report's heading over that day's updates (``Tuesday, September 8``).
DAY_HEADING = re.compile(rf"{_WEEKDAY}{_MONTH}\.?\s+{_DAY}", re.IGNORECASE)
MONTH_DAY = re.compile(rf"{_MONTH}\.?\s+{_DAY}", re.IGNORECASE)  # a day with no year: ``May 30``
MAX_DAY_HEADING = 30


def furniture_pattern(line: str) -> Pattern | None:
    """The first pattern of ``PATTERNS`` that the whole of ``line`` (stripped) matches, or None."""
    return match_furniture(line.strip())


def match_furniture(text: str) -> Pattern | None:
    """``furniture_pattern`` of a line already stripped of white space."""
    n = len(text)
    if not n:
        return None
    if n > MAX_FURNITURE_LINE or (n > _LONG and text[0] not in _LONG_FIRST and "reserved" not in text[:130].lower()):
        # a long line (most of a corpus) is furniture only as a copyright notice, or a rule
        return _RULE if not text[n >> 1].isalnum() and _is_rule(text) else None
    plain = _PLAIN[bisect_left(_LIMITS, n)]
    folded = text.lower()  # (the same length but for a few letters, which only widen ``within``)
    cued = {k for cue, _, end in _CUE_AUTOMATON.find_matches_as_indexes(folded, overlapping=True)
            for k, within, max_chars in _NEEDED_BY[cue] if end <= within + len(folded) - n and n <= max_chars}
    first_digit = -1  # not looked for yet
    for k in sorted(cued.union(plain)) if cued else plain:  # in the table's order
        match, digit, pattern = _TESTS[k]
        if digit:
            if first_digit < 0:
                first_digit = _first_digit(text)
            if first_digit >= digit:
                continue
        if match(text):
            return pattern
    return _RULE if n > _RULE_LENGTH and not text[n >> 1].isalnum() and _is_rule(text) else None


def _is_rule(text: str) -> bool:
    """No letter or digit in ``text`` (of more than 40 characters: a rule drawn across the page, of any length or
    characters): no sentence could be read in it. (The callers look at the middle character first.)"""
    return not text[0].isalnum() and not text[-1].isalnum() and _RULE.regex.match(text) is not None


def is_dateline(line: str) -> bool:
    """A place and a date standing alone: ``BEIJING, June 3 --``, ``KELOWNA, B.C., Aug. 22, 2023 (CP)``; a town
    in capitals and its country: ``ADANA, Türkiye``; a place, an agency and a time: ``TAMPA, Florida, (AP) -
    12:30 p.m.``; a place, an agency and a date or a dash: ``Beijing (AFP) Sep 11, 2005``; or a place, a time and a
    date: ``Beijing | 10 a.m. Aug. 30, 2022``."""
    text = line.strip()
    return len(text) <= MAX_DATELINE and ((_DATELINE.fullmatch(text) is not None and (
        "," in text or not text.isupper())) or (  # (``NAY PYI TAW May 6``; ``FLOODS HIT MAY 6`` is a headline)
        len(text) <= MAX_PLACE_DATELINE and _PLACE_DATELINE.fullmatch(text) is not None)
        or (("|" in text or "(" in text) and (timed := _TIMED_DATELINE.fullmatch(text)) is not None
            and timed["place"] not in NEWS_AGENCIES)
        or (text[-1] in "—–-)0123456789" and "(" in text and _AGENCY_DATELINE.fullmatch(text) is not None))


# How a wire service's caption opens (``In this satellite image provided by NOAA, ...``, ``In this Aug. 14, 2016,
# file photo, ...``, ``This photo released by ...``): the picture named, then who gave or took it, or a file photo.
_CAPTION_OPENER = re.compile(
    r"(?:In t|T)his\b.{0,60}?\b(?:(?:file|handout|aerial|satellite|drone) (?:photo|image|picture)s?\b"
    r"|(?:photo|image|picture|photograph|frame grab|video grab)s? (?:provided|released|taken|made available|shot"
    r"|distributed|obtained|shared|posted|courtesy)\b)")


# ... or as a caption that names who stands where, from the left, first: ``(L-R) Linden Clark and Ian Johnstone ...``
_FROM_LEFT = ("L-R)", "L–R)", "L TO")
# ... or as a caption that gives its credit first does: ``Photo: AP A New York City taxi is stranded ...``
_CREDIT_OPENER = re.compile(rf"photo\s*:\s*(?:{'|'.join(PICTURE_DESKS)})\s+(?-i:[A-Z])[^\n]{{20}}", re.IGNORECASE)


# Where someone stands in the picture, as only a caption says it (``Justin Trudeau (C) helps fill sandbags ...``,
# ``Dr Emma Spencer (right) with a volunteer``, ``An aircraft (centre) disperses ...``). (Not ``(R)``: a US text
# gives a Republican's party so.)
_PLACE_IN_PICTURE = re.compile(r"\((?<=\s\()(?:(?-i:[LC])|(?:second\s+(?:from\s+)?|far\s+)?(?:left|right)|cent(?:re|er)"
                               r"|pictured)\)(?=[\s,.])", re.IGNORECASE)


def is_photo_caption(line: str) -> bool:
    """A line that ends with a photo credit (``... on June 9, 2023. (Xinhua/Zhang Ling)``, ``[Photo/Xinhua]``), that
    opens as a wire service's caption does (``In this satellite image provided by NOAA, ...``), with its credit
    (``Photo: AP A New York City taxi ...``) or with who stands where (``(L-R) Linden Clark and ...``), or that says
    where someone stands in the picture (``Dr Emma Spencer (right) with a volunteer``)."""
    return _caption_credit(line.strip()) is not None or (
        line[:1] in "IT" and _CAPTION_OPENER.match(line) is not None) or (
        line[:1] in "Pp" and _CREDIT_OPENER.match(line) is not None) or (
        line[:1] == "(" and line[1:5].upper() in _FROM_LEFT) or (
        "(" in line and _PLACE_IN_PICTURE.search(line) is not None)


def caption_credit(line: str) -> str | None:
    """The credit that ends a photo caption, without its brackets (``Xinhua/Zhang Ling`` of ``... on June 9, 2023.
    (Xinhua/Zhang Ling)``, ``Photo/Xinhua`` of ``... [Photo/Xinhua]``, ``Photo: Reuters`` of ``... Photo:
    Reuters``), or None when ``line`` is no caption."""
    found = _caption_credit(line.strip())
    if found is None:
        return None
    credit = found.group().strip().lstrip(_GLUED_AFTER + "-–—/").strip().rstrip(".").strip()
    if credit[:1] in "([" and credit[-1:] in ")]":
        credit = credit[1:-1].strip()
    return credit or None


def _caption_credit(text: str) -> re.Match[str] | None:
    """The photo credit that ends ``text`` (a stripped line), or None. A caption's credit ends it and is short:
    only the tail is searched. (A table's bar after it is no part of it: ``... [Photo by Wu Yanpeng] |``.)"""
    if text and text[-1] == "|":
        text = text.rstrip(" |")
    if not text or len(text) > MAX_CAPTION:
        return None
    if text.endswith(")."):  # a full stop after the credit, where it names itself: ``... (Photo: Reuters).``
        found = _PHOTO_CREDIT.search(text, max(0, len(text) - 80))
        if found is not None or "hoto" not in text[-80:]:
            return found  # (or the credit's year: ``... Photo: UN/ Oluseyi Soremekun (2012).``)
    start = max(0, len(text) - 80)
    if text[-1] == ")":  # only a credit in the last brackets: ``(Xinhua/Zhang Ling)``, ``(Photo by ...)``
        opened = text.rfind("(", start)
        if opened < 0:
            return None
        named = (text.find("/", opened) >= 0 or text[opened + 1 : opened + 6].lower() in ("photo", "court")
                 or text.endswith(("Images)", "IMAGES)"))
                 or text.find(" photo by ", opened) >= 0
                 or text.endswith((" file)", " file photo)", " FILE)", " Photo)")))
        glued = opened > 0 and text[opened - 1] in _GLUED_AFTER and (  # ``... arrive.(Lucy Loram, ABC News)``
            text.find(",", opened) >= 0 or text.find(":", opened) >= 0)
        if not (named or glued):
            return None
    elif text[-1] != "]" and not (  # (tested on the tail: ``in`` on a slice costs a third of ``find`` calls)
            "/" in (tail := text[start:]) or "©" in tail or "hoto" in tail or "icture" in tail or "mage" in tail
            or "redit" in tail or "HOTO" in tail or "Pic:" in tail or tail.endswith(_DESK_ENDINGS)):
        return None
    return _CAPTION_CREDIT.search(text, start)
