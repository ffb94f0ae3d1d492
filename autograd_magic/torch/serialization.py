"""torch.save / torch.load: tensors, Parameters, state dicts, whole models and optimizers and containers of them,
pickled with each tensor as its numpy array.

A file written here is read back here (not by real PyTorch): each tensor is stored as its array, whether it
requires grad and whether it is an nn.Parameter, so a loaded tensor prints like the saved one.
"""
import io
import os
import pickle
import sys

from ..engine.tensor import Tensor
from .nn.module import Parameter

_FORMAT = "autograd_magic.save/1"


class _Stored:
    """A pickled tensor: its array, requires_grad, and whether it was a Parameter."""

    def __init__(self, data, requires_grad, parameter):
        self.data, self.requires_grad, self.parameter = data, requires_grad, parameter


class _Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Tensor):
            return ("tensor", _Stored(obj._data.copy(), bool(obj.requires_grad), isinstance(obj, Parameter)))
        if isinstance(obj, type) and _named_as_torch(obj):
            # nn.Linear prints as <class 'torch.nn.modules.linear.Linear'>, where pickle would look it up:
            # stored by that name, found again among the engine's classes (torch.save(model) of the tutorials)
            return ("class", obj.__module__, obj.__qualname__)
        return None


def _named_as_torch(cls):
    """An engine class that carries PyTorch's module name (and so cannot be found under it)."""
    return (cls.__module__.partition(".")[0] == "torch"
            and getattr(sys.modules.get(cls.__module__), cls.__qualname__, None) is not cls)


def _engine_class(module, qualname):
    for name, mod in list(sys.modules.items()):
        if name.startswith(_PACKAGE) and mod is not None:
            for value in list(vars(mod).values()):
                if isinstance(value, type) and value.__module__ == module and value.__qualname__ == qualname:
                    return value
    raise pickle.UnpicklingError(f"{module}.{qualname} is not a class autograd_magic implements")


_PACKAGE = __name__.rpartition(".")[0]   # autograd_magic.torch


class _Unpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, stored = pid[0], pid[1]
        if kind == "class":
            return _engine_class(*pid[1:])
        if kind != "tensor":
            raise pickle.UnpicklingError(f"unknown persistent id {kind!r}")
        if stored.parameter:
            return Parameter(Tensor._wrap(stored.data), requires_grad=stored.requires_grad)
        t = Tensor._wrap(stored.data)
        if stored.requires_grad:
            t.requires_grad_()
        return t


def save(obj, f, pickle_module=None, pickle_protocol=2, _use_new_zipfile_serialization=True):
    """Write obj (tensors, Parameters, dicts, lists ... of them) to a path or a binary file object.

    >>> torch.save(model.state_dict(), "model.pt")
    """
    buf = io.BytesIO()
    buf.write(_FORMAT.encode() + b"\n")
    _Pickler(buf, protocol=max(pickle_protocol, 2)).dump(obj)
    if isinstance(f, (str, os.PathLike)):
        with open(f, "wb") as fh:
            fh.write(buf.getvalue())
    else:
        f.write(buf.getvalue())


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args):
    """Read back what torch.save wrote.

    >>> model.load_state_dict(torch.load("model.pt"))
    """
    if isinstance(f, (str, os.PathLike)):
        with open(f, "rb") as fh:
            raw = fh.read()
    else:
        raw = f.read()
    head, _, body = raw.partition(b"\n")
    if head != _FORMAT.encode():
        raise pickle.UnpicklingError("autograd_magic's torch.load reads files written by its own torch.save "
                                     "(this file was not)")
    return _Unpickler(io.BytesIO(body)).load()
