"""The demo's cases: everyday social-security work where a rule chafes.

Inspired by the research report in the design folder (the SVB and The Hague) and the daily work
of a municipal income and debt-help department. Every text is pseudonymised ("mevrouw A.",
"meneer B."): no names, numbers or dates that identify anyone, so each passes the privacy guard
that the services run.

Most cases are written by hand; a few in every team's queue are put together by the composer in
`bedoeling.scenario.texts` (the one the benchmarks use too), with a fixed seed.
"""

from __future__ import annotations

import random

from .plans import DRAFT, WITHDRAWN, CasePlan
from .texts import compose

NOORD = "Inkomen Noord"
ZUID = "Inkomen Zuid"
SCHULD = "Schulddienstverlening"

WRITTEN: list[CasePlan] = [
    # ------------------------------------------------------------------ Inkomen Noord
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Oma met AOW en AIO vangt studerende kleinzoon op: kostendelersnorm halveert bijna "
        "haar aanvulling",
        situation=(
            "Mevrouw A. (78) woont alleen en ontvangt AOW met een aanvulling uit de AIO. Haar "
            "kleinzoon studeert in de stad en kan geen kamer vinden; hij slaapt sinds kort op "
            "haar logeerkamer. Hij leeft van zijn studiefinanciering en draagt niets bij aan huur "
            "of boodschappen. Mevrouw heeft de verandering zelf en op tijd gemeld."
        ),
        rule=("AIO", "kostendelersnorm"),
        effect=(
            "Het systeem telt de kleinzoon als kostendeler. Haar norm gaat van 70% naar 50% van "
            "het sociaal minimum: ze houdt ruim € 300 per maand minder over, terwijl er geen "
            "euro extra inkomen in huis komt."
        ),
        conflict=(
            "De kostendelersnorm gaat ervan uit dat huisgenoten de kosten delen. Hier deelt "
            "niemand iets: oma betaalt alles en helpt haar kleinzoon uit de woningnood. Als we "
            "de regel toepassen, moet ze kiezen tussen haar kleinzoon op straat zetten of zelf "
            "onder het bestaansminimum zakken. Dat is niet waarvoor de AIO er is."
        ),
        question=(
            "Is er ruimte binnen de regels om de kleinzoon tijdelijk niet als kostendeler mee te "
            "tellen, bijvoorbeeld als logé zolang hij kamers zoekt, zodat mevrouw hem onderdak "
            "kan geven en voldoende overhoudt? En zo ja: voor hoelang en onder welke afspraken?"
        ),
        values=("bestaanszekerheid", "menselijke maat", "rechtmatigheid"),
        barrier="wet- en regelgeving",
        days_ago=12,
        harm_after=21,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Bankafschriften: wij accepteren een download van af- en bijschrijvingen, "
        "Bijzondere Bijstand eist een pdf",
        situation=(
            "Meneer B. vraagt bijstand aan en levert de af- en bijschrijvingen van drie maanden "
            "aan als download uit zijn bankapp. Voor ons is dat voldoende: we zien wat er "
            "binnenkomt en wat eruit gaat. Voor zijn aanvraag bijzondere bijstand (een bed en "
            "een koelkast) vraagt de afdeling Bijzondere Bijstand dezelfde maanden opnieuw op, "
            "maar nu als pdf met tenaamstelling en adres. Meneer heeft geen printer en zijn app "
            "maakt geen pdf; daarvoor moet hij naar een bankkantoor aan de andere kant van de stad."
        ),
        rule=("PW", "bewijsstukken bankafschriften"),
        effect=(
            "De aanvraag bijzondere bijstand ligt stil tot de pdf er is en wordt buiten "
            "behandeling gesteld als de hersteltermijn verloopt. Meneer slaapt intussen op een "
            "matras op de grond."
        ),
        conflict=(
            "Dezelfde gemeente vraagt hetzelfde bewijs twee keer, in een andere vorm, terwijl "
            "wij het al hebben beoordeeld. Dat kost de inwoner moeite en ons dubbel werk, en het "
            "maakt ons onbetrouwbaar: wat bij de ene afdeling goed is, is bij de andere fout."
        ),
        question=(
            "Kunnen we met Bijzondere Bijstand afspreken dat een download volstaat als de "
            "tenaamstelling al uit ons dossier blijkt? En mag ik de afschriften die wij al "
            "hebben nu alvast doorzetten, zodat de aanvraag niet vervalt?"
        ),
        values=("doelmatigheid", "betrouwbare overheid", "gelijke behandeling"),
        barrier="afdelingen vinden elkaar niet",
        days_ago=151,
        harm_after=14,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Terugvordering niet op te brengen door schulden: verwijzen naar schuldhulp in "
        "plaats van verrekenen",
        situation=(
            "Mevrouw C. heeft een vordering van ruim € 3.400 omdat haar partneralimentatie te "
            "laat met de bijstand is verrekend. In het gesprek over aflossen vertelt ze dat ze "
            "ook achterstanden heeft bij de zorgverzekeraar en de energieleverancier, en dat er "
            "al een deurwaarder aan de deur is geweest. Ze wil betalen, maar ziet niet hoe."
        ),
        rule=("PW", "terugvordering en verrekening"),
        effect=(
            "Standaard verrekenen we 10% van de bijstandsnorm. Samen met de beslagen die al lopen "
            "houdt ze minder over dan de beslagvrije voet, en de andere schuldeisers gaan "
            "gewoon door met incasso."
        ),
        conflict=(
            "Wij zijn geen schuldhulpverlener, maar we weten nu wél dat ze schulden heeft. Als we "
            "alleen ons eigen geld terughalen, maken we het totaalprobleem groter en krijgen we "
            "het uiteindelijk ook niet terug. De gemeente heeft een eigen schuldhulp; die zou "
            "hier aan tafel moeten zitten."
        ),
        question=(
            "Mogen we de verrekening twee maanden aanhouden en mevrouw, met haar toestemming, "
            "warm overdragen aan Schulddienstverlening, zodat onze vordering kan meegaan in een "
            "schuldregeling?"
        ),
        values=("bestaanszekerheid", "doelmatigheid", "menselijke maat"),
        barrier="afdelingen vinden elkaar niet",
        days_ago=34,
        harm_after=30,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Moeder betaalt elke maand de boodschappen: gift van familie gekort en "
        "teruggevorderd",
        situation=(
            "Meneer D. is alleenstaand en heeft sinds zijn scheiding bijstand. Zijn moeder maakt "
            "elke maand ongeveer € 150 over voor boodschappen. Bij het heronderzoek zien we de "
            "overboekingen op zijn afschriften. Hij heeft ze niet gemeld omdat hij dacht dat hulp "
            "van familie gewoon mocht."
        ),
        rule=("PW", "giften"),
        effect=(
            "Wat boven de giftenvrijlating uitkomt, korten we op de uitkering en vorderen we over "
            "het afgelopen jaar terug: ruim € 1.000, met daarbovenop een boete voor het schenden "
            "van de inlichtingenplicht."
        ),
        conflict=(
            "Zijn moeder vult aan wat de bijstand niet dekt; zonder haar stond hij bij de "
            "voedselbank. De giftenregel is bedoeld voor inkomsten waarvan iemand kan leven, niet "
            "om steun van familie te ontmoedigen. Een boete maakt van een eerlijke vergissing "
            "fraude."
        ),
        question=(
            "Valt deze steun binnen de ruimte van onze giftenbeleidsregel, of willen we die hier "
            "ruimer toepassen? En kunnen we van een boete afzien omdat verwijtbaarheid ontbreekt?"
        ),
        values=("menselijke maat", "rechtmatigheid", "gelijke behandeling"),
        barrier="wet- en regelgeving",
        days_ago=95,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Inlichtingenplicht gemist tijdens opname na een psychose: boete en terugvordering",
        situation=(
            "Mevrouw E. is deze zomer een aantal weken opgenomen geweest na een psychose. In die "
            "periode kreeg ze een nabetaling van het UWV uit een oud dienstverband, die ze niet "
            "bij ons heeft gemeld. Haar begeleider van de GGZ meldt het nu zelf, drie maanden "
            "later."
        ),
        rule=("PW", "inlichtingenplicht"),
        effect=(
            "Het systeem verrekent de nabetaling als inkomen over de hele periode, maakt een "
            "vordering van ruim € 2.000 en stelt een boete voor. De brieven gaan naar haar "
            "huisadres terwijl ze nog in de kliniek verblijft."
        ),
        conflict=(
            "Wie in crisis is, kan geen wijzigingen doorgeven; van verwijtbaar handelen is geen "
            "sprake. Een boete en een stapel brieven kunnen haar herstel ondermijnen. "
            "Zorgvuldig werken vraagt dat we eerst kijken wat ze redelijkerwijs kón doen."
        ),
        question=(
            "Kunnen we afzien van de boete wegens het ontbreken van verwijtbaarheid, de vordering "
            "beperken tot het netto ontvangen bedrag en met de GGZ afspreken dat post voortaan "
            "ook naar haar begeleider gaat?"
        ),
        values=("zorgvuldigheid", "menselijke maat", "rechtmatigheid"),
        barrier="structuur en systemen",
        days_ago=61,
        harm_after=14,
    ),
    CasePlan(
        team=NOORD,
        author="joost",
        title="Dochter trekt in als mantelzorger bij vader na beroerte: beiden gekort als "
        "kostendeler",
        situation=(
            "Meneer F. (63) heeft na een beroerte dagelijks zorg nodig. Zijn dochter, zelf in de "
            "bijstand, heeft haar kamer opgezegd en is bij hem ingetrokken om voor hem te zorgen. "
            "Daardoor is een plaats in het verpleeghuis voorlopig niet nodig. Een collega bracht "
            "dit in het teamoverleg in; ik leg het hier vast."
        ),
        rule=("PW", "kostendelersnorm"),
        effect=(
            "Vader en dochter worden allebei kostendeler. Samen houden ze honderden euro's per "
            "maand minder over dan toen ze apart woonden, terwijl de dochter wel de kosten heeft "
            "gemaakt van verhuizen."
        ),
        conflict=(
            "De mantelzorg bespaart de samenleving een verpleeghuisplaats en is precies wat we "
            "willen: mensen die voor elkaar zorgen. De kostendelersnorm straft hier het gedrag "
            "dat we juist willen aanmoedigen."
        ),
        question=(
            "Is er ruimte om de kostendelersnorm voor de duur van de mantelzorg niet toe te "
            "passen, naar analogie van de mantelzorgwoning? En zo niet: melden we dit als "
            "structureel schurende regel aan de directie?"
        ),
        values=("bestaanszekerheid", "menselijke maat", "participatie"),
        barrier="wet- en regelgeving",
        days_ago=120,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Zoektermijn van vier weken voor jongere die net uit begeleid wonen komt, "
        "zonder inkomen en zonder adres",
        situation=(
            "Een jongen van 19 meldt zich aan de balie. Tot vorige maand woonde hij in een "
            "instelling voor begeleid wonen; de verlengde jeugdhulp is gestopt. Hij slaapt bij "
            "vrienden, heeft geen inkomen en geen contact met zijn ouders."
        ),
        rule=("PW", "zoektermijn jongeren"),
        effect=(
            "Hij moet eerst vier weken zelf werk of een opleiding zoeken voordat hij de aanvraag "
            "kan indienen. In die weken heeft hij geen geld voor eten of reiskosten en geen vast "
            "adres voor onze post."
        ),
        conflict=(
            "De zoektermijn is bedoeld om jongeren eerst naar school of werk te leiden, niet om "
            "jongeren zonder vangnet op straat te laten staan. Zonder inkomen en zonder adres "
            "komt hij nergens aan de slag; we vergroten zo juist de afstand tot werk."
        ),
        question=(
            "Laten we de zoektermijn vervallen vanwege zijn bijzondere omstandigheden, met een "
            "briefadres en een voorschot, en vragen we het Jongerenloket hem in dezelfde weken "
            "te begeleiden naar werk of school?"
        ),
        values=("bestaanszekerheid", "participatie", "menselijke maat"),
        barrier="gebrek aan houvast",
        days_ago=5,
        harm_after=3,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Spaargeld voor de eigen uitvaart telt als vermogen: geen AIO-aanvulling",
        situation=(
            "Mevrouw G. (81) heeft geen uitvaartverzekering; die kon ze op haar leeftijd niet "
            "meer afsluiten. Ze heeft daarom jarenlang gespaard op een aparte rekening, speciaal "
            "voor haar uitvaart. Dat bedrag ligt boven de vermogensgrens."
        ),
        rule=("AIO", "vermogenstoets"),
        effect=(
            "Zolang het vermogen boven de grens ligt, krijgt ze geen aanvulling. Ze moet haar "
            "uitvaartgeld opmaken aan levensonderhoud en staat daarna alsnog met lege handen."
        ),
        conflict=(
            "Een uitvaartpolis hadden we vrijgelaten, een spaarpot voor hetzelfde doel niet. Het "
            "verschil zit alleen in de vorm. Mevrouw wil haar kinderen niet opzadelen met de "
            "kosten; interen is bedoeld voor vermogen dat je kunt missen."
        ),
        question=(
            "Kunnen we geld dat aantoonbaar apart staat voor de uitvaart gelijkstellen aan een "
            "uitvaartverzekering en tot een redelijk bedrag vrijlaten?"
        ),
        values=("gelijke behandeling", "menselijke maat", "rechtszekerheid"),
        barrier="wet- en regelgeving",
        days_ago=3,
        status=DRAFT,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Twee weduwen willen samen een woning huren: gelden ze voor de AOW als samenwonend?",
        situation=(
            "Mevrouw H. en haar vriendin, beiden weduwe en in de zeventig, willen samen een "
            "benedenwoning huren om de kosten te drukken en minder alleen te zijn. Ze hebben elk "
            "een eigen slaapkamer en eigen rekeningen, en koken af en toe samen."
        ),
        rule=("AOW", "leefvorm (samenwonen of alleenstaand)"),
        effect=(
            "Als wij dit als gezamenlijke huishouding zien, gaan ze allebei van de AOW voor "
            "alleenstaanden naar de norm voor samenwonenden. Samen houden ze honderden euro's per "
            "maand minder over; het plan gaat dan niet door."
        ),
        conflict=(
            "Ze zoeken gezelschap en een betaalbare woning: precies wat eenzaamheid tegengaat. "
            "Als de toets op wederzijdse zorg vriendschap tot een financieel risico maakt, "
            "werkt de regel tegen zijn bedoeling in."
        ),
        question=(
            "Welke afspraken (bijvoorbeeld ieder een eigen huurcontract voor een eigen deel van "
            "de woning) geven hun zekerheid dat ze als alleenstaanden gelden? En kunnen we dat "
            "vooraf schriftelijk bevestigen?"
        ),
        values=("rechtszekerheid", "transparantie", "menselijke maat"),
        barrier="gebrek aan houvast",
        days_ago=172,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Zoon woont doordeweeks bij vader, ingeschreven bij moeder: wie krijgt de "
        "kinderbijslag?",
        situation=(
            "Na een scheiding woont de zoon van meneer K. doordeweeks bij hem vanwege de school, "
            "en in het weekend bij zijn moeder. Hij staat bij zijn moeder ingeschreven. Meneer "
            "betaalt de schoolspullen en kleding, zijn ex ontvangt de kinderbijslag."
        ),
        rule=("AKW", "inschrijving op hetzelfde adres"),
        effect=(
            "Omdat de zoon niet op zijn adres staat ingeschreven, hoort hij voor de regeling "
            "niet bij het huishouden van meneer, terwijl meneer de meeste kosten draagt."
        ),
        conflict=(
            "De kinderbijslag is bedoeld voor wie de kosten van het kind draagt. De inschrijving "
            "is een hulpmiddel om dat vast te stellen, niet het doel zelf."
        ),
        question=(
            "Kijken we naar de feitelijke verblijfssituatie in plaats van naar de inschrijving, "
            "en hoe leggen we dat uit aan beide ouders?"
        ),
        values=("rechtmatigheid", "transparantie"),
        barrier="structuur en systemen",
        days_ago=140,
        status=WITHDRAWN,
        submit_after=2,
        withdraw_after=9,
        withdraw_reason=(
            "Opgelost buiten het overleg: de ouders hebben samen afgesproken dat de kinderbijslag "
            "naar vader gaat en hebben dat zelf doorgegeven."
        ),
    ),
    CasePlan(
        team=NOORD,
        author="joost",
        title="Geen voorschot zolang Toeslagen de huurtoeslag herziet: gezin een maand zonder "
        "geld voor de huur",
        situation=(
            "Een gezin met twee kinderen krijgt een terugvordering van de huurtoeslag en de "
            "lopende huurtoeslag is stopgezet in afwachting van een herberekening. De "
            "Belastingdienst/Toeslagen verwacht daar enkele weken voor nodig te hebben. Het "
            "gezin leeft van bijstand en kan de volledige huur niet betalen."
        ),
        proposed_rule=(
            "Werkinstructie bijzondere bijstand: geen voorschot zolang een aanvraag of herziening "
            "bij de Belastingdienst/Toeslagen loopt (voorliggende voorziening)."
        ),
        effect=(
            "We wijzen de aanvraag voor een voorschot af omdat de toeslag voorliggend is. Het "
            "gezin loopt een huurachterstand op en de verhuurder dreigt met een incassobureau."
        ),
        conflict=(
            "Het voorliggende karakter van de toeslag is bedoeld om dubbele betaling te "
            "voorkomen, niet om mensen in de tussentijd zonder huurgeld te laten. Een "
            "huurachterstand kost het gezin, de verhuurder en later ook ons veel meer."
        ),
        question=(
            "Mogen we een renteloos voorschot verstrekken dat we verrekenen zodra Toeslagen "
            "heeft beslist, en passen we de werkinstructie daarop aan?"
        ),
        values=("bestaanszekerheid", "doelmatigheid", "betrouwbare overheid"),
        barrier="andere organisaties",
        days_ago=80,
        harm_after=10,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Zes weken in het buitenland voor de begrafenis en nalatenschap van moeder: "
        "bijstand over twee weken teruggevorderd",
        situation=(
            "Meneer L. reisde halsoverkop af toen zijn moeder in het buitenland overleed. Hij "
            "bleef om de begrafenis en de afwikkeling te regelen, omdat hij enig kind is. Hij "
            "meldde vooraf dat hij vertrok, maar kon de terugreis niet eerder boeken."
        ),
        proposed_rule=(
            "Participatiewet: geen recht op bijstand bij verblijf in het buitenland langer dan "
            "vier weken per kalenderjaar."
        ),
        effect=(
            "Over de dagen boven de vier weken vervalt het recht. We vorderen twee weken bijstand "
            "terug, terwijl zijn huur en vaste lasten hier gewoon doorliepen."
        ),
        conflict=(
            "De regel moet voorkomen dat mensen met bijstand langdurig in het buitenland "
            "verblijven. Dit was geen vakantie maar rouw en plicht. Meneer heeft zich netjes "
            "gemeld; hij wordt gestraft voor zijn openheid."
        ),
        question=(
            "Zien we dringende redenen om van terugvordering af te zien, en kunnen we "
            "afspreken hoe we in zulke situaties vooraf ruimte geven?"
        ),
        values=("menselijke maat", "rechtmatigheid", "gelijke behandeling"),
        barrier="wet- en regelgeving",
        days_ago=45,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Buurtbewoners zamelen geld in voor een scootmobiel: inzameling telt als gift",
        situation=(
            "Mevrouw M. heeft een spierziekte en komt haar huis nauwelijks meer uit. De Wmo "
            "heeft een scootmobiel afgewezen omdat ze nog kort kan lopen. Buurtbewoners hebben "
            "via een inzamelingsactie geld opgehaald en het op haar rekening gestort, zodat ze "
            "zelf een tweedehands scootmobiel kan kopen."
        ),
        rule=("PW", "giften"),
        effect=(
            "Het bedrag ligt ruim boven de giftenvrijlating. We zouden het als inkomen moeten "
            "korten op de uitkering van volgende maand."
        ),
        conflict=(
            "Haar buren doen wat wij als samenleving willen: naar elkaar omkijken. De gift "
            "dient niet voor levensonderhoud maar voor meedoen. Korten betekent dat de "
            "gemeente het geld van de buren opstrijkt."
        ),
        question=(
            "Kunnen we een gift die aantoonbaar bestemd is voor een hulpmiddel vrijlaten, en "
            "leggen we de afwijzing door de Wmo ook bij het sociaal wijkteam neer?"
        ),
        values=("participatie", "menselijke maat", "rechtmatigheid"),
        barrier="afdelingen vinden elkaar niet",
        days_ago=110,
        harm_after=25,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Moeder in de bijstand vangt dakloze volwassen zoon tijdelijk op: kostendelersnorm "
        "gaat direct in",
        situation=(
            "Mevrouw N. ontvangt bijstand. Haar zoon van 29 is na een uithuiszetting dakloos "
            "geraakt en slaapt sinds twee weken op haar bank. Hij staat ingeschreven bij de "
            "daklozenopvang en zoekt actief een kamer, maar de wachttijden zijn lang."
        ),
        rule=("PW", "kostendelersnorm"),
        effect=(
            "Vanaf de eerste dag dat hij bij haar verblijft, telt hij als kostendeler. Haar "
            "uitkering daalt fors, terwijl hij geen inkomen heeft om bij te dragen."
        ),
        conflict=(
            "Een moeder die haar zoon van de straat haalt, doet wat de opvang niet kan. De "
            "kostendelersnorm maakt die opvang onbetaalbaar en duwt de zoon terug de straat op, "
            "met hogere kosten voor iedereen."
        ),
        question=(
            "Kunnen we, zoals bij de oma met de kleinzoon, een tijdelijke opvangperiode afspreken "
            "waarin de kostendelersnorm niet geldt? En hoe zorgen we dat gelijke gevallen gelijk "
            "worden behandeld?"
        ),
        values=("gelijke behandeling", "bestaanszekerheid", "menselijke maat"),
        barrier="wet- en regelgeving",
        days_ago=22,
        harm_after=10,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Spaargeld van de kinderen staat op rekening van moeder en telt als haar vermogen",
        situation=(
            "Mevrouw P. vraagt bijstand aan na het overlijden van haar man. Op een rekening op "
            "haar naam staat het geld dat de kinderen met vakantiewerk en verjaardagen hebben "
            "gespaard; de bank bood geen kinderrekening aan toen ze die opende."
        ),
        rule=("PW", "vermogensgrens"),
        effect=(
            "Het spaargeld telt als haar vermogen en ligt boven de grens. De aanvraag wordt "
            "afgewezen tot het is opgemaakt: dus van het geld van haar kinderen."
        ),
        conflict=(
            "Het vermogen is van de kinderen, niet van haar. De vermogenstoets is bedoeld om "
            "eerst eigen middelen aan te spreken, niet die van minderjarige kinderen."
        ),
        question=(
            "Welk bewijs vragen we om aan te tonen dat het geld van de kinderen is, en kunnen we "
            "het in afwachting daarvan buiten beschouwing laten?"
        ),
        values=("zorgvuldigheid", "rechtmatigheid"),
        barrier="gebrek aan houvast",
        days_ago=8,
        status=DRAFT,
    ),
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Wijziging doorgegeven via het werkportaal van het UWV in plaats van bij ons: "
        "boete voor niet melden",
        situation=(
            "Meneer R. begon met tijdelijk werk via een uitzendbureau en gaf dat door in het "
            "portaal van het UWV, omdat hij dacht dat dat ook voor de gemeente gold. Bij ons "
            "kwam geen melding binnen."
        ),
        rule=("PW", "inlichtingenplicht"),
        effect=(
            "Het systeem ziet de inkomsten pas achteraf, maakt een vordering en stelt een boete "
            "voor wegens schending van de inlichtingenplicht."
        ),
        conflict=(
            "Hij wilde melden en deed dat bij een overheidsloket. Voor de inwoner is de overheid "
            "één geheel; een boete voor een melding op de verkeerde plek is niet uit te leggen."
        ),
        question="Zien we af van de boete nu hij aantoonbaar te goeder trouw heeft gemeld?",
        values=("betrouwbare overheid", "rechtmatigheid"),
        barrier="andere organisaties",
        days_ago=66,
        status=WITHDRAWN,
        submit_after=1,
        withdraw_after=6,
        withdraw_reason=(
            "Na navraag bleek de melding via het gegevensknooppunt toch bij ons binnengekomen; "
            "de boete is vervallen. Geen casus meer."
        ),
    ),
    # ------------------------------------------------------------------ Inkomen Zuid
    CasePlan(
        team=ZUID,
        author="lotte",
        title="Verhuisd van Noord naar Zuid: wij eisen pdf-afschriften die Noord niet nodig vond",
        situation=(
            "Mevrouw S. verhuisde binnen de gemeente van stadsdeel Noord naar Zuid. Bij Noord "
            "leverde ze voor het heronderzoek een download van haar af- en bijschrijvingen aan. "
            "Wij vragen volgens onze werkinstructie pdf-afschriften met tenaamstelling. Ze "
            "begrijpt niet waarom wat vorig jaar goed was, nu niet meer volstaat."
        ),
        rule=("PW", "bewijsstukken bankafschriften"),
        effect=(
            "Zonder pdf's kunnen we het heronderzoek niet afronden en schorten we de uitkering "
            "op. Mevrouw moet naar de bank om ze te laten uitdraaien."
        ),
        conflict=(
            "Eén gemeente, twee eisen. Voor de inwoner is het verschil willekeurig, en voor ons "
            "voegt de pdf weinig toe: de tenaamstelling kennen we al uit het dossier."
        ),
        question=(
            "Stemmen we met Inkomen Noord één lijn af over bankafschriften, en accepteren we "
            "in de tussentijd de download?"
        ),
        values=("gelijke behandeling", "doelmatigheid", "betrouwbare overheid"),
        barrier="afdelingen vinden elkaar niet",
        days_ago=143,
    ),
    CasePlan(
        team=ZUID,
        author="mehmet",
        title="Partner zorgt tijdelijk voor zieke moeder in het buitenland: toeslag aangepast "
        "aan het woonland",
        situation=(
            "Meneer T. (72) ontvangt AOW met een partnertoeslag uit de oude regeling. Zijn vrouw "
            "zorgt sinds het voorjaar voor haar ernstig zieke moeder in Marokko en heeft zich "
            "daar op advies van een kennis ingeschreven. Meneer woont hier en betaalt de huur en "
            "vaste lasten alleen door."
        ),
        rule=("AOW", "woonlandbeginsel"),
        effect=(
            "Omdat zijn partner nu in het buitenland woont, wordt de toeslag aangepast aan het "
            "kostenniveau van dat land. Hij houdt per maand ruim € 200 minder over, terwijl zijn "
            "kosten hier gelijk blijven."
        ),
        conflict=(
            "Het woonlandbeginsel stemt een uitkering af op de kosten van levensonderhoud waar "
            "iemand woont. Hier liggen de kosten gewoon in Nederland; het verblijf is tijdelijk "
            "en uit zorg. De inschrijving daar is een vergissing, geen verhuizing."
        ),
        question=(
            "Kunnen we het verblijf als tijdelijk aanmerken op basis van de feiten (huur hier, "
            "terugkeer gepland) in plaats van de inschrijving, en hoe voorkomen we dat "
            "inwoners zich in zo'n situatie onnodig uitschrijven?"
        ),
        values=("zorgvuldigheid", "bestaanszekerheid", "rechtmatigheid"),
        barrier="wet- en regelgeving",
        days_ago=88,
    ),
    CasePlan(
        team=ZUID,
        author="lotte",
        title="Jonge moeder van 22 met een baby van drie maanden moet eerst vier weken werk zoeken",
        situation=(
            "Mevrouw U. is 22 en heeft een baby van drie maanden. Ze is na een relatiebreuk "
            "terug bij haar moeder gaan wonen, die zelf een kleine uitkering heeft. De vader "
            "betaalt niets. Ze wil na het verlof weer naar school om haar mbo-diploma te halen."
        ),
        rule=("PW", "zoektermijn jongeren"),
        effect=(
            "Ze moet vier weken wachten voor ze bijstand kan aanvragen. In die tijd heeft ze "
            "geen geld voor luiers en voeding, en haar moeder kan dat niet opvangen."
        ),
        conflict=(
            "De zoektermijn moet jongeren eerst op eigen kracht naar werk of school laten zoeken. "
            "Voor een moeder met een baby van drie maanden is dat niet reëel; de termijn "
            "verschuift alleen de kosten naar haar moeder en de voedselbank."
        ),
        question=(
            "Passen we de uitzondering voor bijzondere omstandigheden toe en laten we haar "
            "meteen aanvragen, met een afspraak over terugkeer naar school na het verlof?"
        ),
        values=("bestaanszekerheid", "participatie", "menselijke maat"),
        barrier="gebrek aan houvast",
        days_ago=18,
        harm_after=5,
    ),
    CasePlan(
        team=ZUID,
        author="mehmet",
        title="Kerk betaalt de huurachterstand rechtstreeks aan de verhuurder: toch een gift?",
        situation=(
            "Meneer V. had een huurachterstand van drie maanden en dreigde uit zijn huis gezet te "
            "worden. De diaconie van zijn kerk heeft de achterstand in één keer rechtstreeks "
            "aan de woningcorporatie betaald. Meneer meldde dat zelf bij ons."
        ),
        rule=("PW", "giften"),
        effect=(
            "De betaling ligt boven de giftenvrijlating. Volgens de letter van de regel moeten we "
            "het bedrag als inkomen aanmerken en korten op zijn uitkering."
        ),
        conflict=(
            "De gift voorkomt een huisuitzetting, die de gemeente veel meer zou kosten. Het geld "
            "is nooit op zijn rekening geweest en niet voor levensonderhoud gebruikt. Korten "
            "straft zowel meneer als de kerk."
        ),
        question=(
            "Laten we een gift die rechtstreeks een schuld aflost volledig vrij, en leggen we dat "
            "vast zodat collega's het ook zo doen?"
        ),
        values=("doelmatigheid", "menselijke maat", "gelijke behandeling"),
        barrier="wet- en regelgeving",
        days_ago=130,
    ),
    CasePlan(
        team=ZUID,
        author="mehmet",
        title="Oudere met AIO vangt dochter en kleinkinderen op na huiselijk geweld: gekort "
        "als kostendeler",
        situation=(
            "Meneer W. ontvangt AOW en AIO. Zijn dochter is met haar twee kinderen gevlucht voor "
            "huiselijk geweld en woont tijdelijk bij hem tot er een plek is via de "
            "vrouwenopvang of een urgente woning. Ze heeft zelf nog geen inkomen."
        ),
        rule=("AIO", "kostendelersnorm"),
        effect=(
            "Zijn dochter telt als kostendeler; zijn aanvulling daalt direct. Hij betaalt "
            "intussen eten voor vier."
        ),
        conflict=(
            "Hij biedt een veilige plek, wat de opvang op dit moment niet kan. De regel gaat uit "
            "van gedeelde kosten, maar zijn kosten stijgen juist."
        ),
        question=(
            "Kunnen we het verblijf van zijn dochter als crisisopvang aanmerken, zodat de "
            "kostendelersnorm niet geldt tot ze een eigen woning heeft?"
        ),
        values=("menselijke maat", "bestaanszekerheid"),
        barrier="wet- en regelgeving",
        days_ago=9,
        harm_after=14,
    ),
    CasePlan(
        team=ZUID,
        author="lotte",
        title="Te veel bijstand door een invoerfout van de gemeente: inwoner moet een half jaar "
        "terugbetalen",
        situation=(
            "Bij de omzetting naar een nieuw systeem is bij mevrouw X. een verkeerde woonkosten"
            "toeslag blijven staan. Een half jaar lang kreeg ze iets meer dan haar norm. Ze had "
            "het niet door; de bedragen op haar specificatie kon ze niet narekenen."
        ),
        rule=("PW", "terugvordering en verrekening"),
        effect=(
            "We vorderen het te veel betaalde terug en verrekenen het met haar uitkering. Zij "
            "draait op voor een fout die wij hebben gemaakt."
        ),
        conflict=(
            "Terugvorderen is rechtmatig, maar van een inwoner die redelijkerwijs niet kon zien "
            "dat het fout ging, ondermijnt het vertrouwen in de gemeente. De wet biedt ruimte om "
            "af te zien bij dringende redenen."
        ),
        question=(
            "Zien we (gedeeltelijk) af van terugvordering omdat de fout bij ons ligt, en hoe "
            "leggen we dit uit in de brief?"
        ),
        values=("betrouwbare overheid", "rechtmatigheid", "transparantie"),
        barrier="structuur en systemen",
        days_ago=55,
    ),
    CasePlan(
        team=ZUID,
        author="mehmet",
        title="Statushouder begreep de brief over de inlichtingenplicht niet: boete na niet "
        "gemeld bijbaantje",
        situation=(
            "Meneer Y. is twee jaar in Nederland en volgt een inburgeringstraject. Hij werkte een "
            "paar weken in de bezorging en meldde dat niet. Onze brieven over de "
            "inlichtingenplicht zijn alleen in het Nederlands; zijn taalniveau is nog laag."
        ),
        rule=("PW", "inlichtingenplicht"),
        effect=(
            "We vorderen de inkomsten terug, wat hij begrijpt, en leggen een boete op wegens "
            "schending van de inlichtingenplicht."
        ),
        conflict=(
            "Een boete veronderstelt dat iemand wist wat er van hem werd verwacht. We hebben "
            "het hem niet zo uitgelegd dat hij het kon begrijpen. Dan ligt een deel van de "
            "verwijtbaarheid bij ons."
        ),
        question=(
            "Verlagen we de boete wegens verminderde verwijtbaarheid, en gaan we de uitleg over "
            "de inlichtingenplicht bij de intake voortaan mondeling en met een tolk geven?"
        ),
        values=("transparantie", "zorgvuldigheid", "gelijke behandeling"),
        barrier="structuur en systemen",
        days_ago=101,
    ),
    CasePlan(
        team=ZUID,
        author="lotte",
        title="Vader draagt bij in natura in plaats van met overmakingen: onderhoudseis niet "
        "aangetoond",
        situation=(
            "De dochter van meneer Z. woont bij haar grootouders omdat de school daar dichtbij is. "
            "Meneer koopt haar kleding, betaalt de schoolreis en de telefoon en brengt elke week "
            "boodschappen. Een vast bedrag maakt hij niet over."
        ),
        rule=("AKW", "onderhoudseis"),
        effect=(
            "Omdat er geen aantoonbare geldelijke bijdrage is, voldoet hij niet aan de "
            "onderhoudseis en vervalt de kinderbijslag."
        ),
        conflict=(
            "De onderhoudseis moet vaststellen of de ouder echt bijdraagt aan het kind. Dat doet "
            "hij, alleen niet via de bank. Bonnetjes laten zien dat zijn bijdrage hoger is dan "
            "de ondergrens."
        ),
        question=(
            "Accepteren we aankoopbewijzen als bewijs van onderhoud, en welke ondergrens hanteren "
            "we dan?"
        ),
        values=("zorgvuldigheid", "rechtmatigheid"),
        barrier="gebrek aan houvast",
        days_ago=160,
    ),
    CasePlan(
        team=ZUID,
        author="lotte",
        title="Twee zussen in de bijstand delen een huurwoning: onderhuurcontract niet erkend",
        situation=(
            "Mevrouw A. huurt een driekamerwoning en onderverhuurt een kamer aan haar zus, die ook "
            "bijstand heeft. Ze hebben een schriftelijk contract en de zus betaalt elke maand huur."
        ),
        rule=("PW", "kostendelersnorm"),
        effect=(
            "Familie in de eerste of tweede graad kan geen commerciële huurrelatie hebben; beide "
            "zussen worden kostendeler en gaan er flink op achteruit."
        ),
        conflict=(
            "Met een vreemde als onderhuurder was er geen korting. De zussen hebben dezelfde "
            "afspraken als een onderhuurder; alleen de familieband maakt het verschil."
        ),
        question="Is dit een situatie om beargumenteerd af te wijken, of zit hier geen ruimte?",
        values=("gelijke behandeling", "rechtmatigheid"),
        barrier="wet- en regelgeving",
        days_ago=2,
        status=DRAFT,
    ),
    CasePlan(
        team=ZUID,
        author="mehmet",
        title="Oude auto nodig om 's nachts naar de distributiecentra te rijden telt mee als "
        "vermogen",
        situation=(
            "Meneer B. vraagt aanvullende bijstand aan naast een kleine baan in nachtdiensten bij "
            "een distributiecentrum buiten de stad. Daar rijdt 's nachts geen bus. Zijn auto is "
            "oud, maar de dagwaarde brengt zijn vermogen net boven de grens."
        ),
        rule=("PW", "vermogensgrens"),
        effect=(
            "De aanvraag wordt afgewezen tot hij de auto verkoopt. Zonder auto verliest hij zijn "
            "baan en heeft hij volledige bijstand nodig."
        ),
        conflict=(
            "De vermogensgrens is bedoeld om eerst eigen middelen te gebruiken. Hier is de auto "
            "het middel waarmee hij zelf in zijn inkomen voorziet. Verkopen kost de gemeente "
            "uiteindelijk meer."
        ),
        question=(
            "Laten we een auto die noodzakelijk is voor het behouden van werk buiten het "
            "vermogen, en tot welke dagwaarde?"
        ),
        values=("participatie", "doelmatigheid", "rechtmatigheid"),
        barrier="wet- en regelgeving",
        days_ago=74,
    ),
    CasePlan(
        team=ZUID,
        author="fatima",
        title="Intakegesprek vervalt na twee gemiste telefoontjes vanaf een afgeschermd nummer",
        situation=(
            "Meerdere inwoners missen het telefonische intakegesprek omdat wij bellen vanaf een "
            "afgeschermd nummer. Veel mensen met schulden nemen zulke nummers niet op, uit angst "
            "voor incassobureaus. Na twee gemiste pogingen sluit het systeem de aanvraag af."
        ),
        proposed_rule=(
            "Werkinstructie intake: de aanvraag wordt buiten behandeling gesteld na twee "
            "onbeantwoorde belpogingen."
        ),
        effect=(
            "Aanvragen worden gesloten en inwoners moeten opnieuw beginnen, met weken "
            "vertraging. Juist de meest kwetsbare inwoners vallen zo uit."
        ),
        conflict=(
            "De instructie is bedoeld om de doorlooptijd te bewaken, maar raakt precies de groep "
            "die we willen bereiken. We sturen op productie ten koste van bereik."
        ),
        question=(
            "Bellen we voortaan vanaf een herkenbaar nummer, sturen we vooraf een bericht met het "
            "tijdstip, en schrappen we de automatische afsluiting na twee pogingen?"
        ),
        values=("doelmatigheid", "menselijke maat", "betrouwbare overheid"),
        barrier="sturing op productie",
        days_ago=27,
    ),
    CasePlan(
        team=ZUID,
        author="mehmet",
        title="Beginnende dementie: AIO-gerechtigde meldde niet dat zijn zoon bij hem woont",
        situation=(
            "Meneer C. (84) heeft beginnende dementie. Zijn zoon woont al een jaar bij hem om "
            "voor hem te zorgen; dat is niet gemeld. Bij een huisbezoek komt het aan het licht."
        ),
        rule=("AIO", "inlichtingenplicht"),
        effect=(
            "Over een heel jaar geldt alsnog de kostendelersnorm: een forse terugvordering en "
            "mogelijk een boete."
        ),
        conflict=(
            "Meneer kon de gevolgen van wonen met zijn zoon niet overzien. Een vordering en boete "
            "raken een man die daar niets van begrijpt."
        ),
        question="Hoe gaan we om met verwijtbaarheid bij iemand met dementie?",
        values=("menselijke maat", "rechtmatigheid"),
        barrier="gebrek aan houvast",
        days_ago=115,
        status=WITHDRAWN,
        submit_after=1,
        withdraw_after=12,
        withdraw_reason=(
            "Er is inmiddels een bewindvoerder benoemd; die regelt de melding en een "
            "betalingsregeling. We nemen het patroon mee in het overleg over mantelzorg."
        ),
    ),
    CasePlan(
        team=ZUID,
        author="lotte",
        title="Zus betaalt elke maand rechtstreeks de zorgpremie: gekort als gift",
        situation=(
            "Mevrouw D. kon haar zorgpremie niet meer betalen en kwam bijna in de "
            "wanbetalersregeling. Haar zus betaalt sindsdien de premie rechtstreeks aan de "
            "zorgverzekeraar. Mevrouw heeft dat bij ons gemeld."
        ),
        rule=("PW", "giften"),
        effect=(
            "De premie die haar zus betaalt, komt boven de giftenvrijlating. We zouden het "
            "bedrag elke maand moeten korten."
        ),
        conflict=(
            "De zus voorkomt dat mevrouw in de wanbetalersregeling belandt, met een hogere "
            "premie en inhouding op de uitkering tot gevolg. Korten maakt de hulp zinloos en "
            "leidt tot hogere kosten voor iedereen."
        ),
        question=(
            "Laten we vaste lasten die familie rechtstreeks betaalt vrij, zoals bij de "
            "huurachterstand die de kerk betaalde?"
        ),
        values=("bestaanszekerheid", "gelijke behandeling"),
        barrier="wet- en regelgeving",
        days_ago=40,
    ),
    CasePlan(
        team=ZUID,
        author="mehmet",
        title="Gescheiden echtpaar met AOW woont noodgedwongen samen door woningnood: samenwonend?",
        situation=(
            "Meneer en mevrouw E. zijn een jaar geleden gescheiden, maar geen van beiden vindt "
            "een andere woning. Ze wonen in dezelfde flat, ieder op een eigen kamer, en voeren "
            "geen gezamenlijke huishouding. Mevrouw staat ingeschreven als woningzoekende."
        ),
        rule=("AOW", "leefvorm (samenwonen of alleenstaand)"),
        effect=(
            "Op hetzelfde adres gaan we uit van samenwonen, tenzij het tegendeel blijkt. Ze "
            "krijgen allebei de lagere AOW en moeten dat met bewijs weerleggen."
        ),
        conflict=(
            "De woningnood is niet hun schuld. Ze wonen samen omdat het niet anders kan, niet "
            "omdat ze voor elkaar zorgen. Bewijs vragen van iets wat er niet is, is vaak "
            "onmogelijk."
        ),
        question=(
            "Welke feiten accepteren we als bewijs van gescheiden huishoudens, en voor welke "
            "termijn geven we hun duidelijkheid?"
        ),
        values=("rechtszekerheid", "zorgvuldigheid", "menselijke maat"),
        barrier="andere organisaties",
        days_ago=58,
    ),
    CasePlan(
        team=ZUID,
        author="lotte",
        title="Jongere vond zelf werk binnen de zoektermijn, maar het loon komt pas over zes weken",
        situation=(
            "Een jongen van 20 vond in de tweede week van zijn zoektermijn werk in een magazijn. "
            "Hij krijgt per maand achteraf betaald, dus het eerste loon komt pas over zes weken. "
            "Zijn aanvraag wordt afgewezen omdat hij werk heeft."
        ),
        rule=("PW", "zoektermijn jongeren"),
        effect="Hij heeft zes weken geen geld voor reiskosten naar het werk.",
        conflict=(
            "Hij deed precies wat de zoektermijn vraagt. Als hij de baan verliest omdat hij de "
            "reis niet kan betalen, zijn we verder van huis."
        ),
        question="Kunnen we een voorschot geven tot zijn eerste loon?",
        values=("participatie", "bestaanszekerheid"),
        barrier="structuur en systemen",
        days_ago=96,
        status=WITHDRAWN,
        submit_after=None,
        withdraw_after=1,
        withdraw_reason=(
            "Zijn werkgever geeft een voorschot op het loon; een casus is niet meer nodig."
        ),
    ),
    CasePlan(
        team=ZUID,
        author="mehmet",
        title="Zonder eigen betaalrekening geen bankafschriften: aanvraag blijft steken",
        situation=(
            "Meneer F. heeft geen bankrekening meer sinds zijn bank die na betalingsproblemen "
            "heeft opgezegd. Een basisbetaalrekening is aangevraagd, maar nog niet geopend. Hij "
            "kan daardoor geen afschriften van de afgelopen drie maanden aanleveren."
        ),
        rule=("PW", "bewijsstukken bankafschriften"),
        effect=(
            "Zonder afschriften kunnen we het recht niet vaststellen en wordt de aanvraag buiten "
            "behandeling gesteld."
        ),
        conflict=(
            "We vragen een bewijsstuk dat niet bestaat. De regel is bedoeld om inkomsten en "
            "vermogen te zien, en dat kan hier ook op een andere manier."
        ),
        question=(
            "Welk ander bewijs accepteren we (een verklaring van de oude bank, de opzegbrief), "
            "en kunnen we de uitkering tot de nieuwe rekening er is op een andere manier betalen?"
        ),
        values=("zorgvuldigheid", "bestaanszekerheid"),
        barrier="andere organisaties",
        days_ago=6,
        status=DRAFT,
    ),
    # ------------------------------------------------------------------ Schulddienstverlening
    CasePlan(
        team=SCHULD,
        author="youssef",
        title="Jongere met openstaande boetes bij het CJIB mag niet op stage zonder vervoer: "
        "schulden blokkeren de opleiding",
        situation=(
            "Een jongen van 18 heeft een stapel verkeersboetes voor rijden zonder ov-kaart en op "
            "een scooter zonder verzekering. Zijn ov-studentenkaart is geblokkeerd en het CJIB "
            "heeft de boetes verhoogd. Zijn mbo-stage begint over twee weken, buiten de stad."
        ),
        rule=("Wgs", "toelatingscriteria"),
        effect=(
            "Met boetes bij het CJIB komt hij volgens onze criteria niet in aanmerking voor een "
            "schuldregeling. Zonder vervoer haalt hij zijn stage niet en valt hij uit."
        ),
        conflict=(
            "Schulddienstverlening moet voorkomen dat schulden school en werk blokkeren. Als we "
            "hem nu weigeren, verliest hij de opleiding en blijven de boetes bovendien groeien."
        ),
        question=(
            "Kunnen we de boetes buiten de regeling houden maar hem toch toelaten tot een "
            "stabilisatietraject, en met het CJIB een betalingsregeling afspreken die past "
            "bij zijn stagevergoeding?"
        ),
        values=("participatie", "menselijke maat", "gelijke behandeling"),
        barrier="andere organisaties",
        days_ago=15,
        harm_after=12,
    ),
    CasePlan(
        team=SCHULD,
        author="sanne",
        title="Eerder traject afgebroken tijdens een scheiding: wachttijd van drie jaar voor "
        "nieuwe schuldhulp",
        situation=(
            "Mevrouw G. stopte twee jaar geleden met een schuldhulptraject, midden in een "
            "vechtscheiding. Nu is ze alleen met twee kinderen, heeft ze werk en wil ze opnieuw "
            "beginnen. De schulden zijn in die tijd verder opgelopen."
        ),
        rule=("Wgs", "toelatingscriteria"),
        effect=(
            "Volgens onze beleidsregels geldt na een afgebroken traject een wachttijd. Ze moet "
            "nog een jaar wachten, terwijl de deurwaarder beslag legt op haar loon."
        ),
        conflict=(
            "De wachttijd is bedoeld om mensen te motiveren een traject af te maken. Haar stoppen "
            "had een duidelijke oorzaak die nu voorbij is. Wachten maakt de schulden alleen "
            "groter."
        ),
        question=(
            "Zien we de scheiding als omstandigheid om van de wachttijd af te wijken, en hoe "
            "leggen we dat vast zodat we vergelijkbare gevallen gelijk behandelen?"
        ),
        values=("gelijke behandeling", "menselijke maat", "participatie"),
        barrier="gebrek aan rugdekking",
        days_ago=70,
    ),
    CasePlan(
        team=SCHULD,
        author="youssef",
        title="Schulden door een gokverslaving waarvoor hij nu in behandeling is: geen goede "
        "trouw voor de Wsnp?",
        situation=(
            "Meneer H. heeft zijn schulden grotendeels opgebouwd door online gokken. Hij is sinds "
            "een half jaar in behandeling bij een verslavingszorginstelling, gokt niet meer en "
            "heeft budgetbeheer. Het minnelijk traject is mislukt omdat één schuldeiser weigerde."
        ),
        rule=("Wsnp", "goede trouw"),
        effect=(
            "Schulden door gokken gelden vaak als niet te goeder trouw. Het verzoek tot "
            "toelating tot de Wsnp dreigt te worden afgewezen, en dan blijft hij jaren in de "
            "schulden."
        ),
        conflict=(
            "Een verslaving is een ziekte waar hij nu aan werkt. Zonder perspectief op "
            "schuldenvrij is de kans op terugval groter. De bedoeling is mensen een nieuwe start "
            "te geven als ze hun leven op orde brengen."
        ),
        question=(
            "Onderbouwen we in de verklaring bij het verzoek dat de oorzaak onder controle is, "
            "met een verklaring van de behandelaar? En schalen we op als de rechtbank dat "
            "niet volgt?"
        ),
        values=("menselijke maat", "rechtszekerheid"),
        barrier="wet- en regelgeving",
        days_ago=125,
    ),
    CasePlan(
        team=SCHULD,
        author="youssef",
        title="Beslagvrije voet te laag berekend door de deurwaarder: gezin met drie kinderen "
        "houdt te weinig over",
        situation=(
            "Bij het gezin van mevrouw J. ligt loonbeslag. De deurwaarder heeft de beslagvrije "
            "voet berekend zonder de kinderen en de hoge huur mee te nemen. Het gezin houdt na "
            "beslag minder over dan nodig is voor eten en vaste lasten."
        ),
        rule=("Wgs", "beslagvrije voet"),
        effect=(
            "Het gezin bouwt nieuwe achterstanden op bij huur en energie. Volgens de regels moet "
            "het gezin zelf bezwaar maken bij de deurwaarder, met bewijsstukken."
        ),
        conflict=(
            "De beslagvrije voet moet iedereen een bestaansminimum garanderen. Een gezin in "
            "deze situatie heeft niet de ruimte om zelf een procedure te voeren."
        ),
        question=(
            "Nemen wij het contact met de deurwaarder over om de beslagvrije voet te laten "
            "herberekenen, ook al is het gezin nog niet formeel toegelaten tot schuldhulp?"
        ),
        values=("bestaanszekerheid", "zorgvuldigheid"),
        barrier="andere organisaties",
        days_ago=37,
        harm_after=7,
    ),
    CasePlan(
        team=SCHULD,
        author="ingrid",
        title="Door de SVB doorverwezen oudere met een AOW-vordering: SVB doet niet mee aan de "
        "schuldregeling",
        situation=(
            "Mevrouw K. (71) kreeg een terugvordering van AOW omdat ze een tijd samenwoonde "
            "zonder dat te melden. Bij het gesprek over aflossen hoorde de SVB over haar andere "
            "schulden en heeft haar, met haar toestemming, naar ons doorverwezen. Een goed "
            "voorbeeld van samenwerking."
        ),
        rule=("AOW", "terugvordering"),
        effect=(
            "De vordering is met een boete opgelegd. De SVB doet daarom niet mee aan een "
            "minnelijke regeling, en zonder alle schuldeisers komt die er niet."
        ),
        conflict=(
            "De doorverwijzing is bedoeld om haar uit de schulden te helpen, maar de grootste "
            "schuldeiser staat buiten de oplossing. Zo eindigt een goed begin op niets."
        ),
        question=(
            "Schalen we dit op naar de directie om met de SVB een afspraak te maken over "
            "boetevorderingen in schuldregelingen, en wat bieden we mevrouw intussen?"
        ),
        values=("betrouwbare overheid", "bestaanszekerheid", "rechtmatigheid"),
        barrier="andere organisaties",
        days_ago=100,
    ),
    CasePlan(
        team=SCHULD,
        author="sanne",
        title="Jongere neemt een baan in de bouw niet aan omdat het loonbeslag alles opslokt",
        situation=(
            "Een jongeman van 23 heeft schulden bij de zorgverzekeraar, een telefoonprovider en "
            "een webwinkel. Hij kan aan de slag in de bouw, maar zegt: als ik ga werken, neemt "
            "de deurwaarder alles wat ik meer verdien. Dan kan ik net zo goed thuisblijven."
        ),
        rule=("Wgs", "beslagvrije voet"),
        effect=(
            "Met werk houdt hij netto nauwelijks meer over dan nu. Hij wijst de baan af en "
            "blijft afhankelijk van een uitkering."
        ),
        conflict=(
            "Schulden mogen werk niet blokkeren. Het systeem maakt werken hier financieel "
            "zinloos, terwijl werk de enige weg uit de schulden is."
        ),
        question=(
            "Kunnen we met de schuldeisers een schuldenrust afspreken zodra hij begint te werken, "
            "en hem een werkbonus of vrijlating laten houden?"
        ),
        values=("participatie", "doelmatigheid", "menselijke maat"),
        barrier="andere organisaties",
        days_ago=28,
        harm_after=14,
    ),
    CasePlan(
        team=SCHULD,
        author="youssef",
        title="Zzp'er met een lopend bedrijf wordt niet toegelaten tot schuldhulp",
        situation=(
            "Meneer L. is zelfstandig schilder. Door een lange ziekte heeft hij achterstanden bij "
            "de Belastingdienst en zijn leveranciers. Hij heeft weer opdrachten, maar zijn "
            "onderneming loopt nog."
        ),
        rule=("Wgs", "toelatingscriteria"),
        effect=(
            "Ondernemers met een lopend bedrijf laten we niet toe. Hij moet eerst stoppen met "
            "zijn bedrijf, waardoor hij een uitkering nodig heeft."
        ),
        conflict=(
            "We dwingen iemand die zijn eigen inkomen kan verdienen de bijstand in. Dat is niet "
            "de bedoeling van schuldhulp."
        ),
        question="Kunnen we samen met het Bbz-loket een traject voor hem maken?",
        values=("participatie", "doelmatigheid"),
        barrier="structuur en systemen",
        days_ago=4,
        status=DRAFT,
    ),
    CasePlan(
        team=SCHULD,
        author="ingrid",
        title="De gemeente is zelf de grootste schuldeiser: bijstandsvordering blokkeert de "
        "schuldregeling",
        situation=(
            "Bij meerdere inwoners in een schuldregeling is een bijstandsvordering van onze eigen "
            "afdeling Inkomen de grootste post. Inkomen hanteert vaak een eigen beleid en "
            "stemt niet of pas laat in met het voorstel."
        ),
        rule=("PW", "terugvordering en verrekening"),
        effect=(
            "Regelingen lopen maanden vertraging op of komen er niet, terwijl andere schuldeisers "
            "wel meedoen."
        ),
        conflict=(
            "Twee afdelingen van dezelfde gemeente werken tegen elkaar in. De inwoner ziet één "
            "overheid die met de ene hand helpt en met de andere hand tegenwerkt."
        ),
        question=(
            "Maken we met Inkomen Noord en Zuid een vaste afspraak om in te stemmen met "
            "schuldregelingen die aan de normen voldoen, en wie bewaakt dat?"
        ),
        values=("doelmatigheid", "betrouwbare overheid"),
        barrier="afdelingen vinden elkaar niet",
        days_ago=82,
    ),
    CasePlan(
        team=SCHULD,
        author="sanne",
        title="Gedupeerde ouder Toeslagen: publieke schulden kwijtgescholden, private schulden "
        "en beslag lopen door",
        situation=(
            "Mevrouw M. is erkend als gedupeerde van de toeslagenaffaire. Haar publieke schulden "
            "zijn kwijtgescholden, maar schulden bij een verhuurder en een energieleverancier "
            "niet. Ze wacht nog op de integrale beoordeling."
        ),
        proposed_rule=(
            "Landelijke afspraken hersteloperatie Toeslagen: alleen publieke schulden worden "
            "kwijtgescholden; private schulden vallen onder een aparte regeling."
        ),
        effect=(
            "De private schuldeisers gaan door met incasso. Mevrouw voelt zich opnieuw in de "
            "steek gelaten door de overheid."
        ),
        conflict=(
            "Het herstel moet vertrouwen herstellen. Als het beslag doorloopt terwijl de overheid "
            "het herstel niet rond krijgt, bereikt het herstel het omgekeerde."
        ),
        question=(
            "Kunnen we namens haar een schuldenrust afspreken met de private schuldeisers tot de "
            "beoordeling klaar is, en escaleren we de wachttijd richting het ministerie?"
        ),
        values=("betrouwbare overheid", "bestaanszekerheid", "transparantie"),
        barrier="het ministerie",
        days_ago=165,
    ),
    CasePlan(
        team=SCHULD,
        author="youssef",
        title="Vroegsignalering: huisbezoek pas na twee maanden huurachterstand is te laat",
        situation=(
            "Via vroegsignalering krijgen we meldingen van woningcorporaties en "
            "energieleveranciers. Volgens de werkinstructie gaan we pas op huisbezoek bij twee "
            "maanden achterstand. "
            "Bij een gezin met een eerste achterstand zagen we alle signalen al: een net verloren "
            "baan en een lange wachttijd voor de WW."
        ),
        proposed_rule=(
            "Werkinstructie vroegsignalering: huisbezoek pas bij een achterstand van twee "
            "maanden of meer."
        ),
        effect=(
            "We wachten een maand, terwijl de achterstanden verder oplopen en het gezin steeds "
            "lastiger te bereiken is."
        ),
        conflict=(
            "Vroegsignalering is bedoeld om er vroeg bij te zijn. De drempel is gekozen om de "
            "werklast te beheersen, niet omdat een maand later beter is."
        ),
        question=(
            "Mogen we op basis van eigen inschatting al bij één maand achterstand langsgaan, en "
            "hoe verantwoorden we dat in de productiecijfers?"
        ),
        values=("doelmatigheid", "bestaanszekerheid"),
        barrier="sturing op productie",
        days_ago=50,
    ),
    CasePlan(
        team=SCHULD,
        author="youssef",
        title="Zorgpremie via bronheffing van het CAK: inkomen zakt onder de beslagvrije voet",
        situation=(
            "Meneer N. staat in de wanbetalersregeling. Het CAK houdt de bestuursrechtelijke "
            "premie rechtstreeks in op zijn uitkering. Daarnaast loopt een beslag van de "
            "Belastingdienst. Samen houden ze meer in dan de beslagvrije voet toelaat."
        ),
        rule=("Wgs", "beslagvrije voet"),
        effect=(
            "Meneer houdt per maand minder over dan het bestaansminimum en bouwt nieuwe "
            "schulden op bij de huur."
        ),
        conflict=(
            "De beslagvrije voet moet iedereen een minimum garanderen. Twee overheden die elk "
            "apart de regels volgen, halen samen meer weg dan mag."
        ),
        question=(
            "Hoe zorgen we dat beide inhoudingen samen onder de grens blijven, en wie neemt het "
            "initiatief richting het CAK en de Belastingdienst?"
        ),
        values=("bestaanszekerheid", "rechtmatigheid"),
        barrier="andere organisaties",
        days_ago=142,
    ),
    CasePlan(
        team=SCHULD,
        author="sanne",
        title="Schulden ontstaan door financiële uitbuiting door een ex-partner: goede trouw "
        "in twijfel",
        situation=(
            "Mevrouw O. heeft schulden bij webwinkels, telefoonaanbieders en een "
            "kredietverstrekker. Haar ex-partner sloot die op haar naam af toen ze samenwoonden; "
            "ze had geen inzicht in de post. Er loopt een aangifte en ze krijgt hulp van "
            "Veilig Thuis."
        ),
        rule=("Wsnp", "goede trouw"),
        effect=(
            "Op papier zijn de schulden door haar aangegaan. Zonder bewijs dat ze er niets van "
            "wist, gaat de goede trouw in de Wsnp niet vanzelf op."
        ),
        conflict=(
            "Ze is slachtoffer en wordt behandeld als veroorzaker. De toets op goede trouw moet "
            "misbruik voorkomen, niet slachtoffers van misbruik straffen."
        ),
        question=(
            "Welke verklaringen (Veilig Thuis, de aangifte) voegen we toe aan het verzoek, en "
            "stellen we schuldeisers voor om de schulden op naam van de ex-partner te zetten?"
        ),
        values=("menselijke maat", "rechtszekerheid", "zorgvuldigheid"),
        barrier="wet- en regelgeving",
        days_ago=20,
    ),
    CasePlan(
        team=SCHULD,
        author="ingrid",
        title="Moratorium aangevraagd om een huisuitzetting te voorkomen",
        situation=(
            "De verhuurder van meneer P. had de ontruiming aangevraagd wegens een huurachterstand. "
            "We wilden bij de rechter een moratorium vragen om tijd te winnen voor een regeling."
        ),
        rule=("Wgs", "toelatingscriteria"),
        effect="Zonder moratorium volgt ontruiming en verliest meneer zijn woning.",
        conflict=(
            "Een ontruiming maakt schuldhulp vrijwel onmogelijk en kost de samenleving veel meer "
            "dan de achterstand."
        ),
        question="Vragen we het moratorium aan, ook al is de intake nog niet afgerond?",
        values=("bestaanszekerheid", "doelmatigheid"),
        barrier="andere organisaties",
        days_ago=90,
        status=WITHDRAWN,
        submit_after=0,
        withdraw_after=4,
        withdraw_reason=(
            "De verhuurder heeft de ontruiming zelf ingetrokken na een betalingsafspraak; het "
            "moratorium is niet meer nodig."
        ),
    ),
    CasePlan(
        team=SCHULD,
        author="youssef",
        title="Jongere met huurachterstand moet eerst vier weken zoeken: achterstand loopt op "
        "tot ontruiming",
        situation=(
            "Een jonge vrouw van 21 woont op een kamer en verloor haar baan in de horeca. Ze meldt "
            "zich bij schuldhulp met een huurachterstand van twee maanden. Een aanvraag bijstand "
            "kan ze pas na de zoektermijn indienen."
        ),
        rule=("PW", "zoektermijn jongeren"),
        effect=(
            "Tijdens de zoektermijn loopt de achterstand op tot drie maanden, en dan start de "
            "verhuurder een ontruimingsprocedure."
        ),
        conflict=(
            "De zoektermijn en schuldhulp werken hier tegen elkaar in. Een jongere die op straat "
            "belandt, zoekt geen werk meer."
        ),
        question=(
            "Kunnen we met Inkomen afspreken dat de zoektermijn vervalt bij een dreigende "
            "ontruiming, en de huur in de tussentijd via bijzondere bijstand betalen?"
        ),
        values=("bestaanszekerheid", "participatie"),
        barrier="afdelingen vinden elkaar niet",
        days_ago=10,
        harm_after=20,
    ),
    CasePlan(
        team=SCHULD,
        author="youssef",
        title="Schuld te klein voor een traject: openstaand lesgeld blokkeert de herinschrijving "
        "op het mbo",
        situation=(
            "Een student van 19 heeft een lesgeldachterstand van een paar honderd euro. De school "
            "schrijft hem niet opnieuw in zolang die openstaat. Andere schulden heeft hij niet."
        ),
        rule=("Wgs", "toelatingscriteria"),
        effect=(
            "Voor één kleine schuld starten we geen traject. Zonder inschrijving verliest hij "
            "zijn studiefinanciering en zijn stageplek."
        ),
        conflict=(
            "Juist een kleine schuld is met weinig moeite op te lossen. Wachten tot de schuld "
            "groot genoeg is, is precies wat we niet willen."
        ),
        question=(
            "Mogen we een kleine schuld met een renteloze lening of een afspraak met de school "
            "direct oplossen, buiten een traject om?"
        ),
        values=("participatie", "doelmatigheid"),
        barrier="structuur en systemen",
        days_ago=1,
        status=DRAFT,
    ),
    CasePlan(
        team=SCHULD,
        author="sanne",
        title="Inwoner trekt zich terug uit het traject na een wisseling van klantmanager",
        situation=(
            "Meneer Q. had net vertrouwen gekregen in zijn klantmanager toen die vertrok. Na de "
            "overdracht kwam hij niet meer op afspraken en reageerde hij niet op brieven."
        ),
        rule=("Wgs", "toelatingscriteria"),
        effect=(
            "Na drie gemiste afspraken wordt het traject beëindigd en geldt een wachttijd voor "
            "een nieuw traject."
        ),
        conflict=(
            "Hij haakt af door een verandering aan onze kant, niet door onwil. Een wachttijd "
            "straft hem voor onze organisatie."
        ),
        question="Kunnen we het traject aanhouden en een huisbezoek plannen?",
        values=("menselijke maat", "gelijke behandeling"),
        barrier="sturing op productie",
        days_ago=176,
        status=WITHDRAWN,
        submit_after=1,
        withdraw_after=8,
        withdraw_reason=(
            "Meneer heeft zich weer gemeld en het traject loopt door; de casus komt terug als "
            "het opnieuw vastloopt."
        ),
    ),
]

