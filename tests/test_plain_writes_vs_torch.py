"""zero_, fill_ and copy_ when nothing records them write the tensor's array where it is (engine/inplace.py
writes_plainly: a training loop's ``w.grad.zero_()`` costs ~0.4 us, not ~4), and a small tensor's sum() goes to
the C kernel (engine/reduce.py). Each cell checks against PyTorch what the short path must keep: the values and
bits written, the version counter, views and bases seeing the write, a tensor saved for backward refusing its
graph after the write, the fill value's overflow checks, and the cases the short path leaves to the general one
(a graph records the write, an expanded tensor, a conjugated or negated view, another dtype or shape)."""
import numpy as np
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "zero_fill_copy_values_versions_and_views": ['''x = torch.arange(12.).view(3, 4)
v = x[1]
t = x.t()
print(x._version, v._version)
v.zero_()
print(x, x._version, v._version, t._version)
x.fill_(2.5)
print(v, x._version)
t.copy_(torch.ones(4, 3) * 7)
print(x, x._version)
x[0].fill_(-1)
print(x, t)
w = torch.zeros(3, requires_grad=True)
(w * torch.tensor([1., 2., 3.])).sum().backward()
g = w.grad
print(g.zero_() is g, g, g._version, w.grad)
print(g.fill_(1).add_(1), g._version)
'''],
    "fill_values_of_every_dtype_and_their_overflow_checks": ['''for dt in (torch.float16, torch.float32, torch.float64, torch.int32, torch.uint8, torch.bool,
           torch.complex64, torch.complex128, torch.int64):
    x = torch.zeros(3, dtype=dt)
    row = []
    for v in (1.0, 2.7, -1, 70000.0, float("nan"), float("-inf"), 1e300, 2 ** 70, -2 ** 70, True, 300, -3.5,
              2 ** 63, 1e20, 3.4e38, 3.5e38):
        try:
            x.fill_(v)
            row.append(x[0].item())
        except Exception as e:
            row.append(f"{type(e).__name__}: {e}")
    print(dt, row)
'''],
    "copy_between_dtypes_shapes_and_overlapping_memory": ['''a = torch.arange(6.)
for dst, src in ((a[1:], a[:-1]), (a[:-1], a[1:]), (a[:3], a[3:]), (a, a), (a.view(2, 3), a.view(3, 2).t()),
                 (a.view(2, 3)[:, :2], a.view(2, 3)[:, 1:]), (a[:4].view(2, 2), a[:4].view(2, 2).t()),
                 (a[0:1], a[0:1]), (a[2:4], torch.arange(2.))):
    try:
        dst.copy_(src)
        print(a, a._version)
    except RuntimeError as e:
        print(type(e).__name__, e)
c = torch.zeros(2, 3, dtype=torch.float64)
c.copy_(torch.tensor([1, 2, 3]))
print(c, c._version)
d = torch.zeros(3, dtype=torch.int64)
d.copy_(torch.tensor([1.7, -2.2, 3.9]))
print(d)
e = torch.zeros(4)
e.copy_(torch.tensor([1., 2., 3., 4.], dtype=torch.float64))
print(e, e.dtype)
f = torch.zeros(3, dtype=torch.float32)
f.copy_(torch.tensor([1e-45, float('nan'), -0.0]))
print(f, torch.signbit(f))
m = torch.zeros(4, 2).t()
m.copy_(torch.arange(8.).view(2, 4))
print(m, m.is_contiguous())
'''],
    "a_tensor_saved_for_backward_then_zeroed_refuses_the_graph": ['''x = torch.tensor([1., 2., 3.], requires_grad=True)
s = torch.tensor([4., 5., 6.])
y = (x * s).sum()
s.zero_()
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
u = torch.tensor([1., 2.])
z = (x[:2] * u).sum()
u.copy_(torch.tensor([3., 4.]))
try:
    z.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
k = torch.tensor([1., 2.])
q = (x[:2] * k).sum()
k.fill_(0.5)
try:
    q.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
'''],
    "writes_a_graph_records_stay_recorded": ['''x = torch.ones(3, requires_grad=True)
y = x * 2
y.zero_()
print(y.grad_fn.name(), y.requires_grad)
z = x * 3
z.fill_(4.0)
print(z.grad_fn.name())
w = torch.zeros(3)
w.copy_(x * 5)
print(w.grad_fn.name(), w.requires_grad)
(w.sum() + z.sum() + y.sum()).backward()
print(x.grad)
with torch.no_grad():
    leaf = torch.ones(2, requires_grad=True)
    leaf.zero_()
    leaf.fill_(3)
    leaf.copy_(torch.tensor([1., 2.]))
    print(leaf, leaf.requires_grad, leaf.grad_fn, leaf._version)
try:
    leaf.zero_()
except RuntimeError as e:
    print(type(e).__name__, e)
'''],
    "expanded_conjugated_and_negated_targets": ['''e = torch.zeros(3, 1).expand(3, 4)
try:
    e.copy_(torch.ones(3, 4))
except RuntimeError as err:
    print(type(err).__name__, err)
e.zero_()
e.fill_(2.0)
print(e)
z = torch.tensor([1 + 2j, 3 - 1j])
c = z.conj()
c.copy_(torch.tensor([5 + 5j, 1j]))
print(c, c.is_conj())
c.fill_(2 - 1j)
print(c)
n = torch.tensor([1 + 1j, 2 + 2j]).conj().imag
print(n.is_neg())
n.fill_(3.0)
print(n)
n.copy_(torch.tensor([7.0, 8.0]))
print(n)
'''],
    "small_sums_every_length": ['''torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    out = []
    for n in range(1, 70):
        x = torch.randn(n, dtype=dt) * torch.logspace(-3, 3, n, dtype=dt)
        out.append(x.sum().item())
        out.append(x.view(1, n).mean().item())
    print(dt, out)
print(torch.tensor([1e38, 1e38, 1e38, 1e38, -1e38, 5.0]).sum())
print(torch.tensor([float('nan'), 1.0]).sum(), torch.tensor([float('inf'), -float('inf'), 1.0]).sum())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_plain_writes_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)


def test_the_short_path_is_taken_and_leaves_no_temporary(monkeypatch):
    """The loop's cases go by writes_plainly (the array written in place, nothing allocated beside it), the
    recorded and special ones do not."""
    from autograd_magic import torch
    from autograd_magic.engine import dispatch
    from autograd_magic.engine.inplace import writes_plainly
    # (as in a fresh process: an earlier test of this one may have handed out bfloat16 or uint32, which turns the
    # short path off for good; only float32 tensors are made here)
    monkeypatch.setattr(dispatch, "BF16_LIVE", False)
    monkeypatch.setattr(dispatch, "UINT_LIVE", False)
    w = torch.zeros(3, requires_grad=True)
    (w * 2).sum().backward()
    g = w.grad
    array = g._data
    assert writes_plainly(g) and not writes_plainly(w)
    g.fill_(3.0)
    g.copy_(torch.ones(3))
    g.zero_()
    assert g._data is array and g._version == 3
    with torch.no_grad():
        assert writes_plainly(w)
    assert not writes_plainly(torch.zeros(3, 1).expand(3, 2))
    assert not writes_plainly(torch.tensor([1 + 1j]).conj())
    assert np.array_equal(array, np.zeros(3, np.float32))
