from __future__ import annotations

import re
from pathlib import Path

import pytest

from transforms import lines
from transforms.lines import PATTERNS, Role, caption_credit, furniture_pattern, is_dateline, is_photo_caption


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.name)
def test_each_pattern_recognises_its_example_first(pattern: lines.Pattern) -> None:
    got = furniture_pattern(f"  {pattern.example} ")
    assert got is not None and got.name == pattern.name
    assert len(pattern.example) <= pattern.max_chars and pattern.role in Role


def test_the_cheap_pre_tests_never_change_the_answer() -> None:
    """A line's pattern is the first whose regex matches it; the length bounds, the needed words and digits
    and the long-line shortcut only skip patterns that cannot match."""
    samples = [p.example for p in PATTERNS] + [
        "The conference was held in Beijing on 3 March. " * k for k in (1, 3, 9, 20)] + [
        "Copyright 2020 " + "x" * 500, "y" * 200 + " All rights reserved.", "-- A point is made. " * 30,
        "Li takes the baton   2013-03-16 01:50", "About | Jobs | Contact | " + "z" * 390,
        "２０２３-０６-１２ １１:２０", "Updated ٢٠٢٣-٠٦-١٢", "Posted: " + "w" * 150 + " 2023-06-12"]  # digits of any script
    for text in samples:
        plain = next((p for p in PATTERNS if p.regex.match(text.strip())), None)
        assert furniture_pattern(text) is plain, text[:60]
    pages = Path(__file__).parents[1] / "data" / "pages"  # and every line of every page capture
    for capture in sorted(pages.glob("h*/*.txt")):
        for text in capture.read_text(encoding="utf-8").splitlines():
            plain = next((p for p in PATTERNS if p.regex.match(text.strip())), None)
            assert furniture_pattern(text) is plain, (capture.name, text[:60])
    assert all(word == word.lower() for p in PATTERNS for word in p.needs)  # looked for in the folded line
    assert all(p.digit <= lines.MAX_DIGIT_AT for p in PATTERNS)  # no digit is looked for further in
    assert {p.name for p in PATTERNS if p.max_chars > lines._LONG} == {"copyright", "rights_reserved"}
    for p in PATTERNS:
        if p.max_chars > lines._LONG:
            starts = re.match(r"\(\?:\(\?:([^)]*)\)", p.regex.pattern)
            assert p.needs or starts is not None, p.name


def test_datelines_and_captions() -> None:
    assert is_dateline("BEIJING, June 3 --") and is_dateline("KELOWNA, B.C., Aug. 22, 2023 (CP)")
    assert not is_dateline("Beijing is a city of 21 million people, June 3, it was said.")
    assert is_dateline("TAMPA, Florida, (AP) - 12:30 p.m.") and is_dateline("TAMPA (AP) - 8 a.m.")  # a live update
    assert not is_dateline("Tampa mayor (AP) - 8 a.m.")
    assert is_dateline("Beijing | 10 a.m. Aug. 30, 2022")  # where and when a press conference was held
    assert not is_dateline("Xinhua | 10 a.m. Aug. 30, 2022")  # (an agency's stamp)
    assert is_dateline("GENEVA, Switzerland, October 19, 2022/APO Group/ --")  # the agency between slashes
    assert is_dateline("NAY PYI TAW May 6") and not is_dateline("FLOODS HIT MAY 6")  # (a headline in capitals)
    assert is_photo_caption("Li Qiang chairs a meeting on June 9, 2023. (Xinhua/Zhang Ling)")
    assert is_photo_caption("Visitors at the expo center. [Photo by Wu Yanpeng/China Daily]")
    assert not is_photo_caption("The minister said the dikes would hold (and they did).")
    # a full stop after the credit, where the credit says it is a photo's; a sentence's own slash is no credit
    assert is_photo_caption("A boy plays on a makeshift swing in Yuncheng, 10 March 2015. (Photo: Reuters).")
    assert not is_photo_caption("Winds reached 150 kilometres an hour (km/h).")
    assert is_photo_caption("Damage by Cyclone Pam in remote parts of Vanuatu. Photo: RNZ / Shaun O'Callaghan")
    assert not is_photo_caption("The agency said it would publish the photo: it did not.")
    assert caption_credit("letters 88. (photo credit: Courtesy)") == "photo credit: Courtesy"
    assert caption_credit("Crews at work on Sunday. (Photo courtesy of the city)") == "Photo courtesy of the city"


def test_caption_credits_of_agencies_after_a_dash_and_before_a_bar() -> None:
    # an agency in capitals and its photographer; the credit after a dash; a table's bar after the credit
    assert caption_credit("A fallen tree burns in Scotch Creek, B.C., on Sunday. THE CANADIAN PRESS/Darryl Dyck") == (
        "THE CANADIAN PRESS/Darryl Dyck")
    assert caption_credit("Rescue teams arrive at Adana airport on Wednesday - Photo: Riyaz ul Khaliq") == (
        "Photo: Riyaz ul Khaliq")
    assert caption_credit("Guests walk in front of the centre.[Photo by Wu Yanpeng/China Daily] |") == (
        "Photo by Wu Yanpeng/China Daily")
    assert caption_credit("The governor toured the damaged hospital. ARBedolla/Twitter") == "ARBedolla/Twitter"
    assert caption_credit("Rain pours into a market in Quang Ninh Province. Photo by VnExpress/Binh Minh") == (
        "Photo by VnExpress/Binh Minh")
    assert caption_credit("Homes sit destroyed by Hurricane Beryl on July 4, 2024 - AP PHOTO") == "AP PHOTO"
    assert caption_credit("Moments before the sandstorm engulfed Queen Alia airport [Facebook]") == "Facebook"
    assert not is_photo_caption("Storm hits the coast [Video]")  # (a link's marker, no credit)
    assert caption_credit("Flooding in Ninove. Credit: Belga") == "Credit: Belga"
    assert caption_credit("Rescuers at work on Sunday. Credit: supplied") == "Credit: supplied"
    assert not is_photo_caption("The bank cut its rating. Credit: the agency said the outlook would stay negative")
    assert not is_photo_caption("He posted the warning on Twitter. Details at example.com/x")
    # a slash in capitals inside a sentence, or not after one, is no agency's credit
    assert not is_photo_caption("Listeners can tune in on AM/FM Radio")
    assert not is_photo_caption("The levels are set by the WHO/FAO joint committee.")
    assert not is_photo_caption("Crews worked through the night | more updates to follow")


def test_a_time_on_a_date_and_a_source_with_a_spaced_date_are_credits() -> None:
    for line in ("10:20 am on 23 June 2015", "CCG | April 12 , 2021"):
        got = furniture_pattern(line)
        assert got is not None and got.role is Role.CREDIT, line
    assert furniture_pattern("Won 12 , 2021 games") is None


