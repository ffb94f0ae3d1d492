"""vmap's batched values: torch.func.vmap (torch/func/vmap.py) runs its function once per batch element, where
PyTorch runs it once on BatchedTensors. While it runs, the slices of the mapped inputs and every op result made
from them carry the vmap call (``Tensor._bt``; dispatch.apply passes it on through BATCH_HOOK), so that what
PyTorch cannot do with a batched value is refused with its messages: ``.item()`` and the conversions to a Python
number, ``bool()`` (data-dependent control flow), ``.tolist()`` and ``.numpy()`` (a BatchedTensor has no storage).
A value of an unbatched input (a parameter passed with in_dim None, a tensor the function closes over) stays free.
"""
import numpy as np

# the transforms running, innermost last: a vmap call's token (a Call) or an autodiff level's (a Wrap: grad, vjp,
# jvp and the transforms made of them; inside a vmap PyTorch then gives the message of both .item() cases)
ACTIVE = []
# the torch.func transforms running, innermost last: "vmap", "grad" (grad, vjp, jacrev) or "jvp" (jvp; jacfwd is
# "vmap" then "jvp", as PyTorch composes it); an autograd.Function applied under them checks its rules (PyTorch's
# custom_function_call)
TRANSFORMS = []
BATCH_HOOK = [None]   # [propagate] while a vmap runs (dispatch.apply and binary_op call it with an op's inputs, output)

ITEM = ("vmap: It looks like you're calling .item() on a Tensor. We don't support vmap over calling .item() on a "
        "Tensor, please try to rewrite what you're doing with other operations. If error is occurring somewhere "
        "inside PyTorch internals, please file a bug report.")
CONTROL_FLOW = ("vmap: It looks like you're attempting to use a Tensor in some data-dependent control flow. We "
                "don't support that yet, please file an issue at https://github.com/pytorch/pytorch/issues .")
UNDER_GRAD = ("vmap: It looks like you're either (1) calling .item() on a Tensor or (2) attempting to use a Tensor "
              "in some data-dependent control flow or (3) encountering this error in PyTorch internals. For (1): we "
              "don't support vmap over calling .item() on a Tensor, please try to rewrite what you're doing with "
              "other operations. For (2): we don't support data-dependent control flow in vmap yet, please file an "
              "issue at https://github.com/pytorch/pytorch/issues . For (3): please file an issue.")
NO_STORAGE = "Cannot access data pointer of Tensor that doesn't have storage"


class Call:
    """A vmap call, the token its batched values carry: the batch size (PyTorch's messages show it) and the
    randomness asked for ('error', 'same' or 'different')."""
    __slots__ = ("size", "randomness")

    def __init__(self, size, randomness="error"):
        self.size, self.randomness = size, randomness


class Wrap:
    """An autodiff transform's level (grad, vjp, jvp and the transforms built on them) while its function runs: the
    token the tensors it wraps carry (``Tensor._gw``). PyTorch wraps a transform's tensor arguments, and every op
    result made from them, in its own tensors; an integer tensor of one element used as an index is then read with
    .item() (a BatchedTensor index is not): inside a vmap that fails."""
    __slots__ = ()


def _autodiff(token):
    return token.__class__ is Wrap


class Level:
    """A transform running (``with Level(token):``): a vmap call (a Call) or an autodiff level (a Wrap)."""
    __slots__ = ("token",)

    def __init__(self, token):
        self.token = token

    def __enter__(self):
        ACTIVE.append(self.token)
        if not _autodiff(self.token):
            BATCH_HOOK[0] = propagate
        return self.token

    def __exit__(self, *exc):
        ACTIVE.pop()
        if all(_autodiff(t) for t in ACTIVE):
            BATCH_HOOK[0] = None


def wrap(tensors, token):
    """Mark the tensors a transform's level (token, a Wrap) wraps: those that an outer level running wraps stay
    that level's (it ends after this one)."""
    for t in tensors:
        if wrapped_by(t) is None:
            t._gw = token


def _running(token):
    """token when it is one of the running levels (ACTIVE), else None."""
    if token is not None:
        for active in ACTIVE:
            if active is token:
                return token
    return None


def wrapped_by(t):
    """The running autodiff level t is wrapped in, or None."""
    return _running(getattr(t, "_gw", None))


