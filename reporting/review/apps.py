from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "reporting.review"
    label = "review"
    verbose_name = _("审核")

    def ready(self):
        from reporting import tasks
        from reporting.review import home_tasks

        tasks.register(home_tasks.review_tasks)
