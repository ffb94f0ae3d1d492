"""Tensor methods that print as PyTorch's C methods print. A lesson that forgets the call, ``print(loss.item)``,
shows ``<built-in method item of Tensor object at 0x...>``; ``f"{loss.item:.4f}"`` raises builtin_function_or_method's
TypeError. Only the methods lessons name without calling them are wrapped: a wrapped call costs one more Python call."""


class builtin_function_or_method:
    """A wrapped method bound to its tensor."""
    __slots__ = ("__self__", "__func__", "__name__")

    def __init__(self, fn, obj, name):
        self.__func__, self.__self__, self.__name__ = fn, obj, name

    def __call__(self, *args, **kwargs):
        return self.__func__(self.__self__, *args, **kwargs)

    def __repr__(self):
        return f"<built-in method {self.__name__} of {type(self.__self__).__name__} object at {hex(id(self.__self__))}>"

    def __format__(self, spec):
        if spec:
            raise TypeError("unsupported format string passed to builtin_function_or_method.__format__")
        return repr(self)

    def __eq__(self, other):
        return (isinstance(other, builtin_function_or_method) and other.__self__ is self.__self__
                and other.__func__ is self.__func__)

    def __hash__(self):
        return hash((id(self.__self__), self.__func__))

    def __getattr__(self, name):
        if name == "__qualname__":
            return f"Tensor.{self.__name__}"
        raise AttributeError(f"'builtin_function_or_method' object has no attribute '{name}'")

class method_descriptor:
    """The class attribute (``torch.Tensor.item``): binds to a tensor, or is called with one."""
    __slots__ = ("__func__", "__name__")

    def __init__(self, fn, name):
        self.__func__, self.__name__ = fn, name

    def __get__(self, obj, cls=None):
        return self if obj is None else builtin_function_or_method(self.__func__, obj, self.__name__)

    def __call__(self, obj, *args, **kwargs):
        return self.__func__(obj, *args, **kwargs)

    def __repr__(self):
        return f"<method '{self.__name__}' of 'torch._C.TensorBase' objects>"


# the methods whose call a learner forgets: print(loss.item), x.size, x.numpy ...
NAMES = ("item", "size", "numpy", "tolist", "dim", "numel", "backward", "zero_", "detach", "clone", "cpu", "float",
         "long", "sum", "mean", "max", "min", "argmax", "argmin")


def wrap_methods(cls):
    """Replace cls's NAMES methods by method descriptors (each keeps the function it was)."""
    for name in NAMES:
        fn = getattr(cls, name)
        if callable(fn) and not isinstance(fn, method_descriptor):
            setattr(cls, name, method_descriptor(fn, name))