class Autodiff:
    """``with Autodiff(kinds, tensors):`` an autodiff transform's function runs (kinds: its TRANSFORMS entries),
    on tensors (those it wraps: its arguments, or the primals of vjp and jvp)."""
    __slots__ = ("kinds", "tensors", "level")

    def __init__(self, kinds, tensors):
        self.kinds, self.tensors = kinds, tensors

    def __enter__(self):
        token = Wrap()
        self.level = Level(token)
        self.level.__enter__()
        TRANSFORMS.extend(self.kinds)
        if any(not _autodiff(t) for t in ACTIVE):   # (inside a vmap: only there is being wrapped seen)
            wrap(self.tensors, token)
        return token

    def __exit__(self, *exc):
        del TRANSFORMS[len(TRANSFORMS) - len(self.kinds):]
        self.level.__exit__(*exc)


class Transform:
    """``with Transform("vmap", ...):`` the function of a torch.func transform runs (TRANSFORMS)."""
    __slots__ = ("kinds",)

    def __init__(self, *kinds):
        self.kinds = kinds

    def __enter__(self):
        TRANSFORMS.extend(self.kinds)

    def __exit__(self, *exc):
        del TRANSFORMS[len(TRANSFORMS) - len(self.kinds):]


RANDOM_ERROR = ("vmap: called random operation while in randomness error mode. Please either use the 'same' or "
                "'different' randomness flags on vmap or perform the randomness operation out of vmap")
SAME_RANDOM = ("Vmap does not currently support same randomness with a batched tensor input. Please file an issue "
               "with functorch")


def check_random_inputs(*tensors):
    """PyTorch's check of a random op drawn from tensors (multinomial's probabilities, bernoulli's, poisson's rates,
    normal's mean and std ...) inside a vmap, made before the op's own checks. Each vmap running, the innermost
    first (the draw passes through every level), refuses it under randomness='error', and under 'same' when the
    values are batched by that vmap (one draw cannot serve every element). (A value knows only the innermost vmap
    that batches it: one batched by an inner vmap as well is seen as unbatched by the outer ones.)"""
    for call in reversed(ACTIVE):
        if call.__class__ is not Call:
            continue
        if call.randomness == "error":
            raise RuntimeError(RANDOM_ERROR)
        if call.randomness == "same" and any(batched_by(t) is call for t in tensors):
            raise RuntimeError(SAME_RANDOM)


UNSUPPORTED = "vmap: we do not yet support aten::{}. Please file an issue"


def refuse_unsupported(name):
    """PyTorch's error for an op that has no batching rule and may not fall back (aten::rrelu): inside any vmap,
    batched inputs or not."""
    if any(a.__class__ is Call for a in ACTIVE):
        raise RuntimeError(UNSUPPORTED.format(name))


def batched_by(t):
    """The running vmap call t is a batched value of, or None."""
    return _running(getattr(t, "_bt", None))


def mark(t, token, stride=None):
    """t, a batch element of a mapped input, is a batched value of the vmap call token; stride: the input's stride
    along the mapped dim (in elements: where the batch PyTorch holds in one tensor steps)."""
    t._bt = token
    if stride is not None:
        t._bstride = stride
    return t


def _batch_folds(t):
    """Whether matmul folds the batch of t, a matrix batched by a vmap, into its rows without a copy (ATen's
    should_fold: the batch dim steps over whole rows). A mapped input's own element knows its batch stride; an op's
    result is a new tensor whose batch PyTorch holds contiguous: taken as foldable when the element is contiguous."""
    data = t._data
    stride = t.__dict__.get("_bstride")
    if stride is not None:
        return stride == data.strides[0] // data.itemsize * data.shape[0]
    return data.flags.c_contiguous


def propagate(inputs, out):
    """out, made by an op from inputs, is batched where one of them is (the innermost running vmap's), and wrapped
    in an autodiff level where one of them is."""
    found, at, gw = None, -1, None
    for t in inputs:
        if gw is None and getattr(t, "_gw", None) is not None:
            gw = wrapped_by(t)
        token = getattr(t, "_bt", None)
        if token is not None:
            for i in range(len(ACTIVE) - 1, at, -1):
                if ACTIVE[i] is token:
                    found, at = token, i
                    break
    if found is not None:
        out._bt = found
        for t in inputs:   # (a view of a mapped input's element: its batch steps as the input's does)
            stride = getattr(t, "_bstride", None)
            if stride is not None and np.may_share_memory(t._data, out._data):
                out._bstride = stride
                break
    if gw is not None:
        out._gw = gw


