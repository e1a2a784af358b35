"""Seed fidelity: the site holds the 2024 plan as published, word for word and count
for count. A suite of its own (`pytest tests/seed_fidelity` or `-m seed`): the other
tests build the cases they need (tests/builders.py)."""
