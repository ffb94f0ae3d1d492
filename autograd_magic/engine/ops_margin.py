"""Margin losses that PyTorch computes in one kernel (soft_margin_loss, multi_margin_loss, multilabel_margin_loss)
and logcumsumexp:
forward (numpy, ATen's loops and their order) and vjp side by side."""
import numpy as np

from .backward_nodes import loss_backward
from .optable import OPS, defop
from .reduce import full_sum

# ---------------------------------------------------------------- soft_margin_loss: log(1 + exp(-y x))


def _soft_margin(x, y, reduction):
    """neg(x) * y, exp, log1p (each rounded in x's dtype, ATen's in-place chain), then reduced."""
    loss = OPS["log1p"].fwd(OPS["exp"].fwd(np.negative(x) * y))
    if reduction == "mean":
        return np.true_divide(full_sum(loss), loss.size, dtype=loss.dtype) if loss.size else \
            np.array(np.nan, loss.dtype)
    return full_sum(loss) if reduction == "sum" else loss


@defop("soft_margin_loss", "SoftMarginLossBackward0", _soft_margin, saves=(0, 1))
def soft_margin_loss_vjp(xp, grad, saved, consts, needs):
    """-norm * y * z / (1 + z) * grad, z = exp(-y x), norm = 1 / numel for the mean (ATen's backward)."""
    if not xp.is_numpy:   # (create_graph: one SoftMarginLossBackwardBackward0 node, as PyTorch records it)
        return loss_backward(xp, "soft_margin_loss_backward", soft_margin_formula, grad, *saved, consts, needs, False)
    return soft_margin_formula(xp, grad, saved, consts, needs)


def soft_margin_formula(xp, grad, saved, consts, needs):
    x, y = saved
    reduction, = consts
    norm = 1.0 / (x.numel() if not xp.is_numpy else x.size) if reduction == "mean" else 1.0
    z = xp.exp(-y * x)
    if xp.is_numpy:
        g = (y * z) * x.dtype.type(-norm)
        return (g / (z + x.dtype.type(1))) * grad, None
    return (y * z) * -norm / (z + 1) * grad, None


# ---------------------------------------------------------------- multi_margin_loss


def _margins(x, target, p, margin, weight):
    """(z, active, per-element h) of each row: z = margin - x[target] + x[d] for d != target."""
    rows = np.arange(x.shape[0])
    z = (x.dtype.type(margin) - x[rows, target][:, None]) + x
    active = (z > 0) & (np.arange(x.shape[1])[None, :] != target[:, None])
    h = z if p == 1 else z * z
    if weight is not None:
        h = h * weight[target][:, None]
    return z, active, np.where(active, h, x.dtype.type(0))


def _multi_margin(x, target, p, margin, weight, reduction):
    """Per row, the active hinges summed in order and divided by the row length; reduced in double precision
    (ATen's accumulate type) for mean and sum."""
    shape = x.shape
    x2 = x.reshape(1 if x.ndim < 2 else shape[0], -1)
    t = np.asarray(target).reshape(-1)
    dim = x2.shape[1]
    _, _, h = _margins(x2, t, p, margin, weight)
    per_row = np.add.accumulate(h, axis=1)[:, -1] / x.dtype.type(dim)
    per_row = per_row.astype(x.dtype)
    if reduction == "none":
        return per_row if np.ndim(target) > 0 else per_row.reshape(())
    total = np.add.accumulate(per_row.astype(np.float64))[-1]
    if reduction == "mean":
        total = total / x2.shape[0]
    return np.asarray(total, x.dtype)


def _multi_margin_grad(grad, data, target, p, margin, weight, reduction):
    """d/dx[d] = g (p = 1) or 2 g z (p = 2) per active hinge (times the target's weight), the target's entry the
    negative sum of them; g = 1 / dim (1 / (rows * dim) for the mean), times the incoming gradient."""
    x2 = data.reshape(1 if data.ndim < 2 else data.shape[0], -1)
    t = np.asarray(target).reshape(-1)
    n, dim = x2.shape
    dt = data.dtype.type
    g = dt(1.0 / (n * dim)) if reduction == "mean" else dt(1.0 / dim)
    z, active, _ = _margins(x2, t, p, margin, weight)
    h = np.full(z.shape, g, data.dtype) if p == 1 else (dt(2) * g) * z
    if weight is not None:
        h = h * weight[t][:, None]
    h = np.where(active, h, dt(0))
    local = h.copy()
    local[np.arange(n), t] = dt(0) - np.add.accumulate(h, axis=1)[:, -1]   # (ATen's 0 -= h: no -0.0 for none)
    local = local.reshape(data.shape)
    grad = np.asarray(grad, data.dtype)
    if reduction != "none" or grad.ndim == 0:
        return local * grad.reshape(())
    return local * grad.reshape(grad.shape + (1,) * (data.ndim - grad.ndim))


