"""The HTML cleaner keeps people's words: text that only looks like a tag is escaped, not
dropped; real tags outside the short list, scripts and event attributes still go."""

import pytest

from network.posts.sanitize import clean_text

KEPT_AS_TEXT = [
    ("a < b ‹vārds>", "a &lt; b ‹vārds&gt;"),
    ("<vārds>", "&lt;vārds&gt;"),
    ("a < b <vārds>", "a &lt; b &lt;vārds&gt;"),
    ("Paldies <3", "Paldies &lt;3"),
    ("a<b", "a&lt;b"),
    ("<Anna> teica: labi", "&lt;Anna&gt; teica: labi"),
    ("</vārds> un <abc", "&lt;/vārds&gt; un &lt;abc"),
    ("<!nav komentārs> <?x?>", "&lt;!nav komentārs&gt; &lt;?x?&gt;"),
    ("<strong>Labi</strong> <vārds>", "<strong>Labi</strong> &lt;vārds&gt;"),
]


@pytest.mark.parametrize(("text", "cleaned"), KEPT_AS_TEXT)
def test_text_that_only_looks_like_a_tag_is_kept(text, cleaned):
    assert clean_text(text) == cleaned


HOSTILE = [
    ('<script>alert("x")</script>teksts', "teksts"),
    ("<SCRIPT>alert(1)</SCRIPT>teksts", "teksts"),
    ("<iframe src=https://example.org></iframe>teksts", "teksts"),
    ("<style>body{display:none}</style>teksts", "teksts"),
    ("<img src=x onerror=alert(1)>teksts", "teksts"),
    ('<p onclick="alert(1)" style="color:red">teksts</p>', "<p>teksts</p>"),
    (
        '<a href="javascript:alert(1)">teksts</a>',
        '<a rel="nofollow noopener noreferrer">teksts</a>',
    ),
    ("<script/src=//example.org/x.js></script>teksts", "teksts"),
    ("<svg onload=alert(1)>teksts", "teksts"),
    ("<scr<script>ipt>alert(1)</script>", "&lt;scr"),
    ("<!-- <script>alert(1)</script> -->teksts", "teksts"),
]


@pytest.mark.parametrize(("text", "cleaned"), HOSTILE)
def test_real_tags_outside_the_list_are_still_removed(text, cleaned):
    assert clean_text(text) == cleaned


def test_cleaning_twice_changes_nothing_more():
    for text, _cleaned in KEPT_AS_TEXT + HOSTILE:
        once = clean_text(text)
        assert clean_text(once) == once