def test_stamps_with_two_digit_years_are_credits() -> None:
    got = furniture_pattern("The Telegraph   |   Published 17.10.21, 12:11 AM")
    assert got is not None and got.role is Role.CREDIT
    assert furniture_pattern("Published 17.10.2021") is not None
    assert furniture_pattern("Version 3.10.21 fixes the bug in the flood model") is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("UNDP/Luke McPake", "photo_credit"),
        ("Opinion / Editorials", None),  # a section path, spaced
        ("IE 11 Not Supported", "browser_notice"),
        ("We use cookies to improve your experience on our site.", "browser_notice"),
        ("Police said the hacker used a browser to steal cookies.", None),
        ("We're sorry, this service is currently unavailable. Please try again later.", "page_notice"),
        ("The bridge is currently unavailable to traffic after the flood.", None),
        ("Posted inOp-Eds, Opinion", "page_notice"),
        ("Posted in the morning, the letter arrived a week late.", None),
        ("You can update your preferences or unsubscribe from this list", "page_notice"),
        ("Mobile: 832.943.9835", "contact"),
        ("Alan.Bernstein@houstontx.gov", "contact"),
        ("Hide Ad", "link"),
        ("Sponsor Message", "link"),  # a radio transcript's break
        ("Your browser is out of date, and may not be compatible with our website.", "browser_notice"),
        ("The browser history is out of date.", None),
        ("Just click on the icons to get to the download page.", "browser_notice"),
        ("News 2022-09-28T14:58:19Z", "section_stamp"),  # a section's name and an ISO 8601 time: its date
        ("Image source, Getty Images", "image_credit"),
        ("Credit: Reuters", "image_credit"),
        ("Credit cards were declined at the shops.", None),
        ("Pictures of the flood were shared widely.", None),
        ("AFP via Getty Images", "agency_photo"),
        ("The file photo shows the dam.", None),
        ("Updated 2 hours ago", "relative_stamp"),
        ("Topics: Disasters", "tag_list"),
        ("Topics of the summit included floods and fires.", None),
        ("Subjects:      Queensland floods and government assistance; Craig Thomson", "tag_list"),  # a transcript's topics
        ("Subjects of the inquiry were named on Monday.", None),
        ("This article was previously published in the National Newswatch", "first_published"),
        ("To continue reading, become a subscriber.", "promo"),  # a paywall's box
        ("This article is for subscribers only.", "promo"),
        ("Already a subscriber? Log in", "promo"),
        ("The subscribers only wanted refunds, she said.", None),
        ("Photograph by Bronwyn Adcock", "credit_line"),
        ("Supplied by the City of Sault Ste. Marie", "credit_line"),
        ("This page was last updated on 19 February 2021.", "page_updated"),
        ("Home - Press Releases and Speeches - Speeches", "breadcrumb"),  # from the home page, hyphens between
        ("Home - the place we love - is gone, she said.", None),
        ("Water supplied by the city was unsafe to drink.", None),
        ("This entry was posted in Local, News. Bookmark the permalink.", "blog_chrome"),  # a WordPress post's footer
        ("This column is for subscribers only, but it's OK to share once in a while. Please subscribe.", "promo"),
        ("Keep reading with a 7-day free trial", "promo"),
        ("Categories: " + " ".join(["Disaster", "Earthquake", "Economy", "Environment", "Geology"] * 6), "tag_list"),
        ("Comments (3)", "comment_count"),
        ("1 of 5", "gallery_count"),
        ("One of the three dams failed.", None),
        ("- AFP", "agency_tag"),
        ("Additional reporting by Jane Doe", "credit_line"),
        ("Story continues below advertisement", "link"),
        ("2016-10-07T17:10:33+02:00", "timestamp"),
        ("The sponsor message was read out before the news.", None),
        ("Open Image Modal", "link"),
        ("* * *", "separator"),
        ("=" * 1200, "rule"),  # a rule of any length, with or without a run of one character
        (". , ; : ! ? " * 6, "rule"),
        ("|", "separator"),
        (".    .    .    .    .", "separator"),  # full stops, or any punctuation with no word: no text
        ("!!!", "separator"),
        ("-- On studying and implementing the spirit", None),
        ("3 mins to read", "page_notice"),
        ("Please sign in or register with Independent.ie for free access to Opinions.", "page_notice"),
        ("Today's news headlines, directly to your inbox every morning.", "page_notice"),
        ("The log in the river was read by experts.", None),
        ("Don't Miss", "link"),
        ("Spokane, Washington  Est. May 19, 1883", "masthead"),
        ("Flooding has worsened since 2010.", None),
        ("The system was established in 2018", None),
        ("^", "separator"),  # no letter or digit: a back-to-top arrow
        ("• 0", "counter"),
        ("591 Hits", "counter"),  # a listing's item read so many times
        ("Facebook: https://facebook.com/ParliamentofRSA", "social_link"),
        ("Prime Ministers Media Releases", "page_label"),  # a site's section of releases, over a headline
        ("Press releases & statements", "page_label"),
        ("Media Centre", "page_label"),
        ("Press statement on the floods", None),
        ("UNHCR logo", "logo"),  # a logo's image text
        ("Festival Logo low rez", "logo"),
        ("New logo unveiled for the games", None),
        ("Enquiries: Moloto Mothapo", "contact"),  # a release's contact, on its label's line
        ("Eujin Byun, +254 798 487 988", "contact"),  # a contact's name and number
        ("Emily Wight, Global Media Unit: emily.wight@example.org; +44 7957 425 401", "contact"),
        ("Contact: 734-764-9315, [email protected]", "contact"),  # (a stored page masks the address)
        ("Issued at HKT 14:50", "update_stamp"),
        ("The Canadian Press, 20 Feb, 2016 01:15 PM", "agency_dated"),  # an agency, a comma, its stamp
        ("China Daily| Updated: 2022-10-17 Print", "agency_stamp"),
        ("Washington, March 3, 2020", None),
        ("For more information, contact:", "contact"),  # ... the lead-in to its contact block
        ("For media enquiries or interviews with the Chairperson, please contact:", "contact"),
        ("For more information on the plan, see the council's website.", None),
        ("views 355", "counter"),
        ("views 8.4K", "counter"),
        ("1,234 views", "counter"),
        ("11,000", None),  # (a number wrapped onto a line of its own)
        ("Malta daily Facebook 300x250", "ad_slot"),  # an advertisement's slot, by its size
        ("728 x 90", "ad_slot"),
        ("Sales of 4x4 vehicles rose", None),
        ("Home / World / Asia / Floods in the north", "breadcrumb"),
        ("Home » News » City Councillors Get a Say on EPC Appointees", "breadcrumb"),  # ending in a long headline
        ("Story Continued Below", "link"),  # an ad's slot inside the text
        ("About these ads", "link"),
        ("Read or Share this story:", "link"),
        ("Flood defences and/or pumps were checked on Monday.", None),
        ("More: Storms knock out power across the county", "related_link"),
        ("Related: How to prepare an emergency kit", "related_link"),
        ("READ: Matric pupil among 14 killed in Eastern Cape floods", "related_link"),
        ("Media caption, Residents flee the flooding", "image_caption"),
        ("This article was originally published on The Conversation.", "first_published"),
        ("This is the first published account of the disaster.", None),
        # a page's script, leaked into its text; prose with a semicolon or brackets is not
        ("setTimeout(function(){", "code"),
        ("n.queue=[];t=b.createElement(e);t.async=!0;", "code"),
        ("fbq('track', 'PageView');", "code"),
        ("if (d.getElementById(id)) return;", "code"),
        ("}, 6000);", "code"),
        ("s.parentNode.insertBefore(t,s)}(window,document,'script',", "code"),
        ("/*setTimeout(function(){", "code"),
        ("The teams (24 in all) were deployed; more are on the way.", None),
        ("Relief goods were sent to Leyte (see map);", None),
        ("They await the return of the evacuees;", None),
        ("How useful was this post?", "rating_widget"),
        # a contact box's fields, and a notice asking for readers' comments
        ("0:00 0:00", "player_clock"),
        ("Available On Air Stations", "radio_player"),
        ("Supported by", "radio_player"),
        ("Live radio coverage of the storm", None),
        ("28 Oct 13", "date"),
        ("8 a.m.", "time"),  # a live report's update, by its hour
        # a blog's comment box
        ("Fill in your details below or click an icon to log in:", "comment_form"),
        ("You are commenting using your WordPress.com account. Log Out /  Change )", "comment_form"),
        ("Connecting to %s", "comment_form"),
        ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "comment_form"),
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        ("WordPress.com Logo", "comment_form"),
        ("Please enter your comment!", "comment_form"),  # a theme's form labels
        ("Please enter your name here", "comment_form"),
        ("You have entered an incorrect email address!", "comment_form"),
        ("Please enter your name and address when you write to us.", None),
        ("You are commenting on a story about the flood, she said.", None),
        ("Read the full article", "link"),
        ("FOR FURTHER INFORMATION MEDIA SHOULD CONTACT:  FEMA NEWS DESK AT (202) 646-3272", "contact"),
        ("For more information, contact the county office.", None),
        ("Full Story", "link"),  # (no one's signature)
        ("View profile", "link"),
        ("error: Content is protected !!", "page_notice"),
        ("Large Medium Small", "text_size"),  # a text-size widget
        ("-A +A", "text_size"),  # (its buttons)
        ("1 of 3 | Rescuers look for survivors in Manta, Ecuador on Monday. | License Photo", "gallery_caption"),
        ("Camera IconThe clean-up operation has begun across Britain after flooding.", "gallery_caption"),
        ("1 of 3 people in the valley left their homes.", None),
        ("health & wellness · lifestyle · mental health", "category_list"),  # a post's categories
        ("Simpson Strong Tie Banner", "logo"),  # an advertiser's banner
        ("Protesters unfurl a banner", None),
        ("Citation: Turner, Alice R., 2024, After the earthquakes, Temblor, http://doi.org/10.32858/temblor.334",
         "citation"),
        ("A- A A+", "text_size"),
        ("A + B", None),
        ("【Close】 【Print】 BigMiddleSmall", "text_size"),
        ("Small businesses in a medium town", None),
        ("App | 中文 |", "language_menu"),  # a switch between the page's languages
        ("عربي Español Русский Français 简体中文", "language_menu"),
        ("English teachers were evacuated", None),
        ("Image | SHETLAND CREEK WILDFIRE", "media_label"),  # a media embed's label
        ("Media Video | B.C. officials provide wildfires update", "media_label"),
        ("Caption: The wildfire in the valley is pictured on July 21. (B.C. Wildfire Service)", "image_caption"),
        ("%d bloggers like this:", "comment_form"),
        ("1 comment:", "comment_count"),
        ("Share this @internewscast.com", "link"),
        ("Editor's Pick No. 35", None),
        ("Updated: Dec 28,2018 10:08 AM     China Daily", "update_stamp"),
        ("Reuters", "agency_name"),  # an agency's name alone, over or under its story
        ("rbl/amj/mca", "desk_initials"),  # the wire desk's initials under its story
        ("burs-jm/dw", "desk_initials"),
        ("and/or", None),
        ("Saturday - August 2, 2025", "section_stamp"),  # the day is no source
        ("Embargoed until 00:01 GMT, 3 May", "embargo"),
        ("AP Photo", "desk_photo"),
        ("Adjust font size:", "link"),  # (no empty field)
        ("Text Resize A A A", "text_size"),
        ("Enter the words you see:", "comment_form"),
        ("Note: Only a member of this blog may post a comment.", "comment_form"),
        ("For information media. Not an official record.", "page_notice"),
        ("Simultaneous interpretation services for this video are provided by a third party.", "page_notice"),
        ("If you liked this article, support ZENIT now with a donation", "page_notice"),
        ("Print Friendly, PDF & Email", "link"),
        ("Transcribe Your Own Content", "promo"),  # a transcription service's offer under its transcripts
        ("Newer Post Older Post Home", "blog_chrome"),  # a blog's chrome around a post
        ("Subscribe to: Post Comments (Atom)", "blog_chrome"),
        ("Older posts show the pattern clearly, she said.", None),
        ("Labels: floods, disaster", "tag_list"),
        ("Try Rev for free and save time transcribing, captioning, and subtitling.", "promo"),
        ("Try harder for free speech, he said.", None),
        ("chinadaily.com.cn | Updated: 2013-02-05 20:42", "agency_stamp"),
        ("The writer is executive director of the nonprofit Climate Resolve.", "writer_note"),
        ("The writer is right about the levees.", None),
        ("Get all your news in one place.", "promo"),
        ("New: Gift this subscriber-only story to your friends and family", "promo"),
        ("Post Date:09/08/2021 4:20 PM", "update_stamp"),
        ("Last Update : 10:20 am", "update_stamp"),  # the time alone
        ("Updated 17:35, 23-Oct-2023", "update_stamp"),  # the month's name between hyphens
        ("Time to go home", None),
        ("Kristopher Radder/AP", "photo_credit"),  # the photographer, then the desk
        ("Richard Messenger/Flickr", "photo_credit"),  # (a picture's site)
        ("Chris Graythen / Getty Images", "photo_credit"),
        ("Jane Doe / Staff and volunteers", None),
        ("Website Identification Code bm01000001 Registration Number: 05070218", "page_notice"),  # a site's
        ("今日中国杂志版权所有 | 京ICP备10041721号-4", "page_notice"),  # registration in its footer
        ("The Canadian Press", "agency_name"),
        ("Reuters said the dam held.", None),
        ("The content is protected by copyright law, the court said.", None),
        ("View this email in your browser", "link"),
        ("View profiles of victims show resilience", None),
        ("The full text of the proclamation is below:", None),
        ("Thank you for your comment. Your comment will be published after being reviewed.", "comment_form"),
        ("Please try again later.", "comment_form"),
        ("Sign up to our daily Today newsletter Sign up Thank you for signing up! Did you know you can manage your "
         "profile? Edit Preferences Sorry, there seem to be some issues. Please try again later. Submitting...",
         "newsletter_box"),
        ("Readers can subscribe to the newsletter of the council.", None),
        ("Posted on 0 min read", "page_notice"),  # a stamp with no date, and the reading time
        ("1 p.m. ET", "time"),
        ("At 8 a.m. the levee broke.", None),
        ("ARGENTINA | 18-06-2019 14:03", "agency_stamp"),
        ("Bank of England 2019-06-18", "agency_stamp"),
        ("Last update: 06/01/2015", "update_stamp"),
        ("12 June 45 people died", None),
        ("Email : [email protected]", "contact"),
        ("Snail mail : Daily News, 35, D.R. Wijewardana Mawatha, Colombo, Sri Lanka.", "contact"),
        ("Telephone : 94 1 429429 / 331181", "contact"),
        ("Please forward your comments to the Editor, Daily News.", "page_notice"),
        ("We will send feedback to the ministry.", None),
        ("The email: it said the dam would hold.", None),
        ("No votes so far! Be the first to rate this post.", "rating_widget"),
        ("The rate of evictions rose sharply after the floods.", None),
        ("More than 400 homes lost power: crews are working.", None),
        ("Editor's note: This editorial first appeared in The Seattle Times.", "editors_note"),
        ("Editor's note: Ten people were confirmed dead on Tuesday.", None),  # the note adds news: text
        ("Editor’s note: Today’s guest editorial comes from The Seattle Times. Editorial content from other "
         "publications is provided to give readers a sampling of regional and national opinion and does not "
         "necessarily reflect positions endorsed by the Editorial Board.", "editors_note"),
        ("Our site would like to send you notifications for breaking news.", "promo"),
        ("Activate notifications?", "promo"),
        ("VIDEO of today's event is available here.", "promo"),
        ("Your web browser is no longer supported. Update it here", "browser_notice"),
        ("Beta V.1.0 - Powered by automated translation", "page_notice"),
        ("The pumps are powered by solar panels installed after the flood.", None),
        # how a story closes: who else reported it, where it ran first, how to reach its writer, whose view it is
        ("Associated Press writers Jim Gomez and Aaron Favila contributed to this report.", "agency_sign_off"),
        ("Jane Doe contributed reporting from Manila.", "agency_sign_off"),
        ("Volunteers contributed food and blankets to the shelters.", None),
        ("— The Associated Press", "agency_tag"),
        ("-- Xinhua", "agency_tag"),
        ("-- On studying and implementing the spirit", None),
        ("Originally published by Inter Press Service", "first_published"),
        ("Reprinted with permission from The Globe and Mail.", "first_published"),
        ("Originally, the dam was built to hold back a smaller river.", None),
        ("(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)",
         "syndicated_note"),
        ("This story has been published from a wire agency feed without modifications to the text.",
         "syndicated_note"),
        ("(Only the headline and picture of this report may have been reworked by the Business Standard staff; the "
         "rest of the content is auto-generated from a syndicated feed.)", "syndicated_note"),
        ("This report has not been edited for length, the council said.", None),
        ("Contact the writer at jdoe@example.com", "contact"),
        ("Jane Doe can be reached at 555-0100.", "contact"),
        ("Follow her on Twitter @janedoe", "contact"),
        ("The village can be reached by boat only.", None),
        ("Contact tracing teams reached 1,200 people on Monday.", None),
        ("The views expressed in this article are those of the author.", "disclaimer"),
        ("Disclaimer: This is a sponsored post.", "disclaimer"),
        ("The views expressed by residents at the meeting were heard by the council.", None),
        ("As an organization, the Urban Institute does not take positions on issues. Scholars are independent.",
         "disclaimer"),
        ("Carnegie does not take institutional positions on public policy issues.", "disclaimer"),
        ("The government does not take positions lightly, he said, and it will act.", None),
        # a picture's and a share button's chrome, and a related link after a bar
        ("Click to enlarge", "link"),
        ("Scroll to continue with content", "link"),
        ("Copy link", "link"),
        ("Copied!", "link"),
        ("Also Read | Storms knock out power across the region", "related_link"),
        ("Click the map to see the flooded roads.", None),
        # an account box's, a tab's, a paywall's and an ad slot's labels, and a link alone after a text
        ("Reset Password", "account_label"),
        ("Forgot your password?", "account_label"),
        ("Most Commented", "link"),
        ("Unlocking Article", "account_label"),
        ("Order Prints", "account_label"),
        ("AdvertisementADVERTISEMENT", "account_label"),
        ("READ MORE…", "account_label"),
        ('Press "Enter" to skip to content', "skip_links"),
        ("Twitter…", None),  # (the end of a line a teaser wrapped)
        ("Yours faithfully,", "valediction"),
        ("Very truly yours,", "valediction"),
        ("Yours truly was the first to arrive.", None),
        ("Most commented on the plan was the cost.", None),
        ("More than 200 people died.", None),
        ("Share prices fell 5 percent.", None),
        ("Read more.", "link"),
        ("Comments are closed.", "link"),
    ],
)
def test_page_chrome_is_recognised_and_text_is_not(line: str, name: str | None) -> None:
    got = furniture_pattern(line)
    assert (got.name if got else None) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("December 2023", "date"),
        ("Skip to navigationSkip to contentSkip to footerHelp using this website", "skip_links"),
        ("This content is not available in your region", "browser_notice"),
        ("The site is no longer accessible on Internet Explorer. Please use another browser, such as Edge, Safari, "
         "Google Chrome or Mozilla Firefox, which get the latest technical updates.", "browser_notice"),
        ("The bridge is not available to traffic in your area", None),
        ("No menu items!", "link"),
        ("Click Here for More on the Production Summit", "promo"),  # a needed word in any case
        # a picture's credit alone on its line: a desk's name, a paper and its photographer, a credit in brackets
        ("Getty", "agency_photo"),
        ("The STAR/Boy Santos", "photo_credit"),
        ("(Image credit: Getty images)", "image_credit"),
        ("(Beijing Review 03/14/2009)", "parenthesised_note"),
        ("Getty is the family name of the oil dynasty.", None),
        # a picture's licence or stock library, and a credit passed on by a paper
        ("U.S. Air Force Photo, Public Domain", "licensed_picture"),
        ("U.S. Army National Guard photo by Sgt. 1st Class Malcolm McClendon, Public Domain", "licensed_picture"),
        ("Creative Commons Image by Marie-Lan Nguyen,", "licensed_picture"),
        ("The data are in the public domain, officials said.", None),
        ("Pixabay Image", "desk_photo"),
        ("Joel Rouse / AP via Miami Herald", "photo_credit"),
        ("staff, agencies", "staff_and_agencies"),
        ("Guardian staff and agencies", "staff_and_agencies"),
        # a live report's time with an Indian or Australian zone; a post embedded with its date day first
        ("10:26 PM IST", "time"),
        ("9:30 am AEST", "time"),
        ("Relief work on a war footing in Odisha pic.twitter.com/j7Pv69Uvd7 - Doordarshan News (@DDNewsLive) 3 May "
         "2019", "embedded_post"),
        # a release's contact: its label, or its fields with an address
        ("Contact information", "contact"),
        ("Contact details:", "contact"),
        ("Anna Ratcliff, Oxfam, anna.ratcliff@oxfaminternational.org, +44 (0) 7796993288", "contact"),
        ("Jane Doe | City Press | jane@citypress.co.za", "contact"),
        ("Contact information was missing from the form, the clerk said.", None),
        # a site's banner and its word on affiliate links; a paper's note on the day a text ran
        ("An official website of the United States government.", "page_notice"),
        ("An official said the road would reopen.", None),
        ("If you buy something from a Vox link, Vox Media may earn a commission. See our ethics statement.",
         "page_notice"),
        ("We may earn a commission when you buy through links on our site.", "page_notice"),
        ("Agents may earn a commission of 3% on each sale.", None),
        ("Published in The Express Tribune, September 15th, 2013.", "first_published"),
        ("Published in the morning, the report found flaws in 2013.", None),
        # a post embedded from a social network: its text, its author, handle and day
        ("See the areas affected. pic.twitter.com/hPw91iS0oF — Eskom Hld SOC Ltd (@Eskom_SA) September 25, 2020",
         "embedded_post"),
        ("The agency (@NWS) said on September 25, 2020 that it would act.", None),
        # a page's own stamp, and a short date with its weekday
        ("Page last updated at 12:53 GMT, Thursday, 23 April 2009 13:53 UK", "update_stamp"),
        ("Wed, 26/06/19", "date"),
        # a gallery's buttons and counter
        ("Full Screen", "link"),
        ("1 / 11", "gallery_count"),
        # a page's markup, a file picture's caption
        ('  • <iframe src="" width="100%" height="290" frameborder="0" scrolling="no"></iframe>', "markup"),
        ("<b>Bold</b> claims were made about the dam.", None),
        ("File picture: Antoine de Ras/African News Agency (ANA) Archives", "file_photo"),
        ("The file photo: a family album of the flood.", None),
        ("4 thoughts on “After the Hurricane", "comments_header"),
        ("Some thoughts on the minimum wage", None),
        # a newsletter's or a site's appeal to its readers
        ("This is a reader-supported Substack for and about you.", "promo"),
        ("You are reading Economic Forces. This post is for paid subscribers.", "promo"),
        ("Support Semi-Partisan Politics with a one-time or recurring donation:", "promo"),
        ("Your support helps us to tell the story", "promo"),
        ("The charity received a one-time donation of $5m from the fund.", None),
        # a blog platform's reading time with the day glued on, its archive by label, its empty comments
        ("2 min readApr 15, 2023", "page_notice"),
        ("Showing posts with label climate change. Show all posts", "page_notice"),
        ("No responses yet", "comment_form"),
        # a clause that announces a quotation is text, a label is an empty field
        ("He wrote:", None),
        ("Ted Cantle continued:", None),
        ("Source:", "empty_field"),
        ("Published on", "empty_field"),  # a stamp's label with no date after it
        ("Published on Monday, the report", None),
        # the comments link and its buttons are furniture; a column's label over its headline is not
        ("Comment: Facebook Twitter Email", "link"),
        ("Comment: Lessons from loss of life", None),
        # a letter's salutation on a line of its own; an image's stand-in text
        ("Dec. 9 — To the Editor:", "salutation"),
        ("Dear Editor,", "salutation"),
        ("SIR—", "salutation"),  # alone on its line, the letter under it
        ("Sir, – We, the nation, must act now.", None),
        ("From the Associated Press", "agency_from"),  # the agency a story came from, under its headline
        ("From the desk of the mayor", None),
        ("http://www.dfes.wa.gov.au/safetyinformation/Pages/default.aspx", "bare_link"),  # a web address alone
        ("www.polkfire.net", "bare_link"),
        ("129total visits,2visits today", "counter"),  # a post's visits, glued
        ("Visit www.polkfire.net for updates", None),
        ("Dear Editor, the rains came early this year.", None),
        ("Placeholder Image", "logo"),
        # a paper's standing note on its editorials, or on one it reprints; a paywall's offer
        ("The News Journal's editorial opinions are decided by its editorial board, which is separate from its news "
         "staff.", "editorial_note"),
        ("The New York Times published this editorial on Aug. 23:", "editorial_note"),
        ("Editorials represent the opinion of the Herald's editorial board.", "editorial_note"),
        ("The editorial board is right to call for a new dam.", None),
        ("Unlimited Digital Access. $1 for 4 weeks.", "promo"),
        # a share bar of networks' names, a comment box's rules, a pager's numbers, a letters page's note
        ("Google+ Pinterest LinkedIn Tumblr +", "link"),
        ("Start a dialogue, stay on topic and be civil.", "comment_form"),
        ("If you don't follow the rules, your comment may be deleted.", "comment_form"),
        ("10 20 50", "counter"),
        ("2019 2020 2021", None),
        ("This letter was published in the Oct. 14 edition.", "first_published"),
        ("Reddit users were angry about the floods in the town.", None),
        ("See more details", "link"),
        ("PA Images / Alamy Stock Photo", "photo_credit"),
        ("Posted 8/01/18, 02:42 pm", "posted_stamp"),  # the month first, a two-digit year
        ("See more of the damage in our gallery of photos from the night", None),
        ("Digital access to the archive was cut when the servers flooded.", None),
    ],
)
def test_more_furniture(line: str, name: str | None) -> None:
    got = furniture_pattern(line)
    assert (got.name if got is not None else None) == name


