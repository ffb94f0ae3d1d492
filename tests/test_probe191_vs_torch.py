"""What the hundred-and-ninety-first probe (differentiable physics and numerical-methods lessons: Euler / RK4 loops
with autograd.grad of the final state, finite-difference Poisson / heat matrices solved with linalg.solve / cholesky /
lstsq, rfft / irfft spectral derivatives, diff / cumsum / trapezoid / cumulative_trapezoid / gradient) found, each
checked against PyTorch. torch.linalg.lstsq's default CPU driver, gelsy, is given one pivot array for the whole
batch, allocated uninitialised and never reset: the first matrix's column pivoting depends on what that memory held
(not reproducible, so the cells print only the later matrices), but every later matrix finds the previous matrix's
permutation in it, all entries nonzero, so LAPACK keeps all its columns fixed (a QR without column pivoting).
The engine gave each matrix a fresh zeroed array (every column free to pivot): other last bits for batches."""
import pytest

from helpers import assert_same_as_pytorch

BITS = '''def bits(t):
    return [float(v).hex() for v in t.detach().reshape(-1).tolist()]
'''

CELLS = {
    "lstsq_gelsy_batches_reuse_the_pivot_array": [BITS + '''torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    A = torch.randn(4, 10, 3, dtype=dt)
    b = torch.randn(4, 10, 2, dtype=dt)
    r = torch.linalg.lstsq(A, b)
    print(dt, bits(r.solution[1:]), r.rank[1:], r.residuals.shape, r.singular_values.shape)
    print(bits(torch.linalg.lstsq(A[:2], b[:2, :, :1]).solution[1:]))
    print(bits(torch.linalg.lstsq(A[0].expand(3, 10, 3), b[:3]).solution[1:]))
    print(bits(torch.linalg.lstsq(torch.randn(3, 6, 6, dtype=dt), torch.randn(3, 6, 1, dtype=dt)).solution[1:]))
'''],
    "lstsq_gelsy_batches_of_rank_deficient_matrices": [BITS + '''torch.manual_seed(1)
for dt in (torch.float32, torch.float64):
    B = torch.randn(3, 8, 2, dtype=dt)
    A = torch.cat([B, B[..., :1] + B[..., 1:], torch.randn(3, 8, 1, dtype=dt)], -1)   # rank 3 of 4 columns
    b = torch.randn(3, 8, 1, dtype=dt)
    r = torch.linalg.lstsq(A, b)
    print(dt, r.rank[1:], bits(r.solution[1:]))
    # a polynomial fit per sensor, the Vandermonde matrices of three time grids
    t = torch.rand(3, 12, dtype=dt).sort(-1).values
    V = torch.linalg.vander(t, N=4)
    y = torch.sin(3 * t).unsqueeze(-1)
    print(bits(torch.linalg.lstsq(V, y).solution[1:]))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe191_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], "probe191", name)
