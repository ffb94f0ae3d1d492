"""numpy's argument names, as PyTorch's argument parser accepts them for its native functions.

python_arg_parser.cpp (``numpy_compatibility_arg_names``) lets every function written in C++ take ``axis`` for
``dim`` and ``keepdims`` for ``keepdim``: d2l's code, written for several frameworks at once, says
``torch.cat(xs, axis=1)``, ``torch.stack(boxes, axis=-1)``, ``X.softmax(axis=1)``. Functions that PyTorch writes in
Python (``torch.split``, ``Tensor.norm``, ``Tensor.unflatten``, ``torch.unique``, ``nn.functional.*``) do not, and
are left out here so that they raise PyTorch's TypeError.
"""
import functools
import types

# torch.* functions with a dim argument that are native in PyTorch (sum, mean, max, all ... take the names already)
FUNCTIONS = ("cat", "stack", "concat", "concatenate", "cumsum", "cumprod", "softmax", "log_softmax", "argsort", "sort",
             "topk", "gather", "index_select", "squeeze", "unsqueeze", "chunk", "tensor_split", "unbind", "logsumexp",
             "median", "nanmedian", "mode", "nanmean", "nansum", "kthvalue", "cummax", "cummin", "count_nonzero",
             "select", "narrow", "repeat_interleave", "take_along_dim", "aminmax", "var_mean", "std_mean", "quantile",
             "nanquantile", "diff", "unflatten", "cosine_similarity", "cross", "index_add", "index_copy", "index_fill",
             "scatter", "scatter_add", "scatter_reduce", "trapezoid", "trapz", "cumulative_trapezoid", "logcumsumexp",
             "renorm", "glu", "msort")

# Tensor methods likewise (Tensor.unflatten is written in Python in PyTorch: not here)
METHODS = tuple(n for n in FUNCTIONS if n not in ("cat", "stack", "concat", "concatenate", "unflatten", "trapezoid",
                                                      "trapz", "cumulative_trapezoid", "cosine_similarity", "glu")) + (
    "cumsum_", "cumprod_", "squeeze_", "unsqueeze_", "index_add_", "index_copy_", "index_fill_", "scatter_",
    "scatter_add_", "scatter_reduce_", "renorm_", "size", "stride")


def numpy_names(fn):
    """fn, also taking ``axis=`` for ``dim=`` and ``keepdims=`` for ``keepdim=``."""
    @functools.wraps(fn)
    def call(*args, **kwargs):
        if kwargs:
            if "axis" in kwargs and "dim" not in kwargs:
                kwargs["dim"] = kwargs.pop("axis")
            if "keepdims" in kwargs and "keepdim" not in kwargs:
                kwargs["keepdim"] = kwargs.pop("keepdims")
        return fn(*args, **kwargs)
    return call


def accept_numpy_names(namespace, names):
    """Wrap namespace's (a dict or a class) functions of these names with numpy_names; absent names are skipped."""
    for name in names:
        if isinstance(namespace, dict):
            if name in namespace:
                namespace[name] = numpy_names(namespace[name])
        elif name in vars(namespace) or hasattr(namespace, name):
            setattr(namespace, name, numpy_names(getattr(namespace, name)))


# Tensor methods that PyTorch writes in Python (torch/_tensor.py): a wrong keyword names them "Tensor.split()"
PYTHON_METHODS = ("split", "unflatten", "unique", "unique_consecutive")


def name_as_tensor_methods(cls, names):
    """Give cls's methods of these names their own function object named ``Tensor.<name>`` (the torch.* function of
    the same name, often the same object, keeps its plain name, as PyTorch's do)."""
    for name in names:
        fn = vars(cls).get(name) or getattr(cls, name, None)
        if not isinstance(fn, types.FunctionType):
            continue
        method = types.FunctionType(fn.__code__, fn.__globals__, name, fn.__defaults__, fn.__closure__)
        method.__kwdefaults__, method.__doc__, method.__dict__ = fn.__kwdefaults__, fn.__doc__, dict(fn.__dict__)
        method.__qualname__ = f"Tensor.{name}"
        setattr(cls, name, method)
