"""What the eightieth probe (fastbook chapters 4, 5, 17 and 19: pixel similarity, SGD from scratch, softmax and
cross entropy by hand, matmul from loops to einsum, hand-written Module and Parameter classes) found, each checked
against PyTorch: Tensor._make_subclass (fastbook's Parameter: a detached leaf of the subclass over the same memory,
and its argument errors); a Tensor subclass built as Sub(t) (an alias of t of that class); torch.nn.functional's
functions handing a call with a subclass to its __torch_function__ (F.cross_entropy / F.conv2d return the
subclass) and the .data / .T / .mT ... properties converted to it (.grad is not); torch.einsum's parse of the
equation in ATen's order (invalid characters with their index, a stray '.', operand dims before the output);
bmm's dtype error worded as its CPU kernel words it (which operand is "expected" depends on the product's size,
also through einsum, matmul of batches and baddbmm); torch.rand / randn given a tuple size and more positional
arguments or a size twice (the parser's "invalid combination"), zeros / ones / empty a size twice."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "make_subclass_parameter": [
        ATTEMPT + '''from torch import Tensor
class Parameter(Tensor):
    def __new__(self, x): return Tensor._make_subclass(Parameter, x, True)
    def __init__(self, *args, **kwargs): self.requires_grad_()
p = Parameter(torch.tensor([1., 2.]))
print(p, type(p).__name__, p.is_leaf, p.grad_fn)
q = p * 3
print(q, type(q).__name__, q.grad_fn.next_functions)
q.sum().backward()
print(p.grad, type(p.grad).__name__)
a = torch.ones(2, requires_grad=True)
d = Tensor._make_subclass(Tensor, a * 2)
print(d, d.is_leaf, d.requires_grad)
e = Tensor._make_subclass(torch.nn.Parameter, a, True)
print(e, type(e).__name__)
c = Tensor._make_subclass(Tensor, a.detach())
c[0] = 5
print(a, c._version, a._version)
attempt(lambda: Tensor._make_subclass(int, a))
attempt(lambda: Tensor._make_subclass(3, a))
attempt(lambda: Tensor._make_subclass(Tensor, [1.]))
attempt(lambda: Tensor._make_subclass(Tensor, a, 1))
attempt(lambda: Tensor._make_subclass(Tensor, torch.arange(2), True))
''',
    ],
    "subclass_construction_functional_and_properties": [
        '''import torch.nn.functional as F
class P(torch.Tensor): pass
a = torch.ones(2, 2, requires_grad=True)
for x in [torch.Tensor(a), P(a), P(torch.ones(2)), P(a * 2), P([1., 2.])]:
    print(type(x).__name__, x.grad_fn, x.is_leaf, x.requires_grad, x._base is not None)
p = P(torch.ones(2, 2))
p[0, 0] = 3
print(p)
print([type(getattr(p, n)).__name__ for n in ['data', 'T', 'mT', 'H', 'mH', 'real', 'shape']])
p.data = torch.zeros(2, 2)
print(p, type(p.data).__name__)
with torch._C.DisableTorchFunctionSubclass():
    print(type(p.data).__name__, type(p.T).__name__)
class Q(torch.Tensor):
    @property
    def data(self): return "own"
print(Q(torch.ones(1)).data, type(Q(torch.ones(1)).T).__name__)
w = P(torch.ones(2, 1, 3, 3).requires_grad_())
out = F.conv2d(torch.ones(1, 1, 4, 4), w, padding=1)
print(type(out).__name__, out.shape, out.grad_fn)
acts = P(torch.tensor([[1., 2.], [0.5, -1.]]).requires_grad_())
loss = F.cross_entropy(acts, torch.tensor([1, 0]))
print(loss, type(F.softmax(acts, -1)).__name__, type(F.relu(acts)).__name__)
loss.backward()
print(type(acts.grad).__name__, acts.grad)
''',
    ],
    "einsum_equation_parse_errors": [
        ATTEMPT + '''m1, m2 = torch.ones(5, 4), torch.ones(4, 3)
for eq in ['ik,kj->ik->j', 'ik,kj=>ij', 'i.k,kj->ij', 'ik..,kj->ij', 'i...,...->', 'i...->..', 'ij,kj->i.j',
           'ik,kj->i-', 'i k,kj->i1', 'ik,kj->ij...', 'ik,kj->...ij...', 'i......,kj->ij', 'ikl,kj->ix',
           'ijkl...,kj', 'ik,kj->iJ', 'ik,kj->ii', 'ik,kj,jl->il', 'ik', 'ik,kj,->ij', 'i k , k j -> i j']:
    attempt(lambda: torch.einsum(eq, m1, m2).shape)
attempt(lambda: torch.einsum('i.j', m1))
attempt(lambda: torch.einsum('ijk->ix', m1))
attempt(lambda: torch.einsum('ijkl...', m1))
attempt(lambda: torch.einsum([0, 1], m1))
attempt(lambda: torch.einsum(m1, [0, 1], torch.ones(3, 2), [1, 2]))
attempt(lambda: torch.einsum(m1, [0, 27], m2, [27, 1]).shape)
attempt(lambda: torch.einsum(m1, [30, 1], m2, [1, 2]))
attempt(lambda: torch.einsum(torch.ones(2, 3), [0, 27], torch.ones(3, 4), [27, 30]))
attempt(lambda: torch.einsum('...ij,...jk', torch.ones(2, 3, 4), torch.ones(3, 4, 5)))
attempt(lambda: torch.einsum('i...j,j...', torch.ones(2, 3, 4), torch.ones(4, 2)))
attempt(lambda: torch.einsum('iij->j', torch.ones(2, 3, 4)))
attempt(lambda: torch.einsum('iji->j', torch.ones(2, 3, 4)))
attempt(lambda: torch.einsum('ii,ij->j', torch.ones(2, 2), torch.ones(3, 4)))
''',
    ],
    "bmm_dtype_error_wording": [
        ATTEMPT + '''for (b, n, k, m) in [(1, 5, 784, 10), (1, 2, 3, 4), (1, 5, 7, 10), (1, 1, 400, 1), (1, 1, 399, 1), (3, 2, 10, 20),
                     (7, 1, 20, 20), (1, 20, 20, 1)]:
    a, w = torch.randn(b, n, k), torch.randn(b, k, m, dtype=torch.float64)
    attempt(lambda: torch.bmm(a, w))
    attempt(lambda: torch.bmm(w.transpose(1, 2), a.transpose(1, 2)))
    attempt(lambda: a @ w)
    attempt(lambda: torch.baddbmm(torch.zeros(b, n, m), a, w))
    attempt(lambda: torch.einsum('bik,bkj->bij', a, w))
    attempt(lambda: torch.einsum('ik,kj->ij', a[0], w[0]))
    attempt(lambda: torch.einsum('ik,kj->ij', a[0].double(), w[0].float()))
''',
    ],
    "rand_randn_size_arguments": [
        ATTEMPT + '''for name in ["randn", "rand", "zeros", "ones", "empty"]:
    fn = getattr(torch, name)
    print(name)
    attempt(lambda: fn((2, 2), 3).shape)
    attempt(lambda: fn([2, 2], 0.5).shape)
    attempt(lambda: fn((2, 2), (3,)).shape)
    attempt(lambda: fn(torch.Size([2, 2]), 3).shape)
    attempt(lambda: fn(2, size=(2, 3)).shape)
    attempt(lambda: fn((2,), size=(3,), dtype=torch.float64).shape)
    attempt(lambda: fn(size=(2, 3)).shape)
attempt(lambda: torch.randn((2, 2), 3, dtype=torch.float64))
attempt(lambda: torch.randn((2, 2), 3, generator=torch.Generator()))
attempt(lambda: torch.randn(2, size=(2, 2), requires_grad=True))
attempt(lambda: torch.rand((2,), (2,), generator=3))
''',
    ],
    # nn.functional's wrapped functions: a transformer layer's default activation is F.relu itself (the fast
    # path's check, and no "enable_nested_tensor" warning)
    "transformer_default_activation_is_public_relu": [
        '''import torch.nn.functional as F
layer = torch.nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, batch_first=True)
print(layer.activation is F.relu, torch.nn.TransformerDecoderLayer(4, 2, 8).activation is F.relu)
enc = torch.nn.TransformerEncoder(layer, num_layers=1)
print(torch.nn.TransformerEncoderLayer(4, 2, 8, activation="gelu").activation is F.gelu)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe80_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe80/{name}", warns="per_cell")
