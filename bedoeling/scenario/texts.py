"""The one composer of Dutch case texts, for the demo scenario and the benchmarks.

Case texts are put together from phrase fragments per rule of the seeded taxonomy (the
regulation's short name and the rule's reference), so that cases about the same rule and the
same situation really do read alike — which is what the precedent search and the recurring
patterns need to find. Every fragment is pseudonymised ("Mevrouw A.", "Een jongere van 19"):
no names, numbers or dates that identify anyone, so composed texts pass the privacy guard.

Pure Python, no Django: `bench/` imports it before Django is set up. The same random generator
state gives the same texts, so a seed makes benchmark data and the demo repeatable.
"""

from __future__ import annotations

import random

PERSONAS = [
    "Mevrouw A. (81) woont alleen in een huurflat.",
    "Meneer B. (74) is weduwnaar en woont in een seniorenwoning.",
    "Een echtpaar van in de zeventig woont al veertig jaar in dezelfde woning.",
    "Mevrouw C. is alleenstaande moeder van twee kinderen.",
    "Meneer D. (45) is na een burn-out zijn baan kwijtgeraakt.",
    "Een jongere van 19 staat er sinds kort alleen voor.",
    "Een gezin met drie kinderen woont in een te kleine huurwoning.",
    "Mevrouw E. (58) zorgt voor haar zieke moeder.",
    "Meneer F. is statushouder en woont sinds een jaar in de gemeente.",
    "Mevrouw G. (67) is laaggeletterd en leest brieven met hulp van haar buurvrouw.",
    "Een jonge vader van 23 is net gescheiden.",
    "Meneer H. (62) heeft een eenmanszaak gehad die failliet ging.",
]

GENERIC_SITUATIONS = [
    "Er zijn ook schulden bij de zorgverzekeraar en de woningcorporatie.",
    "De huur is hoog en de toeslagen zijn onlangs stopgezet.",
    "De gezondheid is slecht en er is een wijkverpleegkundige betrokken.",
    "Het maatschappelijk werk heeft de situatie bij ons gemeld.",
    "Brieven van de overheid worden vaak niet geopend uit angst.",
    "Er is een bewindvoerder aangevraagd maar nog niet benoemd.",
    "De klant heeft zelf contact gezocht via het klantcontactcentrum.",
    "Een mantelzorger regelt de administratie.",
    "De klant spreekt weinig Nederlands en een tolk is nodig.",
    "Er is sprake van psychische problemen en stress.",
]
GENERIC_EFFECTS = [
    "Het maandinkomen zakt onder het bestaansminimum.",
    "De vaste lasten kunnen niet meer worden betaald en er dreigt een huurachterstand.",
    "De klant raakt in de schulden en moet naar de voedselbank.",
    "De stress neemt toe en de gezondheid gaat verder achteruit.",
    "Er dreigt huisuitzetting.",
    "De klant verliest het vertrouwen in de overheid.",
]
GENERIC_CONFLICTS = [
    "Zo bereiken we het tegendeel van wat de wet beoogt.",
    "De menselijke maat ontbreekt als we de regel hier strikt toepassen.",
    "Rechtmatigheid en bestaanszekerheid staan hier tegenover elkaar.",
    "De uitvoering kost ons meer dan het oplevert.",
    "Gelijke gevallen moeten gelijk worden behandeld, maar dit geval is niet gelijk.",
    "Het doel van de organisatie is dat inwoners kunnen meedoen, niet dat ze vastlopen.",
]
GENERIC_QUESTIONS = [
    "Mogen we hier afwijken van de regel, en hoe onderbouwen we dat?",
    "Is er ruimte binnen de regels om deze klant tegemoet te komen?",
    "Moeten we dit opschalen naar de directie?",
    "Wie neemt het besluit en geeft de medewerker rugdekking?",
]

