"""{% current_edition_files year %}: the files a locked year was published as, for pages of
the apps below publication (the exports page) that must not import it."""

from django import template

from publication.models import current_edition

register = template.Library()


@register.inclusion_tag("publication/current_edition.html")
def current_edition_files(year):
    return {"year": year, "edition": current_edition(year)}
