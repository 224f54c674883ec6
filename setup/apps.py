from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SetupConfig(AppConfig):
    name = "setup"
    label = "setup"
    verbose_name = _("学校设置")

    def ready(self):
        from reporting import tasks
        from reporting.demo.organisation import register_school_defaults
        from setup.checklist import checklist_tasks
        from setup.template import assign_defaults

        tasks.register(checklist_tasks)
        register_school_defaults(assign_defaults)
