"""What the twentieth probe (diffusion and scientific-ML lessons: DDPM schedules, U-Nets, score matching, neural
ODEs, Hamiltonian networks) found, each checked against PyTorch: the graph an in-place op on a view records
(PyTorch's CopySlices holds the op's own node: next_functions are the base's history and the op's other inputs,
not the op's node; a result the op saved is the view, so a later write into the base invalidates it); the
gradient of cumprod as ATen's cumprod_backward gives it (a dim of size 1 hands the gradient back unrecorded; over
zeros under create_graph the per-index products copied into select(dim, k), CopySlices); pow's gradient under
create_graph as ATen's pow_backward records it (grad * (exp * self.pow(exp - 1)): MulBackward1 of PowBackward0,
zeros for exponent 0); linspace / logspace given 0-d tensors (steps as an int, start and end read, others
refused with ATen's message); gather / scatter / index_add / index_copy refusing negative indices, index_fill
counting them from the end, take_along_dim(dim=...) taking them modulo the size; lerp on integer tensors and with
a weight of another dtype or shape."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''def walk(fn, depth=0):
    if fn is None:
        return
    print("  " * depth + type(fn).__name__)
    for f, _ in fn.next_functions:
        walk(f, depth + 1)
'''

CELLS = {
    "inplace_op_on_a_view_is_one_copyslices": [
        TRY + '''x = torch.tensor([2.0, 3.0], requires_grad=True)
for op in ("add_", "mul_", "copy_", "sub_", "div_"):
    z = torch.ones(2, 3)
    getattr(z[:, 1], op)(x * 2)
    print(op, z.grad_fn.next_functions)
    walk(z.grad_fn)
    z = torch.ones(2, 3) * x[:, None]
    getattr(z[:, 1], op)(x * 2)
    walk(z.grad_fn)
z = torch.ones(2, 3) * x[:, None]
z[:, 1].copy_(torch.tensor([1.0, 2.0]))
z[:, 1].mul_(2)
z[:, 1].exp_()
z.narrow(1, 0, 1).copy_(x[:, None])
walk(z.grad_fn)
z.sum().backward()
x.grad''',
        '''x = torch.tensor([2.0, 3.0], requires_grad=True)
y = torch.tensor([0.5, -1.0, 4.0], requires_grad=True)
z = torch.ones(2, 3) * x[:, None]
z[:, 1] += y[:2]
z[0] *= y
z[1, 1:].add_(y[0])
z[0, :2].clamp_(min=1.0)
z[1].addcmul_(y, y, value=0.5)
z[1].lerp_(y, 0.25)
walk(z.grad_fn)
z.sum().backward(retain_graph=True)
print(x.grad, y.grad)
gx, gy = torch.autograd.grad((z ** 2).sum(), (x, y), create_graph=True)
print(gx, gy)
torch.autograd.grad(gx.sum() + gy.sum(), (x, y))''',
        # the op saved its result (sigmoid_, exp_): that result is the view, also under create_graph
        '''x = torch.tensor([2.0, 3.0], requires_grad=True)
for name in ("sigmoid_", "exp_", "tanh_"):
    z = torch.ones(2, 3) * x[:, None]
    getattr(z[:, 0], name)()
    gx, = torch.autograd.grad((z ** 2).sum(), (x,), create_graph=True)
    print(name, gx, torch.autograd.grad(gx.sum(), x))''',
        # a later write into the base changes the view the op saved: backward refuses, naming the op
        '''x = torch.tensor([2.0, 3.0], requires_grad=True)
z = torch.ones(2, 3) * x[:, None]
v = z[:, 0]
v.exp_()
print(z._version, v._version)
z[0, 1] = 2.0
print(z._version, v._version)
z.sum().backward()''',
        '''x = torch.tensor([2.0, 3.0], requires_grad=True)
z = torch.zeros(3, 2)
z[1:].add_(x)
z.sum().backward()
z.sum().backward()
w = torch.zeros(2, 2)
w[0][1:].mul_(x[:1])
walk(w.grad_fn)
w.sum().backward()
x.grad'''],
    "cumprod_gradient_as_aten": [
        TRY + '''for vals in ([3.0], [[3.0], [2.0]], [[0.0, 2.0]], [2.0, 0.5, 3.0]):
    x = torch.tensor(vals, requires_grad=True)
    g = torch.autograd.grad(torch.cumprod(x, 0).sum(), x, create_graph=True)[0]
    print(g, g.grad_fn)
x = torch.tensor([2.0, 0.0, 3.0, 0.0, 4.0], requires_grad=True)
y = torch.cumprod(x, 0)
y.backward(torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0]))
x.grad''',
        '''for vals, dim in (([2.0, 0.5, 0.0, 4.0], 0), ([[2.0, 0.0, 4.0], [1.0, 2.0, 3.0]], 1),
                  ([[2.0, 0.0], [0.0, 3.0], [1.0, 2.0]], 0), ([[0.0, 0.0, 3.0]], -1)):
    x = torch.tensor(vals, requires_grad=True)
    g = torch.autograd.grad(torch.cumprod(x, dim).pow(2).sum(), x, create_graph=True)[0]
    print(g)
    walk(g.grad_fn)
    print(torch.autograd.grad(g.sum(), x))
x = torch.tensor([2.0, 0.0, 3.0], dtype=torch.float64, requires_grad=True)
torch.autograd.gradgradcheck(lambda t: torch.cumprod(t, 0), (x,))'''],
    "pow_gradient_under_create_graph": [
        TRY + '''for e in (0, 1, 2, 3, 0.5, -1, -2.5, 2.0):
    x = torch.tensor([2.0, 3.0], requires_grad=True)
    g = torch.autograd.grad((x ** e).sum(), x, create_graph=True)[0]
    print(e, g, g.requires_grad)
    walk(g.grad_fn)
    if g.requires_grad:
        print(torch.autograd.grad(g.sum(), x))
x = torch.tensor([2.0, 3.0], requires_grad=True)
g = torch.autograd.grad((x.pow(2) + torch.pow(x, 3) + x.square()).sum(), x, create_graph=True)[0]
walk(g.grad_fn)''',
        # a Hamiltonian's vector field and its divergence (the HNN lesson)
        '''x = torch.tensor([[1.0, 0.0], [0.5, 0.5]], requires_grad=True)
q, p = x[:, :1], x[:, 1:]
H = 0.5 * q ** 2 + 0.5 * p ** 2
dH = torch.autograd.grad(H.sum(), x, create_graph=True)[0]
field = torch.cat([dH[:, 1:], -dH[:, :1]], -1)
walk(field.grad_fn)
sum(torch.autograd.grad(field[:, i].sum(), x, retain_graph=True)[0][:, i] for i in range(2))'''],
    "linspace_and_logspace_given_tensors": [
        TRY + '''attempt(lambda: torch.linspace(0, torch.tensor([1.]), 5))
attempt(lambda: torch.linspace(torch.ones(2), torch.tensor([1.]), 5))
attempt(lambda: torch.linspace(torch.tensor([0.]), 1, 5))
attempt(lambda: torch.logspace(torch.tensor([0.]), 1, 5))
attempt(lambda: torch.logspace(0, torch.ones(1, 1), 5))
attempt(lambda: torch.logspace(0, 1, torch.tensor(5)))
attempt(lambda: torch.linspace(1e-4, 0.02, torch.tensor(5)))
attempt(lambda: torch.linspace(0, 1, steps=torch.tensor(3)))
attempt(lambda: torch.linspace(0, 1, torch.tensor(5.)))
attempt(lambda: torch.linspace(0, 1, torch.tensor(-2)))
attempt(lambda: torch.linspace(torch.tensor(0), torch.tensor(3), 4))
attempt(lambda: torch.linspace(torch.tensor(0.5, requires_grad=True), 3, 4))
attempt(lambda: torch.linspace(torch.tensor(-1), torch.tensor(1.5), 4, dtype=torch.int64))
attempt(lambda: torch.logspace(torch.tensor(-2.0), torch.tensor(0), 3, base=2))'''],
    "negative_indices_of_gather_scatter_and_index_ops": [
        TRY + '''a = torch.arange(6.).view(2, 3)
i = torch.tensor([[-1, 0]])
attempt(lambda: a.gather(1, i))
attempt(lambda: torch.linspace(0.1, 1.0, 10).gather(-1, torch.tensor([-1])))
attempt(lambda: a.scatter(1, i, 5.0))
attempt(lambda: a.scatter(1, i, torch.ones(1, 2)))
attempt(lambda: a.scatter_add(1, i, torch.ones(1, 2)))
attempt(lambda: a.scatter_reduce(1, i, torch.ones(1, 2), 'sum'))
attempt(lambda: torch.zeros(3).scatter_(0, torch.tensor([-1]), 1.0))
attempt(lambda: a.gather(1, torch.tensor([[3, -2]])))
attempt(lambda: a.index_add(1, torch.tensor([-1]), torch.ones(2, 1)))
attempt(lambda: a.index_copy(1, torch.tensor([-1]), torch.ones(2, 1)))
attempt(lambda: a.index_copy(1, torch.tensor([3]), torch.ones(2, 1)))
attempt(lambda: a.index_fill(1, torch.tensor([-1]), 7.))
attempt(lambda: a.index_fill(1, torch.tensor([-4]), 7.))
for v in (-7, -4, -3, -1, 3, 5):
    attempt(lambda: torch.take_along_dim(a, torch.tensor([[v]]), 1))
attempt(lambda: torch.take_along_dim(a, torch.tensor([-1, 2]), None))
attempt(lambda: torch.take_along_dim(a, torch.tensor([[-1, 0]], dtype=torch.int32), 1))
attempt(lambda: torch.take_along_dim(a, torch.tensor([[0.]]), 1))
attempt(lambda: torch.take_along_dim(a, torch.tensor([0], dtype=torch.int32)))'''],
    "lerp_dtypes_and_shapes": [
        TRY + '''L = lambda: torch.zeros(3, dtype=torch.long)
attempt(lambda: torch.lerp(L(), L(), L()))
attempt(lambda: torch.lerp(L(), L(), 1))
attempt(lambda: torch.lerp(torch.zeros(3, dtype=torch.bool), torch.zeros(3, dtype=torch.bool), 0.5))
attempt(lambda: torch.lerp(torch.zeros(3, dtype=torch.int32), torch.zeros(3, dtype=torch.int32), 0.5))
attempt(lambda: L().lerp_(L(), 0.5))
attempt(lambda: torch.lerp(torch.zeros(3), torch.ones(3), torch.tensor([1, 2, 3])))
attempt(lambda: torch.lerp(torch.zeros(3), torch.ones(3), torch.tensor([1., 2, 3], dtype=torch.float64)))
attempt(lambda: torch.lerp(torch.zeros(3), torch.ones(3), torch.tensor(0.5, dtype=torch.float64)))
attempt(lambda: torch.zeros(2, 3).lerp(torch.ones(3), torch.rand(3, 1)))
attempt(lambda: torch.zeros(2, 3).lerp(torch.ones(3), torch.full((2, 1), 0.25)))''',
        # an EMA of a model with an integer buffer: AveragedModel calls the function once per dtype
        '''from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.BatchNorm1d(4))
ema = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9), use_buffers=True)
for i in range(3):
    model(torch.randn(8, 4)).pow(2).mean().backward()
    with torch.no_grad():
        model[0].weight.add_(0.1)
    ema.update_parameters(model)
ema.n_averaged, ema.module[1].num_batches_tracked, ema.module[1].running_mean, ema.module[0].weight[0]'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe20_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
