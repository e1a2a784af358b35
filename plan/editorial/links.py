"""Links in e-mails: absolute, from the address the site is reached at."""

from django.conf import settings


def absolute_url(path):
    """An absolute link for an e-mail: the configured WAGTAILADMIN_BASE_URL + path
    (a path that is already absolute is kept). Wagtail builds its own workflow e-mails
    from the same setting."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")
