"""Errors a user can cause. Each carries a plain one-line message; the CLI prints it without a trace."""


class LaaReviewError(Exception):
    """Base class: anything the user can fix or should be told about in one line."""


class UnreadableDocument(LaaReviewError):
    """A file that cannot be read as a document (corrupt, encrypted, unsupported, empty)."""


class UnsupportedFormat(UnreadableDocument):
    """The file's content is not a format laa-review reads."""


class ModelError(LaaReviewError):
    """A trained model is missing, corrupt or from an incompatible version."""


class DocumentTimeout(BaseException):
    """A document ran past its time limit. A BaseException, so no parser's `except Exception` swallows it."""
