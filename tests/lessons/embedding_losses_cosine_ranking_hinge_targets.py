# Imitates the loss-function tours of metric-learning courses: nn.CosineEmbeddingLoss, nn.MarginRankingLoss and
# nn.HingeEmbeddingLoss on pairs of embeddings, with the targets learners pass (0/1 instead of -1/1, wrong shapes,
# int dtypes) and the errors that follow; F.cosine_similarity with broadcasting and eps.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

# %%
e1 = torch.randn(4, 5, requires_grad=True)
e2 = torch.randn(4, 5, requires_grad=True)
y = torch.tensor([1, -1, 1, -1])
cel = nn.CosineEmbeddingLoss(margin=0.2)
loss = cel(e1, e2, y)
print(cel, loss, loss.grad_fn)
loss.backward()
print(e1.grad)
print(e2.grad)

# %%
for red in ('none', 'sum', 'mean'):
    print(red, F.cosine_embedding_loss(e1, e2, y.float(), margin=-0.5, reduction=red))
print(F.cosine_embedding_loss(e1, e2, torch.tensor([1, 0, 1, 0])))
print(F.cosine_embedding_loss(e1, e2, torch.tensor([1., 2., 1., 1.])))
print(F.cosine_embedding_loss(e1[0], e2[0], torch.tensor(1)))
print(F.cosine_embedding_loss(e1, e2, torch.ones(4, dtype=torch.int32)))

# %%
for args in [(e1, e2, y[:3]), (e1, e2[:3], y), (e1, e2, y.view(4, 1)), (e1[0], e2[0], y), (e1, e2, y.bool()),
             (e1, e2.double(), y), (e1[None], e2[None], y[None]), (e1, e2, 1)]:
    try:
        print(F.cosine_embedding_loss(*args))
    except Exception as ex:
        print(type(ex).__name__, ex)

# %%
s1 = torch.randn(6, requires_grad=True)
s2 = torch.randn(6, requires_grad=True)
t = torch.tensor([1., -1., 1., 1., -1., -1.])
mrl = nn.MarginRankingLoss(margin=0.5)
l = mrl(s1, s2, t)
l.backward()
print(mrl, l, l.grad_fn, s1.grad, s2.grad)
print(F.margin_ranking_loss(s1, s2, t, reduction='none'))
print(F.margin_ranking_loss(s1, s2, torch.tensor([1, 0, 1, 1, 0, 0]).float()))
print(F.margin_ranking_loss(s1[:, None], s2, t).shape if False else F.margin_ranking_loss(s1[:, None], s2[None], t[None], reduction='none').shape)

# %%
for args in [(s1, s2, t[:4]), (s1, s2[:3], t), (s1, s2, t.long()), (s1.view(2, 3), s2.view(3, 2), t), (s1, s2, torch.tensor(1.0)),
             (s1[0], s2[0], t[0]), (s1, s2, t.view(2, 3))]:
    try:
        print(F.margin_ranking_loss(*args))
    except Exception as ex:
        print(type(ex).__name__, ex)

# %%
dist = torch.rand(8, requires_grad=True) * 2
yh = torch.tensor([1, -1, 1, -1, -1, 1, 1, -1])
hel = nn.HingeEmbeddingLoss(margin=1.0)
l = hel(dist, yh)
print(hel, l, l.grad_fn)
l.backward()
print(F.hinge_embedding_loss(dist, yh, reduction='none'))
print(F.hinge_embedding_loss(dist, yh.float(), margin=0.5, reduction='sum'))
print(F.hinge_embedding_loss(dist, torch.tensor([1, 0, 1, 0, 0, 1, 1, 0])))
print(F.hinge_embedding_loss(dist, torch.tensor([2, -2, 1, -1, -1, 1, 1, -1])))
print(F.hinge_embedding_loss(dist.view(2, 4), yh.view(2, 4), reduction='none'))
print(F.hinge_embedding_loss(dist, torch.tensor(-1)))

# %%
for args in [(dist, yh[:5]), (dist, yh.view(2, 4)), (dist.long(), yh), (dist, yh.bool()), (dist.view(2,4), yh.view(4,2))]:
    try:
        print(F.hinge_embedding_loss(*args))
    except Exception as ex:
        print(type(ex).__name__, ex)

# %%
a = torch.randn(3, 1, 5, requires_grad=True)
b = torch.randn(1, 4, 5)
cs = F.cosine_similarity(a, b, dim=-1)
print(cs, cs.shape, cs.grad_fn)
cs.sum().backward()
print(a.grad)
print(F.cosine_similarity(a, b, dim=0).shape)
print(F.cosine_similarity(torch.zeros(2, 3), torch.ones(2, 3)))
print(F.cosine_similarity(torch.zeros(2, 3), torch.ones(2, 3), eps=0.5))
print(nn.CosineSimilarity(dim=0, eps=1e-6)(torch.randn(4), torch.randn(4)))
print(F.cosine_similarity(torch.tensor([1., 2., 3.]), torch.tensor([1., 2., 3.])))
print(F.cosine_similarity(torch.tensor([1, 2, 3]).float(), torch.tensor([[1., 0, 0], [0, 1, 0]])))

# %%
for args, kw in [((torch.randn(3, 5), torch.randn(4, 5)), {}), ((torch.randn(3, 5), torch.randn(3, 4)), {}),
                 ((torch.randn(3, 5), torch.randn(3, 5)), dict(dim=2)), ((torch.tensor([1, 2]), torch.tensor([1, 2])), {}),
                 ((torch.randn(3, 5), torch.randn(3, 5).double()), {})]:
    try:
        print(F.cosine_similarity(*args, **kw))
    except Exception as ex:
        print(type(ex).__name__, ex)

# %%
# code from older tutorials: reduction='elementwise_mean', size_average=False, targets as Python lists / numpy
old = nn.MarginRankingLoss(margin=0.1, reduction='elementwise_mean')
print(old(s1, s2, t))
print(nn.CosineEmbeddingLoss(reduction='elementwise_mean')(e1, e2, y))
print(F.hinge_embedding_loss(dist, yh, reduction='elementwise_mean'), F.triplet_margin_loss(e1, e2, e2.flip(0), reduction='elementwise_mean'))
print(F.hinge_embedding_loss(dist, yh, size_average=False))
for call in (lambda: F.cosine_embedding_loss(e1, e2, [1, -1, 1, -1]), lambda: F.cosine_embedding_loss(e1, e2, 1),
             lambda: F.hinge_embedding_loss(dist, 1), lambda: F.hinge_embedding_loss(dist.detach().numpy(), yh),
             lambda: F.pairwise_distance(e1, e2.detach().numpy()), lambda: F.pairwise_distance(e1, e2, p='2'),
             lambda: F.margin_ranking_loss(s1, s2, 1)):
    try:
        print(call())
    except Exception as ex:
        print(type(ex).__name__, ex)

# %%
# half-precision embeddings (a model run under .half()) against float32 ones
torch.manual_seed(2)
h = torch.randn(3, 6).half()
f = torch.randn(3, 6)
print(F.cosine_similarity(h, f), F.cosine_similarity(f, h.float()))
print(F.cosine_similarity(h, h), F.pairwise_distance(h, h), F.pairwise_distance(h, f.half()))
hq = h.clone().requires_grad_()
d = F.pairwise_distance(hq, f.half())
d.sum().backward()
print(d, hq.grad)
