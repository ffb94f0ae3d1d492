# Imitates HobbitLong's SupContrast losses.py (SupConLoss, the most copied supervised-contrastive loss) and the
# InfoNCE implementations of blog posts (RElbers' info-nce-pytorch, CPC tutorials): features as [bsz, n_views, d],
# torch.cat(torch.unbind(features, dim=1)), the mask from torch.eq(labels, labels.T), logits_max detached for
# stability, the self-contrast mask built with torch.scatter, mean log-likelihood over positives with torch.where
# guarding empty positive sets, InfoNCE with paired / unpaired negatives, soft-label and label-smoothed
# cross_entropy, and the errors the learners hit.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class SupConLoss(nn.Module):
    def __init__(self, temperature=0.07, contrast_mode="all", base_temperature=0.07):
        super().__init__()
        self.temperature = temperature
        self.contrast_mode = contrast_mode
        self.base_temperature = base_temperature

    def forward(self, features, labels=None, mask=None):
        device = torch.device("cuda") if features.is_cuda else torch.device("cpu")
        if len(features.shape) < 3:
            raise ValueError("`features` needs to be [bsz, n_views, ...], at least 3 dimensions are required")
        if len(features.shape) > 3:
            features = features.view(features.shape[0], features.shape[1], -1)
        batch_size = features.shape[0]
        if labels is not None and mask is not None:
            raise ValueError("Cannot define both `labels` and `mask`")
        elif labels is None and mask is None:
            mask = torch.eye(batch_size, dtype=torch.float32).to(device)
        elif labels is not None:
            labels = labels.contiguous().view(-1, 1)
            if labels.shape[0] != batch_size:
                raise ValueError("Num of labels does not match num of features")
            mask = torch.eq(labels, labels.T).float().to(device)
        else:
            mask = mask.float().to(device)
        contrast_count = features.shape[1]
        contrast_feature = torch.cat(torch.unbind(features, dim=1), dim=0)
        if self.contrast_mode == "one":
            anchor_feature = features[:, 0]
            anchor_count = 1
        elif self.contrast_mode == "all":
            anchor_feature = contrast_feature
            anchor_count = contrast_count
        else:
            raise ValueError("Unknown mode: {}".format(self.contrast_mode))
        anchor_dot_contrast = torch.div(torch.matmul(anchor_feature, contrast_feature.T), self.temperature)
        logits_max, _ = torch.max(anchor_dot_contrast, dim=1, keepdim=True)
        logits = anchor_dot_contrast - logits_max.detach()
        mask = mask.repeat(anchor_count, contrast_count)
        logits_mask = torch.scatter(torch.ones_like(mask), 1,
                                    torch.arange(batch_size * anchor_count).view(-1, 1).to(device), 0)
        mask = mask * logits_mask
        exp_logits = torch.exp(logits) * logits_mask
        log_prob = logits - torch.log(exp_logits.sum(1, keepdim=True))
        mask_pos_pairs = mask.sum(1)
        mask_pos_pairs = torch.where(mask_pos_pairs < 1e-6, 1, mask_pos_pairs)
        mean_log_prob_pos = (mask * log_prob).sum(1) / mask_pos_pairs
        loss = - (self.temperature / self.base_temperature) * mean_log_prob_pos
        loss = loss.view(anchor_count, batch_size).mean()
        return loss

encoder = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 8))
x = torch.randn(6, 6)
labels = torch.tensor([0, 1, 0, 2, 1, 0])
f1 = F.normalize(encoder(x + 0.1 * torch.randn_like(x)), dim=1)
f2 = F.normalize(encoder(x + 0.1 * torch.randn_like(x)), dim=1)
features = torch.cat([f1.unsqueeze(1), f2.unsqueeze(1)], dim=1)
print(features.shape, torch.eq(labels.view(-1, 1), labels.view(-1, 1).T).int())
criterion = SupConLoss(temperature=0.1)
loss = criterion(features, labels)
print(loss, criterion(features), SupConLoss(contrast_mode="one")(features, labels))
loss.backward()
print([f"{p.grad.norm().item():.4f}" for p in encoder.parameters()])
print(torch.scatter(torch.ones(3, 3), 1, torch.arange(3).view(-1, 1), 0))

# %%
for bad in [lambda: criterion(f1, labels), lambda: criterion(features, labels[:4]),
            lambda: criterion(features, labels, mask=torch.eye(6)),
            lambda: SupConLoss(contrast_mode="two")(features, labels),
            lambda: torch.scatter(torch.ones(3, 3), 1, torch.arange(3), 0),
            lambda: torch.scatter(torch.ones(3, 3), 1, torch.arange(3).view(-1, 1).float(), 0),
            lambda: torch.eq(labels, labels.view(-1, 1)[:4].T)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.where(torch.tensor([0.0, 2.0]) < 1e-6, 1, torch.tensor([0.0, 2.0])),
      torch.where(torch.tensor([0, 2]) < 1, 1.5, torch.tensor([0, 2])).dtype)

# %%
def info_nce(query, positive_key, negative_keys=None, temperature=0.1, reduction="mean", negative_mode="unpaired"):
    query, positive_key = F.normalize(query, dim=-1), F.normalize(positive_key, dim=-1)
    if negative_keys is not None:
        negative_keys = F.normalize(negative_keys, dim=-1)
        positive_logit = torch.sum(query * positive_key, dim=1, keepdim=True)
        if negative_mode == "unpaired":
            negative_logits = query @ negative_keys.transpose(-2, -1)
        elif negative_mode == "paired":
            query = query.unsqueeze(1)
            negative_logits = query @ negative_keys.transpose(-2, -1)
            negative_logits = negative_logits.squeeze(1)
        logits = torch.cat([positive_logit, negative_logits], dim=1)
        labels = torch.zeros(len(logits), dtype=torch.long, device=query.device)
    else:
        logits = query @ positive_key.transpose(-2, -1)
        labels = torch.arange(len(query), device=query.device)
    return F.cross_entropy(logits / temperature, labels, reduction=reduction)

q = torch.randn(4, 8, requires_grad=True)
p = torch.randn(4, 8)
print(info_nce(q, p), info_nce(q, p, torch.randn(10, 8)), info_nce(q, p, torch.randn(4, 5, 8), negative_mode="paired"))
print(info_nce(q, p, reduction="none"), info_nce(q, p, reduction="sum").grad_fn)
g, = torch.autograd.grad(info_nce(q, p), q)
print(g.norm(), g.sum(dim=1))

# %%
logits = torch.randn(4, 5, requires_grad=True)
soft = F.softmax(torch.randn(4, 5), dim=1)
print(F.cross_entropy(logits, soft), F.cross_entropy(logits, torch.tensor([0, 1, 2, 3]), label_smoothing=0.1))
print(F.cross_entropy(logits, torch.tensor([0, -100, 2, -100])), F.cross_entropy(logits, torch.tensor([-100] * 4)))
print(F.cross_entropy(logits, soft, label_smoothing=0.2), F.cross_entropy(logits, torch.tensor([1, 1, 4, 4]), ignore_index=4))
for bad in [lambda: F.cross_entropy(logits, torch.tensor([0, 1, 2, 5])),
            lambda: F.cross_entropy(logits, soft[:, :4]),
            lambda: F.cross_entropy(logits, torch.tensor([0, 1, 2])),
            lambda: F.cross_entropy(logits, torch.tensor([0, 1, 2, 3]), label_smoothing=1.5),
            lambda: F.cross_entropy(logits, soft.double()),
            lambda: F.cross_entropy(logits, soft, ignore_index=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
