"""How Function.apply hands its arguments to ``forward``, as PyTorch does (torch/autograd/function.py's
bind_default_args when a setup_context is given, then the C++ apply's placing of keywords)."""
import functools
import inspect


_cached_signature = functools.lru_cache(maxsize=512)(inspect.signature)   # (apply runs in every time step)


def _signature(forward):
    try:
        return _cached_signature(forward)
    except TypeError:   # an unhashable callable
        return inspect.signature(forward)


def bind_apply_args(forward, setup_context, args, kwargs):
    """apply's arguments as PyTorch hands them to forward: with a setup_context, bound to forward's signature with
    its defaults filled in (so setup_context's ``inputs`` and ``needs_input_grad`` hold every positional parameter,
    and the binding's TypeError comes first); keywords left then go to the positions of forward's parameters after
    ``ctx``, with the errors of PyTorch's C++ apply (a keyword-only parameter or ``**kwargs`` is not accepted)."""
    if setup_context:
        bound = _signature(forward).bind(*args, **kwargs)
        bound.apply_defaults()
        args, kwargs = bound.args, bound.kwargs
    if not kwargs:
        return args, {}
    try:
        params = list(_signature(forward).parameters.values())[1:]   # (after ctx)
    except (TypeError, ValueError):   # a forward without a signature gets its keywords as they are
        return args, kwargs
    names = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    placed = dict(enumerate(args))
    for name, value in kwargs.items():
        if name not in names:
            raise TypeError(f"forward() got an unexpected keyword argument '{name}'")
        i = names.index(name)
        if i < len(args):
            raise TypeError(f"forward() got multiple values for argument '{name}'")
        placed[i] = value
    for i in range(max(placed) + 1):
        if i not in placed:
            raise TypeError(f"forward() missing required argument: '{names[i]}' (position {i})")
    return tuple(placed[i] for i in range(len(placed))), {}
