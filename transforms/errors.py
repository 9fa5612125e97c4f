"""The pipeline's exceptions. Each says what went wrong in one sentence a user can act on; the CLI prints
``str(error)`` as its one-paragraph reason."""

from __future__ import annotations


class CorpusError(Exception):
    """Base class: an error the pipeline reports to its user (not a bug)."""


class TaxonomyError(CorpusError, ValueError):
    """The taxonomy file is malformed."""


class InputError(CorpusError):
    """The raw directory (or another input) cannot be used at all."""


class RejectedInputError(CorpusError):
    """Strict mode: at least one raw file was rejected."""


class ValidationFailed(CorpusError):
    """A blocking check failed; nothing was published."""


class PublishError(CorpusError):
    """The outputs could not be published."""
