"""What the hundred-and-ninety-seventh probe (in-place shifting and updating: a[1:] += a[:-1], out= into a window of
the input, indexed writes from the tensor itself) found, each checked against PyTorch. ATen refuses an output that
overlaps an input with "unsupported operation: some elements of the input tensor and the written-to tensor refer
to a single memory location": TensorIterator kernels (elementwise ops in place and with out=, and copy_, which
setitem with a basic key is) and cumsum/sort/cat's out= a partial overlap only (the same elements are allowed:
a.add_(a)); scatter_, scatter_add_, index_copy_, index_add_, index_put_ (setitem with an advanced key) and
gather's / index_select's out= any overlap. Only copy_ checked before (engine/overlap.py check_inputs now)."""
import pytest

from helpers import assert_same_as_pytorch

_TRY = '''def attempt(label, fn, n=8):
    t = torch.arange(1., n + 1)
    try:
        r = fn(t)
        print(label, "ok", t if r is None else r)
    except Exception as e:
        print(label, type(e).__name__, e)
'''

CELLS = {
    "inplace_binary_op_on_shifted_self_is_refused": [_TRY + '''
attempt("add_", lambda t: t[1:].add_(t[:-1]))
attempt("sub_ alpha", lambda t: t[2:6].sub_(t[:4], alpha=2))
attempt("atan2_", lambda t: t[4:].atan2_(t[2:6]))
attempt("pow_ 2-d", lambda t: t[4:].view(2, 2).pow_(t[2:6].view(2, 2)))
attempt("mul_ broadcast", lambda t: t[:8].view(2, 4).mul_(t[1:5]))
attempt("add_ 0-d inside", lambda t: t[4:].add_(t[5]))
attempt("add_ 0-d same", lambda t: t[4:5].add_(t[4]))
attempt("add_ itself", lambda t: t.add_(t).mul_(t))
attempt("add_ halves", lambda t: t[:4].add_(t[4:]))
attempt("add_ strided", lambda t: t[::2].add_(t[1::2]))
attempt("transpose", lambda t: t[:4].view(2, 2).T.add_(t[:4].view(2, 2)))
attempt("int", lambda t: t.long()[1:].add_(t.long()[:-1]))
'''],
    "augmented_assignment_on_shifted_self_is_refused": ['''a = torch.arange(6.)
try:
    a[1:] += a[:-1]
except RuntimeError as e:
    print(type(e).__name__, e)
print(a)
b = torch.arange(6.)
b[1:] *= b[:-1].clone()
b[:3] -= b[3:]
print(b)
'''],
    "elementwise_out_overlapping_input_is_refused": [_TRY + '''
attempt("exp", lambda t: torch.exp(t[:-1], out=t[1:]))
attempt("neg", lambda t: torch.neg(t[:4], out=t[2:6]))
attempt("sigmoid", lambda t: torch.sigmoid(t[:4], out=t[2:6]))
attempt("clamp", lambda t: torch.clamp(t[:4], 2, 5, out=t[2:6]))
attempt("where", lambda t: torch.where(t[:4] > 2, t[:4], t[4:], out=t[2:6]))
attempt("addcmul", lambda t: torch.addcmul(t[:4], t[:4], t[4:], out=t[2:6]))
attempt("maximum", lambda t: torch.maximum(t[:4], t[4:], out=t[1:5]))
attempt("eq", lambda t: torch.eq(t[:4], 3, out=t[2:6]))
attempt("logical_and", lambda t: torch.logical_and(t[:4], t[4:], out=t[2:6]))
attempt("swapped view", lambda t: torch.add(t.view(2, 4), 1, out=t.view(4, 2).T))
attempt("exp itself", lambda t: torch.exp(t, out=t))
attempt("exp disjoint", lambda t: torch.exp(t[:4], out=t[4:]))
'''],
    "ternary_inplace_ops_check_every_input": [_TRY + '''
attempt("addcmul_", lambda t: t[2:6].addcmul_(t[:4], t[4:]))
attempt("addcdiv_", lambda t: t[2:6].addcdiv_(t[6:].repeat(2), t[:4]))
attempt("lerp_", lambda t: t[2:6].lerp_(t[:4], 0.5))
attempt("lerp_ weight", lambda t: t[2:6].lerp_(t[:4] * 0, t[3:7]))
attempt("clamp_ tensor", lambda t: t[2:6].clamp_(min=t[:4]))
attempt("addcmul_ disjoint", lambda t: t[:4].addcmul_(t[4:], t[4:], value=0.5))
'''],
    "setitem_basic_key_is_copy_partial_overlap_refused": [_TRY + '''
attempt("a[1:] = a[:-1]", lambda t: t.__setitem__(slice(1, None), t[:-1]))
attempt("leading 1s", lambda t: t.__setitem__(slice(1, 3), t[:2].view(1, 2)))
attempt("0-d fill", lambda t: t.__setitem__(slice(1, 4), t[0]))
attempt("same", lambda t: t.__setitem__(slice(None), t))
attempt("disjoint", lambda t: t.__setitem__(slice(4, None), t[:4]))
'''],
    "setitem_advanced_key_and_index_put_refuse_any_overlap": [_TRY + '''
attempt("t[idx] = t", lambda t: t.__setitem__(torch.arange(8).flip(0), t))
attempt("t[idx] = shifted", lambda t: t.__setitem__(torch.tensor([4, 5, 6, 7]), t[2:6]))
attempt("mask", lambda t: t.__setitem__(t > 5, t[:3]))
attempt("index_put_", lambda t: t.index_put_((torch.arange(8),), t))
attempt("index_put_ clone", lambda t: t.index_put_((torch.arange(8).flip(0),), t.clone()))
'''],
    "scatter_index_copy_index_add_refuse_their_own_source": [_TRY + '''
perm = torch.tensor([1, 0, 3, 2, 5, 4, 7, 6])
attempt("scatter_", lambda t: t.scatter_(0, perm, t))
attempt("scatter_add_", lambda t: t.scatter_add_(0, perm, t))
attempt("index_copy_", lambda t: t.index_copy_(0, perm, t))
attempt("index_add_", lambda t: t.index_add_(0, perm, t))
attempt("index_copy_ disjoint", lambda t: t[4:].index_copy_(0, torch.tensor([1, 0]), t[:2]))
attempt("scatter_ value", lambda t: t.scatter_(0, perm[:2], 0.5))
attempt("masked_scatter_ not checked", lambda t: t.masked_scatter_(t > 5, t))
'''],
    "gather_index_select_sort_cat_cumsum_out_over_their_input": [_TRY + '''
attempt("gather", lambda t: torch.gather(t, 0, torch.arange(8), out=t))
attempt("index_select", lambda t: torch.index_select(t[2:6], 0, torch.tensor([0, 1, 2, 3]), out=t[4:]))
attempt("sort", lambda t: torch.sort(t[:4], out=(t[2:6], torch.empty(4, dtype=torch.long))))
attempt("cat", lambda t: torch.cat([t[:2], t[2:4]], out=t[1:5]))
attempt("cumsum", lambda t: torch.cumsum(t[:4], 0, out=t[2:6]))
attempt("cumprod", lambda t: torch.cumprod(t[:4], 0, out=t[2:6]))
attempt("cumsum_", lambda t: t[:4].cumsum_(0))
'''],
    "copy_of_one_element_from_its_0d_view_is_partial": [_TRY + '''
attempt("copy_", lambda t: t[4:5].copy_(t[4]))
attempt("copy_ unsqueezed", lambda t: t.unsqueeze(0).copy_(t))
attempt("copy_ same view", lambda t: t[4:5].copy_(t[4:5]))
'''],
    "autograd_checks_come_before_the_overlap_error": ['''w = torch.randn(6, requires_grad=True)
for step in (lambda: w[1:].add_(w[:-1]), lambda: w[1:].__setitem__(slice(None), w[:-1])):
    try:
        step()
    except RuntimeError as e:
        print(type(e).__name__, e)
h = w * 2
for step in (lambda: h[1:].add_(h[:-1]), lambda: h.__setitem__(slice(1, None), h[:-1])):
    try:
        step()
    except RuntimeError as e:
        print(type(e).__name__, e)
print(h._version, h.grad_fn.name())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe197(name):
    assert_same_as_pytorch(CELLS[name], name=name)


# The in-place steps of scatter_, scatter_add_, index_copy_, index_put_ now carry their op's name (the overlap
# check reads it): vmap's refusal of a batched source names the op as PyTorch does (its fallback's performance
# warnings, which the engine does not give, left out of the comparison).
VMAP_CELL = '''x = torch.zeros(3)
for name, f in [("scatter_", lambda s: x.scatter_(0, torch.tensor([0, 1, 2]), s)),
                ("scatter_add_", lambda s: x.scatter_add_(0, torch.tensor([0, 1, 2]), s)),
                ("index_copy_", lambda s: x.index_copy_(0, torch.tensor([0, 1, 2]), s)),
                ("index_put_", lambda s: x.index_put_((torch.tensor([0, 1, 2]),), s))]:
    try:
        torch.vmap(f)(torch.ones(2, 3))
    except RuntimeError as e:
        print(name, e)
'''


def test_probe197_vmap_names_the_indexed_inplace_ops():
    assert_same_as_pytorch([VMAP_CELL], name="vmap_names_the_indexed_inplace_ops", warns=None)
