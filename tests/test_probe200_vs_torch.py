"""What the two-hundredth probe (differentiable physics and molecular modelling: forces as minus the gradient of an
energy, Hessians and normal modes, force matching by double backward) found, each checked against PyTorch. A
gradient taken with create_graph=True is itself a graph: PyTorch builds it from derivatives.yaml's formulas node for
node (add.Scalar is AddBackward1, a number times a tensor MulBackward1, rsqrt where a formula says rsqrt), and its
binary nodes compute the other input's gradient before self's, which fixes the order a second backward pass sums
gradients in, so the bits of Hessians and Hessian-vector products."""
import pytest

from helpers import assert_same_as_pytorch

WALK = '''def walk(t):
    seen, out, st = set(), [], [t.grad_fn]
    while st:
        n = st.pop()
        if n is None or id(n) in seen:
            continue
        seen.add(id(n))
        out.append(n.name())
        st.extend(m for m, _ in n.next_functions)
    return ' '.join(out)
'''

CELLS = {
    "unary_double_backward_graphs_follow_atens_formulas": [WALK + '''x = torch.tensor([0.3, -0.5, 0.8], dtype=torch.float64, requires_grad=True)
y = torch.tensor([1.3, 0.5, 2.0], dtype=torch.float64, requires_grad=True)
w = torch.tensor([1., 2, 3], dtype=torch.float64)
for name in 'asin acos atan tan log1p expm1 sqrt rsqrt asinh acosh atanh erfc log2 log10 exp2'.split():
    inp = y + 0.1 if name == 'acosh' else (y if name in ('sqrt', 'rsqrt', 'log2', 'log10') else x)
    inp = inp.detach().requires_grad_()
    g, = torch.autograd.grad(getattr(torch, name)(inp).sum(), inp, create_graph=True)
    h, = torch.autograd.grad((g * w).sum(), inp)
    print(name, walk(g), [v.hex() for v in h.tolist()])
'''],
    "asin_backward_multiplies_by_the_reciprocal_square_root": ['''torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    x = (torch.rand(3000, dtype=dt) * 1.9 - 0.95).requires_grad_()
    w = torch.randn(3000, dtype=dt)
    g, = torch.autograd.grad((torch.asin(x) * w).sum(), x)
    bits = g.view(torch.int32 if dt == torch.float32 else torch.int64)
    print(dt, bits.sum().item(), (bits * torch.arange(3000)).sum().item())
'''],
    "log10_backward_uses_atens_ln10_constant": ['''torch.manual_seed(0)
x = (torch.rand(3000, dtype=torch.float64) * 5 + 0.01).requires_grad_()
w = torch.randn(3000, dtype=torch.float64)
g, = torch.autograd.grad((torch.log10(x) * w).sum(), x)
bits = g.view(torch.int64)
print(bits.sum().item(), (bits * torch.arange(3000)).sum().item(), g[:3].tolist())
'''],
    "second_backward_sums_mul_and_div_gradients_in_atens_order": ['''from torch.autograd.functional import hvp, vhp
fns = {'div': lambda p: (p[:3] / p[3:6]).sum(), 'div3': lambda p: (p[:3] / (p[3:6] * p[6:])).sum(),
       'x_over_xx': lambda p: (p / (p * p[0])).sum(), 'divmul': lambda p: (p[:3] / p[3:6]).sum() * p[7]}
for name, f in fns.items():
    for seed in range(4):
        torch.manual_seed(seed)
        p = (torch.rand(9, dtype=torch.float64) + 0.2).requires_grad_()
        v = torch.rand(9, dtype=torch.float64) - 0.3
        j, = torch.autograd.grad(f(p), p, create_graph=True)
        o, = torch.autograd.grad(j, p, v)
        print(name, seed, [t.hex() for t in o.tolist()])
    print(name, [t.hex() for t in hvp(f, p.detach(), v)[1].tolist()], [t.hex() for t in vhp(f, p.detach(), v)[1].tolist()])
'''],
    "bond_angle_hessian_vector_product_bit_for_bit": ['''from torch.autograd.functional import hvp, vhp, hessian
x0 = torch.tensor([[0.0, 0.0, 0.0], [0.96, 0.0, 0.0], [-0.24, 0.93, 0.0]], dtype=torch.float64)
bonds = torch.tensor([[0, 1], [0, 2]])
def energy(flat, kb=500.0, r0=0.96, ka=50.0, th0=1.82):
    x = flat.view(-1, 3)
    d = x[bonds[:, 1]] - x[bonds[:, 0]]
    r = torch.linalg.vector_norm(d, dim=1)
    cos = (d[0] * d[1]).sum() / (r[0] * r[1])
    th = torch.acos(cos.clamp(-1 + 1e-7, 1 - 1e-7))
    return 0.5 * kb * ((r - r0) ** 2).sum() + 0.5 * ka * (th - th0) ** 2
flat = x0.flatten()
v = torch.arange(9, dtype=torch.float64) / 7 - 0.3
_, hv = hvp(energy, flat, v)
_, vh = vhp(energy, flat, v)
print([t.hex() for t in hv.tolist()])
print([t.hex() for t in vh.tolist()])
print((hv - vh).abs().max())
'''],
    "norm_over_every_dim_double_backward_has_no_view": [WALK + '''torch.manual_seed(0)
x = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
w = torch.randn(3, 4, dtype=torch.float64)
for f in (lambda: x.norm(), lambda: torch.linalg.vector_norm(x), lambda: torch.linalg.vector_norm(x, 3),
          lambda: torch.linalg.vector_norm(x, 1), lambda: torch.linalg.vector_norm(x, dim=(0, 1)),
          lambda: torch.linalg.norm(x), lambda: torch.dist(x, w)):
    g, = torch.autograd.grad(f(), x, create_graph=True)
    h = torch.autograd.grad((g * w).sum(), x, allow_unused=True)[0] if g.requires_grad else None
    print(walk(g), None if h is None else h.sum().item())
'''],
    "std_and_var_double_backward_graphs": [WALK + '''torch.manual_seed(0)
x = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
y = torch.randn(5, dtype=torch.float64, requires_grad=True)
cases = [(x, lambda: x.std()), (x, lambda: x.std(0).sum()), (x, lambda: x.std(1, keepdim=True).sum()),
         (x, lambda: x.std((0, 1))), (y, lambda: y.std()), (y, lambda: y.std(0)), (y, lambda: y.var(0, correction=0)),
         (x, lambda: torch.std_mean(x, 1)[0].sum()), (x, lambda: x.var(1).pow(2).sum())]
for inp, f in cases:
    g, = torch.autograd.grad(f(), inp, create_graph=True)
    h, = torch.autograd.grad((g * torch.linspace(0, 1, inp.numel(), dtype=torch.float64).view(inp.shape)).sum(), inp)
    print(walk(g), [t.hex() for t in h.flatten().tolist()[:4]], g.shape)
'''],
    "linalg_cross_is_atens_fused_kernel_bit_for_bit": ['''torch.manual_seed(0)
for dt in (torch.float64, torch.float32):
    a = torch.randn(500, 3, dtype=dt, requires_grad=True)
    b = torch.randn(500, 3, dtype=dt, requires_grad=True)
    w = torch.randn(500, 3, dtype=dt)
    c = torch.linalg.cross(a, b)
    ga, gb = torch.autograd.grad((c * w).sum(), (a, b))
    it = torch.int64 if dt == torch.float64 else torch.int32
    for t in (c, ga, gb, torch.cross(a.detach().t(), b.detach().t(), dim=0), torch.linalg.cross(a[:1], b),
              torch.linalg.cross(a[7], b[9])):
        bits = t.detach().contiguous().view(it)
        print(dt, bits.sum().item(), (bits.flatten() * torch.arange(bits.numel())).sum().item())
print(torch.linalg.cross(torch.tensor([1, 2, 3]), torch.tensor([4, 5, 7])))
'''],
    "atan2_double_backward_masks_the_reciprocal": [WALK + '''a = torch.tensor([1e-160, 1e-170, 0.0, 0.3, 1e-155], dtype=torch.float64, requires_grad=True)
b = torch.tensor([0.0, 0.0, 0.0, 0.5, 1e-156], dtype=torch.float64, requires_grad=True)
ga, gb = torch.autograd.grad(torch.atan2(a, b).sum(), (a, b), create_graph=True)
print(ga, gb, walk(ga))
print(torch.autograd.grad((ga * torch.arange(5.)).sum() + gb.sum(), (a, b)))
o = torch.zeros(2, dtype=torch.float64, requires_grad=True)
g, = torch.autograd.grad(torch.atan2(o[0], o[1]), o, create_graph=True)
print(g, torch.autograd.grad(g.sum(), o))
'''],
    "dihedral_forces_and_hessian_bit_for_bit": ['''pos = torch.tensor([[1.0, 0.2, 0.0], [0.0, 0.0, 0.0], [0.1, 1.4, 0.1], [0.9, 1.8, 0.8]], dtype=torch.float64)
def dihedral(p):
    b0, b1, b2 = p[0] - p[1], p[2] - p[1], p[3] - p[2]
    n1, n2 = torch.linalg.cross(b0, b1), torch.linalg.cross(b1, b2)
    m1 = torch.linalg.cross(n1, b1 / torch.linalg.vector_norm(b1))
    return torch.atan2((m1 * n2).sum(), (n1 * n2).sum())
energy = lambda f: 2.5 * (1 + torch.cos(3 * dihedral(f.view(4, 3))))
x = pos.flatten().requires_grad_()
F, = torch.autograd.grad(-energy(x), x, create_graph=True)
print([t.hex() for t in F.tolist()], F.sum().item())
H = torch.autograd.functional.hessian(energy, pos.flatten())
print([t.hex() for t in H.flatten().tolist()[::7]], (H - H.T).abs().max().item())
'''],
    "binary_double_backward_graphs_and_order": [WALK + '''x = torch.tensor([0.3, 0.5, 0.8], dtype=torch.float64, requires_grad=True)
y = torch.tensor([1.3, 0.5, 2.0], dtype=torch.float64, requires_grad=True)
w = torch.tensor([1., 2, 3], dtype=torch.float64)
for f in (lambda: x ** y, lambda: 2.0 ** x, lambda: torch.addcdiv(y, x, y, value=0.7), lambda: torch.lerp(x, y, x),
          lambda: torch.hypot(x, y), lambda: torch.linalg.cross(x, y)):
    gs = torch.autograd.grad((f() * w).sum(), (x, y), create_graph=True, allow_unused=True)
    print([None if g is None else walk(g) for g in gs])
fns = {'hypot': lambda p: torch.hypot(p[:3], p[3:6] * p[0]).sum(), 'addcdiv': lambda p: torch.addcdiv(p[:3], p[3:6], p[6:], value=0.7).pow(2).sum(),
       'lerp': lambda p: torch.lerp(p[:3], p[3:6], p[6:]).pow(2).sum(),
       'cross': lambda p: (torch.linalg.cross(p[:3], p[3:6] * p[0]) * p[6:]).sum()}
for name, f in fns.items():
    for seed in range(3):
        torch.manual_seed(seed)
        p = (torch.rand(9, dtype=torch.float64) + 0.2).requires_grad_()
        v = torch.rand(9, dtype=torch.float64) - 0.3
        j, = torch.autograd.grad(f(p), p, create_graph=True)
        print(name, seed, [t.hex() for t in torch.autograd.grad(j, p, v)[0].tolist()])
'''],
    "log_softmax_double_backward_products_in_atens_order": [WALK + '''import torch.nn.functional as F
for seed in range(3):
    torch.manual_seed(seed)
    p = (torch.rand(9, dtype=torch.float64) + 0.2).requires_grad_()
    v = torch.rand(9, dtype=torch.float64) - 0.3
    j, = torch.autograd.grad((F.log_softmax(p * p[2], 0) * torch.arange(9.)).sum(), p, create_graph=True)
    print(seed, [t.hex() for t in torch.autograd.grad(j, p, v)[0].tolist()])
x = torch.randn(4, 5, requires_grad=True)
w = torch.randn(4, 5)
g, = torch.autograd.grad((F.log_softmax(x, 1) * w).sum(), x, create_graph=True)
gg, = torch.autograd.grad((g ** 2).sum(), x, create_graph=True)
print(walk(g), walk(gg), gg.view(torch.int32).sum().item())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe200(name):
    assert_same_as_pytorch(CELLS[name], name=name)
