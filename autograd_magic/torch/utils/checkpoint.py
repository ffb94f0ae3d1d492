"""torch.utils.checkpoint: activation checkpointing (``checkpoint``, ``checkpoint_sequential``).

What the engine records:

- ``use_reentrant=True`` (PyTorch's default, with a warning when the argument is not passed): as PyTorch, one
  autograd.Function, ``CheckpointFunction``: the forward runs without recording, the output's ``grad_fn`` is
  ``CheckpointFunctionBackward``, and its backward runs the function again (with the forward's RNG state when
  ``preserve_rng_state``) and back-propagates through that second run, so parameters used inside receive their
  gradients then. As in PyTorch, when no input requires grad the output does not either (and a warning says so).
- ``use_reentrant=False``: the function runs once and its ops are recorded as usual, so ``grad_fn`` is the
  function's last op (as in PyTorch, which then only hooks the saved tensors to recompute them). Values and
  gradients are PyTorch's; the recomputation itself is not done (saving memory is not the engine's aim), so with
  ``preserve_rng_state=False`` and random ops inside, the gradient is that of the forward's draws.

Example::

    y = checkpoint(block, x, use_reentrant=False)
    out = checkpoint_sequential(model, 2, x, use_reentrant=False)
"""
import warnings

from ...engine.tensor import Tensor
from .. import autograd
from ..autograd.function import Function
from ..grad_mode import enable_grad
from ..nn.container import Sequential
from ..random import fork_rng
from ..rng import get_rng_state, set_rng_state

__all__ = ["checkpoint", "checkpoint_sequential", "CheckpointFunction", "detach_variable", "noop_context_fn"]

_REENTRANT_WARNING = ("torch.utils.checkpoint: the use_reentrant parameter should be passed explicitly. Starting in "
                      "PyTorch 2.9, calling checkpoint without use_reentrant will raise an exception. "
                      "use_reentrant=False is recommended, but if you need to preserve the current default behavior, "
                      "you can pass use_reentrant=True. Refer to docs for more details on the differences between "
                      "the two variants.")
_SEQUENTIAL_WARNING = ("torch.utils.checkpoint.checkpoint_sequential: the use_reentrant parameter should be passed "
                       "explicitly. In version 2.9 we will raise an exception if use_reentrant is not passed. "
                       "use_reentrant=False is recommended, but if you need to preserve the current default "
                       "behavior, you can pass use_reentrant=True. Refer to docs for more details on the "
                       "differences between the two variants.")

_NOT_VALID = ("When use_reentrant=True, torch.utils.checkpoint is incompatible with .grad() or passing an `inputs` "
              "parameter to .backward(). To resolve this error, you can either set use_reentrant=False, or call "
              ".backward() without passing the `inputs` argument.")


class _NoContext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def noop_context_fn():
    """The default ``context_fn``: two contexts that do nothing."""
    return _NoContext(), _NoContext()


def detach_variable(inputs):
    """Each tensor of the tuple detached, keeping its requires_grad; other values as they are."""
    if not isinstance(inputs, tuple):
        raise RuntimeError(f"Only tuple of tensors is supported. Got Unsupported input type: {type(inputs).__name__}")
    out = []
    for inp in inputs:
        if isinstance(inp, Tensor):
            x = inp.detach()
            x.requires_grad = inp.requires_grad
            inp = x
        out.append(inp)
    return tuple(out)


class CheckpointFunction(Function):
    """The reentrant checkpoint: forward without a graph, backward by running the function again."""
    __module__ = "torch.utils.checkpoint"

    @staticmethod
    def forward(ctx, run_function, preserve_rng_state, *args):
        if not any(a.requires_grad for a in args if isinstance(a, Tensor)):
            warnings.warn("None of the inputs have requires_grad=True. Gradients will be None", stacklevel=2)
        ctx.run_function = run_function
        ctx.preserve_rng_state = preserve_rng_state
        if preserve_rng_state:
            ctx.fwd_cpu_state = get_rng_state()
        ctx.inputs = [None if isinstance(a, Tensor) else a for a in args]
        ctx.tensor_indices = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        ctx.save_for_backward(*(a for a in args if isinstance(a, Tensor)))
        return run_function(*args)

    @staticmethod
    def backward(ctx, *args):
        if not autograd._is_checkpoint_valid():
            raise RuntimeError(_NOT_VALID)
        inputs = list(ctx.inputs)
        for i, t in zip(ctx.tensor_indices, ctx.saved_tensors):
            inputs[i] = t
        with fork_rng(enabled=ctx.preserve_rng_state):
            if ctx.preserve_rng_state:
                set_rng_state(ctx.fwd_cpu_state)
            detached = detach_variable(tuple(inputs))
            with enable_grad():
                outputs = ctx.run_function(*detached)
        if isinstance(outputs, Tensor):
            outputs = (outputs,)
        pairs = [(o, g) for o, g in zip(outputs, args) if isinstance(o, Tensor) and o.requires_grad]
        if not pairs:
            raise RuntimeError("none of output has requires_grad=True, this checkpoint() is not necessary")
        autograd.backward([o for o, _ in pairs], [g for _, g in pairs])
        return (None, None) + tuple(inp.grad if isinstance(inp, Tensor) else None for inp in detached)



def checkpoint(function, *args, use_reentrant=None, context_fn=noop_context_fn, determinism_check="default",
               debug=False, early_stop=True, **kwargs):
    """``function(*args)`` with its activations recomputed in backward (see the module's docstring for what the
    engine records)."""
    if use_reentrant is None:
        warnings.warn(_REENTRANT_WARNING, stacklevel=2)
        use_reentrant = True
    preserve = kwargs.pop("preserve_rng_state", True)
    if kwargs and use_reentrant:
        raise ValueError("Unexpected keyword arguments: " + ",".join(arg for arg in kwargs))
    if use_reentrant:
        if context_fn is not noop_context_fn or debug is not False:
            raise ValueError("Passing `context_fn` or `debug` is only supported when use_reentrant=False.")
        return CheckpointFunction.apply(function, preserve, *args)
    forward_ctx, _ = context_fn()
    with forward_ctx:
        return function(*args, **kwargs)


def checkpoint_sequential(functions, segments, input, use_reentrant=None, **kwargs):
    """A Sequential (or list of modules) in ``segments`` chunks, each but the last checkpointed."""
    if use_reentrant is None:
        warnings.warn(_SEQUENTIAL_WARNING, stacklevel=2)
        use_reentrant = True
    preserve = kwargs.pop("preserve_rng_state", True)
    if kwargs:
        raise ValueError("Unexpected keyword arguments: " + ",".join(arg for arg in kwargs))

    def run_function(start, end, functions):
        def forward(input):
            for j in range(start, end + 1):
                input = functions[j](input)
            return input
        return forward

    if isinstance(functions, Sequential):
        functions = list(functions.children())
    segment_size = len(functions) // segments
    end = -1
    for start in range(0, segment_size * (segments - 1), segment_size):
        end = start + segment_size - 1
        input = checkpoint(run_function(start, end, functions), input, use_reentrant=use_reentrant,
                           preserve_rng_state=preserve)
    return run_function(end + 1, len(functions) - 1, functions)(input)


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.utils.checkpoint", name)