def test_a_credit_glued_to_a_caption_s_full_stop() -> None:
    assert is_photo_caption("Shane Dings says the worst part was waiting for the flood.(Lucy Loram, ABC News)")
    assert is_photo_caption("Wendy looks down at the photographs.(ABC News: Jennifer Nichols)")
    assert not is_photo_caption("The minister said so.(Xinhua)")  # an agency's name alone may close a paragraph
    assert not is_photo_caption("He spoke at the summit. (Remarks, 2018)")
    # a photographer named after the caption's last sentence, with no brackets or colon
    assert is_photo_caption("The warning comes into effect at 7pm in Cork and Kerry. Picture Denis Minihane.")
    assert not is_photo_caption("He said it would rain. Picture this: floods.")


def test_a_publishing_systems_shortcode_and_account_byline_are_furniture() -> None:
    for line, name in (("[ad_1]", "shortcode"), ("[do_widget_area inner_adsbar]", "shortcode"),
                       ("Displaying 1 - 3 of 3 results.", "results_count"), ("Showing 1-10 of 52 results", "results_count"),
                       ("Written by admin", "account_byline"), ("Posted by webmaster", "account_byline")):
        found = furniture_pattern(line)
        assert found is not None and found.name == name, line
    for line in ("[Photo/Xinhua]", "[…]", "[ad]", "Written by Jane Doe", "Showing 3 of the 10 shelters open now"):
        found = furniture_pattern(line)
        assert found is None or found.name not in ("shortcode", "account_byline"), line