# (regulation short name, rule reference): titles, situations, effects, conflicts, questions.
TOPICS: dict[tuple[str, str], dict[str, list[str]]] = {
    ("AOW", "leefvorm (samenwonen of alleenstaand)"): {
        "titles": [
            "Samenwonen of mantelzorg?",
            "Partner in het verpleeghuis, toch samenwonend?",
            "Latrelatie gezien als gezamenlijke huishouding",
            "Zus trekt in om te zorgen",
        ],
        "situations": [
            "Haar partner is opgenomen in een verpleeghuis, maar ze zijn nog getrouwd.",
            "Een vriend woont tijdelijk in omdat hij zijn huis kwijt is.",
            "Zijn zus is ingetrokken om mantelzorg te geven na een beroerte.",
            "Ze hebben een latrelatie en houden elk een eigen woning aan.",
            "Een controle stelde vast dat er twee mensen op het adres wonen.",
            "De medebewoner betaalt geen huur en deelt de kosten niet.",
        ],
        "effects": [
            "De AOW wordt verlaagd van het alleenstaandenpensioen naar het gehuwdenpensioen.",
            "Het AOW-pensioen daalt met honderden euro's per maand door de leefvorm.",
            "De gezamenlijke huishouding wordt met terugwerkende kracht vastgesteld.",
        ],
        "conflicts": [
            "Mantelzorg wordt zo bestraft terwijl de overheid mantelzorg wil stimuleren.",
            "De leefvormregel is bedoeld voor wie kosten deelt, niet voor wie zorg geeft.",
            "Er is geen sprake van een gezamenlijke huishouding in de geest van de wet.",
        ],
        "questions": ["Kunnen we de zorgrelatie laten wegen bij de beoordeling van de leefvorm?"],
    },
    ("AOW", "woonlandbeginsel"): {
        "titles": [
            "Terugkeer naar het geboorteland",
            "Half jaar in Turkije, half jaar hier",
            "Verhuizing naar dochter in Spanje",
            "Woonlandfactor na emigratie",
        ],
        "situations": [
            "Hij verblijft een deel van het jaar in Marokko bij familie.",
            "Ze wil verhuizen naar haar dochter in Spanje om daar verzorgd te worden.",
            "Hij is teruggekeerd naar Turkije maar komt voor medische zorg terug.",
            "De inschrijving in de basisregistratie is gewijzigd naar het buitenland.",
            "Het woonland is onduidelijk omdat er in twee landen een woning is.",
        ],
        "effects": [
            "Het woonlandbeginsel verlaagt de uitkering fors.",
            "De AIO-aanvulling vervalt bij wonen buiten Nederland.",
            "De woonlandfactor maakt dat het pensioen niet meer toereikend is.",
        ],
        "conflicts": [
            "De regel bedoelt koopkrachtverschillen te verrekenen, niet zorg onmogelijk te maken.",
            "Het verblijf in het buitenland is tijdelijk en noodzakelijk voor de zorg.",
        ],
        "questions": ["Welk woonland nemen we aan bij verblijf in twee landen?"],
    },
    ("AOW", "terugvordering"): {
        "titles": [
            "Terugvordering AOW na fout van de SVB",
            "Te veel betaald pensioen na overlijden partner",
            "Hoge terugvordering bij kleine wijziging",
        ],
        "situations": [
            "Door een fout in de administratie is jarenlang te veel AOW betaald.",
            "Na het overlijden van de partner is het pensioen doorbetaald.",
            "De wijziging was wel doorgegeven maar niet verwerkt.",
            "De klant had geen idee dat er te veel werd betaald.",
        ],
        "effects": [
            "De terugvordering van het te veel betaalde pensioen loopt op tot duizenden euro's.",
            "Er wordt maandelijks verrekend met de AOW, waardoor er te weinig overblijft.",
            "Een betalingsregeling van jaren hangt de klant boven het hoofd.",
        ],
        "conflicts": [
            "Terugvorderen is redelijk bij fraude, maar hier ligt de fout bij ons.",
            "De klant te goeder trouw betaalt voor onze fout.",
        ],
        "questions": ["Kunnen we van terugvordering afzien omdat de fout bij ons ligt?"],
    },
    ("AIO", "kostendelersnorm"): {
        "titles": [
            "Kleinzoon logeert bij oma",
            "Volwassen zoon woont weer thuis",
            "Student slaapt doordeweeks bij opa",
            "Kostendeler die niets bijdraagt",
        ],
        "situations": [
            "Haar kleinzoon studeert en slaapt doordeweeks bij haar.",
            "Haar volwassen zoon is na een scheiding weer bij haar ingetrokken.",
            "De kleindochter woont tijdelijk in omdat ze geen kamer kan vinden.",
            "De medebewoner heeft geen inkomen en draagt niets bij aan de huur.",
            "Ze ontvangt AOW en een aanvulling uit de AIO.",
        ],
        "effects": [
            "De kostendelersnorm verlaagt haar AIO flink.",
            "De AIO-aanvulling daalt met ruim driehonderd euro per maand door de kostendeler.",
            "Ze moet kiezen tussen haar kleinzoon op straat zetten of zelf niet rondkomen.",
        ],
        "conflicts": [
            "De kostendelersnorm gaat uit van gedeelde woonlasten die hier niet gedeeld worden.",
            "De regel wil voorkomen dat woonlasten dubbel worden betaald, niet oma straffen.",
            "Familie die elkaar opvangt wordt zo ontmoedigd.",
        ],
        "questions": ["Mogen we de kostendelersnorm hier buiten toepassing laten?"],
    },
    ("AIO", "vermogenstoets"): {
        "titles": [
            "Uitvaartpolis telt als vermogen",
            "Spaargeld voor de begrafenis",
            "Erfenis net boven de vermogensgrens",
        ],
        "situations": [
            "Ze heeft jarenlang gespaard voor haar eigen uitvaart.",
            "Hij heeft een kleine erfenis gekregen van zijn broer.",
            "Er staat een bedrag op een spaarrekening voor de kleinkinderen.",
            "Het eigen huis heeft overwaarde maar er is geen inkomen.",
        ],
        "effects": [
            "Door de vermogenstoets vervalt de AIO-aanvulling tot het spaargeld op is.",
            "Het vermogen ligt net boven de vermogensgrens, dus geen aanvulling.",
            "Ze moet haar uitvaartgeld opmaken om weer recht te krijgen.",
        ],
        "conflicts": [
            "Sparen voor je eigen begrafenis is verantwoordelijk gedrag, geen luxe.",
            "De vermogenstoets bedoelt wie kan rondkomen uit te sluiten, en zij kan dat niet.",
        ],
        "questions": ["Kunnen we het uitvaartgeld buiten het vermogen laten?"],
    },
    ("AIO", "inlichtingenplicht"): {
        "titles": [
            "Wijziging te laat gemeld door dementie",
            "Boete na niet gemeld bijverdienen",
            "Brief over wijzigingen niet begrepen",
        ],
        "situations": [
            "Hij is beginnend dementerend en vergat de verhuizing door te geven.",
            "Ze verdiende een paar maanden bij als oppas en meldde dat niet.",
            "De brief over de inlichtingenplicht was te ingewikkeld.",
            "Een kleine toeslag werd niet gemeld omdat ze dacht dat het niet hoefde.",
        ],
        "effects": [
            "Er volgt een boete wegens schending van de inlichtingenplicht.",
            "Met terugwerkende kracht wordt de AIO herzien en teruggevorderd.",
            "De klant krijgt een fraudeaantekening.",
        ],
        "conflicts": [
            "De inlichtingenplicht veronderstelt dat iedereen onze brieven begrijpt.",
            "Een boete voor iemand die het niet kon weten helpt niemand.",
        ],
        "questions": ["Kunnen we afzien van een boete gezien de omstandigheden?"],
    },
    ("AKW", "onderhoudseis"): {
        "titles": [
            "Kinderbijslag voor kind bij de andere ouder",
            "Onderhoud contant betaald",
            "Bijdrage in onderhoud niet aan te tonen",
        ],
        "situations": [
            "Het kind woont bij de andere ouder en vader betaalt mee aan het onderhoud.",
            "De bijdrage in het onderhoud wordt contant betaald en staat niet op afschriften.",
            "Het kind studeert en woont op kamers in een andere stad.",
            "Moeder betaalt schoolspullen en kleding rechtstreeks.",
        ],
        "effects": [
            "Zonder bewijs van onderhoud vervalt de kinderbijslag.",
            "Kinderbijslag over een heel jaar wordt teruggevorderd.",
        ],
        "conflicts": [
            "De onderhoudseis wil zeker weten dat de ouder bijdraagt, en dat doet deze ouder.",
            "Contant betalen is geen bewijs van niet betalen.",
        ],
        "questions": ["Welk ander bewijs van onderhoud kunnen we accepteren?"],
    },
    ("AKW", "inschrijving op hetzelfde adres"): {
        "titles": [
            "Co-ouderschap en inschrijving",
            "Kind staat op ander adres ingeschreven",
            "Verhuizing niet op tijd in de BRP",
        ],
        "situations": [
            "De ouders hebben co-ouderschap en het kind woont de helft van de week bij elk.",
            "Het kind staat ingeschreven bij oma maar woont bij moeder.",
            "De verhuizing is te laat in de basisregistratie personen verwerkt.",
            "Het kind verblijft in een jeugdzorginstelling.",
        ],
        "effects": [
            "Omdat het kind niet op hetzelfde adres staat ingeschreven, stopt de kinderbijslag.",
            "Beide ouders vragen kinderbijslag aan en geen van beiden krijgt het.",
        ],
        "conflicts": [
            "De inschrijving is een hulpmiddel, de werkelijke zorg zou moeten tellen.",
            "Bij co-ouderschap past de regel niet op hoe gezinnen nu leven.",
        ],
        "questions": ["Kunnen we uitgaan van de feitelijke woonsituatie?"],
    },
    ("PW", "kostendelersnorm"): {
        "titles": [
            "Dakloze zoon tijdelijk opgevangen",
            "Zus trekt in na huiselijk geweld",
            "Jongere van 21 als kostendeler",
            "Kostendelersnorm bij opvang familie",
        ],
        "situations": [
            "Haar zoon van 22 was dakloos en slaapt nu op de bank.",
            "Haar zus is gevlucht voor huiselijk geweld en woont tijdelijk in.",
            "Een neef uit het buitenland verblijft er in afwachting van eigen woonruimte.",
            "De inwonende jongere heeft geen inkomen en betaalt geen kostgeld.",
            "De klant ontvangt een bijstandsuitkering als alleenstaande.",
        ],
        "effects": [
            "De kostendelersnorm verlaagt de bijstand met een derde.",
            "De bijstandsuitkering daalt zo ver dat de huur niet meer betaald kan worden.",
            "Ze moet haar familielid wegsturen om haar bijstand te behouden.",
        ],
        "conflicts": [
            "Opvang van dakloze familie voorkomt maatschappelijke kosten elders.",
            "De kostendelersnorm straft solidariteit binnen families.",
            "De norm gaat uit van een draagkrachtige medebewoner, en die is er niet.",
        ],
        "questions": ["Mogen we de kostendelersnorm tijdelijk niet toepassen?"],
    },
    ("PW", "vermogensgrens"): {
        "titles": [
            "Auto nodig voor werk telt als vermogen",
            "Spaargeld van de kinderen",
            "Letselschadevergoeding boven de vermogensgrens",
        ],
        "situations": [
            "Hij heeft een auto nodig om naar zijn proefplaatsing te rijden.",
            "Er staat spaargeld op naam van de kinderen dat oma heeft gegeven.",
            "Ze ontving een letselschadevergoeding na een ongeval.",
            "Het vermogen bestaat uit gereedschap van zijn oude bedrijf.",
        ],
        "effects": [
            "Het vermogen ligt boven de vermogensgrens, dus de bijstand wordt afgewezen.",
            "Hij moet zijn auto verkopen en verliest daarmee zijn kans op werk.",
        ],
        "conflicts": [
            "De vermogensgrens moet voorkomen dat wie kan rondkomen bijstand krijgt.",
            "Afwijzen maakt uitstroom naar werk juist onmogelijk.",
        ],
        "questions": ["Kunnen we de auto buiten het vermogen laten zolang hij werkt?"],
    },
    ("PW", "bewijsstukken bankafschriften"): {
        "titles": [
            "Geen bankafschriften van drie maanden",
            "Bankafschriften niet digitaal beschikbaar",
            "Oude bankrekening niet meer op te vragen",
            "Aanvraag bijstand gestrand op bankafschriften",
        ],
        "situations": [
            "Ze heeft geen internetbankieren en de bank rekent kosten voor papieren afschriften.",
            "De bankafschriften van de afgelopen drie maanden zijn niet compleet.",
            "Een oude bankrekening is opgeheven en de afschriften zijn niet meer op te vragen.",
            "Hij kon alleen een schermafbeelding van zijn saldo laten zien.",
            "De aanvraag voor bijstand werd buiten behandeling gesteld.",
        ],
        "effects": [
            "Zonder volledige bankafschriften wordt de aanvraag buiten behandeling gesteld.",
            "De klant zit maanden zonder inkomen terwijl het recht duidelijk is.",
            "Hij moet opnieuw aanvragen en verliest weken aan bijstand.",
        ],
        "conflicts": [
            "Bankafschriften zijn bedoeld om het recht vast te stellen, niet als doel op zich.",
            "Het recht op bijstand staat vast, het bewijsstuk ontbreekt alleen.",
            "We vragen een bewijsstuk dat de klant niet kan leveren.",
        ],
        "questions": ["Welk ander bewijs kunnen we accepteren in plaats van bankafschriften?"],
    },
    ("PW", "terugvordering en verrekening"): {
        "titles": [
            "Terugvordering bijstand na te laat gemelde baan",
            "Verrekening onder de beslagvrije voet",
            "Terugvordering na fout van de gemeente",
        ],
        "situations": [
            "Ze is gaan werken en de melding is te laat verwerkt.",
            "Er is onverschuldigd betaalde bijstand over een half jaar.",
            "De gemeente heeft zelf een fout gemaakt in de berekening.",
            "Er lopen al meerdere betalingsregelingen met schuldeisers.",
        ],
        "effects": [
            "De terugvordering wordt verrekend met de bijstand, waardoor er te weinig overblijft.",
            "Door de terugvordering zakt het inkomen onder de beslagvrije voet.",
            "De schuld bij de gemeente blokkeert een schuldhulptraject.",
        ],
        "conflicts": [
            "Terugvorderen van wie net aan het werk is ontmoedigt werken.",
            "De terugvordering duwt de klant dieper in de schulden.",
        ],
        "questions": ["Kunnen we (gedeeltelijk) afzien van terugvordering?"],
    },
    ("PW", "zoektermijn jongeren"): {
        "titles": [
            "Jongere uit huis gezet, toch vier weken wachten",
            "Zoektermijn voor dakloze jongere",
            "Jongere van 19 zonder inkomen",
        ],
        "situations": [
            "Hij is door zijn ouders uit huis gezet en slaapt bij vrienden.",
            "Ze is net 18 en komt uit de jeugdzorg.",
            "De jongere heeft geen startkwalificatie en zoekt werk of een opleiding.",
            "Hij is dakloos en heeft geen geld voor eten.",
        ],
        "effects": [
            "Door de zoektermijn van vier weken krijgt de jongere geen bijstand.",
            "De jongere heeft vier weken geen inkomen en raakt verder van huis.",
        ],
        "conflicts": [
            "De zoektermijn is bedoeld om jongeren te activeren, niet om ze dakloos te maken.",
            "Een jongere zonder dak kan niet zoeken naar werk of school.",
        ],
        "questions": ["Mogen we de zoektermijn voor deze jongere overslaan?"],
    },
    ("PW", "inlichtingenplicht"): {
        "titles": [
            "Boodschappen van de moeder niet gemeld",
            "Inlichtingenplicht geschonden door verwarring",
            "Boete voor niet gemelde inkomsten",
        ],
        "situations": [
            "Haar moeder deed wekelijks boodschappen voor het gezin.",
            "Hij wist niet dat hij een klein bijbaantje moest melden.",
            "De klant was in de war door wisselende informatie van verschillende loketten.",
        ],
        "effects": [
            "Wegens schending van de inlichtingenplicht volgt een terugvordering met boete.",
            "De bijstand wordt herzien over een lange periode.",
        ],
        "conflicts": [
            "De inlichtingenplicht wordt hier een val voor wie het goed bedoelde.",
            "Een boete voor boodschappen van familie staat haaks op de bedoeling.",
        ],
        "questions": ["Is een waarschuwing genoeg in plaats van een boete?"],
    },
    ("PW", "giften"): {
        "titles": [
            "Giften van de kerk gekort op bijstand",
            "Ouders betalen de huur",
            "Crowdfunding voor een wasmachine",
        ],
        "situations": [
            "De kerk geeft maandelijks boodschappenbonnen aan het gezin.",
            "Haar ouders betalen een deel van de huur om huisuitzetting te voorkomen.",
            "Vrienden zamelden geld in voor een nieuwe wasmachine.",
            "Ze krijgt pakketten van de voedselbank en een gift van familie.",
        ],
        "effects": [
            "De giften worden boven de grens gekort op de bijstand.",
            "Wat familie en kerk geven, haalt de gemeente weer weg.",
        ],
        "conflicts": [
            "Giften van naasten vullen een tekort aan dat de bijstand laat bestaan.",
            "Korten op giften ontmoedigt het netwerk dat we juist willen versterken.",
        ],
        "questions": ["Kunnen we deze giften vrijlaten?"],
    },
    ("Wgs", "toelatingscriteria"): {
        "titles": [
            "Geen schuldhulp door fraudeschuld",
            "Eerder uitgevallen, nu weer aanmelding",
            "Ondernemer uitgesloten van schuldhulpverlening",
        ],
        "situations": [
            "Hij heeft een fraudeschuld bij de gemeente uit het verleden.",
            "Ze is twee jaar geleden uitgevallen uit een schuldhulptraject.",
            "Hij was zelfstandig ondernemer en heeft zakelijke schulden.",
            "De schulden zijn opgelopen tot meer dan vijftigduizend euro.",
        ],
        "effects": [
            "Volgens de toelatingscriteria wordt de klant niet toegelaten tot schuldhulpverlening.",
            "Zonder schuldhulp groeien de schulden door incassokosten verder.",
        ],
        "conflicts": [
            "Schuldhulp weigeren houdt de problemen in stand die we willen oplossen.",
            "De toelatingscriteria sluiten juist de mensen uit die het hardst hulp nodig hebben.",
        ],
        "questions": ["Kunnen we de klant toch toelaten tot schuldhulpverlening?"],
    },
    ("Wgs", "beslagvrije voet"): {
        "titles": [
            "Beslagvrije voet te laag berekend",
            "Deurwaarder legt beslag op bijstand",
            "Meerdere beslagen tegelijk",
        ],
        "situations": [
            "Er liggen beslagen van de deurwaarder en de Belastingdienst.",
            "De beslagvrije voet is berekend zonder rekening te houden met de kinderen.",
            "Het beslag wordt gelegd op de bijstandsuitkering.",
        ],
        "effects": [
            "Door beslag onder de beslagvrije voet blijft er te weinig over om van te leven.",
            "De klant kan de vaste lasten niet betalen door het beslag.",
        ],
        "conflicts": [
            "De beslagvrije voet hoort het bestaansminimum te beschermen.",
            "Schuldeisers gaan voor, terwijl de klant niet kan rondkomen.",
        ],
        "questions": ["Moeten we de beslagvrije voet herberekenen en de deurwaarder aanspreken?"],
    },
    ("Wsnp", "goede trouw"): {
        "titles": [
            "Goede trouw bij gokschulden",
            "Schulden door verslaving, nu in herstel",
            "Wsnp geweigerd wegens eerdere schulden",
        ],
        "situations": [
            "De schulden zijn ontstaan door een gokverslaving waarvoor hij nu in behandeling is.",
            "Ze heeft schulden gemaakt tijdens een psychose.",
            "Hij is clean en werkt mee aan zijn herstel.",
        ],
        "effects": [
            "Zonder verklaring van goede trouw is de schuldsanering niet mogelijk.",
            "De klant blijft levenslang met schulden zitten.",
        ],
        "conflicts": [
            "Goede trouw beoordelen op het verleden negeert het herstel van nu.",
            "Zonder schuldsanering is er geen perspectief op een nieuw begin.",
        ],
        "questions": ["Kunnen we een verklaring van goede trouw afgeven?"],
    },
}

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
PLACES = [
    "Amsterdam",
    "Rotterdam",
    "Den Haag",
    "Utrecht",
    "Eindhoven",
    "Groningen",
    "Tilburg",
    "Almere",
    "Breda",
    "Nijmegen",
    "Apeldoorn",
    "Haarlem",
    "Arnhem",
    "Enschede",
    "Amersfoort",
    "Zaanstad",
    "Zwolle",
    "Leiden",
    "Maastricht",
    "Dordrecht",
    "Zoetermeer",
    "Deventer",
    "Delft",
    "Alkmaar",
    "Venlo",
    "Leeuwarden",
    "Helmond",
    "Heerlen",
    "Hilversum",
    "Emmen",
]

