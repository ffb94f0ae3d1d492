# Imitates the mistakes learners hit in LoRA/QLoRA-from-scratch notebooks and the forum answers to them: an
# optimizer built before freezing, merging in place without no_grad, merging twice, a float32 adapter on a
# bfloat16/float16 base, an int8 "quantized" base weight (QLoRA-style absmax dequantization), and LoRA as a
# torch.nn.utils.parametrize parametrization (state_dict keys, cached weights, removing it to merge).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.parametrize as parametrize

torch.manual_seed(0)
lin = nn.Linear(4, 3)
A = nn.Parameter(torch.empty(2, 4))
B = nn.Parameter(torch.zeros(3, 2))
nn.init.kaiming_uniform_(A, a=math.sqrt(5))
print(A)

# %%
# optimizer built before freezing: the frozen params keep None grads and Adam skips them
opt = torch.optim.Adam(list(lin.parameters()) + [A, B], lr=0.1)
lin.requires_grad_(False)
x = torch.randn(5, 4)
out = lin(x) + x @ A.T @ B.T * 2.0
out.sum().backward()
print(lin.weight.grad, A.grad is None, B.grad)
w0 = lin.weight.clone()
opt.step()
print(torch.equal(w0, lin.weight), len(opt.state), [tuple(s["exp_avg"].shape) for s in opt.state.values()])
print(opt.param_groups[0]["params"][0].requires_grad)

# %%
# freezing after the forward pass (between forward and backward): the frozen weight takes no gradient
torch.manual_seed(5)
lin3 = nn.Linear(4, 3)
out = lin3(x) + x @ A.T @ B.T
lin3.weight.register_hook(lambda g: print("hook sees", tuple(g.shape)))
lin3.weight.requires_grad_(False)
out.pow(2).sum().backward()
print(lin3.weight.grad, lin3.bias.grad)
print(out.grad_fn.next_functions[0][0].next_functions)

# %%
# weight decay still moves a frozen param whose grad is set by hand
lin.weight.grad = torch.ones_like(lin.weight)
opt2 = torch.optim.AdamW([lin.weight], lr=0.1)
opt2.step()
print(torch.equal(w0, lin.weight), lin.weight.requires_grad)

# %%
# merging in place without no_grad
lin2 = nn.Linear(4, 3)
try:
    lin2.weight += B @ A
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    lin2.weight.add_(B @ A)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    lin2.weight.data += B @ A
    print(lin2.weight.requires_grad, lin2.weight.grad_fn)
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.no_grad():
    lin2.weight.copy_(lin2.weight + B @ A)
print(lin2.weight.is_leaf, lin2.weight.grad_fn, lin2.weight._version)
lin.requires_grad_(False)
lin.weight += (B @ A).detach()
print(lin.weight._version)
try:
    lin.weight += B @ A
    print(lin.weight.requires_grad, lin.weight.is_leaf, lin.weight.grad_fn)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# dtype of the adapter vs the base
torch.manual_seed(1)
base = nn.Linear(4, 3).to(torch.bfloat16).requires_grad_(False)
A32 = nn.Parameter(torch.randn(2, 4) * 0.1)
B32 = nn.Parameter(torch.randn(3, 2) * 0.1)
xb = torch.randn(5, 4, dtype=torch.bfloat16)
try:
    y = base(xb) + xb @ A32.T @ B32.T
except RuntimeError as e:
    print(type(e).__name__, e)
y = base(xb) + (xb.to(A32.dtype) @ A32.T @ B32.T).to(xb.dtype)
print(y.dtype, y.grad_fn, y.grad_fn.next_functions)
y.float().sum().backward()
print(A32.grad.dtype, B32.grad)
try:
    F.linear(xb.float(), base.weight)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    base(xb.float())
except RuntimeError as e:
    print(type(e).__name__, e)
z = base.weight + (B32 @ A32)
print(z.dtype, z.grad_fn)
with torch.no_grad():
    base.weight += B32 @ A32
print(base.weight.dtype, base.weight[0])

# %%
half = nn.Linear(4, 3).half()
print(half.weight.dtype, half(torch.randn(2, 4).half()).dtype)
try:
    half(torch.randn(2, 4))
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# QLoRA-style: int8 absmax-quantized frozen base weight, fp32 LoRA
torch.manual_seed(2)
W = torch.randn(3, 4)
absmax = W.abs().amax(dim=1, keepdim=True)
q = torch.round(W / absmax * 127).to(torch.int8)
print(q, q.dtype)
deq = q.float() * absmax / 127
print((deq - W).abs().max() < 0.02)
try:
    nn.Parameter(q)
except RuntimeError as e:
    print(type(e).__name__, e)
p = nn.Parameter(q, requires_grad=False)
print(p.dtype, p.requires_grad)
try:
    q.requires_grad_()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    x @ q.T
except RuntimeError as e:
    print(type(e).__name__, e)

