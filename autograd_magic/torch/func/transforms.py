"""torch.func's autodiff transforms on the engine's reverse mode: grad, grad_and_value, vjp, jvp, jacrev, jacfwd,
hessian.

Each transform runs its function on differentiable aliases of the inputs (a new leaf, or a view of an input that is
already tracked, so that transforms nest: grad(grad(f)) differentiates the first backward pass, recorded with
create_graph). A result stays attached to the graph only when it reaches a leaf other than the transform's own (an
outer transform's input, a parameter that requires grad), as PyTorch's levels decide.

Forward mode (jvp, jacfwd) is the Jacobian-vector product read off reverse mode: with u a dummy cotangent,
``g(u) = J^T u`` is linear in u, so ``J t = d/du <g(u), t>`` (one more backward pass of the recorded one).
"""
import functools
import warnings
import weakref

import numpy as np

from ...engine import batching
from ...engine.autograd import reachable
from ...engine.copy_views import alias
from ...engine.backward_nodes import ZERO_TENSOR_IMMUTABLE
from ...engine.forward_ad import NO_FORWARD_DERIVATIVE, refuse
from ...engine.grad import grad as _autograd_grad
from ...engine.shaping import stack
from ...engine.tensor import Tensor
from ..grad_mode import enable_grad
from .pytree import LEAF, flatten, tree_map, unflatten


# ---------------------------------------------------------------- levels: inputs and results of one transform


class _Level(set):
    """The nodes of one transform's stand-ins; start: how many stand-in leaves had been made when it began, so
    that a leaf made later (by a transform nested in this one, whose level has ended) is not taken for an outer
    level's input."""
    def __init__(self):
        super().__init__()
        self.start = _BORN_COUNT[0]


# a stand-in leaf's node -> its birth number (see _Level)
_BORN = weakref.WeakKeyDictionary()
_BORN_COUNT = [0]


def _outer_leaf(node, own):
    """Whether node is a leaf that a result of this level may stay attached to: not this level's stand-in, nor a
    nested transform's (PyTorch unwraps those when their level ends)."""
    if node in own or node.__class__.__name__ != "AccumulateGrad":
        return False
    born = _BORN.get(node)
    return born is None or born < own.start


def _differentiable(x, own):
    """A tensor of this transform's level standing for x: a view of x when x is tracked (an outer level's), else
    a new leaf; its node goes into own."""
    if not isinstance(x, Tensor):
        raise ValueError(f"Thing passed to transform API must be Tensor, got {type(x)}")
    if x.requires_grad:
        y = x.view_as(x)
    else:
        y = x.detach()._requires_grad()
    node = y._accumulator() if y.grad_fn is None else y.grad_fn
    if y.grad_fn is None:
        _BORN[node] = _BORN_COUNT[0]
        _BORN_COUNT[0] += 1
    own.add(node)
    _STANDS_FOR[node] = x
    return y


# this level's node of a stand-in -> the tensor it stands for: a stand-in that leaves the transform unchanged
# (returned, or in aux) is given back as the caller's own tensor, as PyTorch unwraps it
_STANDS_FOR = weakref.WeakKeyDictionary()


def _release(x, own):
    """x as the transform returns it: detached unless its graph reaches a leaf that is not this level's."""
    if not isinstance(x, Tensor) or not x.requires_grad:
        return x
    node = x._accumulator() if x.grad_fn is None else x.grad_fn
    if node in own and node in _STANDS_FOR:
        return _STANDS_FOR[node]
    if x.grad_fn is None:
        return x if _outer_leaf(x._accumulator(), own) else x.detach()
    for node in reachable([x.grad_fn]):
        if not node.edges and _outer_leaf(node, own):
            return x
    return x.detach()


def _zeros(x):
    return Tensor._wrap(np.zeros(x.shape, x._data.dtype))


def _outside(tensors, own):
    """Whether the graph of any of tensors reaches a leaf that is not this level's: then what is computed from them
    must stay differentiable (an outer transform, a parameter that requires grad); else a backward pass need not be
    recorded."""
    roots = [t.grad_fn if t.grad_fn is not None else t._accumulator()
             for t in tensors if isinstance(t, Tensor) and t.requires_grad]
    return any(_outer_leaf(node, own) for node in reachable(roots))


