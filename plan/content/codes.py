"""Task and indicator codes in URLs. Wagtail's page URLs admit no dots, so a code
such as "3.a.4.1" appears as "3-a-4-1"; codes themselves never contain hyphens."""


def code_to_url(code):
    return code.replace(".", "-")


def code_from_url(url_code):
    return url_code.replace("-", ".")


INDICATOR_KEY = "indicator:"


def indicator_key(code):
    """The key of what load_plan wrote for an indicator (LoadRecord.key)."""
    return INDICATOR_KEY + code


def area_key(url_path):
    """The key of what load_plan wrote for an area page and its tasks."""
    return "areapage:" + url_path
