from django.db import migrations


def load(apps, schema_editor):
    """Brings the rule catalog up to date (adds `computed-matches-reported`)."""
    from metrics.catalog import load_catalog

    load_catalog(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("metrics", "0004_reported_values"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
