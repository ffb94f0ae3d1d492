"""What the hundred-and-eighty-fifth probe (torch.func PINNs, Hessian-vector products through recurrent / embedding
layers, second-order MAML through a Conv/BatchNorm network) found, each checked against PyTorch: an embedding's
weight gradient under create_graph=True is an EmbeddingDenseBackwardBackward0 node (whose own gradient, as ATen's,
does not divide by the indices' frequencies again under scale_grad_by_freq); a convolution bias's gradient under
create_graph=True is a ConvolutionBackwardBackward0 node, as the weight's; torch.func.grad of a function that nests
grad over an input that does not require grad returns a plain tensor (the nested level's stand-in is no outer leaf);
jacfwd / hessian refuse an integer or bool primal with make_dual's ValueError, before running the function."""
import warnings

import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "embedding_weight_grad_under_create_graph": [
        '''import torch.nn.functional as F
torch.manual_seed(0)
w = torch.randn(5, 3, requires_grad=True)
idx = torch.tensor([[0, 2, 2], [4, 1, 2]])
for kw in [dict(), dict(padding_idx=2), dict(scale_grad_by_freq=True), dict(padding_idx=1, scale_grad_by_freq=True)]:
    go = torch.randn(2, 3, 3, requires_grad=True)
    g, = torch.autograd.grad(F.embedding(idx, w * 1.5, **kw), w, go, create_graph=True)
    print(g.grad_fn.next_functions[0][0].name(), g)
    print(torch.autograd.grad((g * g).sum(), go)[0])
e = torch.nn.Embedding(5, 3)
g, = torch.autograd.grad(e(idx).pow(2).sum(), e.weight, create_graph=True)
print(g.grad_fn.name(), [type(n).__name__ for n, _ in g.grad_fn.next_functions])
print(torch.autograd.grad(g.sum(), e.weight)[0])
''',
    ],
    "conv_bias_grad_under_create_graph": [
        '''torch.manual_seed(0)
for conv, xs in [(torch.nn.Conv2d(2, 3, 3), (2, 2, 5, 5)), (torch.nn.Conv1d(2, 3, 2), (2, 2, 4)),
                 (torch.nn.ConvTranspose2d(2, 3, 2, stride=2), (1, 2, 3, 3))]:
    conv = conv.double()
    x = torch.randn(*xs, dtype=torch.float64, requires_grad=True)
    y = conv(x)
    gw, gb = torch.autograd.grad(y.pow(2).sum(), (conv.weight, conv.bias), create_graph=True)
    print(gb.grad_fn.name(), gb)
    print([t.norm() for t in torch.autograd.grad(gb.pow(2).sum(), (x, conv.weight, conv.bias))])
    go = torch.randn_like(y, requires_grad=True)
    gb, = torch.autograd.grad(y, conv.bias, go, create_graph=True)
    print(gb.grad_fn.name(), torch.autograd.grad(gb.sum() * 2, go)[0][0, :, :2])
''',
    ],
    "func_grad_over_nested_grad_returns_plain_tensor": [
        '''from torch.func import grad, vmap, jacrev
w = torch.tensor([1.5, -0.5], dtype=torch.float64)
xs = torch.tensor([0.3, 0.2], dtype=torch.float64)
f = lambda w, x: torch.tanh(w[0] * x + w[1])
r = lambda w, x: grad(grad(f, argnums=1), argnums=1)(w, x)
print(grad(lambda w: grad(f, argnums=1)(w, xs[0]))(w))
print(grad(lambda w: vmap(r, in_dims=(None, 0))(w, xs).pow(2).mean())(w))
print(jacrev(lambda w: vmap(r, in_dims=(None, 0))(w, xs))(w))
wg = w.clone().requires_grad_()
out = grad(lambda v: vmap(r, in_dims=(None, 0))(v * wg, xs).sum())(torch.ones(2, dtype=torch.float64))
print(out, out.requires_grad)
''',
    ],
    "jacfwd_and_hessian_refuse_integer_primals_with_make_duals_error": [
        '''from torch.func import jacfwd, jacrev, hessian
x = torch.tensor([1, 2])
for f in (lambda: jacfwd(torch.sin)(x), lambda: hessian(lambda v: v.sum())(x), lambda: jacrev(torch.sin)(x),
          lambda: jacfwd(lambda a, b: a * b, argnums=1)(x.float(), x), lambda: jacfwd(torch.sin)(x > 1),
          lambda: jacfwd(lambda a, b: a * b, argnums=0)(x.float(), x)):
    try:
        print(f())
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
''',
    ],
}


@pytest.fixture(scope="module", autouse=True)
def forward_ad_warmed_up():
    """PyTorch loads its forward-AD decompositions at its first make_dual of a process, with DeprecationWarnings
    (torch.jit.script) that depend on what ran before: load them before comparing warnings."""
    torch = pytest.importorskip("torch")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with torch.autograd.forward_ad.dual_level():
            torch.autograd.forward_ad.make_dual(torch.ones(1), torch.ones(1))


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe185_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
