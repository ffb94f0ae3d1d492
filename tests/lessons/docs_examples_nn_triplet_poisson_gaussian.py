# Imitates the "Examples" blocks of PyTorch's loss pages nn.TripletMarginLoss, nn.TripletMarginWithDistanceLoss
# (nn.PairwiseDistance, an l_infinity function and a cosine lambda; swap=True), nn.PoissonNLLLoss (log_input, full)
# and nn.GaussianNLLLoss (var shapes, eps, full), with reductions, grad_fn, .grad and shape/dtype errors.
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(make):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)


# %%
torch.manual_seed(0)
triplet_loss = nn.TripletMarginLoss(margin=1.0, p=2, eps=1e-7)
anchor = torch.randn(10, 8, requires_grad=True)
positive = torch.randn(10, 8, requires_grad=True)
negative = torch.randn(10, 8, requires_grad=True)
output = triplet_loss(anchor, positive, negative)
print(triplet_loss, output, output.grad_fn)
output.backward(); print(anchor.grad[0], negative.grad[0])
for l in [nn.TripletMarginLoss(swap=True), nn.TripletMarginLoss(p=1, reduction='none'), nn.TripletMarginLoss(reduction='sum', margin=0.1), nn.TripletMarginLoss(p=3)]:
    o = l(anchor, positive, negative); print(l, o, o.grad_fn)
attempt(lambda: triplet_loss(anchor, positive[:5], negative))
attempt(lambda: triplet_loss(anchor, positive, negative[:, :4]))
attempt(lambda: triplet_loss(anchor[0], positive, negative))
attempt(lambda: triplet_loss(anchor[0], positive[0], negative[0]))
attempt(lambda: triplet_loss(torch.randn(2,3,4), torch.randn(2,3,4), torch.randn(2,3,4)))
attempt(lambda: nn.TripletMarginLoss(margin=-1)(anchor, positive, negative))
attempt(lambda: nn.TripletMarginLoss(margin=0.0)(anchor, positive, negative))


# %%
torch.manual_seed(1)
embedding = nn.Embedding(1000, 8)
anchor_ids = torch.randint(0, 1000, (1,))
positive_ids = torch.randint(0, 1000, (1,))
negative_ids = torch.randint(0, 1000, (1,))
anchor = embedding(anchor_ids)
positive = embedding(positive_ids)
negative = embedding(negative_ids)
triplet_loss = nn.TripletMarginWithDistanceLoss(distance_function=nn.PairwiseDistance())
output = triplet_loss(anchor, positive, negative)
print(triplet_loss, output, output.grad_fn)
output.backward()
print(embedding.weight.grad.nonzero().shape)
def l_infinity(x1, x2):
    return torch.max(torch.abs(x1 - x2), dim=1).values
triplet_loss = nn.TripletMarginWithDistanceLoss(distance_function=l_infinity, margin=1.5)
output = triplet_loss(anchor, positive, negative)
print(triplet_loss, output, output.grad_fn)
output.backward()
triplet_loss = nn.TripletMarginWithDistanceLoss(distance_function=lambda x, y: 1.0 - F.cosine_similarity(x, y))
output = triplet_loss(anchor, positive, negative)
print(triplet_loss, output, output.grad_fn)
output.backward()
print(nn.TripletMarginWithDistanceLoss(), nn.TripletMarginWithDistanceLoss(swap=True, reduction='none'))
a, p, n = torch.randn(4, 3), torch.randn(4, 3), torch.randn(4, 3)
print(nn.TripletMarginWithDistanceLoss(swap=True, reduction='none')(a, p, n))
print(nn.TripletMarginWithDistanceLoss(swap=True, distance_function=nn.PairwiseDistance(p=1), reduction='sum')(a, p, n))
print(nn.PairwiseDistance(), nn.PairwiseDistance(p=1, keepdim=True), nn.CosineSimilarity())
attempt(lambda: nn.TripletMarginWithDistanceLoss(margin=-1.0))
attempt(lambda: nn.TripletMarginWithDistanceLoss(margin=0.0)(a, p, n))
attempt(lambda: nn.TripletMarginWithDistanceLoss()(a, p[:2], n))
attempt(lambda: nn.TripletMarginWithDistanceLoss()(a[0], p, n))
attempt(lambda: nn.TripletMarginWithDistanceLoss(distance_function=lambda x, y: (x - y).abs())(a, p, n))
attempt(lambda: nn.TripletMarginWithDistanceLoss(reduction='avg')(a, p, n))
attempt(lambda: nn.TripletMarginLoss(reduction='avg')(a, p, n))


# %%
torch.manual_seed(2)
loss = nn.PoissonNLLLoss()
log_input = torch.randn(5, 2, requires_grad=True)
target = torch.randn(5, 2)
output = loss(log_input, target)
print(loss, output, output.grad_fn)
output.backward(); print(log_input.grad)
rate = torch.rand(5, 2, requires_grad=True)
tp = torch.poisson(torch.full((5, 2), 3.0))
for l in [nn.PoissonNLLLoss(log_input=False), nn.PoissonNLLLoss(full=True), nn.PoissonNLLLoss(log_input=False, full=True, reduction='none'), nn.PoissonNLLLoss(eps=1e-4, reduction='sum', log_input=False)]:
    o = l(rate, tp); print(l, o, o.grad_fn)
    g, = torch.autograd.grad(o.sum(), rate); print(g)
attempt(lambda: loss(log_input, target[:3]))
attempt(lambda: loss(log_input, target.long()))
attempt(lambda: loss(log_input, target[0]))
attempt(lambda: nn.PoissonNLLLoss(reduction='bad')(log_input, target))


# %%
torch.manual_seed(3)
loss = nn.GaussianNLLLoss()
input = torch.randn(5, 2, requires_grad=True)
target = torch.randn(5, 2)
var = torch.ones(5, 2, requires_grad=True)
output = loss(input, target, var)
print(loss, output, output.grad_fn)
output.backward(); print(input.grad, var.grad)
var = torch.ones(5, 1, requires_grad=True)
output = loss(input, target, var)
output.backward(); print(output, var.grad)
print(loss(input, target, torch.ones(5)), loss(input, target, 2.0) if hasattr(torch, "__version__") else 0)
for l in [nn.GaussianNLLLoss(full=True), nn.GaussianNLLLoss(eps=0.5), nn.GaussianNLLLoss(reduction='none'), nn.GaussianNLLLoss(reduction='sum', full=True)]:
    print(l, l(input, target, torch.rand(5, 2) * 0.3))
attempt(lambda: loss(input, target, -torch.ones(5, 2)))
attempt(lambda: loss(input, target, torch.ones(5, 3)))
attempt(lambda: loss(input, target, torch.ones(4)))
attempt(lambda: loss(input, target[:3], torch.ones(5, 2)))
attempt(lambda: loss(input, target, torch.ones(2)))
attempt(lambda: loss(input, target, torch.ones(5, 2, 1)))
attempt(lambda: nn.GaussianNLLLoss(reduction='avg')(input, target, torch.ones(5, 2)))
attempt(lambda: loss(input, target, -1.0))
