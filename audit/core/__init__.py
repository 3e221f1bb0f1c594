"""Core: findings and fixes, errors, the document model, text normalisation, phrase matching, safe file writes."""


class cached_property:  # noqa: N801 (functools' name, for what reads as one)
    """`functools.cached_property` without its lock, for the objects made once per article (Article,
    Context, Conventions): the value is worked out on the first read and kept in the instance's
    `__dict__`, where every later read finds it before this descriptor (it has no `__set__`).

    Python 3.11's takes one lock per property, shared by all instances, on every first read (an
    RLock entered and left, the dict asked twice): some 15 first reads an article, each a few times
    the cost of this one. Python 3.12 dropped the lock for the same reason; two threads reading a
    fresh property at once may each work it out, and one value is kept (jaanch gives an article to
    one thread)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value
