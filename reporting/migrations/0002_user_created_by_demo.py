from django.contrib.auth.hashers import check_password
from django.db import migrations, models

DEMO_USERNAMES = [
    "editor", "schooladmin", "zhaosheng", "caiwu", "jiaowu", "xuesheng", "tuanwei", "gonghui",
    "dangzongzhi", "renshi", "zhiliang", "bangongshi",
]  # fmt: skip


def mark_existing_demo_accounts(apps, schema_editor):
    """Accounts an earlier `load_demo` made: in the demo school, still with the demo password.
    Anything else with a demo name is a real account and stays unmarked (never touched)."""
    User = apps.get_model("reporting", "User")
    candidates = User.objects.filter(
        username__in=DEMO_USERNAMES, school__slug="lianzhou", is_superuser=False
    )
    for user in candidates:
        if check_password("demo", user.password):
            User.objects.filter(pk=user.pk).update(created_by_demo=True)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="created_by_demo",
            field=models.BooleanField(default=False, editable=False, verbose_name="示例账号"),
        ),
        migrations.RunPython(mark_existing_demo_accounts, migrations.RunPython.noop),
    ]