def test_a_caption_says_where_someone_stands_in_the_picture() -> None:
    for caption in ("Canada's Prime Minister Justin Trudeau (C) helps fill sandbags after flooding in Quebec",
                    "Cameras being installed and checked - Dr Emma Spencer (right) with a volunteer.",
                    "An aircraft (centre) disperses a mix of water and fire retardant over a fire near the lake",
                    "The mayor (second from left) and rescuers at the shelter on Monday.",
                    "Residents (pictured) queue for water in the town square.",
                    "A man wipes sweat from his face in sweltering heat. Getty"):  # (the desk's name alone)
        assert is_photo_caption(caption), caption
    for text in ("The Microsoft(R) update broke the app, the agency said.", "Sen. Jane Doe (R) said the bill would pass.",
                 "Turn right (left, if you come from the north) at the river.",
                 "(c) 2017, Washington Post Writers Group", "The score was 3 (C grade) in the review."):
        assert not is_photo_caption(text), text


def test_a_town_in_capitals_and_its_country_is_a_dateline() -> None:
    assert is_dateline("ADANA, Türkiye") and is_dateline("KABUL, Afghanistan")
    assert not is_dateline("Adana, Türkiye") and not is_dateline("US, UK")
    got = furniture_pattern("Mon, 22 Feb, 2021 - 10:43")  # a date, a dash, a time
    assert got is not None and got.name == "timestamp"


