"""What the two-hundred-and-second probe (interpretability lessons written by hand: saliency, SmoothGrad,
Integrated Gradients, Grad-CAM with module hooks, guided backprop, occlusion, DeepDream, FGSM/PGD, per-sample
saliency with torch.func) found, each checked against PyTorch. Inside a vmap, every autodiff transform (grad, vjp,
jvp and the transforms made of them) wraps its tensors in a level of its own, so that .item() or
data-dependent control flow on a batched value gives the message of both cases, not grad's alone; grad and jacrev
wrap every tensor argument (vjp and jvp their primals), and an op result made from a wrapped tensor is wrapped
too: a wrapped tensor of dimension 0 used as an index (integer, bool or uint8, read or written) is read with
.item(), which fails where a vmap batches it (a plain BatchedTensor index is not: a tensor the function closes
over still indexes). vjp's vjp_fn called inside a vmap gives batched products. select's index is a SymInt: an
integer tensor of one element, of any shape, is read as a number (with .item(): a vmap's batched index refuses)."""
import pytest

from helpers import assert_same_as_pytorch

_SETUP = '''from torch.func import vmap, grad, vjp, jvp, jacrev
X = torch.arange(24.).view(4, 2, 3)
c = torch.tensor([0, 1, 2, 0])
def attempt(f):
    try:
        r = f()
        print(r.shape, r.sum().item())
    except Exception as e:
        print(type(e).__name__, e)
'''

