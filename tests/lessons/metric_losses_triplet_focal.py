# Imitates metric-learning / custom-loss tutorials: focal loss, contrastive (siamese) loss, triplet losses,
# knowledge distillation with KLDivLoss (log_target), label smoothing in cross_entropy, cosine embedding loss.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(6, 4, requires_grad=True)
target = torch.tensor([0, 1, 2, 3, 1, 0])
def focal_loss(logits, target, gamma=2.0, alpha=0.25):
    ce = F.cross_entropy(logits, target, reduction="none")
    pt = torch.exp(-ce)
    return (alpha * (1 - pt) ** gamma * ce).mean()
loss = focal_loss(logits, target)
loss.backward()
print(loss, logits.grad.sum(0))
print(F.cross_entropy(logits, target, label_smoothing=0.1), F.cross_entropy(logits, target, label_smoothing=0.1,
      weight=torch.tensor([1., 2., 1., .5])))
print(F.cross_entropy(logits, target, ignore_index=1, label_smoothing=0.2, reduction="sum"))

# %%
def binary_focal(logits, targets, gamma=2.0):
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    return (ce * ((1 - p_t) ** gamma)).mean()
z = torch.randn(8, requires_grad=True)
t = (torch.rand(8) > 0.5).float()
print(binary_focal(z, t))
print(F.binary_cross_entropy_with_logits(z, t, pos_weight=torch.tensor(3.0)))
print(F.binary_cross_entropy_with_logits(z.view(4, 2), t.view(4, 2), pos_weight=torch.tensor([1.0, 2.0])))

# %%
class ContrastiveLoss(nn.Module):
    def __init__(self, margin=1.0):
        super().__init__()
        self.margin = margin
    def forward(self, o1, o2, label):
        d = F.pairwise_distance(o1, o2, keepdim=True)
        return torch.mean((1 - label) * d.pow(2) + label * torch.clamp(self.margin - d, min=0.0).pow(2))
a, b = torch.randn(5, 3, requires_grad=True), torch.randn(5, 3)
lab = torch.tensor([[0.], [1.], [0.], [1.], [1.]])
l = ContrastiveLoss()(a, b, lab)
l.backward()
print(l, a.grad)
print(F.pairwise_distance(a, b), F.cosine_similarity(a, b), F.pairwise_distance(a, b, p=1, eps=0))

# %%
anc, pos, neg = torch.randn(4, 5), torch.randn(4, 5), torch.randn(4, 5)
print(nn.TripletMarginLoss(margin=1.0, p=2)(anc, pos, neg))
print(nn.TripletMarginLoss(margin=0.5, swap=True, reduction="none")(anc, pos, neg))
tl = nn.TripletMarginWithDistanceLoss(distance_function=lambda x, y: 1.0 - F.cosine_similarity(x, y), margin=0.3)
print(tl, tl(anc, pos, neg))
print(nn.TripletMarginWithDistanceLoss()(anc, pos, neg))
print(nn.CosineEmbeddingLoss(margin=0.2)(anc, pos, torch.tensor([1, -1, 1, -1])))
print(nn.MarginRankingLoss(margin=0.1)(anc[:, 0], pos[:, 0], torch.tensor([1., -1., 1., -1.])))

# %%
T = 4.0
student = torch.randn(3, 5, requires_grad=True)
teacher = torch.randn(3, 5)
kd = nn.KLDivLoss(reduction="batchmean")(F.log_softmax(student / T, dim=1), F.softmax(teacher / T, dim=1)) * T * T
kd2 = F.kl_div(F.log_softmax(student / T, 1), F.log_softmax(teacher / T, 1), reduction="batchmean", log_target=True)
print(kd, kd2 * T * T)
kd.backward()
print(student.grad)
print(F.kl_div(F.log_softmax(student, 1), F.softmax(teacher, 1)))
print(nn.KLDivLoss(reduction="mean"))

# %%
print(nn.HingeEmbeddingLoss(margin=1.0)(torch.tensor([0.3, 2.0, -1.0]), torch.tensor([1, -1, -1])))
print(nn.SoftMarginLoss()(torch.randn(4), torch.tensor([1., -1., 1., 1.])))
print(nn.MultiLabelSoftMarginLoss()(torch.randn(2, 3), torch.tensor([[1., 0., 1.], [0., 1., 0.]])))
print(nn.MultiMarginLoss(p=2, margin=0.5)(torch.randn(3, 4), torch.tensor([0, 3, 1])))
print(nn.PoissonNLLLoss(log_input=False, full=True)(torch.rand(4) + 0.5, torch.tensor([1., 0., 3., 2.])))
print(nn.GaussianNLLLoss()(torch.randn(4, 2), torch.randn(4, 2), torch.rand(4, 1) + 0.1))