def refuse(t, message, fits=True):
    """PyTorch's error where t is a batched value of a running vmap (message: ITEM, CONTROL_FLOW or NO_STORAGE).
    fits: whether t has one element per batch element; under a grad transform PyTorch checks that first (the
    caller's own error then comes first: nothing is raised here)."""
    token = batched_by(t)
    if token is None:
        return
    if message is not NO_STORAGE:
        after = ACTIVE[[i for i, a in enumerate(ACTIVE) if a is token][-1] + 1:]
        if any(_autodiff(a) for a in after):
            if not fits:
                return
            message = UNDER_GRAD
    raise RuntimeError(message)


DYNAMIC_SHAPE = ("vmap: We do not support batching operators that can output dynamic shape. Attempted to vmap over "
                 "aten::{}. Please file an issue at https://github.com/pytorch/pytorch/issues if you need this "
                 "feature.")
MASK_INDEX = ("vmap: We do not support batching operators that can support dynamic shape. Attempting to batch over "
              "indexing with a boolean mask.")
MASKED_SELECT = ("vmap: Attempted to vmap over `mask` in torch.masked_select(self, mask) We cannot support this "
                 "because for each batch this would return a differently shaped Tensor. Please file an issue at "
                 "https://github.com/pytorch/pytorch/issues if you need this feature.")
ALLCLOSE = ("vmap over torch.allclose isn't supported yet. Please file an issue at "
            "https://github.com/pytorch/pytorch/issues if you need this feature.")
NO_RULE = "Batching rule not implemented for aten::{}. We could not generate a fallback."


def refuse_op(message, *tensors):
    """PyTorch's error for an op vmap cannot batch (an output whose shape depends on the values ...), where one of
    tensors is a batched value of a running vmap."""
    if ACTIVE and any(batched_by(t) is not None for t in tensors):
        raise RuntimeError(message)


RANKS = ("Shape mismatch: Got incorrect dims for {0}(a, b). a has dim {1}and b has dim {2}but expected them to have "
         "dim {3} and dim {4}")


def check_ranks(op, a, b, want_a, want_b):
    """The rank check of the batch rule of a matrix product (mm, mv, bmm; dot's own message) where a or b is a
    batched value of a running vmap: PyTorch checks the ranks of one batch element before the op's own checks."""
    if not ACTIVE or (batched_by(a) is None and batched_by(b) is None):
        return
    ra, rb = a._data.ndim, b._data.ndim
    if (ra, rb) != (want_a, want_b):
        raise RuntimeError("Got wrong shapes for dot" if op == "dot" else RANKS.format(op, ra, rb, want_a, want_b))


def product_mismatch(a, b):
    """PyTorch's message for an mm (or mv) whose inner sizes differ, where a or b is a batched value of a running
    vmap, else None. The batch rule runs one matmul on the whole batch (the batch dim in front): a batch on one side
    only is folded into the rows of one mm / mv when that matmul folds (the other side requires grad, or the
    batch folds without a copy, _batch_folds), else both go to one bmm."""
    if not ACTIVE:
        return None
    ta, tb = batched_by(a), batched_by(b)
    if ta is None and tb is None:
        return None
    size = (ta or tb).size
    sa, sb = a._data.shape, b._data.shape
    vec = len(sb) == 1
    bmm = (f"Expected size for first two dimensions of batch2 tensor to be: [{size}, {sa[-1]}] but got: "
           f"[{size}, {sb[0]}].")
    if ta is not None and tb is not None:
        return bmm
    if ta is not None:
        if not (b.requires_grad or _batch_folds(a)):
            return bmm
        rows = size * sa[0]
        if vec:
            return f"size mismatch, got input ({rows}), mat ({rows}x{sa[1]}), vec ({sb[0]})"
        return f"mat1 and mat2 shapes cannot be multiplied ({rows}x{sa[1]} and {sb[0]}x{sb[1]})"
    if vec:   # (the batch of vectors is a matrix on the right: one mm)
        return f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} and {sb[0]}x{size})"
    if a.requires_grad:   # (the batch is folded into the rows of b's transpose, a transposed on the right)
        return f"mat1 and mat2 shapes cannot be multiplied ({size * sb[1]}x{sb[0]} and {sa[1]}x{sa[0]})"
    return bmm


