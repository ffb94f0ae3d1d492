"""Finite-difference rows for the ops in engine/ops_math.py (collected by tests/test_gradcheck.py)."""
import numpy as np

from autograd_magic import torch

RNG = np.random.default_rng(7)
SHAPES = [(), (2,), (3, 2), (1, 2)]


def spread(shape):
    """Values away from 0 with both signs."""
    return np.asarray(RNG.uniform(0.3, 1.5, shape) * RNG.choice([-1.0, 1.0], shape))


def pos(shape):
    return np.asarray(RNG.uniform(0.5, 1.5, shape))


def unit(shape):
    """Inside (0, 1), away from its ends (logit) and inside (-1, 1) shifted (asin, acos)."""
    return np.asarray(RNG.uniform(0.2, 0.8, shape))


def each(fn, gen=spread, shapes=SHAPES):
    return [(fn, [gen(s)]) for s in shapes]


def pairs(fn, gen_a=spread, gen_b=spread):
    return [(fn, [gen_a(a), gen_b(b)]) for a, b in (((), ()), ((2,), (2,)), ((3, 2), (1, 2)), ((1, 2), (3, 1)))]


ROWS_EXTRA = {
    "rsqrt": each(torch.rsqrt, pos),
    "erf": each(torch.erf),
    "atan": each(torch.atan),
    "asin": each(lambda a: torch.asin(a - 0.5), unit),
    "acos": each(lambda a: (a - 0.5).acos(), unit),
    "sinh": each(torch.sinh),
    "cosh": each(lambda a: a.cosh()),
    "log2": each(torch.log2, pos),
    "log10": each(lambda a: a.log10(), pos),
    "exp2": each(torch.exp2),
    "expm1": each(torch.expm1),
    "acosh": each(lambda a: torch.acosh(a + 1), pos),
    "asinh": each(torch.asinh),
    "atanh": each(lambda a: (a - 0.5).arctanh(), unit),
    "erfc": each(torch.erfc),
    "erfinv": each(lambda a: torch.erfinv(a - 0.5), unit),
    "logit": each(torch.logit, unit) + [(lambda a: torch.logit(a, eps=0.3), [np.array([0.1, 0.5, 0.9])])],
    "atan2": pairs(torch.atan2),
    "hypot": pairs(torch.hypot),
    "xlogy": pairs(torch.xlogy, spread, pos),  # at input 0 PyTorch gives 0, not the one-sided difference
    "xlogy_other": each(lambda a: torch.xlogy(a, 2.5)),
    "xlogy_self": each(lambda b: torch.xlogy(1.5, b), pos),
    "logaddexp": pairs(torch.logaddexp),
    "lerp": [(lambda a, b: torch.lerp(a, b, 0.3), [spread(s), spread(s)]) for s in SHAPES]
    + [(lambda a, b: a.lerp(b, 0.8), [spread((3, 2)), spread((1, 2))])],
    "lerp_tensor": [(lambda a, b, w: torch.lerp(a, b, w), [spread(s), spread(s), unit(s)]) for s in SHAPES],
    "addcmul": [(lambda a, b, c: torch.addcmul(a, b, c, value=0.5), [spread(s), spread(s), spread(s)])
                for s in SHAPES] + [(torch.addcmul, [spread((3, 2)), spread((1, 2)), spread((3, 1))])],
    "addcdiv": [(lambda a, b, c: torch.addcdiv(a, b, c, value=-2), [spread(s), spread(s), spread(s)])
                for s in SHAPES] + [(torch.addcdiv, [spread((3, 2)), spread((1, 2)), spread((3, 1))])],
    "clamp_min": each(lambda a: torch.clamp_min(a, 0.1) * a),
    "clamp_max": each(lambda a: a.clamp_max(-0.1) * a),
    "fmod": each(lambda a: torch.fmod(a * a, 0.37)),
    "fmod_tensor": [(lambda a, b: torch.fmod(a, b) * b, [np.array([2.3, -1.7, 0.4]), np.array([0.9, 1.1, 0.7])]),
                    (lambda a, b: a.fmod(b), [np.array([[1.3], [-2.6]]), np.array([0.8, -1.1])])],
    "remainder": each(lambda a: (a * a) % 0.37) + each(lambda a: torch.remainder(a, -0.45)),
    "remainder_tensor": [(lambda a, b: torch.remainder(a, b) * b, [np.array([2.3, -1.7, 0.4]),
                                                                    np.array([0.9, 1.1, -0.7])]),
                         (lambda a, b: a % b, [np.array([[1.3], [-2.6]]), np.array([0.8, -1.1])])],
    "div_rounding": [(lambda a, b: torch.div(a, b, rounding_mode="floor") * a + b, [np.array([2.3, -1.7, 0.4]),
                                                                                    np.array([0.9, 1.1, -0.7])]),
                     (lambda a: torch.div(a * 3, 0.7, rounding_mode="trunc") * a, [spread((3, 2))])],
    "roll": [(lambda a: torch.roll(a, 1) * a, [spread(s)]) for s in SHAPES]
    + [(lambda a: a.roll((1, -1), (0, 1)) * a, [spread((3, 2))])],
}
