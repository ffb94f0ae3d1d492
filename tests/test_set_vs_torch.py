"""Tensor.set_ and Tensor.is_set_to, checked against PyTorch: the model-EMA recipe ``param.set_(decay * param + ...)``
under no_grad, a tensor set to another's memory (writes through either show in both; each keeps its own version),
to a storage with an offset, sizes and strides, to nothing; the errors (a leaf that requires grad in grad mode, a
dtype that differs, an argument of no overload) and the NotImplemented node a tensor that requires grad gets."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "ema_recipe_and_shared_memory": [
        '''model = torch.nn.Linear(2, 1)
ema = torch.nn.Linear(2, 1)
with torch.no_grad():
    for p in model.parameters():
        p.fill_(1.0)
    for p, q in zip(ema.parameters(), model.parameters()):
        p.set_(0.9 * p.clone().fill_(0.5) + 0.1 * q)
print(list(ema.parameters()), ema.weight.is_leaf, ema.weight.grad_fn, ema.weight._version)
a, b = torch.zeros(3), torch.arange(6.).view(2, 3)
r = a.set_(b)
b[0, 0] = 100.
a[1, 2] = -1.
print(r is a, a, b, a.shape, a.stride(), a.is_set_to(b), b.is_set_to(a), a._version, b._version)
c = torch.arange(4.)
print(c[1:3].set_(torch.zeros(5)), c, c[1:].is_set_to(c), c.is_set_to(c))
''',
    ],
    "storages_and_geometry": [
        '''st = torch.arange(10.).untyped_storage()
print(torch.tensor([], dtype=torch.float32).set_(st, 2, (2, 3), (3, 1)))
print(torch.tensor([], dtype=torch.float32).set_(st, 1, (2, 2)), torch.tensor([], dtype=torch.float32).set_(st))
print(torch.empty(0).set_(torch.arange(6.), 1, (2, 2), (2, 1)), torch.ones(2).set_())
u = torch.arange(12.).view(4, 3)
print(u.set_(u[:, :2].contiguous()), u.shape)
''',
    ],
    "autograd_and_errors": [
        '''p = torch.nn.Parameter(torch.ones(3))
x = torch.ones(2, requires_grad=True)
y = torch.ones(2, requires_grad=True) * 1
for call in (lambda: p.set_(torch.zeros(3)), lambda: torch.zeros(2).set_(x * 2),
             lambda: torch.zeros(2).set_(x * 2).sum().backward(), lambda: y.set_(torch.zeros(2)),
             lambda: torch.zeros(2).set_(torch.zeros(2, dtype=torch.int64)), lambda: torch.zeros(2).set_([1, 2])):
    try:
        print(call())
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_set_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"set_/{name}", warns="per_cell")
