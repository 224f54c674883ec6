from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationConfig(AppConfig):
    name = "publication"
    label = "publication"
    verbose_name = _("锁定与发布")

    def ready(self):
        from publication import blockers, home_tasks, status
        from reporting import tasks

        tasks.register(home_tasks.publication_tasks)
        status.register(status.figure_forms)
        status.register(status.sections)
        blockers.register(blockers.unexplained_errors)
        blockers.register(blockers.figures_without_value)
