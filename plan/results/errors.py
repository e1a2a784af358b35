"""The errors of reading a results file, shared by the readers and the limits."""


class ReadError(ValueError):
    """The file as a whole cannot be read; the message is in Vietnamese."""
