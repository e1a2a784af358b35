"""The admin screens of the project (registered in plan/wagtail_hooks.py)."""
