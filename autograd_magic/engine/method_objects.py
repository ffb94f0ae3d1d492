"""Tensor methods that print as PyTorch's C methods print. A lesson that forgets the call, ``print(loss.item)``,
shows ``<built-in method item of Tensor object at 0x...>``; ``f"{loss.item:.4f}"`` raises builtin_function_or_method's
TypeError; ``torch.Tensor.item`` is ``<method 'item' of 'torch._C.TensorBase' objects>`` and can be called with a
tensor. Only the methods lessons name without calling them are wrapped.

Made of C-level parts so that a call costs what a plain method call costs (these are a training loop's ``item()``,
``sum()``, ``zero_()``): the class attribute is a property (its instance access runs in C) whose getter is a
functools.partial (C) making the bound method, a functools.partial subclass (its call runs in C)."""
import functools


class builtin_function_or_method(functools.partial):
    """A wrapped method bound to its tensor: ``func`` the method, ``args`` (the tensor,)."""
    __slots__ = ()

    @property
    def __self__(self):
        return self.args[0]

    @property
    def __func__(self):
        return self.func

    def __repr__(self):
        obj = self.args[0]
        return f"<built-in method {self.__name__} of {type(obj).__name__} object at {hex(id(obj))}>"

    def __format__(self, spec):
        if spec:
            raise TypeError("unsupported format string passed to builtin_function_or_method.__format__")
        return repr(self)

    def __eq__(self, other):
        return (isinstance(other, builtin_function_or_method) and other.args[0] is self.args[0]
                and other.func is self.func)

    def __hash__(self):
        return hash((id(self.args[0]), self.func))

    def __reduce__(self):
        return getattr, (self.args[0], self.__name__)

    def __getattr__(self, name):   # (only for names the class does not have)
        if name == "__qualname__":
            return f"Tensor.{self.__name__}"
        raise AttributeError(f"'builtin_function_or_method' object has no attribute '{name}'")


class method_descriptor(property):
    """The class attribute: on a tensor, its bound method (built in C: property -> partial -> partial); on the class
    (``torch.Tensor.item``), itself, which can be called with a tensor."""

    def __init__(self, fn, name):
        # one bound-method class per name: its __name__ (and __qualname__) are class attributes, nothing per call
        bound = type("builtin_function_or_method", (builtin_function_or_method,),
                     {"__slots__": (), "__name__": name, "__module__": "builtins"})
        super().__init__(functools.partial(bound, fn), doc=getattr(fn, "__doc__", None))
        self.__func__, self.method_name = fn, name
        self.__name__, self.__qualname__ = name, f"TensorBase.{name}"   # (what __torch_function__ reads)

    def __call__(self, obj, *args, **kwargs):
        return self.__func__(obj, *args, **kwargs)

    def __repr__(self):
        return f"<method '{self.method_name}' of 'torch._C.TensorBase' objects>"


# the methods whose call a learner forgets: print(loss.item), x.size, x.numpy ...
NAMES = ("item", "size", "numpy", "tolist", "dim", "numel", "backward", "zero_", "detach", "clone", "cpu", "float",
         "long", "sum", "mean", "max", "min", "argmax", "argmin")


def wrap_methods(cls):
    """Replace cls's NAMES methods by method descriptors (each keeps the function it was)."""
    for name in NAMES:
        fn = getattr(cls, name)
        if callable(fn) and not isinstance(fn, method_descriptor):
            setattr(cls, name, method_descriptor(fn, name))
