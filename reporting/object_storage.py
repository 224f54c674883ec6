"""S3-compatible object storage for photos, exports and published editions (OBJECT_STORAGE_BUCKET).

The bucket stays private: a file's URL is the site's own /media/ path, exactly as with the local
folder, so every download still passes the view that checks the school and role
(reporting/files.py, publication/views.py) and nobody is handed a link into the bucket. Names
are never reused: saving under a taken name gets a fresh one, as on disk.
"""

from __future__ import annotations

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateObjectStorage(S3Storage):
    default_acl = None  # the bucket's own policy: private
    querystring_auth = True
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))