# Two hard negatives: the jargon of a rode draad (a kostendeler in the house, money from
# outside), another story. The similarity engine must keep them out of those threads.
HARD_NEGATIVES = [
    CasePlan(
        team=NOORD,
        author="sanne",
        title="Kamerverhuur aan een student: huurinkomsten of kostendeler?",
        situation=(
            "Mevrouw R. ontvangt bijstand en verhuurt sinds kort de zolderkamer aan een student "
            "die zij via een advertentie vond. Hij betaalt een vaste huur per maand, heeft een "
            "eigen huurcontract en kookt zelf."
        ),
        rule=("PW", "kostendelersnorm"),
        effect=(
            "Het systeem telt de student als medebewoner en past de kostendelersnorm toe; de "
            "huur die hij betaalt wordt daarnaast als inkomsten gekort."
        ),
        conflict=(
            "Een huurder met een contract deelt geen kosten maar betaalt huur. Tweemaal korten, "
            "als kostendeler en op de huur, gaat verder dan de wet bedoelt."
        ),
        question=(
            "Is een commerciële kamerhuurder een kostendeler, of alleen een bron van inkomsten?"
        ),
        values=("rechtmatigheid", "gelijke behandeling"),
        barrier="structuur en systemen",
        days_ago=26,
    ),
    CasePlan(
        team=ZUID,
        author="lotte",
        title="Spullen verkocht op Marktplaats na de verhuizing: inkomsten of vermogen?",
        situation=(
            "Meneer T. verhuisde naar een kleinere woning en verkocht zijn oude meubels en een "
            "fiets via Marktplaats. De opbrengst staat op zijn rekening; hij gaf het zelf door."
        ),
        rule=("PW", "giften"),
        effect=(
            "De opbrengst wordt als inkomsten gekort op de bijstand van die maand, alsof het een "
            "gift of bijverdienste is."
        ),
        conflict=(
            "Wie eigen spullen verkoopt, zet vermogen om in geld; dat is geen inkomen. Korten "
            "straft eerlijk melden."
        ),
        question="Mogen we de opbrengst als vermogen zien, binnen de vermogensgrens?",
        values=("rechtmatigheid", "betrouwbare overheid"),
        barrier="wet- en regelgeving",
        days_ago=33,
    ),
]

