"""Fill the English catalogue: the source strings are English, so each msgstr is its msgid.

Run by `make messages` after makemessages. The Dutch catalogue is translated by hand.
"""

import polib

for language in ("nl", "en"):
    catalogue = polib.pofile(f"locale/{language}/LC_MESSAGES/django.po")
    catalogue.metadata_is_fuzzy = False
    catalogue.metadata["Language"] = language
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    catalogue.metadata["Project-Id-Version"] = "Bedoeling"
    if language == "en":
        for entry in catalogue:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    catalogue.save()
