from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "review"
    label = "review"
    verbose_name = _("审核")

    def ready(self):
        from django.db.models.signals import post_save

        from publication import blockers, status
        from publication.models import LockEvent
        from reporting import tasks
        from reporting.edit_guard import register_edit_guard
        from review import home_tasks
        from review.activity import log_lock_event
        from review.blockers import review_blockers, review_statuses
        from review.guard import edit_refusal

        tasks.register(home_tasks.review_tasks)
        # Items not approved keep the year from being locked; year_status lists their states.
        blockers.register(review_blockers)
        status.register(review_statuses)
        # Submitted and approved figures are read-only for their department (metrics asks).
        register_edit_guard(edit_refusal)
        post_save.connect(log_lock_event, sender=LockEvent, dispatch_uid="review-lock-events")
