"""What the hundred-and-eighty-sixth probe (second-order graphs through the normalisation layers, the pointwise
losses and the reflection / replication pads: WGAN-GP penalties, MAML meta-gradients, Hessian-vector products)
found, each checked against PyTorch. Under create_graph=True PyTorch records each of these backward functions as
one node: NativeBatchNormBackwardBackward0 (grad_out, input, weight, save_mean, save_invstd) and
NativeLayerNormBackwardBackward0 (grad_out, input, mean, rstd, weight, bias), nodes with three outputs whose
gradients follow batchnorm_double_backward / layer_norm_double_backward with the saved statistics constant (so a
third order is PyTorch's, not the true one); Mse/SmoothL1/Huber/SoftMarginLossBackwardBackward0 (the target's
gradient from a second node with self and target swapped; soft margin's target is no input), whose self-gradient
keeps the sign of zero; Reflection/ReplicationPad{1,2,3}DBackwardBackward0 (grad_output, self: self gets zeros, so
the Hessian is an AddBackward0). LayerNorm's weight and bias are its node's edges as given (no ViewBackward0)."""
import pytest

from helpers import assert_same_as_pytorch

NAMES = '''def names(fn):
    return [None if f is None else f.name() for f, _ in fn.next_functions]
'''

CELLS = {
    "batch_norm_train_double_backward_is_one_node_with_three_outputs": [NAMES + '''torch.manual_seed(0)
x = torch.randn(6, 3, requires_grad=True)
bn = torch.nn.BatchNorm1d(3)
with torch.no_grad():
    bn.weight.uniform_(0.5, 1.5)
y = bn(x)
gi, gw, gb = torch.autograd.grad((y ** 3).sum(), [x, bn.weight, bn.bias], create_graph=True)
print(gi.grad_fn.name(), gi.grad_fn is gw.grad_fn is gb.grad_fn, names(gi.grad_fn))
print(gi, gw, gb)
h = torch.autograd.grad((gi * torch.linspace(-1, 1, 18).view(6, 3)).sum() + (gw * gw).sum(), [x, bn.weight])
print(h)
'''],
    "batch_norm_eval_and_instance_norm_double_backward_node": [NAMES + '''torch.manual_seed(1)
bn = torch.nn.BatchNorm2d(2).eval()
with torch.no_grad():
    bn.running_mean.fill_(0.3)
    bn.running_var.fill_(2.0)
x = torch.randn(2, 2, 3, 3, requires_grad=True)
g, = torch.autograd.grad((bn(x) ** 3).sum(), x, create_graph=True)
print(g.grad_fn.name(), names(g.grad_fn))
print(torch.autograd.grad(g.sum(), [x, bn.weight]))
inn = torch.nn.InstanceNorm1d(3)
z = torch.randn(2, 3, 5, requires_grad=True)
g, = torch.autograd.grad((inn(z) ** 3).sum(), z, create_graph=True)
print(g.grad_fn.name(), names(g.grad_fn), names(g.grad_fn.next_functions[0][0]))
print(torch.autograd.grad((g ** 2).sum(), z)[0][0])
'''],
    "layer_norm_double_backward_node_edges_and_third_order": [NAMES + '''torch.manual_seed(2)
x = torch.randn(3, 2, 4, requires_grad=True)
ln = torch.nn.LayerNorm([2, 4])
with torch.no_grad():
    ln.weight.uniform_(0.5, 1.5)
    ln.bias.uniform_(-0.5, 0.5)
y = ln(x)
print(names(y.grad_fn))
gi, gw, gb = torch.autograd.grad((y ** 3).sum(), [x, ln.weight, ln.bias], create_graph=True)
print(gi.grad_fn.name(), names(gi.grad_fn), gw.grad_fn is gb.grad_fn)
h, = torch.autograd.grad(gi.pow(2).sum() + gw.sum(), x, create_graph=True)
print(h[0])
t, = torch.autograd.grad(h.sum(), x)
print(t[0])
'''],
    "regression_losses_double_backward_nodes_and_signed_zeros": [NAMES + '''torch.manual_seed(3)
pred = torch.randn(2, 3, requires_grad=True)
tgt = torch.randn(2, 3, requires_grad=True)
F = torch.nn.functional
for fn, kw in [(F.mse_loss, {}), (F.smooth_l1_loss, {"beta": 0.5}), (F.huber_loss, {"delta": 0.7})]:
    for red in ["mean", "sum"]:
        gp, gt = torch.autograd.grad(fn(pred * 2, tgt, reduction=red, **kw), [pred, tgt], create_graph=True)
        print(fn.__name__, red, gp.grad_fn.next_functions[0][0].name(), gt.grad_fn.name(), names(gt.grad_fn))
        hp, ht = torch.autograd.grad(gp.pow(2).sum() + (gp * gt).sum(), [pred, tgt])
        print(hp, ht)
'''],
    "soft_margin_loss_double_backward_node_has_no_target_edge": [NAMES + '''torch.manual_seed(4)
x = torch.randn(2, 3, requires_grad=True)
y = torch.tensor([[1., -1., 1.], [-1., -1., 1.]])
for red in ["mean", "sum", "none"]:
    g, = torch.autograd.grad(torch.nn.functional.soft_margin_loss(x * 2, y, reduction=red).sum(), x,
                             create_graph=True)
    node = g.grad_fn.next_functions[0][0]
    print(red, node.name(), names(node))
    h, = torch.autograd.grad(g.pow(2).sum(), x, create_graph=True)
    print(h, h.grad_fn.name())
'''],
    "reflection_replication_pad_double_backward_nodes": [NAMES + '''torch.manual_seed(5)
F = torch.nn.functional
cases = [((1, 2, 3), (2, 1)), ((1, 1, 3, 3), (1, 1, 2, 0)), ((1, 1, 2, 2, 3), (2, 1, 1, 1, 0, 1))]
for shape, pad in cases:
    v = torch.randn(*shape, requires_grad=True)
    for mode in ["reflect", "replicate"]:
        if mode == "reflect" and len(shape) == 5:
            pad = (1, 1, 1, 1, 0, 1)
        g, = torch.autograd.grad((F.pad(v * 2, pad, mode=mode) ** 3).sum(), v, create_graph=True)
        node = g.grad_fn.next_functions[0][0]
        print(mode, len(shape), node.name(), names(node))
        im = v.detach().requires_grad_()
        g2, = torch.autograd.grad((F.pad(im, pad, mode=mode) ** 3).sum(), im, create_graph=True)
        h, = torch.autograd.grad(g2.sum(), im, create_graph=True)
        print(g2.grad_fn.name(), names(g2.grad_fn), h.grad_fn.name(), h.view(-1)[:4])
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe186_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
