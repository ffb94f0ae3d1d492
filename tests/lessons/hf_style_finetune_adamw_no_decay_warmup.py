# Imitates the plain-PyTorch fine-tuning loops of the Hugging Face course chapter 3 "A full training" and of
# run_glue_no_trainer.py written without transformers: AdamW with two parameter groups built from named_parameters
# (biases and LayerNorm weights excluded from weight decay), get_linear_schedule_with_warmup and
# get_cosine_schedule_with_warmup re-implemented with LambdaLR, the learning rates printed, gradient accumulation
# with loss / accum_steps, clip_grad_norm_'s returned total norm, and the learners' slips along the way.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim.lr_scheduler import LambdaLR


class TinyClassifier(nn.Module):
    def __init__(self, vocab=20, dim=8, n_classes=3):
        super().__init__()
        self.embeddings = nn.Embedding(vocab, dim)
        self.dense = nn.Linear(dim, dim)
        self.LayerNorm = nn.LayerNorm(dim)
        self.classifier = nn.Linear(dim, n_classes)

    def forward(self, input_ids):
        h = self.embeddings(input_ids).mean(1)
        h = self.LayerNorm(torch.tanh(self.dense(h)))
        return self.classifier(h)


torch.manual_seed(0)
model = TinyClassifier()
no_decay = ["bias", "LayerNorm.weight"]
optimizer_grouped_parameters = [
    {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
     "weight_decay": 0.01},
    {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
     "weight_decay": 0.0},
]
print([n for n, p in model.named_parameters() if any(nd in n for nd in no_decay)])
optimizer = torch.optim.AdamW(optimizer_grouped_parameters, lr=5e-3, eps=1e-8)
print(optimizer)
print([len(g["params"]) for g in optimizer.param_groups], [g["weight_decay"] for g in optimizer.param_groups])

# %%
def get_linear_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps, last_epoch=-1):
    def lr_lambda(current_step: int):
        if current_step < num_warmup_steps:
            return float(current_step) / float(max(1, num_warmup_steps))
        return max(0.0, float(num_training_steps - current_step) /
                   float(max(1, num_training_steps - num_warmup_steps)))
    return LambdaLR(optimizer, lr_lambda, last_epoch)


def get_cosine_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps, num_cycles=0.5):
    def lr_lambda(current_step):
        if current_step < num_warmup_steps:
            return float(current_step) / float(max(1, num_warmup_steps))
        progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
        return max(0.0, 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress)))
    return LambdaLR(optimizer, lr_lambda)


scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=2, num_training_steps=8)
print(scheduler.get_last_lr(), scheduler.last_epoch, scheduler.base_lrs)
print([g["lr"] for g in optimizer.param_groups], optimizer.param_groups[0]["initial_lr"])
print(type(scheduler).__name__, sorted(scheduler.state_dict()))

# %%
torch.manual_seed(1)
input_ids = torch.randint(0, 20, (16, 5))
labels = torch.randint(0, 3, (16,))
accum_steps = 2
batch_size = 4
lrs, norms = [], []
model.train()
for step, start in enumerate(range(0, 16, batch_size)):
    logits = model(input_ids[start:start + batch_size])
    loss = F.cross_entropy(logits, labels[start:start + batch_size])
    loss = loss / accum_steps
    loss.backward()
    if (step + 1) % accum_steps == 0:
        total_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        norms.append(total_norm)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        lrs.append(scheduler.get_last_lr())
    print(step, round(loss.item() * accum_steps, 4), model.dense.bias.grad is None)
print(lrs)
print(norms[0].dtype, norms[0].shape, norms[0].requires_grad, [round(n.item(), 4) for n in norms])

# %%
# the whole schedule, printed as learners do to check the warm-up
w = nn.Parameter(torch.zeros(2))
opt = torch.optim.AdamW([w], lr=1e-3)
sched = get_cosine_schedule_with_warmup(opt, num_warmup_steps=3, num_training_steps=10)
curve = []
for _ in range(10):
    opt.step()
    sched.step()
    curve.append(round(sched.get_last_lr()[0], 7))
print(curve)
print(sched.lr_lambdas[0](5), sched.state_dict()["last_epoch"], sched.state_dict()["lr_lambdas"])

# %%
# clip_grad_norm_ corners: no gradients at all, inf norm, error_if_nonfinite, a single tensor
m = nn.Linear(3, 2)
print(torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0))
m(torch.ones(1, 3)).sum().backward()
print(torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0, norm_type="inf"))
print(torch.nn.utils.clip_grad_norm_(m.weight, 0.5, norm_type=2.0), m.weight.grad)
m.bias.grad[0] = float("nan")
try:
    torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0, error_if_nonfinite=True)
except Exception as e:
    print(type(e).__name__, e)
print(torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0))
print(torch.nn.utils.get_total_norm([torch.ones(3), torch.ones(2) * 2]))

# %%
# slips: the scheduler made with a group list instead of the optimizer, lr_lambda count mismatch,
# and scheduler.step() called before optimizer.step()
try:
    LambdaLR(optimizer_grouped_parameters, lambda s: 1.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    LambdaLR(optimizer, [lambda s: 1.0])
except Exception as e:
    print(type(e).__name__, e)
o = torch.optim.AdamW([nn.Parameter(torch.ones(1))], lr=0.1)
s = LambdaLR(o, lambda step: 0.5 ** step)
s.step()
o.step()
print(s.get_last_lr(), s.last_epoch)
