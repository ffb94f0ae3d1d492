"""torch.distributions for the probabilistic deep learning lessons: ContinuousBernoulli, NegativeBinomial,
LowRankMultivariateNormal, VonMises, GeneralizedPareto, LKJCholesky, Wishart, the kl_divergence pairs PyTorch
registers with Gumbel, Pareto, ContinuousBernoulli and LowRankMultivariateNormal, inverse cdfs through a Uniform
base (Gumbel.icdf), biject_to/transform_to and the transforms they give (Softmax, LowerCholesky, CorrCholesky, Cat,
Stack ...), the matrix constraints, PyTorch's module names (torch.distributions.laplace ...) and messages, against
real PyTorch: printed values, reprs, messages and graphs, and the draws bit for bit."""
from helpers import assert_same_as_pytorch, require
from test_distributions2_vs_torch import _assert_bits

SETUP = "import torch\nimport torch.distributions as D\ntorch.manual_seed(0)\n"

CELLS = [
    # inverse cdfs of the TransformedDistributions over a Uniform
    SETUP + "g = D.Gumbel(torch.tensor([0.0, 2.0]), torch.tensor([1.0, 0.5]))\n"
    "x = g.icdf(torch.tensor([0.1, 0.9]))\nx, g.cdf(x), D.Uniform(0.0, 2.0).icdf(torch.tensor([0.25, 1.0]))",
    "D.Pareto(1.0, 2.0).icdf(torch.tensor(0.5)), D.Kumaraswamy(2.0, 3.0).icdf(torch.tensor(0.5)), "
    "D.Uniform(torch.tensor([0.0, 1.0], requires_grad=True), 3.0).icdf(torch.tensor(0.5))",
    # KL pairs with a Gumbel or a Pareto
    "D.kl_divergence(D.Gumbel(0.0, 1.0), D.Normal(0.5, 2.0)), D.kl_divergence(D.Normal(0.0, 1.0), D.Gumbel(0.5, 2.0)), "
    "D.kl_divergence(D.Exponential(torch.tensor(1.5)), D.Gumbel(0.5, 2.0)), "
    "D.kl_divergence(D.Gamma(2.0, 3.0), D.Gumbel(0.5, 2.0)), D.kl_divergence(D.Uniform(0.0, 1.0), D.Gumbel(0.5, 2.0))",
    "[D.kl_divergence(D.Gumbel(0.0, 1.0), q) for q in (D.Uniform(0.0, 1.0), D.Beta(1.0, 1.0), "
    "D.Exponential(torch.tensor(1.0)), D.Gamma(1.0, 1.0), D.Pareto(1.0, 2.0))]",
    "D.kl_divergence(D.Pareto(1.0, 3.0), D.Pareto(torch.tensor([0.5, 2.0]), 2.0)), "
    "D.kl_divergence(D.Pareto(1.0, torch.tensor([0.5, 3.0])), D.Exponential(torch.tensor(1.0))), "
    "D.kl_divergence(D.Pareto(1.0, torch.tensor([0.5, 3.0])), D.Gamma(2.0, 1.0)), "
    "D.kl_divergence(D.Pareto(1.0, torch.tensor([1.5, 3.0])), D.Normal(0.0, 1.0))",
    "D.kl_divergence(D.Uniform(torch.tensor([0.5, 2.0]), 3.0), D.Pareto(1.0, 2.0)), "
    "[D.kl_divergence(p, D.Pareto(1.0, 2.0)) for p in (D.Beta(2.0, 2.0), D.Normal(0.0, 1.0), "
    "D.Laplace(0.0, 1.0), D.Gamma(2.0, 1.0), D.Exponential(torch.tensor(1.0)))], "
    "D.kl_divergence(D.Pareto(1.0, 3.0), D.Uniform(0.0, 1.0))",
    "loc = torch.tensor(0.3, requires_grad=True)\nk = D.kl_divergence(D.Normal(loc, 1.0), D.Gumbel(0.0, 1.0))\n"
    "k.backward()\nk, loc.grad",
    "D.kl_divergence(D.Gumbel(0.0, 1.0), D.Laplace(0.0, 1.0))",
    "D.kl_divergence(D.Weibull(1.0, 2.0), D.Weibull(1.0, 3.0))",
    # ContinuousBernoulli
    "cb = D.ContinuousBernoulli(torch.tensor([0.2, 0.5, 0.9]))\n"
    "cb, cb.batch_shape, cb.support, cb.mean, cb.variance, cb.stddev, cb.entropy(), cb.sample(), cb.rsample((2,))",
    "cb.log_prob(torch.tensor([0.1, 0.5, 0.99])), cb.cdf(torch.tensor([0.1, 0.5, 0.99])), "
    "cb.icdf(torch.tensor([0.3, 0.3, 0.3])), cb.has_rsample, cb.param_shape",
    "p = torch.tensor([0.3, 0.7], requires_grad=True)\nx = D.ContinuousBernoulli(probs=p).rsample((3,))\n"
    "x.sum().backward()\nx, x.grad_fn, p.grad",
    "lg = torch.tensor([0.5, -2.0], requires_grad=True)\ncb3 = D.ContinuousBernoulli(logits=lg)\n"
    "l = cb3.log_prob(torch.tensor([0.2, 0.8])).sum()\nl.backward()\ncb3, cb3.probs, l, lg.grad, cb3.mean",
    "D.ContinuousBernoulli(0.3), D.ContinuousBernoulli(0.3).sample(), "
    "D.ContinuousBernoulli(torch.tensor(0.3)).expand((2,)).sample(), D.ContinuousBernoulli(torch.tensor([1.5]))",
    "D.ContinuousBernoulli(torch.tensor([1.5]), validate_args=False)",
    "D.ContinuousBernoulli(torch.tensor([0.5]), logits=torch.tensor([0.5]))",
    "cb.log_prob(torch.tensor([1.5, 0.5, 0.5]))",
    "D.kl_divergence(cb, D.ContinuousBernoulli(torch.tensor([0.6, 0.4, 0.1]))), "
    "D.kl_divergence(cb, D.Normal(0.0, 1.0)), "
    "D.kl_divergence(cb, D.Uniform(torch.tensor(0.0), torch.tensor(1.0))), "
    "D.kl_divergence(cb, D.Uniform(torch.tensor(-1.0), torch.tensor(2.0)))",
    "D.kl_divergence(D.Uniform(torch.tensor(0.2), torch.tensor(0.6)), cb), "
    "D.kl_divergence(D.Beta(torch.tensor(2.0), torch.tensor(3.0)), cb), "
    "D.kl_divergence(cb, D.Exponential(torch.tensor(2.0))), D.kl_divergence(D.Normal(0.0, 1.0), cb), "
    "D.kl_divergence(cb, D.Pareto(1.0, 2.0)), D.kl_divergence(D.Gumbel(0.0, 1.0), cb)",
    # NegativeBinomial
    "nb = D.NegativeBinomial(torch.tensor([3.0, 10.0]), probs=torch.tensor([0.4, 0.7]))\n"
    "nb, nb.support, nb.mean, nb.variance, nb.mode, nb.logits, nb.sample(), nb.sample((3,)), "
    "nb.expand((3, 2)).sample()",
    "nb.log_prob(torch.tensor([2.0, 15.0])), D.NegativeBinomial(5, logits=torch.tensor(0.3)), "
    "D.NegativeBinomial(5, logits=torch.tensor(0.3)).sample((4,)), nb.arg_constraints",
    "tc = torch.tensor(4.0, requires_grad=True)\nlgt = torch.tensor(-0.5, requires_grad=True)\n"
    "nl = D.NegativeBinomial(tc, logits=lgt).log_prob(torch.tensor([0.0, 3.0, 7.0])).sum()\nnl.backward()\n"
    "nl, tc.grad, lgt.grad, "
    "D.NegativeBinomial(torch.tensor([0.0]), probs=torch.tensor([0.5])).log_prob(torch.tensor([0.0]))",
    "D.NegativeBinomial(torch.tensor([2.0]), probs=torch.tensor([1.0]))",
    "D.NegativeBinomial(torch.tensor([-2.0]), probs=torch.tensor([0.5]))",
    "nb.log_prob(torch.tensor([1.5, 2.0]))",
    "nb.entropy()",
    "D.constraints.half_open_interval(0.0, 1.0), "
    "D.constraints.half_open_interval(0.0, 1.0).check(torch.tensor([0.0, 1.0]))",
    # LowRankMultivariateNormal
    "loc = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)\n"
    "W = torch.tensor([[1.0, 0.2], [0.3, -0.5], [0.0, 0.7]], requires_grad=True)\n"
    "d = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)\nlr = D.LowRankMultivariateNormal(loc, W, d)\n"
    "lr, lr.batch_shape, lr.event_shape, lr.support, lr.variance, lr.scale_tril, lr.covariance_matrix, "
    "lr.precision_matrix, lr._capacitance_tril.grad_fn",
    "s = lr.rsample((4,))\nlp = lr.log_prob(s)\n(lp.sum() + lr.entropy()).backward()\n"
    "s, lp, lr.entropy(), loc.grad, W.grad, d.grad",
    "mvn = D.MultivariateNormal(torch.zeros(3), covariance_matrix=torch.eye(3) * 2)\n"
    "D.kl_divergence(lr, mvn), D.kl_divergence(mvn, lr), "
    "D.kl_divergence(lr, D.LowRankMultivariateNormal(torch.zeros(3), torch.ones(3, 1), torch.ones(3)))",
    "b = D.LowRankMultivariateNormal(torch.zeros(2, 3), torch.ones(3, 1), torch.ones(2, 3))\n"
    "b, b.sample(), b.log_prob(torch.zeros(3)), b.entropy(), b.expand((4, 2)).batch_shape, "
    "D.kl_divergence(b, D.MultivariateNormal(torch.zeros(4, 1, 3), torch.eye(3)))",
    "D.LowRankMultivariateNormal(torch.tensor(0.0), torch.ones(1, 1), torch.ones(1))",
    "D.LowRankMultivariateNormal(torch.zeros(3), torch.ones(3), torch.ones(3))",
    "D.LowRankMultivariateNormal(torch.zeros(3), torch.ones(2, 1), torch.ones(3))",
    "D.LowRankMultivariateNormal(torch.zeros(3), torch.ones(3, 1), torch.ones(2))",
    "D.LowRankMultivariateNormal(torch.zeros(2, 3), torch.ones(3, 3, 1), torch.ones(3))",
    "D.LowRankMultivariateNormal(torch.zeros(3), torch.ones(3, 1), -torch.ones(3))",
    "D.kl_divergence(lr, D.MultivariateNormal(torch.zeros(2), torch.eye(2)))",
    "D.kl_divergence(D.MultivariateNormal(torch.zeros(2), torch.eye(2)), lr)",
    # VonMises
    "vm = D.VonMises(torch.tensor([0.0, 1.0, -2.0]), torch.tensor([0.5, 4.0, 20.0]))\n"
    "vm, vm.support, vm.mean, vm.variance, vm.has_rsample, vm.sample(), vm.sample((4,)), "
    "vm.log_prob(torch.tensor([0.5, 7.0, -2.0])), D.VonMises(0.0, 1e-6).sample((3,)), "
    "D.VonMises(torch.tensor(0.0), torch.tensor(1.0)).expand((2,)).sample(), torch.rand(2)",
    "k = torch.tensor(2.0, requires_grad=True)\n"
    "l = D.VonMises(torch.tensor(0.3), k).log_prob(torch.tensor([0.0, 1.0, 3.0])).sum()\nl.backward()\nl, k.grad",
    "D.VonMises(0.0, -1.0)",
    "D.VonMises(0.0, 1.0).rsample()",
    # GeneralizedPareto
    "g = D.GeneralizedPareto(torch.tensor([0.0, 0.1, 1.0]), torch.tensor([1.0, 2.0, 0.5]), "
    "torch.tensor([0.0, 0.4, -0.5]))\n"
    "g, g.support, g.mean, g.variance, g.entropy(), g.sample(), g.rsample((3,)), "
    "g.log_prob(torch.tensor([0.5, 1.0, 1.5])), g.cdf(torch.tensor([0.5, 1.0, 1.5])), "
    "g.icdf(torch.tensor([0.1, 0.5, 0.9])), g.log_survival_function(torch.tensor([0.5, 1.0, 1.2]))",
    "g.log_prob(torch.tensor([0.5, 1.0, 2.5]))",
    "c = torch.tensor(0.3, requires_grad=True)\nx = D.GeneralizedPareto(0.0, 1.0, c).rsample((4,))\n"
    "x.sum().backward()\nx, c.grad, D.GeneralizedPareto(0.0, 1.0, 2.0).mean, D.GeneralizedPareto(0.0, 1.0, 0.5)",
    # LKJCholesky
    "lkj = D.LKJCholesky(3, torch.tensor([0.5, 2.0]))\nL = lkj.sample()\n"
    "lkj, lkj.batch_shape, lkj.event_shape, lkj.support, L, L @ L.mT, lkj.sample((2,)).shape, lkj.log_prob(L), "
    "D.LKJCholesky(2, 1.0).expand((3,)).sample().shape",
    "c = torch.tensor(1.5, requires_grad=True)\nlp = D.LKJCholesky(4, c).log_prob(D.LKJCholesky(4, 1.0).sample())\n"
    "lp.backward()\nlp, c.grad",
    "D.LKJCholesky(1)",
    "D.LKJCholesky(3, -1.0)",
    "D.LKJCholesky(2).log_prob(torch.tensor([[1.0, 0.0], [0.5, 0.5]]))",
    # Wishart (PyTorch's rsample takes every positive-definite draw for singular and draws it again, warning)
    "S = torch.tensor([[2.0, 0.3], [0.3, 1.0]])\nw = D.Wishart(torch.tensor(4.0), covariance_matrix=S)\n"
    "X = w.sample()\n"
    "w, w.support, w.df, w.mean, w.variance, w.mode, w.entropy(), w.arg_constraints, X, w.sample((2,)).shape, "
    "w.log_prob(X), w.rsample((3,)), w.scale_tril, w.precision_matrix",
    "D.Wishart(5, scale_tril=torch.eye(3)), D.Wishart(5, scale_tril=torch.eye(3)).sample(), "
    "D.Wishart(5, precision_matrix=S).covariance_matrix, "
    "D.Wishart(torch.tensor([3.0, 6.0]), covariance_matrix=S).sample(), "
    "D.Wishart(torch.tensor([3.0, 6.0]), covariance_matrix=S).entropy(), "
    "D.Wishart(4.0, covariance_matrix=S).expand((3,)).sample().shape",
    "df = torch.tensor(4.5, requires_grad=True)\nL = torch.tensor([[1.0, 0.0], [0.5, 1.2]], requires_grad=True)\n"
    "ww = D.Wishart(df, scale_tril=L)\nY = ww.rsample()\n(Y.sum() + ww.log_prob(S)).backward()\n"
    "Y, df.grad, L.grad, D.kl_divergence(D.Wishart(torch.tensor(4.0), covariance_matrix=S), "
    "D.Wishart(torch.tensor(5.0), covariance_matrix=torch.eye(2)))",
    "D.Wishart(torch.tensor(1.5), covariance_matrix=S)",
    "D.Wishart(torch.tensor(0.5), covariance_matrix=S)",
    "D.Wishart(torch.tensor(3.0), covariance_matrix=S, scale_tril=S)",
    "D.Wishart(torch.tensor(3.0), covariance_matrix=torch.ones(2))",
    "w.log_prob(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))",
    # mismatched parameter shapes: broadcast_tensors' message
    "D.Normal(torch.zeros(2), torch.ones(3))",
    "torch.broadcast_tensors(torch.zeros(2, 1), torch.zeros(3), torch.zeros(4))",
    "torch.broadcast_tensors(torch.zeros(3, 1), torch.zeros(1, 4), torch.zeros(5, 1, 1))[0].shape",
    # biject_to / transform_to and the transforms they give
    "x = torch.randn(2, 3, requires_grad=True)\nC = D.constraints\n"
    "[(D.transform_to(c), D.biject_to(c)) for c in (C.real, C.positive, C.greater_than(2.0), C.less_than(1.0), "
    "C.unit_interval, C.interval(-2.0, 3.0), C.half_open_interval(0.0, 1.0), C.independent(C.positive, 1))]",
    "t = D.transform_to(C.interval(-2.0, 3.0))\ny = t(x)\ny, t.inv(y), t.log_abs_det_jacobian(x, y), "
    "D.biject_to(C.simplex)(x), D.transform_to(C.simplex)(x), D.transform_to(C.positive_definite)(torch.randn(2, 2))",
    "D.transform_to(C.lower_cholesky)(torch.tensor([[0.0, 1.0], [2.0, 0.5]])), "
    "D.transform_to(C.independent(C.positive, 1)).log_abs_det_jacobian(x, x.exp())",
    "D.biject_to(C.lower_cholesky)",
    "D.transform_to(C.nonnegative_integer)",
    "D.transform_to.register(3, lambda c: None)",
    "D.transforms.SoftmaxTransform().log_abs_det_jacobian(x, x)",
    "rt = D.transforms.ReshapeTransform((2, 3), (6,))\nrt, rt(x), rt.log_abs_det_jacobian(x, rt(x)), "
    "D.TransformedDistribution(D.Normal(torch.zeros(2, 3), 1.0), [rt]).log_prob(torch.zeros(6))",
    "D.transforms.ReshapeTransform((2, 3), (5,))",
    "D.transforms.ReshapeTransform((2, 3), (6,)).forward_shape((4, 3, 2))",
    "it = D.transforms.IndependentTransform(D.transforms.ExpTransform(), 1)\n"
    "td = D.TransformedDistribution(D.Normal(torch.zeros(3), 1.0), [it])\n"
    "it, it.codomain, it.event_dim, td.event_shape, td.log_prob(torch.ones(3)), D.identity_transform",
    "raw = torch.zeros(3, requires_grad=True)\np = D.transform_to(C.simplex)(raw)\np.sum().backward()\n"
    "p, raw.grad, D.transforms.PositiveDefiniteTransform().inv(torch.tensor([[2.0, 0.5], [0.5, 1.0]]))",
    # the matrix constraints, cat and stack, and their transforms
    "C.lower_triangular, C.corr_cholesky, C.square, C.symmetric, C.positive_semidefinite, C.positive_definite, "
    "C.cat([C.real, C.positive]), C.stack([C.real, C.positive]), "
    "[c.check(torch.tensor([[2.0, 0.5], [0.5, 1.0]])) for c in (C.lower_triangular, C.corr_cholesky, C.square, "
    "C.symmetric, C.positive_semidefinite, C.positive_definite)], "
    "C.corr_cholesky.check(torch.tensor([[1.0, 0.0], [0.6, 0.8]])), isinstance(C.positive_definite, type(C.symmetric))",
    "C.cat([C.real, C.positive], dim=0, lengths=[2, 1]).check(torch.tensor([-1.0, 0.0, 2.0])), "
    "C.stack([C.real, C.positive], dim=-1).check(torch.tensor([[-1.0, -2.0], [0.0, 1.0]])), "
    "C.cat([C.real, C.simplex]).event_dim, C.stack([C.real, C.positive], dim=-1).event_dim",
    "C.cat([C.real, C.positive], lengths=[1])",
    "D.utils.tril_matrix_to_vec(torch.arange(9.0).view(3, 3), diag=-1), D.utils.vec_to_tril_matrix(torch.arange(6.0))",
    "D.utils.tril_matrix_to_vec(torch.zeros(3, 3), diag=4)",
    "x = torch.randn(2, 3, requires_grad=True)\ncc = D.transforms.CorrCholeskyTransform()\nL = cc(x)\n"
    "L.sum().backward()\nL, cc.inv(L), cc.log_abs_det_jacobian(x, L), cc.forward_shape((2, 3)), x.grad, "
    "D.biject_to(C.corr_cholesky), D.transform_to(C.positive_semidefinite)",
    "D.transforms.CorrCholeskyTransform().forward_shape((4,))",
    "z = torch.randn(4, 3)\n"
    "ct = D.transforms.CatTransform([D.transforms.ExpTransform(), D.identity_transform, "
    "D.transforms.SigmoidTransform()], dim=0, lengths=[1, 2, 1])\n"
    "st = D.transforms.StackTransform([D.transforms.ExpTransform(), D.identity_transform, "
    "D.transforms.SigmoidTransform()], dim=1)\n"
    "ct(z), ct.inv(ct(z)), ct.log_abs_det_jacobian(z, ct(z)), ct.event_dim, ct.length, ct.domain, st(z), "
    "st.inv(st(z)), st.log_abs_det_jacobian(z, st(z)), st.codomain, "
    "D.biject_to(C.cat([C.real, C.positive], lengths=[1, 2]))(torch.zeros(3))",
    "ct(torch.zeros(3, 3))",
    "st(torch.zeros(4, 2))",
    "cdf = D.transforms.CumulativeDistributionTransform(D.Normal(0.0, 1.0))\nu = torch.tensor([-1.0, 0.0, 2.0])\n"
    "cop = D.TransformedDistribution(D.MultivariateNormal(torch.zeros(2), "
    "scale_tril=torch.tensor([[1.0, 0.0], [0.5, 0.8]])), [cdf])\n"
    "cdf, cdf(u), cdf.inv(cdf(u)), cdf.log_abs_det_jacobian(u, cdf(u)), cdf.domain, cdf.codomain, cop.sample((3,)), "
    "cop.log_prob(torch.tensor([0.3, 0.6]))",
    # PyTorch's module names
    "from torch.distributions.laplace import Laplace\nfrom torch.distributions.gumbel import Gumbel\n"
    "from torch.distributions.log_normal import LogNormal\nfrom torch.distributions.half_cauchy import HalfCauchy\n"
    "from torch.distributions.weibull import Weibull\nfrom torch.distributions.beta import Beta\n"
    "from torch.distributions.constraint_registry import transform_to\n"
    "Laplace, Gumbel, LogNormal, HalfCauchy, Weibull, Beta, torch.distributions.negative_binomial.NegativeBinomial, "
    "torch.distributions.continuous_bernoulli.ContinuousBernoulli, "
    "torch.distributions.lowrank_multivariate_normal.LowRankMultivariateNormal",
    "D.Normal(0.0, 1.0).sample_n(2).shape",
    # PyTorch's messages
    "D.TransformedDistribution(D.Normal(0., 1.), [D.transforms.ExpTransform()]).mean",
    "D.Gumbel(0.0, 1.0).base_dist.variance, D.VonMises(0.0, 1.0).base_dist",
    "D.TransformedDistribution(D.Normal(0., 1.), [D.transforms.ExpTransform()]).variance",
    "D.MixtureSameFamily(D.Categorical(torch.ones(2)), torch.ones(2))",
    "D.Normal([0.0, 1.0], 1.0)",
    "type(D.Normal(0.0, 1.0).support), type(D.constraints.positive), D.transforms.ExpTransform, "
    "type(D.transforms.ExpTransform().inv), type(D.Uniform(0.0, 1.0).support), D.utils.lazy_property, "
    "type(D.MixtureSameFamily(D.Categorical(torch.ones(2)), D.Normal(torch.zeros(2), 1.0)).support)",
    "D.Normal(0.0, 1.0).enumerate_support()",
    "D.Independent(D.Bernoulli(torch.tensor([0.2, 0.7])), 1).enumerate_support()",
    "D.Independent(D.Bernoulli(torch.tensor([0.2, 0.7])), 0).enumerate_support(expand=False)",
]


