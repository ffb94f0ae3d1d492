"""torch.func.functional_call and stack_module_state: a module run with other tensors in place of its parameters
and buffers (by their state_dict names), and many models' parameters stacked for vmap (model ensembling)."""
from collections.abc import Sequence

from ...engine.shaping import stack


def functional_call(module, parameter_and_buffer_dicts, args=None, kwargs=None, *, tie_weights=True, strict=False):
    """module(*args, **kwargs) with the given tensors standing in for its parameters and buffers meanwhile."""
    if isinstance(parameter_and_buffer_dicts, dict):
        replacements = parameter_and_buffer_dicts
    elif isinstance(parameter_and_buffer_dicts, Sequence):
        if not all(isinstance(d, dict) for d in parameter_and_buffer_dicts):
            raise ValueError("Expected all elements of parameter_and_buffer_dicts to be dictionaries")
        counts = {}
        for d in parameter_and_buffer_dicts:
            for k in d:
                counts[k] = counts.get(k, 0) + 1
        repeated = [k for k, n in counts.items() if n > 1]
        if repeated:
            raise ValueError(f"{repeated} appeared in multiple dictionaries; behavior of functional call is "
                             "ambiguous")
        replacements = {k: v for d in parameter_and_buffer_dicts for k, v in d.items()}
    else:
        raise ValueError("Expected parameter_and_buffer_dicts to be a dict, or a list/tuple of dicts, but got "
                         f"{type(parameter_and_buffer_dicts)}")
    if tie_weights:
        replacements = _untied(module, replacements)
    if strict:
        _check_keys(module, replacements)
    if args is None:
        args = ()
    elif not isinstance(args, tuple):
        args = (args,)
    restore = [_swap(module, name, value) for name, value in replacements.items()]
    try:
        return module(*args, **(kwargs or {}))
    finally:
        for undo in reversed(restore):
            undo()


def _all_named_tensors(module):
    named = dict(module.named_parameters(remove_duplicate=False))
    named.update(module.named_buffers(remove_duplicate=False))
    return named


def _untied(module, replacements):
    """The replacements with every name tied to a given one (one tensor under several names) given the same value;
    PyTorch's ValueError when tied names are given different values."""
    groups = {}
    for name, tensor in _all_named_tensors(module).items():
        groups.setdefault(id(tensor), set()).add(name)
    tied = {name: names for names in groups.values() if len(names) > 1 for name in names}
    given = [name for name in replacements if name in tied]
    for name in given:
        names = tied[name]
        values = {id(replacements[n]) for n in names if n in replacements}
        if len(names.intersection(given)) > 1 and len(values) != 1:
            raise ValueError(f"functional_call got multiple values for keys {sorted(names)}, which are tied. "
                             "Consider using tie_weights=False")
    untied = dict(replacements)
    for name in given:
        for other in tied[name]:
            untied[other] = replacements[name]
    return untied


def _check_keys(module, replacements):
    """strict=True: every parameter and buffer replaced, nothing else (PyTorch's message)."""
    valid, keys = set(_all_named_tensors(module)), set(replacements)
    missing, unexpected = sorted(valid - keys), sorted(keys - valid)
    errors = []
    if unexpected:
        errors.append(f"Unexpected key(s): {', '.join(map(repr, unexpected))}.")
    if missing:
        errors.append(f"Missing key(s): {', '.join(map(repr, missing))}.")
    if errors:
        raise RuntimeError("Error(s) in reparametrizing for {}:\n\t{}".format(module._get_name(),
                                                                              "\n\t".join(errors)))


def _swap(module, name, value):
    """Put value where module's `name` (dotted) is; return the function that puts the original back."""
    *path, leaf = name.split(".")
    owner = module
    for part in path:
        owner = getattr(owner, part)
    for store in (owner._parameters, owner._buffers):
        if leaf in store:
            original = store[leaf]
            store[leaf] = value

            def undo(store=store, original=original):
                store[leaf] = original
            return undo
    missing = object()
    original = owner.__dict__.get(leaf, missing)
    object.__setattr__(owner, leaf, value)

    def undo_attr():
        if original is missing:
            owner.__dict__.pop(leaf, None)
        else:
            object.__setattr__(owner, leaf, original)
    return undo_attr


def stack_module_state(models):
    """({name: parameters of every model stacked}, {name: buffers stacked}): new leaves, for vmap over models."""
    if len(models) == 0:
        raise RuntimeError("stack_module_state: Expected at least one model, got 0.")
    if not (all(m.training for m in models) or all(not m.training for m in models)):
        raise RuntimeError("stack_module_state: Expected all models to have the same training/eval mode.")
    if not all(type(m) is type(models[0]) for m in models):
        raise RuntimeError("stack_module_state: Expected all models to be of the same class.")
    all_params = [dict(m.named_parameters()) for m in models]
    all_buffers = [dict(m.named_buffers()) for m in models]
    params = {k: _stacked_leaf([p[k] for p in all_params], k) for k in all_params[0]}
    buffers = {k: _stacked_leaf([b[k] for b in all_buffers], k) for k in all_buffers[0]}
    return params, buffers


def _stacked_leaf(tensors, name):
    wants = [t.requires_grad for t in tensors]
    if any(wants) and not all(wants):
        raise RuntimeError(f"Expected {name} from each model to have the same .requires_grad")
    result = stack(tensors)
    return result.detach()._requires_grad() if all(wants) else result