@pytest.mark.parametrize(("line", "credit"), [
    ("Xi and Peng pose for a photo in Beijing on June 9, 2023. (Xinhua/Zhang Ling)", "Xinhua/Zhang Ling"),
    ("A view of the flooded city on Monday. [Photo/Xinhua]", "Photo/Xinhua"),
    ("Firefighters at work near the river. Photo: Reuters", "Photo: Reuters"),
    ("Fallen trees in Cork, Kerry, Tipperary, Waterford. Picture Denis Minihane.", "Picture Denis Minihane"),
    ("Flooded streets in the town as the waters arrive.(Lucy Loram, ABC News)", "Lucy Loram, ABC News"),
    ("Crews at work on the levee on Sunday (Photo: Reuters).", "Photo: Reuters"),
    ("Residents walk past destruction in Tacloban on November 10, 2013. Photographer: Ted Aljibe/AFP via Getty "
     "Images", "Photographer: Ted Aljibe/AFP via Getty Images"),
    ("The photographer: he said the light was good.", None),
    ("A boy sits on an abandoned boat on what is left of the lake. AFP PIC", "AFP PIC"),
    ("The Prime Minister inspects flood damage in Lismore on Wednesday. Picture: AAP", "Picture: AAP"),
    ("Volunteers clear the area around the river in Center Point, Texas. REUTERS", "REUTERS"),
    ("A flood watch remains in effect until 7 a.m. Tuesday. Getty Images", "Getty Images"),
    ("High water flows into a restaurant on Thursday in Conroe, Texas.Kirk Sides / Houston Chronicle via Getty "
     "Images", "Kirk Sides / Houston Chronicle via Getty Images"),
    ("A flooded building in Anambra State, Nigeria. Photo: UN/ Oluseyi Soremekun (2012).",
     "Photo: UN/ Oluseyi Soremekun (2012)"),
    ("The report was published by Reuters.", None),
    ("The judge read the papers the police kept on him (the case file)", None),
    ("Rep. Mike Coffman. (Denver Post file)", "Denver Post file"),
    ("City Hall, 510 Main Street (CHRISD.CA FILE)", "CHRISD.CA FILE"),  # the paper's file picture, in capitals
    ("Prime Minister Scott Morrison speaks to the media. AAP/ Luis Enrique Ascui", "AAP/ Luis Enrique Ascui"),
    ("A laboratory with a map of disease outbreaks, photo by janiecbros/Getty Images",
     "photo by janiecbros/Getty Images"),
    ("Rescuers assisted one of the children of Mama Jane Nyambura. [Kipsang Joseph, Standard]",
     "Kipsang Joseph, Standard"),
    ("He said they should leave [now, not later]", None),
    ("Residents use boats and rafts in the rescue effort. [Gao Erqiang / China Daily]", "Gao Erqiang / China Daily"),
    ("The PM met the PIC chairman.", None),
    ("The council met on Monday. It voted for the plan.", None),  # no caption
    ("The plan (see below) passed.", None),
    # a desk's credit glued to the caption's last word
    ("Maize is a staple but this year's harvest will leave many hungryImage: Mirriam Kaliza/DW",
     "Image: Mirriam Kaliza/DW"),
    ("Stormont signImage source, Press Eye", "Image source, Press Eye"),
    ("The Image: a new book on art", None),
    # a desk's own short credit, after the last sentence or a dash, or its photo in brackets
    ("The backstop is seen as the solution to the question of the Irish border. Pic: Shutterstock",
     "Pic: Shutterstock"),
    ("Testing will be held at the void deck of Block 5. ST PHOTO: LIM YAOHUI", "ST PHOTO: LIM YAOHUI"),
    ("The minister said his office would take action. — Picture by Miera Zulyana", "Picture by Miera Zulyana"),
    ("Houses submerged as the flood takes over Lagos. Photo Credit: @SaharaReporters",
     "Photo Credit: @SaharaReporters"),
    ("A protester flashes the three-fingered salute during a rally. (AP Photo)", "AP Photo"),
    ("The minister said the bill would pass. (AP)", None),
    ("Police said the suspect fled - picture this: a car chase through town", None),
    # the photographer after a slash, run on from the caption's last word
    ("A boy observes a crack in a house at Riontweka village as a result of landslide Photo/Angwenyi Gichana",
     "Photo/Angwenyi Gichana"),
    ("Players have joined the Cyclone Gabrielle clean-up around Napier. Photo / Napier City Rovers",
     "Photo / Napier City Rovers"),
    ("He said the Photo/Video unit was closed", None),
    ("Screengrab from a video of an area affected by Cyclone Montha. Pic/X/@AndhraPradeshCM",
     "Pic/X/@AndhraPradeshCM"),
    ("Rescuers wade through the water in Kurla. Pic/Atul Kamble", "Pic/Atul Kamble"),
    ("The pic/photo ratio was high.", None),
    ("FEMA Deputy Administrator Timothy W. Manning. (Courtesy FEMA)", "Courtesy FEMA"),
    ("The court ruled on Monday. (Court papers)", None),
    # whose courtesy the photo is
    ("Vehicles cross flooded roadways as floods sweep through the Midwest. Photo courtesy Indiana State Police/Twitter",
     "Photo courtesy Indiana State Police/Twitter"),
    # its source with the photographer and the desk, its maker, a desk after a slash, an agency's pictures glued on
    ("A windswept beach in Estonia on Friday morning. Source: Rene Kundla/ERR", "Source: Rene Kundla/ERR"),
    ("The minister said so. Source: ministry data", None),
    ("Floods in Steyr, Austria. Image by AdobeStock", "Image by AdobeStock"),
    ("Lone skiers could trigger avalanches. © Keystone / Jean-christophe Bott", "© Keystone / Jean-christophe Bott"),
    ("Donald Tusk inspecting flood damage in Klodzko. / Polish Prime Minister's Office",
     "Polish Prime Minister's Office"),
    ("Rates rose 5 per cent. / The index fell.", None),
    ("The Entrepeñas resevoir in Guadalajara.David Ramos (Getty Images)", "David Ramos (Getty Images)"),
])
def test_the_credit_that_ends_a_photo_caption(line: str, credit: str | None) -> None:
    assert caption_credit(line) == credit