def test_distributions3_same_as_pytorch():
    real = require("torch")
    from autograd_magic import torch as ours
    before = real.distributions.Distribution._validate_args, ours.distributions.Distribution._validate_args
    real.distributions.Distribution.set_default_validate_args(True)
    ours.distributions.Distribution.set_default_validate_args(True)
    try:
        assert_same_as_pytorch(CELLS, corpus="distributions", name="distributions3", warns="per_cell")
    finally:
        real.distributions.Distribution.set_default_validate_args(before[0])
        ours.distributions.Distribution.set_default_validate_args(before[1])


def test_new_distribution_samples_are_pytorchs_bits():
    """The draws bit for bit where the values do not go through log (the engine's log and log1p may differ from
    PyTorch's vectorised ones by an ulp): ContinuousBernoulli near probs = 1/2 returns its uniform draw itself."""
    def draws(t):
        D = t.distributions
        return (D.ContinuousBernoulli(t.tensor([0.4995, 0.5, 0.5005])).rsample((30,)),
                D.ContinuousBernoulli(logits=t.tensor([0.0, 0.001], dtype=t.float64)).sample((20,)),
                D.NegativeBinomial(t.tensor([3.0, 40.0]), probs=t.tensor([0.4, 0.9])).sample((30,)),
                D.NegativeBinomial(5, logits=t.tensor(0.3, dtype=t.float64)).sample((10,)),
                D.LowRankMultivariateNormal(t.zeros(3), t.tensor([[1.0], [0.5], [-0.5]]), t.ones(3)).rsample((10,)),
                D.Gumbel(t.tensor([0.0, 2.0]), t.tensor([1.0, 0.5])).sample((20,)),
                D.Weibull(t.tensor(1.0, dtype=t.float64), 1.5).sample((20,)), D.HalfCauchy(2.0).rsample((20,)),
                D.Laplace(t.tensor(0.0), 1.0).rsample((20,)), D.LogNormal(0.0, 0.5).sample((20,)),
                D.VonMises(t.tensor([0.0, 1.0]), t.tensor([0.01, 5.0])).sample((20,)),
                D.GeneralizedPareto(0.0, 1.0, t.tensor([0.0, 0.5])).rsample((10,)))
    _assert_bits(draws, seed=5)
