# Imitates snntorch.functional's losses and snntorch.spikegen.targets_convert re-written in plain torch as course
# notebooks do (ce_rate_loss, ce_count_loss, ce_max_membrane_loss, mse_count_loss with on/off target counts,
# mse_membrane_loss, population coding, first-spike times from cumsum) plus snnTorch's Tutorial 7 style convolutional
# SNN step (Conv2d -> max_pool2d -> LIF) with a setup_context-style surrogate, gradient hooks on the membrane,
# and spike statistics a learner prints (counts, rates, bincount of predictions, unique with counts, histc).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
num_steps, batch, num_classes = 6, 4, 3
spk_out = (torch.rand(num_steps, batch, num_classes) < 0.4).float().requires_grad_()
mem_out = torch.randn(num_steps, batch, num_classes, requires_grad=True)
targets = torch.tensor([0, 2, 1, 2])

def ce_rate_loss(spk_out, targets):
    log_softmax_fn = nn.LogSoftmax(dim=-1)
    loss_fn = nn.NLLLoss()
    log_p_y = log_softmax_fn(spk_out)
    loss = torch.zeros((1), dtype=spk_out.dtype)
    for step in range(spk_out.size(0)):
        loss += loss_fn(log_p_y[step], targets)
    return loss / spk_out.size(0)

def ce_count_loss(spk_out, targets):
    spike_count = torch.sum(spk_out, 0)
    return nn.CrossEntropyLoss()(spike_count, targets)

def ce_max_membrane_loss(mem_out, targets):
    max_mem, _ = torch.max(mem_out, 0)
    return nn.CrossEntropyLoss()(max_mem, targets)

for fn, arg in [(ce_rate_loss, spk_out), (ce_count_loss, spk_out), (ce_max_membrane_loss, mem_out)]:
    spk_out.grad = None
    mem_out.grad = None
    l = fn(arg, targets)
    l.backward()
    print(fn.__name__, l, l.shape, arg.grad.sum(dim=(1, 2)))
print(mem_out.max(0), mem_out.max(0).indices.dtype)

# %%
def targets_convert(targets, num_classes, on_target=1, off_target=0):
    targets_onehot = torch.zeros(targets.size(0), num_classes).scatter(1, targets.unsqueeze(-1), 1)
    return torch.clamp(targets_onehot * on_target, off_target)

def mse_count_loss(spk_out, targets, correct_rate=0.8, incorrect_rate=0.2):
    num_steps = spk_out.size(0)
    spike_count = torch.sum(spk_out, 0)
    on_target = int(num_steps * correct_rate)
    off_target = int(num_steps * incorrect_rate)
    spike_count_target = targets_convert(targets, num_classes, on_target, off_target)
    return nn.MSELoss()(spike_count, spike_count_target), spike_count_target

spk_out.grad = None
loss, target_counts = mse_count_loss(spk_out, targets)
print(target_counts, target_counts.dtype)
loss.backward()
print(loss, spk_out.grad[0])
print(F.one_hot(targets, num_classes), F.one_hot(targets).dtype)
try:
    F.one_hot(targets.float(), num_classes)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(targets, 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    targets_convert(targets, num_classes, 1.0, 0.0)
    torch.zeros(4, 3).scatter(1, targets, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(4, 3).scatter(1, targets.unsqueeze(-1).int(), 1)
except Exception as e:
    print(type(e).__name__, e)

def mse_membrane_loss(mem_out, targets, on_target=1, off_target=0):
    targets_spikes = targets_convert(targets, num_classes, on_target, off_target)
    loss = torch.zeros((1))
    for step in range(mem_out.size(0)):
        loss += nn.MSELoss()(mem_out[step], targets_spikes)
    return loss

print(mse_membrane_loss(mem_out, targets, on_target=1.05, off_target=0.2))

# %%
pop = 4
spk_pop = (torch.rand(num_steps, batch, num_classes * pop) < 0.3).float()
counts = spk_pop.view(num_steps, batch, num_classes, -1).sum(-1).sum(0)
print(counts, counts.argmax(1))
try:
    spk_pop.transpose(0, 1).view(batch, num_steps, num_classes, -1)
except Exception as e:
    print(type(e).__name__, e)
print(spk_pop.transpose(0, 1).reshape(batch, num_steps, num_classes, -1).shape)

first_spike = (spk_pop.cumsum(0) == 0).sum(0)
print(first_spike[0], first_spike.dtype)
spk_time = (spk_pop * torch.arange(1, num_steps + 1).view(-1, 1, 1))
spk_time[spk_time == 0] = num_steps + 1
print(spk_time.min(0).values[0], spk_time.dtype)
rates = spk_pop.mean(dim=0)
print(rates.shape, rates.mean(), spk_pop.count_nonzero(), torch.count_nonzero(spk_pop, dim=0)[0])
preds = spk_pop.sum(0).argmax(1)
print(torch.bincount(preds, minlength=num_classes * pop))
print(torch.unique(preds, return_counts=True))
print(torch.histc(spk_pop.sum(0), bins=4, min=0, max=num_steps))
print(f"{spk_pop.sum():.0f} spikes, {spk_pop.mean()*100:.1f}% firing, max count {spk_pop.sum(0).max().item():.0f}")

# %%
class ATanSpike(torch.autograd.Function):
    @staticmethod
    def forward(mem, alpha):
        return (mem > 0).to(mem.dtype)

    @staticmethod
    def setup_context(ctx, inputs, output):
        mem, alpha = inputs
        ctx.save_for_backward(mem)
        ctx.alpha = alpha

    @staticmethod
    def backward(ctx, grad_output):
        (mem,) = ctx.saved_tensors
        return ctx.alpha / 2 / (1 + (torch.pi / 2 * ctx.alpha * mem) ** 2) * grad_output, None

conv = nn.Conv2d(1, 2, 5)
fc = nn.Linear(2 * 4 * 4, num_classes)
img = torch.rand(batch, 1, 12, 12)
mem1 = torch.zeros(batch, 2, 4, 4)
mem2 = torch.zeros(batch, num_classes)
grads = []
spk2_rec = []
for step in range(num_steps):
    cur1 = F.max_pool2d(conv(img), 2)
    mem1 = 0.5 * mem1 + cur1
    spk1 = ATanSpike.apply(mem1 - 1.0, 2.0)
    mem1 = mem1 - spk1.detach()
    if step == num_steps - 1:
        mem1.register_hook(lambda g: grads.append(g.abs().sum()))
    cur2 = fc(spk1.flatten(1))
    mem2 = 0.5 * mem2 + cur2
    spk2 = ATanSpike.apply(mem2 - 1.0, 2.0)
    mem2 = mem2 - spk2.detach()
    spk2_rec.append(spk2)
spk2_rec = torch.stack(spk2_rec)
print(cur1.shape, spk1.shape, spk2_rec.shape, spk2.grad_fn)
loss = ce_rate_loss(spk2_rec, targets) + ce_max_membrane_loss(mem2.unsqueeze(0), targets)
loss.backward()
print(loss, len(grads), conv.weight.grad.shape, conv.bias.grad.abs() > 0)
print(torch.autograd.gradcheck(lambda m: ATanSpike.apply(m, 2.0) * 0 + m * 2, (torch.randn(3, dtype=torch.double, requires_grad=True),)))
try:
    ATanSpike.apply(torch.randn(3, requires_grad=True))
except Exception as e:
    print(type(e).__name__, e)