class QLoRALinear(nn.Module):
    def __init__(self, W, r=2, alpha=4):
        super().__init__()
        absmax = W.abs().amax(dim=1, keepdim=True)
        self.register_buffer("qweight", torch.round(W / absmax * 127).to(torch.int8))
        self.register_buffer("absmax", absmax)
        self.lora_A = nn.Parameter(torch.randn(r, W.shape[1]) * 0.01)
        self.lora_B = nn.Parameter(torch.zeros(W.shape[0], r))
        self.scaling = alpha / r

    def forward(self, x):
        w = self.qweight.to(x.dtype) * self.absmax / 127
        return x @ w.T + self.scaling * (x @ self.lora_A.T @ self.lora_B.T)

ql = QLoRALinear(W)
print(list(ql.state_dict()), [v.dtype for v in ql.state_dict().values()])
out = ql(x)
out.pow(2).sum().backward()
print(ql.lora_B.grad, ql.lora_A.grad)
print(ql.half().qweight.dtype, ql.lora_A.dtype, ql.absmax.dtype)

# %%
# LoRA as a parametrization
class LoRAParam(nn.Module):
    def __init__(self, fan_out, fan_in, r=2, alpha=2):
        super().__init__()
        self.A = nn.Parameter(torch.zeros(r, fan_in))
        self.B = nn.Parameter(torch.zeros(fan_out, r))
        nn.init.normal_(self.A, std=0.02)
        self.scale = alpha / r
        self.enabled = True

    def forward(self, W):
        if self.enabled:
            return W + (self.B @ self.A) * self.scale
        return W

torch.manual_seed(3)
net = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 2))
for layer in (net[0], net[2]):
    parametrize.register_parametrization(layer, "weight", LoRAParam(*layer.weight.shape))
print(net)
print(list(net.state_dict().keys()))
print(parametrize.is_parametrized(net[0]), parametrize.is_parametrized(net[0], "bias"), parametrize.is_parametrized(net[1]))
for n, p in net.named_parameters():
    p.requires_grad_("parametrizations" in n and not n.endswith("original"))
print([n for n, p in net.named_parameters() if p.requires_grad])
print(net[0].weight.grad_fn, net[0].weight.requires_grad)
out = net(x).sum()
out.backward()
print(net[0].parametrizations.weight[0].B.grad)
print(net[0].parametrizations.weight.original.grad)

# %%
with parametrize.cached():
    w1 = net[0].weight
    w2 = net[0].weight
    print(w1 is w2)
print(net[0].weight is net[0].weight)
net[0].parametrizations.weight[0].enabled = False
print(torch.equal(net[0].weight, net[0].parametrizations.weight.original))
net[0].parametrizations.weight[0].enabled = True
parametrize.remove_parametrizations(net[0], "weight", leave_parametrized=True)
print(net[0], type(net[0].weight).__name__, net[0].weight.requires_grad)
try:
    parametrize.remove_parametrizations(net[0], "weight")
except ValueError as e:
    print(type(e).__name__, e)
parametrize.remove_parametrizations(net[2], "weight", leave_parametrized=False)
print(list(net.state_dict().keys()))

# %%
try:
    parametrize.register_parametrization(net[2], "weight", LoRAParam(3, 6))
except (ValueError, RuntimeError) as e:
    print(type(e).__name__, e)
try:
    net[2].weight = nn.Parameter(torch.zeros(2, 6))
    parametrize.register_parametrization(net[2], "weight", LoRAParam(2, 6))
    net[2].weight = torch.zeros(2, 6)
except (ValueError, RuntimeError, NotImplementedError) as e:
    print(type(e).__name__, e)

# %%
# optimizer.step() between two backward passes through the same graph (the second loss of a two-loss LoRA
# objective): the version in the error counts every in-place update the optimizer made
for cls in (torch.optim.AdamW, torch.optim.NAdam, torch.optim.ASGD, torch.optim.Adam):
    torch.manual_seed(4)
    head = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 2))
    opt = cls(head.parameters(), lr=0.01)
    out = head(x)
    out.sum().backward(retain_graph=True)
    opt.step()
    print(cls.__name__, head[2].weight._version, head[2].bias._version)
    try:
        out.pow(2).sum().backward()
    except RuntimeError as e:
        print(type(e).__name__, e)
opt = torch.optim.RAdam(head.parameters(), lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)
opt.step()
print(head[0].weight._version)
torch.nn.utils.clip_grad_value_(head.parameters(), 0.01)
print(head[0].weight.grad._version, head[0].weight.grad.abs().max())
torch.nn.utils.clip_grad_value_(head.parameters(), 0.01, foreach=False)
print(head[0].weight.grad._version)

# %%
# a float16 base with float16 adapters: merged and unmerged forward passes in half precision
torch.manual_seed(6)
base16 = nn.Linear(6, 5).half().requires_grad_(False)
A16 = nn.Parameter((torch.randn(2, 6) * 0.1).half())
B16 = nn.Parameter((torch.randn(5, 2) * 0.1).half())
x16 = torch.randn(3, 6).half()
unmerged = base16(x16) + (x16 @ A16.T @ B16.T) * 2.0
print(unmerged, unmerged.grad_fn)
with torch.no_grad():
    base16.weight += (B16 @ A16) * 2.0
merged = base16(x16)
print(merged, (merged - unmerged).abs().max())
seq = base16(torch.randn(2, 4, 6).half().transpose(0, 1))
print(seq.shape, seq[0])
