"""What the forty-second probe (statistics and data-analysis lessons: descriptive statistics, bootstrap and
permutation tests with a torch.Generator, ECDFs with searchsorted, histograms, correlation and covariance,
hypothesis tests with torch.distributions) found, each checked against PyTorch: the argument parser's errors of
the statistics functions (x.quantile([0.5]), torch.median(x, 0.5), torch.kthvalue(x, 1.5), torch.histc(x, 2.5),
torch.var_mean(x, unbiased=True, correction=1), x.std(dim=0, unbiased=False, correction=0): keywords of two
overloads in one call, torch.histogram(x, bins=Tensor, range=...), multinomial's generator=); quantile's checks in
ATen's order (float16 refused, q out of range first) and a 0-dim input with dim and keepdim; torch.histogram's
checks (bins and weight dtypes, weight shape, bin counts, range) and its binary search over the edges; histc on
float16 and its dispatch errors; a fractional correction= of std / var / var_mean / std_mean (it was truncated
to an int) and cov's int correction; median, nanmedian, kthvalue, mode, aminmax, cummax/cummin, argsort and nansum on
dtypes ATen has no kernel for (bool, complex), an empty or 0-dim input to cummax; searchsorted with NaN in the
boundaries; bincount's weight dtypes and its refusal of bool; cov and corrcoef of complex data; and
torch.Generator's manual_seed and set_state type errors; a number given to torch.special's functions (the
TypeError under PyTorch's special_ name), to torch.lgamma / digamma / i0 / mvlgamma, and so to
Normal(0, 1).icdf(0.975)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''import numpy as np
x = torch.tensor([3.0, 1.0, 2.0, 5.0, 1.0])
'''

CELLS = {
    "stats_argument_parser": [
        TRY + '''for f in (lambda: torch.quantile(x, [0.5]), lambda: x.quantile([0.25, 0.75]), lambda: x.nanquantile([0.5]),
          lambda: torch.nanquantile(x, 0.5, "a"), lambda: torch.var_mean(x, 0.5),
          lambda: torch.std_mean(x, unbiased=True, correction=1), lambda: torch.median(x, 0.5),
          lambda: x.median(0.5), lambda: torch.nanmedian(x, 0.5), lambda: torch.kthvalue(x, 1.5),
          lambda: x.kthvalue(k=1.5), lambda: torch.mode(x, 0.5), lambda: torch.cummax(x),
          lambda: x.cummin(), lambda: torch.histc(x, 2.5), lambda: x.histc(4, "0"), lambda: torch.histogram(x, 2.5),
          lambda: torch.bincount(x.long(), 3), lambda: torch.multinomial(x, 1.5), lambda: x.multinomial(2, 1),
          lambda: torch.multinomial(x, 2, generator=5)):
    attempt(f)''',
        '''for f in (lambda: x.std(dim=0, unbiased=False, correction=0), lambda: torch.var(x, 0, unbiased=False, correction=1),
          lambda: x.var(unbiased=True, correction=0), lambda: torch.histogram(x, bins=torch.tensor([0., 2., 6.]), range=(0., 1.)),
          lambda: torch.std_mean(x, 0, True, True), lambda: torch.var_mean(x, (0,), correction=0, keepdim=True),
          lambda: torch.std_mean(x, dim=0, unbiased=False), lambda: torch.quantile(x, q=torch.tensor([0.5]), dim=0, keepdim=True),
          lambda: torch.median(x, dim=0, keepdim=True), lambda: torch.kthvalue(x, k=2, dim=0),
          lambda: torch.histogram(x, bins=3, range=(0., 6.), density=True), lambda: x.histogram(torch.tensor([0., 2., 6.])),
          lambda: torch.bincount(torch.tensor([0, 2, 2]), torch.tensor([1., 2., 3.]), 4)):
    attempt(f)''',
    ],
    "quantile_checks_in_order": [
        TRY + '''for f in (lambda: torch.quantile(x.half(), 0.5), lambda: torch.nanquantile(x.half(), 0.5),
          lambda: torch.quantile(x.half(), torch.tensor([0.5]).half()), lambda: torch.quantile(x.half(), 1.5),
          lambda: torch.quantile(x.long(), torch.tensor([[0.5]])), lambda: torch.quantile(torch.tensor([]).long(), 0.5),
          lambda: torch.quantile(x.half(), torch.tensor([0.5])), lambda: torch.quantile(torch.tensor([]), torch.tensor([[1.5]]).double()),
          lambda: torch.quantile(torch.tensor([]), 1.5, interpolation="bad"), lambda: torch.quantile(torch.tensor([]), 0.5, interpolation="bad"),
          lambda: torch.quantile(x, torch.tensor(1.5)), lambda: torch.quantile(torch.tensor(2.0), 0.3, dim=0, keepdim=True),
          lambda: torch.quantile(torch.tensor(2.0), torch.tensor([0.3, 0.6]), dim=0, keepdim=True),
          lambda: torch.nanquantile(torch.tensor(float("nan")), 0.3, dim=-1, keepdim=True), lambda: torch.quantile(torch.tensor(2.0), 0.3, dim=1)):
    attempt(f)''',
    ],
    "histogram_checks": [
        TRY + '''for f in (lambda: torch.histogram(x.double(), 3, weight=torch.ones(5)), lambda: torch.histogram(x, torch.tensor([0., 2., 6.]).double()),
          lambda: torch.histogram(x, torch.tensor([0, 2, 6])), lambda: torch.histogram(x, torch.tensor([[0., 2., 6.]])),
          lambda: torch.histogram(x, torch.tensor([0.])), lambda: torch.histogram(x, torch.tensor([])),
          lambda: torch.histogram(x, 3, weight=torch.ones(4)), lambda: torch.histogram(x, 3, weight=torch.tensor(1.)),
          lambda: torch.histogram(x[:4].view(2, 2), 3, weight=torch.ones(2, 3)), lambda: torch.histogram(x[:4].view(2, 2), 3, weight=torch.ones(2, 2)),
          lambda: torch.histogram(x, 0), lambda: torch.histogram(x.long(), -1), lambda: torch.histogram(x, 3, range=(1.,)),
          lambda: torch.histogram(x.long(), 3, weight=torch.ones(5)), lambda: torch.histogram(x.long(), 3, range=(0., 1.)),
          lambda: torch.histogram(x.long(), torch.tensor([0, 2, 6])), lambda: torch.histogram(torch.tensor([]).long(), 3),
          lambda: torch.histogram(x.bool(), 3, range=(0., 1.)), lambda: torch.histogram(x.half(), 3, range=(0., 4.)),
          lambda: torch.histogram(x.half(), torch.tensor([0., 1., 6.]).half()),
          lambda: torch.histogram(x, torch.tensor([0., 3., 2.])), lambda: torch.histogram(torch.tensor([0.5, 2.5, 4.0, 4.5, 2.0, 1.0]), torch.tensor([0., 4., 1., 3., 5.]))):
    attempt(f)''',
        '''for f in (lambda: torch.histc(x.half(), 3), lambda: torch.histc(x.half(), 3, min=1, max=4), lambda: torch.histc(x.bool(), 3),
          lambda: torch.histc(x.bool(), 3, min=0, max=1), lambda: torch.histc(x.to(torch.complex64), 3), lambda: torch.histc(x.long(), 3),
          lambda: torch.histc(x, -2), lambda: torch.histc(x, 3, min=5, max=1), lambda: torch.histc(torch.tensor([1., float("nan")]), 3),
          lambda: torch.histc(torch.tensor([]), 3)):
    attempt(f)''',
    ],
    "no_kernel_for_the_dtype": [
        TRY + '''c = x.to(torch.complex64)
for t in (x.bool(), c, torch.tensor(True), torch.tensor(1j), torch.ones(2, 0, dtype=torch.complex64), torch.tensor([], dtype=torch.bool)):
    for f in (lambda: torch.median(t), lambda: torch.median(t, 0), lambda: torch.nanmedian(t), lambda: t.nanmedian(-1),
              lambda: torch.kthvalue(t, 1), lambda: torch.mode(t), lambda: torch.aminmax(t), lambda: torch.aminmax(t, dim=0),
              lambda: torch.aminmax(t, dim=1), lambda: torch.cummax(t, 0), lambda: torch.cummin(t, 5), lambda: torch.argsort(t),
              lambda: torch.argsort(t, stable=True), lambda: torch.nanmean(t), lambda: torch.nansum(t), lambda: torch.topk(t, 1)):
        attempt(f)''',
    ],
    "search_bincount_cov_generator": [
        TRY + '''print(torch.searchsorted(torch.tensor([1., 2., float("nan")]), torch.tensor([float("nan"), 5., 1.5])),
      torch.searchsorted(torch.tensor([1., 2., float("nan")]), torch.tensor([float("nan"), 5.]), right=True),
      torch.bucketize(torch.tensor([float("nan"), 0.5]), torch.tensor([0., 1., float("nan")])),
      torch.searchsorted(torch.tensor([[1., float("nan")], [0., 1.]]), torch.tensor([[float("nan")], [0.5]])),
      torch.searchsorted(torch.tensor([3., float("nan"), 1.]), torch.tensor([2., float("nan")]), sorter=torch.tensor([2, 0, 1])))
for f in (lambda: torch.bincount(torch.tensor([0, 1, 1]), weights=torch.tensor([1., 2., 3.]).half()),
          lambda: torch.bincount(torch.tensor([True, False])), lambda: torch.bincount(torch.tensor([0, 2, 2]), weights=torch.full((3,), 0.1)),
          lambda: torch.cov(torch.tensor([[1 + 2j, 3 - 1j, 0.5j], [2, 1j, -1]]), fweights=torch.tensor([1, 2, 1])).dtype,
          lambda: torch.corrcoef(torch.tensor([[1 + 2j, 3 - 1j, 0.5j], [2, 1j, -1]])).dtype,
          lambda: torch.cov(x.view(1, 5).to(torch.complex64), aweights=torch.rand(5)).dtype,
          lambda: torch.Generator().manual_seed(1.5), lambda: torch.Generator().manual_seed("1"),
          lambda: torch.Generator().manual_seed(np.int64(3)), lambda: torch.Generator().manual_seed(torch.tensor(3)),
          lambda: torch.Generator().set_state([1]), lambda: torch.Generator().set_state(np.zeros(5056, np.uint8)),
          lambda: torch.Generator().manual_seed(2).initial_seed()):
    attempt(f)''',
    ],
    "fractional_correction": [
        TRY + '''xd = torch.tensor([[3.0, 1.0, 2.0], [5.0, 1.0, 4.0]], dtype=torch.float64, requires_grad=True)
for f in (lambda: x.std(correction=0.5), lambda: x.view(1, 5).var(dim=1, correction=1.5),
          lambda: xd.var(dim=1, correction=1.5), lambda: xd.std(correction=2.5),
          lambda: torch.var_mean(x, 0, correction=0.5), lambda: torch.std_mean(xd, correction=0.25),
          lambda: x.var(correction=torch.tensor(1.5)), lambda: torch.autograd.grad(xd.var(correction=0.5), xd),
          lambda: torch.cov(x.view(1, 5), correction=0.5), lambda: x.view(1, 5).cov(correction=1.5),
          lambda: torch.cov(x.view(1, 5), correction=True)):
    attempt(f)''',
    ],
    "a_number_where_a_tensor_goes": [
        TRY + '''for f in (lambda: torch.distributions.Normal(0., 1.).icdf(0.975), lambda: torch.distributions.Normal(0., 1.).cdf(1.96),
          lambda: torch.lgamma(0.5), lambda: torch.digamma(2), lambda: torch.i0([0.5]), lambda: torch.mvlgamma(0.5, 1),
          lambda: torch.special.gammaln(torch.tensor(3.)), lambda: torch.special.i0(torch.tensor(1.)),
          lambda: torch.i0(torch.tensor(1.)), lambda: torch.special.softmax(torch.tensor([1., 2.]), 0),
          lambda: torch.special.ndtr(torch.tensor(1.96), out=torch.empty(()))):
    attempt(f)
for name in ("entr", "erfcx", "ndtr", "i0", "i0e", "i1", "i1e", "ndtri", "log_ndtr", "expit", "gammaln", "psi", "digamma",
             "erf", "erfc", "erfinv", "exp2", "expm1", "log1p", "sinc", "round", "logit", "multigammaln", "logsumexp",
             "softmax", "log_softmax", "bessel_j0"):
    attempt(lambda: getattr(torch.special, name)(0.5))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe42_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
