"""What the thirty-first probe (probabilistic-modelling lessons: count models with NegativeBinomial and
overdispersion, von Mises directional statistics, low-rank Gaussian posteriors, continuous Bernoulli, generalized
Pareto, LKJ and Wishart priors, Gamma.cdf) found, each checked against PyTorch: ATen's Poisson sampler (Hoermann's
transformed rejection) keeps its draw k as the double floor(..) while it tests it and converts it to int64 only when
it returns, so a rate beyond int64's range (a NegativeBinomial with large logits, whose Gamma rate is huge; an
infinite rate) draws INT64_MIN (-9.2234e+18) instead of raising, and consumes the uniforms PyTorch consumes (the
draws after it agree); the binomial sampler's std::floor of an infinite count gives nan instead of an error; and _sample_dirichlet's
clamp std::min(max, std::max(tiny, x)) turns the NaN share of an infinite concentration into tiny (numpy's maximum
kept the NaN)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "poisson_beyond_int64": [
        "import torch",
        "torch.manual_seed(0)\nprint(torch.poisson(torch.tensor([1e18, 1e19, 5e21, 1e30, float('inf'), 9.2e18, 9.3e18])))",
        "torch.manual_seed(0)\nprint(torch.poisson(torch.tensor([1e19, 3.0, float('inf'), 20.0], dtype=torch.float64)))",
        "torch.manual_seed(1)\nprint(torch.poisson(torch.full((2, 3), 1e25)), torch.rand(3, dtype=torch.float64))",
    ],
    "huge_rate_stream": [
        "import torch\nfrom torch.distributions import NegativeBinomial, Poisson",
        "\n".join(f"torch.manual_seed({s}); torch.poisson(torch.tensor([1e20])); print(torch.rand(2))"
                  for s in range(6)),
        "torch.manual_seed(0)\nprint(Poisson(torch.tensor([1e20, 3.0, 15.0])).sample((3,)))",
        "torch.manual_seed(0)\nd = NegativeBinomial(torch.tensor([2.0, 1e3, 3.0]), logits=torch.tensor([50.0, 40.0, 0.0]))\n"
        "print(d.sample((3,)))\nprint(d.mean, d.variance)",
        "torch.manual_seed(2)\nd = NegativeBinomial(torch.tensor(2.0, dtype=torch.float64), logits=torch.tensor(45.0, dtype=torch.float64))\n"
        "print(d.sample((4,)), torch.randn(2))",
    ],
    "binomial_infinite_count": [
        "import torch",
        "torch.manual_seed(0)\nprint(torch.binomial(torch.tensor([1e20, 1e10, 5e18, float('inf')]), torch.tensor([0.5, 0.5, 0.9, 0.5])))",
        "torch.manual_seed(0)\nprint(torch.binomial(torch.tensor([float('inf'), 30.0], dtype=torch.float64), torch.tensor([0.2, 0.7], dtype=torch.float64)), torch.rand(2))",
    ],
    "dirichlet_infinite_concentration": [
        "import torch\nfrom torch.distributions import Beta, Dirichlet",
        "torch.manual_seed(0)\nprint(torch._sample_dirichlet(torch.tensor([[float('inf'), 1.0], [1e-30, 1e-30]])), torch.rand(2))",
        "torch.manual_seed(0)\nprint(Dirichlet(torch.tensor([float('inf'), 2.0, 3.0], dtype=torch.float64)).sample((2,)))",
        "torch.manual_seed(0)\nprint(Beta(torch.tensor([float('inf'), 2.0]), torch.tensor([1.0, float('inf')])).sample())",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe31_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
