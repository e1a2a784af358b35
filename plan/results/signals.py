"""Sent after results were written in bulk (imports, syncs, demo figures), which raw
SQL does without Django's model signals: pages that show figures listen."""

from django.dispatch import Signal

results_changed = Signal()
