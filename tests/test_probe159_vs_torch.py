"""What the hundred-and-fifty-ninth probe (the Examples blocks of the "Other operations" and "Reduction ops"
reference pages, with gradients, dtypes and bad arguments) found, each checked against PyTorch: torch.vander writes
its powers in place into the result as ATen does (a backward through it meets PyTorch's version-counter error);
torch.ravel is contiguous() then view(-1) (ViewBackward0 after a copy, never UnsafeViewBackward0); linalg.cross /
torch.cross check the lengths along dim before broadcasting the batch dims; tensordot reads dims as
torch.functional.tensordot does (an int larger than either tensor's dims, a one-element tensor, a (2, k) tensor,
the int-list parser's TypeError for an int or a tensor in place of a list); nanmean refuses an integer dtype=;
nansum skips a NaN before casting it to an integer dtype and has no complex kernel for a floating input; the
imaginary part of a conjugated tensor carries the negative bit (is_neg, resolve_neg, numpy()'s refusal)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "vander_backward_meets_the_version_counter": [
        ATTEMPT + '''for inc in (True, False):
    for N in (1, 2, 3):
        x = torch.tensor([1., 2., 3.], requires_grad=True)
        v = torch.vander(x, N=N, increasing=inc)
        print(v, v._version, type(v.grad_fn).__name__ if v.grad_fn else None)
        attempt(lambda: v.sum().backward())
        print(x.grad)
''',
    ],
    "ravel_is_contiguous_then_view": [
        '''u = torch.arange(6.).requires_grad_()
f = u.view(2, 3)
for t in [f, f.T, f[:, ::2], f.t().contiguous()]:
    r = torch.ravel(t)
    print(r, r.grad_fn.name(), [n.name() if n else None for n, _ in r.grad_fn.next_functions], r._base is t)
''',
    ],
    "cross_checks_dim_lengths_before_broadcasting": [
        ATTEMPT + '''a = torch.ones(4, 3)
attempt(lambda: torch.cross(a, torch.ones(4, 2), dim=1))
attempt(lambda: torch.linalg.cross(torch.ones(2, 3), torch.ones(5, 4)))
attempt(lambda: torch.linalg.cross(torch.ones(2, 3), torch.ones(5, 3)))
attempt(lambda: torch.cross(torch.ones(1, 3), torch.ones(5, 3), dim=-1).shape)
''',
    ],
    "tensordot_reads_dims_as_torch_functional": [
        ATTEMPT + '''a = torch.arange(6.).view(2, 3)
b = torch.arange(24.).view(2, 3, 4)
for d in [3, torch.tensor(1), torch.tensor([2]), torch.tensor(-1), torch.tensor([[0, 1], [0, 1]]),
          torch.tensor([1, 0]), torch.tensor([[0], [1], [2]]), 1.0, "x", None, ([1], 0), (torch.tensor([1]), [0])]:
    attempt(lambda: torch.tensordot(a, b, dims=d))
    attempt(lambda: torch.tensordot(a, a.T, dims=d))
''',
    ],
    "nanmean_and_nansum_dtype": [
        ATTEMPT + '''a = torch.tensor([[1.5, float('nan')], [2.5, 4.]])
for make in [lambda: torch.nanmean(a, dtype=torch.int64), lambda: a.nanmean(0, dtype=torch.bool),
             lambda: torch.nanmean(torch.tensor([1, 2]), dtype=torch.int64),
             lambda: torch.nansum(a, dtype=torch.complex64), lambda: torch.nansum(a.double(), 1, dtype=torch.complex128),
             lambda: torch.nansum(torch.tensor([1, 2]), dtype=torch.complex64),
             lambda: torch.nansum(a, dtype=torch.int64), lambda: torch.nansum(a, 0, dtype=torch.int32),
             lambda: torch.nansum(torch.tensor([0.5, float('nan')]), dtype=torch.bool)]:
    attempt(make)
''',
    ],
    "imag_of_conj_is_a_negative_view": [
        ATTEMPT + '''x = torch.tensor([-1 + 1j, -2 + 2j], requires_grad=True)
y = x.conj().imag
print(y.is_neg(), y[0].is_neg(), y.view(2, 1).is_neg(), (y * 1).is_neg(), y.clone().is_neg(), y.detach().is_neg())
print(y.resolve_neg().grad_fn.name(), y.resolve_neg().is_neg(), x.conj().real.is_neg(), x.imag.is_neg())
print(torch.is_neg(y), torch.resolve_neg(y).is_neg(), y.resolve_conj() is y, torch.resolve_neg(x) is x)
z = x.detach().conj().imag
attempt(lambda: z.numpy())
print(z.resolve_neg().numpy())
attempt(lambda: torch.resolve_neg([1.]))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe159_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