def _grads(outputs, inputs, cotangents, own, create_graph=True):
    """d <outputs, cotangents> / d inputs (recorded unless create_graph is False), zeros where an input was not
    used."""
    pairs = [(o, c) for o, c in zip(outputs, cotangents) if o.requires_grad]
    if not pairs:
        return [_zeros(x) for x in inputs]
    got = _autograd_grad([o for o, _ in pairs], inputs, [c for _, c in pairs], retain_graph=True,
                         create_graph=create_graph, allow_unused=True)
    return [_zeros(x) if g is None else g for g, x in zip(got, inputs)]


# ---------------------------------------------------------------- argnums


def _check_argnum(argnum, num_args):
    if not isinstance(argnum, int):
        raise RuntimeError(f"argnum must be int, got: {type(argnum)}")
    if -num_args <= argnum < num_args:
        return argnum % num_args
    raise RuntimeError(f"Got argnum={argnum}, but only {num_args} positional inputs")


def _argnums(argnums, args):
    """The positions differentiated and whether argnums was one int."""
    if isinstance(argnums, int):
        return [_check_argnum(argnums, len(args))], True
    if isinstance(argnums, tuple):
        if not argnums:
            raise RuntimeError("argnums must be non-empty")
        picked = [_check_argnum(a, len(args)) for a in argnums]
        if len(set(picked)) != len(picked):
            raise RuntimeError(f"argnums elements must be unique, got {argnums}")
        return picked, False
    raise RuntimeError(f"argnums must be int or Tuple[int, ...], got: {type(argnums)}")


def _wrap_args(args, positions, own):
    """args with the differentiated positions' tensors replaced by this level's; (new args, flat diff, its
    spec: the differentiated args as one arg or a tuple)."""
    args = list(args)
    for p in positions:
        args[p] = tree_map(lambda x: _differentiable(x, own), args[p])
    return args


def _tensors(tree):
    """The tensors among a pytree's leaves."""
    return [x for x in flatten(tree)[0] if isinstance(x, Tensor)]


def _diff_tree(args, positions, single):
    return args[positions[0]] if single else tuple(args[p] for p in positions)


# ---------------------------------------------------------------- grad, grad_and_value, vjp


def _split_aux(output, has_aux, api):
    """(output, aux) of what a transformed function returned (aux None without has_aux): with has_aux it must be a
    pair, else PyTorch's error naming the api."""
    if not has_aux:
        return output, None
    if not (isinstance(output, tuple) and len(output) == 2):
        raise RuntimeError(f"{api}: output of function f should be a tuple: (output, aux) if has_aux is True")
    return output


def _release_aux(aux, own):
    """The aux output released from the transform: every leaf must be a Tensor (PyTorch's error otherwise)."""
    def release(a):
        if not isinstance(a, Tensor):
            raise RuntimeError(f"Expected tensors, got unsupported type {type(a)}")
        return _release(a, own)
    return tree_map(release, aux)


