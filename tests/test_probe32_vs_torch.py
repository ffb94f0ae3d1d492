"""What the thirty-second probe (course autograders and printing: torch.testing.assert_close and make_tensor,
allclose / isclose / equal, set_printoptions and torch._tensor_str, torch.Size, dtype, finfo / iinfo) found, each
checked against PyTorch: assert_close's statistics for complex tensors (magnitudes, not the real parts cast to
int64) and for bfloat16 ones, its layout check (check_layout, sparse COO against strided or sparse), its
RuntimeError when comparing or pairing raises something unexpected (a negative rtol, True against 1); isclose's
refusal of negative tolerances and of a non-tensor operand, and an infinite difference never close; torch.Size's
arithmetic (size * 2, tuple + size) and its items (ints, or what __index__ makes one); dtype.to_complex /
to_real; finfo / iinfo equality and hashing, and the tp_name ('torch.Size', 'torch.finfo') in the messages of
attribute and call slips; torch._tensor_str (PRINT_OPTS, printoptions); the dtype of an empty complex tensor in
its repr; torch.testing.make_tensor; uniform_ on float16, bfloat16 and complex tensors (rand too) and its bounds
errors."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

GRADE = ATTEMPT + '''def grade(actual, expected, **kw):
    try:
        torch.testing.assert_close(actual, expected, **kw)
        print("PASS")
    except Exception as e:
        print(type(e).__name__, "|", e)
'''

CELLS = {
    "assert_close_complex_statistics": [
        GRADE + '''grade(torch.tensor([1+1j, 2]), torch.tensor([1+1.1j, 2]))
grade(torch.tensor([[1+1j, 0j], [2, 3]]), torch.tensor([[1+1j, 1j], [2, 3.5]]))
grade(torch.tensor([1+1j, 2-3j], dtype=torch.complex128), torch.tensor([1+1j, 2+3j], dtype=torch.complex128))
grade(torch.tensor([1+1j]), torch.tensor([1.]), check_dtype=False)
grade(torch.tensor([1j, 1j]), torch.tensor([1j, -1j]), rtol=0, atol=0)''',
    ],
    "assert_close_bfloat16_statistics": [
        GRADE + '''w = torch.tensor([[0.5, 1.25], [2.0, -3.0]], dtype=torch.bfloat16)
grade(w * 1.1, w)
grade(torch.tensor([1.5, 2.5], dtype=torch.bfloat16), torch.tensor([1.5, 2.6]), check_dtype=False)
grade(torch.tensor([float('nan'), 2.5], dtype=torch.bfloat16), torch.tensor([1.5, 2.5], dtype=torch.bfloat16))
grade(torch.tensor([3., 4.], dtype=torch.bfloat16), torch.tensor([3., 5.], dtype=torch.bfloat16), rtol=0, atol=0)''',
    ],
    "assert_close_layouts": [
        GRADE + '''d = torch.tensor([[0., 2.], [3., 0.]])
s = d.to_sparse()
grade(d, s)
grade(d, s, check_layout=False)
grade(s, d * 1.5, check_layout=False)
grade(s, s, check_stride=True)
grade(s, (d * 2).to_sparse())
grade(s, torch.tensor([[0., 2.], [0., 3.]]).to_sparse())
grade(s, torch.tensor([[0., 2.], [0., 0.]]).to_sparse())
grade(s, d.to_sparse(1))
grade(torch.zeros(2, 3).t(), torch.zeros(3, 2), check_stride=True, check_layout=False)''',
    ],
    "assert_close_unexpected_errors": [
        GRADE + '''grade(torch.tensor([1.]), torch.tensor([1.]), rtol=-1, atol=0)
grade([torch.tensor([1.], requires_grad=True)], [torch.tensor([1.])], rtol=0, atol=-1.5)
grade(1.0, 1.0, rtol=-1, atol=0)
grade(torch.ones(3), torch.ones(3), rtol=1e-3, atol="x")
grade(True, 1)
grade([1, True], [1, 1])
grade({'a': 1}, {'a': False})
grade(torch.tensor([1.]), torch.tensor([1.]), rtol=-1, atol=0, msg="not shown")''',
    ],
    "isclose_tolerances_and_operands": [
        ATTEMPT + '''inf = float('inf')
t = torch.tensor([1.0])
attempt(lambda: torch.isclose(torch.tensor([inf, 1e38, 3.0]), torch.tensor([1e38, inf, 3.0]), atol=inf))
attempt(lambda: torch.allclose(torch.tensor([inf]), torch.tensor([1e38]), rtol=1.0, atol=inf))
attempt(lambda: torch.isclose(torch.tensor([1e30, -1e30]), torch.tensor([1.1e30, -inf]), rtol=0.5, atol=inf))
c = complex(1, float('nan'))
attempt(lambda: torch.isclose(torch.tensor([1+1j, c]), torch.tensor([1+1.1j, c]), rtol=0.2, equal_nan=True))
attempt(lambda: torch.isclose(t, t, rtol=-1))
attempt(lambda: torch.isclose(t, t, atol=-1))
attempt(lambda: torch.allclose(t, t, rtol=-1e-3))
attempt(lambda: torch.isclose(t, t, rtol=float('nan')))
attempt(lambda: torch.isclose(torch.tensor([1]), torch.tensor([1]), rtol=-1))
attempt(lambda: torch.isclose(t, t.double(), rtol=-1))
attempt(lambda: torch.allclose(t, 1.0))
attempt(lambda: torch.isclose(t, other=1.0))
attempt(lambda: t.isclose(1.0))
attempt(lambda: t.allclose(other=2))
attempt(lambda: torch.equal(t, [1.0]))
attempt(lambda: t.equal(1))
attempt(lambda: torch.isclose(1.0, t))
attempt(lambda: torch.isclose(t, t, rtol='a'))
attempt(lambda: torch.isclose(t, t, equal_nan=1))
attempt(lambda: torch.isclose(t, t, 1., 1., True, 5))''',
    ],
    "size_arithmetic_and_items": [
        ATTEMPT + '''import numpy as np
S = torch.zeros(2, 3).shape
for f in (lambda: S * 2, lambda: 2 * S, lambda: S * 0, lambda: (1,) + S, lambda: S + (1,), lambda: S + [1],
          lambda: S + 1, lambda: S * 2.0, lambda: S + np.array([1]), lambda: torch.zeros(S * 2).shape,
          lambda: torch.zeros(2, 3).view((1,) + S).shape):
    attempt(lambda: (f(), type(f()).__name__))
for items in ([2.5], [2, 'a'], [torch.tensor(3)], [torch.tensor(3.5)], [torch.tensor([[3]])], [None], [True],
              [np.int64(3)], [np.float64(3)], range(3), 'ab'):
    attempt(lambda: torch.Size(items))''',
    ],
    "dtype_to_complex_to_real": [
        ATTEMPT + '''for dt in (torch.float32, torch.float64, torch.bfloat16, torch.complex64, torch.complex128,
           torch.int32, torch.uint8, torch.bool, torch.int64):
    attempt(lambda: dt.to_complex())
    attempt(lambda: dt.to_real())
attempt(lambda: torch.float32.to_complex() is torch.complex64)''',
    ],
    "info_and_tp_name_slips": [
        ATTEMPT + '''x = torch.zeros(2, 3)
f32 = torch.finfo(torch.float32)
for f in (lambda: f32 == torch.finfo(torch.float), lambda: f32 == torch.finfo(torch.float64), lambda: f32 != f32,
          lambda: torch.finfo(torch.complex64) == f32, lambda: torch.iinfo(torch.int8) == torch.iinfo(torch.int8),
          lambda: torch.iinfo(torch.int8) == torch.iinfo(torch.int16), lambda: f32 == 1, lambda: hash(f32),
          lambda: hash(torch.iinfo(torch.int8)), lambda: {f32: 1}, lambda: f32.epsilon,
          lambda: torch.iinfo(torch.int8).eps, lambda: x.shape(), lambda: x.shape.size, lambda: x.dtype(),
          lambda: x.dtype.foo, lambda: x.device(), lambda: x.device.foo, lambda: x.size()(),
          lambda: f"{x.shape:>20}", lambda: f"{x.dtype:>12}", lambda: f"{x.device:>5}", lambda: f"{f32:10}",
          lambda: f"{torch.iinfo(torch.int8):>3}", lambda: f"{x.shape}|{x.dtype:}|{x.device}|{f32}"):
    attempt(f)''',
    ],
    "tensor_str_print_options": [
        '''print(torch._tensor_str.PRINT_OPTS)
print(torch._tensor_str.get_printoptions())
torch._tensor_str.PRINT_OPTS.precision = 2
print(torch.tensor([1/3, 2/3]))
with torch._tensor_str.printoptions(precision=6, sci_mode=True):
    print(torch.tensor([1/3]), torch._tensor_str.PRINT_OPTS)
print(torch.tensor([1/3]), torch._tensor_str.PRINT_OPTS)
from torch._tensor_str import PRINT_OPTS, printoptions
torch.set_printoptions(profile='short', sci_mode=False)
print(PRINT_OPTS)
torch.set_printoptions(profile='default')
print(PRINT_OPTS)''',
    ],
    "empty_tensor_dtypes": [
        '''for dt in (torch.float32, torch.float64, torch.complex64, torch.complex128, torch.int64, torch.bool):
    print(torch.zeros(0, dtype=dt), torch.zeros(2, 0, dtype=dt))
print(torch.complex(torch.tensor([]), torch.tensor([])))''',
    ],
    "make_tensor": [
        ATTEMPT + '''from torch.testing import make_tensor
torch.manual_seed(0)
print(make_tensor((2, 3), dtype=torch.float32, device="cpu"))
print(make_tensor(4, dtype=torch.int64, device="cpu"), make_tensor(2, 2, dtype=torch.bool, device="cpu"))
print(make_tensor([3], dtype=torch.uint8, device="cpu"))
print(make_tensor((3,), dtype=torch.int8, device="cpu", low=-200, high=200))
print(make_tensor((2,), dtype=torch.complex64, device="cpu", low=-1, high=1))
print(make_tensor((3,), dtype=torch.float64, device="cpu", low=0, high=1, requires_grad=True))
print(make_tensor((2, 2), dtype=torch.float32, device="cpu", noncontiguous=True).stride())
print(make_tensor((5,), dtype=torch.int64, device="cpu", low=0, high=2, exclude_zero=True))
print(make_tensor((3,), dtype=torch.float32, device="cpu", low=-1e39, high=1e39))
print(make_tensor((3,), dtype=torch.float16, device="cpu", low=0.5, high=1.5))
attempt(lambda: make_tensor((2,), dtype=torch.float32))
attempt(lambda: make_tensor((2,), dtype=torch.int32, device="cpu", requires_grad=True))
attempt(lambda: make_tensor((2,), dtype=torch.float32, device="cpu", low=1, high=0))
attempt(lambda: make_tensor((2,), dtype=torch.float32, device="cpu", low=float('nan')))
attempt(lambda: make_tensor((2,), dtype=torch.uint8, device="cpu", low=300, high=400))
attempt(lambda: make_tensor((2,), dtype=torch.float32, device="cpu", noncontiguous=True,
                            memory_format=torch.contiguous_format))''',
        '''print(make_tensor((2,), dtype=torch.float32, device="cpu", low=1, high=1))''',
    ],
    "uniform_half_bfloat16_complex": [
        ATTEMPT + '''torch.manual_seed(0)
for dt in (torch.float16, torch.bfloat16):
    for lo, hi in ((0, 1), (0.5, 1.5), (-9, 9), (0.1, 0.3), (1000, 1001)):
        a = torch.empty(40, dtype=dt).uniform_(lo, hi)
        print(dt, lo, hi, a[:4], (a == hi).any().item(), a.min().item() >= lo)
print(torch.rand(2, 3, dtype=torch.float16), torch.rand(2, dtype=torch.bfloat16), torch.rand(2))
print(torch.empty(2, 2, dtype=torch.float16).t().uniform_(), torch.empty(2, 2, dtype=torch.complex64).uniform_(-1, 2))
print(torch.empty(3, dtype=torch.complex128).uniform_(), torch.rand(2))
for dt in (torch.float32, torch.bfloat16, torch.float16, torch.float64):
    for lo, hi in ((-3e38, 3e38), (-1e39, 1e39), (-60000.5, 60000.25), (-70000, 0), (0, 1e39), (2, 1),
                   (-1.7e308, 1.7e308)):
        attempt(lambda: torch.empty(2, dtype=dt).uniform_(lo, hi).dtype)''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe32_matches_pytorch(name):
    try:
        assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
    finally:   # (a cell's print options must not leak into the next test)
        import autograd_magic.torch as ours
        torch = pytest.importorskip("torch")
        for module in (ours, torch):
            module.set_printoptions(profile="default")