PROPOSED_RULES = [
    "eis van een vast woonadres voor een uitkering",
    "termijn voor het aanleveren van stukken",
    "regel dat een aanvraag alleen digitaal kan",
    "eis van een geldig identiteitsbewijs bij de aanvraag",
]


def _pick(rng: random.Random, options: list[str], low: int, high: int) -> str:
    return " ".join(rng.sample(options, min(len(options), rng.randint(low, high))))


def compose(
    rng: random.Random, topic_key: tuple[str, str], *, places: tuple[str, ...] | list[str] = PLACES
) -> dict[str, str]:
    """Texts (title, situation, effect, conflict, question) for one case about `topic_key`, a
    key of TOPICS; the benchmarks use it for the texts they search with too.

    `places`: where a situation may be said to play (the demo keeps to its own town).
    """
    topic = TOPICS[topic_key]
    situation = [rng.choice(PERSONAS), _pick(rng, topic["situations"], 1, 3)]
    if rng.random() < 0.6:
        situation.append(rng.choice(GENERIC_SITUATIONS))
    if rng.random() < 0.5:
        situation.append(f"Dit speelt sinds {rng.choice(MONTHS)} in {rng.choice(places)}.")
    effect = [_pick(rng, topic["effects"], 1, 2)]
    if rng.random() < 0.5:
        effect.append(rng.choice(GENERIC_EFFECTS))
    conflict = [_pick(rng, topic["conflicts"], 1, 2)]
    if rng.random() < 0.5:
        conflict.append(rng.choice(GENERIC_CONFLICTS))
    question = rng.choice(topic["questions"] + GENERIC_QUESTIONS)
    return {
        "title": rng.choice(topic["titles"]),
        "situation": " ".join(situation),
        "effect": " ".join(effect),
        "conflict": " ".join(conflict),
        "question": question,
    }
