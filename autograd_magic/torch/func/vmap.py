"""torch.vmap / torch.func.vmap: the function runs once per batch element (a slice of each mapped input, taken with
select, so gradients flow back to the batch) and the results are stacked along out_dims. PyTorch pushes the batch
dimension into each op instead; the values are the same, and printing inside the function shows plain tensors
where PyTorch shows BatchedTensor. The results are made as PyTorch takes the batch dimension out (_leaf): the
stacked node is named after the op that made each element's result, a result that is not batched is expanded,
an input returned as it came is that input, and an out_dim elsewhere than 0 is a permuted view. The slices and what ops make of them are marked as batched (engine/batching.py):
``.item()``, ``float()``, ``bool()``, ``.tolist()`` and ``.numpy()`` on them fail with PyTorch's messages.

randomness: 'error' (the default) raises PyTorch's error at a random draw; 'same' replays the generator for every
element, so each gets the numbers PyTorch's single unbatched draw gives; 'different' gives each element its part of
a draw made once for the whole batch, as PyTorch's batched random ops draw (random.BatchedDraws). An op drawn from
tensors (multinomial, bernoulli, poisson, normal's mean and std ...) checks first, as PyTorch's rules do
(batching.check_random_inputs): under 'same' it refuses values batched by this vmap. Not modelled:
PyTorch's refusal of in-place randomness on an unbatched tensor, and of ops whose output shape depends on the
values (nonzero, boolean masks).
"""
import functools

import numpy as np

from ...engine import batching, random
from ...engine.shaping import stack, stack_named
from ...engine.tensor import Tensor
from .pytree import LEAF, broadcast_to_and_flatten, flatten, unflatten



def _name(func):
    if isinstance(func, functools.partial):
        return f"functools.partial({_name(func.func)}, ...)"
    return getattr(func, "__name__", repr(func))


def vmap(func, in_dims=0, out_dims=0, randomness="error", *, chunk_size=None):
    """func mapped over a dimension of its inputs: vmap(f)(x)[i] == f(x[i])."""
    if randomness not in ("error", "different", "same"):
        raise RuntimeError(f"Only allowed values for randomness are 'error', 'different', or 'same'. Got "
                           f"{randomness}")
    if chunk_size is not None and (not isinstance(chunk_size, int) or chunk_size <= 0):
        raise ValueError(f"vmap: chunk_size should be None or greater than 0. (got {chunk_size})")

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        size, flat_dims, flat_args, spec = _batched_inputs(func, in_dims, args)
        outputs, batch = _run(func, kwargs, size, flat_dims, flat_args, spec, randomness)
        result = _stacked(func, outputs, out_dims, size, batch)
        outer = [a for a in flat_args if batching.batched_by(a) is not None]
        if outer:   # a vmap inside another's function: its results are batched values of the outer one too
            for t in flatten(result)[0]:
                if isinstance(t, Tensor):
                    batching.propagate(outer, t)
        return result
    return wrapped


def _batched_inputs(func, in_dims, args):
    name = _name(func)
    if not isinstance(in_dims, (int, tuple)):
        raise ValueError(f"vmap({name}, in_dims={in_dims}, ...)(<inputs>): expected `in_dims` to be int or a "
                         f"(potentially nested) tuple matching the structure of inputs, got: {type(in_dims)}.")
    if not args:
        raise ValueError(f"vmap({name})(<inputs>): got no inputs. Maybe you forgot to add inputs, or you are trying "
                         "to vmap over a function with no inputs. The latter is unsupported.")
    flat_args, spec = flatten(args)
    flat_dims = broadcast_to_and_flatten(in_dims, spec)
    if flat_dims is None:
        raise ValueError(f"vmap({name}, in_dims={in_dims}, ...)(<inputs>): in_dims is not compatible with the "
                         f"structure of `inputs`. in_dims has structure {flatten(in_dims)[1]} but inputs has "
                         f"structure {spec}.")
    for i, (arg, d) in enumerate(zip(flat_args, flat_dims)):
        if not isinstance(d, int) and d is not None:
            raise ValueError(f"vmap({name}, in_dims={in_dims}, ...)(<inputs>): Got in_dim={d} for an input but "
                             "in_dim must be either an integer dimension or None.")
        if isinstance(d, int) and not isinstance(arg, Tensor):
            raise ValueError(f"vmap({name}, in_dims={in_dims}, ...)(<inputs>): Got in_dim={d} for an input but the "
                             f"input is of type {type(arg)}. We cannot vmap over non-Tensor arguments, please use "
                             "None as the respective in_dim")
        if d is not None and not -arg.dim() <= d < arg.dim():
            raise ValueError(f"vmap({name}, in_dims={in_dims}, ...)(<inputs>): Got in_dim={d} for some input, but "
                             f"that input is a Tensor of dimensionality {arg.dim()} so expected in_dim to satisfy "
                             f"-{arg.dim()} <= in_dim < {arg.dim()}.")
        if d is not None and d < 0:
            flat_dims[i] = d % arg.dim()
    sizes = [arg.size(d) for arg, d in zip(flat_args, flat_dims) if d is not None]
    if not sizes:
        raise ValueError("vmap: Expected at least one Tensor to vmap over")
    if any(s != sizes[0] for s in sizes):
        raise ValueError(f"vmap: Expected all tensors to have the same size in the mapped dimension, got sizes "
                         f"{sizes} for the mapped dimension")
    return sizes[0], flat_dims, flat_args, spec


