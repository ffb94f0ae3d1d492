"""torch.distributions beyond the basics (MultivariateNormal, Independent, Exponential, Laplace, LogNormal,
TransformedDistribution with Exp/Affine/Sigmoid transforms) and kl_divergence against real PyTorch: values,
gradients, seeded samples (the same draws), reprs, shapes and messages."""
from helpers import assert_same_as_pytorch, require

SETUP = "import torch\nimport torch.distributions as D\ntorch.manual_seed(0)\n"

CELLS = [
    SETUP + "mu = torch.randn(4, 3, requires_grad=True)\nlogvar = torch.randn(4, 3, requires_grad=True)\n"
    "q = D.Normal(mu, (0.5 * logvar).exp())\np = D.Normal(torch.zeros(4, 3), torch.ones(4, 3))\n"
    "kl = D.kl_divergence(q, p)\nkl, kl.sum(-1).mean()",
    "kl.sum().backward()\nmu.grad, logvar.grad",
    "qi, pi = D.Independent(q, 1), D.Independent(p, 1)\nD.kl_divergence(qi, pi), qi, qi.batch_shape, qi.event_shape",
    "z = qi.rsample()\nz, qi.log_prob(z), qi.entropy(), qi.mean.shape, qi.support",
    "D.kl_divergence(D.Bernoulli(torch.tensor([0.2, 0.7])), D.Bernoulli(torch.tensor([0.5, 0.0])))",
    "D.kl_divergence(D.Categorical(logits=torch.tensor([[1., 2., 3.]])), "
    "D.Categorical(probs=torch.tensor([[0.2, 0.3, 0.5]])))",
    "D.kl_divergence(D.Uniform(0., 1.), D.Uniform(-1., 2.)), D.kl_divergence(D.Uniform(0., 3.), D.Uniform(-1., 2.))",
    "D.kl_divergence(D.Uniform(torch.tensor(0.), torch.tensor(1.)), D.Normal(torch.tensor(0.), torch.tensor(1.)))",
    "D.kl_divergence(D.Normal(0., 1.), D.Laplace(0.5, 2.)), D.kl_divergence(D.Laplace(0., 1.), D.Normal(0.5, 2.))",
    "D.kl_divergence(D.Exponential(torch.tensor([1., 2.])), D.Exponential(torch.tensor(3.))), "
    "D.kl_divergence(D.Exponential(2.), D.Normal(0., 1.)), D.kl_divergence(D.Normal(0., 1.), D.Uniform(0., 1.))",
    "D.kl_divergence(D.LogNormal(0., 1.), D.LogNormal(1., 2.))",
    "D.kl_divergence(D.Normal(0., 1.), D.Bernoulli(0.5))",
    "D.kl_divergence(D.Uniform(0., 1.), D.Bernoulli(0.5))",
    "torch.manual_seed(1)\ne = D.Exponential(torch.tensor([1.0, 0.5]))\n"
    "e, e.sample(), e.sample((2,)), e.log_prob(torch.tensor([0.5, 1.0])), e.entropy(), e.mean, e.variance",
    "e.cdf(torch.tensor(1.0)), e.icdf(torch.tensor(0.5)), e.stddev, e.support, e.log_prob(torch.tensor(-1.0))",
    "l = D.Laplace(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))\n"
    "l, l.sample(), l.rsample((3,)), l.log_prob(torch.tensor(0.3)), l.entropy(), l.variance",
    "l.cdf(torch.tensor(0.3)), l.icdf(torch.tensor(0.3)), l.stddev",
    "ln = D.LogNormal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.5]))\n"
    "ln, ln.sample(), ln.log_prob(torch.tensor([1.0, 2.0])), ln.mean, ln.variance, ln.entropy()",
    "ln.batch_shape, ln.event_shape, ln.support, ln.loc, ln.base_dist, ln.transforms, ln.cdf(torch.tensor(1.5))",
    "loc = torch.tensor([1.0, -1.0], requires_grad=True)\ncov = torch.tensor([[2.0, 0.3], [0.3, 0.5]], requires_grad=True)\n"
    "mvn = D.MultivariateNormal(loc, covariance_matrix=cov)\nmvn, mvn.batch_shape, mvn.event_shape",
    "s = mvn.rsample((3,))\nlp = mvn.log_prob(s)\ns, lp, lp.grad_fn",
    "mvn.entropy(), mvn.variance, mvn.scale_tril, mvn.precision_matrix, mvn",
    "lp.sum().backward()\nloc.grad, cov.grad",
    "m2 = D.MultivariateNormal(torch.zeros(2), scale_tril=torch.tensor([[1.0, 0.0], [0.5, 2.0]]))\n"
    "m2, m2.covariance_matrix, m2.sample(), m2.mean, m2.mode",
    "m3 = D.MultivariateNormal(torch.zeros(3, 2), precision_matrix=torch.tensor([[2.0, 0.3], [0.3, 0.5]]))\n"
    "m3, m3.batch_shape, m3.log_prob(torch.ones(3, 2)), m3.scale_tril",
    "D.kl_divergence(mvn, m2), D.kl_divergence(m3, mvn)",
    "D.MultivariateNormal(torch.zeros(2), torch.eye(2)).log_prob(torch.randn(4, 5, 2)).shape",
    "D.MultivariateNormal(torch.zeros(2))",
    "D.MultivariateNormal(torch.zeros(2), covariance_matrix=torch.tensor([[1.0, 2.0], [2.0, 1.0]]))",
    "D.MultivariateNormal(torch.zeros(2), scale_tril=torch.tensor([[1.0, 2.0], [0.0, 1.0]]))",
    "D.MultivariateNormal(torch.tensor(0.), torch.eye(1))",
    "D.MultivariateNormal(torch.zeros(2), covariance_matrix=torch.ones(2))",
    "D.MultivariateNormal(torch.zeros(2), torch.eye(2)).log_prob(torch.zeros(3))",
    "t = D.TransformedDistribution(D.Uniform(0., 1.), [D.transforms.SigmoidTransform().inv, "
    "D.transforms.AffineTransform(loc=1., scale=2.)])\n"
    "t, t.sample((3,)), t.log_prob(torch.tensor([0.5, 1.0])), t.batch_shape, t.event_shape, t.support",
    "D.transforms.ExpTransform(), D.transforms.ExpTransform().inv, D.transforms.AffineTransform(0., 2.).inv(torch.tensor(4.))",
    "D.ExpTransform() == D.ExpTransform(), D.ExpTransform().inv.inv, D.ExpTransform().sign, D.ExpTransform().event_dim",
    "D.Independent(D.Normal(0., 1.), 1)",
    "D.Exponential(torch.tensor([-1.0]))",
]


