"""The CTC loss (torch.nn.functional.ctc_loss): ATen's CPU forward (the log-alpha recursion of Graves et al.) and
backward (log-beta, the alpha-beta products collected per label, then exp(lp) - exp(collected + nll - lp)), as
one node, CtcLossBackward0, registered like ops.py.

Each step is ATen's, in its dtype and order: log(exp(a1 - m) + exp(a2 - m) + exp(a3 - m)) + m + lp. Vectorised
over the batch and the extended target (blanks between labels) one time step at a time; the alpha-beta products
are collected in ATen's order (descending s). exp and log are the C library's (expf as libm.expf, logf through
ctypes, math's for float64): numpy's vectorised exp and log round differently. The second derivative is PyTorch's: not implemented (a node whose backward raises)."""
import ctypes
import math

import numpy as np

from . import libm
from .optable import defop
from .random_samplers import cfunction


def _exp(x):
    if x.dtype == np.float32:
        return libm.expf(x)
    return np.asarray(np.frompyfunc(_exp64, 1, 1)(x)).astype(np.float64) if x.size else x


def _log(x):
    if x.dtype == np.float32:
        return np.asarray(np.frompyfunc(_logf1, 1, 1)(x)).astype(np.float32) if x.size else x
    return np.asarray(np.frompyfunc(_log64, 1, 1)(x)).astype(np.float64) if x.size else x


def _expf1(v):
    return cfunction("expf", ctypes.c_float)(v)


def _logf1(v):
    return cfunction("logf", ctypes.c_float)(v)


def _log64(v):
    return math.log(v) if v > 0 else (-math.inf if v == 0 else math.nan)


def _exp64(v):
    try:
        return math.exp(v)
    except OverflowError:
        return math.inf


def _primes(targets, target_lengths, blank):
    """(N, 2 * max_len + 1) extended targets (blank, l0, blank, l1, ..., blank), padded with blank, and for each
    position whether the step from s - 2 is allowed (its label differs from the one at s)."""
    n, width = len(target_lengths), 2 * max(target_lengths, default=0) + 1
    tp = np.full((n, width), blank, np.int64)
    for b, labels in enumerate(targets):
        tp[b, 1:2 * len(labels):2] = labels
    skip = np.zeros((n, width), bool)
    skip[:, 2:] = tp[:, 2:] != tp[:, :-2]
    return tp, skip


def _labels(targets, target_lengths):
    """Each batch element's labels, from a (N, S) padded or a 1-d concatenated targets array."""
    if targets.ndim == 1:
        starts = np.concatenate([[0], np.cumsum(target_lengths)[:-1]]).astype(int)
        return [targets[s:s + n] for s, n in zip(starts, target_lengths)]
    return [targets[b, :n] for b, n in enumerate(target_lengths)]


def _logsumexp3(a1, a2, a3):
    """log(exp(a1 - m) + exp(a2 - m) + exp(a3 - m)) + m, m the largest (0 where all are -inf)."""
    m = np.maximum(np.maximum(a1, a2), a3)
    m[m == -np.inf] = 0
    return _log(_exp(a1 - m) + _exp(a2 - m) + _exp(a3 - m)) + m


def _shift(a, k, fill):
    out = np.full_like(a, fill)
    out[:, k:] = a[:, :-k]
    return out


def ctc_alpha(lp, targets, input_lengths, target_lengths, blank):
    """(neg_log_likelihood (N,), log_alpha (N, T, S')) of log_probs lp (T, N, C)."""
    t_max, n = lp.shape[0], lp.shape[1]
    tp, skip = _primes(_labels(targets, target_lengths), target_lengths, blank)
    ninf = lp.dtype.type(-np.inf)
    bidx = np.arange(n)[:, None]
    alpha = np.full((n, t_max, tp.shape[1]), ninf, lp.dtype)
    alpha[:, 0, 0] = lp[0, :, blank]
    has = np.asarray(target_lengths) > 0
    alpha[has, 0, 1] = lp[0, np.arange(n)[has], tp[has, 1]]
    for t in range(1, t_max):
        prev = alpha[:, t - 1]
        a3 = np.where(skip, _shift(prev, 2, ninf), ninf)
        alpha[:, t] = _logsumexp3(prev, _shift(prev, 1, ninf), a3) + lp[t][bidx, tp]
    nll = np.empty(n, lp.dtype)
    for b in range(n):
        last, length = input_lengths[b] - 1, target_lengths[b]
        l1 = alpha[b, last, 2 * length]
        l2 = alpha[b, last, 2 * length - 1] if length > 0 else ninf
        m = max(l1, l2)
        m = lp.dtype.type(0) if m == ninf else m
        nll[b] = -(_log(_exp(np.array([l1 - m])) + _exp(np.array([l2 - m])))[0] + m)
    return nll, alpha, tp, skip


