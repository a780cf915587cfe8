"""The one exception the pipeline raises: a failure a person must act on."""


class GenerationError(Exception):
    """Generation failed; the message says what was wrong and what to do.

    The pipeline raises it before it touches generated/, so the committed
    package is never left half-written.
    """
