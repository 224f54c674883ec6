"""Photo files, only for members of the photo's school (config/urls.py keeps the /media/ URL)."""

from django.views.decorators.http import require_safe

from narrative.access import get_photo_for_user
from reporting.files import private_file_response


@require_safe
def photo_file(request, school, year, name):
    return private_file_response(get_photo_for_user(request, school, year, name))
