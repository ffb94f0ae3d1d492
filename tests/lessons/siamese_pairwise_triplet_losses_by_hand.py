# Imitates Siamese-network tutorials (contrastive loss by hand on F.pairwise_distance) and triplet-loss lessons:
# nn.TripletMarginLoss / F.triplet_margin_loss with margin, p and swap, TripletMarginWithDistanceLoss with a custom
# distance, and the shape errors learners hit.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

# %%
class SiameseNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4))
    def forward_once(self, x):
        return self.fc(x)
    def forward(self, x1, x2):
        return self.forward_once(x1), self.forward_once(x2)

net = SiameseNet()
x1, x2 = torch.randn(6, 8), torch.randn(6, 8)
label = torch.tensor([0, 1, 0, 1, 1, 0]).float()
o1, o2 = net(x1, x2)
d = F.pairwise_distance(o1, o2)
print(d, d.shape, d.grad_fn)

# %%
class ContrastiveLoss(nn.Module):
    def __init__(self, margin=2.0):
        super().__init__()
        self.margin = margin
    def forward(self, output1, output2, label):
        euclidean_distance = F.pairwise_distance(output1, output2, keepdim=True)
        loss = torch.mean((1 - label) * torch.pow(euclidean_distance, 2) +
                          label * torch.pow(torch.clamp(self.margin - euclidean_distance, min=0.0), 2))
        return loss

crit = ContrastiveLoss()
loss = crit(o1, o2, label)
print(loss, loss.grad_fn)
loss.backward()
print(net.fc[0].weight.grad[:2])
print(net.fc[2].bias.grad)

# %%
net.zero_grad()
o1, o2 = net(x1, x2)
d = F.pairwise_distance(o1, o2)
loss = torch.mean((1 - label) * d.pow(2) + label * F.relu(2.0 - d).pow(2)) / 2
loss.backward()
print(loss.item(), net.fc[2].bias.grad)
print(F.pairwise_distance(o1, o2, p=1.0), F.pairwise_distance(o1, o2, p=float('inf')))
print(F.pairwise_distance(o1, o2, p=0))
print(F.pairwise_distance(o1[0], o2[0]), F.pairwise_distance(o1, o2[0]).shape)
print(F.pairwise_distance(o1, o1))
print(nn.PairwiseDistance(p=3, eps=1e-3, keepdim=True)(o1, o2))

# %%
a = torch.zeros(3, 4, requires_grad=True)
b = torch.zeros(3, 4)
dd = F.pairwise_distance(a, b)
dd.sum().backward()
print(dd, a.grad)

# %%
try:
    F.pairwise_distance(torch.randn(4, 5), torch.randn(3, 5))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.pairwise_distance(torch.randn(4, 5), torch.randn(4, 6))
except Exception as e:
    print(type(e).__name__, e)
try:
    crit(o1, o2, label.view(-1, 1).repeat(1, 2))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
anchor = torch.randn(5, 4, requires_grad=True)
positive = anchor.detach() + 0.1 * torch.randn(5, 4)
negative = torch.randn(5, 4, requires_grad=True)
triplet = nn.TripletMarginLoss(margin=1.0, p=2)
l = triplet(anchor, positive, negative)
print(l, l.grad_fn)
l.backward()
print(anchor.grad)
print(negative.grad)
print(triplet)

# %%
for kw in [dict(margin=0.5), dict(p=1), dict(swap=True), dict(reduction='none'), dict(reduction='sum', margin=3.0),
           dict(p=3, eps=1e-3), dict(margin=0.0)]:
    print(kw, F.triplet_margin_loss(anchor, positive, negative, **kw))

# %%
anchor.grad = None
l = F.triplet_margin_loss(anchor, positive, negative, swap=True, margin=2.0)
l.backward()
print(l, anchor.grad)

# %%
def cos_dist(x, y):
    return 1.0 - F.cosine_similarity(x, y)
tl = nn.TripletMarginWithDistanceLoss(distance_function=cos_dist, margin=0.3)
print(tl)
anchor.grad = None
l = tl(anchor, positive, negative)
l.backward()
print(l, l.grad_fn, anchor.grad)
tl2 = nn.TripletMarginWithDistanceLoss(distance_function=nn.PairwiseDistance(), swap=True, reduction='none')
print(tl2(anchor, positive, negative))
print(nn.TripletMarginWithDistanceLoss()(anchor, positive, negative))
print(F.triplet_margin_with_distance_loss(anchor, positive, negative, distance_function=lambda x, y: (x - y).abs().sum(-1)))

# %%
try:
    triplet(anchor, positive, negative[:3])
except Exception as e:
    print(type(e).__name__, e)
try:
    triplet(anchor, positive[:, :3], negative)
except Exception as e:
    print(type(e).__name__, e)
try:
    triplet(anchor[0], positive, negative)
except Exception as e:
    print(type(e).__name__, e)
try:
    tl(anchor, positive, negative[:2])
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.TripletMarginWithDistanceLoss(margin=-1.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.TripletMarginLoss(margin=1.0, p=2)(anchor, positive.long(), negative)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.triplet_margin_loss(anchor, positive, negative, reduction='avg')
except Exception as e:
    print(type(e).__name__, e)

# %%
print(F.triplet_margin_loss(anchor[0], positive[0], negative[0]))
print(F.triplet_margin_loss(anchor.double(), positive.double(), negative.double()))
print(F.triplet_margin_loss(anchor[None], positive[None], negative[None], reduction='none').shape)
