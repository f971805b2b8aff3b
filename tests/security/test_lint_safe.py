"""The build fails when escaping is switched off anywhere that was not audited.

Scans every template and the Python of every app for the ways to put text on a page without
escaping it: `|safe`, `|safeseq` and `{% autoescape off %}` in templates; `mark_safe()`,
`SafeString()`, `format_html()` whose format is not a literal, and templates made from a
string (`Template(...)`, `from_string(...)`, which would run what people type) in Python. Each
audited use is listed below with the reason it cannot carry user data unescaped; a new one
fails until someone audits it and adds it here. `make lint` runs this test too.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("bedoeling", "cases", "deliberations", "digests", "organisations")

TEMPLATE_UNSAFE = {
    "|safe": re.compile(r"\|\s*safe(?!seq)\b"),
    "|safeseq": re.compile(r"\|\s*safeseq\b"),
    "autoescape off": re.compile(r"{%-?\s*autoescape\s+off\s*-?%}"),
}

# (file, construct) -> (how many times, why it is safe)
AUDITED = {
    # A form field's help text is written by developers (model or form help_text, translated),
    # never by the people using the app; |safe lets it carry a link. Same as Django's admin.
    ("templates/_form_field.html", "|safe"): 1,
    # Plain-text mails: escaping would turn "&" into "&amp;" in the text. These mails have no
    # HTML part (organisations.tasks.send_mail attaches one only when given, and only the
    # password reset form could, without an HTML template), and quote no case text.
    ("templates/cases/email/submitted.txt", "autoescape off"): 1,
    ("templates/deliberations/email/escalation.txt", "autoescape off"): 1,
    ("templates/deliberations/email/escalation_answered.txt", "autoescape off"): 1,
    ("templates/deliberations/email/invitation.txt", "autoescape off"): 1,
    ("templates/deliberations/email/minutes.txt", "autoescape off"): 1,
    ("templates/deliberations/email/reminder.txt", "autoescape off"): 1,
    ("templates/digests/email/ready.txt", "autoescape off"): 1,
    ("templates/digests/email/signal_moved.txt", "autoescape off"): 1,
    # Django's name for the plain-text body of the password reset mail (email_template_name).
    ("templates/registration/password_reset_email.html", "autoescape off"): 1,
    # The SVG charts: every part is made with format_html (which escapes labels, numbers and
    # titles), then joined; mark_safe only marks the join of already-escaped parts.
    ("digests/charts.py", "mark_safe"): 3,
}


def template_uses() -> Counter:
    found: Counter = Counter()
    for path in sorted(ROOT.glob("templates/**/*")) + sorted(ROOT.glob("*/templates/**/*")):
        if not path.is_file() or ".venv" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for construct, pattern in TEMPLATE_UNSAFE.items():
            for _match in pattern.finditer(text):
                found[(str(path.relative_to(ROOT)), construct)] += 1
    return found


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def python_uses(source: str, filename: str) -> Counter:
    found: Counter = Counter()
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        literal_format = bool(node.args) and (
            isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
        )
        if name in ("mark_safe", "SafeString", "SafeText"):
            found[(filename, name)] += 1
        elif name in ("format_html", "format_html_join"):
            # format_html escapes its arguments, not its format: the format must be a literal
            # (format_html_join's is its second argument).
            fmt = node.args[1] if name == "format_html_join" and len(node.args) > 1 else None
            literal = (
                literal_format
                if fmt is None
                else (isinstance(fmt, ast.Constant) and isinstance(fmt.value, str))
            )
            # With nothing to fill in, format_html marks its format safe as it is.
            nothing_to_fill = len(node.args) == 1 and not node.keywords
            if not literal or (name == "format_html" and nothing_to_fill):
                found[(filename, f"{name} without a literal format")] += 1
        elif name in ("Template", "from_string"):
            found[(filename, f"{name} from a string")] += 1
    return found


def app_python() -> Counter:
    found: Counter = Counter()
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            found += python_uses(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    return found


def test_escaping_is_off_only_where_audited():
    found = template_uses() + app_python()
    new = {use: count for use, count in found.items() if AUDITED.get(use, 0) < count}
    assert not new, (
        "Unescaped output that nobody audited (file, construct): count. Escape the text, or "
        f"audit the use and list it in AUDITED in {Path(__file__).name}: {new}"
    )


def test_the_audit_list_has_no_stale_entries():
    found = template_uses() + app_python()
    stale = {use: count for use, count in AUDITED.items() if found.get(use, 0) != count}
    assert not stale, f"AUDITED lists uses that changed or are gone; update it: {stale}"


def test_the_scan_finds_each_unsafe_construct():
    """The control: the scanner sees each construct it is meant to forbid."""
    source = """
from django.template import Template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
mark_safe(case.title)
format_html(f"<p>{case.title}</p>")
format_html("<p>" + case.title + "</p>")
format_html(case.title)
format_html("<p>{}</p>", case.title)
format_html("<p>{title}</p>", title=case.title)
format_html("<p>constant</p>")
Template(case.title)
"""
    found = python_uses(source, "example.py")
    assert found == {
        ("example.py", "mark_safe"): 1,
        ("example.py", "format_html without a literal format"): 4,
        ("example.py", "Template from a string"): 1,
    }
    text = "{{ a|safe }} {{ b | safeseq }} {% autoescape off %}{% endautoescape %} {{ c|safe_x }}"
    counts = {name: len(pattern.findall(text)) for name, pattern in TEMPLATE_UNSAFE.items()}
    assert counts == {"|safe": 1, "|safeseq": 1, "autoescape off": 1}