def test_a_related_link_glued_to_its_label_is_furniture_and_a_label_with_its_space_is_text() -> None:
    glued = furniture_pattern("Tennessee tornado damage:In McNairy County, survivors salvage belongings")
    assert glued is not None and glued.name == "glued_link"
    # a column's kicker whose space was lost is the headline's, no link's label
    assert furniture_pattern("Column:Tipping Point on Climate Emergency") is None
    for text in ("Note: The figures are provisional.", "The time was 10:30 and it rained.",
                 "See https://example.com for the full list of shelters."):
        assert furniture_pattern(text) is None, text


def test_a_letters_page_s_label_may_carry_its_day_and_its_topics() -> None:
    label = furniture_pattern("Letters Nov. 25: Appreciation for those who helped at fire scene; Canada Post's finances")
    assert label is not None and label.name == "letters_label"
    assert furniture_pattern("Letters show the mayor knew about the risk") is None
    # one letter's headline under its kicker is no page's label
    assert furniture_pattern("Letter: Fairness in regard to flood insurance") is None
    assert furniture_pattern("Letter to the editor: Rebuild the levees first") is None
    label = furniture_pattern("Letter to the Editor")
    assert label is not None and label.name == "letters_label"
    # a clause of five words or more after ``Letters:`` is the letter's headline; a few words, or a list, the topics
    assert furniture_pattern("Letters: Our firefighters' example is one for us to replicate") is None
    for text in ("Letters: California wildfires", "Letters to the Editor: Israel, the hospital and the flood",
                 "Letters: Floods, fires, the levy and the council"):
        label = furniture_pattern(text)
        assert label is not None and label.name == "letters_label", text
    assert furniture_pattern("EDITOR: Now that the dramatic fires are nearly under control, our") is None


