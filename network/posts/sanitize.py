"""Cleaning of user-written text: only a few harmless tags survive, never scripts, styles,
event attributes or `javascript:` links. A "<" that opens no HTML tag ("a < b", "<3",
"<vārds>") is the writer's text: it is escaped and kept, not dropped as a tag would be."""

import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Every element name of HTML (current and obsolete) and the two foreign roots: "<name" with one
# of these is markup, for nh3 to keep or remove; any other "<" is text.
ELEMENT_NAMES = """
    a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound
    big blink blockquote body br button canvas caption center cite code col colgroup data
    datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure
    font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe
    image img input ins isindex kbd keygen label legend li link listing main map mark
    marquee math menu menuitem meta meter multicol nav nextid nobr noembed noframes noscript
    object ol optgroup option output p param picture plaintext pre progress q rb rp rt rtc
    ruby s samp script search section select slot small source spacer span strike strong
    style sub summary sup svg table tbody td template textarea tfoot th thead time title tr
    track tt u ul var video wbr xmp
"""
HTML_ELEMENTS = frozenset(ELEMENT_NAMES.split())
# An opening or closing tag's name (ending where HTML ends it), or a comment.
MARKUP_START = re.compile(r"<(?:!--|/?([A-Za-z][A-Za-z0-9]*)(?=[\s/>]))")


def _escape_text_brackets(value):
    """Each "<" that starts no known tag or closed comment becomes "&lt;"."""
    last_close = value.rfind(">")

    def keep_or_escape(match):
        markup = MARKUP_START.match(value, match.start())
        if markup and markup.end() <= last_close:
            name = markup.group(1)
            if name is None and "-->" in value[markup.end() :]:
                return "<"  # a comment: nh3 removes it
            if name is not None and name.lower() in HTML_ELEMENTS:
                return "<"
        return "&lt;"

    return re.sub("<", keep_or_escape, value)


def clean_text(value):
    if not value:
        return value
    return nh3.clean(
        _escape_text_brackets(value),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    ).strip()
