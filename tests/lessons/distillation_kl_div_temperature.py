# Imitates Hinton-style knowledge-distillation code from the PyTorch KD tutorial and popular repos
# (haitongli/knowledge-distillation-pytorch's loss_fn_kd): F.kl_div with reduction variants, log_target=True,
# the T**2 factor, nn.KLDivLoss, soft-target cross_entropy, label smoothing, and the warnings and errors on the way.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
student_logits = torch.randn(4, 5, requires_grad=True)
teacher_logits = torch.randn(4, 5)
labels = torch.tensor([0, 3, 1, 4])
T, alpha = 4.0, 0.7

def loss_fn_kd(outputs, labels, teacher_outputs):
    kd = nn.KLDivLoss(reduction="batchmean")(F.log_softmax(outputs / T, dim=1), F.softmax(teacher_outputs / T, dim=1))
    return kd * (alpha * T * T) + F.cross_entropy(outputs, labels) * (1. - alpha)

loss = loss_fn_kd(student_logits, labels, teacher_logits)
loss.backward()
print(loss, student_logits.grad.sum(dim=1))

# %%
s = F.log_softmax(student_logits / T, dim=-1)
t_prob = F.softmax(teacher_logits / T, dim=-1)
t_log = F.log_softmax(teacher_logits / T, dim=-1)
for red in ["none", "sum", "batchmean"]:
    a = F.kl_div(s, t_prob, reduction=red)
    b = F.kl_div(s, t_log, reduction=red, log_target=True)
    print(red, a.shape, torch.allclose(a, b), a.grad_fn.name())
print(F.kl_div(s, t_prob, reduction="mean"))
print(nn.KLDivLoss())
print(nn.KLDivLoss(reduction="batchmean", log_target=True))

# %%
for make in [
    lambda: F.kl_div(s, t_prob, reduction="avg"),
    lambda: F.kl_div(s, t_prob[:2]),
    lambda: F.kl_div(s, t_prob[:, :1], reduction="sum"),
    lambda: F.kl_div(s, labels, reduction="batchmean"),
    lambda: F.kl_div(s, t_prob, size_average=False),
    lambda: F.kl_div(s, t_prob, reduce=False),
    lambda: nn.KLDivLoss(size_average=True),
]:
    try:
        out = make()
        print("ok", out if not torch.is_tensor(out) else (out.shape, out.dtype))
    except Exception as e:
        print(type(e).__name__, e)

# %%
# soft targets straight into cross_entropy, with and without label smoothing
soft = F.softmax(teacher_logits / T, dim=1)
ce_soft = F.cross_entropy(student_logits / T, soft)
manual = -(soft * F.log_softmax(student_logits / T, dim=1)).sum(dim=1).mean()
print(ce_soft, torch.allclose(ce_soft, manual))
print(F.cross_entropy(student_logits, labels, label_smoothing=0.1))
print(F.cross_entropy(student_logits, soft, label_smoothing=0.1))
print(F.cross_entropy(student_logits, soft, reduction="none").shape)
for make in [
    lambda: F.cross_entropy(student_logits, soft.double()),
    lambda: F.cross_entropy(student_logits, labels.float()),
    lambda: F.cross_entropy(student_logits, labels, label_smoothing=1.5),
    lambda: F.cross_entropy(student_logits, soft[:, :3]),
    lambda: F.cross_entropy(student_logits, soft, ignore_index=0),
]:
    try:
        out = make()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# the implicit-dim softmax warning a lot of old KD code triggers, and the tutorial's cosine / MSE hint losses
p = F.softmax(teacher_logits)
print(p.sum(1))
lp = F.log_softmax(student_logits)
print(lp.shape)
hidden_s = torch.randn(4, 8, requires_grad=True)
hidden_t = torch.randn(4, 8)
cos = nn.CosineEmbeddingLoss()(hidden_s, hidden_t, torch.ones(4))
print(cos, cos.grad_fn.name())
mse = nn.MSELoss()(hidden_s, hidden_t.unsqueeze(0))
print(mse.shape)

# %%
# temperature sweep: the softened distribution's entropy grows with T
for temp in [1, 2, 5, 10]:
    pr = F.softmax(teacher_logits[0] / temp, dim=-1)
    ent = -(pr * pr.log()).sum()
    print(temp, pr.max().item() > 0.2, round(ent.item(), 4))
kl_same = F.kl_div(t_log, t_log, reduction="batchmean", log_target=True)
print(kl_same, F.kl_div(t_log, t_prob, reduction="sum"))
zero_t = torch.zeros(2, 3)
print(F.kl_div(torch.full((2, 3), -1.0), zero_t, reduction="sum"))
print(F.kl_div(torch.full((2, 3), -1.0), zero_t, reduction="sum", log_target=True))
