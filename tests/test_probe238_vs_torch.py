"""What the probe of generative-model evaluation metrics written by hand (FID with eigh / eig / Newton-Schulz matrix
square roots, inception score, KID's unbiased MMD, k-NN precision / recall with cdist, PSNR / SSIM) found, each
checked against PyTorch: linalg.eigh and eigvalsh of a matrix LAPACK does not converge on (a covariance holding NaN)
are ATen's LinAlgError naming LAPACK's error code (and the batch element), not numpy's "Eigenvalues did not
converge"; LAPACK runs on NaN and infinities as in ATen, so a matrix whose NaN does not stop it prints LAPACK's
values; torch.cdist of two dtypes is the matmul's "m1 and m2" error on its matrix-product path (more than 25 rows,
p=2) and the kernel's "expected scalar type" otherwise, after the p and batch checks, and an empty input gives an
empty result in x1's dtype; float16 inputs take the matrix-product path as in PyTorch."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''torch.manual_seed(0)
real, fake = torch.randn(30, 6), torch.randn(26, 6) * 0.8 + 0.1
'''

CELLS = {
    "eigh_of_a_matrix_holding_nan": [
        TRY + '''for M in (torch.full((3, 3), float('nan')), torch.full((3, 3), float('nan'), dtype=torch.float64),
          torch.full((2, 3, 3), float('nan')), torch.full((3, 3), float('inf')),
          torch.full((4, 4), float('nan'), dtype=torch.complex64)):
    attempt(lambda: torch.linalg.eigh(M))
    attempt(lambda: torch.linalg.eigvalsh(M))
few = torch.randn(5, 8)
covs = torch.stack([torch.cov(few.T), torch.cov(torch.cat([few, torch.full((1, 8), float('nan'))]).T)])
attempt(lambda: torch.linalg.eigvalsh(covs))
attempt(lambda: torch.linalg.eigh(covs, UPLO='U'))
x = torch.randn(5, 5, requires_grad=True)
attempt(lambda: torch.linalg.eigh((x + x.T) * float('nan')))''',
    ],
    "eigh_runs_lapack_on_nan_and_inf": [
        TRY + '''b = torch.eye(3).repeat(3, 1, 1)
b[1, 0, 1] = b[1, 1, 0] = float('nan')
attempt(lambda: torch.linalg.eigh(b))
attempt(lambda: torch.linalg.eigvalsh(b, UPLO='U'))
d = torch.eye(3)
d[1, 1] = float('nan')
attempt(lambda: torch.linalg.eigh(d))
attempt(lambda: torch.linalg.eigvalsh(torch.diag(torch.tensor([1., float('inf'), 2.]))))''',
    ],
    "cdist_of_two_dtypes": [
        TRY + '''for n, m in ((30, 26), (3, 2), (30, 2), (2, 30)):
    attempt(lambda: torch.cdist(torch.randn(n, 6).double(), torch.randn(m, 6)))
    attempt(lambda: torch.cdist(torch.randn(n, 6), torch.randn(m, 6).double()))
    attempt(lambda: torch.cdist(torch.randn(n, 6), torch.randn(m, 6).double(), p=1))
    attempt(lambda: torch.cdist(torch.randn(n, 6), torch.randn(m, 6).double(),
                                compute_mode='donot_use_mm_for_euclid_dist'))
    attempt(lambda: torch.cdist(torch.randn(n, 6), torch.randn(m, 6).half()))
attempt(lambda: torch.cdist(real[:4], fake[:3].double(), compute_mode='use_mm_for_euclid_dist'))
attempt(lambda: torch.cdist(real, fake.double(), p=-1))
attempt(lambda: torch.cdist(torch.randn(3, 30, 6), torch.randn(2, 26, 6).double()))''',
        TRY + '''attempt(lambda: torch.cdist(torch.randn(0, 6), fake.double()))
attempt(lambda: torch.cdist(torch.randn(4, 0).half(), torch.randn(3, 0)))
attempt(lambda: torch.cdist(real[:4].half(), torch.randn(0, 6)))
attempt(lambda: torch.cdist(real.double()[:0], fake).dtype)''',
    ],
    "cdist_of_half_takes_the_matrix_product_path": [
        TRY + '''attempt(lambda: torch.cdist(real.half(), fake.half())[:3, :5])
attempt(lambda: torch.cdist(real[:4].half(), fake[:3].half(), compute_mode='use_mm_for_euclid_dist'))
attempt(lambda: torch.cdist(real[:3].half(), fake[:3].half()))
x = real.half().requires_grad_()
d = torch.cdist(x, fake.half())
print(d.grad_fn.name(), d.dtype)
d.sum().backward()
print(x.grad[:2])''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe238_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe238", name=name)
