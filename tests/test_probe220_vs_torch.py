"""What the two-hundred-and-twentieth probe (byte-level and BPE tokenisation on tensors, uint8 arithmetic, byte
histograms, pair statistics with unique(dim=0), KV caches grown by cat, top-k / top-p sampling with a seeded
Generator, repetition penalties with gather/scatter_, beam search, perplexity with ignore_index) found, each checked
against PyTorch. The sampling, unique, bincount and cross_entropy parts agreed; these did not:
- torch.frombuffer of a read-only buffer warns before it checks the buffer's length (the engine raised first);
- a comparison with a 0-d tensor of another dtype compares in the promoted dtype (uint8 ids == torch.tensor(353)
  is true at 97, float32 == a 0-d double 0.1 is true at 0.1f), in-place comparisons too;
- x[mask] = t with one element in t is masked_fill_(mask, t.item()): the value's conversion is checked (a new BPE
  id 256 into a uint8 tensor is an overflow error; the engine wrapped it to 0), a value of another dtype is taken
  with any basic indices around the mask (x[:, mask]), and index_put_'s shape error comes before its dtype error;
- a Python number written by item assignment into a half / bfloat16 tensor becomes +-inf where it overflows
  (the engine raised), numpy's overflow warnings stay silent, an int beyond int64 is "Overflow when unpacking";
- out= follows c10's canCast (any integer into any other: uint8 + int8 into a uint8 out, cat of int8 into uint8),
  not numpy's same_kind; torch.bitwise_and/or/xor/not/shifts ignored out=; abs, neg and round refuse an out of
  another dtype ("Found dtype"), amax/amin with their own message;
- torch.cat wraps dim by its first input that is not a legacy empty 1-d tensor, checks every input for zero
  dimensions first, then each input's number of dimensions and sizes in turn."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "frombuffer_of_read_only_bytes_warns_before_its_length_checks": ['''torch.set_warn_always(True)
for args, kw in (((b"",), dict(dtype=torch.uint8)), ((b"abc",), dict(dtype=torch.int16)),
                 ((b"abcd",), dict(dtype=torch.int16, offset=7)), ((b"abcd",), dict(dtype=torch.int16, count=3))):
    try:
        print(torch.frombuffer(*args, **kw))
    except ValueError as e:
        print(type(e).__name__, e)
'''],
    "comparison_with_a_0d_tensor_casts_it_to_the_promoted_dtype": ['''u = torch.tensor([97, 44, 200, 0], dtype=torch.uint8)
i8 = torch.tensor([-1, 44, 100], dtype=torch.int8)
print(u == torch.tensor(353), torch.eq(u, torch.tensor(353)), u != torch.tensor(353), u < torch.tensor(300))
print(u > torch.tensor(-1), u >= torch.tensor(-56), torch.tensor(353) == u, torch.tensor(300) > u)
print(i8 == torch.tensor(255), i8 < torch.tensor(200), i8 == torch.tensor(-257))
print(torch.tensor([1, 2], dtype=torch.int32) == torch.tensor(2 ** 32 + 1))
print(torch.tensor([0.1, 0.2]) == torch.tensor(0.1, dtype=torch.float64), u == torch.tensor(97.5))
print(torch.tensor([1.0, 65504.0], dtype=torch.float16) < torch.tensor(1e6), u == torch.tensor([353]))
import numpy as np
w = torch.tensor([[1.0, 2.0], [4.0, 0.5]])
print(w == np.array([[1.0, 2.0000001], [4, 0.5]]), torch.tensor([0.1]) == np.array(0.1), u == np.array(353))
print(torch.tensor([0.1]) == np.float64(0.1), w != np.array([[1.0, 2.0], [2.0, 2.0]]))
'''],
    "inplace_comparison_with_a_0d_tensor_casts_it_too": ['''u = torch.tensor([97, 44, 200, 0], dtype=torch.uint8)
x = u.clone(); x.eq_(torch.tensor(353)); print(x)
x = u.clone(); x.lt_(torch.tensor(300)); print(x)
x = torch.tensor([0.1, 0.2]); x.eq_(torch.tensor(0.1, dtype=torch.float64)); print(x)
'''],
    "mask_assignment_of_one_value_is_a_checked_masked_fill": ['''u = torch.tensor([97, 44, 200, 0], dtype=torch.uint8)
for value in ("torch.tensor(256)", "torch.tensor([256])", "torch.tensor(-2.7)", "torch.tensor(1e10)",
              "torch.tensor(float('nan'))", "torch.tensor(2.7)", "torch.tensor([5])", "torch.tensor(-1, dtype=torch.int8)",
              "torch.tensor(True)", "torch.tensor([[7]])"):
    x = u.clone()
    try:
        x[x == 97] = eval(value)
        print(value, x)
    except RuntimeError as e:
        print(value, type(e).__name__, e)
for dt, v in ((torch.int8, 128), (torch.int32, 2 ** 31), (torch.float16, 1e6), (torch.float32, 1e300)):
    x = torch.zeros(3, dtype=dt)
    try:
        x[x == 0] = torch.tensor(v, dtype=torch.float64 if isinstance(v, float) else torch.long)
        print(x)
    except RuntimeError as e:
        print(dt, e)
'''],
    "mask_assignment_beside_basic_indices_and_its_shape_error": ['''x = torch.zeros(2, 3)
x[:, torch.tensor([True, False, True])] = torch.tensor(5)
print(x)
x = torch.zeros(2, 3, dtype=torch.uint8)
x[torch.tensor([True, False])] = torch.tensor(-1)
print(x)
for value in (torch.tensor([5, 6]), torch.tensor([5, 6], dtype=torch.uint8)):
    y = torch.tensor([97, 44, 200, 0], dtype=torch.uint8)
    try:
        y[y == 97] = value
    except RuntimeError as e:
        print(type(e).__name__, e)
w = torch.zeros(2, 3, requires_grad=True)
z = w.clone()
v = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
z[z == 0] = v
print(z, z.grad_fn.name())
z.sum().backward()
print(v.grad, w.grad)
'''],
    "python_numbers_into_half_overflow_to_inf_by_item_assignment": ['''for dt in (torch.float16, torch.bfloat16):
    for v in (70000, 1e6, -1e39, 1e300):
        h = torch.zeros(4, dtype=dt)
        h[0] = v
        h[1:3] = v
        h[[3]] = v
        print(dt, v, h)
        h = torch.zeros(2, dtype=dt)
        h[h == 0] = v
        print(h)
h = torch.zeros(3, dtype=torch.float16)
h[0] = torch.tensor(1e6)
print(h)
for dt in (torch.float16, torch.float32):
    try:
        h = torch.zeros(3, dtype=dt)
        h.fill_(1e300)
    except RuntimeError as e:
        print(e)
    try:
        h[0] = 1e300
        print(h)
    except RuntimeError as e:
        print(e)
'''],
    "item_assignment_of_an_int_beyond_int64": ['''for dt in (torch.float32, torch.uint8, torch.float16):
    for v in (2 ** 70, 2 ** 63, -2 ** 63 - 1):
        x = torch.zeros(2, dtype=dt)
        try:
            x[0] = v
        except Exception as e:
            print(dt, v, type(e).__name__, e)
x = torch.zeros(2)
x[0] = -2 ** 63
print(x)
'''],
    "out_of_an_integer_dtype_takes_any_integer_result": ['''u = torch.tensor([250, 3, 128], dtype=torch.uint8)
i8 = torch.tensor([-1, 2, 3], dtype=torch.int8)
print(torch.add(u, i8, out=torch.empty(3, dtype=torch.uint8)), torch.mul(u, i8, out=torch.empty(3, dtype=torch.int8)))
print(torch.sub(i8, u, out=torch.empty(3, dtype=torch.uint8)), torch.maximum(u, i8, out=torch.empty(3, dtype=torch.uint8)))
print(torch.cat([i8, i8], out=torch.empty(6, dtype=torch.uint8)))
print(torch.stack([u, i8], out=torch.empty(2, 3, dtype=torch.int8)))
for a, b, o in ((torch.uint8, torch.int8, torch.uint8), (torch.float32, torch.float32, torch.int64),
                (torch.int64, torch.int64, torch.bool), (torch.complex64, torch.float32, torch.float32),
                (torch.float64, torch.float32, torch.float16)):
    try:
        print(torch.cat([torch.ones(2, dtype=a), torch.ones(2, dtype=b)], out=torch.empty(4, dtype=o)))
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
    try:
        print(torch.add(torch.ones(2, dtype=a), torch.ones(2, dtype=b), out=torch.empty(2, dtype=o)))
    except RuntimeError as e:
        print(type(e).__name__, e)
'''],
    "bitwise_functions_write_their_out": ['''u = torch.tensor([250, 3, 128], dtype=torch.uint8)
i8 = torch.tensor([-1, 2, 3], dtype=torch.int8)
o = torch.empty(3, dtype=torch.uint8)
r = torch.bitwise_and(u, i8, out=o)
print(r is o, o, o._version)
print(torch.bitwise_or(u, 3, out=torch.empty(3, dtype=torch.long)), torch.bitwise_xor(u, i8, out=torch.empty(0, dtype=torch.int16)))
print(torch.bitwise_left_shift(u, 1, out=torch.empty(3, dtype=torch.int16)))
print(torch.bitwise_right_shift(u, torch.tensor([1, 2, 3]), out=torch.empty(3, dtype=torch.uint8)))
print(torch.bitwise_and(u, i8, out=torch.empty(3)), torch.bitwise_not(u, out=torch.empty(3, dtype=torch.uint8)))
x = torch.arange(4)
torch.bitwise_not(x, out=x)
print(x)
for call in (lambda: torch.bitwise_and(u, i8, out=torch.empty(3, dtype=torch.bool)),
             lambda: torch.bitwise_and(u.float(), u, out=torch.empty(3)),
             lambda: torch.bitwise_xor(5, u, out=torch.empty(3, dtype=torch.uint8)),
             lambda: torch.bitwise_and(torch.tensor([1, 2]), 3, out=[1]),
             lambda: torch.bitwise_left_shift(torch.ones(2, dtype=torch.bool), 1, out=torch.empty(2, dtype=torch.uint8)),
             lambda: torch.bitwise_not(torch.tensor([True, False]), out=torch.empty(2, dtype=torch.uint8)),
             lambda: torch.bitwise_not(torch.ones(2, dtype=torch.long), out=torch.empty(2, dtype=torch.int32)),
             lambda: torch.bitwise_not(torch.ones(2, dtype=torch.long), out=3),
             lambda: torch.bitwise_and(torch.arange(4)[:3], torch.arange(4)[1:], out=torch.arange(4)[1:])):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
'''],
    "abs_neg_round_amax_refuse_an_out_of_another_dtype": ['''for fn in (torch.abs, torch.neg, torch.round):
    for x in (torch.tensor([-1, 2], dtype=torch.int8), torch.tensor([1.5, -2.5])):
        for od in (torch.uint8, torch.int64, torch.float64, x.dtype):
            try:
                print(fn.__name__, fn(x, out=torch.empty(2, dtype=od)))
            except RuntimeError as e:
                print(fn.__name__, e)
for fn in (torch.amax, torch.amin):
    for od in (torch.int8, torch.float32, torch.bool, torch.uint8):
        try:
            print(fn(torch.tensor([250, 3], dtype=torch.uint8), 0, out=torch.empty((), dtype=od)))
        except RuntimeError as e:
            print(e)
'''],
    "cat_checks_its_inputs_as_aten_does": ['''k = torch.zeros(2, 2, 3, 4)
for parts, dim in (([torch.empty(0, 4), k], 2), ([torch.zeros(2, 3), torch.zeros(2, 4), torch.zeros(1)], 0),
                   ([torch.zeros(2, 3), torch.zeros(2), torch.tensor(1.0)], 0),
                   ([torch.empty(0), torch.zeros(2, 3), torch.zeros(2, 3, 1)], -1),
                   ([torch.empty(0), torch.zeros(2, 3)], 2), ([torch.zeros(1, 3), torch.zeros(1)], -3),
                   ([torch.zeros(2, 3), torch.zeros(3, 3), torch.zeros(2, 3, 1)], 1)):
    try:
        print(torch.cat(parts, dim=dim).shape)
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
print(torch.cat([torch.empty(0), torch.empty(0)], dim=2), torch.cat([torch.empty(0), torch.zeros(2, 3)], dim=-1).shape)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe220(name):
    assert_same_as_pytorch(CELLS[name], name=name)
