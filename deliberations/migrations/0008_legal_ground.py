"""Legal grounds for departing from the rule, seeded in Dutch (administrators edit them in
admin), and the decision's ground with its explanation.

The frozen-decision trigger (0007) needs no change for INSERT: the ground is written with the
decision, before it is frozen. Its UPDATE branch lets the retention job anonymise the new free
text, `legal_ground_text`, like the decision's other texts.
"""

import importlib

import django.db.models.deletion
from django.db import migrations, models



GROUNDS = [
    (
        "hardheidsclausule",
        "De regeling zelf staat afwijken toe als toepassing onbillijk uitpakt.",
        False,
    ),
    (
        "art. 4:84 Awb",
        "Afwijken van beleidsregels als de gevolgen onevenredig zijn voor het doel.",
        False,
    ),
    (
        "beleidsruimte",
        "De regel laat zelf ruimte voor een afweging in het individuele geval.",
        False,
    ),
    (
        "buitenwettelijk begunstigend beleid",
        "Vastgesteld beleid dat inwoners meer biedt dan de wet voorschrijft.",
        False,
    ),
    ("anders", "Een andere grondslag; licht toe welke.", True),
]

_0007 = importlib.import_module("deliberations.migrations.0007_append_only_records")
OLD_TEXTS = "ARRAY['rationale', 'values_weighing', 'refer_to', 'difference', 'supersede_reason']"
NEW_TEXTS = (
    "ARRAY['rationale', 'values_weighing', 'refer_to', 'difference', 'supersede_reason',\n"
    "            'legal_ground_text']"
)
assert OLD_TEXTS in _0007.CREATE


def seed(apps, schema_editor):
    LegalGround = apps.get_model("deliberations", "LegalGround")
    for position, (name, description, requires_text) in enumerate(GROUNDS, start=1):
        LegalGround.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "requires_text": requires_text,
                "position": position,
            },
        )


def anonymisable_ground_text(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_0007.CREATE.replace(OLD_TEXTS, NEW_TEXTS))


def previous_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_0007.CREATE)


class Migration(migrations.Migration):

    dependencies = [
        ('deliberations', '0007_append_only_records'),
    ]

    operations = [
        migrations.CreateModel(
            name='LegalGround',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=160, unique=True, verbose_name='name')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('requires_text', models.BooleanField(default=False, help_text='The decision must explain in words which ground applies ("other").', verbose_name='asks for an explanation')),
                ('position', models.PositiveIntegerField(default=0, verbose_name='position')),
            ],
            options={
                'verbose_name': 'legal ground',
                'verbose_name_plural': 'legal grounds',
                'ordering': ['position', 'name'],
            },
        ),
        migrations.AddField(
            model_name='decision',
            name='legal_ground_text',
            field=models.TextField(blank=True, max_length=1000, verbose_name='legal ground explained'),
        ),
        migrations.AddField(
            model_name='decision',
            name='legal_ground',
            field=models.ForeignKey(blank=True, help_text='Required for a justified deviation and for room within the rules.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='deliberations.legalground', verbose_name='legal ground'),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(anonymisable_ground_text, previous_triggers),
    ]