def test_a_date_on_its_own_line_may_open_with_on() -> None:
    for line in ("On April 28, 2015", "on 3 June 2021"):
        got = furniture_pattern(line)
        assert got is not None and got.name == "date", line
    assert furniture_pattern("On April 28, 2015, the ministry issued a warning for the coast.") is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Contact: Tom Evenson, (608) 266-2839", "contact"),
        ("Contact: the council office after the storm", None),
        ("+ ↺ − 16 px", "text_size"),
        ("With every blessing,", "valediction"),
        ("With best wishes,", "valediction"),
        ("With every blessing, the bishop closed his letter to the parish.", None),
        ("Photo of Donald Trump", "alt_text"),
        ("Portrait of a city in crisis", None),
        ("As Prepared for Delivery", "delivery_note"),
        ("As delivered", "delivery_note"),
        ("Open in App", "app_prompt"),
        ("Read this story in our app", "app_prompt"),
        ("Devdiscourse News Desk | Chennai | Updated: 02-12-2024 11:01 IST", "stamp_fields"),
        ("PROTECTED CONTENT", "paywall"),
        ("Username and Password Help", "paywall"),
        ("Please enter your email and we will send your username and password to you.", "paywall"),
        ("If you’re a current subscriber, log in below. If you would like to subscribe, click the tab above.",
         "paywall"),
        ("Hackers stole the username and password of 40 officials.", None),
        ("120 Friday Center Dr", "postal_address"),
        ("Chapel Hill, NC 27517", "postal_address"),
        ("The storm hit 120 Main St on Friday.", None),
        ("919.445.9150 | 800.962.9862", "phone_numbers"),
        ("(863) 519-7350", "phone_numbers"),
        ("57547756", None),
        ("Photos and information submitted by Logan VonHatten", "submitted_by"),
        ("26 1", "counter"),
        ("Warning message", "archive_notice"),
        ("Day: May 24, 2024", "date"),
        ("Discussion about this post", "comment_form"),
        ("Alondra's avatar", "comment_form"),
        ("Expand full comment", "comment_form"),
        ("Post published in: Uncategorized", "page_notice"),
        ("Published in The Lancet, the study found that heat deaths rose.", None),
        ("Never miss a story.", "promo"),
        ("Follow us on our Malay and English WhatsApp, Telegram, Instagram, Tiktok and Youtube channels.", "promo"),
        ("Like 5", "counter"),
        ("Article content", "page_label"),
        ("Link to comment", "comment_form"),
        ("3.57 pm", "time"),
        ("The 3.5 pm meeting", None),
        ("73 words", "counter"),
        ("4.4 • 984 Ratings", "counter"),
        ("Duration: 00:46:08", "player_chrome"),
        ("U.S. Edition", "player_chrome"),
        ("Special Edition", None),
        ("Disable autoplay on embedded content?", "player_chrome"),
        ("Next page . . . . Previous page . . . . Speeches . . . . Contents", "player_chrome"),
        ("This is a rush transcript. Copy may not be in its final form.", "transcript_note"),
        ("Thanks for signing up!", "signed_up"),
        ("This story is from the May 20, 2019 edition of Outlook.", "first_published"),
        ("This story is from the heart of the delta, where floods are an old edition of trouble.", None),
        ("Author Archive", "archive_label"),
        ("Archive for December 27th, 2014", "archive_label"),
        ('HomeTagsPosts tagged with "storm"', "archive_label"),
        ("Officials tagged the posts with warnings after the storm hit the coast.", None),
        ("Please note that this page is from our archives. There may be more up-to-date content on our website.",
         "archive_notice"),
        ("This article is more than 5 years old", "archive_notice"),
        ("The warning message was clear.", None),
        ("Residents said this page of history is in the archives of the library.", None),
        ("Residents can report outages in the app", None),
        ("(0) comments", "counter"),
        ("This tag is associated with 2 posts", "archive_label"),
        ("You are here", "breadcrumb"),
        ("You are here: Home > News", "breadcrumb"),
        ("Welcome to the discussion.", "comment_form"),
        ("Keep it Clean. Please avoid obscene, vulgar, lewd, racist or sexually-oriented language.", "comment_form"),
        ("Don't Threaten. Threats of harming another person will not be tolerated.", "comment_form"),
        ("Be Truthful. Don't knowingly lie about anyone or anything.", "comment_form"),
        ("Be nice to your neighbours after the storm.", None),
        ("Continue reading “Louisiana Flood Lessons for a Climate-Changed Future”", "continue_link"),
        ("Continue reading \"Hurricane Milton\" Learn More", "continue_link"),
        ("You are here because the levee failed.", None),
        ("Post Views: 122", "counter"),
        ("Connect with us", "link"),
        ("Tags", "link"),
        ("Published", "empty_field"),
        ("on", "stamp_label_part"),
        ("Excerpt from The Jamaica Observer column published on Monday, September 26, 2022", "first_published"),
        ("Excerpts from the minister's speech were published on Monday.", None),
        ("Please help support Local Journalism in Belize", "site_appeal"),
        ("Keep up to date with our latest articles and uploads...", "site_appeal"),
        ("NSW UPDATE 17.55pm: Keep up to date with the latest bushfire developments with this map:", None),
        ("First Published in The New York Sun, January 2, 2008", "first_published"),
        ("Read on…", "link"),
        ("Read on the train", None),
        ("Home / Opinion", "breadcrumb"),
        ("Home / Away is a film.", None),
        ("Gulf News, 10 Aug 2023 - 14:14, Dubai", "source_dated"),
        ("Ahram Online , Sunday 25 Oct 2015", "source_dated"),
        ("Jane Doe, March 3, 2020", None),  # a name and a date: no publication's
        ("Images | Akorda", "image_credit"),
        ("Image | SHETLAND CREEK WILDFIRE", "media_label"),
        ("Tell a friend", "link"),
        ("Australian PM - 1 month ago", "relative_stamp"),
        ("Jump to main content", "skip_links"),
        ("Skip navigation", "skip_links"),
        ("No Comments on Letters to the Editor 19/06/24", "comment_count"),
        ("3 Comments on Storm clean-up begins", "comment_count"),
        ("No comments on the matter were made by the council.", None),
        ("View Full Size", "link"),
        ("Jump to comments ↓", "skip_links"),
        ("REUTERS", "agency_name"),
        ("11 Days Remaining", "counter"),
        ("Become a STA FM Member", "site_appeal"),
        ("Become a member of the team that rebuilt the town after the floods.", None),
        ("Support quality, independent, local journalism…that matters", "site_appeal"),
        ("From just £1 a month you can help fund our work – and use our website without adverts.", "site_appeal"),
        ("BE PART OF THE CONVERSATION", "comment_box"),
        ("Content created and supplied by: AccraBlog", "credit_line"),
        ("Article Topic Follows: AP National", "page_label"),
        ("Author Profile Photo", "alt_text"),
        ("Mon – Fri | 9AM – 12PM", "opening_hours"),
        ("Office Hours", "opening_hours"),
        ("3 days left before the storm hits the coast", None),
        ("Thursday 28th", "date"),
        ("Anonymous said...", "comments_header"),
        ("Newest Most Voted", "comments_header"),
        ("Inline Feedbacks", "comments_header"),
        ("An image relating to the news item Firefighters free puppy's head caught in metal chair", "alt_text"),
        ("Jane Castor Signature", "signature_image"),
        ("Digital signature", None),
        ("access_time 02:42pm • Apr 26, 2024", "icon_stamp"),
        ("Mon, 04/11/2016 - 9:23am", "timestamp"),
        ("www.kxan.com – Associated Press – 2024-12-08 19:31:00", "feed_source"),
        ("Add as a preferred source on Google", "alert_offer"),
        ("(Want to get this briefing by email? Here’s the sign-up.)", "alert_offer"),
        ("Get up-to-the-minute news sent straight to your device.", "alert_offer"),
        ("scorecardresearch", "alert_offer"),
        ("To read the full AP story, visit: https://bit.ly/APEcuadorQuake", "full_story_link"),
        ("Keyword Search: Tornado (loose results)", "search_head"),
        ("Search for survivors continues: officials say", None),
        ("Dear Sir,", "salutation"),
        ("Dear Sirens of the coast", None),
        ("Newspapers in English", "kiosk_footer"),
        ("This advertisement has not loaded yet, but your article continues below.", "link"),
        ("Article content continued", "link"),
        ("«Another Earthquake»", None),  # a headline in guillemets
        ("04.45", "time"),  # a live report's entry, on the 24-hour clock
        ("1.5", None),
        ("« Previous post Next »", "nav_arrows"),
        ("Follow by Email", "link"),
        ("Go back to the Europarl portal", "link"),
        ("Go back to school after the floods, officials said.", None),
        ("Thanks for logging in.", "signed_up"),
        ("Trackback URL for this entry:", "comment_form"),
        ("Listed below are links to weblogs that reference Storm Aftermath", "comment_form"),
        ("Total People in Discussion: 5", "comment_form"),
        ("Article image for Fraser Island fire: Neil Breen quizzes fire chief", "alt_text"),
        ("Editor's Note: This blog was originally posted on the White House Blog.", "editors_note"),
        ("This blog was originally posted on the White House Blog.", "first_published"),
        ("The fund will support local journalism in rural areas and the state's smaller newspapers.", None),
    ],
)
def test_contacts_stamps_widgets_alternative_texts_and_notes_of_speeches_and_apps(line: str, name: str | None) -> None:
    got = furniture_pattern(line)
    assert (got.name if got else None) == name


