"""What the ninetieth probe (Sasha Rush's Tensor Puzzles and Autodiff Puzzles solved in plain PyTorch: integer dtype
rules, bit tricks, gradients of puzzle functions) found, each checked against PyTorch: a Python int base to an
integer tensor's negative exponents (2 ** torch.arange(-2, 3): 0, +-1 for a base of +-1, as ATen's integer pow);
bools with no kernel for //, %, div's rounding modes and pow of two bools (bool ** True a copy, ** False all True);
&, |, ^, <<, >> in PyTorch's promoted dtype (a 0-d tensor keeps an int8 / uint8 / int32 tensor's dtype), the shifts'
kernel names (lshift_cpu / rshift_cpu, none for bools) and the promoted dtype named in the float refusals, int <<
tensor (__rlshift__ / __rrshift__), torch.bitwise_* and Tensor.bitwise_* refusing a list, an array or None with
PyTorch's parser's TypeError; in-place results cast back as PyTorch's canCast allows (int64 into uint8: yes; bfloat16
into an integer: no; x &= 1.5 refused as a cast before the kernel); arange / range / linspace / logspace's missing
bool and complex kernels (arange's before its bounds are checked; logspace of a complex dtype not truncated);
torch.tensor([1, 2**63])'s ValueError; x.repeat() / reshape() / view() / expand() without sizes (a 0-d tensor's too);
and SliceBackward0 / SelectBackward0 copying the gradient into zeros (a -0.0 kept, as ATen's slice_backward)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "int_pow_negative_exponents": [
        '''b = torch.tensor([-7, -3, -2, -1, 0, 3, 7])
print(2 ** b, 1 ** b, (-1) ** b, 0 ** b, torch.pow(2, b), (-2) ** b, 3 ** b.int(), 2 ** b.to(torch.int16))
print(2 ** torch.arange(-2, 4), (2 ** torch.arange(-2, 4)).dtype, 2.5 ** b)
''',
    ],
    "bool_kernels_division_pow": [
        ATTEMPT + '''t = torch.tensor([True, False, True])
for make in [lambda: t // t, lambda: t // True, lambda: t % True, lambda: t % t, lambda: t ** t,
             lambda: True ** t, lambda: False ** t, lambda: torch.pow(True, t), lambda: torch.floor_divide(t, t),
             lambda: torch.remainder(t, t), lambda: torch.div(t, t, rounding_mode="floor"),
             lambda: torch.div(t, t, rounding_mode="trunc"), lambda: t // 2, lambda: t % 2, lambda: 2 ** t]:
    attempt(make)
print(t ** True, t ** False, torch.tensor(True) ** False, t.pow(True), (t ** 2).dtype)
''',
    ],
    "bitwise_promotion_with_0d_and_numbers": [
        ATTEMPT + '''u = torch.tensor([200, 3, 1], dtype=torch.uint8)
i8 = torch.tensor([-3, 5, 1], dtype=torch.int8)
i32 = torch.tensor([-7, 4, 1], dtype=torch.int32)
t = torch.tensor([True, False, True])
print(u & torch.tensor(3), i8 | torch.tensor(2), i32 ^ torch.tensor(1), torch.tensor(1) & i8, (t & i8).dtype)
print(u << torch.tensor(3), torch.tensor(5) >> i8.abs(), i32 << 1, u >> 9, 1 << torch.arange(5), 256 >> torch.arange(4))
print((1 << u).dtype, -3 >> t, True >> u, torch.bitwise_left_shift(i32, 2), torch.bitwise_xor(i8, torch.tensor(1)))
for make in [lambda: u & 1.5, lambda: i8.half() | i8.float(), lambda: torch.tensor(1.5) ^ i8, lambda: i32 << 1.0,
             lambda: t << 1, lambda: t >> t, lambda: 2.0 >> i8, lambda: i8.double() << i8, lambda: t & [1, 0, 1]]:
    attempt(make)
''',
    ],
    "bitwise_functions_refuse_lists_and_arrays": [
        ATTEMPT + '''import numpy as np
t = torch.tensor([1, 2, 3])
for make in [lambda: torch.bitwise_and(t, np.array([1, 2, 3])), lambda: torch.bitwise_and(t, [1, 2, 3]),
             lambda: torch.bitwise_left_shift(t, [1]), lambda: t.bitwise_and([1, 2, 3]), lambda: t.bitwise_or(None),
             lambda: t.bitwise_right_shift((1,)), lambda: t & None, lambda: t.__and__([1]),
             lambda: torch.bitwise_and(2.5, t), lambda: torch.bitwise_left_shift(1, t), lambda: torch.bitwise_or(True, t > 1)]:
    attempt(make)
''',
    ],
    "in_place_cast_rules": [
        ATTEMPT + '''u = torch.tensor([200, 3, 1], dtype=torch.uint8)
i32 = torch.tensor([-7, 4, 1], dtype=torch.int32)
x = u.clone(); x |= torch.tensor([256 + 4, 0, 0]); print(x)
x = u.clone(); x ^= torch.tensor([1, 1, 1]); print(x)
x = i32.clone(); x &= torch.arange(3); print(x, x.dtype)
x = u.clone(); x <<= torch.tensor(1); print(x)
for make in [lambda: i32.clone().__iand__(1.5), lambda: i32.clone().__ior__(torch.tensor([1.0])),
             lambda: torch.tensor([True]).__ior__(torch.tensor([1])), lambda: torch.tensor([True]).__ilshift__(1)]:
    attempt(make)
print(torch.can_cast(torch.bfloat16, torch.int8), torch.can_cast(torch.int64, torch.uint8),
      torch.can_cast(torch.bfloat16, torch.float16), torch.can_cast(torch.complex64, torch.bfloat16))
''',
    ],
    "range_factories_without_kernels": [
        ATTEMPT + '''import warnings
warnings.simplefilter("ignore")
for kw in [dict(dtype=torch.bool), dict(dtype=torch.complex64), dict(dtype=torch.complex128)]:
    for make in [lambda: torch.arange(3, **kw), lambda: torch.arange(0, 4, 0, **kw), lambda: torch.arange(5, 0, **kw),
                 lambda: torch.linspace(0, 1, 3, **kw), lambda: torch.linspace(0, 1, 1, **kw),
                 lambda: torch.linspace(0, 1, 0, **kw), lambda: torch.logspace(0, 1, 3, **kw),
                 lambda: torch.logspace(0, 1, 1, **kw), lambda: torch.range(0, 2, **kw)]:
        attempt(make)
for make in [lambda: torch.range(0, -1), lambda: torch.range(0, 1, 0), lambda: torch.range(0, -1, dtype=torch.int64),
             lambda: torch.logspace(0.5, 1, 3, base=2, dtype=torch.complex64)]:
    attempt(make)
''',
    ],
    "tensor_int_overflow_and_empty_sizes": [
        ATTEMPT + '''for make in [lambda: torch.tensor([1, 2**63]), lambda: torch.tensor([True, 2**63]), lambda: torch.tensor([-2**63 - 1]),
             lambda: torch.as_tensor([2**64]), lambda: torch.tensor([2**63 - 1, -2**63]),
             lambda: torch.arange(3).repeat(), lambda: torch.tensor(3).repeat(), lambda: torch.tensor(3).reshape(),
             lambda: torch.tensor(3).view(), lambda: torch.tensor(3).expand(), lambda: torch.arange(3).expand(),
             lambda: torch.tensor(3).repeat(2)]:
    attempt(make)
''',
    ],
    "slice_select_backward_keep_negative_zero": [
        '''a = torch.tensor([[1., -2., 3.], [0.5, -1., 2.]])
b = torch.tensor([[0.5, 2., -1.], [1., 1., 1.]], requires_grad=True)
v = torch.tensor([0.5, 2., -1.], requires_grad=True)
# (the parity policy lets -0.0 agree with 0.0: signbit shows the sign)
for g, in [torch.autograd.grad(v[:2] * a[0, :2], v, torch.tensor([1., 0.])),
           torch.autograd.grad(b[:, 1] * a[:, 1], b, torch.tensor([0., 1.])),
           torch.autograd.grad(b[1:, ::2] * a[1:, ::2], b, torch.tensor([[0., 1.]])),
           torch.autograd.grad(b[0, 0] * -1., b, torch.tensor(0.)), torch.autograd.grad(b[..., 0] * -1., b, torch.zeros(2)),
           torch.autograd.grad(b.split(1, 1)[1] * -1., b, torch.zeros(2, 1)),
           torch.autograd.grad(b.unbind(0)[0] * -1., b, torch.zeros(3)),
           torch.autograd.grad(b[[0, 0]] * -1., b, torch.zeros(2, 3))]:
    print(g, g.signbit())
g, = torch.autograd.grad(b[:, 1] * -1., b, torch.zeros(2, requires_grad=True), create_graph=True)
print(g, g.grad_fn.name(), g.signbit())
(ja, jb), _ = torch.autograd.functional.jacobian(lambda u, w: (u[:2] * w[:2], u[:3] @ w), (a[0], v.detach()))
print(jb, jb.signbit())
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe90_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe90/{name}", warns="per_cell")
