"""The ops behind torch.distributions' Gamma, Beta, Dirichlet, Poisson and Binomial: the gamma-function family
(lgamma, digamma, polygamma: LgammaBackward0 ...) and the samplers (bernoulli among them), registered like ops.py.

The samplers draw before the op runs (random_samplers, from the generator the caller passes), so each forward
here takes its drawn values as a constant. PyTorch records poisson under PoissonBackward0 (a zero gradient) and
binomial / _sample_dirichlet under nodes whose backward raises. ``STANDARD_GAMMA`` (StandardGammaBackward0) is
declared here but kept out of the op table on purpose: its gradient is the implicit reparameterization
-(dF/dalpha) / f (ATen's _standard_gamma_grad), not the derivative of the draws at a fixed seed, so the table's
finite-difference check cannot apply; tests compare it with PyTorch's _standard_gamma_grad bit for bit instead.

The gamma-function ops carry names of their own (dist_lgamma ...) so that they never collide with another
declaration of torch.lgamma; their nodes are PyTorch's."""
from . import reparam_grads, special_fns
from .optable import OpDef, defop


def _arr(xp, t):
    return t if xp.is_numpy else t._data


@defop("dist_lgamma", "LgammaBackward0", special_fns.lgamma, saves=(0,))
def lgamma_vjp(xp, grad, saved, consts, needs):
    """grad * digamma(x)."""
    a, = saved
    return (grad * (special_fns.digamma(a) if xp.is_numpy else xp.call("dist_digamma", (a,))),)


@defop("dist_digamma", "DigammaBackward0", special_fns.digamma, saves=(0,))
def digamma_vjp(xp, grad, saved, consts, needs):
    """grad * polygamma(1, x)."""
    a, = saved
    return (grad * (special_fns.trigamma(a) if xp.is_numpy else xp.call("dist_polygamma", (a,), 1)),)


@defop("dist_polygamma", "PolygammaBackward0", lambda a, n: special_fns.polygamma(n, a), saves=(0,))
def polygamma_vjp(xp, grad, saved, consts, needs):
    """grad * polygamma(n + 1, x)."""
    a, = saved
    n = consts[0] + 1
    return (grad * (special_fns.polygamma(n, a) if xp.is_numpy else xp.call("dist_polygamma", (a,), n)),)


@defop("poisson", "PoissonBackward0", lambda rate, drawn: drawn)
def poisson_vjp(xp, grad, saved, consts, needs):
    """Poisson draws do not move with their rate: a zero gradient, as PyTorch's derivatives.yaml says."""
    return (grad * 0,)


def _zero_grads(xp, grad, saved, consts, needs):
    """derivatives.yaml's zeros_like(grad) for every input (the engine reduces each to its input's shape)."""
    return tuple(xp.constant(grad, 0.0) if n else None for n in needs)


# torch.bernoulli(input) and input.bernoulli(): the draws do not move with their probabilities (BernoulliBackward0);
# in place, bernoulli_(p) overwrites what the tensor held: BernoulliBackward1 (a tensor p, which gets a zero
# gradient too) and BernoulliBackward2 (a float p)
defop("bernoulli", "BernoulliBackward0", lambda p, drawn: drawn)(_zero_grads)
defop("bernoulli_tensor_", "BernoulliBackward1", lambda old, p, drawn: drawn)(_zero_grads)
defop("bernoulli_float_", "BernoulliBackward2", lambda old, drawn: drawn)(_zero_grads)

# the other in-place samplers overwrite the tensor too: in a graph, each is a node of its own whose gradient is zero
# (derivatives.yaml: zeros_like(grad)), so a region a random erasing redraws passes no gradient back to what was
# there; random_ is three overloads: random_(from, to), random_(to) and random_()
for _op, _node in (("normal_fill_", "NormalBackward0"), ("uniform_fill_", "UniformBackward0"),
                   ("random_from_", "RandomBackward0"), ("random_to_", "RandomBackward1"),
                   ("random_full_", "RandomBackward2"), ("exponential_fill_", "ExponentialBackward0"),
                   ("geometric_fill_", "GeometricBackward0"), ("cauchy_fill_", "CauchyBackward0"),
                   ("log_normal_fill_", "LogNormalBackward0")):
    defop(_op, _node, lambda old, drawn: drawn)(_zero_grads)


@defop("bernoulli_p", "NotImplemented", lambda input, drawn: drawn, qualname="torch::autograd::NotImplemented")
def bernoulli_p_vjp(xp, grad, saved, consts, needs):
    """torch.bernoulli(input, p) with a float p: ATen's bernoulli.p has no derivative."""
    raise RuntimeError("derivative for aten::bernoulli is not implemented")


@defop("binomial", "NotImplemented", lambda count, prob, drawn: drawn, qualname="torch::autograd::NotImplemented")
def binomial_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for aten::binomial is not implemented")


@defop("sample_dirichlet", "NotImplemented", lambda alpha, drawn: drawn, qualname="torch::autograd::NotImplemented")
def sample_dirichlet_vjp(xp, grad, saved, consts, needs):
    raise RuntimeError("derivative for aten::_sample_dirichlet is not implemented")


def _standard_gamma_vjp(xp, grad, saved, consts, needs):
    """grad * _standard_gamma_grad(alpha, draws): the implicit reparameterization gradient."""
    a, out = saved
    g = reparam_grads.standard_gamma_grad(_arr(xp, a), _arr(xp, out))
    return (grad * xp.wrap(g),)


STANDARD_GAMMA = OpDef("_standard_gamma", "StandardGammaBackward0", lambda alpha, drawn: drawn,
                       _standard_gamma_vjp, saves=(0, -1))