def ctc_grad(grad, lp, targets, input_lengths, target_lengths, blank, zero_infinity):
    """d loss / d log_probs, (T, N, C): ATen's ctc_loss_backward_cpu_template."""
    nll, alpha, tp, skip = ctc_alpha(lp, targets, input_lengths, target_lengths, blank)
    t_max, n, c = lp.shape
    dt = lp.dtype.type
    ninf = dt(-np.inf)
    sexp, slog = (_expf1, _logf1) if dt is np.float32 else (_exp64, _log64)
    out = np.zeros_like(lp)
    for b in range(n):
        tl, il = target_lengths[b], input_lengths[b]
        if zero_infinity and nll[b] == np.inf:
            continue
        width = 2 * tl + 1
        p, sk = tp[b, :width], skip[b, :width]
        beta = np.full((t_max, width), ninf, lp.dtype)
        coll = np.full((t_max, c), ninf, lp.dtype)
        if il > 0:
            last = il - 1
            beta[last, 2 * tl] = lp[last, b, blank]
            coll[last, blank] = alpha[b, last, 2 * tl] + beta[last, 2 * tl]
            if tl > 0:
                beta[last, 2 * tl - 1] = lp[last, b, p[2 * tl - 1]]
                coll[last, p[2 * tl - 1]] = alpha[b, last, 2 * tl - 1] + beta[last, 2 * tl - 1]
        nxt_skip = np.zeros(width, bool)
        nxt_skip[:-2] = sk[2:]                     # the step from s + 2 is allowed where its label differs
        for t in range(il - 2, -1, -1):
            nb = beta[t + 1]
            b2 = np.full(width, ninf, lp.dtype)
            b2[:-1] = nb[1:]
            b3 = np.full(width, ninf, lp.dtype)
            b3[:-2] = np.where(nxt_skip[:-2], nb[2:], ninf)
            beta[t] = _logsumexp3(nb[None], b2[None], b3[None])[0] + lp[t, b, p]
            ab = alpha[b, t, :width] + beta[t]
            row = coll[t]
            for s in range(width - 1, -1, -1):     # log+= in ATen's order
                k = p[s]
                cur = row[k]
                if cur == ninf:
                    row[k] = ab[s]
                else:
                    m = max(cur, ab[s])
                    row[k] = dt(slog(dt(sexp(cur - m)) + dt(sexp(ab[s] - m)))) + m
        lpb = lp[:il, b]
        out[:il, b] = (_exp(lpb) - _exp(coll[:il] + nll[b] - lpb)) * grad[b]
    return out


def _ctc_forward(lp, targets, input_lengths, target_lengths, blank, zero_infinity):
    return ctc_alpha(lp, targets, input_lengths, target_lengths, blank)[0]


@defop("ctc_loss", "CtcLossBackward0", _ctc_forward, saves=(0,))
def ctc_vjp(xp, grad, saved, consts, needs):
    """ATen's ctc_loss_backward (grad of each sequence's loss w.r.t. log_probs); not differentiable again."""
    lp, = saved
    if xp.is_numpy:
        return (ctc_grad(grad, lp, *consts),)
    return (xp.call("ctc_loss_backward", (grad, lp), *consts),)


@defop("ctc_loss_backward", "NotImplemented", lambda g, lp, *c: ctc_grad(g, lp, *c),
       qualname="torch::autograd::NotImplemented")
def ctc_backward_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for aten::_ctc_loss_backward is not implemented")