def grad_and_value(func, argnums=0, has_aux=False):
    """grad_and_value(f)(*args): (gradient of the scalar f(*args) with respect to args[argnums], f(*args))."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        positions, single = _argnums(argnums, args)
        own = _Level()
        with enable_grad():
            args_ = _wrap_args(args, positions, own)
            with batching.Autodiff(("grad",), _tensors(args_)):   # (PyTorch wraps every tensor argument)
                result = func(*args_, **kwargs)
            output, aux = _split_aux(result, has_aux, "grad_and_value(f)(*args)")
            if not isinstance(output, Tensor):
                raise RuntimeError(f"grad_and_value(f)(*args): Expected f(*args) to return a Tensor, got "
                                   f"{type(output)}")
            if output.dim() != 0:
                raise RuntimeError(f"grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, got "
                                   f"tensor with {output.dim()} dims. Maybe you wanted to use the vjp or jacrev "
                                   "APIs instead?")
            if output.is_complex():   # (autograd's implicit gradient of one)
                raise RuntimeError(f"grad can be implicitly created only for real scalar outputs but got "
                                   f"{output.dtype}")
            diff = _diff_tree(args_, positions, single)
            flat, spec = flatten(diff)
            gs = _grads([output], flat, [Tensor._wrap(np.ones((), output._data.dtype))], own,
                        create_graph=_outside([output], own))
        if batching.ACTIVE:   # (inside a vmap: gradients of a batched value are batched, as PyTorch's)
            for g in gs:
                if isinstance(g, Tensor):
                    batching.propagate([output, *flat], g)
        result = unflatten([_release(g, own) for g in gs], spec)
        value = _release(output, own)
        if has_aux:
            return result, (value, _release_aux(aux, own))
        return result, value
    return wrapper


def grad(func, argnums=0, has_aux=False):
    """The gradient of a scalar function, as a function: grad(f)(x) is d f / d x (nests: grad(grad(f)))."""
    inner = grad_and_value(func, argnums, has_aux)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        g, value = inner(*args, **kwargs)
        return (g, value[1]) if has_aux else g
    return wrapper


def vjp(func, *primals, has_aux=False):
    """(func(*primals), vjp_fn[, aux]): vjp_fn(cotangents) gives the vector-Jacobian products per primal."""
    own = _Level()
    with enable_grad():
        diff = tree_map(lambda x: _differentiable(x, own), primals)
        with batching.Autodiff(("grad",), _tensors(diff)):
            out = func(*diff)
        out, aux = _split_aux(out, has_aux, "vjp(f, *primals)")
        flat_out, out_spec = flatten(out)
        _check_outputs(flat_out, "vjp(f, *primals)")
        for o in flat_out:
            if not o.is_floating_point():
                raise RuntimeError(f"vjp(f, ...): All outputs of f must be floating-point or complex Tensors, got "
                                   f"Tensor with dtype {o.dtype}")
    flat_in, in_spec = flatten(diff)

    def vjp_fn(cotangents, retain_graph=True, create_graph=None):
        flat_c, c_spec = flatten(cotangents)
        if c_spec != out_spec:
            raise RuntimeError("Expected pytree structure of cotangents to be the same as pytree structure of "
                               f"outputs to the function. cotangents: {_pprint(c_spec)}, primal output: "
                               f"{_pprint(out_spec)}")
        for i, (o, c) in enumerate(zip(flat_out, flat_c)):
            if tuple(o.shape) != tuple(c.shape):
                raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of {c.shape} and output[{i}] "
                                   f"has a shape of {o.shape}.")
        with enable_grad():
            gs = _grads(flat_out, flat_in, flat_c, own, create_graph=_outside(list(flat_out) + list(flat_c), own))
        if batching.ACTIVE:   # (inside a vmap: products with a batched value are batched, as PyTorch's)
            for g in gs:
                if isinstance(g, Tensor):
                    batching.propagate([*flat_out, *flat_c, *flat_in], g)
        return unflatten([_release(g, own) for g in gs], in_spec)

    # (printed as PyTorch's: `<function _vjp_with_argnums.<locals>.wrapper at 0x...>`)
    vjp_fn.__name__, vjp_fn.__qualname__ = "wrapper", "_vjp_with_argnums.<locals>.wrapper"
    result = unflatten([_release(o, own) for o in flat_out], out_spec)
    if has_aux:
        return result, vjp_fn, _release_aux(aux, own)
    return result, vjp_fn


class _Asterisk:
    def __repr__(self):
        return "*"


def _pprint(spec):
    """PyTorch's treespec_pprint: the tree with a * for each leaf ({'first': *, 'second': *})."""
    return repr(unflatten([_Asterisk()] * (1 if spec is LEAF else spec.num_leaves), spec))


def _check_outputs(flat, api):
    if not flat:
        raise RuntimeError(f"{api}: Expected f to be a function that has non-empty output (got output = [])")
    for o in flat:
        if not isinstance(o, Tensor):
            raise RuntimeError(f"{api}: expected f(*primals) to return only tensors, got unsupported type {type(o)}")


# ---------------------------------------------------------------- jvp


