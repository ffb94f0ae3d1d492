"""What the two-hundred-and-sixth probe (geometry and graphics lessons: signed distance functions and their normals,
Eikonal losses, sphere tracing, Bezier curves with torch.lerp, B-splines, rotations, quaternions, Kabsch, Chamfer,
soft rasterisers, meshgrid, cross) found, each checked against PyTorch. torch.trace's backward puts the gradient on
the diagonal of zeros (ATen's index_fill_ on a flat zeros tensor, then a view): the rotation angle
acos((trace(R) - 1) / 2) at the identity gives -inf on the diagonal and 0 elsewhere, not nan, and its double
backward's nodes are ViewBackward0 <- IndexFillBackward1. torch.linalg's functions are native: PyTorch's parser
takes their arguments first and names them by their ATen names (linalg_svd(): argument 'full_matrices' (position 2)
must be bool, not int; linalg_det() takes 1 positional argument but 2 were given). torch.lerp with a tensor weight
computes a float16 or bfloat16 lerp in float32 and rounds once, a 0-d weight of another dtype cast to the ends'
dtype first; a float32 lerp's gradients stay float32 when its 0-d weight is float64."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "trace_backward_leaves_off_diagonal_zeros": ['''for dt in (torch.float32, torch.float64):
    for shape in ((3, 3), (2, 3), (3, 2), (1, 1), (0, 2)):
        x = torch.eye(*shape, dtype=dt).requires_grad_(True) if shape[0] else torch.ones(shape, dtype=dt, requires_grad=True)
        (g,) = torch.autograd.grad(torch.trace(x) * float("inf"), x)
        print(g, g.dtype, g.shape, g.stride())
        if shape == (3, 3):
            angle = torch.acos((torch.trace(x) - 1) / 2)
            angle.backward()
            print(angle, x.grad)
''', '''x = torch.zeros(2, 2, requires_grad=True)
(g,) = torch.autograd.grad(torch.trace(x), x, grad_outputs=torch.tensor(float("nan")))
print(g)
'''],
    "trace_double_backward_is_index_fill_then_view": ['''torch.manual_seed(0)
x = torch.randn(3, 3, requires_grad=True)
t = torch.trace(x) ** 2
(g,) = torch.autograd.grad(t, x, create_graph=True)
print(g, g.grad_fn.name(), [f.name() for f, _ in g.grad_fn.next_functions])
print([f and f.name() for f, _ in g.grad_fn.next_functions[0][0].next_functions])
(g2,) = torch.autograd.grad((g * torch.arange(9.0).view(3, 3)).sum(), x)
print(g2)
y = torch.randn(2, 4, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradgradcheck(lambda a: torch.trace(a) ** 3, (y,)))
'''],
    "linalg_functions_parse_their_arguments_first": ['''A = torch.tensor([[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]])
calls = [
    lambda: torch.linalg.svd(A, 1),
    lambda: torch.linalg.svd(A, None),
    lambda: torch.linalg.svd(A, full_matrices="yes"),
    lambda: torch.linalg.svd(A, True, 2),
    lambda: torch.linalg.svd(A, foo=1),
    lambda: torch.linalg.det(A, 1),
    lambda: torch.linalg.inv(A, 1),
    lambda: torch.linalg.svdvals(A, True),
    lambda: torch.linalg.eigh(A, 1),
    lambda: torch.linalg.qr(A, 1),
    lambda: torch.linalg.cross(A, A, 0),
    lambda: torch.linalg.cross(A, A, dim="0"),
    lambda: torch.linalg.cross(A[0], [1.0, 2.0, 3.0]),
    lambda: torch.linalg.vector_norm(A, 2, 0, False, 1),
    lambda: torch.linalg.matrix_norm(A, "fro", (0, 1), False, 1),
    lambda: torch.linalg.slogdet(A, 1),
    lambda: torch.linalg.matrix_exp(A, 1),
    lambda: torch.linalg.lu_factor(A, 1),
]
for call in calls:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.linalg.svd(A, False).S, torch.linalg.svd(A, full_matrices=True).U.shape)
print(torch.linalg.cross(A, A.flip(0), dim=0), torch.linalg.eigh(A, "U").eigenvalues, torch.linalg.qr(A, "r").R)
print(torch.linalg.det(A), torch.linalg.vector_norm(A, 2, 0, False), torch.linalg.cross(A[0], A[1]))
'''],
    "bfloat16_lerp_with_a_tensor_weight": ['''torch.manual_seed(0)
for shape_w in ((), (1,), (64,), (4, 64)):
    a = torch.randn(4, 64).bfloat16().requires_grad_()
    b = (torch.randn(4, 64) * 3).bfloat16().requires_grad_()
    w = (torch.rand(shape_w) * 1.6 - 0.3).bfloat16().requires_grad_()
    out = torch.lerp(a, b, w)
    out.backward(torch.randn(4, 64).bfloat16())
    print(out.dtype, out.grad_fn.name(), out.view(torch.int16).long().sum().item())
    print(a.grad.view(torch.int16).long().sum().item(), b.grad.view(torch.int16).long().sum().item(),
          w.grad.view(torch.int16).long().sum().item(), w.grad.shape, w.grad.dtype)
''', '''torch.manual_seed(0)
for wv in (0.3, 0.7, -0.2, 1.3, 0.1234567):
    a = torch.randn(4, 64).bfloat16().requires_grad_()
    b = (torch.randn(4, 64) * 3).bfloat16().requires_grad_()
    out = torch.lerp(a, b, wv)
    out.backward(torch.randn(4, 64).bfloat16())
    print(out.grad_fn.name(), out.view(torch.int16).long().sum().item(), a.grad.view(torch.int16).long().sum().item(),
          b.grad.view(torch.int16).long().sum().item())
a = torch.randn(3).bfloat16(); b = torch.randn(3).bfloat16()
print(torch.lerp(a, b, torch.tensor(0.3)), torch.lerp(a, b, torch.tensor(0.3, dtype=torch.float64)))
print(a.lerp(b, torch.full((3,), 0.7, dtype=torch.bfloat16)))
'''],
    "float16_lerp_with_a_tensor_weight_rounds_once": ['''torch.manual_seed(0)
a = torch.randn(1000).half(); b = (torch.randn(1000) * 3).half()
for w in (torch.tensor(0.3).half(), torch.tensor(0.3), torch.tensor(0.7, dtype=torch.float64),
          (torch.rand(1000) * 1.6 - 0.3).half(), torch.full((1000,), 0.7).half()):
    r = torch.lerp(a, b, w)
    print(r.dtype, r.view(torch.int16).long().sum().item(), r[:4])
a = a.requires_grad_()
w = torch.tensor(0.3, requires_grad=True)
r = torch.lerp(a, b, w)
r.backward(torch.ones(1000).half())
print(r.grad_fn.name(), r.view(torch.int16).long().sum().item(), a.grad[:3], a.grad.dtype, w.grad.dtype)
'''],
    "float32_lerp_with_a_float64_0d_weight_keeps_float32_gradients": ['''torch.manual_seed(0)
a = torch.randn(5, requires_grad=True); b = torch.randn(5, requires_grad=True)
w = torch.tensor(0.1234567891234, dtype=torch.float64, requires_grad=True)
r = torch.lerp(a, b, w)
r.backward(torch.randn(5))
print(r, a.grad, b.grad, w.grad)
print(r.dtype, a.grad.dtype, b.grad.dtype, w.grad.dtype)
c = torch.randn(5, dtype=torch.float64, requires_grad=True); d = torch.randn(5, dtype=torch.float64)
t = torch.tensor(0.3, requires_grad=True)
torch.lerp(c, d, t).sum().backward()
print(c.grad, t.grad, c.grad.dtype, t.grad.dtype)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe206(name):
    assert_same_as_pytorch(CELLS[name], name=name)
