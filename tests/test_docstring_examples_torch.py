"""From the ninth probe (/work/notes/probe_report9.md): the examples in PyTorch's own docstrings (the ``>>>`` blocks of
top-level torch.* functions and of Tensor methods), which tutorials and learners copy. Each case is the example as
the docstring gives it, after torch.manual_seed(0), then what the fix touched around it (other arguments, errors,
grad_fn and gradients), run on PyTorch and on the engine (helpers.assert_same_as_pytorch: output, error type and
message, warnings)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "logical_out": [   # torch.logical_and / or / xor / not docstrings: out= of another dtype
        '''a = torch.tensor([True, False, True])
b = torch.tensor([True, False, False])
print(torch.logical_and(a, b, out=torch.empty(3, dtype=torch.bool)))
a = torch.tensor([0, 1, 10, 0], dtype=torch.int8)
b = torch.tensor([4, 0, 1, 0], dtype=torch.int8)
print(torch.logical_and(a, b, out=torch.empty(4, dtype=torch.bool)))
print(torch.logical_or(a, b, out=torch.empty(4, dtype=torch.bool)))
print(torch.logical_xor(a.double(), b.double(), out=torch.empty(4, dtype=torch.float32)))
print(torch.logical_not(torch.tensor([0., 1., -10.], dtype=torch.double), out=torch.empty(3, dtype=torch.int16)))
out = torch.empty(2, dtype=torch.bool)
print(torch.logical_and(torch.ones(3, requires_grad=True), a[:3], out=out), out)''',
        '''a = torch.tensor([True, False])
for f in [lambda: a.logical_and(a, out=torch.empty(2, dtype=torch.bool)),
          lambda: a.logical_not(out=torch.empty(2, dtype=torch.bool))]:
    try:
        print(f())
    except TypeError as e:
        print(e)
print(a.logical_or(~a), a.logical_xor(a), a.logical_not(), torch.logical_not(a))''',
    ],
    "nonzero_0d": [   # torch.nonzero docstring: torch.nonzero(torch.tensor(5), as_tuple=True)
        '''print(torch.nonzero(torch.tensor(5), as_tuple=True))
print(torch.nonzero(torch.tensor(0), as_tuple=True), torch.nonzero(torch.tensor(5)), torch.nonzero(torch.tensor(0.)))
print(torch.tensor(2.5).nonzero(as_tuple=True), torch.tensor([[0, 3], [1, 0]]).nonzero(as_tuple=True))''',
        '''input_tensor = torch.tensor([[1, 0], [3, 2]])
print(torch.nonzero_static(input_tensor, size=4))
print(torch.nonzero_static(input_tensor, size=2), input_tensor.nonzero_static(size=3, fill_value=7))
print(torch.nonzero_static(torch.tensor([10]), size=0), torch.nonzero_static(torch.tensor(10), size=2))
try:
    torch.nonzero_static(input_tensor, size=-1)
except RuntimeError as e:
    print(e)''',
    ],
    "repeat_interleave_repeats_only": [   # torch.repeat_interleave docstring: torch.repeat_interleave(tensor([1, 2, 3]))
        '''print(torch.repeat_interleave(torch.tensor([1, 2, 3])))
print(torch.repeat_interleave(torch.tensor([0, 2, 1])), torch.repeat_interleave(torch.tensor([], dtype=torch.long)))
for f in [lambda: torch.repeat_interleave(torch.tensor([1., 2.])), lambda: torch.repeat_interleave(torch.tensor([[1, 2]])),
          lambda: torch.repeat_interleave(torch.tensor([1, -2])), lambda: torch.repeat_interleave(torch.tensor(3))]:
    try:
        print(f())
    except (RuntimeError, NotImplementedError) as e:
        print(type(e).__name__, e)
x = torch.tensor([1., 2.], requires_grad=True)
y = torch.repeat_interleave(x, torch.tensor([1, 2]))
print(y, x.repeat_interleave(2))''',
    ],
    "trapezoid_of_integers": [   # torch.trapezoid / cumulative_trapezoid docstrings: y = torch.tensor([1, 5, 10])
        '''y = torch.tensor([1, 5, 10])
x = torch.tensor([1, 3, 6])
print(torch.trapezoid(y), torch.trapezoid(y, dx=2), torch.trapezoid(y, x), torch.trapz(y, x))
print(torch.cumulative_trapezoid(y), torch.cumulative_trapezoid(y, dx=2), torch.cumulative_trapezoid(y, x))
print(torch.trapezoid(torch.arange(9).reshape(3, 3), dim=0), torch.trapezoid(y.int()),
      torch.trapezoid(y, torch.tensor([1., 3., 6.], dtype=torch.float64)))
yf = torch.tensor([1., 5., 10.], requires_grad=True)
print(torch.trapezoid(yf, x), torch.cumulative_trapezoid(yf, dx=2))''',
    ],
    "tensordot_dims_message": [   # torch.tensordot docstring: torch.tensordot(a, b, dims=2) with mismatched dims
        '''a = torch.arange(60.).reshape(3, 4, 5)
b = torch.arange(24.).reshape(4, 3, 2)
print(torch.tensordot(a, b, dims=([1, 0], [0, 1])))
for dims in [2, 1, ([0, -1], [1, 0]), ([2], [-3])]:
    try:
        print(torch.tensordot(a, b, dims=dims))
    except RuntimeError as e:
        print(e)''',
    ],
    "allclose_broadcast_message": [   # torch.qr docstring: torch.allclose(q.mT @ q, torch.eye(5)) on a batch of 3x4
        '''for f in [lambda: torch.allclose(torch.ones(3, 4, 4), torch.eye(5)), lambda: torch.isclose(torch.ones(2, 3), torch.ones(2)),
          lambda: torch.allclose(torch.ones(3, 1), torch.ones(3))]:
    try:
        print(f())
    except RuntimeError as e:
        print(e)''',
    ],
    "view_scatters": [   # torch.slice_scatter / select_scatter / diagonal_scatter / as_strided_scatter docstrings
        '''a = torch.zeros(8, 8)
b = torch.ones(2, 8)
print(a.slice_scatter(b, start=6))
b = torch.ones(8, 2)
print(a.slice_scatter(b, dim=1, start=2, end=6, step=2))
a = torch.zeros(2, 2)
b = torch.ones(2)
print(a.select_scatter(b, 0, 0))
a = torch.zeros(3, 3)
print(torch.diagonal_scatter(a, torch.ones(3), 0), torch.diagonal_scatter(a, torch.ones(2), 1))
a = torch.arange(4).reshape(2, 2) + 1
b = torch.zeros(3, 3)
print(torch.as_strided_scatter(b, a, (2, 2), (1, 2)))''',
        '''a = torch.zeros(4, 4)
for f in [lambda: torch.slice_scatter(a, torch.ones(2, 3), start=2), lambda: torch.select_scatter(a, torch.ones(3), 0, 0),
          lambda: torch.select_scatter(a, torch.ones(4), 0, 5), lambda: torch.diagonal_scatter(a, torch.ones(3)),
          lambda: torch.as_strided_scatter(a, torch.ones(3), (2, 2), (1, 2)),
          lambda: torch.as_strided_scatter(a, torch.ones(2, 2), (2, 2), (1, 2), 30), lambda: a.select(0, -5)]:
    try:
        print(f())
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
print(torch.slice_scatter(a, torch.ones(2, 4, dtype=torch.float64), start=2), torch.select_scatter(a, torch.ones(4), -1, -1))
print(torch.diagonal_scatter(torch.zeros(2, 3, 4), torch.ones(2, 3), 0, 1, 2))
print(torch.zeros(2, 3).as_strided_scatter(torch.arange(4.).view(2, 2), (2, 2), (3, 1), 1),
      torch.as_strided_scatter(a.t(), torch.ones(2, 2), (2, 2), (1, 2)))''',
        '''x = torch.zeros(4, 4, requires_grad=True)
s = torch.ones(2, 4, requires_grad=True)
y = x.slice_scatter(s, start=1, end=3)
print(y.grad_fn, [type(n).__name__ for n, _ in y.grad_fn.next_functions])
print(x.select_scatter(s[0], 0, 1).grad_fn, x.diagonal_scatter(s[0]).grad_fn, x.as_strided_scatter(s, (2, 4), (4, 1)).grad_fn)
(y * torch.arange(16.).view(4, 4)).sum().backward()
print(x.grad, s.grad)
x.grad = s.grad = None
z = torch.diagonal_scatter(x * 2, s[1] * 3) + torch.select_scatter(x, s[0, :4], 1, 2)
(z * torch.arange(16.).view(4, 4)).sum().backward()
print(z, x.grad, s.grad)''',
    ],
    "narrow_copy": [   # torch.narrow_copy docstring
        '''x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(torch.narrow_copy(x, 0, 0, 2), torch.narrow_copy(x, 1, 1, 2), x.narrow_copy(-1, -2, 2))
w = torch.arange(6.).view(2, 3).requires_grad_()
y = torch.narrow_copy(w, 1, 1, 2)
(y * torch.tensor([[1., 2.], [4., 5.]])).sum().backward()
print(y, y.is_contiguous(), w.grad)
try:
    torch.narrow_copy(w, 0, 1, 5)
except RuntimeError as e:
    print(e)''',
    ],
    "renorm": [   # torch.renorm docstring (README's Limits listed it as missing)
        '''x = torch.ones(3, 3)
x[1].fill_(2)
x[2].fill_(3)
print(x)
print(torch.renorm(x, 1, 0, 5))
w = torch.arange(6.).view(2, 3).requires_grad_()
y = torch.renorm(w, 2, 0, 3)
(y * torch.tensor([[1., 2, 3], [4, 5, 6]])).sum().backward()
print(y, w.grad)
for p in [1, 2, 3, 0.5, float('inf')]:
    w = torch.tensor([[0.3, -1.2, 2.5], [0.1, 0.2, -0.1], [4., 5, 6]], requires_grad=True)
    y = torch.renorm(w, p, 0, 1.5)
    (y * torch.tensor([[1., -2, 3], [4, 5, 6], [0.5, 1, 2]])).sum().backward()
    print(p, y, w.grad)
print(torch.ones(2, 3).renorm_(2, 1, 0.5), torch.ones(2, 3, dtype=torch.float64).renorm(2, -1, 1))''',
        '''w = torch.ones(2, 3)
for f in [lambda: torch.renorm(w, -1, 0, 1), lambda: torch.renorm(w, 0, 0, 1), lambda: torch.renorm(w, 2, 0, -1),
          lambda: torch.renorm(w, 2, 0, -1.5), lambda: torch.renorm(torch.ones(3), 2, 0, 1),
          lambda: torch.renorm(torch.ones(2, 3, dtype=torch.long), 2, 0, 1), lambda: w.renorm(2, 3, 1)]:
    try:
        print(f())
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)''',
    ],
    "nextafter": [   # torch.nextafter docstring
        '''eps = torch.finfo(torch.float32).eps
print(torch.nextafter(torch.tensor([1.0, 2.0]), torch.tensor([2.0, 1.0])) == torch.tensor([eps + 1, 2 - eps]))
x = torch.arange(3.).requires_grad_()
o = torch.ones(3, requires_grad=True)
z = torch.nextafter(x, o)
z.sum().backward()
print(z.grad_fn, x.grad, o.grad)
print(torch.nextafter(torch.tensor([1., 2.], dtype=torch.float64), torch.tensor(3.)),
      torch.tensor([1., 2.]).nextafter(torch.tensor([0.], dtype=torch.float64)).dtype)
try:
    torch.nextafter(torch.tensor([1, 2]), torch.tensor([2, 1]))
except NotImplementedError as e:
    print(e)''',
    ],
    "cov_weights": [   # torch.cov docstring: torch.cov(x, fweights=fw, aweights=aw)
        '''x = torch.tensor([[0, 1, 2], [2, 1, 0]])
fw = torch.randint(1, 10, (3,))
aw = torch.rand(3)
print(fw, aw)
print(torch.cov(x, fweights=fw, aweights=aw), torch.cov(x, fweights=fw), torch.cov(x, aweights=aw, correction=0))
x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
fw = torch.tensor([1, 2, 3])
aw = torch.tensor([0.2, 0.5, 0.9], requires_grad=True)
for kw in [dict(fweights=fw), dict(aweights=aw), dict(fweights=fw, aweights=aw), dict(aweights=aw, correction=2),
           dict(fweights=torch.tensor([1, 0, 0]))]:
    c = torch.cov(x, **kw)
    c.sum().backward()
    print(c, x.grad, aw.grad)
    x.grad = aw.grad = None
print(torch.cov(torch.tensor([1., 2, 4, 7]), aweights=torch.tensor([0.1, 0.2, 0.3, 0.4])))''',
        '''x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.3, -0.7]])
for kw in [dict(fweights=torch.tensor([1., 2, 3])), dict(aweights=torch.tensor([1, 2, 3])),
           dict(fweights=torch.tensor([[1, 2, 3]])), dict(fweights=torch.tensor([1, 2])),
           dict(fweights=torch.tensor([1, -2, 3])), dict(aweights=torch.tensor([0., 0, 0])),
           dict(aweights=torch.tensor([0.1, -0.2, 0.3]))]:
    try:
        print(torch.cov(x, **kw))
    except RuntimeError as e:
        print(e)''',
    ],
    "grad_dtype": [   # Tensor.grad_dtype docstring (PyTorch 2.13), and the .grad assignments it governs
        '''x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x.grad_dtype)
x.grad_dtype = torch.float16
print(x.grad_dtype)
x.grad_dtype = None
print(x.grad_dtype)''',
        '''def tr(f):
    try:
        print(f())
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
x = torch.tensor([1.0, 2.0], requires_grad=True)
tr(lambda: setattr(x, "grad", torch.ones(2, dtype=torch.float64)))
tr(lambda: setattr(x, "grad", torch.ones(3)))
tr(lambda: setattr(x, "grad", torch.ones(3, dtype=torch.int64)))
tr(lambda: setattr(x, "grad", 3))
tr(lambda: setattr(x, "grad_dtype", 3))
x.grad_dtype = torch.float64
x.grad = torch.ones(2, dtype=torch.float64)
(x * 2).sum().backward()
print(x.grad)
tr(lambda: setattr(x, "grad_dtype", torch.float16))
x.grad = None
x.grad_dtype = torch.float16
(x * 2).sum().backward()
print(x.grad)
x.grad, x.grad_dtype = None, None
x.backward(torch.ones(2, dtype=torch.float64))
print(x.grad)
y = x * 2
tr(lambda: y.grad_dtype)
tr(lambda: setattr(y, "grad_dtype", None))
w = torch.ones(2)
w.grad_dtype = None
print(w.grad_dtype, w.requires_grad)''',
    ],
    "backward_gradient_dtype": [   # backward(gradient=) of another dtype: cast to the output's dtype, as PyTorch
        '''x = torch.ones(2, requires_grad=True)
x.backward(torch.tensor([1., 2.], dtype=torch.float64))
print(x.grad)
(x * 2).backward(torch.tensor([1., 2.], dtype=torch.float64))
print(x.grad)
(x.double() * 2).backward(torch.tensor([1., 2.]))
print(x.grad)
z = torch.ones(2, dtype=torch.float64, requires_grad=True)
(z * 2).backward(torch.tensor([1, 2]))
(z * 2).backward(torch.tensor([True, False]))
print(z.grad, torch.autograd.grad(x * 3, x, torch.ones(2, dtype=torch.float16)))
g = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)
gx, = torch.autograd.grad(x * 2, x, g, create_graph=True)
print(gx, gx.grad_fn)''',
    ],
    "clamp_tensor_bounds": [   # torch.clamp docstring (min a tensor), with its inputs requiring grad
        '''a = torch.randn(4, requires_grad=True)
min = torch.linspace(-1, 1, steps=4)
print(torch.clamp(a, min=min))''',
        '''x = torch.tensor([-1., 0.5, 0.5, 2., 3.], requires_grad=True)
mn = torch.tensor([0., 0.5, 1., 1., 4.], requires_grad=True)
mx = torch.tensor([1., 0.5, 0.2, 2., 3.5], requires_grad=True)
w = torch.tensor([1., 2., 3., 4., 5.])
for f in [lambda: torch.clamp(x, min=mn), lambda: torch.clamp(x, max=mx), lambda: torch.clamp(x, mn, mx),
          lambda: x.clamp(min=mn), lambda: torch.clamp_min(x, mn), lambda: torch.clamp_max(x, mx), lambda: x.clamp_max(mx),
          lambda: x.clamp_min(mn), lambda: torch.clip(x, mn, mx), lambda: x.clip(max=mx), lambda: torch.clamp(x, mn[:1]),
          lambda: torch.clamp(x.view(5, 1), mn, mx)]:
    y = f()
    print(y, torch.autograd.grad((y * w).sum(), [x, mn, mx], allow_unused=True))
print(torch.clamp(torch.tensor([1, 5, 9]), torch.tensor([2, 2, 2]), torch.tensor([4., 4, 4])),
      torch.clamp(torch.tensor([1, 5, 9]), torch.tensor([2, 2, 2])), torch.clamp_min(torch.tensor([1, 5]), torch.tensor([2., 2])))
print(torch.clamp(torch.tensor([1., float('nan'), 9]), torch.tensor([2., 2, float('nan')])))
y = torch.ones(3, requires_grad=True) * 1
print(y.clamp_(min=torch.zeros(3)).grad_fn, (y * 1).clamp_min_(torch.zeros(3)).grad_fn,
      (y * 1).clamp_max_(torch.zeros(3)).grad_fn)''',
    ],
    "native_channel_shuffle": [   # torch.native_channel_shuffle docstring, its input requiring grad
        '''input = torch.randn(1, 4, 2, 2, requires_grad=True)
print(input)
output = torch.nn.functional.native_channel_shuffle(input, 2)
print(output)
print(type(output.grad_fn).__name__, output.grad_fn.next_functions, torch.channel_shuffle(input, 2).grad_fn,
      torch.native_channel_shuffle(input, 2).grad_fn, torch.nn.functional.channel_shuffle(input, 2).grad_fn)
try:
    output.sum().backward()
except RuntimeError as e:
    print(e)
for f in [lambda: torch.native_channel_shuffle(input, 3), lambda: torch.native_channel_shuffle(input[0, 0], 2),
          lambda: torch.native_channel_shuffle(input, 0)]:
    try:
        print(f())
    except RuntimeError as e:
        print(e)''',
    ],
    "fmax_fmin": [   # torch.fmax / torch.fmin docstrings, their inputs requiring grad
        '''a = torch.tensor([9.7, float('nan'), 3.1, float('nan')], requires_grad=True)
b = torch.tensor([-2.2, 0.5, float('nan'), float('nan')], requires_grad=True)
print(torch.fmax(a, b))
a = torch.tensor([2.2, float('nan'), 2.1, float('nan')], requires_grad=True)
b = torch.tensor([-9.3, 0.1, float('nan'), float('nan')], requires_grad=True)
print(torch.fmin(a, b))''',
        '''a = torch.tensor([9.7, float('nan'), 3.1, float('nan'), 2.0], requires_grad=True)
b = torch.tensor([-2.2, 0.5, float('nan'), float('nan'), 2.0], requires_grad=True)
for f in [torch.fmax, torch.fmin, lambda x, y: x.fmax(y), lambda x, y: x.fmin(y)]:
    y = f(a, b)
    print(y, torch.autograd.grad((y * torch.arange(1., 6.)).sum(), [a, b]))
print(torch.fmax(torch.tensor([1, 5]), torch.tensor([2., 3.])), torch.fmax(torch.tensor([1, 5]), torch.tensor([2, 3])))
try:
    torch.fmax(torch.tensor([1.]), 2.0)
except TypeError as e:
    print(e)
y = torch.fmax(torch.ones(2, 1, requires_grad=True), torch.zeros(3))
print(y.grad_fn, y.shape, torch.fmin(torch.tensor([1., 3.], requires_grad=True), torch.tensor([2., 2.], dtype=torch.float64)))''',
    ],
    "ldexp_integer_exponent_resize": [   # torch.ldexp docstring: PyTorch warns when an integer exponent broadcasts
        '''print(torch.ldexp(torch.tensor([1.]), torch.tensor([1])))
print(torch.ldexp(torch.tensor([1.0]), torch.tensor([1, 2, 3, 4])))''',
        '''for a, b in [((1, 1), (3,)), ((2, 1), (1, 3)), ((), (3,)), ((1,), ()), ((0,), (1,))]:
    print(torch.ldexp(torch.ones(a), torch.ones(b, dtype=torch.long)).shape, torch.ldexp(torch.ones(a), torch.ones(b)).shape)
print(torch.ldexp(torch.ones(1, dtype=torch.long), torch.ones(3, dtype=torch.long)),
      torch.ldexp(torch.ones(1, dtype=torch.float64), torch.ones(3, dtype=torch.int32)))
x = torch.ones(1, requires_grad=True)
y = torch.ldexp(x, torch.tensor([1, 2]))
y.sum().backward()
print(y, x.grad)
try:
    torch.ldexp(torch.ones(1), torch.tensor([True, False]))
except NotImplementedError as e:
    print(e)''',
    ],
    "default_dtype_float64": [   # the docstring examples run after torch.set_default_dtype(torch.float64)
        '''torch.set_default_dtype(torch.float64)
try:
    x = torch.tensor([[0, 1, 2], [2, 1, 0]])
    print(torch.cov(x), torch.corrcoef(x), torch.cov(x, correction=0))
    print(torch.fmod(torch.tensor([1, 2, 3, 4, 5]), -1.5), torch.remainder(torch.tensor([1, 2]), 1.5))
    i = torch.tensor([1, 2])
    for f in [lambda: torch.clamp(i, 0.5), lambda: torch.clamp_min(i, 0.5), lambda: torch.clamp_max(i, 0.5),
              lambda: torch.logit(torch.tensor([0, 1])), lambda: torch.atan2(i, i), lambda: i.sqrt(), lambda: torch.erf(i),
              lambda: torch.sigmoid(i), lambda: torch.exp2(i), lambda: i.reciprocal(), lambda: i - 0.5, lambda: 0.5 - i,
              lambda: i ** 0.5, lambda: 2.5 ** i, lambda: torch.copysign(i, -1), lambda: torch.copysign(i, i),
              lambda: torch.xlogy(i, 2), lambda: torch.xlogy(2, i), lambda: torch.logsumexp(i, 0), lambda: i.lgamma(),
              lambda: torch.rsqrt(i), lambda: torch.deg2rad(i), lambda: torch.sinc(i), lambda: torch.trapezoid(i),
              lambda: torch.special.expit(i), lambda: torch.pow(i, 0.5), lambda: torch.true_divide(i, i)]:
        print(f().dtype, end=" ")
    print()
    x = torch.ones(5, 3)
    t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
    index = torch.tensor([0, 4, 2])
    for f in [lambda: x.index_add_(0, index, t), lambda: x.index_add(0, index, t, alpha=-1), lambda: x.index_copy_(0, index, t),
              lambda: torch.index_copy(x, 0, index, t), lambda: x.scatter_add(0, index.view(3, 1).expand(3, 3), t)]:
        try:
            print(f())
        except RuntimeError as e:
            print(e)
finally:
    torch.set_default_dtype(torch.float32)''',
    ],
    "histogramdd": [   # torch.histogramdd docstring
        '''print(torch.histogramdd(torch.tensor([[0., 1.], [1., 0.], [2., 0.], [2., 2.]]), bins=[3, 3],
                        weight=torch.tensor([1., 2., 4., 8.])))
print(torch.histogramdd(torch.tensor([[0., 0.], [1., 1.], [2., 2.]]), bins=[2, 2],
                        range=[0., 1., 0., 1.], density=True))''',
        '''def tr(f):
    try:
        print(f())
    except (RuntimeError, NotImplementedError) as e:
        print(type(e).__name__, e)
x = torch.tensor([[0., 1.], [1., 0.], [2., 0.], [2., 2.]], requires_grad=True)
r = torch.histogramdd(x, bins=[3, 3])
print(r.hist.grad_fn, r.bin_edges[0].grad_fn, type(r).__name__, type(torch.histogram(x[:, 0])).__name__)
tr(lambda: r.hist.sum().backward())
tr(lambda: torch.histogramdd(torch.ones(3), bins=2)); tr(lambda: torch.histogramdd(torch.ones(3, 2), bins=[2]))
tr(lambda: torch.histogramdd(torch.ones(3, 2), bins=2)); tr(lambda: torch.histogramdd(torch.ones(3, 2, dtype=torch.long), bins=2))
tr(lambda: torch.histogramdd(torch.ones(3, 2), bins=2, range=[0., 1.]))
tr(lambda: torch.histogramdd(torch.tensor([[0.5, 0.2, 3.], [1., 1., 1.], [2., 2., -1.]]),
                             bins=[torch.tensor([0., 1., 2.]), torch.tensor([0., 0.5, 2.5]), torch.tensor([-1., 3.])]))
tr(lambda: torch.histogramdd(torch.rand(2, 3, 2), bins=(2, 3), weight=torch.ones(2, 3)))
tr(lambda: torch.histogramdd(torch.rand(4, 2), bins=(2, 3), weight=torch.ones(3)))
tr(lambda: torch.histogramdd(torch.tensor([[float('nan'), 1.]]), bins=2)); tr(lambda: torch.histogramdd(torch.ones(3, 2), bins=0))
tr(lambda: torch.histogramdd(torch.ones(3, 2, dtype=torch.float64), bins=2, density=True))
tr(lambda: torch.histogramdd(torch.randn(100, 3), bins=4, density=True))
tr(lambda: torch.histogramdd(torch.randn(50, 2), bins=[3, 5], range=[-1., 1., -2., 0.5], weight=torch.rand(50)))
tr(lambda: torch.histogramdd(torch.ones(3, 2), bins=2, range=[1., 0., 0., 1.]))
tr(lambda: torch.histogramdd(torch.zeros(0, 2), bins=2)); tr(lambda: torch.histogram(torch.tensor([]), bins=2))''',
    ],
    "inplace_forms": [   # the docstring examples of torch.lgamma, torch.frexp, torch.logical_and ... in place
        '''def tr(f):
    try:
        print(f())
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
a = torch.tensor([0.5, 1.0, 2.5])
tr(lambda: a.clone().lgamma_()); tr(lambda: a.clone().digamma_()); tr(lambda: a.clone().i0_())
tr(lambda: a.clone().polygamma_(1)); tr(lambda: a.clone().mvlgamma_(1)); tr(lambda: a.clone().igamma_(a))
tr(lambda: a.clone().igammac_(a)); tr(lambda: a.clone().arctan2_(a)); tr(lambda: a.clone().nextafter_(torch.zeros(3)))
tr(lambda: a.clone().ldexp_(torch.tensor([1, 2, 3])))
mantissa, exponent = torch.frexp(torch.arange(9.))
tr(lambda: mantissa.clone().ldexp_(exponent))
i = torch.tensor([1, 2, 3])
tr(lambda: i.clone().bitwise_not_()); tr(lambda: i.clone().bitwise_left_shift_(1)); tr(lambda: i.clone().bitwise_right_shift_(i))
tr(lambda: i.clone().lgamma_()); tr(lambda: i.clone().ldexp_(i)); tr(lambda: i.clone().ldexp_(a))
tr(lambda: a.clone().logical_and_(a, out=a)); tr(lambda: a.clone().lgamma_(out=a)); tr(lambda: a.clone().logical_not_(out=a))
x = torch.tensor([0.5, 1.0, 2.5], requires_grad=True)
y = x * 1
print(y.lgamma_(), y.grad_fn)
y = x * 1
y.digamma_()
print(y.grad_fn)
y = x * 1
y.ldexp_(torch.tensor([1, 2, 3]))
y.sum().backward()
print(y, x.grad)''',
    ],
    "deterministic_algorithms": [   # Tensor.put_ docstring run after torch.use_deterministic_algorithms(True)
        '''torch.use_deterministic_algorithms(True)
try:
    src = torch.tensor([[4, 3, 5], [6, 7, 8]])
    for f in [lambda: src.put_(torch.tensor([1, 3]), torch.tensor([9, 10])),
              lambda: torch.put(src, torch.tensor([1]), torch.tensor([9])),
              lambda: src.put_(torch.tensor([1, 3]), torch.tensor([9, 10]), accumulate=True),
              lambda: (torch.empty(2), torch.empty(2, 3, dtype=torch.long), torch.empty(2, dtype=torch.bool),
                       torch.empty(2, dtype=torch.uint8), torch.empty(1, dtype=float), torch.empty(0)),
              lambda: (torch.empty_like(src), torch.ones(2).new_empty(3), torch.empty_strided((2, 2), (1, 2)),
                       torch.ones(3).resize_(2, 3), torch.ones(2, dtype=torch.int32).resize_(3)),
              lambda: torch.empty(2, requires_grad=True)]:
        try:
            print(f())
        except RuntimeError as e:
            print(e)
    torch.use_deterministic_algorithms(True, warn_only=True)
    print(src.put_(torch.tensor([0]), torch.tensor([1])), torch.empty(1))
    import torch.utils.deterministic
    print(torch.utils.deterministic.fill_uninitialized_memory)
    torch.utils.deterministic.fill_uninitialized_memory = False
    print(torch.empty(2, dtype=torch.long).shape, torch.ones(1).resize_(2)[0])
    try:
        torch.utils.deterministic.fill_uninitialized_memory = 1
    except RuntimeError as e:
        print(e)
finally:
    torch.use_deterministic_algorithms(False)
    torch.utils.deterministic.fill_uninitialized_memory = True
print(src.put_(torch.tensor([0]), torch.tensor([2])), torch.empty(2).shape, torch.are_deterministic_algorithms_enabled())''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_docstring_examples_match_pytorch(name):
    assert_same_as_pytorch(["torch.manual_seed(0)"] + CELLS[name], corpus="docstrings", name=name, warns="per_cell")
