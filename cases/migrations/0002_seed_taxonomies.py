"""Sensible Dutch defaults for the taxonomies; administrators edit them in Django admin."""

from django.db import migrations

REGULATIONS = {
    ("AOW", "Algemene Ouderdomswet"): [
        ("leefvorm (samenwonen of alleenstaand)", "Of iemand een gezamenlijke huishouding voert."),
        ("woonlandbeginsel", "De hoogte van de uitkering hangt af van het woonland."),
        ("terugvordering", "Te veel betaalde AOW wordt teruggevorderd."),
    ],
    ("AIO", "Aanvullende Inkomensvoorziening Ouderen"): [
        ("kostendelersnorm", "Meerderjarige medebewoners verlagen de norm."),
        ("vermogenstoets", "Vermogen boven de grens sluit de aanvulling uit."),
        ("inlichtingenplicht", "Wijzigingen moeten tijdig worden gemeld."),
    ],
    ("AKW", "Algemene Kinderbijslagwet"): [
        ("onderhoudseis", "Bijdrage in het onderhoud van een kind dat elders woont."),
        ("inschrijving op hetzelfde adres", "Het kind moet tot het huishouden behoren."),
    ],
    ("PW", "Participatiewet"): [
        ("kostendelersnorm", "Meerderjarige medebewoners verlagen de norm."),
        ("vermogensgrens", "Vermogen boven de grens sluit bijstand uit."),
        ("bewijsstukken bankafschriften", "Welke bankafschriften als bewijs gelden."),
        ("terugvordering en verrekening", "Onverschuldigd betaalde bijstand wordt teruggevorderd."),
        ("zoektermijn jongeren", "Jongeren tot 27 wachten vier weken voor bijstand."),
        ("inlichtingenplicht", "Wijzigingen moeten tijdig worden gemeld."),
        ("giften", "Giften boven een grens worden gekort."),
    ],
    ("Wgs", "Wet gemeentelijke schuldhulpverlening"): [
        ("toelatingscriteria", "Wie wel en niet wordt toegelaten tot schuldhulp."),
        ("beslagvrije voet", "Het deel van het inkomen dat niet in beslag mag worden genomen."),
    ],
    ("Wsnp", "Wet schuldsanering natuurlijke personen"): [
        ("goede trouw", "Schulden moeten te goeder trouw zijn ontstaan."),
    ],
}

PUBLIC_VALUES = [
    ("doelmatigheid", "Efficiency: publiek geld zo goed mogelijk besteden."),
    ("rechtmatigheid", "Legality: handelen volgens wet- en regelgeving."),
    ("gelijke behandeling", "Equal treatment: gelijke gevallen gelijk behandelen."),
    ("transparantie", "Transparency: uitleggen wat we doen en waarom."),
    ("rechtszekerheid", "Legal certainty: inwoners weten waar ze aan toe zijn."),
    ("menselijke maat", "The human measure: oog voor de persoon en de situatie."),
    ("bestaanszekerheid", "Security of existence: inwoners kunnen rondkomen."),
    ("betrouwbare overheid", "Reliability: de overheid doet wat ze zegt."),
    ("zorgvuldigheid", "Due care: besluiten op basis van de juiste feiten."),
    ("participatie", "Participation: inwoners kunnen meedoen aan werk en samenleving."),
]

# name, description, internal/external, corner of Moore's strategic triangle (report, §3.2)
BARRIERS = [
    ("sturing op productie", "Targets op aantallen en doorlooptijden laten geen ruimte.",
     "internal", "capacity"),
    ("structuur en systemen", "Processen en systemen zijn niet ingericht op de bedoeling.",
     "internal", "capacity"),
    ("afdelingen vinden elkaar niet", "Afdelingen hanteren verschillende eisen of werken langs "
     "elkaar heen.", "internal", "capacity"),
    ("gebrek aan houvast", "Medewerkers missen training of ervaring om te herkennen wanneer "
     "regels schuren.", "internal", "capacity"),
    ("gebrek aan rugdekking", "Medewerkers voelen geen steun van hun leidinggevende om af te "
     "wijken.", "internal", "legitimacy"),
    ("beloningsstructuur", "Werken volgens de bedoeling levert medewerkers niets op.",
     "internal", "capacity"),
    ("andere organisaties", "Een andere organisatie hanteert eigen regels of werkt niet mee.",
     "external", "capacity"),
    ("het ministerie", "Sturing en verantwoording richting het ministerie laten weinig ruimte.",
     "external", "legitimacy"),
    ("de politiek", "Politieke steun ontbreekt of kan omslaan.", "external", "legitimacy"),
    ("wet- en regelgeving", "De wet zelf laat geen ruimte voor de bedoeling.",
     "external", "value"),
]


def seed(apps, schema_editor):
    Regulation = apps.get_model("cases", "Regulation")
    Rule = apps.get_model("cases", "Rule")
    PublicValue = apps.get_model("cases", "PublicValue")
    Barrier = apps.get_model("cases", "Barrier")
    for (short_name, name), rules in REGULATIONS.items():
        regulation, _ = Regulation.objects.get_or_create(
            short_name=short_name, defaults={"name": name}
        )
        for reference, description in rules:
            Rule.objects.get_or_create(
                regulation=regulation, reference=reference, defaults={"description": description}
            )
    for name, description in PUBLIC_VALUES:
        PublicValue.objects.get_or_create(name=name, defaults={"description": description})
    for name, description, kind, corner in BARRIERS:
        Barrier.objects.get_or_create(
            name=name, defaults={"description": description, "kind": kind, "corner": corner}
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
