"""torch.compile, run eagerly: a compiled module is PyTorch's OptimizedModule wrapper around the original (its
parameters named ``_orig_mod.*``, as in PyTorch's state_dict), a compiled function the function itself. The engine
has no compiler: values are what eager PyTorch gives; the outputs' grad_fn are the eager nodes (PyTorch shows its
compiled graph as one CompiledFunctionBackward node)."""
import functools

from .nn.module import Module

_MODES = ("default", "lite", "reduce-overhead", "max-autotune-no-cudagraphs", "max-autotune")


class OptimizedModule(Module):
    __module__ = "torch._dynamo.eval_frame"

    def __init__(self, mod):
        super().__init__()
        self._orig_mod = mod

    def forward(self, *args, **kwargs):
        return self._orig_mod(*args, **kwargs)

    def __getattr__(self, name):
        try:
            return super().__getattr__(name)
        except AttributeError:
            return getattr(self._modules["_orig_mod"], name)


def compile(model=None, *, fullgraph=False, dynamic=None, backend="inductor", mode=None, options=None,  # noqa: A001
            disable=False):
    if model is None:
        return lambda m: compile(m, fullgraph=fullgraph, dynamic=dynamic, backend=backend, mode=mode,
                                 options=options, disable=disable)
    if mode is not None and options is not None:
        raise RuntimeError("Either mode or options can be specified, but both can't be specified at the same time.")
    if mode is not None and mode not in _MODES:
        raise RuntimeError(f"Unrecognized mode={mode}, should be one of: {', '.join(_MODES)}")
    if not callable(model):
        raise AssertionError(f"A callable function is expected, but {type(model)} is provided.")
    if disable:
        return model
    if isinstance(model, Module):
        return OptimizedModule(model)

    @functools.wraps(model)
    def compiled(*args, **kwargs):
        return model(*args, **kwargs)
    return compiled


def is_compiling():
    return False


def reset():
    pass


def _module_compile(self, *args, **kwargs):
    """Module.compile(): PyTorch compiles the module's call in place (its parameter names stay, no ``_orig_mod.``)
    and returns None. Run eagerly here: the options are checked as torch.compile checks them, nothing else changes."""
    compile(self, *args, **kwargs)


Module.compile = _module_compile   # bound here: nn.module cannot import this module (it imports nn.module)