def jvp(func, primals, tangents, *, strict=False, has_aux=False):
    """(func(*primals), J tangents): the Jacobian-vector product, forward mode's quantity."""
    api = "jvp(f, primals, tangents)"
    if not isinstance(primals, tuple):
        raise RuntimeError(f"{api}: Expected primals to be a tuple. E.g. it should be valid to call f(*primals).")
    flat_p, p_spec = flatten(primals)
    flat_t, t_spec = flatten(tangents)
    if p_spec != t_spec:
        raise RuntimeError(f"{api}: Expected primals and tangents to have the same python structure. For example, "
                           "if primals is a tuple of 3 tensors, tangents also must be. Got primals with structure "
                           f"{p_spec} and tangents with structure {t_spec}")
    for name, flat in (("primals", flat_p), ("tangents", flat_t)):
        if not flat:
            raise RuntimeError(f"{api}: Expected {name} to contain at least one Tensor.")
        for x in flat:
            if not isinstance(x, Tensor):
                raise RuntimeError(f"{api}: Expected {name} to only contain Tensors, got {type(x)}")
    for p, t in zip(flat_p, flat_t):   # (as fwAD.make_dual checks each pair: the dtypes, then the sizes)
        for name, x in (("primal", p), ("tangent", t)):
            if x.is_complex():   # (PyTorch takes them; the engine's forward mode is real only)
                raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: a complex {name} "
                                          f"({x.dtype}) in forward-mode AD is not part of it")
            if not x.is_floating_point():
                raise ValueError(f"Expected {name} to be floating point or complex, but got: {x.dtype}")
        if tuple(p.shape) != tuple(t.shape):
            raise RuntimeError("Trying to set a forward gradient that has a different size than that of the "
                               "original Tensor, this is not supported. Tensor is of size "
                               f"[{', '.join(map(str, p.shape))}] while the given forward gradient is of size "
                               f"[{', '.join(map(str, t.shape))}].")
    own = _Level()
    with enable_grad():
        flat_x = [_differentiable(p, own) for p in flat_p]
        with batching.Autodiff(("jvp",), flat_x):
            out = func(*unflatten(flat_x, p_spec))
        out, aux = _split_aux(out, has_aux, api)
        flat_out, out_spec = flatten(out)
        _check_outputs(flat_out, api)
        tangents_out = _forward(flat_out, flat_x, flat_t, own)
    # (PyTorch's primal outputs are aliases of what f returned: the unpacked primals of dual tensors)
    primal_out = unflatten([alias(_release(o, own)) for o in flat_out], out_spec)
    tangent_out = unflatten([_release(t, own) for t in tangents_out], out_spec)
    if has_aux:
        return primal_out, tangent_out, tree_map(lambda a: _release(a, own), aux)
    return primal_out, tangent_out


def _forward(flat_out, flat_x, flat_t, own):
    """J t for each output, by differentiating the recorded vjp with respect to its cotangents."""
    _check_forward_derivatives(flat_out, flat_x)
    us = [_dummy(o, own) for o in flat_out]
    gx = _grads(flat_out, flat_x, us, own)
    total = None
    for g, t in zip(gx, flat_t):
        if g.requires_grad:
            term = (g * t).sum()
            total = term if total is None else total + term
    if total is None:
        return [_zeros(o) for o in flat_out]
    live = [u for u in us if u is not None]
    nested = _outside(list(flat_out) + list(flat_t), own)
    got = _autograd_grad(total, live, retain_graph=True, create_graph=nested, allow_unused=True)
    by_u = dict(zip(map(id, live), got))
    return [_zeros(o) if u is None or by_u[id(u)] is None else by_u[id(u)] for o, u in zip(flat_out, us)]


def _check_forward_derivatives(flat_out, flat_x):
    """PyTorch's forward mode stops at an op without a forward derivative (cdist, pdist) that the inputs reach, and
    at a mean mse_loss_backward (forward-over-reverse of an MSE loss) whose self or target carries no tangent: its
    formula divides that input's zero tangent (a ZeroTensor) in place."""
    roots = [o.grad_fn for o in flat_out if isinstance(o, Tensor) and o.grad_fn is not None]
    inputs = {x.grad_fn if x.grad_fn is not None else x._accumulator() for x in flat_x if x.requires_grad}
    for node in reachable(roots):
        name = getattr(node.op, "name", None) if hasattr(node, "op") else None
        if name in NO_FORWARD_DERIVATIVE and inputs.intersection(reachable([node])):
            refuse(name)
        if name == "mse_loss_backward" and node.consts[-1][0] == "mean" and node not in _BATCHED_MSE \
                and inputs.intersection(reachable([node])):
            tangent_free = [e is None or not inputs.intersection(reachable([e[0] if e.__class__ is tuple else e]))
                            for e in node.edges[1:3]]
            if len(node.edges) < 3 or any(tangent_free):
                raise RuntimeError(ZERO_TENSOR_IMMUTABLE)