def test_distributions_same_as_pytorch():
    # argument validation as in a fresh process: real torch.compile (another test of the same pytest process may
    # have called it) turns PyTorch's default off for the whole process (torch/_dynamo/eval_frame.py)
    real = require("torch")
    from autograd_magic import torch as ours
    before = real.distributions.Distribution._validate_args, ours.distributions.Distribution._validate_args
    real.distributions.Distribution.set_default_validate_args(True)
    ours.distributions.Distribution.set_default_validate_args(True)
    try:
        assert_same_as_pytorch(CELLS, corpus="distributions", name="distributions_more", warns="per_cell")
    finally:
        real.distributions.Distribution.set_default_validate_args(before[0])
        ours.distributions.Distribution.set_default_validate_args(before[1])


EXPAND_CELLS = [   # issue 16: Distribution.expand and transforms that broadcast their base distribution
    SETUP + "n = D.Normal(torch.tensor([0.0, 1.0], requires_grad=True), torch.tensor([1.0, 2.0]))\n"
    "e = n.expand((3, 2))\ne, e.batch_shape, e.loc.shape, e.loc.grad_fn, e.loc.stride(), type(e).__name__",
    "x = e.sample()\nx, e.log_prob(x).shape, e.rsample((2,)).shape, e.entropy()",
    "e.log_prob(torch.zeros(3, 2)).sum().backward()\nn.loc.grad",
    "D.Normal(0., 1.).expand([4]), D.Normal(0., 1.).expand(torch.Size([2, 1])).batch_shape",
    "n.expand((3,))",
    "b = D.Bernoulli(logits=torch.tensor([0.3])).expand((2, 1))\nb, b.logits, b.probs, b.sample((2,)).shape, "
    "b.param_shape",
    "D.Bernoulli(probs=torch.tensor([0.3, 0.9])).expand((2, 2)).probs",
    "c = D.Categorical(probs=torch.tensor([0.2, 0.3, 0.5])).expand((4,))\nc, c.batch_shape, c.sample(), "
    "c.probs.shape, c.log_prob(torch.tensor([0, 1, 2, 2])), c.param_shape",
    "m = D.Multinomial(5, probs=torch.tensor([0.2, 0.8])).expand((3,))\nm.batch_shape, m.event_shape, m.sample(), "
    "m.log_prob(torch.tensor([[1., 4.], [2., 3.], [0., 5.]]))",
    "u = D.Uniform(torch.tensor(0.), torch.tensor(2.)).expand((2, 3))\nu, u.low.shape, u.rsample().shape, "
    "u.entropy()",
    "D.Exponential(torch.tensor([2.])).expand((3,)).rate, D.Laplace(0., 1.).expand((2,)).sample()",
    "mvn = D.MultivariateNormal(torch.zeros(2), covariance_matrix=torch.eye(2) * 2).expand((3,))\n"
    "mvn, mvn.batch_shape, mvn.event_shape, mvn.covariance_matrix.shape, mvn.scale_tril.shape, "
    "mvn.log_prob(torch.ones(3, 2))",
    "ind = D.Independent(D.Normal(torch.zeros(3), torch.ones(3)), 1).expand((2,))\n"
    "ind, ind.batch_shape, ind.event_shape, ind.base_dist.batch_shape, ind.log_prob(torch.zeros(2, 3))",
    "ln = D.LogNormal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.5])).expand((3, 2))\n"
    "type(ln).__name__, ln.batch_shape, ln.base_dist.batch_shape, ln.mean, ln.sample().shape",
    "base = D.Normal(torch.tensor(0.), torch.tensor(1.))\n"
    "t = D.TransformedDistribution(base, [D.AffineTransform(torch.tensor([1., 2., 3.]), 2.)])\n"
    "t.batch_shape, t.base_dist.batch_shape, t.sample(), t.log_prob(torch.tensor([1., 2., 3.]))",
    "t2 = D.TransformedDistribution(D.Normal(torch.zeros(3), torch.ones(3)), "
    "[D.AffineTransform(torch.zeros(2, 1), torch.ones(2, 1)), D.ExpTransform()])\n"
    "t2.batch_shape, t2.base_dist.batch_shape, t2.rsample().shape, t2.log_prob(torch.ones(2, 3))",
    "t3 = t2.expand((4, 2, 3))\nt3.batch_shape, t3.base_dist.batch_shape, t3.sample().shape",
    "class MyNormal(D.Normal):\n    def __init__(self, loc):\n        super().__init__(loc, 1.0)\n"
    "MyNormal(torch.zeros(2)).expand((3, 2))",
    "D.Distribution().expand((2,))",
]


def test_expand_same_as_pytorch():
    require("torch")
    assert_same_as_pytorch(EXPAND_CELLS, corpus="distributions", name="expand", warns="per_cell")