def _run(func, kwargs, size, flat_dims, flat_args, spec, randomness):
    """func on each batch element, under the randomness mode."""
    gen = random.default_generator
    start = gen.get_state() if randomness == "same" else None
    saved_check, saved_batch = random.DRAW_CHECK[0], random.BATCHED_DRAWS[0]
    batch = None
    if randomness == "error":
        random.DRAW_CHECK[0] = _refuse_random
    elif randomness == "different":
        random.DRAW_CHECK[0] = None
        batch = random.BatchedDraws(size) if size else None
    random.BATCHED_DRAWS[0] = batch   # (a vmap inside this one's function draws for itself)
    outputs = []
    try:
        with batching.Level(batching.Call(size, randomness)) as token, batching.Transform("vmap"):
            if size == 0:   # an empty batch: one call on zeros gives the outputs' structure and shapes (_stacked)
                sliced = [a if d is None else batching.mark(_zeros_slice(a, d), token)
                          for a, d in zip(flat_args, flat_dims)]
                return [func(*unflatten(sliced, spec), **kwargs)], None
            slices = [[] for _ in flat_args]
            for b in range(size):
                if start is not None:
                    gen.set_state(start)
                if batch is not None:
                    batch.start(b)
                sliced = [a if d is None else batching.mark(a.select(d, b), token, _stride(a, d))
                          for a, d in zip(flat_args, flat_dims)]
                for kept, x in zip(slices, sliced):
                    kept.append(x)
                outputs.append(func(*unflatten(sliced, spec), **kwargs))
    finally:
        random.DRAW_CHECK[0], random.BATCHED_DRAWS[0] = saved_check, saved_batch
    sources = [(a, d, kept) for a, d, kept in zip(flat_args, flat_dims, slices) if d is not None]
    return outputs, _Batch(token, sources, randomness != "different")


class _Batch:
    """What a run of the function over the batch leaves for stacking its results: its vmap call (the token its
    batched values carry), the mapped inputs (input, in_dim, its slices), and whether a result that is not batched
    is the same for every element (not under randomness='different', whose draws are not marked as batched)."""
    __slots__ = ("token", "sources", "same_unbatched")

    def __init__(self, token, sources, same_unbatched):
        self.token, self.sources, self.same_unbatched = token, sources, same_unbatched


def _stride(a, d):
    """a's stride along dim d, in elements (a tensor; None for other values vmap passes through)."""
    data = getattr(a, "_data", None)
    return None if data is None or not data.ndim else data.strides[d] // data.itemsize


def _zeros_slice(a, d):
    shape = tuple(n for i, n in enumerate(a.shape) if i != d)
    return Tensor._wrap(np.zeros(shape, a._data.dtype))


def _refuse_random():
    raise RuntimeError(batching.RANDOM_ERROR)