def _dummy(o, own):
    """A zero cotangent leaf for output o (None for an output that carries no gradient)."""
    if not (o.requires_grad and o.is_floating_point()):
        return None
    u = _zeros(o)._requires_grad()
    own.add(u._accumulator())
    return u


# ---------------------------------------------------------------- jacobians


def jacrev(func, argnums=0, *, has_aux=False, chunk_size=None, _preallocate_and_copy=False):
    """The Jacobian by reverse mode, row by row: shapes output.shape + input.shape (pytrees as PyTorch nests)."""
    if chunk_size is not None and chunk_size <= 0:
        raise ValueError("jacrev: `chunk_size` should be greater than 0.")
    return _jacobian(func, argnums, has_aux, reverse=True)


def jacfwd(func, argnums=0, has_aux=False, *, randomness="error"):
    """The Jacobian by forward mode, column by column (the same numbers as jacrev)."""
    return _jacobian(func, argnums, has_aux, reverse=False)


def hessian(func, argnums=0):
    """Second derivatives: jacfwd(jacrev(func)), as PyTorch composes it."""
    return jacfwd(jacrev(func, argnums), argnums)


def _jacobian(func, argnums, has_aux, reverse):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        positions, single = _argnums(argnums, args)
        if not reverse:   # (jacfwd makes dual tensors of the primals first: fwAD.make_dual's dtype check)
            for p in positions:
                for x in flatten(args[p])[0]:
                    if isinstance(x, Tensor) and not (x.is_floating_point() or x.is_complex()):
                        raise ValueError(f"Expected primal to be floating point or complex, but got: {x.dtype}")
        own = _Level()
        with enable_grad():
            args_ = _wrap_args(args, positions, own)
            with batching.Autodiff(("grad",) if reverse else ("vmap", "jvp"), _tensors(args_)):   # jacfwd: vmap(jvp)
                out = func(*args_, **kwargs)
            out, aux = _split_aux(out, has_aux,
                                  "vjp(f, *primals)" if reverse else "jvp(f, primals, tangents)")
            flat_out, out_spec = flatten(out)
            _check_outputs(flat_out, "vjp(f, *primals)" if reverse else "jvp(f, primals, tangents)")
            diff = _diff_tree(args_, positions, single)
            flat_x, x_spec = flatten(diff)
            blocks = _blocks_reverse(flat_out, flat_x, own) if reverse else _blocks_forward(flat_out, flat_x, own)
        per_out = [unflatten([_release(blocks[i][j], own) for j in range(len(flat_x))], x_spec)
                   for i in range(len(flat_out))]
        result = unflatten(per_out, out_spec)
        if has_aux:
            aux = tree_map(lambda a: _release(a, own), aux)
            if not reverse:   # (PyTorch's jacfwd vmaps jvp over the basis and keeps element 0 of aux, not batched)
                size = sum(x.numel() for x in flat_x)
                aux = tree_map(lambda a: a.expand((size,) + tuple(a.shape))[0] if isinstance(a, Tensor) else a, aux)
            return result, aux
        return result
    return wrapper


def _blocks_reverse(flat_out, flat_x, own):
    """blocks[i][j]: d out_i / d x_j, shaped out_i.shape + x_j.shape, one backward pass per output element.
    PyTorch vmaps its vjp over the standard basis of all the outputs together: every pass carries a cotangent into
    every output (zeros but one), so a branch that does not reach the element still contributes its signed zeros
    (d(a - b*c)/dc of another row is -0, not 0)."""
    blocks = []
    nested = _outside(flat_out, own)
    live = any(o.requires_grad for o in flat_out)
    for i, o in enumerate(flat_out):
        rows = [[] for _ in flat_x]
        for k in range(o.numel()):
            if live:
                cots = [_zeros(other) for other in flat_out]
                cots[i]._data.reshape(-1)[k] = 1
                gs = _grads(flat_out, flat_x, cots, own, nested)
            else:
                gs = [_zeros(x) for x in flat_x]
            for j, g in enumerate(gs):
                rows[j].append(g)
        blocks.append([_assemble(rows[j], o.shape, x.shape, x) for j, x in enumerate(flat_x)])
    if nested:   # (PyTorch's jacrev vmaps its vjp: a batched grad_output takes mse_loss_backward's decomposition)
        roots = [g.grad_fn for row in blocks for g in row if isinstance(g, Tensor) and g.grad_fn is not None]
        _BATCHED_MSE.update(n for n in reachable(roots) if getattr(getattr(n, "op", None), "name", None)
                            == "mse_loss_backward")
    return blocks


