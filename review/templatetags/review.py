"""{% review_status year kind key %}: the review state of a form or section on its own page,
with the links to the item's thread and history (and 提交 for the department's head)."""

from django import template

from review.items import find_item
from review.services import can_submit

register = template.Library()


@register.inclusion_tag("review/_status.html", takes_context=True)
def review_status(context, year, kind, key):
    item = find_item(year, kind, key)
    user = context["request"].user
    return {
        "item": item,
        "can_submit": item is not None
        and can_submit(user, item)
        and item.state in ("draft", "returned"),
        "read_only": item is not None
        and not (user.is_superuser or user.is_editor)
        and item.state in ("submitted", "approved", "changed"),
        "csrf_token": context.get("csrf_token"),
    }
