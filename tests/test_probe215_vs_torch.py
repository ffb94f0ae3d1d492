"""What the two-hundred-and-fifteenth probe (optimizers written by hand in teaching code and papers' snippets: AMSGrad
and AdamW's decoupled decay against torch.optim, Lion, Adafactor's factored moments, Shampoo-lite inverse roots
through eigh and matrix_power, LARS/LAMB trust ratios, Lookahead, SAM, gradient centralisation, printed optimizer
state) found, each checked against PyTorch. The optimizers' values, states and messages agreed; matrix_power and
clone did not. ATen's linalg_matrix_power returns A's inverse itself for n = -1 (LinalgInvExBackward0, where the
engine cloned it: CloneBackward0), copies the identity over a contiguous clone of A for n = 0 (CopyBackwards whose
edges are CloneBackward0 and None, the result at version 1) and gives a contiguous clone for n = 1 (a transposed
input's strides were kept). clone(memory_format=...) of a tensor already in that layout, and to(memory_format=...)
whose layout's strides coincide with the tensor's, returned an array sharing the input's memory: writing into the
"copy" changed the original."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "matrix_power_minus_one_is_the_inverse_node": ['''S = (torch.eye(3, dtype=torch.float64) * 2 + 0.5).requires_grad_()
for n in (-1, -2, 1):
    r = torch.linalg.matrix_power(S, n)
    print(n, r.grad_fn.name(), [type(f).__name__ for f, _ in r.grad_fn.next_functions])
B = torch.randn(2, 3, 3).add(torch.eye(3) * 3).requires_grad_()
r = torch.matrix_power(B, -1)
print(r.grad_fn.name(), B.matrix_power(-1).grad_fn.name())
r.sum().backward()
print(B.grad.shape)
'''],
    "matrix_power_zero_copies_the_identity_over_a_clone": ['''S = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
r = torch.linalg.matrix_power(S, 0)
print(r, r._version, r.grad_fn.name(), [None if f is None else f.name() for f, _ in r.grad_fn.next_functions])
r.backward(torch.ones(2, 2))
print(S.grad)
for A in (torch.ones(2, 2, dtype=torch.long), torch.ones(2, 2, dtype=torch.bool), torch.ones(3, 0, 0)):
    r = torch.matrix_power(A, 0)
    print(r, r._version, A.tolist())
with torch.no_grad():
    r = torch.matrix_power(S, 0)
print(r.grad_fn, r._version, S)
'''],
    "matrix_power_one_is_a_contiguous_clone": ['''B = torch.arange(18.0).reshape(2, 3, 3)
for n in (1, 0, -1 + 2):
    r = torch.matrix_power(B.transpose(1, 2), n)
    print(n, r.stride(), r.is_contiguous())
r = torch.linalg.matrix_power(B.transpose(1, 2), 1)
r[0, 0, 0] = 100.0
print(B[0, 0, 0], r.stride())
'''],
    "clone_in_a_layout_it_already_has_copies": ['''A = torch.ones(2, 3)
c = torch.clone(A, memory_format=torch.contiguous_format)
c[0, 0] = 5
d = A.clone(memory_format=torch.contiguous_format)
d[0, 1] = 7
print(A, c.data_ptr() == A.data_ptr())
X = torch.ones(1, 2, 2, 2).contiguous(memory_format=torch.channels_last)
e = X.clone(memory_format=torch.channels_last)
e[0, 0, 0, 0] = 3
print(X.sum(), e.stride(), e.sum())
W = torch.ones(2, 1, 1, 1, requires_grad=True)
f = W.clone(memory_format=torch.channels_last)
print(f.grad_fn.name(), f.data_ptr() == W.data_ptr())
'''],
    "to_memory_format_whose_strides_coincide_copies": ['''X = torch.ones(2, 1, 1, 1)
c = X.to(torch.float32, copy=True, memory_format=torch.channels_last)
c[0, 0, 0, 0] = 4
d = X.to(memory_format=torch.channels_last)
print(X.flatten(), c.stride(), d.data_ptr() == X.data_ptr(), d is X)
W = torch.ones(2, 1, 1, 1, requires_grad=True)
e = W.to(memory_format=torch.channels_last)
print(e.grad_fn.name(), e is W)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe215(name):
    assert_same_as_pytorch(CELLS[name], name=name)