def test_a_place_and_a_news_agency_in_brackets_with_a_date_or_a_dash_is_a_dateline() -> None:
    for line in ("Beijing (AFP) Sep 11, 2005", "Mamuju (Indonesia) (AFP) –", "Geneva (Reuters) -"):
        assert is_dateline(line), line
    for line in ("Floods kill 12 in the north (AFP)", "Beijing (CNN) Sep 11, 2005 was a hard day"):
        assert not is_dateline(line), line


def test_a_caption_that_gives_its_credit_first_or_a_desk_s_photographer_in_brackets() -> None:
    caption = ("Ruined homes are seen from a helicopter during a flyover of Puerto Rico Sept. 23, after Hurricane "
               "Maria. (Customs and Border Protection photo by Kris Grogan)")
    assert caption_credit(caption) == "Customs and Border Protection photo by Kris Grogan"
    assert is_photo_caption("Photo: AP A New York City taxi is stranded in deep water on Manhattan’s West Side")
    assert not is_photo_caption("Photo: AP")
    assert is_photo_caption("(L-R) Linden Clark and Ian Johnstone, former managers of RNZ International.")
    assert not is_photo_caption("(Local rain totals were the highest in a decade.)")
    assert not is_photo_caption("The council met in the town hall (a photo by the clerk was shown).")
