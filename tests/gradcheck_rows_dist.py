"""Finite-difference rows for engine/ops_sampling.py (lgamma, digamma, polygamma, poisson, bernoulli, bernoulli_ and
the other in-place samplers) and engine/ops_ctc.py (ctc_loss) (collected by test_gradcheck.ROWS). _standard_gamma is
not in the table (its gradient is the implicit reparameterization, checked against PyTorch in
test_distributions2_vs_torch.py)."""
import numpy as np

from autograd_magic import torch

F = torch.nn.functional
_RNG = np.random.default_rng(31)


def _pos(*shape, lo=0.3, hi=4.0):
    return _RNG.uniform(lo, hi, shape)


def _poisson(a):
    """poisson after manual_seed(0): every evaluation draws the same numbers (a zero gradient)."""
    torch.manual_seed(0)
    return torch.poisson(a * a + 1.0) * a


def _prob(*shape):
    return _RNG.uniform(0.2, 0.8, shape)


def _bernoulli(draw):
    """draw(p) after manual_seed(0), times p: the same draws at every evaluation (bernoulli's zero gradient)."""
    def fn(p):
        torch.manual_seed(0)
        return draw(p) * p
    return fn


def _ctc(reduction, zero_infinity=False, lengths=(5, 3)):
    def fn(x):
        lp = x.log_softmax(-1)
        return F.ctc_loss(lp, torch.tensor([[1, 2, 2], [3, 1, 0]]), torch.tensor(list(lengths)),
                          torch.tensor([3, 2]), reduction=reduction, zero_infinity=zero_infinity)
    return fn


ROWS_EXTRA = {
    "dist_lgamma": [(torch.lgamma, [_pos(*s)]) for s in [(), (2,), (3, 2)]]
    + [(torch.lgamma, [np.array([-2.5, -0.3, 0.7, 12.0])])],
    "dist_digamma": [(torch.digamma, [_pos(*s)]) for s in [(), (2,), (3, 2)]]
    + [(torch.digamma, [np.array([-2.5, -0.3, 0.7, 12.0])])],
    "dist_polygamma": [(lambda a: torch.polygamma(n, a), [_pos(3, 2, lo=0.6)]) for n in (1, 2, 3)],
    "poisson": [(_poisson, [_pos(*s)]) for s in [(), (2,), (3, 2)]],
    "bernoulli": [(_bernoulli(lambda p: torch.bernoulli(p)), [_prob(*s)]) for s in [(), (2,), (3, 2)]],
    "bernoulli_float_": [(_bernoulli(lambda p: (p * 2).bernoulli_(0.3)), [_prob(*s)]) for s in [(), (3, 2)]],
    "bernoulli_tensor_": [(_bernoulli(lambda p: (p * 2).bernoulli_(p)), [_prob(*s)]) for s in [(), (3, 2)]]
    + [(_bernoulli(lambda p: torch.zeros(3, 2, dtype=p.dtype).bernoulli_(p)), [_prob(2)])],
    # the other in-place samplers: the same draws at every evaluation, written over a tensor in the graph
    "normal_fill_": [(_bernoulli(lambda p: (p * 2).normal_(0.5, 2.0)), [_prob(*s)]) for s in [(), (3, 2)]],
    "uniform_fill_": [(_bernoulli(lambda p: (p * 2).uniform_(-1.0, 3.0)), [_prob(*s)]) for s in [(), (3, 2)]],
    "random_from_": [(_bernoulli(lambda p: (p * 2).random_(2, 9)), [_prob(*s)]) for s in [(), (3, 2)]],
    "random_to_": [(_bernoulli(lambda p: (p * 2).random_(5)), [_prob(*s)]) for s in [(), (3, 2)]],
    "random_full_": [(_bernoulli(lambda p: (p * 2).random_()), [_prob(*s)]) for s in [(), (3, 2)]],
    "exponential_fill_": [(_bernoulli(lambda p: (p * 2).exponential_(1.5)), [_prob(*s)]) for s in [(), (3, 2)]],
    "geometric_fill_": [(_bernoulli(lambda p: (p * 2).geometric_(0.4)), [_prob(*s)]) for s in [(), (3, 2)]],
    "cauchy_fill_": [(_bernoulli(lambda p: (p * 2).cauchy_(0.0, 0.5)), [_prob(*s)]) for s in [(), (3, 2)]],
    "log_normal_fill_": [(_bernoulli(lambda p: (p * 2).log_normal_(0.0, 0.5)), [_prob(*s)]) for s in [(), (3, 2)]],
    "ctc_loss": [(_ctc(r), [_RNG.normal(size=(5, 2, 4))]) for r in ("mean", "sum", "none")]
    + [(_ctc("sum", True, (5, 2)), [_RNG.normal(size=(5, 2, 4))])],
}
