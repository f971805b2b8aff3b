"""The demo's case consultations: five months of weekly meetings and what followed.

Per team a handful of past meetings, each deciding two to four of the team's submitted cases
(oldest first), and one meeting planned for the coming week. The texts are what a team lead
would write: why the decision serves the purpose, which public values were weighed, and when two
similar cases were decided differently, why. They are pseudonymised like the cases themselves
and pass the privacy guard.
"""

from __future__ import annotations

import datetime as dt

from deliberations.models import DecisionKind, Outcome

from .demo_cases import NOORD, SCHULD, ZUID
from .plans import ActionPlan, DecisionPlan, ItemPlan, MeetingPlan, OutcomePlan, TeamPlan

APPLY = DecisionKind.APPLY_RULE
ROOM = DecisionKind.ROOM_WITHIN_RULES
DEVIATE = DecisionKind.DEVIATION
REFER = DecisionKind.REFER
ESCALATE = DecisionKind.ESCALATE
POSTPONE = DecisionKind.POSTPONE

YES = Outcome.Served.YES
PARTLY = Outcome.Served.PARTLY
NO = Outcome.Served.NO

# ---------------------------------------------------------------------------- Inkomen Noord

NOORD_PLAN = TeamPlan(
    team=NOORD,
    weekday=1,  # Tuesday
    time=dt.time(10, 0),
    location="Stadskantoor Noord, zaal 3",
    meetings=(
        MeetingPlan(
            weeks_ago=20,
            items=(
                ItemPlan(
                    title="Twee weduwen willen samen een woning huren",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "De AOW kijkt naar een gezamenlijke huishouding: hoofdverblijf in "
                            "dezelfde woning én zorg voor elkaar. Twee vriendinnen met elk een "
                            "eigen slaapkamer, eigen rekeningen en eigen boodschappen voeren die "
                            "niet, ook niet als ze af en toe samen koken. We bevestigen vooraf "
                            "schriftelijk dat ze met deze afspraken als alleenstaanden gelden, "
                            "zodat ze zonder risico samen kunnen gaan wonen. Dat is de bedoeling: "
                            "bestaanszekerheid, en minder alleen."
                        ),
                        values=("rechtszekerheid", "menselijke maat", "transparantie"),
                        weighing=(
                            "Rechtszekerheid woog het zwaarst: zonder duidelijkheid vooraf gaat "
                            "een goed plan niet door. Rechtmatigheid blijft geborgd, want we "
                            "leggen de afspraken vast en toetsen ze bij het heronderzoek opnieuw."
                        ),
                        evaluate=90,
                        actions=(
                            ActionPlan(
                                "Schriftelijke bevestiging vooraf sturen, met de afspraken: eigen "
                                "kamer, eigen rekeningen, ieder een eigen huurdeel",
                                due=10,
                                done=6,
                            ),
                            ActionPlan(
                                "Voorbeeldbrief 'samen wonen zonder samenwonen' in de "
                                "kennisbank zetten",
                                owner="lead",
                                due=28,
                                done=21,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        YES,
                        "Beide dames wonen inmiddels samen en houden hun AOW voor "
                        "alleenstaanden. De bevestiging vooraf gaf hun de zekerheid om de stap "
                        "te zetten.",
                        after=95,
                    ),
                ),
                ItemPlan(
                    title="Bankafschriften: wij accepteren een download",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "Een download van de af- en bijschrijvingen laat alles zien wat we "
                            "moeten weten; de eis van een pdf staat in een werkinstructie, niet "
                            "in de wet. De tenaamstelling blijkt al uit ons eigen dossier. We "
                            "zetten de afschriften die wij al hebben, met toestemming van "
                            "meneer, door naar Bijzondere Bijstand, zodat zijn aanvraag niet "
                            "vervalt. Eén gemeente vraagt hetzelfde bewijs niet twee keer in een "
                            "andere vorm."
                        ),
                        values=("doelmatigheid", "betrouwbare overheid", "gelijke behandeling"),
                        weighing=(
                            "Doelmatigheid en betrouwbaarheid wijzen dezelfde kant op: dubbel "
                            "uitvragen kost de inwoner moeite en ons werk. De rechtmatigheid "
                            "komt niet in het geding, want het bewijs is volledig."
                        ),
                        rule_chafes=True,
                        evaluate=60,
                        actions=(
                            ActionPlan(
                                "Afschriften met toestemming van meneer doorzetten naar "
                                "Bijzondere Bijstand",
                                due=3,
                                done=1,
                            ),
                            ActionPlan(
                                "Met de teamleider Bijzondere Bijstand één bewijsnorm voor "
                                "bankafschriften afspreken",
                                owner="lead",
                                due=30,
                                done=41,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        PARTLY,
                        "Het bed en de koelkast zijn op tijd toegekend. Bijzondere Bijstand "
                        "vraagt bij nieuwe aanvragen nog steeds om een pdf: de afspraak over één "
                        "bewijsnorm is gemaakt, maar nog niet in hun werkinstructie verwerkt.",
                        after=70,
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=14,
            items=(
                ItemPlan(
                    title="Dochter trekt in als mantelzorger bij vader",
                    decision=DecisionPlan(
                        kind=ESCALATE,
                        rationale=(
                            "De kostendelersnorm kent geen uitzondering voor mantelzorg binnen "
                            "één woning; de mantelzorgwoning is een aparte voorziening. "
                            "Compenseren via individuele afstemming kan, maar dan nemen we een "
                            "principebesluit dat voor alle vergelijkbare gevallen gaat gelden. "
                            "Dat besluit hoort bij de directeur."
                        ),
                        values=("bestaanszekerheid", "gelijke behandeling", "doelmatigheid"),
                        weighing=(
                            "De bestaanszekerheid van vader en dochter en een uitgespaarde "
                            "verpleeghuisplaats staan tegenover de gelijke behandeling van alle "
                            "kostendelers. Omdat dit vaker voorkomt, willen we één lijn."
                        ),
                        rule_chafes=True,
                        evaluate=80,
                        question=(
                            "Staat u toe dat wij bij aantoonbare mantelzorg in één woning de "
                            "kostendelersnorm via individuele afstemming compenseren, zolang de "
                            "zorg nodig is? En brengt u deze regel in bij het overleg met het "
                            "ministerie?"
                        ),
                    ),
                    answer=DecisionPlan(
                        kind=DEVIATE,
                        rationale=(
                            "Ja. De mantelzorg van de dochter voorkomt een verpleeghuisopname en "
                            "is precies het omzien naar elkaar dat we willen. We compenseren het "
                            "verschil met de norm voor een alleenstaande via individuele "
                            "afstemming, zolang de zorg nodig is, met een jaarlijkse toets via "
                            "het Wmo-loket. Dit wordt de lijn voor vergelijkbare gevallen. De "
                            "kostendelersnorm bij mantelzorg meld ik als structureel knelpunt "
                            "bij het ministerie."
                        ),
                        values=("bestaanszekerheid", "menselijke maat", "gelijke behandeling"),
                        weighing=(
                            "Gelijke behandeling borgen we door er een lijn van te maken in "
                            "plaats van een uitzondering: elk vergelijkbaar huishouden krijgt "
                            "dezelfde afstemming."
                        ),
                        rule_chafes=True,
                        evaluate=80,
                        actions=(
                            ActionPlan(
                                "Vader en dochter informeren over de afstemming en de jaarlijkse "
                                "toets",
                                owner="sanne",
                                due=15,
                                done=12,
                            ),
                            ActionPlan(
                                "Werkinstructie 'mantelzorg en kostendelersnorm' opstellen en in "
                                "het team bespreken",
                                owner="lead",
                                due=30,
                                done=27,
                            ),
                        ),
                    ),
                    answer_after=8,
                    outcome=OutcomePlan(
                        YES,
                        "De dochter zorgt nog steeds voor haar vader; een verpleeghuisplaats is "
                        "niet nodig geweest. Een vergelijkbaar huishouden kreeg inmiddels "
                        "volgens dezelfde lijn een besluit.",
                        after=85,
                    ),
                ),
                ItemPlan(
                    title="Buurtbewoners zamelen geld in voor een scootmobiel",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "De giftenvrijlating gaat over geld waarvan iemand leeft. Een "
                            "inzameling van buren voor één bestemd hulpmiddel dient niet voor "
                            "levensonderhoud maar om mee te kunnen doen. Onze "
                            "giftenbeleidsregel laat ruimte om een gift met een aantoonbaar "
                            "bestemd doel vrij te laten; die ruimte gebruiken we. Korten zou "
                            "betekenen dat de gemeente het geld van de buren opstrijkt."
                        ),
                        values=("participatie", "menselijke maat", "rechtmatigheid"),
                        weighing=(
                            "Rechtmatigheid blijft overeind: de beleidsregel geeft deze ruimte, "
                            "mits het geld aantoonbaar aan de scootmobiel is besteed."
                        ),
                        evaluate=56,
                        actions=(
                            ActionPlan(
                                "Afwijzing door de Wmo bespreken met het sociaal wijkteam",
                                due=14,
                                done=9,
                            ),
                            ActionPlan(
                                "Aankoopbewijs van de scootmobiel opvragen en bij het dossier "
                                "voegen",
                                due=21,
                                done=16,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        YES,
                        "Mevrouw rijdt met haar scootmobiel naar de markt en de buurtkamer. Het "
                        "wijkteam heeft de afwijzing door de Wmo opnieuw laten bekijken.",
                        after=60,
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=10,
            items=(
                ItemPlan(
                    title="Moeder betaalt elke maand de boodschappen",
                    decision=DecisionPlan(
                        kind=APPLY,
                        rationale=(
                            "De maandelijkse bijdrage van zijn moeder is vaste hulp bij de "
                            "kosten van levensonderhoud, en daar is de bijstand zelf voor. Boven "
                            "de vrijlating korten we, zoals de regel bedoelt. Een boete leggen "
                            "we niet op: meneer dacht te goeder trouw dat hulp van familie mocht, "
                            "en dat verwijten we hem niet."
                        ),
                        values=("gelijke behandeling", "rechtmatigheid", "menselijke maat"),
                        weighing=(
                            "Gelijke behandeling weegt zwaar: wie elke maand geld voor "
                            "boodschappen krijgt, heeft meer te besteden dan wie die hulp niet "
                            "heeft. De menselijke maat zit in het afzien van de boete."
                        ),
                        evaluate=42,
                        compare_with="Buurtbewoners zamelen geld in voor een scootmobiel",
                        difference=(
                            "Anders dan de inzameling voor de scootmobiel (eenmalig, voor één "
                            "bestemd hulpmiddel om mee te kunnen doen) is dit een vaste "
                            "maandelijkse bijdrage aan boodschappen: precies de kosten waarvoor "
                            "de bijstandsnorm bedoeld is. Daarom laten we deze gift niet vrij."
                        ),
                        actions=(
                            ActionPlan(
                                "Meneer uitleggen wat wel en niet mag, en het boetevoornemen "
                                "intrekken",
                                due=7,
                                done=4,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        PARTLY,
                        "Meneer begrijpt de korting en heeft een haalbare betalingsregeling "
                        "voor de terugvordering. Hij komt krap rond; we hebben hem gewezen op de "
                        "individuele inkomenstoeslag.",
                        after=50,
                    ),
                ),
                ItemPlan(
                    title="Geen voorschot zolang Toeslagen de huurtoeslag herziet",
                    decision=DecisionPlan(
                        kind=DEVIATE,
                        rationale=(
                            "De werkinstructie zegt: geen voorschot zolang Toeslagen beslist. "
                            "Die regel moet dubbele betaling voorkomen, niet een gezin een maand "
                            "zonder huurgeld laten. We wijken beargumenteerd af: een renteloos "
                            "voorschot ter hoogte van de gestopte huurtoeslag, dat we verrekenen "
                            "zodra Toeslagen heeft beslist. Een huurachterstand kost het gezin, "
                            "de verhuurder en later ook ons veel meer."
                        ),
                        values=("bestaanszekerheid", "doelmatigheid", "betrouwbare overheid"),
                        weighing=(
                            "Het risico op dubbele betaling is klein en met verrekening te "
                            "beheersen; de schade van een huurachterstand is groot en direct."
                        ),
                        rule_chafes=True,
                        evaluate=56,
                        actions=(
                            ActionPlan(
                                "Voorschot uitbetalen en de verrekening met de huurtoeslag "
                                "vastleggen",
                                owner="sanne",
                                due=3,
                                done=2,
                            ),
                            ActionPlan(
                                "Voorstel schrijven om de werkinstructie voorschotten aan te "
                                "passen",
                                owner="lead",
                                due=28,
                                done=45,
                            ),
                        ),
                    ),
                    correction=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "Het voorschot blijft staan, maar het is geen afwijking: de "
                            "Participatiewet staat een voorschot toe zolang het recht nog niet "
                            "is vastgesteld. Onze werkinstructie is strenger dan de wet. We "
                            "gebruiken dus de ruimte binnen de regels, en de werkinstructie "
                            "moet worden aangepast."
                        ),
                        values=("bestaanszekerheid", "doelmatigheid", "betrouwbare overheid"),
                        weighing=(
                            "Zelfde afweging als in het overleg; alleen de soort besluit was "
                            "verkeerd vastgelegd."
                        ),
                        rule_chafes=True,
                        evaluate=56,
                    ),
                    correction_reason=(
                        "Juridische Zaken wijst erop dat de wet dit voorschot toestaat. Het "
                        "besluit was vastgelegd als afwijking van de regel; het is ruimte binnen "
                        "de regels. De inhoud verandert niet."
                    ),
                    correction_after=6,
                    outcome=OutcomePlan(
                        YES,
                        "Het gezin heeft geen huurachterstand opgelopen. Het voorschot is "
                        "verrekend met de nabetaling van de huurtoeslag.",
                        after=58,
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=5,
            items=(
                ItemPlan(
                    title="Inlichtingenplicht gemist tijdens opname na een psychose",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "Een boete vraagt verwijtbaarheid. Wie is opgenomen na een psychose, "
                            "kan geen wijzigingen doorgeven; die verwijtbaarheid ontbreekt. We "
                            "zien af van de boete en beperken de terugvordering tot het netto "
                            "ontvangen bedrag, zoals de wet toelaat. Post gaat voortaan, met "
                            "haar toestemming, ook naar haar begeleider."
                        ),
                        values=("zorgvuldigheid", "menselijke maat", "rechtmatigheid"),
                        weighing=(
                            "Rechtmatigheid vraagt dat we terugvorderen wat te veel is betaald; "
                            "zorgvuldigheid en menselijke maat vragen dat we niet straffen waar "
                            "niets te verwijten valt."
                        ),
                        evaluate=28,
                        actions=(
                            ActionPlan(
                                "Boetevoornemen intrekken en een nieuwe beschikking sturen voor "
                                "de terugvordering van het netto bedrag",
                                due=7,
                                done=5,
                            ),
                            ActionPlan(
                                "Met mevrouw en haar begeleider van de GGZ afspreken dat post "
                                "ook naar de begeleider gaat",
                                due=14,
                            ),
                        ),
                    ),
                ),
                ItemPlan(
                    title="Zes weken in het buitenland voor de begrafenis",
                    decision=DecisionPlan(
                        kind=POSTPONE,
                        rationale=(
                            "We willen eerst weten hoe lang de afwikkeling van de nalatenschap "
                            "redelijkerwijs duurde en wat meneer vooraf heeft gemeld. De stukken "
                            "worden opgevraagd; de casus komt over drie weken terug."
                        ),
                        backing=False,
                        actions=(
                            ActionPlan(
                                "Reisgegevens en een verklaring over de afwikkeling van de "
                                "nalatenschap opvragen",
                                due=10,
                                done=8,
                            ),
                        ),
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=2,
            items=(
                ItemPlan(
                    title="Zes weken in het buitenland voor de begrafenis",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "Meneer meldde zijn vertrek vooraf en bleef om als enig kind de "
                            "begrafenis en de nalatenschap te regelen; de stukken bevestigen "
                            "dat. De wet laat ons afzien van terugvordering als daar dringende "
                            "redenen voor zijn, en die zijn er hier. Terugvorderen zou hem "
                            "straffen voor zijn openheid, terwijl zijn vaste lasten hier gewoon "
                            "doorliepen."
                        ),
                        values=("menselijke maat", "rechtmatigheid", "gelijke behandeling"),
                        weighing=(
                            "Gelijke behandeling borgen we met een vaste lijn: bij overlijden "
                            "van een naaste in het buitenland en tijdige melding zien we af van "
                            "terugvordering over de extra weken."
                        ),
                        evaluate=60,
                        actions=(
                            ActionPlan(
                                "Beschikking sturen: we zien af van terugvordering, met uitleg",
                                due=7,
                                done=3,
                            ),
                            ActionPlan(
                                "Lijn 'verblijf in het buitenland bij overlijden' vastleggen in "
                                "de werkinstructie",
                                owner="lead",
                                due=21,
                            ),
                        ),
                    ),
                ),
                ItemPlan(
                    title="Terugvordering niet op te brengen door schulden",
                    decision=DecisionPlan(
                        kind=REFER,
                        refer_to="schuldhulpverlening van de gemeente",
                        rationale=(
                            "Wij zijn geen schuldhulpverlener, maar we weten nu dat mevrouw meer "
                            "schulden heeft. We houden de verrekening twee maanden aan en dragen "
                            "haar, met haar toestemming, warm over aan Schulddienstverlening, "
                            "zodat onze vordering kan meegaan in een schuldregeling. Alleen ons "
                            "eigen geld terughalen maakt het totaalprobleem groter."
                        ),
                        values=("bestaanszekerheid", "doelmatigheid", "menselijke maat"),
                        weighing=(
                            "Doelmatig is hier niet het snelst incasseren, maar zorgen dat de "
                            "vordering ooit terugkomt en mevrouw niet verder wegzakt."
                        ),
                        evaluate=60,
                        actions=(
                            ActionPlan(
                                "Verrekening twee maanden aanhouden in het systeem",
                                owner="lead",
                                due=2,
                                done=1,
                            ),
                            ActionPlan(
                                "Driegesprek plannen met mevrouw en Schulddienstverlening "
                                "(warme overdracht)",
                                due=5,
                                done=4,
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    coming=(
        "Moeder in de bijstand vangt dakloze volwassen zoon tijdelijk op",
        "Oma met AOW en AIO vangt studerende kleinzoon op",
    ),
)

# ---------------------------------------------------------------------------- Inkomen Zuid

ZUID_PLAN = TeamPlan(
    team=ZUID,
    weekday=2,  # Wednesday
    time=dt.time(13, 30),
    location="Stadskantoor Zuid, kamer 2.14",
    meetings=(
        MeetingPlan(
            weeks_ago=17,
            items=(
                ItemPlan(
                    title="Vader draagt bij in natura",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "De onderhoudseis vraagt dat een ouder aantoonbaar bijdraagt aan "
                            "zijn kind, niet dat hij dat via de bank doet. Bonnetjes van "
                            "kleding, de schoolreis, de telefoon en de wekelijkse boodschappen "
                            "laten een bijdrage zien die boven de ondergrens ligt. We "
                            "accepteren aankoopbewijzen over een kwartaal als bewijs."
                        ),
                        values=("zorgvuldigheid", "rechtmatigheid"),
                        weighing=(
                            "Rechtmatigheid vraagt bewijs; zorgvuldigheid vraagt dat we kijken "
                            "naar wat er echt gebeurt in plaats van alleen naar overboekingen."
                        ),
                        evaluate=60,
                        actions=(
                            ActionPlan(
                                "Aankoopbewijzen van het afgelopen kwartaal opvragen en beoordelen",
                                due=14,
                                done=10,
                            ),
                            ActionPlan(
                                "Werkinstructie onderhoudseis aanvullen met bijdragen in natura",
                                owner="lead",
                                due=30,
                                done=25,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        YES,
                        "De kinderbijslag loopt door. Vader levert elk kwartaal zijn bonnetjes "
                        "aan; dat werkt voor hem en voor ons.",
                        after=65,
                    ),
                ),
                ItemPlan(
                    title="Verhuisd van Noord naar Zuid",
                    decision=DecisionPlan(
                        kind=DEVIATE,
                        rationale=(
                            "Onze werkinstructie eist pdf-afschriften, terwijl Inkomen Noord "
                            "een download van dezelfde gegevens accepteert. Voor de inwoner is "
                            "dat verschil willekeurig, en de pdf voegt weinig toe: de "
                            "tenaamstelling kennen we uit het dossier. We wijken beargumenteerd "
                            "af van onze werkinstructie, accepteren de download en stemmen met "
                            "Noord één lijn af."
                        ),
                        values=("gelijke behandeling", "doelmatigheid", "betrouwbare overheid"),
                        weighing=(
                            "Gelijke behandeling binnen één gemeente weegt zwaarder dan onze "
                            "eigen werkinstructie; de rechtmatigheid van het heronderzoek lijdt "
                            "er niet onder."
                        ),
                        rule_chafes=True,
                        evaluate=45,
                        actions=(
                            ActionPlan(
                                "Heronderzoek afronden met de download en de opschorting intrekken",
                                due=3,
                                done=1,
                            ),
                            ActionPlan(
                                "Met de teamleider van Inkomen Noord één lijn over "
                                "bankafschriften afspreken",
                                owner="lead",
                                due=21,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        PARTLY,
                        "Mevrouw kreeg haar uitkering zonder onderbreking. De werkinstructie is "
                        "nog niet aangepast, dus collega's vragen nog steeds om pdf's.",
                        after=50,
                    ),
                ),
                ItemPlan(
                    title="Kerk betaalt de huurachterstand rechtstreeks",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "De gift van de diaconie is nooit op de rekening van meneer geweest "
                            "en is niet gebruikt voor levensonderhoud: ze loste in één keer een "
                            "huurachterstand af en voorkwam een huisuitzetting. Onze "
                            "giftenbeleidsregel geeft ruimte om zo'n gift vrij te laten. We "
                            "leggen vast dat een gift die rechtstreeks een schuld aflost, vrij "
                            "blijft."
                        ),
                        values=("doelmatigheid", "menselijke maat", "gelijke behandeling"),
                        weighing=(
                            "Een huisuitzetting kost de gemeente veel meer dan de korting zou "
                            "opleveren. Gelijke behandeling borgen we door het als lijn vast te "
                            "leggen."
                        ),
                        evaluate=56,
                        actions=(
                            ActionPlan(
                                "Beschikking sturen: gift vrijgelaten, met uitleg aan meneer",
                                due=7,
                                done=3,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        YES,
                        "Meneer woont nog in zijn huis en betaalt de huur weer zelf. De "
                        "diaconie weet nu dat hulp als deze hem geen uitkering kost.",
                        after=60,
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=11,
            items=(
                ItemPlan(
                    title="Statushouder begreep de brief over de inlichtingenplicht niet",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "Een boete veronderstelt dat meneer wist wat er van hem werd "
                            "verwacht. Onze brieven zijn alleen in het Nederlands en zijn "
                            "taalniveau is nog laag; een deel van de verwijtbaarheid ligt bij "
                            "ons. We vorderen de inkomsten terug, maar verlagen de boete wegens "
                            "verminderde verwijtbaarheid, zoals de wet toelaat."
                        ),
                        values=("transparantie", "zorgvuldigheid", "gelijke behandeling"),
                        weighing=(
                            "Gelijke behandeling vraagt niet dat iedereen dezelfde boete krijgt, "
                            "maar dat iedereen dezelfde kans had om de regel te begrijpen."
                        ),
                        evaluate=42,
                        actions=(
                            ActionPlan(
                                "Boete verlagen en het besluit mondeling uitleggen met een tolk",
                                due=10,
                                done=6,
                            ),
                            ActionPlan(
                                "Voorstel uitwerken: uitleg van de inlichtingenplicht bij de "
                                "intake mondeling en met een tolk",
                                owner="lead",
                                due=35,
                                done=33,
                            ),
                        ),
                    ),
                ),
                ItemPlan(
                    title="Partner zorgt tijdelijk voor zieke moeder in het buitenland",
                    decision=DecisionPlan(
                        kind=REFER,
                        refer_to="de SVB (AOW-partnertoeslag)",
                        rationale=(
                            "De woonplaats van de partner en het woonlandbeginsel zijn aan de "
                            "SVB. Wij kunnen wel de feiten aanleveren: de huur loopt hier door, "
                            "de terugkeer is gepland en de inschrijving in het buitenland was "
                            "een vergissing. We verwijzen door met een feitenoverzicht en vragen "
                            "de SVB het verblijf als tijdelijk te beoordelen."
                        ),
                        values=("zorgvuldigheid", "bestaanszekerheid", "rechtmatigheid"),
                        weighing=(
                            "Zorgvuldigheid: de SVB beslist, maar op basis van de juiste feiten, "
                            "die wij al hebben."
                        ),
                        evaluate=56,
                        actions=(
                            ActionPlan(
                                "Feitenoverzicht en toestemming van meneer naar de SVB sturen",
                                due=5,
                                done=4,
                            ),
                            ActionPlan(
                                "Meneer en zijn vrouw helpen de inschrijving in het buitenland "
                                "te herstellen",
                                due=21,
                                done=20,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        PARTLY,
                        "De SVB merkt het verblijf aan als tijdelijk en herstelt de toeslag "
                        "voor de komende maanden. De korting over de eerste maanden blijft "
                        "staan.",
                        after=63,
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=7,
            items=(
                ItemPlan(
                    title="Oude auto nodig om 's nachts naar de distributiecentra te rijden",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "De vermogensgrens vraagt dat iemand eerst zijn eigen middelen "
                            "gebruikt. Hier is de oude auto zelf het middel waarmee meneer in "
                            "zijn inkomen voorziet: 's nachts rijdt er geen bus naar het "
                            "distributiecentrum. We laten de auto buiten het vermogen zolang hij "
                            "nodig is voor het werk en de dagwaarde bescheiden blijft."
                        ),
                        values=("participatie", "doelmatigheid", "rechtmatigheid"),
                        weighing=(
                            "Doelmatig: verkopen kost de gemeente uiteindelijk meer, want "
                            "zonder auto verliest hij zijn baan en heeft hij volledige bijstand "
                            "nodig."
                        ),
                        evaluate=35,
                        actions=(
                            ActionPlan(
                                "Aanvraag toekennen met de auto buiten het vermogen en de "
                                "voorwaarde vastleggen",
                                due=5,
                                done=2,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        YES,
                        "Meneer werkt nog in de nachtdienst en heeft minder aanvullende "
                        "bijstand nodig dan bij de aanvraag.",
                        after=40,
                    ),
                ),
                ItemPlan(
                    title="Gescheiden echtpaar met AOW woont noodgedwongen samen",
                    decision=DecisionPlan(
                        kind=APPLY,
                        rationale=(
                            "Hier doet de regel wat hij moet doen. De AOW kijkt of er een "
                            "gezamenlijke huishouding is; op hetzelfde adres is dat een "
                            "vermoeden dat te weerleggen is. Eigen kamers, eigen boodschappen en "
                            "de inschrijving van mevrouw als woningzoekende laten zien dat ze "
                            "niet voor elkaar zorgen. Met die feiten gelden ze als "
                            "alleenstaanden; we toetsen opnieuw over een half jaar."
                        ),
                        values=("rechtszekerheid", "zorgvuldigheid", "menselijke maat"),
                        weighing=(
                            "Rechtszekerheid: ze weten nu voor een half jaar waar ze aan toe "
                            "zijn, zonder telkens opnieuw bewijs te hoeven leveren."
                        ),
                        evaluate=180,
                        actions=(
                            ActionPlan(
                                "Verklaringen van beiden en het bewijs van inschrijving als "
                                "woningzoekende vastleggen",
                                due=7,
                                done=5,
                            ),
                        ),
                    ),
                ),
                ItemPlan(
                    title="Te veel bijstand door een invoerfout van de gemeente",
                    decision=DecisionPlan(
                        kind=POSTPONE,
                        rationale=(
                            "Voordat we besluiten, willen we weten bij hoeveel inwoners dezelfde "
                            "fout bij de systeemomzetting is gemaakt: gelijke gevallen moeten we "
                            "gelijk behandelen. Functioneel beheer zoekt het uit; de casus komt "
                            "over vier weken terug."
                        ),
                        backing=False,
                        actions=(
                            ActionPlan(
                                "Bij functioneel beheer navragen bij hoeveel inwoners de "
                                "woonkostentoeslag verkeerd is omgezet",
                                due=14,
                                done=9,
                            ),
                        ),
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=3,
            items=(
                ItemPlan(
                    title="Te veel bijstand door een invoerfout van de gemeente",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "De fout ligt bij ons: bij de omzetting naar het nieuwe systeem "
                            "bleef een verkeerde toeslag staan, en mevrouw kon dat op haar "
                            "specificatie niet zien. Functioneel beheer vond dezelfde fout bij "
                            "een handvol andere inwoners. De wet laat ons afzien van "
                            "terugvordering bij dringende redenen; bij een fout die een inwoner "
                            "redelijkerwijs niet kon zien, doen we dat voor iedereen die het "
                            "trof."
                        ),
                        values=("betrouwbare overheid", "transparantie", "rechtmatigheid"),
                        weighing=(
                            "Een betrouwbare overheid herstelt haar eigen fouten zonder de "
                            "rekening bij de inwoner te leggen. Transparantie: de brief legt "
                            "uit wat er misging."
                        ),
                        evaluate=60,
                        actions=(
                            ActionPlan(
                                "Brief aan mevrouw: wat er misging en dat we niet terugvorderen",
                                due=5,
                                done=2,
                            ),
                            ActionPlan(
                                "Dezelfde lijn toepassen bij de andere inwoners met deze "
                                "omzettingsfout",
                                owner="lead",
                                due=10,
                            ),
                        ),
                    ),
                ),
                ItemPlan(
                    title="Zus betaalt elke maand rechtstreeks de zorgpremie",
                    decision=DecisionPlan(
                        kind=APPLY,
                        rationale=(
                            "Een maandelijkse betaling van de zorgpremie door haar zus is vaste "
                            "hulp bij een last die in de bijstandsnorm zit. Boven de vrijlating "
                            "korten we, zoals de regel bedoelt. Om de wanbetalersregeling te "
                            "voorkomen zonder dat haar zus hoeft bij te springen, melden we "
                            "mevrouw aan voor de collectieve zorgverzekering van de gemeente, "
                            "met inhouding van de premie op de uitkering."
                        ),
                        values=("gelijke behandeling", "bestaanszekerheid"),
                        weighing=(
                            "Gelijke behandeling: wie elke maand een vaste last betaald krijgt, "
                            "heeft meer te besteden dan wie dat niet krijgt. Bestaanszekerheid "
                            "borgen we met de inhouding, zodat de premie altijd betaald wordt."
                        ),
                        evaluate=60,
                        compare_with="Kerk betaalt de huurachterstand rechtstreeks",
                        difference=(
                            "Anders dan bij de diaconie, die in één keer een huurachterstand "
                            "afloste en zo een huisuitzetting voorkwam, gaat het hier om een "
                            "doorlopende maandelijkse bijdrage aan een last die in de norm zit. "
                            "Een eenmalige redding laten we vrij; een vaste aanvulling op de "
                            "norm niet."
                        ),
                        actions=(
                            ActionPlan(
                                "Mevrouw aanmelden voor de collectieve zorgverzekering met "
                                "inhouding van de premie",
                                due=10,
                                done=6,
                            ),
                        ),
                    ),
                ),
                ItemPlan(
                    title="Intakegesprek vervalt na twee gemiste telefoontjes",
                    decision=DecisionPlan(
                        kind=ESCALATE,
                        rationale=(
                            "Dit is geen losse casus maar een patroon: de automatische "
                            "afsluiting na twee gemiste belpogingen vanaf een afgeschermd nummer "
                            "treft juist inwoners met schulden, die zulke nummers niet opnemen. "
                            "De telefonie en de werkinstructie intake zijn van de hele afdeling; "
                            "dat besluit hoort bij de directeur."
                        ),
                        values=("doelmatigheid", "menselijke maat", "betrouwbare overheid"),
                        weighing=(
                            "De doorlooptijd die de instructie bewaakt, weegt niet op tegen de "
                            "inwoners die we zo kwijtraken."
                        ),
                        rule_chafes=True,
                        evaluate=42,
                        question=(
                            "Mogen we voor de hele afdeling bellen vanaf een herkenbaar nummer, "
                            "vooraf een bericht sturen met het tijdstip, en de automatische "
                            "afsluiting na twee gemiste pogingen schrappen?"
                        ),
                    ),
                ),
            ),
        ),
    ),
    coming=(
        "Jonge moeder van 22 met een baby van drie maanden",
        "Oudere met AIO vangt dochter en kleinkinderen op",
    ),
)

# ---------------------------------------------------------------------------- Schulddienstverlening

SCHULD_PLAN = TeamPlan(
    team=SCHULD,
    weekday=3,  # Thursday
    time=dt.time(9, 30),
    location="Stadskantoor, zaal Schuldhulp",
    meetings=(
        MeetingPlan(
            weeks_ago=19,
            items=(
                ItemPlan(
                    title="Gedupeerde ouder Toeslagen",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "De landelijke afspraken schelden alleen haar publieke schulden "
                            "kwijt. Zolang de integrale beoordeling loopt, vragen we namens "
                            "mevrouw de private schuldeisers om schuldenrust: geen incasso en "
                            "geen beslag tot de beoordeling klaar is. Dat kan binnen de Wgs als "
                            "stabilisatie. Het herstel moet vertrouwen herstellen; doorlopend "
                            "beslag bereikt het omgekeerde."
                        ),
                        values=("betrouwbare overheid", "bestaanszekerheid", "transparantie"),
                        weighing=(
                            "Betrouwbare overheid weegt hier het zwaarst: mevrouw is door de "
                            "overheid gedupeerd en moet nu zien dat de overheid haar helpt."
                        ),
                        rule_chafes=True,
                        evaluate=90,
                        actions=(
                            ActionPlan(
                                "Verzoek om schuldenrust sturen aan de verhuurder en de "
                                "energieleverancier",
                                due=7,
                                done=5,
                            ),
                            ActionPlan(
                                "De wachttijd voor de integrale beoordeling via de VNG aankaarten "
                                "bij het ministerie",
                                owner="lead",
                                due=30,
                                done=28,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        PARTLY,
                        "De verhuurder werkt mee en het beslag is opgeschort; de "
                        "energieleverancier pas na een tweede verzoek. De integrale beoordeling "
                        "loopt nog.",
                        after=100,
                    ),
                ),
                ItemPlan(
                    title="Zorgpremie via bronheffing van het CAK",
                    decision=DecisionPlan(
                        kind=REFER,
                        refer_to="het CAK",
                        rationale=(
                            "Twee overheden houden elk volgens hun eigen regels in, en samen "
                            "zakt meneer onder de beslagvrije voet. Het CAK is als bronheffer "
                            "aan zet om de inhouding te verlagen tot de beslagvrije voet weer "
                            "gewaarborgd is. Wij verwijzen door met een berekening van zijn "
                            "beslagvrije voet en stemmen af met de Belastingdienst."
                        ),
                        values=("bestaanszekerheid", "rechtmatigheid"),
                        weighing=(
                            "Rechtmatigheid en bestaanszekerheid vallen hier samen: de "
                            "beslagvrije voet is de wet."
                        ),
                        evaluate=60,
                        actions=(
                            ActionPlan(
                                "Berekening van de beslagvrije voet met een verzoek tot verlaging "
                                "naar het CAK sturen",
                                due=5,
                                done=3,
                            ),
                            ActionPlan(
                                "De Belastingdienst vragen het beslag af te stemmen op de "
                                "inhouding van het CAK",
                                due=14,
                                done=20,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        YES,
                        "Het CAK heeft de inhouding verlaagd en de Belastingdienst heeft het "
                        "beslag aangepast. Meneer houdt zijn beslagvrije voet weer over en "
                        "betaalt zijn huur.",
                        after=70,
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=13,
            items=(
                ItemPlan(
                    title="Schulden door een gokverslaving",
                    decision=DecisionPlan(
                        kind=APPLY,
                        rationale=(
                            "De toets op goede trouw is bedoeld om misbruik te voorkomen, en de "
                            "rechter kijkt ook naar wat iemand sindsdien heeft gedaan. Meneer is "
                            "in behandeling, gokt niet meer en heeft budgetbeheer. We passen de "
                            "regel toe zoals hij bedoeld is en onderbouwen het verzoek met een "
                            "verklaring van de behandelaar dat de oorzaak onder controle is."
                        ),
                        values=("menselijke maat", "rechtszekerheid"),
                        weighing=(
                            "Rechtszekerheid: de rechter beslist, wij zorgen dat hij alle feiten "
                            "heeft, ook die in het voordeel van meneer."
                        ),
                        evaluate=75,
                        actions=(
                            ActionPlan(
                                "Verklaring van de behandelaar opvragen en bij het verzoek tot "
                                "toelating voegen",
                                due=14,
                                done=10,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        YES,
                        "De rechtbank heeft meneer toegelaten tot de Wsnp. De verklaring van de "
                        "behandelaar gaf de doorslag.",
                        after=80,
                    ),
                ),
                ItemPlan(
                    title="Door de SVB doorverwezen oudere met een AOW-vordering",
                    decision=DecisionPlan(
                        kind=POSTPONE,
                        rationale=(
                            "Boetevorderingen in schuldregelingen bespreken we eerst in het "
                            "regionale overleg met de SVB. De casus komt terug zodra daar een "
                            "antwoord is."
                        ),
                        backing=False,
                        actions=(
                            ActionPlan(
                                "Boetevorderingen in schuldregelingen agenderen in het regionale "
                                "overleg met de SVB",
                                due=21,
                                done=18,
                            ),
                        ),
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=9,
            items=(
                ItemPlan(
                    title="Door de SVB doorverwezen oudere met een AOW-vordering",
                    decision=DecisionPlan(
                        kind=REFER,
                        refer_to="de SVB",
                        rationale=(
                            "De SVB heeft in het regionale overleg toegezegd mee te kijken naar "
                            "boetevorderingen in schuldregelingen. We verwijzen mevrouw terug "
                            "naar de SVB met een volledig overzicht van haar schulden en een "
                            "voorstel voor een regeling waarin de AOW-vordering meedoet. "
                            "Intussen stabiliseren we met budgetbeheer en een betalingspauze bij "
                            "de andere schuldeisers."
                        ),
                        values=("betrouwbare overheid", "bestaanszekerheid", "rechtmatigheid"),
                        weighing=(
                            "Een goed begin van de SVB mag niet op niets uitlopen; de boete "
                            "blijft rechtmatig, maar hoeft een regeling niet te blokkeren."
                        ),
                        evaluate=42,
                        actions=(
                            ActionPlan(
                                "Voorstel voor een schuldregeling met de AOW-vordering naar de "
                                "SVB sturen",
                                due=7,
                                done=5,
                            ),
                            ActionPlan(
                                "Budgetbeheer voor mevrouw starten",
                                owner="youssef",
                                due=14,
                                done=12,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        NO,
                        "De SVB blijft erbij dat een vordering met boete niet meedoet. Mevrouw is "
                        "stabiel, maar een regeling is er nog steeds niet. We leggen het opnieuw "
                        "voor in het regionale overleg.",
                        after=50,
                    ),
                ),
                ItemPlan(
                    title="De gemeente is zelf de grootste schuldeiser",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "De Participatiewet laat de gemeente instemmen met een schuldregeling "
                            "en de rest van haar vordering kwijtschelden. Dat Inkomen dat vaak "
                            "niet of pas laat doet, is een gewoonte, geen regel. We spreken met "
                            "Inkomen Noord en Zuid af dat zij binnen twee weken instemmen met "
                            "elke regeling die aan de normen voldoet."
                        ),
                        values=("doelmatigheid", "betrouwbare overheid"),
                        weighing=(
                            "Eén gemeente, één lijn: met de ene hand helpen en met de andere "
                            "tegenwerken kost iedereen geld en vertrouwen."
                        ),
                        rule_chafes=True,
                        evaluate=60,
                        actions=(
                            ActionPlan(
                                "Afspraak over instemming met schuldregelingen maken met de "
                                "teamleiders van Inkomen Noord en Zuid",
                                due=21,
                                done=30,
                            ),
                        ),
                    ),
                ),
                ItemPlan(
                    title="Eerder traject afgebroken tijdens een scheiding",
                    decision=DecisionPlan(
                        kind=DEVIATE,
                        rationale=(
                            "De wachttijd na een afgebroken traject moet mensen motiveren een "
                            "traject af te maken. Mevrouw stopte midden in een vechtscheiding; "
                            "die oorzaak is voorbij, ze heeft werk en wil opnieuw beginnen. "
                            "Wachten maakt alleen de schulden groter. We wijken beargumenteerd "
                            "af van onze beleidsregel en laten haar nu toe."
                        ),
                        values=("gelijke behandeling", "menselijke maat", "participatie"),
                        weighing=(
                            "Gelijke behandeling: een traject dat is afgebroken door een "
                            "ingrijpende gebeurtenis die voorbij is, telt voortaan voor "
                            "niemand mee voor de wachttijd."
                        ),
                        evaluate=50,
                        actions=(
                            ActionPlan("Intake voor een nieuw traject plannen", due=7, done=3),
                            ActionPlan(
                                "Beleidsregel wachttijd aanvullen met de uitzondering voor "
                                "ingrijpende gebeurtenissen",
                                owner="lead",
                                due=28,
                            ),
                        ),
                    ),
                    outcome=OutcomePlan(
                        YES,
                        "Mevrouw zit in een nieuw traject en het loonbeslag is vervangen door een "
                        "afspraak met de deurwaarder.",
                        after=52,
                    ),
                ),
            ),
        ),
        MeetingPlan(
            weeks_ago=3,
            items=(
                ItemPlan(
                    title="Vroegsignalering: huisbezoek pas na twee maanden",
                    decision=DecisionPlan(
                        kind=DEVIATE,
                        rationale=(
                            "Vroegsignalering is bedoeld om er vroeg bij te zijn; de drempel van "
                            "twee maanden is gekozen om de werklast te beheersen. Bij dit gezin "
                            "zagen we alle signalen al bij de eerste achterstand. We wijken af "
                            "van de werkinstructie: consulenten mogen op eigen inschatting al "
                            "bij één maand achterstand langsgaan."
                        ),
                        values=("doelmatigheid", "bestaanszekerheid"),
                        weighing=(
                            "Doelmatig is vroeg erbij zijn: een maand achterstand is makkelijker "
                            "op te lossen dan drie. We tellen de vroege bezoeken apart, zodat de "
                            "productiecijfers het eerlijke verhaal vertellen."
                        ),
                        rule_chafes=True,
                        evaluate=60,
                        actions=(
                            ActionPlan("Huisbezoek bij het gezin afleggen", due=3, done=2),
                            ActionPlan(
                                "Vroege huisbezoeken apart laten tellen in de productiecijfers",
                                owner="lead",
                                due=30,
                            ),
                        ),
                    ),
                ),
                ItemPlan(
                    title="Beslagvrije voet te laag berekend door de deurwaarder",
                    decision=DecisionPlan(
                        kind=ROOM,
                        rationale=(
                            "De beslagvrije voet moet een bestaansminimum garanderen, en de "
                            "deurwaarder heeft hem te laag berekend. Binnen de Wgs kunnen we "
                            "stabiliseren voordat iemand formeel is toegelaten. Wij nemen het "
                            "contact met de deurwaarder over en vragen een herberekening, met de "
                            "kinderen en de huur erbij."
                        ),
                        values=("bestaanszekerheid", "zorgvuldigheid"),
                        weighing=(
                            "Bestaanszekerheid gaat voor de volgorde van onze procedure: eerst "
                            "het minimum herstellen, dan de intake afronden."
                        ),
                        evaluate=42,
                        actions=(
                            ActionPlan(
                                "Herberekening van de beslagvrije voet bij de deurwaarder "
                                "aanvragen",
                                due=5,
                                done=1,
                            ),
                        ),
                    ),
                ),
                ItemPlan(
                    title="Jongere neemt een baan in de bouw niet aan",
                    decision=DecisionPlan(
                        kind=APPLY,
                        rationale=(
                            "Bij meneer is de beslagvrije voet goed berekend; de regel doet wat "
                            "hij belooft en beschermt zijn minimum. Het probleem is dat werken "
                            "hem nauwelijks iets oplevert zolang het beslag loopt. We passen de "
                            "regel toe, maar nemen hem direct op in een minnelijk traject met "
                            "schuldenrust zodra hij begint en een afspraak met de schuldeisers "
                            "over wat hij van zijn loon mag houden."
                        ),
                        values=("participatie", "doelmatigheid"),
                        weighing=(
                            "Participatie weegt zwaar: werk is de enige weg uit de schulden. We "
                            "tornen niet aan een juist berekende voet, maar melden dat de regel "
                            "werken hier financieel zinloos maakt."
                        ),
                        rule_chafes=True,
                        evaluate=60,
                        compare_with="Beslagvrije voet te laag berekend door de deurwaarder",
                        difference=(
                            "Bij het gezin met drie kinderen was de beslagvrije voet fout "
                            "berekend en zakte het gezin onder het bestaansminimum; daar grepen "
                            "we in. Hier is de voet juist berekend: wat schuurt is de regel "
                            "zelf, niet de toepassing. Daarom passen we hem toe en zoeken we de "
                            "oplossing in een traject met schuldenrust."
                        ),
                        actions=(
                            ActionPlan(
                                "Minnelijk traject met schuldenrust starten zodra het contract "
                                "getekend is",
                                due=10,
                                done=6,
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    coming=(
        "Schulden ontstaan door financiële uitbuiting",
        "Jongere met openstaande boetes bij het CJIB",
    ),
)

TEAM_PLANS: tuple[TeamPlan, ...] = (NOORD_PLAN, ZUID_PLAN, SCHULD_PLAN)