def _stacked(func, outputs, out_dims, size, batch):
    name = _name(func)
    _, out_spec = flatten(outputs[0])
    if isinstance(outputs[0], Tensor):
        if isinstance(out_dims, int) or out_dims is None:
            flat_out_dims = [out_dims]
        elif isinstance(out_dims, tuple) and len(out_dims) == 1:
            flat_out_dims = list(out_dims)
        else:
            flat_out_dims = None
    else:
        flat_out_dims = broadcast_to_and_flatten(out_dims, out_spec)
    if flat_out_dims is None:
        raise ValueError(f"vmap({name}, ..., out_dims={out_dims})(<inputs>): out_dims is not compatible with the "
                         f"structure of `outputs`. out_dims has structure {flatten(out_dims)[1]} but outputs has "
                         f"structure {out_spec}.")
    per_leaf = list(zip(*[flatten(o)[0] for o in outputs]))
    result = [_leaf(name, values, d, size, batch) for values, d in zip(per_leaf, flat_out_dims)]
    return result[0] if out_spec is LEAF else unflatten(result, out_spec)


def _leaf(name, values, d, size, batch):
    """One output of the batch, as PyTorch takes the batch dimension out of its BatchedTensor: the mapped input
    itself when the function returned its slices (moved to out_dim), an output that is not batched expanded along a
    new out_dim (no copy), else the per-element results stacked under the node name of the op that made them."""
    first = values[0]
    batched = batch is not None and getattr(first, "_bt", None) is batch.token
    if d is None:
        if batched:
            raise ValueError(f"vmap({name}, ...): `{name}` can not return a BatchedTensor when out_dim is None")
        return first
    if not isinstance(first, Tensor):
        raise ValueError(f"vmap({name}, ...): `{name}` must only return Tensors, got type {type(first)}. "
                         "Did you mean to set out_dims= to None for output?")
    ndim = first.dim() + 1
    if not -ndim <= d < ndim:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-ndim}, {ndim - 1}], but got {d})")
    d %= ndim
    if batch is None:   # (an empty batch)
        return stack(list(values), d).narrow(d, 0, size)
    for arg, in_dim, slices in batch.sources:
        if all(v is x for v, x in zip(values, slices)):
            return arg if in_dim == d else arg.movedim(in_dim, d)
    if not batched and batch.same_unbatched and all(_same(v, first) for v in values[1:]):
        sizes = list(first.shape)
        sizes.insert(d, size)
        return first.expand(sizes)
    stacked = _stack_named(values)
    return stacked if d == 0 else stacked.movedim(0, d)


def _same(v, first):
    """Whether v holds first's values, bit for bit (a result is taken as not batched only when every element's is
    the same: an op that does not pass the batch mark on must not lose the others' values)."""
    return isinstance(v, Tensor) and v.shape == first.shape and v.dtype == first.dtype and \
        v._data.tobytes() == first._data.tobytes()


# a full reduction of each element is a reduction over all dims but the batch one: PyTorch's batching rule calls
# the dim overload, whose node is another (x.sum() under vmap: SumBackward1); squeeze's rules call the dims overload
# (squeeze(d) and the in-place squeeze_(d) of a linear layer's 1-D input: SqueezeBackward2 and 5) or view (squeeze());
# dot of two batched vectors is a batched matrix product squeezed (as is vdot)
_BATCHED_NODE = {"SumBackward0": "SumBackward1", "MeanBackward0": "MeanBackward1", "ProdBackward0": "ProdBackward1",
                 "MaxBackward1": "MaxBackward0", "MinBackward1": "MinBackward0", "MedianBackward0": "MedianBackward1",
                 "TraceBackward0": "SumBackward1", "SqueezeBackward0": "ViewBackward0",
                 "SqueezeBackward1": "SqueezeBackward2", "SqueezeBackward4": "SqueezeBackward5",
                 "DotBackward0": "SqueezeBackward1", "VdotBackward0": "SqueezeBackward1"}


def _stack_named(values):
    """The per-element results stacked, the node named after the op that made each (PyTorch's batched op)."""
    op = getattr(values[0].grad_fn, "op", None)
    node = getattr(op, "node", None)
    if not isinstance(node, str) or any(v.dtype != values[0].dtype or getattr(v.grad_fn, "op", None) is None or
                                        v.grad_fn.op.node != node for v in values):
        return stack(list(values))
    if node in _BATCHED_NODE:
        return stack_named(list(values), _BATCHED_NODE[node])
    return stack_named(list(values), node, op.qualname)
