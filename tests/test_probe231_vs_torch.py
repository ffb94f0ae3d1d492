"""What the 231st probe (Kolmogorov-Arnold networks from scratch: pykan's extend_grid / B_batch / coef2curve /
curve2coef, symbolic fits by grid search and least squares, quantile grids, training with Adam and LBFGS) found,
checked against PyTorch: torch.linalg.lstsq takes its driver's name in any case of letters (ATen lower-cases it
first); its solution is the first rows of ATen's padded, column-major right-hand side, so a single column has
strides (1, max(m, n)) as several do; a NaN in the matrix or in the right-hand side is MKL's illegal argument
(4 / 6, ?gels 5 / 7), reported as ATen's internal assert, per matrix of input, the batch element named only when
input has several."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "lstsq_driver_name_in_any_case": [
        ATTEMPT + '''torch.manual_seed(0)
A, B = torch.randn(6, 3), torch.randn(6, 2)
for d in ["GELSY", "Gelsd", "gelsS", "GELS", "gelsx", "GELS ", "", "gel"]:
    attempt(lambda: torch.linalg.lstsq(A, B, driver=d))
''',
    ],
    "lstsq_solution_strides_of_the_padded_block": [
        '''torch.manual_seed(0)
for m, n, k in [(5, 3, 1), (3, 5, 1), (4, 4, 1), (5, 1, 1), (5, 3, 2), (3, 5, 2)]:
    for d in ["gelsy", "gels", "gelsd", "gelss"]:
        r = torch.linalg.lstsq(torch.randn(m, n), torch.randn(m, k), driver=d)
        print(m, n, k, d, r.solution.stride(), r.solution.is_contiguous(), r.residuals.stride())
for shape in [(2, 5, 1), (1, 5, 1), (2, 3, 1)]:
    print(torch.linalg.lstsq(torch.randn(2, shape[1], 3), torch.randn(*shape)).solution.stride())
print(torch.linalg.lstsq(torch.randn(2, 5, 3), torch.randn(2, 5)).solution.stride())
x = torch.linspace(-1, 1, 30)
reg = torch.stack([torch.sin(x), torch.ones_like(x)], dim=1)
sol = torch.linalg.lstsq(reg, (2 * torch.sin(x) + 1)[:, None]).solution
print(sol.stride(), sol[:, 0].stride(), sol.t().is_contiguous())
''',
    ],
    "lstsq_nan_is_an_illegal_argument": [
        ATTEMPT + '''torch.manual_seed(0)
nan = float("nan")
A, B = torch.randn(5, 3), torch.randn(5, 2)
An = A.clone(); An[1, 1] = nan
Bn = B.clone(); Bn[2, 0] = nan
for d in [None, "gelsy", "gelsd", "gelss", "gels"]:
    attempt(lambda: torch.linalg.lstsq(An, B, driver=d))
    attempt(lambda: torch.linalg.lstsq(A, Bn, driver=d))
    attempt(lambda: torch.linalg.lstsq(An, Bn, driver=d))
attempt(lambda: torch.linalg.lstsq(An.double(), B[:, 0].double()))
attempt(lambda: torch.linalg.lstsq(An.requires_grad_(), B))
A3, B3 = torch.randn(3, 5, 3), torch.randn(3, 5, 2)
A3[1, 1, 1] = nan; A3[2, 0, 0] = nan
attempt(lambda: torch.linalg.lstsq(A3, B3))
B3[0, 0, 0] = nan
attempt(lambda: torch.linalg.lstsq(A3, B3, driver="gels"))
attempt(lambda: torch.linalg.lstsq(A3[1:2], B3[:2]))
Bb = torch.randn(2, 5, 2); Bb[1, 0, 0] = nan
attempt(lambda: torch.linalg.lstsq(A[None], Bb))
attempt(lambda: torch.linalg.lstsq(A, Bb))
Ab = torch.randn(2, 5, 3); Ab[1, 0, 0] = nan
attempt(lambda: torch.linalg.lstsq(Ab, B[None]))
attempt(lambda: torch.linalg.lstsq(torch.log(torch.linspace(-1, 1, 6))[:, None], torch.ones(6, 1)))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe231_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe231/{name}", warns="per_cell")
