"""The plan as content: the data file and its loader, codes in URLs, and the
querysets the public pages read."""
