"""What the thirty-fifth probe (physics-informed networks: PDE residuals through torch.autograd.grad with
create_graph, Adam then LBFGS, torch.autograd.functional and torch.func derivatives) found, each checked against
PyTorch bit for bit (the cells print the bits of float results, so a last-place difference fails):
tanh's backward is one fused multiply-add in float64 too, and its double backward (u_xx of a tanh network) is
PyTorch's: grad_output's gradient the same fused kernel, the output's grad * (-2 * output * grad_output);
sigmoid's double backward likewise; softplus's backward is an op of its own under create_graph
(SoftplusBackwardBackward0, ATen's kernel and softplus_double_backward), silu's create_graph backward in
infinitely_differentiable_silu_backward's order, selu/elu's negcoef in double for float64; mm/addmm's backward
takes ATen's column-major test (strides[0] == 1 and strides[1] == sizes[0]) for both factors, so a (1, 1) input
(a PINN's initial-condition point) gets (mat2 @ grad.t()).t() and a TBackward0 node, and Linear(n, 1)/Linear(1, n)
weight gradients PyTorch's strides; optimizer state (exp_avg, exp_avg_sq, momentum buffers) in the parameter's
dtype, step in the default dtype's scalar type, and the fused multiply-adds of add_/lerp_/addcmul_ for float64 and
any size; torch.autograd.grad's materialize_grads/allow_unused=False ValueError."""
import pytest

from helpers import assert_same_as_pytorch

BITS = '''def bits(t):
    t = t.detach().reshape(-1)
    return t.view(torch.int32 if t.dtype == torch.float32 else torch.int64).tolist()
torch.manual_seed(0)
'''


def test_tanh_and_sigmoid_double_backward_bits():
    assert_same_as_pytorch([BITS + '''for dt in (torch.float32, torch.float64):
    x = torch.randn(12, dtype=dt, requires_grad=True)
    g = torch.randn(12, dtype=dt, requires_grad=True)
    h = torch.randn(12, dtype=dt)
    for f in (torch.tanh, torch.sigmoid):
        gx, = torch.autograd.grad(f(x), x, g, create_graph=True)
        gxx, gg = torch.autograd.grad(gx, [x, g], h)
        print(f.__name__, dt, gx.grad_fn.name())
        print(bits(gxx), bits(gg))
        if f is torch.tanh:
            print(bits(gx))''',
                            '''x = torch.linspace(-1, 1, 10, dtype=torch.float64).reshape(-1, 1).requires_grad_()
torch.manual_seed(1)
net = torch.nn.Sequential(torch.nn.Linear(1, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).double()
u = net(x)
ux = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
uxx = torch.autograd.grad(ux, x, torch.ones_like(ux), create_graph=True)[0]
print(bits(ux), bits(uxx))
(uxx ** 2).mean().backward()
print(bits(net[0].weight.grad))'''], "probe35", "tanh_sigmoid")


def test_softplus_silu_selu_under_create_graph():
    assert_same_as_pytorch([BITS + '''F = torch.nn.functional
for dt in (torch.float32, torch.float64):
    x = (torch.randn(12, dtype=dt) * 3).requires_grad_()
    g = torch.randn(12, dtype=dt, requires_grad=True)
    h = torch.randn(12, dtype=dt)
    for name, f in (("softplus", F.softplus), ("softplus2", lambda z: F.softplus(z, beta=2.0, threshold=1.0)),
                    ("silu", F.silu), ("selu", F.selu), ("elu", lambda z: F.elu(z, 0.7))):
        gx, = torch.autograd.grad(f(x), x, g, create_graph=True)
        gxx, gg = torch.autograd.grad(gx, [x, g], h)
        if dt == torch.float32 or name in ("selu", "elu"):
            print(name, dt, gx.grad_fn.name(), bits(gx), bits(gxx), bits(gg))
        else:
            print(name, dt, gx.grad_fn.name())'''], "probe35", "softplus_silu")


def test_column_major_factors_of_mm_backward():
    assert_same_as_pytorch([BITS + '''net = torch.nn.Sequential(torch.nn.Linear(1, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.Tanh(),
                          torch.nn.Linear(16, 1))
for dt in (torch.float32, torch.float64):
    net.to(dt)
    t0 = torch.zeros(1, 1, dtype=dt, requires_grad=True)
    u0 = net(t0)
    du0 = torch.autograd.grad(u0, t0, torch.ones_like(u0), create_graph=True)[0]
    print(du0.grad_fn.name(), du0.grad_fn.next_functions[0][0].name(), du0.stride())
    (du0 ** 2).sum().backward()
    print(bits(du0), bits(net[0].weight.grad), bits(net[2].bias.grad))
    net.zero_grad()''',
                            '''for n_in, n_out in ((3, 1), (1, 3), (1, 1), (4, 2)):
    lin = torch.nn.Linear(n_in, n_out)
    x = torch.randn(5, n_in, requires_grad=True)
    lin(x).sum().backward()
    print(lin.weight.grad.stride(), x.grad.stride())
x = torch.randn(3, 2)
w = torch.randn(3, 4, requires_grad=True)
a = torch.randn(1, 1, requires_grad=True)
b = torch.randn(1, 5, requires_grad=True)
y = torch.mm(x.t(), w)
g, = torch.autograd.grad(y.sum(), w, create_graph=True)
print(g.grad_fn.name(), g.stride())
ga, = torch.autograd.grad(torch.mm(a, b).sum(), a, create_graph=True)
print(ga.grad_fn.name())
ga, = torch.autograd.grad(torch.addmm(torch.zeros(5), a, b).sum(), a, create_graph=True)
print(ga.grad_fn.name())'''], "probe35", "mm_column_major")


