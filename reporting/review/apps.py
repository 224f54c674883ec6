from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "reporting.review"
    label = "review"
    verbose_name = _("审核")

    def ready(self):
        from reporting import tasks
        from reporting.publication import blockers, status
        from reporting.review import home_tasks
        from reporting.review.blockers import review_blockers, review_statuses

        tasks.register(home_tasks.review_tasks)
        blockers.register(review_blockers)
        status.register(review_statuses)
