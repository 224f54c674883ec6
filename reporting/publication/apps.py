from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationConfig(AppConfig):
    name = "reporting.publication"
    label = "publication"
    verbose_name = _("锁定与发布")

    def ready(self):
        from reporting import tasks
        from reporting.publication import blockers, home_tasks, status

        tasks.register(home_tasks.publication_tasks)
        status.register(status.figure_forms)
        status.register(status.sections)
        blockers.register(blockers.unexplained_errors)
        blockers.register(blockers.figures_without_value)
