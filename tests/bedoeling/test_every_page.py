"""One language per page: every page each role reaches, in Dutch and in English, shows no word
of the other language and never Django's untranslated blank choice "Select an option".

The data on a page (names, case texts, the Dutch taxonomy of rules, values and barriers) is
taken out before looking: only the page's own words count.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from cases.models import Barrier, Case, Comment, PublicValue, Regulation, Rule
from deliberations.models import Decision, Escalation, Meeting
from organisations.models import Organisation, Team
from tests.pages import ROLES, build_world, pages_for

# A few words that occur in almost any sentence of one language and in none of the other.
TELL_TALES = {
    "nl": re.compile(r"\b(the|and|your|with|this|Select an option|Please|Skip)\b"),
    "en": re.compile(r"\b(de|het|een|niet|naar|voor|geen|wordt|uw|bij|van)\b"),
}
ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}


class _Text(HTMLParser):
    """The text a person meets: content and the attributes read aloud, not scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        self.parts.extend(value or "" for name, value in attrs if name in ATTRIBUTES)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _data_strings() -> list[str]:
    """Every stored text a page may show, longest first (so parts go after the whole)."""
    strings: set[str] = set()
    User = get_user_model()
    for user in User.objects.all():
        strings |= {user.get_full_name(), user.first_name, user.last_name, user.username}
    for model, fields in [
        (Organisation, ["name", "purpose"]),
        (Team, ["name", "purpose"]),
        (Regulation, ["name", "short_name", "description"]),
        (Rule, ["reference", "description"]),
        (PublicValue, ["name", "description"]),
        (Barrier, ["name", "description"]),
        (Case, ["title", *Case.TEXT_FIELDS, "proposed_rule"]),
        (Comment, ["text"]),
        (Decision, ["rationale", "values_weighing", "difference", "refer_to"]),
        (Escalation, ["question"]),
        (Meeting, ["location", "minutes"]),
    ]:
        for row in model.objects.values_list(*fields):
            strings |= set(row)
    from digests.models import Story

    for row in Story.objects.values_list("title", "text", "lesson"):
        strings |= set(row)
    return sorted((" ".join(s.split()) for s in strings if s and s.strip()), key=len, reverse=True)


def own_words(html: str, data: list[str]) -> str:
    text = page_text(html)
    for value in data:
        text = text.replace(value, " ")
    return text


@pytest.fixture
def world(db):
    return build_world()


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_every_page_speaks_one_language(client, world, role, language):
    client.force_login(world[role])
    client.cookies["django_language"] = language
    data = _data_strings()
    findings = {}
    for page in pages_for(world, role):
        if page.post is not None:
            response = client.post(page.url, page.post)
            assert response.status_code in (200, 422), page.name
        else:
            response = client.get(page.url)
            assert response.status_code == 200, page.name
        assert f'<html lang="{language}">' in response.text, page.name
        words = TELL_TALES[language].findall(own_words(response.text, data))
        if words:
            findings[page.name] = sorted(set(words))
    assert findings == {}


def test_the_check_sees_a_word_of_the_other_language():
    with translation.override("nl"):
        html = "<p>Kies een optie</p><select><option>Select an option</option></select>"
        assert TELL_TALES["nl"].findall(own_words(html, [])) == ["Select an option"]
        assert TELL_TALES["en"].findall(own_words('<p title="naar de start">Home</p>', [])) == [
            "naar",
            "de",
        ]
