"""The demo: a fictional municipal department with six months of case consultation behind it.

Three teams, people in every role, the cases they brought (`demo_cases`), the weekly case
consultations that decided them and what followed (`demo_meetings`), the signals the director
took up and the good examples the leads published. `manage.py seed_demo` builds it with
`bedoeling.scenario.builder.build(DEMO)`; the tests build the same world.
"""

from __future__ import annotations

from digests.models import Signal
from organisations.models import Role

from .demo_cases import CASES, NOORD, SCHULD, ZUID
from .demo_meetings import TEAM_PLANS
from .plans import Person, Scenario, SignalMove, StoryPlan, TeamSpec, ThreadPlan

__all__ = ["DEMO", "DEMO_CASES", "TEAM_PLANS"]

DEMO_CASES = CASES

PASSWORD = "bedoeling-demo"  # noqa: S105 - printed for local demo use only

ORGANISATION = "Gemeente Rivierstad — Werk en Inkomen"
PURPOSE = (
    "Wij zorgen dat inwoners van Rivierstad die het op eigen kracht niet redden, "
    "bestaanszekerheid hebben en kunnen meedoen. Regels zijn daarvoor een middel, "
    "geen doel: waar een regel het tegendeel bereikt van waarvoor hij bedoeld is, "
    "doen we wat nodig is — en leggen we uit waarom."
)

TEAMS = (
    TeamSpec(
        NOORD,
        "Inwoners van stadsdeel Noord snel en zeker hun bijstand geven, "
        "met oog voor hun hele situatie.",
    ),
    TeamSpec(
        ZUID,
        "Inwoners van stadsdeel Zuid snel en zeker hun bijstand geven, "
        "met oog voor hun hele situatie.",
    ),
    TeamSpec(
        SCHULD,
        "Inwoners met schulden helpen weer grip te krijgen, "
        "zodat schulden school, werk en zorg niet blokkeren.",
    ),
)

PEOPLE = (
    Person(
        "sanne",
        "Sanne",
        "de Vries",
        ((NOORD, Role.PROFESSIONAL), (SCHULD, Role.PROFESSIONAL)),
    ),
    Person("mehmet", "Mehmet", "Yilmaz", ((ZUID, Role.PROFESSIONAL),)),
    Person("lotte", "Lotte", "Smit", ((ZUID, Role.PROFESSIONAL),)),
    Person("youssef", "Youssef", "Bouzid", ((SCHULD, Role.PROFESSIONAL),)),
    Person("joost", "Joost", "Bakker", ((NOORD, Role.LEAD),)),
    Person("fatima", "Fatima", "El Amrani", ((ZUID, Role.LEAD),)),
    Person("ingrid", "Ingrid", "Visser", ((SCHULD, Role.LEAD),)),
    Person("karin", "Karin", "Mulder", ((NOORD, Role.DIRECTOR), (ZUID, Role.DIRECTOR))),
    Person("beheer", "Bram", "Jansen", is_superuser=True),
)

# What the director did with the rules the teams flagged as chafing. Signals on rules flagged
# more recently are still open: the director's signals page has work waiting.
SIGNALS = (
    SignalMove(
        rule=("PW", "bewijsstukken bankafschriften"),
        by="karin",
        to_state=Signal.State.UNDER_REVIEW,
        days_ago=120,
    ),
    SignalMove(
        rule=("PW", "bewijsstukken bankafschriften"),
        by="karin",
        to_state=Signal.State.TAKEN_UP,
        days_ago=95,
        taken_up_with="de afdeling Bijzondere Bijstand en de beleidsafdeling Werk en Inkomen",
    ),
    SignalMove(
        rule=("PW", "kostendelersnorm"),
        by="karin",
        to_state=Signal.State.TAKEN_UP,
        days_ago=80,
        taken_up_with="het ministerie van SZW, in het periodieke uitvoeringsoverleg",
    ),
    SignalMove(
        rule=("PW", "terugvordering en verrekening"),
        by="karin",
        to_state=Signal.State.UNDER_REVIEW,
        days_ago=30,
    ),
)

