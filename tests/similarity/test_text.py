"""Dutch words to keys: lemma then stem, accents, separable verbs, hyphens, stop words."""

from cases.similarity.text import key, tokens


def keys_of(text: str) -> list[str]:
    return [token.key for token in tokens(text) if not token.stop]


def test_it_gives_singular_and_plural_one_key():
    assert key("uitkering") == key("uitkeringen")
    assert key("kostendeler") == key("kostendelers")
    assert key("gift") == key("giften")


def test_it_gives_a_participle_the_key_of_its_verb():
    assert key("gemeld") == key("melden")
    assert key("teruggevorderd") == key("terugvorderen")
    assert key("doorgegeven") == key("doorgeven")


def test_it_lets_verb_and_noun_meet():
    assert key("terugvorderen") == key("terugvordering")
    assert key("verrekenen") == key("verrekening")


def test_it_strips_accents_the_same_way_everywhere():
    assert key("één") == key("een")
    assert key("cliënt") == key("client")
    assert keys_of("Mevrouw zit in de financiële problemen") == keys_of(
        "Mevrouw zit in de financiele problemen"
    )


def test_it_joins_a_separable_verb_at_the_end_of_the_clause():
    found = [token.lower for token in tokens("Hij geeft de wijziging niet door.")]
    assert "doorgeven" in found
    found = [token.lower for token in tokens("Haar zoon woont sinds kort bij haar in.")]
    assert "inwonen" in found


def test_it_does_not_join_a_preposition_inside_the_clause():
    found = [token.lower for token in tokens("Hij woont in een flat.")]
    assert "inwonen" not in found


def test_it_keeps_a_hyphenated_word_whole_with_its_parts():
    [token] = tokens("co-ouderschap")
    assert token.surface == "co-ouderschap"
    assert token.lower == "coouderschap"
    assert token.parts == ("co", "ouderschap")


def test_it_skips_initials_and_digits():
    assert [token.lower for token in tokens("Mevrouw A. (78) en meneer B.-C.")] == [
        "mevrouw",
        "en",
        "meneer",
    ]


def test_it_marks_function_words_as_stop_words_but_keeps_them_for_phrases():
    found = tokens("Ze heeft het niet gemeld.")
    assert [token.lower for token in found if token.stop] == ["ze", "heeft", "het", "niet"]
    assert [token.lower for token in found if not token.stop] == ["gemeld"]


def test_it_counts_sentences():
    found = tokens("Eerste zin. Tweede zin! Derde; vierde")
    assert [token.sentence for token in found] == [0, 0, 1, 1, 2, 3]
