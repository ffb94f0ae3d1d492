# Imitates DINO's official code (facebookresearch/dino main_dino.py DINOLoss, utils.py, vision_transformer.py
# DINOHead): a head with a weight-normalised last layer (nn.utils.weight_norm, weight_g filled with 1 and frozen),
# multi-crop outputs split with chunk, a teacher temperature warm-up from np.linspace, centering and sharpening
# with a center buffer updated by EMA, the cross-entropy over pairs of different views, clip_gradients that
# prints each parameter's grad norm, cancel_gradients_last_layer, and the momentum teacher update.
import copy
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class DINOHead(nn.Module):
    def __init__(self, in_dim=6, out_dim=10, hidden_dim=16, bottleneck_dim=4):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(in_dim, hidden_dim), nn.GELU(), nn.Linear(hidden_dim, bottleneck_dim))
        self.apply(self._init_weights)
        self.last_layer = nn.utils.weight_norm(nn.Linear(bottleneck_dim, out_dim, bias=False))
        self.last_layer.weight_g.data.fill_(1)
        self.last_layer.weight_g.requires_grad = False

    def _init_weights(self, m):
        if isinstance(m, nn.Linear):
            nn.init.trunc_normal_(m.weight, std=.02)
            if isinstance(m, nn.Linear) and m.bias is not None:
                nn.init.constant_(m.bias, 0)

    def forward(self, x):
        x = self.mlp(x)
        x = nn.functional.normalize(x, dim=-1, p=2)
        return self.last_layer(x)

student = DINOHead()
try:
    teacher = copy.deepcopy(student)
except Exception as e:
    print(type(e).__name__, e)
teacher = DINOHead()
print(teacher.load_state_dict(student.state_dict()))
for p in teacher.parameters():
    p.requires_grad = False
print(student.last_layer)
print([(n, tuple(p.shape), p.requires_grad) for n, p in student.named_parameters()])
print(student.last_layer.weight_g.flatten(), student.last_layer.weight.norm(dim=1))

# %%
class DINOLoss(nn.Module):
    def __init__(self, out_dim, ncrops, warmup_teacher_temp, teacher_temp, warmup_teacher_temp_epochs, nepochs,
                 student_temp=0.1, center_momentum=0.9):
        super().__init__()
        self.student_temp = student_temp
        self.center_momentum = center_momentum
        self.ncrops = ncrops
        self.register_buffer("center", torch.zeros(1, out_dim))
        self.teacher_temp_schedule = np.concatenate((
            np.linspace(warmup_teacher_temp, teacher_temp, warmup_teacher_temp_epochs),
            np.ones(nepochs - warmup_teacher_temp_epochs) * teacher_temp))

    def forward(self, student_output, teacher_output, epoch):
        student_out = student_output / self.student_temp
        student_out = student_out.chunk(self.ncrops)
        temp = self.teacher_temp_schedule[epoch]
        teacher_out = F.softmax((teacher_output - self.center) / temp, dim=-1)
        teacher_out = teacher_out.detach().chunk(2)
        total_loss = 0
        n_loss_terms = 0
        for iq, q in enumerate(teacher_out):
            for v in range(len(student_out)):
                if v == iq:
                    continue
                loss = torch.sum(-q * F.log_softmax(student_out[v], dim=-1), dim=-1)
                total_loss += loss.mean()
                n_loss_terms += 1
        total_loss /= n_loss_terms
        self.update_center(teacher_output)
        return total_loss

    @torch.no_grad()
    def update_center(self, teacher_output):
        batch_center = torch.sum(teacher_output, dim=0, keepdim=True)
        batch_center = batch_center / len(teacher_output)
        self.center = self.center * self.center_momentum + batch_center * (1 - self.center_momentum)

dino_loss = DINOLoss(10, ncrops=4, warmup_teacher_temp=0.04, teacher_temp=0.07, warmup_teacher_temp_epochs=3,
                     nepochs=5)
print(dino_loss.teacher_temp_schedule, dino_loss.teacher_temp_schedule.dtype)
x = torch.randn(3, 6)
crops = [x + 0.05 * torch.randn_like(x) for _ in range(4)]
teacher_output = teacher(torch.cat(crops[:2]))
student_output = student(torch.cat(crops))
print(teacher_output.requires_grad, student_output.grad_fn, student_output.shape)
loss = dino_loss(student_output, teacher_output, epoch=1)
print(loss, dino_loss.center)

# %%
def clip_gradients(model, clip):
    norms = []
    for name, p in model.named_parameters():
        if p.grad is not None:
            param_norm = p.grad.data.norm(2)
            norms.append(param_norm.item())
            clip_coef = clip / (param_norm + 1e-6)
            if clip_coef < 1:
                p.grad.data.mul_(clip_coef)
    return norms

def cancel_gradients_last_layer(epoch, model, freeze_last_layer):
    if epoch >= freeze_last_layer:
        return
    for n, p in model.named_parameters():
        if "last_layer" in n:
            p.grad = None

params_groups = [{"params": [p for n, p in student.named_parameters() if not n.endswith(".bias") and p.ndim > 1]},
                 {"params": [p for n, p in student.named_parameters() if n.endswith(".bias") or p.ndim == 1],
                  "weight_decay": 0.}]
optimizer = torch.optim.AdamW(params_groups, lr=1e-2, weight_decay=0.04)
momentum_schedule = np.linspace(0.996, 1, 4)
for it in range(3):
    x = torch.randn(3, 6)
    crops = [x + 0.05 * torch.randn_like(x) for _ in range(4)]
    loss = dino_loss(student(torch.cat(crops)), teacher(torch.cat(crops[:2])), epoch=it)
    optimizer.zero_grad()
    loss.backward()
    norms = clip_gradients(student, 0.3)
    cancel_gradients_last_layer(it, student, 1)
    optimizer.step()
    with torch.no_grad():
        m = momentum_schedule[it]
        for param_q, param_k in zip(student.parameters(), teacher.parameters()):
            param_k.data.mul_(m).add_((1 - m) * param_q.detach().data)
    print(it, f"{loss.item():.5f}", [f"{n:.4f}" for n in norms], student.last_layer.weight_v.grad is None)
print(dino_loss.center.flatten()[:4], teacher.mlp[0].bias[:3])

# %%
# collapse monitors: the teacher's entropy and the KL between teacher and student; a mistaken epoch index
t = F.softmax((teacher_output - dino_loss.center) / 0.04, dim=-1)
print(-(t * torch.log(t)).sum(-1).mean(), t.max(dim=-1).values)
s = F.log_softmax(student_output[:6] / 0.1, dim=-1)
print(F.kl_div(s, t, reduction="batchmean"), F.kl_div(s, t))
try:
    dino_loss(student_output, teacher_output, epoch=np.int64(9))
except Exception as e:
    print(type(e).__name__, e)
try:
    dino_loss(student_output, teacher_output[:5], epoch=0)
except Exception as e:
    print(type(e).__name__, e)