# Every team's queue also holds a few recent cases that no lead has put on an agenda yet, composed
# from the phrase bank. Each names the seed that composes a text that reads as one story:
# (team, author, rule, seed, days ago, public values, barrier).
QUEUE = [
    (
        NOORD,
        "sanne",
        ("PW", "vermogensgrens"),
        218,
        6,
        ("bestaanszekerheid", "participatie"),
        "wet- en regelgeving",
    ),
    (
        NOORD,
        "joost",
        ("PW", "terugvordering en verrekening"),
        78,
        9,
        ("betrouwbare overheid", "menselijke maat"),
        "structuur en systemen",
    ),
    (
        ZUID,
        "lotte",
        ("PW", "kostendelersnorm"),
        1025,
        7,
        ("bestaanszekerheid", "menselijke maat"),
        "wet- en regelgeving",
    ),
    (
        ZUID,
        "mehmet",
        ("PW", "giften"),
        981,
        4,
        ("bestaanszekerheid", "menselijke maat"),
        "wet- en regelgeving",
    ),
    (
        SCHULD,
        "youssef",
        ("Wsnp", "goede trouw"),
        119,
        8,
        ("menselijke maat", "participatie"),
        "wet- en regelgeving",
    ),
    (
        SCHULD,
        "sanne",
        ("Wgs", "beslagvrije voet"),
        78,
        5,
        ("bestaanszekerheid", "rechtmatigheid"),
        "andere organisaties",
    ),
]


def composed_queue() -> list[CasePlan]:
    plans = []
    for team, author, rule, seed, days_ago, values, barrier in QUEUE:
        # Not for security: a fixed seed, so the demo reads the same every time.
        texts = compose(random.Random(seed), rule, places=("Rivierstad",))  # noqa: S311
        plans.append(
            CasePlan(
                team=team,
                author=author,
                rule=rule,
                values=values,
                barrier=barrier,
                days_ago=days_ago,
                **texts,
            )
        )
    return plans


CASES: tuple[CasePlan, ...] = (*WRITTEN, *HARD_NEGATIVES, *composed_queue())
