"""Existing schools keep who fills what: before per-school assignments, a group or data set
belonged to the department whose code equalled the catalog's code. Record exactly that."""

from django.db import migrations

# The data sets' catalog groups when assignments were introduced (metrics/datasets.py).
DATASET_GROUPS = {
    "certificates": "jiaowu",
    "gaokao_3plus": "zhaosheng",
    "progression": "zhaosheng",
    "funding": "caiwu",
    "project_spending": "caiwu",
    "major_changes": "zhaosheng",
    "enrolment_plan": "zhaosheng",
    "majors": "zhaosheng",
    "teacher_titles": "renshi",
    "dual_teachers": "renshi",
    "major_industry": "jiaowu",
}


def forwards(apps, schema_editor):
    Assignment = apps.get_model("metrics", "Assignment")
    Department = apps.get_model("reporting", "Department")
    Indicator = apps.get_model("metrics", "Indicator")
    groups = set(Indicator.objects.values_list("department_code", flat=True))
    for department in Department.objects.all():
        items = [("indicators", department.code)] if department.code in groups else []
        items += [("dataset", k) for k, g in DATASET_GROUPS.items() if g == department.code]
        for kind, key in items:
            Assignment.objects.get_or_create(
                school_id=department.school_id, kind=kind, key=key,
                defaults={"department": department},
            )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("metrics", "0007_school_assignments")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