CELLS = {
    "item_under_every_autodiff_transform_in_a_vmap": [_SETUP + '''
attempt(lambda: vmap(lambda x: vjp(lambda y: y * y.sum().item(), x)[0])(X))
attempt(lambda: vmap(lambda x: vjp(lambda y: y * 2 if y.sum() > 0 else y, x)[0])(X))
attempt(lambda: vmap(jacrev(lambda y: y * y.sum().item()))(X[:, 0]))
attempt(lambda: vmap(lambda x: jvp(lambda y: y * y.sum().item(), (x,), (x,))[0])(X))
attempt(lambda: vmap(lambda x: jvp(lambda y: y * x.sum().item(), (x,), (x,))[0])(X))
attempt(lambda: vmap(lambda x: x * vjp(lambda y: y * 2, x)[0].sum().item())(X))
attempt(lambda: vmap(lambda x: vmap(lambda y: y * x.sum().item())(x))(X))
'''],
    "zero_dim_index_argument_of_grad_in_a_vmap_is_read_with_item": [_SETUP + '''
attempt(lambda: vmap(grad(lambda x, c: x[1][c]))(X, c))
attempt(lambda: vmap(grad(lambda x, c: x[1, c]))(X, c))
attempt(lambda: vmap(grad(lambda x, c: x[1, c + 0]))(X, c))
attempt(lambda: vmap(grad(lambda x, c: x[1, c[()]]))(X, c))
attempt(lambda: vmap(grad(lambda x, c: x[1, c[None][0]]))(X, c))
attempt(lambda: vmap(grad(lambda x, c: x[1, c]))(X, c.int()))
attempt(lambda: vmap(grad(lambda x, c: x[1, c]), in_dims=(None, 0))(X[0], c))
attempt(lambda: vmap(jacrev(lambda x, c: x[1, c]))(X, c))
attempt(lambda: vmap(grad(lambda x, d: x[1, d["c"]]))(X, {"c": c}))
# (an index that grad does not wrap, or that no vmap batches, still indexes)
attempt(lambda: vmap(grad(lambda x, c: x[1, c]), in_dims=(0, None))(X, torch.tensor(1)))
attempt(lambda: vmap(lambda x, c: grad(lambda x: x[1, c])(x))(X, c))
attempt(lambda: vmap(lambda x, c: vjp(lambda x: x[1, c], x)[0])(X, c))
attempt(lambda: vmap(grad(lambda x, c: x[1, torch.tensor(1)]))(X, c))
attempt(lambda: vmap(grad(lambda x, c: x[1, c.view(1)].sum()))(X, c))
attempt(lambda: vmap(lambda x, c: x[1, c])(X, c))
attempt(lambda: grad(lambda x: x[1, c[0]])(X[0]))
'''],
    "zero_dim_bool_and_uint8_index_under_grad_in_a_vmap": [_SETUP + '''
attempt(lambda: vmap(grad(lambda x, c: x[1, c.bool()].sum()))(X, c))
attempt(lambda: vmap(grad(lambda x, c: x[1, c.to(torch.uint8)].sum()))(X, c))
attempt(lambda: vmap(lambda x, c: x[1, c.bool()])(X, c))
'''],
    "zero_dim_index_argument_of_grad_written_in_a_vmap": [_SETUP + '''
def write(x, c):
    y = x.clone()
    y[1, c] = 0
    return y.sum()
attempt(lambda: vmap(grad(write))(X, c))
def write_free(x):
    y = x.clone()
    y[1, c[1]] = 0
    return y.sum()
attempt(lambda: vmap(grad(write_free))(X))
'''],
    "vjp_fn_products_inside_a_vmap_are_batched": [_SETUP + '''
attempt(lambda: vmap(lambda x: vjp(lambda y: y * 2, x)[1](x)[0].sum().item())(X))
attempt(lambda: vmap(lambda x: vjp(lambda y: y * 2, x)[1](x)[0])(X))
attempt(lambda: vmap(lambda x: vjp(lambda y: y * y, x)[1](torch.ones(2, 3))[0] * 0 + 1 if
                     vjp(lambda y: y * y, x)[1](torch.ones(2, 3))[0].sum() > 0 else x)(X))
'''],
    "select_index_tensor_is_a_symint": ['''x = torch.arange(6.).view(2, 3)
for index in (torch.tensor(1), torch.tensor([2]), torch.tensor([[2]]), torch.tensor(-1, dtype=torch.int8),
              torch.tensor(2, dtype=torch.int16), torch.tensor([0], dtype=torch.uint8), torch.tensor(-4),
              torch.tensor([7])):
    try:
        print(x.select(1, index), torch.select(x, 0, index))
    except Exception as e:
        print(type(e).__name__, e)
w = torch.randn(2, 3, requires_grad=True)
s = w.select(1, torch.tensor([2]))
print(s.grad_fn, s.shape)
s.sum().backward()
print(w.grad)
'''],
    "select_with_a_batched_index_in_a_vmap": [_SETUP + '''
attempt(lambda: vmap(lambda x, c: x.select(1, c))(X, c))
attempt(lambda: vmap(lambda x, c: torch.select(x, 1, c))(X, c))
attempt(lambda: vmap(grad(lambda x, c: x.select(1, c).sum()))(X, c))
attempt(lambda: vmap(lambda x: x.select(1, torch.tensor(2)))(X))
attempt(lambda: vmap(lambda x, c: x.select(1, c), in_dims=(0, None))(X, torch.tensor([1])))
'''],
    "per_sample_saliency_with_class_indices": ['''from torch.func import vmap, grad, functional_call
torch.manual_seed(5)
net = torch.nn.Sequential(torch.nn.Linear(6, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
params = {k: v.detach() for k, v in net.named_parameters()}
X = torch.randn(4, 6)
classes = torch.tensor([0, 1, 2, 0])
def score(x, c):
    return functional_call(net, params, (x.unsqueeze(0),))[0, c]
try:
    vmap(grad(score))(X, classes)
except RuntimeError as e:
    print(type(e).__name__, e)
onehot = torch.nn.functional.one_hot(classes, 3).float()
print(vmap(grad(lambda x, o: (functional_call(net, params, (x.unsqueeze(0),))[0] * o).sum()))(X, onehot))
'''],
}


# (the first jvp inside a vmap of a PyTorch process loads functorch's decompositions, which warns that
# torch.jit.script is deprecated: a warning of the process's history, not of the cell)
LAZY_IMPORT_WARNINGS = {"item_under_every_autodiff_transform_in_a_vmap"}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe202(name):
    assert_same_as_pytorch(CELLS[name], name=name, warns=None if name in LAZY_IMPORT_WARNINGS else "together")
