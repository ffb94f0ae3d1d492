"""What the forty-sixth probe (quantitative-finance lessons: Black-Scholes Greeks by autograd, Monte Carlo pricing,
implied volatility, VaR / CVaR and portfolios, Heston / SABR calibration with LBFGS) found, each checked against
PyTorch: torch.linalg.lstsq (the regression of Longstaff-Schwartz, of a factor model) solves with the LAPACK driver
PyTorch calls (gels, gelsd, gelss: bit for bit, with the residuals ATen sums from the solved block and LAPACK's rank
and singular values; gelsy, PyTorch's default, gives one of the answers PyTorch itself varies between, its MKL
routine not being deterministic), instead of the pseudo-inverse; and torch.func.vmap(randomness='different') makes
each draw of the function once for the whole batch, as PyTorch's batched random ops do (normal draws fill 16 at a
time, so drawing element by element gave other numbers, and draws of several kinds interleaved in another order)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "lstsq_drivers_as_lapack": [
        '''torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    A = torch.vander(torch.linspace(0.5, 1.5, 9, dtype=dt), N=5)
    B = torch.randn(9, 2, dtype=dt)
    for driver in ("gels", "gelsd", "gelss"):
        r = torch.linalg.lstsq(A, B, driver=driver)
        print(driver, r.solution.tolist(), r.residuals.tolist(), r.rank, r.singular_values.tolist())''',
        '''torch.set_printoptions(precision=16)   # (float64 tensors: compared in float64 ulps)
W = torch.vander(torch.linspace(0.9, 1.1, 6, dtype=torch.float64), N=4).T.expand(2, 4, 6) * torch.tensor([[[1.0]], [[2.0]]], dtype=torch.float64)
for driver in ("gels", "gelsd", "gelss"):
    r = torch.linalg.lstsq(W, torch.arange(8.0, dtype=torch.float64).view(2, 4), driver=driver)
    print(driver, r.solution, r.residuals, r.rank, r.singular_values)
D = torch.tensor([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]], dtype=torch.float64)
for driver in ("gelsd", "gelss"):
    r = torch.linalg.lstsq(D, torch.ones(3, 1, dtype=torch.float64), driver=driver)
    print(driver, r.solution, r.residuals, r.rank, r.singular_values)
print(torch.linalg.lstsq(D, torch.ones(3, 1, dtype=torch.float64), rcond=1e-20, driver="gelsd").rank)
print(torch.linalg.lstsq(torch.vander(torch.linspace(1, 2, 7, dtype=torch.float64), N=4), torch.arange(7.0,
      dtype=torch.float64), driver="gelss").solution)''',
        '''# Longstaff-Schwartz: continuation values regressed on 1, S, S^2, S^3
torch.manual_seed(3)
S = 100 * torch.exp(0.2 * torch.randn(500, dtype=torch.float64))
itm = S < 100
X = torch.stack([torch.ones_like(S[itm]), S[itm], S[itm] ** 2, S[itm] ** 3], 1).requires_grad_()
Y = torch.clamp(100 - S[itm] * 1.01, min=0) * 0.99
fit = torch.linalg.lstsq(X, Y.unsqueeze(1), driver="gels")
print(fit.solution, fit.residuals, fit.solution.grad_fn)
for driver in ("gelsd", "gelss"):
    fit = torch.linalg.lstsq(X.detach(), Y, driver=driver)
    print(fit.solution.T, fit.residuals, fit.singular_values)
torch.set_printoptions(profile="default")'''],
    "lstsq_checks_and_batches_as_aten": [
        '''def fit(a, b, da=torch.float64, db=torch.float64, **kw):
    try:
        r = torch.linalg.lstsq(torch.ones(*a, dtype=da), torch.ones(*b, dtype=db), **kw)
        print(a, b, r.solution.shape, r.residuals.shape, r.rank.shape, r.singular_values.shape)
    except Exception as e:
        print(a, b, type(e).__name__, e)
fit((6, 3), (6, 1), db=torch.float32, driver="foo")
fit((6, 3), (5,), driver="foo")
fit((6, 3), (5, 1))
fit((2, 6, 3), (6, 2), driver="foo")
fit((2, 6, 3), (6, 2))
fit((2, 6, 3), (3, 6, 2))
fit((3, 1, 6, 3), (2, 6, 2), driver="gelsd")
fit((6, 3), (2, 6, 1))
fit((6, 3), (2, 6, 1), da=torch.int64, db=torch.int64)
fit((6, 3), (6, 1), da=torch.int64, db=torch.int64, driver="foo")
fit((2, 1, 6, 3), (4, 6), driver="gelss")''',
        '''torch.manual_seed(0)
for a, b in (((1, 6, 3), (4, 6, 2)), ((2, 1, 6, 3), (3, 6, 2)), ((1, 6, 3), (6, 2)), ((2, 6, 3), (2, 6))):
    r = torch.linalg.lstsq(torch.randn(*a, dtype=torch.float64), torch.randn(*b, dtype=torch.float64), driver="gelsd")
    print(r.solution.shape, r.residuals.shape, r.rank, r.singular_values.shape)'''],
    "vmap_different_randomness_draws_for_the_batch": [
        '''from torch.func import vmap
torch.manual_seed(0)
print(vmap(lambda x: torch.randn(3) + x, randomness="different")(torch.zeros(6)), torch.randn(2))
torch.manual_seed(0)
print(vmap(lambda x: torch.randn(20) * x, randomness="different")(torch.ones(2)).sum(1), torch.randn(2))
torch.manual_seed(0)
print(vmap(lambda x: torch.randn_like(x) * x, randomness="different")(torch.ones(5, 7)).sum(1), torch.randn(2))''',
        '''torch.manual_seed(0)
f = lambda x: torch.randn(2, 3, dtype=torch.float64).sum() + torch.rand(()) + torch.randn(17).sum() + x
print(vmap(f, randomness="different")(torch.zeros(3)), torch.randn(2))
torch.manual_seed(0)
print(vmap(lambda x: torch.nn.functional.dropout(x, 0.5) + torch.randn_like(x), randomness="different")(
    torch.ones(3, 4)), torch.randn(2))
torch.manual_seed(0)
print(vmap(lambda x: x.clone().normal_(1.0, 2.0) + torch.randint(0, 5, ()), randomness="different")(
    torch.ones(4, 5)), torch.randn(2))''',
        '''import math
def mc_price(sigma, n=1000):
    z = torch.randn(n, dtype=torch.float64)
    ST = 100 * torch.exp((0.02 - sigma ** 2 / 2) + sigma * z)
    return torch.relu(ST - 100).mean() * math.exp(-0.02)
torch.manual_seed(0)
vols = torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64)
print(vmap(mc_price, randomness="different")(vols), vmap(mc_price, randomness="same")(vols), torch.randn(2))
torch.manual_seed(0)
print(vmap(torch.func.grad(mc_price), randomness="different")(vols))'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe46_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
