"""torch.return_types.<name>: the named tuples PyTorch's functions return (max(dim), sort, linalg.lstsq ...).

PyTorch makes them with CPython's structseq, not collections.namedtuple: built from one sequence
(``type(r)((values, indices))``), read-only fields, ``n_fields`` / ``n_sequence_fields`` / ``n_unnamed_fields``
and no ``_fields`` / ``_asdict`` / ``_replace`` / ``_make``; errors name the type ``torch.return_types.<name>``.
The pytree of torch.func and default_collate tell them from namedtuples by the missing ``_fields``."""
from operator import itemgetter

MODULE = "torch.return_types"
TYPES = {}   # name -> class, what the torch.return_types module lists


def _field(index):
    get = itemgetter(index)

    def fset(self, value):
        raise AttributeError("readonly attribute")

    return property(get, fset, fset)


class _Structseq(tuple):
    """The methods every return type takes (copied into each class, whose only base is tuple, as in PyTorch)."""

    __slots__ = ()
    _names = ()

    def __new__(cls, *args, **kwargs):
        given = len(args) + len(kwargs)
        if given > 2:
            raise TypeError(f"structseq() takes at most 2 arguments ({given} given)")
        named = dict(zip(("sequence", "dict"), args))
        for key, value in kwargs.items():
            if key in named:
                raise TypeError(f"argument for structseq() given by name ('{key}') and position "
                                f"({1 if key == 'sequence' else 2})")
            named[key] = value
        if "sequence" not in named:
            raise TypeError("structseq() missing required argument 'sequence' (pos 1)")
        for key in kwargs:
            if key not in ("sequence", "dict"):
                raise TypeError(f"'{key}' is an invalid keyword argument for structseq()")
        full = f"{cls.__module__}.{cls.__name__}"
        try:
            items = tuple(named["sequence"])
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        if "dict" in named and not isinstance(named["dict"], dict):
            raise TypeError(f"{full}() takes a dict as second arg, if any")
        if len(items) != cls.n_fields:
            raise TypeError(f"{full}() takes a {cls.n_fields}-sequence ({len(items)}-sequence given)")
        return tuple.__new__(cls, items)

    def __getattr__(self, name):   # (only for names the type does not have)
        raise AttributeError(f"'{type(self).__module__}.{type(self).__name__}' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        if name in type(self)._names:
            raise AttributeError("readonly attribute")
        raise AttributeError(f"'{type(self).__module__}.{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        self.__setattr__(name, None)

    def __setitem__(self, key, value):
        raise TypeError(f"'{type(self).__module__}.{type(self).__name__}' object does not support item assignment")

    def __repr__(self):
        body = ",\n".join(f"{f}={v!r}" for f, v in zip(self._names, self))
        return f"{type(self).__module__}.{type(self).__name__}(\n{body})"

    def __reduce__(self):
        return type(self), (tuple(self), {})


def return_type(name, fields=("values", "indices")):
    """The class torch.return_types.<name> with these fields (one class per name)."""
    cls = TYPES.get(name)
    if cls is not None:
        return cls
    namespace = {k: v for k, v in vars(_Structseq).items() if k not in ("__dict__", "__weakref__", "__doc__")}
    namespace.update({f: _field(i) for i, f in enumerate(fields)})
    namespace.update(__slots__=(), __module__=MODULE, __qualname__=name, __match_args__=tuple(fields),
                     _names=tuple(fields), n_fields=len(fields), n_sequence_fields=len(fields), n_unnamed_fields=0,
                     __doc__=None)
    cls = TYPES[name] = type(name, (tuple,), namespace)
    return cls


def fields_of(result):
    """The field names of a return type (or of a namedtuple)."""
    return getattr(type(result), "_names", None) or type(result)._fields
