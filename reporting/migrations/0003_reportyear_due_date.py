# The review and the setup work both added ReportYear.due_date; this keeps one field, the
# review's (0002_reportyear_due_date_and_staff_role), with the setup's help text.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reporting', '0003_merge_lock_and_review'),
    ]

    operations = [
        migrations.AlterField(
            model_name='reportyear',
            name='due_date',
            field=models.DateField(blank=True, help_text='各部门完成填报和撰写的日期。', null=True, verbose_name='提交截止日期'),
        ),
    ]
