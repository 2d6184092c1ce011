from search import text as latvian


def test_fold_strips_latvian_diacritics():
    assert latvian.fold("Bāriņtiesā ĢIMENĒ ķēžu čūska ļoti ņem šī žogs") == (
        "barintiesa gimene kezu cuska loti nem si zogs"
    )


def test_word_forms_share_a_stem_with_and_without_diacritics():
    forms = ["dzīvoklis", "dzīvokļa", "dzīvokļu", "dzivoklu", "DZĪVOKLIM"]
    assert len({latvian.stem(latvian.fold(form)) for form in forms}) == 1
    assert latvian.stem(latvian.fold("Ventspilī")) == latvian.stem(latvian.fold("Ventspils"))
    assert latvian.stem("barintiesa") == latvian.stem(latvian.fold("bāriņtiesai"))


def test_stop_words_leave_the_folded_copies():
    assert latvian.folded_text("ģimenei ir īres parādi un bērni") == "gimenei ires paradi berni"
    assert latvian.stemmed_text("ģimenei ir īres parādi") == "gimen ire parad"


def test_snippet_marks_query_words_in_any_form_and_escapes_html():
    text = "Sākums. <b>Dzīvokļu</b> nodaļa palīdz ar īres parādiem."
    result = latvian.snippet(text, "dzivoklis parads")
    assert "<mark>Dzīvokļu</mark>" in result
    assert "<mark>parādiem</mark>" in result
    assert "&lt;b&gt;" in result


def test_snippet_of_long_text_starts_near_the_match():
    text = "vārds " * 200 + "bāriņtiesa " + "cits " * 200
    result = latvian.snippet(text, "barintiesa", length=100)
    assert "<mark>bāriņtiesa</mark>" in result
    assert result.startswith("… ") and result.endswith(" …")
