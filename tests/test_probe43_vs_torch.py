"""What the forty-third probe (numpy at the tensor boundary: tabular-data preparation, numpy statistics, the
numpy-to-torch conversion quiz) found, each checked against PyTorch: a Python int (or numpy integer) that does not
fit an integer tensor's dtype is cast as C casts it (uint8 + 300 adds 44, * -1 multiplies by 255; comparisons,
floor division, remainder, reflected subtraction and number ** tensor too), where() and pow check it instead; a
numpy scalar is read as PyTorch's parser reads a Scalar (np.float32 and np.float16 are floats: int_tensor **
np.float32(2) is float32, arange(np.float32(3)) float; np.bool_ and np.complex64 are floats); an array on the left
of a division is computed as PyTorch's __rdiv__ (reciprocal() * array, by numpy); tensor != array is Python's
identity fallback; //=, %=, &=, |=, ^=, <<=, >>= are in place (an array operand falls back to numpy's operator);
__div__ / __rdiv__ / __idiv__; torch.tensor / as_tensor / from_numpy's errors for object, string, long double,
byte-swapped and negative-stride arrays and for a numpy scalar; numpy arrays as indices as PyTorch reads them (a
float array as long, a uint8 one a byte mask, warned unless 0-d, refused by x[mask] = number; object and string
arrays refused), an np.bool_ index refused; numpy scalars where a method takes a Tensor or a number
(x.div(np.int64(2))), addcmul's value keeping the tensor's dtype."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = "import numpy as np\n" + ATTEMPT

CELLS = {
    "python_ints_wrap_into_integer_dtypes": [
        TRY + '''u = torch.tensor([1, 200], dtype=torch.uint8)
i8 = torch.tensor([1, -2], dtype=torch.int8)
for f in (lambda: u + 300, lambda: u * -1, lambda: -1 * u, lambda: u - 300, lambda: 300 - u, lambda: u // 300,
          lambda: u % 300, lambda: u < 300, lambda: u > -1, lambda: u == 300, lambda: u & 300, lambda: u | -1,
          lambda: u.add(300), lambda: torch.add(u, 300, alpha=2), lambda: u.sub(-1), lambda: u + 2**40,
          lambda: i8 + 200, lambda: i8 * np.uint8(200), lambda: u + np.int64(300), lambda: u * np.int8(-1),
          lambda: np.int8(-1) * u, lambda: u ** 300, lambda: u * 2**64, lambda: torch.tensor([1, 2]) + 2**63,
          lambda: torch.where(u > 100, u, -1), lambda: torch.where(u > 100, -1, u),
          lambda: torch.where(u > 100, u, 300), lambda: np.int8(-1) ** u, lambda: 3 ** torch.tensor([True, False])):
    attempt(f)
x = torch.tensor([1, 200], dtype=torch.uint8)
x.mul_(-1)
print(x)'''],
    "numpy_scalars_as_pytorch_parses_a_scalar": [
        TRY + '''i = torch.tensor([1, 2])
b = torch.tensor([True, False])
t = torch.tensor([1.0, 2.0])
for f in (lambda: i ** np.float32(3), lambda: i ** np.float16(3), lambda: i.pow(np.float32(2)),
          lambda: torch.pow(i, np.float32(2)), lambda: torch.arange(np.float32(3)), lambda: torch.arange(np.float16(3)),
          lambda: torch.arange(np.bool_(True)), lambda: b + np.bool_(True), lambda: np.bool_(True) + b,
          lambda: b * np.bool_(True), lambda: np.bool_(True) - b, lambda: np.bool_(True) - t,
          lambda: i * np.bool_(True), lambda: b & np.bool_(True), lambda: torch.full((2,), np.bool_(False)),
          lambda: np.int64(3) ** b, lambda: t * np.complex128(1 + 2j), lambda: np.float64(2) > t):
    attempt(f)'''],
    "arrays_on_the_left_and_not_equal": [
        TRY + '''t = torch.tensor([[1., -2.], [3.5, .25]])
arr = np.array([[1.0, 2.0], [3.0, 4.0]])
i = torch.tensor([[1, 2], [3, 4]])
for f in (lambda: arr / t, lambda: np.array(2.0) / t, lambda: np.array([[1, 2], [3, 4]]) / i, lambda: t != arr,
          lambda: arr != t, lambda: t != np.array(1.0), lambda: t.__ne__(arr), lambda: t == arr,
          lambda: t.__rtruediv__(arr), lambda: t.__div__(2), lambda: t.__div__(arr), lambda: t.__rdiv__(arr),
          lambda: arr / torch.ones(2, 2, requires_grad=True)):
    attempt(f)''',
        '''import warnings
warnings.simplefilter("ignore", DeprecationWarning)
for op in ("**=", "//=", "%=", "&=", "|=", "^=", "<<=", ">>="):
    x = torch.tensor([5, 6])
    exec(f"x {op} np.array([2, 1])")
    print(op, type(x).__name__, x)'''],
    "augmented_assignments_are_in_place": [
        '''x = torch.tensor([7, 9])
y = x
x //= 2
x %= 3
x <<= 2
x >>= torch.tensor([1, 0])
x |= 8
x &= 12
x ^= 1
print(x, y, x is y, x._version)
m = torch.tensor([True, False])
k = m
m &= torch.tensor([True, True])
m |= torch.tensor([False, True])
print(m, m is k)
f = torch.tensor([2.0, 4.0])
g = f
f //= 3
f %= 1.5
f.__idiv__(2)
print(f, f is g)
try:
    f &= 1
except Exception as e:
    print(type(e).__name__, e)
try:
    m //= torch.tensor([1.5, 2.0])
except Exception as e:
    print(type(e).__name__, e)'''],
    "conversion_errors_of_numpy_arrays": [
        TRY + '''for a in (np.array([1, 2], dtype=object), np.array(['a']), np.arange(4)[::-1], np.ones(2, dtype='>f4'),
          np.ones(2, dtype=np.longdouble), np.float64(2.0), np.arange(6).reshape(2, 3)[:, ::-1]):
    for convert in (torch.from_numpy, torch.tensor, torch.as_tensor):
        attempt(lambda: convert(a))
print(torch.from_numpy(np.arange(6).reshape(2, 3).T).stride(), torch.tensor(np.arange(6).reshape(2, 3).T))'''],
    "numpy_arrays_and_scalars_as_indices": [
        TRY + '''x = torch.arange(10) * 10
for k in (np.array(2.0), np.array(2.7), np.array([1.7, -2.2]), np.array([[1.0], [2.0]]), np.array(3, dtype=np.uint8),
          np.array(0, dtype=np.uint8), np.array([1, 0] * 5, dtype=np.uint8), np.array([1, 2], dtype=object),
          np.array([np.nan]), np.array([1.0], dtype=np.float16), np.bool_(False), [np.bool_(True), np.bool_(False)] * 5,
          np.array(['a']), np.array([], dtype=np.float64), torch.tensor(3, dtype=torch.uint8), (np.array([1.0]),)):
    attempt(lambda: x[k])
byte = np.array([0, 1, 0, 1, 1, 0, 0, 0, 0, 0], dtype=np.uint8)
for k, v in ((np.array([1.0, 3.0]), 1), (np.bool_(True), 1), (byte, 5), (byte, torch.ones(3, dtype=torch.int64))):
    y = x.clone()
    attempt(lambda: y.__setitem__(k, v))
    print(y)'''],
    "numpy_scalars_where_a_method_takes_a_tensor_or_a_number": [
        TRY + '''u = torch.tensor([1, 200], dtype=torch.uint8)
t = torch.tensor([1., 2.])
i = torch.tensor([3, 4])
for f in (lambda: u.div(np.int64(2)), lambda: t.div(np.float32(2)), lambda: i.true_divide(np.int32(2)),
          lambda: torch.div(i, np.int64(2), rounding_mode="floor"), lambda: torch.div(i, np.bool_(True)),
          lambda: t.addcmul(t, t, value=np.float64(2)), lambda: t.addcdiv(t, t + 1, value=np.float64(2)),
          lambda: torch.remainder(i, np.int64(3)), lambda: torch.floor_divide(i, np.int64(2)),
          lambda: i.bitwise_left_shift(np.int64(1))):
    attempt(f)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe43_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
