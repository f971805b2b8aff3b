"""Dutch first, English complete: every message in both catalogues is translated and compiled."""

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = [Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" for code in ("nl", "en")]


@pytest.mark.parametrize("folder", CATALOGUES, ids=lambda folder: folder.parent.name)
def test_every_message_is_translated_and_none_is_fuzzy(folder):
    catalogue = polib.pofile(str(folder / "django.po"))
    assert len(catalogue) > 50
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("folder", CATALOGUES, ids=lambda folder: folder.parent.name)
def test_the_committed_compiled_catalogue_matches_the_source(folder):
    catalogue = polib.pofile(str(folder / "django.po"))
    with open(folder / "django.mo", "rb") as compiled_file:
        compiled = gettext.GNUTranslations(compiled_file)
    stale = [
        entry.msgid
        for entry in catalogue
        if not entry.msgid_plural and compiled.pgettext(entry.msgctxt, entry.msgid) != entry.msgstr
        if entry.msgctxt
    ] + [
        entry.msgid
        for entry in catalogue
        if not entry.msgid_plural
        and not entry.msgctxt
        and compiled.gettext(entry.msgid) != entry.msgstr
    ]
    assert stale == [], "run `make messages` and commit the .mo files"
