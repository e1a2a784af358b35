"""One presenter per page family: it gathers what the page's template shows, and
answers the page's sub-routes (detail pages, dashboard, feeds). Importing this package
connects each presenter to its page class (plan/models/presenting.py); plan/apps.py
does it when the app is ready."""

from plan.public.presenters import appendix, areas, home, plans, updates

__all__ = ["appendix", "areas", "home", "plans", "updates"]
