"""torch.compile, run eagerly: a compiled module is PyTorch's OptimizedModule wrapper around the original (its
parameters named ``_orig_mod.*``, as in PyTorch's state_dict), a compiled function a wrapper of the function itself.
The engine has no compiler: values are what eager PyTorch gives. Gradients are PyTorch's too, and so is what
``grad_fn`` shows: PyTorch's AOTAutograd (every backend but ``"eager"`` and user callables) records a compiled
region's backward as one node, ``CompiledFunctionBackward``, shared by the region's outputs that require grad; here
that node sits on top of the region's eager graph and passes the gradients through to it (so its next_functions are
the eager nodes, where PyTorch shows the region's inputs)."""
import functools

from .autograd.function import Function
from .distributions.distribution import Distribution
from .nn.module import Module
from ..engine.argcheck import in_class
from ..engine.tensor import Tensor

_MODES = ("default", "lite", "reduce-overhead", "max-autotune-no-cudagraphs", "max-autotune")


class CompiledFunction(Function):
    """The autograd.Function of a compiled region (its node: ``CompiledFunctionBackward``): identity here."""

    @staticmethod
    def forward(ctx, *outputs):
        ctx.set_materialize_grads(False)
        return outputs

    @staticmethod
    def backward(ctx, *grads):
        return grads


def _root(t):
    return t if t._base is None else t._base


def _flatten(out, found):
    """The tensors of a function's result (tensors, tuples, lists, dicts nested), in order."""
    if isinstance(out, Tensor):
        found.append(out)
    elif isinstance(out, (tuple, list)):
        for o in out:
            _flatten(o, found)
    elif isinstance(out, dict):
        for o in out.values():
            _flatten(o, found)
    return found


def _rebuild(out, swap):
    """out with each tensor replaced by swap[id(tensor)] where there is one (containers rebuilt as their type)."""
    if isinstance(out, Tensor):
        return swap.get(id(out), out)
    if isinstance(out, tuple):
        items = [_rebuild(o, swap) for o in out]
        return type(out)(*items) if hasattr(out, "_fields") else type(out)(items)
    if isinstance(out, list):
        return [_rebuild(o, swap) for o in out]
    if isinstance(out, dict):
        return type(out)((k, _rebuild(v, swap)) for k, v in out.items())
    return out


def _as_compiled_region(out, inputs):
    """A compiled region's result as AOTAutograd gives it: the outputs that require grad, except the inputs and
    views of them (which PyTorch replays as eager views), come out of one CompiledFunctionBackward node."""
    roots = {id(_root(t)) for t in inputs}
    routed = [t for t in _flatten(out, []) if t.requires_grad and t.grad_fn is not None and id(_root(t)) not in roots]
    if not routed:
        return out
    unique = list({id(t): t for t in routed}.values())
    swap = dict(zip(map(id, unique), CompiledFunction.apply(*unique)))
    return _rebuild(out, swap)


def _traced_by_aot(backend):
    return isinstance(backend, str) and backend != "eager"


def _run_compiled(fn, backend, args, kwargs, extra_inputs=()):
    """fn(*args, **kwargs) as a compiled call returns it; extra_inputs: the tensors the region reads besides its
    arguments (a module's parameters and buffers, which Dynamo lifts to graph inputs)."""
    out = fn(*args, **kwargs)
    if not _traced_by_aot(backend):
        return out
    return _as_compiled_region(out, _flatten([args, kwargs], []) + list(extra_inputs))


def _run_compiled_module(mod, backend, *args, **kwargs):
    return _run_compiled(mod._call_impl, backend, args, kwargs, [*mod.parameters(), *mod.buffers()])


class OptimizedModule(Module):
    __module__ = "torch._dynamo.eval_frame"

    def __init__(self, mod, backend="inductor"):
        super().__init__()
        self._orig_mod = mod
        self.__dict__["_backend"] = backend

    def forward(self, *args, **kwargs):
        return _run_compiled_module(self._modules["_orig_mod"], self.__dict__["_backend"], *args, **kwargs)

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
    if not disable:
        # PyTorch's dynamo patches torch once, when it first compiles: among other things it turns the
        # distributions' argument validation off for the whole process (TorchPatcher.patch), so that from then on
        # Normal(0., -1.) is made without a ValueError
        Distribution.set_default_validate_args(False)
    if not callable(model):
        raise AssertionError(f"A callable function is expected, but {type(model)} is provided.")
    if disable:
        return model
    if isinstance(model, Module):
        return OptimizedModule(model, backend)

    @functools.wraps(model)
    def compiled(*args, **kwargs):
        return _run_compiled(model, backend, args, kwargs)
    return compiled


def is_compiling():
    return False


def reset():
    pass


def _module_compile(self, *args, **kwargs):
    """Module.compile(): PyTorch compiles the module's call in place (its parameter names stay, no ``_orig_mod.``)
    and returns None: later calls go through the compiled call (Module.__call__ reads _compiled_call_impl)."""
    call = self._call_impl
    if compile(call, *args, **kwargs) is not call:   # the options are checked as torch.compile checks them
        self.__dict__["_compiled_call_impl"] = functools.partial(_run_compiled_module, self,
                                                                 kwargs.get("backend", "inductor"))


Module.compile = _module_compile   # bound here: nn.module cannot import this module (it imports nn.module)
in_class(Module, ("compile",))   # (named Module.compile in Python's errors, as PyTorch's)
