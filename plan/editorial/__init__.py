"""Editorial work: roles and agency scope, review of results files, reminders, and
the admin screens."""
