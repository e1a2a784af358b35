"""Progress: the pure rules (status, targets, periods) and the read model that feeds
them from the database."""