@defop("multi_margin_loss", "MultiMarginLossBackward0", _multi_margin, saves=(0,))
def multi_margin_loss_vjp(xp, grad, saved, consts, needs):
    """ATen's multi_margin_loss_backward (_multi_margin_grad); not differentiable again."""
    x, = saved
    if xp.is_numpy:
        return (_multi_margin_grad(grad, x, *consts),)
    return (xp.call("multi_margin_loss_backward", (grad, x), *consts),)


@defop("multi_margin_loss_backward", "NotImplemented", lambda g, x, *c: _multi_margin_grad(g, x, *c),
       qualname="torch::autograd::NotImplemented")
def multi_margin_loss_backward_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for aten::multi_margin_loss_backward is not implemented")


# ---------------------------------------------------------------- multilabel_margin_loss


def _multilabel_hinges(x2, t2):
    """Per frame, the hinges 1 - x[y_j] + x[d] (rounded in x's dtype, ATen's order: target j, then d) over the
    targets before the first -1 and the classes d that are not targets; z (frames, targets, classes) and which
    are active (z > 0)."""
    n, dim = x2.shape
    valid = np.cumprod(t2 >= 0, axis=1).astype(bool)            # the targets before the first -1
    safe = np.where(valid, t2, 0)
    is_target = np.zeros((n, dim), bool)
    rows = np.repeat(np.arange(n), dim)
    is_target[rows[valid.reshape(-1)], safe[valid]] = True
    one = x2.dtype.type(1)
    z = (one - np.take_along_axis(x2, safe, 1))[:, :, None] + x2[:, None, :]
    active = (z > 0) & valid[:, :, None] & ~is_target[:, None, :]
    return z, active, safe


def _multilabel_margin(x, target, reduction):
    """Each frame's active hinges summed in double in ATen's order and rounded to x's dtype; the frames summed in
    double, divided by the row length (and the frame count for the mean); per frame / dim for 'none'."""
    x2 = x.reshape(1 if x.ndim < 2 else x.shape[0], x.shape[-1] if x.ndim else 1)
    t2 = np.asarray(target).reshape(x2.shape)
    z, active, _ = _multilabel_hinges(x2, t2)
    hinges = np.where(active, z, 0).astype(np.float64).reshape(x2.shape[0], z.shape[1] * z.shape[2])
    per_frame = (np.add.accumulate(hinges, axis=1)[:, -1] if hinges.shape[1] else
                 np.zeros(x2.shape[0])).astype(x.dtype)
    dim = x2.shape[1]
    if not x2.size:   # (PyTorch returns its output uninitialised)
        return np.zeros(() if reduction != "none" or np.ndim(target) <= 1 else (0,), x.dtype)
    if reduction != "none" or np.ndim(target) <= 1:
        frames = per_frame.astype(np.float64)
        total = (np.add.accumulate(frames)[-1] if frames.size else 0.0) / dim   # one frame at a time
        if reduction == "mean":
            total = total / x2.shape[0]
        return np.asarray(total, x.dtype)
    return per_frame / x.dtype.type(dim)


