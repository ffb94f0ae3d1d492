"""What the fourteenth probe (layers, losses, optimizers and modules given what learners give them) found, each
checked against PyTorch: batches of 0 through convolutions, poolings, norms and recurrent layers; the dtypes the
pooling kernels take (int64 averages rounded toward 0, no integer adaptive pooling); max_pool1d's own checks;
BCELoss's range check of the target; cosine_similarity's broadcasting; embedding_bag's checks of indices and
offsets; zero-sized layers; flatten/unflatten's messages; nn.Parameter of an integer tensor."""
import pytest

from helpers import assert_same_as_pytorch

TRY = '''import torch.nn as nn
import torch.nn.functional as F
def attempt(make):
    try:
        out = make()
        if isinstance(out, tuple):
            out = out[0]
        print("ok", out.dtype, tuple(out.shape), out.grad_fn is not None)
        return out
    except Exception as e:
        print(type(e).__name__, e)
'''

CELLS = {
    "a_batch_of_zero": [
        TRY + '''for make in [lambda: nn.Conv2d(2, 3, 3)(torch.randn(0, 2, 5, 5, requires_grad=True)),
             lambda: nn.Conv1d(2, 3, 3)(torch.randn(0, 2, 5)),
             lambda: nn.ConvTranspose2d(2, 3, 3, stride=2)(torch.randn(0, 2, 4, 4, requires_grad=True)),
             lambda: nn.ConvTranspose2d(2, 3, 3)(torch.randn(2, 2, 0, 0)),
             lambda: nn.MaxPool2d(2)(torch.randn(0, 1, 4, 4, requires_grad=True)),
             lambda: nn.AvgPool2d(2)(torch.randn(0, 1, 4, 4)),
             lambda: nn.MaxPool2d(2)(torch.randn(2, 0, 4, 4)),
             lambda: nn.MaxPool3d(2)(torch.randn(0, 1, 4, 4, 4)),
             lambda: nn.MaxPool3d(2)(torch.randn(2, 1, 0, 4, 4)),
             lambda: nn.AvgPool3d(2)(torch.randn(2, 0, 4, 4, 4)),
             lambda: nn.AdaptiveMaxPool2d(2)(torch.randn(0, 2, 4, 4, requires_grad=True)),
             lambda: nn.AdaptiveMaxPool2d(2)(torch.randn(2, 2, 0, 4)),
             lambda: nn.AdaptiveAvgPool2d(2)(torch.randn(2, 2, 0, 4)),
             lambda: nn.AdaptiveMaxPool1d(2)(torch.randn(2, 0, 4)),
             lambda: nn.AdaptiveAvgPool3d(2)(torch.randn(2, 0, 4, 4, 4))]:
    out = attempt(make)
    if out is not None and out.requires_grad:
        out.sum().backward()'''],
    "batch_norm_of_nothing": [
        ("bn = torch.nn.BatchNorm2d(3)\nx = torch.randn(0, 3, 2, 2, requires_grad=True)\ny = bn(x)\n"
         "y.sum().backward()\nprint(y, x.grad.shape, bn.running_mean, bn.num_batches_tracked)"),
        "bn.eval()\nbn(torch.randn(0, 3, 2, 2))",
        "torch.nn.BatchNorm1d(3)(torch.randn(2, 3, 0))",
        "torch.nn.BatchNorm1d(0)(torch.randn(2, 0))",
        ("ln, gn = torch.nn.LayerNorm(3), torch.nn.GroupNorm(1, 3)\nx = torch.randn(0, 3, requires_grad=True)\n"
         "(ln(x).sum() + gn(x).sum()).backward()\nx.grad.shape, torch.nn.InstanceNorm1d(3)(torch.randn(0, 3, 4))"),
        ("lstm = torch.nn.GRU(3, 2, batch_first=True)\nx = torch.randn(0, 4, 3, requires_grad=True)\nout, h = lstm(x)\n"
         "out.sum().backward()\nout.shape, h.shape, x.grad.shape"),
    ],
    "pooling_dtypes": [
        TRY + '''x = torch.tensor([[[[-1, 2, 3, 7], [-3, -3, 5, 5]]]])
print(F.avg_pool2d(x, 2), F.avg_pool2d(x, 2, divisor_override=3), F.avg_pool1d(x[0], 2))
print(F.avg_pool3d(x, (1, 2, 2)), F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False))
for make in [lambda: F.avg_pool2d(x.int(), 2), lambda: F.avg_pool2d(x.bool(), 2), lambda: F.avg_pool2d(x.byte(), 2),
             lambda: F.avg_pool3d(x.half(), 2), lambda: F.max_pool2d(x.bool(), 2), lambda: F.max_pool2d(x, 2),
             lambda: F.max_pool1d(x[0], 2), lambda: F.max_pool1d(x[0], 2, return_indices=True),
             lambda: nn.MaxPool1d(2)(x[0].float()), lambda: F.adaptive_avg_pool2d(x, 2),
             lambda: F.adaptive_avg_pool2d(x, 1), lambda: F.adaptive_max_pool2d(x, 1),
             lambda: F.adaptive_avg_pool3d(x, 2), lambda: F.adaptive_max_pool3d(x.short(), 2),
             lambda: F.adaptive_avg_pool1d(x[0], 2), lambda: F.adaptive_max_pool1d(x[0], 2)]:
    attempt(make)'''],
    "adaptive_pooling_arguments": [
        TRY + '''for make in [lambda: F.adaptive_avg_pool2d(torch.randn(5, 7), 2), lambda: F.adaptive_avg_pool2d(torch.randn(5), (2, 2)),
             lambda: F.adaptive_avg_pool2d(torch.randn(2, 5, 5), (2, 2, 2)),
             lambda: F.adaptive_avg_pool2d(torch.randn(1, 2, 5, 5), (2, 2, 2)),
             lambda: F.adaptive_avg_pool2d(torch.randn(2, 5, 5), (2, -1)),
             lambda: F.adaptive_avg_pool2d(torch.randn(2, 5, 5), (1, None)),
             lambda: F.adaptive_avg_pool2d(torch.randn(2, 5, 5, 2, 2), 1),
             lambda: F.adaptive_avg_pool2d(torch.randn(2, 5, 5, 2, 2), 2),
             lambda: F.adaptive_avg_pool3d(torch.randn(2, 5, 5, 5), -1),
             lambda: F.adaptive_avg_pool3d(torch.randn(1, 2, 5, 5, 5), (2, 2)),
             lambda: F.adaptive_max_pool2d(torch.randn(5, 5), 2), lambda: F.adaptive_max_pool2d(torch.randn(2, 5, 5), -1),
             lambda: F.adaptive_max_pool3d(torch.randn(1, 2, 5, 5, 5), (2, 2)),
             lambda: F.adaptive_avg_pool1d(torch.randn(2, 5), -1)]:
    attempt(make)'''],
    "max_pool1d_checks": [
        TRY + '''x = torch.ones(1, 1, 6)
for make in [lambda: F.max_pool1d(x, 0), lambda: F.max_pool1d(x, (2, 2)), lambda: F.max_pool1d(x, 2, stride=(1, 1)),
             lambda: F.max_pool1d(x, 2, padding=(1, 1)), lambda: F.max_pool1d(x, 2, dilation=(1, 1)),
             lambda: F.max_pool1d(x, 2, stride=0), lambda: F.max_pool1d(x, 2, padding=-1),
             lambda: F.max_pool1d(x, 2, padding=2), lambda: F.max_pool1d(x, 2, padding=5, dilation=0),
             lambda: F.max_pool1d(x, 2, dilation=0), lambda: F.max_pool1d(torch.ones(1, 1, 2), 3),
             lambda: F.max_pool1d(torch.ones(1, 1, 4, requires_grad=True), 3, dilation=2),
             lambda: F.max_pool1d(torch.ones(1, 0, 4), 2), lambda: F.max_pool1d(torch.ones(0, 4), 2),
             lambda: F.max_pool1d(torch.randn(0, 1, 4, requires_grad=True), 2),
             lambda: F.max_pool1d(torch.randn(2, 3, 7, requires_grad=True), 3, stride=2, padding=1, ceil_mode=True),
             lambda: nn.AvgPool2d(2, padding=2)(torch.randn(1, 1, 4, 4)),
             lambda: F.avg_pool1d(torch.ones(1, 1, 4), 2, padding=2)]:
    out = attempt(make)
    if out is not None and out.requires_grad:
        out.sum().backward()'''],
    "bce_checks_both_ranges": [
        TRY + '''for make in [lambda: F.binary_cross_entropy(torch.sigmoid(torch.randn(3)), torch.tensor([0., 2., -1.])),
             lambda: F.binary_cross_entropy(torch.tensor([0.5, 2.]), torch.tensor([3., 1.])),
             lambda: F.binary_cross_entropy(torch.tensor([2., 0.5]), torch.tensor([1., 3.])),
             lambda: F.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([float('nan')])),
             lambda: nn.BCELoss()(torch.tensor([float('nan')]), torch.tensor([1.])),
             lambda: F.binary_cross_entropy(torch.tensor([1, 0]), torch.tensor([1, 0])),
             lambda: F.binary_cross_entropy(torch.tensor([True]), torch.tensor([True])),
             lambda: F.binary_cross_entropy(torch.tensor([1, 0]), torch.tensor([1., 0])),
             lambda: F.binary_cross_entropy(torch.tensor([0., 1., 0.3], requires_grad=True), torch.tensor([0., 1., 1.])),
             lambda: F.huber_loss(torch.ones(2), torch.ones(2), delta=0.),
             lambda: nn.HuberLoss(delta=-1.)(torch.ones(2, 1), torch.ones(2))]:
    attempt(make)'''],
    "cosine_similarity_broadcasts": [
        ("torch.manual_seed(0)\na = torch.randn(3, 4, requires_grad=True)\nb = torch.randn(4, requires_grad=True)\n"
         "s = torch.nn.functional.cosine_similarity(a, b, dim=1)\ns.sum().backward()\nprint(s, a.grad, b.grad)"),
        "torch.nn.CosineSimilarity(dim=-1)(torch.randn(2, 1, 3), torch.randn(1, 4, 3)).shape",
        "torch.nn.functional.cosine_similarity(torch.randn(3, 4), torch.randn(4), dim=2)",
        "torch.nn.functional.cosine_similarity(torch.tensor([[1, 2]]), torch.tensor([[1., 2]]))",
        "torch.nn.functional.cosine_similarity(torch.tensor([[1, 2]]), torch.tensor([[1, 2]]))",
    ],
    "embedding_bag_checks": [
        TRY + '''w = torch.ones(5, 2)
for make in [lambda: F.embedding(torch.tensor([True]), w), lambda: F.embedding_bag(torch.tensor([[1.]]), w),
             lambda: F.embedding_bag(torch.tensor([[1]], dtype=torch.int16), w),
             lambda: F.embedding_bag(torch.tensor([1, 0], dtype=torch.uint8), w, torch.tensor([0])),
             lambda: F.embedding_bag(torch.tensor([1, 2]), w, torch.tensor([0., 1.])),
             lambda: F.embedding_bag(torch.tensor([1, 7]), w, torch.tensor([0])),
             lambda: F.embedding_bag(torch.tensor([[1, 2], [1, 7]]), w),
             lambda: F.embedding_bag(torch.tensor([1, 2, 1, -1]), w, torch.tensor([0, 2]), mode='max'),
             lambda: F.embedding_bag(torch.tensor([1, 7]), w.double(), torch.tensor([0])),
             lambda: F.embedding_bag(torch.tensor([1, 2]), w, torch.tensor([1], dtype=torch.int32)),
             lambda: F.embedding_bag(torch.tensor([1, 2]), w, torch.tensor([0, 3])),
             lambda: nn.EmbeddingBag(5, 3, mode='mean')(torch.tensor([1, 2]), torch.tensor([0, 2])),
             lambda: nn.Embedding.from_pretrained(torch.ones(3))]:
    attempt(make)'''],
    "layers_of_size_zero_and_shape_helpers": [
        "lin = torch.nn.Linear(0, 3)\nprint(lin.weight, lin.bias)\nlin(torch.randn(2, 0))",
        "torch.nn.Conv2d(0, 3, 3).weight.shape, torch.nn.ConvTranspose2d(0, 3, 3).weight.shape",
        "torch.nn.init.kaiming_normal_(torch.empty(0, 3), mode='fan_out')",
        "torch.nn.Flatten(2, 1)(torch.randn(2, 3, 4))",
        "torch.ones(2, 3, 4).flatten(-1, 0)",
        "torch.nn.Unflatten(1, (2, 4))(torch.randn(4, 6))",
        "torch.manual_seed(0)\nx = torch.randn(4, 6, requires_grad=True)\ntorch.nn.Unflatten(-1, (-1, 3))(x)",
    ],
    "parameter_of_what": [
        TRY + '''import numpy as np
for make in [lambda: nn.Parameter(torch.tensor([1, 2])), lambda: nn.Parameter(torch.tensor([1, 2]), requires_grad=False),
             lambda: nn.Parameter([1., 2.]), lambda: nn.Parameter(np.ones(2)), lambda: nn.Parameter(torch.ones(2).half()),
             lambda: nn.Parameter()]:
    attempt(make)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe14_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
