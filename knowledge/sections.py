"""A long page's sections: heading anchors, the table of contents and the search passages.

A page's parts are its leading sections (a seminar's goals and tasks, rendered by its template)
followed by its body blocks; a heading's section runs to the next heading of the same or higher
level, the text before the first heading is the page's intro. `heading_anchors` names every
heading's anchor, for the template and the index alike.
"""

from dataclasses import dataclass, replace

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from search.sources import Passage

from .blocks import plain_text

# Headings a page needs before it shows a table of contents.
TOC_MIN_HEADINGS = 3
# A section shorter than this joins the one before it in the index (too little to rank alone).
MIN_PASSAGE_CHARS = 200
# Fewer passages than this: the page stays one search document.
MIN_PASSAGES = 2
LEVELS = {"h2": 2, "h3": 3}


@dataclass(frozen=True)
class Heading:
    anchor: str
    title: str
    level: int  # 2 (section) or 3 (subsection)


@dataclass(frozen=True)
class Section:
    heading: Heading
    text: str
    start: int  # index of the heading among the page's parts
    end: int  # index of the first part after the section


def heading_anchors(stream, taken=(), prefix=""):
    """Each block's anchor (None for blocks other than headings): the slug of the heading's
    text, "-2", "-3"… for repeats, never one of `taken`."""
    used = set(taken)
    anchors = []
    for child in stream or ():
        if child.block_type != "heading":
            anchors.append(None)
            continue
        base = prefix + (slugify(child.value["text"]) or "sadala")
        anchor, number = base, 1
        while anchor in used:
            number += 1
            anchor = f"{base}-{number}"
        used.add(anchor)
        anchors.append(anchor)
    return anchors


def join(texts):
    return "\n".join(text.strip() for text in texts if text and text.strip())


def table_of_contents(headings):
    """[{heading, children: [headings]}] with h3 nested under the h2 before it; empty for
    pages with fewer than TOC_MIN_HEADINGS headings."""
    if len(headings) < TOC_MIN_HEADINGS:
        return []
    entries = []
    for heading in headings:
        if heading.level > 2 and entries:
            entries[-1]["children"].append(heading)
        else:
            entries.append({"heading": heading, "children": []})
    return entries


def split(parts):
    """(intro text, [Section]) of a page's (heading or None, text) parts."""
    starts = [i for i, (heading, _text) in enumerate(parts) if heading is not None]
    first = starts[0] if starts else len(parts)
    intro = join(text for _heading, text in parts[:first])
    sections = []
    for start in starts:
        heading = parts[start][0]
        end = next(
            (i for i in starts if i > start and parts[i][0].level <= heading.level), len(parts)
        )
        texts = [parts[start][1]]
        for inner, text in parts[start + 1 : end]:
            texts += [inner.title if inner else "", text]
        sections.append(Section(heading, join(texts), start, end))
    return intro, sections


def merge_short(intro, sections):
    """Sections shorter than MIN_PASSAGE_CHARS join the one before (the first: the intro)."""
    intro_texts, kept = [intro], []
    for section in sections:
        previous = kept[-1] if kept else None
        if len(section.text) >= MIN_PASSAGE_CHARS:
            kept.append(section)
        elif previous and previous.start < section.start and section.end <= previous.end:
            continue  # a subsection: its text is in its parent's already
        elif previous:
            text = join([previous.text, section.heading.title, section.text])
            kept[-1] = replace(previous, text=text, end=max(previous.end, section.end))
        else:
            intro_texts += [section.heading.title, section.text]
    return join(intro_texts), kept


class SectionedPage:
    """A page whose `body` is divided by heading blocks (mixed into page models)."""

    def leading_sections(self):
        """[(Heading, text)] the template shows above the body, with fixed anchors."""
        return []

    def intro_texts(self):
        """The page's own words before its sections (title, summary…)."""
        return [self.title, getattr(self, "summary", "")]

    def body_anchors(self, prefix=""):
        taken = [heading.anchor for heading, _text in self.leading_sections()]
        return heading_anchors(self.body, taken=taken, prefix=prefix)

    def anchored_body(self, prefix=""):
        """(block, anchor or None) pairs, for templates/knowledge/includes/stream.html."""
        return list(zip(self.body or (), self.body_anchors(prefix), strict=True))

    def body_sections(self):
        """The anchored body grouped at its h2 headings, for pages that fold into sections on
        phones: [(heading pair or None for the blocks before the first h2, [pairs after it])]."""
        groups = [(None, [])]
        for block, anchor in self.anchored_body():
            if anchor is not None and LEVELS.get(block.value.get("level"), 2) == 2:
                groups.append(((block, anchor), []))
            else:
                groups[-1][1].append((block, anchor))
        return [group for group in groups if group[0] is not None or group[1]]

    def outline_parts(self):
        parts = [(heading, text) for heading, text in self.leading_sections()]
        for child, anchor in self.anchored_body():
            if anchor is None:
                parts.append((None, plain_text(child.value)))
            else:
                level = LEVELS.get(child.value.get("level"), 2)
                parts.append((Heading(anchor, child.value["text"], level), ""))
        return parts

    def section_headings(self):
        return [heading for heading, _text in self.outline_parts() if heading is not None]

    def table_of_contents(self):
        return table_of_contents(self.section_headings())

    def search_passages(self):
        """(the page document's text, [Passage]): long pages are indexed per section, and the
        page's own document keeps only its intro and headings (search/sources.py)."""
        with translation.override(self.locale.language_code):
            parts = self.outline_parts()
        intro, sections = split(parts)
        intro, kept = merge_short(join([*self.intro_texts(), intro]), sections)
        if len(kept) < MIN_PASSAGES:
            return "", []
        headings = [heading.title for heading, _text in parts if heading is not None]
        passages = [Passage(s.heading.anchor, s.heading.title, s.text) for s in kept]
        return join([intro, *headings]), passages


def seminar_sections(page):
    """A seminar's goals and tasks: sections of their own, shown above the results."""
    return [
        (Heading(anchor, str(title), 2), plain_text(value))
        for anchor, title, value in (
            ("seminar-goals", _("Mērķis"), page.goals),
            ("seminar-tasks", _("Uzdevumi"), page.tasks),
        )
        if value
    ]
