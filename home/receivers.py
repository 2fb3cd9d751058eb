"""What every signal receiver of the site shares (the search index's, the page cache's)."""

import functools
import logging


def logged_as(failure):
    """A decorator for signal receivers: an exception is logged as "<failure> failed in
    <receiver>" by the receiver's module logger, not raised, so that the action that sent the
    signal (an editor's publish) goes through."""

    def decorator(receiver_function):
        logger = logging.getLogger(receiver_function.__module__)

        @functools.wraps(receiver_function)
        def wrapper(*args, **kwargs):
            try:
                receiver_function(*args, **kwargs)
            except Exception:
                logger.exception("%s failed in %s", failure, receiver_function.__name__)

        return wrapper

    return decorator
