# Imitates the calibration tutorials (Guo et al.'s temperature scaling, gpleiss/temperature_scaling, the ECE
# "reliability diagram" notebooks) in plain PyTorch: a temperature fitted with optim.LBFGS and a closure on held-out
# logits, expected calibration error with torch.linspace bins, torch.bucketize and torch.histc, a reliability table
# printed with f-strings, and the mistakes: an LBFGS closure that does not return the loss, bucketize with unsorted
# boundaries, histc on integer labels, a temperature that is a Python float (no gradient).
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
n, k = 200, 4
labels = torch.randint(0, k, (n,))
logits = torch.randn(n, k) * 0.5
logits[torch.arange(n), labels] += 1.5
logits = logits * 3.0   # overconfident
probs = F.softmax(logits, dim=1)
conf, pred = probs.max(dim=1)
print(conf[:5], pred[:5], (pred == labels).float().mean())

# %%
def ece(conf, correct, n_bins=10):
    bins = torch.linspace(0, 1, n_bins + 1)
    total = torch.zeros(1)
    for lo, hi in zip(bins[:-1], bins[1:]):
        in_bin = (conf > lo.item()) & (conf <= hi.item())
        prop = in_bin.float().mean()
        if prop.item() > 0:
            acc_bin = correct[in_bin].float().mean()
            conf_bin = conf[in_bin].mean()
            total += torch.abs(conf_bin - acc_bin) * prop
    return total

correct = pred.eq(labels)
print(ece(conf, correct))

# %%
boundaries = torch.linspace(0, 1, 11)
idx = torch.bucketize(conf, boundaries, right=False)
print(idx[:10], idx.dtype, idx.min(), idx.max())
counts = torch.bincount(idx, minlength=12)
counts

# %%
hist = torch.histc(conf, bins=10, min=0, max=1)
print(hist, hist.sum(), hist.dtype)
acc_sum = torch.zeros(12).scatter_add_(0, idx, correct.float())
conf_sum = torch.zeros(12).index_add_(0, idx, conf)
print(acc_sum, conf_sum)

# %%
print(f"{'bin':>10} {'count':>6} {'acc':>6} {'conf':>6} {'gap':>7}")
for b in range(1, 11):
    c = counts[b].item()
    if c == 0:
        print(f"{boundaries[b-1]:.1f}-{boundaries[b]:.1f} {c:>6d} {'-':>6} {'-':>6} {'-':>7}")
        continue
    acc_b = acc_sum[b] / c
    conf_b = conf_sum[b] / c
    print(f"{boundaries[b-1]:.1f}-{boundaries[b]:.1f} {c:>6d} {acc_b:>6.3f} {conf_b:>6.3f} {conf_b - acc_b:>+7.3f}")

# %%
class TemperatureScaler(nn.Module):
    def __init__(self):
        super().__init__()
        self.temperature = nn.Parameter(torch.ones(1) * 1.5)

    def forward(self, logits):
        return logits / self.temperature

scaler = TemperatureScaler()
nll = nn.CrossEntropyLoss()
opt = torch.optim.LBFGS([scaler.temperature], lr=0.01, max_iter=50)

def closure():
    opt.zero_grad()
    loss = nll(scaler(logits), labels)
    loss.backward()
    return loss

before = nll(logits, labels).item()
final = opt.step(closure)
print(f"NLL before {before:.4f}, returned {final.item():.4f}")
print(scaler.temperature, opt.state[scaler.temperature]["n_iter"], opt.state[scaler.temperature]["func_evals"])

# %%
with torch.no_grad():
    cal = F.softmax(scaler(logits), dim=1)
cal_conf, cal_pred = cal.max(1)
print(f"ECE before {ece(conf, correct).item():.4f} after {ece(cal_conf, cal_pred.eq(labels)).item():.4f}")
print(torch.equal(cal_pred, pred))

# %%
# a scalar temperature: a 0-dim Parameter does not format like a number (its .item() does)
T0 = nn.Parameter(torch.tensor(1.5))
print(f"T = {T0.item():.3f}", f"{T0.detach():.2f}", f"{T0 * 1:.2f}")
print(f"T = {T0:.3f}")

# %%
opt2 = torch.optim.LBFGS([scaler.temperature], lr=0.1, max_iter=20, line_search_fn="strong_wolfe")
print(opt2.step(closure), scaler.temperature)

# %%
# mistake: the closure does not return the loss
def bad_closure():
    opt.zero_grad()
    loss = nll(scaler(logits), labels)
    loss.backward()

opt.step(bad_closure)

# %%
# mistake: step without a closure
opt.step()

# %%
# mistake: bucketize with unsorted boundaries (no error: the result is meaningless)
torch.bucketize(torch.tensor([0.1, 0.5, 0.9]), torch.tensor([0.8, 0.2, 0.5]))

# %%
torch.bucketize(torch.tensor([0.1, 0.5, 0.9]), torch.tensor([[0.2, 0.5]]))

# %%
torch.bucketize(torch.tensor([1, 5, 9]), torch.tensor([2, 5, 8]), right=True), torch.bucketize(5, torch.tensor([2, 5, 8])), torch.bucketize(torch.tensor([0.5]), torch.tensor([0.2, 0.5]), out_int32=True)

# %%
torch.searchsorted(torch.tensor([0.8, 0.2, 0.5]), torch.tensor([0.1, 0.5]), sorter=torch.tensor([1, 2, 0]))

# %%
torch.histc(labels, bins=4, min=0, max=3)

# %%
torch.histc(labels.float(), bins=4, min=0, max=3), torch.histc(torch.tensor([1.0, 2.0, 1.0]), bins=4), torch.histc(torch.tensor([0.5, 5.0]), bins=2, min=0, max=1)

# %%
torch.histc(conf, bins=10, min=1, max=0)

# %%
torch.histogram(conf, bins=5, range=(0.0, 1.0))

# %%
# mistake: a temperature kept as a Python float gets no gradient
T = 1.5
loss = nll(logits / T, labels)
print(loss.requires_grad)
loss.backward()
