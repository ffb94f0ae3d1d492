"""nn.GroupNorm / F.group_norm (NativeGroupNormBackward0), nn.InstanceNorm1d/2d / F.instance_norm (ATen's batch
norm over (1, N*C, ...)), nn.Bilinear / F.bilinear (TrilinearBackward0), F.pairwise_distance (NormBackward1) and
the losses CosineEmbeddingLoss, MarginRankingLoss, TripletMarginLoss against real PyTorch: values, gradients, graph
nodes, initial draws, reprs, running statistics, warnings and messages."""
from helpers import assert_same_as_pytorch

SETUP = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\ntorch.manual_seed(0)\n"

CELLS = [
    SETUP + "x = torch.randn(2, 4, 3, 3, requires_grad=True)\ng = nn.GroupNorm(2, 4)\ny = g(x)\n"
    "g, y[0, :2, 0], y.grad_fn, [f.name() for f, _ in y.grad_fn.next_functions]",
    "(y * torch.arange(72.).view(2, 4, 3, 3)).sum().backward()\nx.grad[1, 3], g.weight.grad, g.bias.grad",
    "F.group_norm(x, 4)[1, 2], F.group_norm(x, 1, eps=0.1).grad_fn, nn.GroupNorm(1, 4, affine=False), "
    "list(nn.GroupNorm(2, 4).state_dict())",
    "x.grad = None\ninn = nn.InstanceNorm2d(4, affine=True, track_running_stats=True)\nz = inn(x)\n"
    "z[0, 1, 1], z.grad_fn, z.grad_fn.next_functions[0][0].name(), inn.running_mean, inn.running_var, "
    "inn.num_batches_tracked",
    "(z ** 3).sum().backward()\nx.grad[0, 0], inn.weight.grad",
    "inn.eval()\ninn(x)[1, 2, 0], inn(x[0]).shape, inn, list(inn.state_dict())",
    "i1 = nn.InstanceNorm1d(3)\ns = torch.randn(2, 3, 5, requires_grad=True)\ni1(s)[1], i1(s[0]).shape, i1",
    "(i1(s) * torch.arange(30.).view(2, 3, 5)).sum().backward()\ns.grad[0]",
    "F.instance_norm(s, weight=torch.ones(3) * 2, bias=torch.ones(3)).grad_fn, F.instance_norm(s)[0, 0]",
    "torch.manual_seed(0)\nb = nn.Bilinear(3, 2, 4)\nb, b.weight[0], b.bias, [n for n, _ in b.named_parameters()]",
    "u = torch.randn(5, 3, requires_grad=True)\nv = torch.randn(5, 2, requires_grad=True)\no = b(u, v)\n"
    "o, o.grad_fn, o.grad_fn.next_functions[0][0].next_functions",
    "o.sum().backward()\nu.grad, v.grad, b.weight.grad[1], b.bias.grad",
    "F.bilinear(torch.randn(2, 5, 3), torch.randn(2, 5, 2), b.weight).shape, nn.Bilinear(2, 2, 1, bias=False)",
    "a1, p1, n1 = (torch.randn(5, 3, requires_grad=True) for _ in range(3))\ny = torch.tensor([1, -1, 1, -1, 1.])\n"
    "l = nn.CosineEmbeddingLoss(margin=0.2)(a1, p1, y)\nl.backward()\nl, a1.grad, l.grad_fn",
    "nn.MarginRankingLoss(margin=0.1)(a1[:, 0], p1[:, 0], y), "
    "nn.MarginRankingLoss(reduction='none')(a1[:, 0], p1[:, 0], y)",
    "a1.grad = None\nl = nn.TripletMarginLoss()(a1, p1, n1)\nl.backward()\nl, a1.grad, n1.grad",
    "nn.TripletMarginLoss(p=1, swap=True, reduction='sum')(a1, p1, n1), F.pairwise_distance(a1, p1), "
    "F.pairwise_distance(a1, p1, p=3, keepdim=True).shape, F.pairwise_distance(a1, p1).grad_fn",
    "F.cosine_embedding_loss(a1[0], p1[0], torch.tensor(-1.)), "
    "F.triplet_margin_loss(a1, p1, n1, margin=0.5, reduction='none')",
    "nn.CosineEmbeddingLoss(margin=0.5), nn.MarginRankingLoss(), nn.TripletMarginLoss(margin=2.0, p=1)",
    "nn.GroupNorm(3, 4)", "F.group_norm(x, 3)", "F.group_norm(torch.randn(1, 2), 2)",
    "nn.InstanceNorm2d(4)(torch.randn(4, 3))", "nn.InstanceNorm1d(3, affine=True)(torch.randn(2, 4, 5))",
    "nn.InstanceNorm1d(3)(torch.randn(2, 4, 5)).shape", "nn.InstanceNorm1d(3)(torch.randn(2, 3, 1))",
    "F.cosine_embedding_loss(a1, p1, torch.ones(5, 1))", "F.cosine_embedding_loss(a1[0], p1[0], torch.ones(5))",
    "F.margin_ranking_loss(a1, p1[:, 0], y)", "F.triplet_margin_loss(a1, p1, n1[0])",
    "F.triplet_margin_loss(a1, p1, n1, margin=0)", "nn.TripletMarginLoss(margin=-1)",
    "b(torch.randn(5, 2), v)", "F.bilinear(torch.randn(4, 3), v, b.weight)", "nn.Bilinear(0, 2, 3)",
]


def test_norms_bilinear_losses_same_as_pytorch():
    assert_same_as_pytorch(CELLS, corpus="nn_more", name="norm_losses", warns="per_cell")