# the mean-MSE backward nodes recorded by a jacrev (forward mode differentiates them without a ZeroTensor write)
_BATCHED_MSE = weakref.WeakSet()


def _blocks_forward(flat_out, flat_x, own):
    """blocks[i][j]: d out_i / d x_j, one derivative of the recorded vjp per input element."""
    _check_forward_derivatives(flat_out, flat_x)
    us = [_dummy(o, own) for o in flat_out]
    gx = _grads(flat_out, flat_x, us, own)
    live = [u for u in us if u is not None]
    nested = _outside(flat_out, own)
    columns = [[[] for _ in flat_x] for _ in flat_out]
    for j, (g, x) in enumerate(zip(gx, flat_x)):
        flat = g.reshape(-1)
        for k in range(x.numel()):
            got = _autograd_grad(flat[k], live, retain_graph=True, create_graph=nested, allow_unused=True) \
                if live and g.requires_grad else [None] * len(live)
            by_u = dict(zip(map(id, live), got))
            for i, (o, u) in enumerate(zip(flat_out, us)):
                c = None if u is None else by_u[id(u)]
                columns[i][j].append(_zeros(o) if c is None else c)
    blocks = []
    for i, o in enumerate(flat_out):
        row = []
        for j, x in enumerate(flat_x):
            cols = columns[i][j]
            if not cols:
                row.append(Tensor._wrap(np.zeros(tuple(o.shape) + tuple(x.shape), o._data.dtype)))
                continue
            # columns are d out / d x_k: stacked last, then shaped out.shape + x.shape
            row.append(stack(cols, -1).reshape(tuple(o.shape) + tuple(x.shape)))
        blocks.append(row)
    return blocks


def _assemble(rows, out_shape, x_shape, x):
    if not rows:
        return Tensor._wrap(np.zeros(tuple(out_shape) + tuple(x_shape), x._data.dtype))
    return stack(rows).reshape(tuple(out_shape) + tuple(x_shape))


_GET_ATTR_WARNING = ("Attempted to insert a get_attr Node with no underlying reference in the owning GraphModule! Call "
                     "GraphModule.add_submodule to add the necessary submodule, GraphModule.add_parameter to add the "
                     "necessary Parameter, or nn.Module.register_buffer to add the necessary buffer")


def linearize(func, *primals):
    """(func(*primals), jvp_fn): jvp_fn(*tangents) is the Jacobian-vector product at primals (PyTorch traces the
    jvp once with make_fx; here each call differentiates func again, with the same values)."""
    output = func(*primals)
    flat_p, p_spec = flatten(primals)
    for _ in flat_p:   # (PyTorch's make_fx trace then constant-folds one tangent placeholder per primal, and FX warns)
        warnings.warn(_GET_ATTR_WARNING, UserWarning, stacklevel=2)
    meta = [(tuple(p.shape), p.dtype) for p in flat_p]

    def jvp_fn(*tangents):
        flat_t, t_spec = flatten(tangents)
        if t_spec != p_spec:
            raise RuntimeError(f"Expected the tangents {t_spec} to have the same argspec as the primals {p_spec}")
        for idx, (t, (shape, dtype)) in enumerate(zip(flat_t, meta)):
            if tuple(t.shape) != shape:
                raise RuntimeError(f"tangent:{idx} with shape {t.shape} in flattened pytree doesn't match the shape "
                                   f"{flat_p[idx].shape} of the corresponding primal.")
            if t.dtype != dtype:
                raise RuntimeError(f"tangent:{idx} with dtype {t.dtype} in flattened pytree doesn't match the dtype "
                                   f"{dtype} of the corresponding primal.")
        return jvp(func, primals, tangents)[1]
    return output, jvp_fn
