"""What a scan of every torch.* / F / linalg / special / fft function both sides have, each called with one
tensor (float 2x3, int 2x3, float 3, float 0-d, bool 3, float 3x3), found, checked against PyTorch: argmax / argmin
refuse bool input; sign / sgn of a bool tensor is the tensor (numpy's sign has no bool loop); column_stack /
row_stack / dstack / linalg.multi_dot given one tensor instead of a sequence are the parser's TypeError (they
iterated the tensor); cholesky_inverse reads only the factor's triangle (LAPACK's potri: the full matrix gave
other values); dropout2d's deprecation warning names the input's own dims and feature dropout of a 1-d input is
ATen's error; detach_() of any view is refused (only views of leaves were); unbind, the 1-d fft transforms and
trapezoid of a 0-d tensor (and the n-d FFTs: fftn of a 0-d tensor is a copy, as over no dim), and trapezoid /
cumulative_trapezoid of bool samples, raise PyTorch's errors; torch.svd's own message for fewer than 2 dims;
linalg.inv_ex's checks and its check_errors error under PyTorch's names; rrelu, and torch.selu / celu / frac
(the top-level and method forms), of integer or bool input are the kernel's NotImplementedError (they computed)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''import torch.nn.functional as F
b = torch.tensor([True, False, True])
m = torch.arange(6.).view(2, 3)
'''

CELLS = {
    "bool_argmax_and_sign": [
        TRY + '''for f in (torch.argmax, torch.argmin, lambda t: t.argmax(0), lambda t: t.argmin(dim=0, keepdim=True)):
    attempt(lambda: f(b))
for f in (torch.sign, torch.sgn, lambda t: t.sign(), lambda t: t.sgn()):
    attempt(lambda: f(b))
attempt(lambda: torch.sign(torch.tensor(True)))''',
    ],
    "sequence_functions_given_one_tensor": [
        TRY + '''for f in (torch.column_stack, torch.row_stack, torch.dstack, torch.hstack, torch.vstack, torch.linalg.multi_dot):
    attempt(lambda: f(m))
    attempt(lambda: f([m, m]).shape)
    attempt(lambda: f((m, 1)))''',
    ],
    "cholesky_inverse_reads_the_triangle": [
        TRY + '''A = torch.eye(3) * 2 + torch.ones(3, 3) / 4
print(torch.cholesky_inverse(A))
print(torch.cholesky_inverse(A, upper=True))
L = torch.linalg.cholesky(A)
print(torch.allclose(torch.cholesky_inverse(L), torch.linalg.inv(A), atol=1e-6))
print(torch.allclose(torch.cholesky_inverse(L + L.mT.triu(1)), torch.cholesky_inverse(L)))''',
    ],
    "rrelu_refuses_integer_and_bool_input": [
        TRY + '''for x in (torch.arange(3), b, [1.0]):
    for f in (F.rrelu, lambda t: F.rrelu(t, training=True), torch.rrelu, lambda t: torch.nn.RReLU()(t)):
        attempt(lambda: f(x))
torch.manual_seed(0)
attempt(lambda: F.rrelu(torch.tensor([-1., 2.]), training=True))''',
    ],
    "float_only_kernels_refuse_integer_and_bool": [
        TRY + '''for x in (torch.arange(3), b, torch.tensor([-1.5, 0.5]), torch.tensor([1, 2], dtype=torch.uint8)):
    for f in (torch.selu, torch.celu, lambda t: torch.celu(t, 2.0), lambda t: torch.celu(t, alpha=2.0), torch.frac,
              lambda t: t.frac(), lambda t: t.clone().frac_(), torch.selu_, torch.celu_, F.selu, F.celu,
              lambda t: torch.nn.SELU()(t), lambda t: torch.frac(input=t)):
        attempt(lambda: f(x))''',
    ],
    "linalg_names_in_messages": [
        TRY + '''v = torch.tensor([1., 2.])
S = torch.tensor([[1., 2.], [2., 4.]])
for f in (torch.svd, lambda t: t.svd(), torch.linalg.svd, torch.linalg.inv, torch.linalg.inv_ex):
    attempt(lambda: f(v))
    attempt(lambda: f(torch.tensor(1.)))
attempt(lambda: torch.linalg.inv_ex(torch.ones(2, 3)))
attempt(lambda: torch.linalg.inv_ex(torch.ones(2, 2, dtype=torch.long)))
attempt(lambda: torch.linalg.inv_ex(S, check_errors=True))
attempt(lambda: torch.linalg.inv(S))
attempt(lambda: torch.linalg.inv_ex(torch.eye(2) * 2, check_errors=True))''',
    ],
    "feature_dropout_dims_and_detach_of_views": [
        TRY + '''torch.manual_seed(0)
for x in (torch.ones(3), torch.ones(2, 3)):
    attempt(lambda: F.dropout2d(x).shape)
    attempt(lambda: F.dropout2d(x, p=1.0))
    attempt(lambda: F.dropout2d(x, training=False).shape)
    attempt(lambda: F.dropout3d(x).shape)
attempt(lambda: torch.arange(6).view(2, 3).detach_())
attempt(lambda: torch.ones(3)[1:].detach_())
attempt(lambda: torch.ones(3).detach_())
attempt(lambda: torch.ones(2, 3).t().detach_())''',
    ],
    "zero_dim_and_bool_samples": [
        TRY + '''z = torch.tensor(0.5)
for f in (torch.unbind, lambda t: t.unbind(0), torch.fft.fft, torch.fft.ifft, torch.fft.rfft, torch.fft.irfft,
          torch.fft.hfft, torch.fft.ihfft, torch.trapezoid, torch.trapz, torch.cumulative_trapezoid):
    attempt(lambda: f(z))
for f in (torch.fft.fftn, torch.fft.ifftn, torch.fft.fft2, torch.fft.rfft2, lambda t: torch.fft.fftn(t, dim=0),
          lambda t: torch.fft.fftn(t, dim=[]), lambda t: torch.fft.fftn(m, dim=[])):
    attempt(lambda: f(z))
for f in (torch.trapezoid, torch.trapz, torch.cumulative_trapezoid):
    attempt(lambda: f(b))
    attempt(lambda: f(torch.arange(4)))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_one_argument_calls_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