# Good examples: decided cases the team leads told for the whole organisation.
STORIES = (
    StoryPlan(
        team=NOORD,
        case="Twee weduwen willen samen een woning huren",
        author="joost",
        title="Samen wonen zonder samenwonen: zekerheid vooraf",
        text=(
            "Twee weduwen wilden samen een benedenwoning huren, tegen de kosten en tegen de "
            "eenzaamheid. Ze durfden niet, uit angst dat ze allebei hun AOW voor alleenstaanden "
            "zouden verliezen. Het team heeft vooraf met hen afgesproken wat het verschil maakt: "
            "ieder een eigen kamer, eigen rekeningen en een eigen huurdeel. Dat hebben we "
            "schriftelijk bevestigd. Ze wonen nu samen en houden hun uitkering."
        ),
        lesson=(
            "Wie vooraf uitlegt waar de grens ligt, voorkomt terugvorderingen achteraf. Een "
            "bevestiging vooraf kost een brief en geeft inwoners de zekerheid om een goed plan "
            "uit te voeren."
        ),
        days_ago=30,
    ),
    StoryPlan(
        team=ZUID,
        case="Vader draagt bij in natura",
        author="fatima",
        title="Onderhoud in natura telt ook",
        text=(
            "Een gescheiden vader betaalde kleding, schoolreisjes en boodschappen voor zijn "
            "zoon, maar maakte geen vast bedrag over. Op papier voldeed hij zo niet aan de "
            "onderhoudseis en verloor hij de kinderbijslag. Het team keek naar wat er echt "
            "gebeurt: met de bonnetjes van een kwartaal liet hij zien dat hij meer bijdraagt dan "
            "de ondergrens. De kinderbijslag loopt door."
        ),
        lesson=(
            "Bewijs gaat over wat een ouder bijdraagt, niet over de vorm waarin. Vraag om het "
            "bewijs dat iemand heeft, in plaats van om het bewijs dat ons systeem gewend is."
        ),
        days_ago=35,
    ),
    StoryPlan(
        team=SCHULD,
        case="Zorgpremie via bronheffing van het CAK",
        author="ingrid",
        title="Twee inhoudingen, één beslagvrije voet",
        text=(
            "Het CAK hield de zorgpremie in op de uitkering van een inwoner, en de "
            "Belastingdienst had beslag gelegd. Elk volgde de eigen regels, samen bleef er "
            "minder over dan de beslagvrije voet. Het team rekende de beslagvrije voet uit en "
            "vroeg beide organisaties hun inhouding daarop af te stemmen. Dat gebeurde: meneer "
            "kan zijn huur weer betalen."
        ),
        lesson=(
            "Wie de hele situatie ziet, moet het initiatief nemen, ook als de fout niet bij ons "
            "ligt. Eén berekening van de beslagvrije voet bracht twee organisaties op één lijn."
        ),
        days_ago=45,
    ),
)

# The rode draden the machine proposed and the people named (the fourth proposal waits).
THREADS = (
    ThreadPlan(
        team=ZUID,
        case="Kerk betaalt de huurachterstand rechtstreeks aan de verhuurder: toch een gift?",
        by="karin",
        name="Hulp van familie of kerk gekort als gift",
        description="Wie familie of kerk iets laat betalen, verliest het op de bijstand.",
        # Noord's case tells it in other words; the director links it, and the rode draad
        # then shows that Noord and Zuid decided it opposite ways.
        link=(
            (
                NOORD,
                "Moeder betaalt elke maand de boodschappen: gift van familie gekort en "
                "teruggevorderd",
            ),
        ),
    ),
    ThreadPlan(
        team=NOORD,
        case="Moeder in de bijstand vangt dakloze volwassen zoon tijdelijk op: kostendelersnorm "
        "gaat direct in",
        by="joost",
        name="Tijdelijke opvang van familie en de kostendelersnorm",
        description="Wie familie in nood tijdelijk opvangt, wordt gekort als kostendeler.",
    ),
    ThreadPlan(
        team=ZUID,
        case="Statushouder begreep de brief over de inlichtingenplicht niet: boete na niet "
        "gemeld bijbaantje",
        by="fatima",
        name="Inlichtingenplicht buiten schuld gemist",
        description="Een wijziging niet doorgegeven zonder opzet, toch een boete.",
    ),
)

DEMO = Scenario(
    organisation=ORGANISATION,
    purpose=PURPOSE,
    teams=TEAMS,
    people=PEOPLE,
    password=PASSWORD,
    email_domain="rivierstad.example",
    cases=CASES,
    consultations=TEAM_PLANS,
    signals=SIGNALS,
    stories=STORIES,
    threads=THREADS,
)
