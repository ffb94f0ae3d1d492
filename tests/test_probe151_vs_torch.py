"""What the hundred-and-fifty-first probe (discrete and energy-based models by hand: VQ-VAE codebooks with EMA
updates, KANs from scratch, RBMs trained by contrastive divergence, Hopfield networks) found, each checked against
PyTorch: torch.bernoulli / Tensor.bernoulli / bernoulli_ were never recorded by autograd (PyTorch: BernoulliBackward0
behind draws from probabilities that require grad, a zero gradient; the NotImplemented node behind a float p, whose
backward raises "derivative for aten::bernoulli is not implemented"; bernoulli_ in a graph under BernoulliBackward2
for a float p and BernoulliBackward1 for a tensor p, which makes a tensor that did not require grad require it);
their arguments went unparsed (a tensor p of Tensor.bernoulli or torch.bernoulli, a string, p with out=: PyTorch's
TypeError of the overloads), bernoulli's out= warned of a resize ATen does silently, and bernoulli_ of a 0-dim tensor with a tensor p raised
expand()'s missing-size TypeError; fill_diagonal_ wrote
through an index_put (IndexPutBackward0, the expanded-tensor deprecation warning, fill_'s parser message) where
ATen fills an as_strided view of the diagonal (CopySlices, "a view of a leaf Variable", a second fill for wrap=True
when the matrix is taller than wide + 1, the version bumped once per fill)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "bernoulli_records_autograd": [
        ATTEMPT + '''torch.manual_seed(0)
x = torch.rand(3, requires_grad=True)
b = torch.bernoulli(x)
print(b, b.grad_fn.name(), len(b.grad_fn.next_functions))
(b * x).sum().backward()
print(x.grad)
x.grad = None
print(x.bernoulli().grad_fn.name(), torch.sigmoid(x).bernoulli().grad_fn.next_functions[0][0].name())
c = torch.bernoulli(x, 0.5)
print(c, c.grad_fn.name())
attempt(lambda: c.sum().backward())
print(x.bernoulli(0.3).grad_fn.name())
with torch.no_grad():
    print(torch.bernoulli(x).requires_grad, x.bernoulli(0.5).grad_fn)
''',
        ATTEMPT + '''torch.manual_seed(0)
x = torch.rand(3, requires_grad=True)
y = x * 2
y.bernoulli_(0.5)
print(y, y.grad_fn.name(), y._version)
y.sum().backward()
print(x.grad)
y = x * 2
y.bernoulli_(torch.rand(3))
print(y.grad_fn.name(), y.grad_fn.next_functions[1])
y = x * 2
y.bernoulli_(x)
print(y.grad_fn.name(), [f[0].__class__.__name__ for f in y.grad_fn.next_functions])
y.sum().backward()
print(x.grad)
z = torch.zeros(3)
z.bernoulli_(x)
print(z, z.requires_grad, z.grad_fn.next_functions[0])
attempt(lambda: torch.rand(3, requires_grad=True).bernoulli_(0.5))
attempt(lambda: torch.bernoulli(x, out=torch.zeros(3)))
print(torch.rand(3))
''',
    ],
    "bernoulli_arguments_parsed": [
        ATTEMPT + '''torch.manual_seed(0)
p = torch.rand(3, 4)
for make in [lambda: p.bernoulli(torch.rand(3, 4)), lambda: p.bernoulli(torch.tensor(0.3)),
             lambda: p.bernoulli(torch.tensor(0.3, requires_grad=True)), lambda: p.bernoulli("a"),
             lambda: p.bernoulli(p=0.3), lambda: p.bernoulli(1), lambda: torch.bernoulli(p, torch.rand(3, 4)),
             lambda: torch.bernoulli(p, torch.tensor(0.3)), lambda: torch.bernoulli(p, "a"),
             lambda: torch.bernoulli(p, p=0.2), lambda: torch.bernoulli(p, 0.2, out=torch.empty(3, 4)),
             lambda: torch.bernoulli(input=p), lambda: torch.bernoulli(0.5), lambda: p.bernoulli_("a"),
             lambda: p.clone().bernoulli_(p=torch.rand(3, 4)), lambda: p.clone().bernoulli_(torch.rand(5))]:
    attempt(make)
print(torch.bernoulli(p, out=torch.empty(2, dtype=torch.long)))
print(torch.bernoulli(p, out=torch.empty(2, dtype=torch.float64)))
print(torch.tensor(0.5).bernoulli_(torch.tensor(0.3)), torch.zeros(2, 3).bernoulli_(torch.tensor(0.3)))
attempt(lambda: torch.zeros(()).bernoulli_(torch.rand(1)))
''',
    ],
    "fill_diagonal_is_a_view_fill": [
        ATTEMPT + '''torch.manual_seed(0)
W = torch.randn(5, 3, requires_grad=True)
for wrap in (False, True):
    M = W * 1
    M.fill_diagonal_(0, wrap=wrap)
    print(M.grad_fn.name(), M.grad_fn.next_functions[0][0].name(), M._version)
    M.sum().backward()
    print(W.grad)
    W.grad = None
attempt(lambda: torch.zeros(2, 2, requires_grad=True).fill_diagonal_(1))
attempt(lambda: torch.zeros(3, 3).fill_diagonal_("a"))
attempt(lambda: torch.zeros(3, dtype=torch.bool).expand(3, 3).fill_diagonal_(True))
attempt(lambda: torch.zeros(0, 3).fill_diagonal_(1))
attempt(lambda: torch.arange(20.).view(10, 2).t().fill_diagonal_(-1, wrap=True))
b = torch.zeros(4, 4)
b[::2, 1::2].fill_diagonal_(7)
print(b)
z = (W * 1)[:2]
z.fill_diagonal_(1)
print(z.grad_fn.name(), z._base.grad_fn.name())
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe151_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe151", name=name, warns="per_cell")