def check_matrix(A, fn, name):
    """The batch rule of a linalg op of one matrix (LINALG_CHECK_MATRIX_UNARY in PyTorch) where A is a batched value
    of a running vmap: its rank check under the name of the op the rule is for (linalg.inv runs linalg.inv_ex's,
    linalg.matrix_exp torch.matrix_exp's, linalg.pinv its own rather than the op's dtype-and-rank message)."""
    if ACTIVE and A._data.ndim < 2 and batched_by(A) is not None:
        raise RuntimeError(f"{fn}: The input tensor {name} must have at least 2 dimensions.")


BACKWARD = ("backward() called inside a functorch transform. This is not supported, please use functorch.grad or "
            "functorch.vjp instead or call backward() outside of functorch transforms.")


def refuse_backward():
    """backward() while a torch.func transform's function runs (vmap, grad, jacrev, jvp ...): PyTorch's error, before
    any check of backward's arguments (torch.autograd.grad is what the transforms allow)."""
    if TRANSFORMS:
        raise RuntimeError(BACKWARD)


REQUIRES_GRAD = ("You are attempting to call Tensor.requires_grad_() (or perhaps using torch.autograd.functional.* "
                 "APIs) inside of a function being transformed by a functorch transform. This is unsupported, please "
                 "attempt to use the functorch transforms (e.g. grad, vjp, jacrev, jacfwd, hessian) or call "
                 "requires_grad_() outside of a function being transformed instead.")


def refuse_wrapped_index(key):
    """Indexing with a tensor of one element (of dimension 0) that an autodiff level wraps and a vmap batches:
    PyTorch reads such an index with .item() (an integer one is a position, a bool or uint8 one says whether to
    keep the dimension), which fails there."""
    for k in key if key.__class__ is tuple else (key,):
        data = getattr(k, "_data", None)
        if data is not None and data.ndim == 0 and data.dtype.kind in "iub" and wrapped_by(k) is not None:
            refuse(k, ITEM)


def refuse_mask(key):
    """Indexing with a boolean mask that is a batched value: each element would select a different number."""
    if not ACTIVE:
        return
    for k in key if key.__class__ is tuple else (key,):
        data = getattr(k, "_data", None)
        if data is not None and data.dtype.kind == "b" and batched_by(k) is not None:
            raise RuntimeError(MASK_INDEX)


INPLACE = ("vmap: {0}(self, *extra_args) is not possible because there exists a Tensor `other` in extra_args that has "
           "more elements than `self`. This happened due to `other` being vmapped over but `self` not being vmapped "
           "over {1}. Please try to use out-of-place operators instead of {0}. If said operator is being called "
           "inside the PyTorch framework, please file a bug report instead.")
# in-place ops whose batching rule PyTorch writes by hand (the others go through its boxed fallback, named aten::op_)
_ARITHMETIC = frozenset(("sub", "subtract", "mul", "multiply", "div", "divide", "true_divide", "copy", "masked_fill",
                         "masked_fill_into", "<lambda>"))
_NAMED = frozenset(("fill", "index_add", "zero", "scatter_add", "index_put"))


def refuse_inplace(t, new, name=None):
    """PyTorch's error for writing a batched value (new) into a tensor that is not batched (t), in place: the
    message of the op named name (fn.__name__ of the out-of-place op; None: an assignment t[...] = value)."""
    token = batched_by(new)
    if token is None or batched_by(t) is not None:
        return
    if name == "add":   # (add_ has a batching rule: the batch dimension makes the result larger than t)
        shape = lambda s: ", ".join(map(str, s))  # noqa: E731
        raise RuntimeError(f"output with shape [{shape(t._data.shape)}] doesn't match the broadcast shape "
                           f"[{shape((token.size,) + tuple(new._data.shape))}]")
    if name is None or name in _ARITHMETIC:
        op, where = "inplace arithmetic", "in a vmap"
    elif name in _NAMED:
        op, where = name + "_", "in a vmap"
    else:
        level = [i for i, a in enumerate(ACTIVE) if a is token][-1] + 1
        op, where = f"aten::{name}_", f"at level {level}"
    raise RuntimeError(INPLACE.format(op, where))
