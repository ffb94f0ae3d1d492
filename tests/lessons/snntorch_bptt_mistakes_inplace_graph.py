# Imitates the mistakes snnTorch users post on its GitHub discussions and forum threads, in plain torch: membrane
# state updated in place inside the time loop (mem.mul_, mem[...] -=, spk_rec[step] = spk into a preallocated
# torch.zeros record), hidden state carried across batches without detaching ("backward through the graph a second
# time"), truncated BPTT with detach_, and surrogate Functions written wrong (wrong gradient count, no staticmethod,
# forward called directly, non-tensors in save_for_backward, mark_non_differentiable on the spikes).
import torch
import torch.nn as nn

torch.manual_seed(0)

class FastSigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, mem, slope=25.0):
        ctx.save_for_backward(mem)
        ctx.slope = slope
        return (mem > 0).float()

    @staticmethod
    def backward(ctx, grad_output):
        (mem,) = ctx.saved_tensors
        return grad_output / (ctx.slope * mem.abs() + 1.0) ** 2, None

spike_fn = FastSigmoid.apply
fc = nn.Linear(5, 3)
x = torch.rand(6, 2, 5)
mem = torch.zeros(2, 3)
try:
    for step in range(6):
        cur = fc(x[step])
        mem.mul_(0.9).add_(cur)
        spk = spike_fn(mem - 1.0)
        mem[spk.bool()] -= 1.0
    spk.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
print(mem.grad_fn, mem.requires_grad)

# %%
fc.zero_grad()
mem = torch.zeros(2, 3)
spk_rec = torch.zeros(6, 2, 3)
mem_rec = torch.zeros(6, 2, 3)
for step in range(6):
    cur = fc(x[step])
    mem = 0.9 * mem + cur
    spk = spike_fn(mem - 1.0)
    mem = mem - spk.detach() * 1.0
    spk_rec[step] = spk
    mem_rec[step] = mem
print(spk_rec.grad_fn, mem_rec.grad_fn, spk_rec.requires_grad, spk_rec.is_leaf)
print(spk_rec.sum(0))
loss = ((spk_rec.sum(0) - torch.tensor([[3., 0., 1.], [2., 2., 2.]])) ** 2).mean()
loss.backward()
print(loss, fc.bias.grad)

mem = torch.zeros(2, 3)
try:
    for step in range(6):
        cur = fc(x[step])
        mem = 0.9 * mem + cur
        spk = spike_fn(mem - 1.0)
        mem -= spk * 1.0
        mem_rec = torch.stack([mem])
        mem[spk > 0] = 0.0
    mem.sum().backward()
    print("ok", fc.bias.grad)
except Exception as e:
    print(type(e).__name__, e)

# %%
def step_neuron(mem, cur, beta=0.9):
    mem = beta * mem + cur
    spk = spike_fn(mem - 1.0)
    mem = mem - spk
    return spk, mem

fc.zero_grad()
opt = torch.optim.SGD(fc.parameters(), lr=0.1)
mem = torch.zeros(2, 3)
for batch in range(2):
    try:
        opt.zero_grad()
        for step in range(3):
            spk, mem = step_neuron(mem, fc(x[step]))
        loss = spk.sum() + mem.pow(2).mean()
        loss.backward()
        opt.step()
        print(batch, "ok", round(loss.item(), 4))
    except Exception as e:
        print(batch, type(e).__name__, e)

mem = torch.zeros(2, 3)
for batch in range(2):
    try:
        opt.zero_grad()
        for step in range(3):
            spk, mem = step_neuron(mem, fc(x[step]))
        loss = mem.pow(2).mean()
        loss.backward()
        opt.step()
        print(batch, "ok", round(loss.item(), 4))
    except Exception as e:
        print(batch, type(e).__name__, e)
    mem = mem.detach()
print(mem.requires_grad, mem.grad_fn)

# %%
mem = torch.zeros(2, 3)
for step in range(6):
    spk, mem = step_neuron(mem, fc(x[step]))
    if step % 3 == 2:
        mem.detach_()
        print(step, mem.requires_grad, mem.is_leaf, mem.grad_fn)
try:
    spk.detach_()
except Exception as e:
    print(type(e).__name__, e)
h = torch.zeros(2, 3)
h2 = 0.9 * h + fc(x[0])
v = h2[0]
try:
    v.detach_()
except Exception as e:
    print(type(e).__name__, e)
print(h2.requires_grad, v.requires_grad)

# %%
class WrongCount(torch.autograd.Function):
    @staticmethod
    def forward(ctx, mem, threshold):
        ctx.save_for_backward(mem)
        return (mem > threshold).float()

    @staticmethod
    def backward(ctx, grad_output):
        (mem,) = ctx.saved_tensors
        return grad_output / (1 + mem.abs()) ** 2

m = torch.randn(4, requires_grad=True)
try:
    WrongCount.apply(m, 0.5).sum().backward()
except Exception as e:
    print(type(e).__name__, e)

class NoStatic(torch.autograd.Function):
    def forward(ctx, mem):
        return (mem > 0).float()

    def backward(ctx, g):
        return g

try:
    print(NoStatic.apply(m))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(FastSigmoid.forward(None, m))
except Exception as e:
    print(type(e).__name__, e)
try:
    FastSigmoid()(m)
except Exception as e:
    print(type(e).__name__, e)

class SaveFloat(torch.autograd.Function):
    @staticmethod
    def forward(ctx, mem, slope):
        ctx.save_for_backward(mem, slope)
        return (mem > 0).float()

    @staticmethod
    def backward(ctx, g):
        return g, None

try:
    SaveFloat.apply(m, 25.0)
except Exception as e:
    print(type(e).__name__, e)

class MarkSpk(torch.autograd.Function):
    @staticmethod
    def forward(ctx, mem):
        spk = (mem > 0).float()
        ctx.mark_non_differentiable(spk)
        return spk

    @staticmethod
    def backward(ctx, g):
        return g

s = MarkSpk.apply(m)
print(s.requires_grad, s.grad_fn)
try:
    s.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

class WrongShape(torch.autograd.Function):
    @staticmethod
    def forward(ctx, mem):
        return (mem > 0).float()

    @staticmethod
    def backward(ctx, g):
        return g.sum()

try:
    WrongShape.apply(m).sum().backward()
    print(m.grad)
except Exception as e:
    print(type(e).__name__, e)

class ReturnsBool(torch.autograd.Function):
    @staticmethod
    def forward(ctx, mem):
        return mem > 0

    @staticmethod
    def backward(ctx, g):
        return g

b = ReturnsBool.apply(m)
print(b.dtype, b.requires_grad, b.grad_fn)
