# Imitates the "Examples" blocks of PyTorch's loss pages nn.MultiMarginLoss (p, margin, weight),
# nn.MultiLabelMarginLoss, nn.MultiLabelSoftMarginLoss, nn.SoftMarginLoss, nn.HingeEmbeddingLoss,
# nn.CosineEmbeddingLoss and nn.MarginRankingLoss: every reduction, the reprs, grad_fn, .grad, and the errors a
# learner gets from wrong target dtypes and shapes.
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
loss = nn.MultiMarginLoss()
x = torch.tensor([[0.1, 0.2, 0.4, 0.8]], requires_grad=True)
y = torch.tensor([3])
print(loss, loss(x, y))
for kw in [dict(p=2), dict(margin=0.5), dict(weight=torch.tensor([1., 2., 3., 4.])), dict(p=2, margin=2.0, weight=torch.tensor([1., 2., 3., 4.]), reduction='sum'), dict(reduction='none')]:
    l = nn.MultiMarginLoss(**kw)
    out = l(x, y)
    print(l, out, out.grad_fn)
    x.grad = None
    out.sum().backward(); print(x.grad)
attempt(lambda: nn.MultiMarginLoss(p=3)(x, y))
attempt(lambda: nn.MultiMarginLoss()(x, y.float()))
attempt(lambda: nn.MultiMarginLoss()(x, torch.tensor([4])))
attempt(lambda: nn.MultiMarginLoss()(x, torch.tensor([1, 2])))
attempt(lambda: nn.MultiMarginLoss(weight=torch.ones(3))(x, y))
attempt(lambda: nn.MultiMarginLoss()(torch.randn(2, 3, 4), torch.tensor([1, 2])))
attempt(lambda: nn.MultiMarginLoss()(torch.randn(3), torch.tensor(1)))
attempt(lambda: nn.MultiMarginLoss()(torch.randn(3), torch.tensor([1])))


# %%
torch.manual_seed(1)
loss = nn.MultiLabelMarginLoss()
x = torch.FloatTensor([[0.1, 0.2, 0.4, 0.8]]).requires_grad_()
y = torch.LongTensor([[3, 0, -1, 1]])
out = loss(x, y)
print(loss, out, out.grad_fn)
out.backward(); print(x.grad)
print(nn.MultiLabelMarginLoss(reduction='none')(x, y), nn.MultiLabelMarginLoss(reduction='sum')(x, y))
print(loss(torch.tensor([0.1, 0.2, 0.4, 0.8]), torch.tensor([3, 0, -1, 1])))
attempt(lambda: loss(x, y.float()))
attempt(lambda: loss(x, torch.tensor([[3, 0, -1]])))
attempt(lambda: loss(x, torch.tensor([[3, 5, -1, 1]])))
attempt(lambda: loss(x, torch.tensor([3])))


# %%
torch.manual_seed(2)
x = torch.randn(3, 5, requires_grad=True)
t = torch.empty(3, 5).random_(2)
for l in [nn.MultiLabelSoftMarginLoss(), nn.MultiLabelSoftMarginLoss(weight=torch.arange(1., 6.)), nn.MultiLabelSoftMarginLoss(reduction='none'), nn.MultiLabelSoftMarginLoss(reduction='sum')]:
    out = l(x, t)
    print(l, out, out.grad_fn)
    g, = torch.autograd.grad(out.sum(), x); print(g)
attempt(lambda: nn.MultiLabelSoftMarginLoss()(x, t.long()))
attempt(lambda: nn.MultiLabelSoftMarginLoss()(x, t[:2]))
attempt(lambda: nn.MultiLabelSoftMarginLoss()(x, t[:, :4]))
attempt(lambda: nn.MultiLabelSoftMarginLoss(weight=torch.ones(4))(x, t))
y = torch.tensor([1., -1., 1., -1., 1.])
z = torch.randn(5, requires_grad=True)
for l in [nn.SoftMarginLoss(), nn.SoftMarginLoss(reduction='none'), nn.SoftMarginLoss(reduction='sum')]:
    out = l(z, y); print(l, out, out.grad_fn)
    g, = torch.autograd.grad(out.sum(), z); print(g)
attempt(lambda: nn.SoftMarginLoss()(z, y[:3]))
attempt(lambda: nn.SoftMarginLoss()(z, y.long()))
attempt(lambda: nn.SoftMarginLoss()(z, y.view(5, 1)))


# %%
torch.manual_seed(3)
for l in [nn.HingeEmbeddingLoss(), nn.HingeEmbeddingLoss(margin=0.5), nn.HingeEmbeddingLoss(reduction='none'), nn.HingeEmbeddingLoss(reduction='sum')]:
    out = l(z, y); print(l, out, out.grad_fn)
    g, = torch.autograd.grad(out.sum(), z); print(g)
attempt(lambda: nn.HingeEmbeddingLoss()(z, y.long()))
attempt(lambda: nn.HingeEmbeddingLoss()(z, y[:3]))
attempt(lambda: nn.HingeEmbeddingLoss()(z, torch.tensor([1., 0., 2., -1., 1.])))
i1 = torch.randn(3, 4, requires_grad=True); i2 = torch.randn(3, 4, requires_grad=True)
tt = torch.tensor([1, -1, 1])
for l in [nn.CosineEmbeddingLoss(), nn.CosineEmbeddingLoss(margin=0.2), nn.CosineEmbeddingLoss(reduction='none'), nn.CosineEmbeddingLoss(reduction='sum')]:
    out = l(i1, i2, tt); print(l, out, out.grad_fn)
    g1, g2 = torch.autograd.grad(out.sum(), (i1, i2)); print(g1, g2)
print(nn.CosineEmbeddingLoss()(i1[0], i2[0], torch.tensor(1)))
attempt(lambda: nn.CosineEmbeddingLoss()(i1, i2, tt[:2]))
attempt(lambda: nn.CosineEmbeddingLoss()(i1, i2[:2], tt))
attempt(lambda: nn.CosineEmbeddingLoss()(i1, i2, tt.view(3, 1)))
attempt(lambda: nn.CosineEmbeddingLoss()(i1, i2, tt.float()))
attempt(lambda: nn.CosineEmbeddingLoss()(torch.randn(2, 3, 4), torch.randn(2, 3, 4), torch.ones(2, 3)))
attempt(lambda: nn.CosineEmbeddingLoss()(i1[0], i2[0], tt))


# %%
torch.manual_seed(4)
a = torch.randn(3, requires_grad=True); b = torch.randn(3, requires_grad=True)
tg = torch.randn(3).sign()
for l in [nn.MarginRankingLoss(), nn.MarginRankingLoss(margin=0.5), nn.MarginRankingLoss(reduction='none'), nn.MarginRankingLoss(reduction='sum')]:
    out = l(a, b, tg); print(l, out, out.grad_fn)
    ga, gb = torch.autograd.grad(out.sum(), (a, b)); print(ga, gb)
attempt(lambda: nn.MarginRankingLoss()(a, b, tg[:2]))
attempt(lambda: nn.MarginRankingLoss()(a, b[:2], tg))
attempt(lambda: nn.MarginRankingLoss()(a, b, tg.long()))
attempt(lambda: nn.MarginRankingLoss()(a.view(3, 1), b, tg))
attempt(lambda: nn.MarginRankingLoss()(torch.randn(2,3), torch.randn(2,3), torch.ones(2,3)))
