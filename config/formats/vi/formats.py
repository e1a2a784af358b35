# Django's Vietnamese formats leave thousands ungrouped; Vietnamese writes 1.234,5.
from django.conf.locale.vi.formats import *  # noqa: F401,F403

NUMBER_GROUPING = 3
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
SHORT_DATE_FORMAT = "d/m/Y"
