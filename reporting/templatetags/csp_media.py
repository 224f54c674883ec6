"""Form media under the Content-Security-Policy.

The prose editor is an ES module that needs an import map, and browsers read import maps only
inline (`<script type="importmap">`). That one tag gets the request's CSP nonce; every other
script stays an external file and inline handlers stay forbidden.
"""

from django import template
from js_asset import Media

register = template.Library()


@register.simple_tag(takes_context=True)
def media_with_nonce(context, media):
    """`{% media_with_nonce form.media %}`: the media, its import map allowed by the nonce."""
    return Media.from_media(media, nonce=str(context["request"].csp_nonce))