def _multilabel_grad(grad, data, target, reduction):
    """For each active hinge, -g into the target's entry and +g into the class's (g = 1 / dim, 1 / (frames * dim)
    for the mean), added one at a time in x's dtype as ATen does; times the incoming gradient."""
    x2 = data.reshape(1 if data.ndim < 2 else data.shape[0], data.shape[-1] if data.ndim else 1)
    n, dim = x2.shape
    if not x2.size:
        return np.zeros(data.shape, data.dtype)
    t2 = np.asarray(target).reshape(x2.shape)
    dt = data.dtype.type
    g = dt(1.0 / (n * dim)) if reduction == "mean" else dt(1.0 / dim)
    _, active, safe = _multilabel_hinges(x2, t2)
    plus = active.sum(axis=1)                                   # +g per active hinge of class d
    minus = np.zeros((n, dim), np.int64)
    np.add.at(minus, (np.repeat(np.arange(n), dim), safe.reshape(-1)), active.sum(axis=2).reshape(-1))
    steps = np.zeros(int(max(plus.max(initial=0), minus.max(initial=0))) + 1, data.dtype)
    for k in range(1, steps.size):                             # k additions of g, rounded each time
        steps[k] = steps[k - 1] + g
    local = (steps[plus] - steps[minus]).reshape(data.shape)
    if reduction != "none" or np.ndim(grad) == 0:
        return local * np.asarray(grad, data.dtype).reshape(())
    return local * np.asarray(grad, data.dtype).reshape(-1, 1)


@defop("multilabel_margin_loss", "MultilabelMarginLossBackward0", _multilabel_margin, saves=(0,))
def multilabel_margin_loss_vjp(xp, grad, saved, consts, needs):
    """ATen's multilabel_margin_loss_backward (_multilabel_grad); not differentiable again."""
    x, = saved
    if xp.is_numpy:
        return (_multilabel_grad(grad, x, *consts),)
    return (xp.call("multilabel_margin_loss_backward", (grad, x), *consts),)


@defop("multilabel_margin_loss_backward", "NotImplemented", lambda g, x, *c: _multilabel_grad(g, x, *c),
       qualname="torch::autograd::NotImplemented")
def multilabel_margin_loss_backward_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for aten::multilabel_margin_loss_backward is not implemented")


# ---------------------------------------------------------------- logcumsumexp


def _logcumsumexp(a, dim):
    """Running log(sum(exp)) along dim, accumulated in double for float32 (ATen's accumulate type):
    max + log1p(exp(min - max)) per step."""
    if a.ndim == 0:
        return a.copy()
    moved = np.moveaxis(a, dim, 0)
    acc_type = np.float64 if a.dtype == np.float32 else a.dtype
    out = np.empty(moved.shape, a.dtype)
    run = np.full(moved.shape[1:], -np.inf, acc_type)
    with np.errstate(invalid="ignore", over="ignore"):
        for i in range(moved.shape[0]):
            v = moved[i].astype(acc_type)
            lo, hi = np.minimum(run, v), np.maximum(run, v)
            both_inf = (lo == hi) & ~np.isfinite(lo)
            run = np.where(both_inf, run, hi + np.log1p(np.exp(lo - hi)))
            out[i] = run
    return np.moveaxis(out, 0, dim)


def _logcumsumexp_args(input, dim):
    """The dim wrapped (PyTorch's IndexError), then integer and bool inputs refused: ATen's kernel has floating and
    complex loops only (no promotion, unlike cumsum's int64)."""
    n = max(input.ndim, 1)
    if not -n <= dim < n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})")
    if input._data.dtype.kind in "biu":
        raise NotImplementedError(f'"logcumsumexp_out_cpu" not implemented for \'{input.dtype.scalar_name}\'')
    return (input,), (dim + n if dim < 0 else dim,)


@defop("logcumsumexp", "LogcumsumexpBackward0", _logcumsumexp, saves=(0, -1), api="logcumsumexp",
       args=_logcumsumexp_args)
def logcumsumexp_vjp(xp, grad, saved, consts, needs):
    """PyTorch's logcumsumexp_backward: the positive and negative parts of grad in log space, each through a
    reversed logcumsumexp: exp(rev_lcse(log g+ - out) + x) - exp(rev_lcse(log g- - out) + x)."""
    x, out = saved
    dim, = consts
    if (grad.ndim if xp.is_numpy else grad.dim()) == 0:
        return (grad,)
    data = grad if xp.is_numpy else grad._data
    lowest = float(np.finfo(data.dtype).min)
    log_abs = xp.log(xp.abs(grad))
    parts = []
    for cond in (data > 0, data < 0):
        logs = xp.where(cond, log_abs, lowest) - out
        rev = xp.call("flip", (xp.call("logcumsumexp", (xp.call("flip", (logs,), (dim,)),), dim),), (dim,))
        parts.append(xp.exp(rev + x))
    return (parts[0] - parts[1],)
