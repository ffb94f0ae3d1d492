"""What the two-hundred-and-thirty-second probe (state-space models written from scratch: S4 / S4D / S5 / LRU kernels
with complex diagonal state matrices, Vandermonde products, FFT convolutions, sequential, associative and log-space
scans, cumprod powers) found, each checked against PyTorch. The gradients of cumprod and prod are conjugated for
complex inputs (ATen's cumprod_backward and prod_backward take conj(result / input), conj of the products of the
others), a prod over several zeros hands back +0 zeros, and the complex running product is taken as ATen's
cpu_cum_base_kernel takes it: in complex<double>, each step's product compiled with fused multiply-adds (complex64's
running sum and product accumulate in complex128 too). Values are printed as hex where the last bit counts."""
from helpers import assert_same_as_pytorch

CELLS = {
    "cumprod_gradient_of_complex_input_is_conjugated": ['''torch.manual_seed(0)
hexes = lambda t: [v.hex() for v in torch.view_as_real(t.resolve_conj()).double().flatten().tolist()]
for dt in (torch.cfloat, torch.cdouble):
    c = torch.randn(3, 7, dtype=dt, requires_grad=True)
    g = torch.randn(3, 7, dtype=dt)
    torch.cumprod(c, 1).backward(g)
    print(hexes(c.grad))
lam = torch.polar(torch.tensor([0.9, 0.7]), torch.tensor([0.3, 1.2])).requires_grad_()
pows = torch.cumprod(lam.expand(5, 2), dim=0)
pows.real.sum().backward()
print(pows.grad_fn, lam.grad)
z = torch.tensor([1 + 1j, 0, 2 - 1j, 3j], dtype=torch.cdouble, requires_grad=True)
torch.cumprod(z, 0).backward(torch.tensor([1 + 2j, -1j, 0.5, 2 - 1j], dtype=torch.cdouble))
print(z.grad)
'''],
    "cumprod_gradient_of_complex_input_create_graph": ['''torch.manual_seed(0)
for zeros in (False, True):
    z = torch.randn(2, 5, dtype=torch.cdouble)
    if zeros:
        z[0, 2] = 0; z[1, 1] = 0; z[1, 3] = 0
    z.requires_grad_()
    g = torch.randn(2, 5, dtype=torch.cdouble)
    gr, = torch.autograd.grad(torch.cumprod(z, 1), z, g, create_graph=True)
    print(gr.grad_fn, gr)
    print(torch.autograd.grad(gr.abs().sum(), z)[0])
'''],
    "complex_running_product_and_sum_round_as_aten": ['''torch.manual_seed(0)
hexes = lambda t: [v.hex() for v in torch.view_as_real(t).double().flatten().tolist()]
for dt in (torch.cfloat, torch.cdouble):
    c = torch.randn(4, 300, dtype=dt) * 0.3
    print(hexes(torch.cumsum(c, 1)[:, -3:]))
    print(hexes(torch.cumprod(c + 1, 1)[:, [1, 2, 3, 50, 299]]))
    print(hexes(torch.cumprod(c.T + 1, 0)[[2, 100], :2]))
'''],
    "prod_gradient_of_complex_input_is_conjugated": ['''torch.manual_seed(0)
y = torch.randn(3, dtype=torch.cdouble, requires_grad=True)
g = torch.tensor(0.5 - 1.5j, dtype=torch.cdouble)
print(torch.autograd.grad(y.prod(), y, g)[0])
print(torch.autograd.grad(y.prod(0), y, g)[0])
z = torch.randn(2, 3, dtype=torch.cfloat); z[0, 2] = 0; z[1, 1] = 0; z[1, 2] = 0
z.requires_grad_()
print(torch.autograd.grad(z.prod(1, keepdim=True), z, torch.randn(2, 1, dtype=torch.cfloat))[0])
print(torch.autograd.grad(z[0].prod(), z, g.to(torch.cfloat))[0])
gr, = torch.autograd.grad(y.prod(), y, g, create_graph=True)
print(gr.grad_fn, torch.autograd.grad(gr.abs().sum(), y)[0])
'''],
    "prod_gradient_over_several_zeros_is_positive_zero": ['''torch.manual_seed(0)
z = torch.randn(2, 3, dtype=torch.cdouble); z[0, 2] = 0; z[1, 1] = 0; z[1, 2] = 0
z.requires_grad_()
print(torch.autograd.grad(z.prod(), z, torch.tensor(-1.5 + 0.5j, dtype=torch.cdouble))[0])
x = torch.tensor([[-1., 0., 2.], [0., -3., 0.]], requires_grad=True)
print(torch.autograd.grad(x.prod(), x, torch.tensor(-2.))[0])
print(torch.autograd.grad(x.prod(1), x, torch.tensor([-2., 1.]))[0])
'''],
    "prod_gradient_with_a_zero_float32_rounds_as_aten": ['''torch.manual_seed(0)
a = torch.randn(3, 20)
a[0, 3] = 0; a[2, 5] = 0; a[2, 7] = 0
a.requires_grad_()
g = torch.randn(3)
print([v.hex() for v in torch.autograd.grad(a.prod(1), a, g)[0].double().flatten().tolist()])
print([v.hex() for v in torch.autograd.grad(a[:2].prod(), a, g[0])[0].double().flatten().tolist()])
'''],
}


def test_cumprod_gradient_of_complex_input_is_conjugated():
    assert_same_as_pytorch(CELLS["cumprod_gradient_of_complex_input_is_conjugated"],
                           name="probe232 cumprod complex grad")


def test_cumprod_gradient_of_complex_input_create_graph():
    assert_same_as_pytorch(CELLS["cumprod_gradient_of_complex_input_create_graph"], name="probe232 cumprod complex 2nd")


def test_complex_running_product_and_sum_round_as_aten():
    assert_same_as_pytorch(CELLS["complex_running_product_and_sum_round_as_aten"], name="probe232 complex cumprod bits")


def test_prod_gradient_of_complex_input_is_conjugated():
    assert_same_as_pytorch(CELLS["prod_gradient_of_complex_input_is_conjugated"], name="probe232 prod complex grad")


def test_prod_gradient_over_several_zeros_is_positive_zero():
    assert_same_as_pytorch(CELLS["prod_gradient_over_several_zeros_is_positive_zero"], name="probe232 prod zeros")


def test_prod_gradient_with_a_zero_float32_rounds_as_aten():
    assert_same_as_pytorch(CELLS["prod_gradient_with_a_zero_float32_rounds_as_aten"], name="probe232 prod zero f32")