OPTIMIZERS = BITS + '''def run(n, dtypes):
    for dt in dtypes:
        for make in (lambda ps: torch.optim.Adam(ps, lr=1e-2, amsgrad=True, weight_decay=0.1),
                     lambda ps: torch.optim.AdamW(ps, lr=1e-2),
                     lambda ps: torch.optim.RMSprop(ps, momentum=0.9, centered=True),
                     lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, nesterov=True), lambda ps: torch.optim.Adagrad(ps)):
            torch.manual_seed(0)
            p = torch.randn(n, dtype=dt, requires_grad=True)
            opt = make([p])
            for i in range(3):
                p.grad = torch.randn(n, dtype=dt) * 10 ** (i - 1)
                opt.step()
            st = opt.state[p]
            print(type(opt).__name__, dt, sorted((k, v.dtype) for k, v in st.items() if torch.is_tensor(v) and v.dim()))
            print(bits(p[:6]), p.sum().item())
'''


def test_optimizer_state_dtype_and_fused_updates():
    """Up to 1024 elements the fused updates are exact with or without the compiled kernels."""
    assert_same_as_pytorch([OPTIMIZERS + "run(1000, (torch.float64, torch.float32))",
                            '''torch.set_default_dtype(torch.float64)
p = torch.zeros(3, requires_grad=True)
opt = torch.optim.Adam([p])
p.grad = torch.ones(3)
opt.step()
print(opt.state[p]["step"], opt.state[p]["exp_avg"].dtype)
torch.set_default_dtype(torch.float32)
q = torch.zeros(3, dtype=torch.float64, requires_grad=True)
opt = torch.optim.Adam([q])
q.grad = torch.ones(3, dtype=torch.float64)
opt.step()
print(opt.state[q]["step"].dtype, opt.state[q]["exp_avg"].dtype)'''], "probe35", "optim_state")


def test_fused_updates_of_large_tensors_with_the_compiled_kernels():
    """Above 1024 elements the updates are fused through the C library's fma (without it: two roundings)."""
    from autograd_magic.engine import ckernels
    if ckernels.LIB is None:
        pytest.skip("the compiled kernels are not built")
    assert_same_as_pytorch([OPTIMIZERS + "run(3000, (torch.float32, torch.float64))"], "probe35", "optim_large")


def test_lbfgs_on_a_float64_oscillator_pinn():
    assert_same_as_pytorch([BITS + '''torch.manual_seed(0)
osc = torch.nn.Sequential(torch.nn.Linear(1, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).double()
t = torch.linspace(0, 1, 12, dtype=torch.float64).unsqueeze(-1).requires_grad_()
t0 = torch.zeros(1, 1, dtype=torch.float64, requires_grad=True)
opt = torch.optim.LBFGS(osc.parameters(), max_iter=15, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    u = osc(t)
    du = torch.autograd.grad(u, t, torch.ones_like(u), create_graph=True)[0]
    d2u = torch.autograd.grad(du, t, torch.ones_like(du), create_graph=True)[0]
    u0 = osc(t0)
    du0 = torch.autograd.grad(u0, t0, torch.ones_like(u0), create_graph=True)[0]
    loss = (d2u + 4 * u).pow(2).mean() + (u0 - 1).pow(2).sum() + du0.pow(2).sum()
    loss.backward()
    return loss
for i in range(2):
    print(bits(opt.step(closure)))
print(opt.state[opt._params[0]]["func_evals"], bits(osc[0].weight))'''], "probe35", "lbfgs64")


def test_grad_materialize_grads_with_allow_unused_false():
    assert_same_as_pytorch(['''x = torch.ones(2, requires_grad=True)
for kw in (dict(materialize_grads=True, allow_unused=False), dict(materialize_grads=True, allow_unused=False,
           is_grads_batched=True), dict(materialize_grads=True), dict(materialize_grads=True, allow_unused=True)):
    try:
        print(torch.autograd.grad((x * 2).sum(), x, **kw))
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.autograd.grad(3, x, materialize_grads=True, allow_unused=False)
except Exception as e:
    print(type(e).__name__, e)'''], "probe35", "materialize")
