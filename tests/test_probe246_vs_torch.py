"""What the two-hundred-and-forty-sixth probe (sparse coding and compressed sensing lessons: ISTA / FISTA with soft
thresholds, LISTA, dictionary learning with column normalisation, basis pursuit, and Bayesian optimisation by hand
with a GP posterior and expected improvement maximised by gradient ascent on the candidate) found, each checked
against PyTorch. A view made a leaf that requires grad by requires_grad_() (the candidate point taken as
`grid[i].clone().reshape(1).requires_grad_(True)`) is a view of a leaf to autograd: an in-place write to it with
grad mode on is refused as "a view of a leaf Variable ..." (PyTorch's check_inplace asks whether the tensor is a
view before whether it is a leaf), and an output of unbind made from a tensor that did not require grad, then given
requires_grad_(), is refused with the no-grad-mode multiple-views message instead of failing inside the engine.
The deprecation warnings of torch.cholesky (the GP posterior's) and torch.qr, and torch.cov's warning of no degrees
of freedom, come from PyTorch's C++ and name the line of the user's code; the engine named its own frame where
these functions are wrapped for the __torch_function__ protocol (or its argument parser's), and now finds the
user's frame by its module (argcheck.user_level)."""
import pytest

from helpers import assert_same_as_pytorch

# each cell prints where its warnings point: "<cell>" is the file name both sides compile a cell with
WHERE = '''
def where(fn):
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn()
    return [(w.category.__name__, w.filename, w.lineno, str(w.message)[:40]) for w in caught]
'''

CELLS = {
    "cholesky_qr_cov_warnings_name_the_callers_line": [WHERE + '''torch.set_warn_always(True)
K = torch.tensor([[2.0, 0.5], [0.5, 1.0]], dtype=torch.float64)
print(where(lambda: torch.cholesky(K)))
print(where(lambda: torch.cholesky(K, upper=True)))
print(where(lambda: torch.cholesky(K, out=torch.empty(2, 2, dtype=torch.float64))))
print(where(lambda: torch.qr(K)))
print(where(lambda: torch.cov(torch.ones(2, 1))))
print(where(lambda: torch.cov(torch.ones(3, 1), correction=0)))
'''],
    "candidate_reshaped_then_requires_grad_clamped_in_place": ['''grid = torch.linspace(-1, 2, 61, dtype=torch.float64)
xc = grid[17].clone().reshape(1).requires_grad_(True)
print(xc.is_leaf, xc.requires_grad, xc._is_view())
for name, f in (("clamp_", lambda t: t.clamp_(-1, 2)), ("add_", lambda t: t.add_(1)),
                ("iadd", lambda t: t.__iadd__(1)), ("zero_", lambda t: t.zero_()),
                ("copy_", lambda t: t.copy_(torch.ones(1, dtype=torch.float64))), ("exp_", lambda t: t.exp_())):
    try:
        f(xc)
        print(name, xc)
    except RuntimeError as e:
        print(name, e)
with torch.no_grad():
    xc.clamp_(-1, 0.5)
print(xc)
'''],
    "slice_and_view_of_a_plain_tensor_made_leaves": ['''b = torch.zeros(2, 3)
for make in (lambda: b[:1], lambda: b.view(6), lambda: b.t(), lambda: b.reshape(3, 2), lambda: b[0].unsqueeze(0)):
    v = make().requires_grad_()
    try:
        v.mul_(2)
    except RuntimeError as e:
        print(v.shape, e)
    w = v[:1]
    try:
        w.mul_(2)
    except RuntimeError as e:
        print(w.grad_fn.name(), e)
    (v * 3).sum().backward()
    print(v.grad, v.is_leaf)
d = b.detach().requires_grad_()
try:
    d.add_(1)
except RuntimeError as e:
    print(e)
'''],
    "unbind_output_of_a_plain_tensor_made_a_leaf": ['''b = torch.zeros(2, 3)
for make in (lambda: b.unbind(0)[0], lambda: b.split(1)[1], lambda: b.chunk(3, dim=1)[2]):
    v = make().requires_grad_()
    try:
        v.add_(1)
    except RuntimeError as e:
        print(tuple(v.shape), e)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe246(name):
    assert_same_as_pytorch(CELLS[name], name=name)
