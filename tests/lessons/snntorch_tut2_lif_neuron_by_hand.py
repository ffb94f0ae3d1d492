# Imitates snnTorch's Tutorial 2 ("The Leaky Integrate-and-Fire Neuron") and Tutorial 3 ("A Feedforward Spiking
# Neural Network") in plain torch: the Lapicque RC neuron stepped with Euler, leaky_integrate_and_fire with reset by
# subtraction and reset to zero, membrane and spike recordings stacked over time, the synaptic (two-state) neuron,
# a feedforward layer of 784 -> 10 neurons, and the mistakes a learner makes along the way.
import torch
import torch.nn as nn

torch.manual_seed(0)

def leaky_integrate_neuron(U, time_step=1e-3, I=0, R=5e7, C=1e-10):
    tau = R * C
    U = U + (time_step / tau) * (-U + I * R)
    return U

num_steps = 100
U = 0.9
U_trace = []
for step in range(num_steps):
    U_trace.append(U)
    U = leaky_integrate_neuron(U)
print(type(U), round(U, 6), len(U_trace))

mem = torch.ones(1) * 0.9
mem_rec = []
for step in range(num_steps):
    mem_rec.append(mem)
    mem = leaky_integrate_neuron(mem)
mem_rec = torch.stack(mem_rec)
print(mem_rec.shape, mem_rec[:3].squeeze(), mem_rec[-1])

# %%
def lif(mem, cur=0, threshold=1, time_step=1e-3, R=5.1, C=5e-3):
    tau_mem = R * C
    spk = (mem > threshold)
    mem = mem + (time_step / tau_mem) * (-mem + cur * R)
    return mem, spk

cur_in = torch.cat((torch.zeros(10), torch.ones(190) * 0.3), 0)
mem = torch.zeros(1)
mem_rec, spk_rec = [], []
for step in range(200):
    mem, spk = lif(mem, cur_in[step])
    mem_rec.append(mem)
    spk_rec.append(spk)
mem_rec = torch.stack(mem_rec)
spk_rec = torch.stack(spk_rec)
print(spk_rec.dtype, spk_rec.shape, mem_rec.max(), spk_rec.sum())
try:
    print(spk_rec.mean())
except Exception as e:
    print(type(e).__name__, e)
print(spk_rec.float().mean(), spk_rec.sum().dtype)

# %%
def leaky_integrate_and_fire(mem, x, w, beta, threshold=1):
    spk = (mem > threshold)
    mem = beta * mem + w * x - spk * threshold
    return spk, mem

delta_t = torch.tensor(1e-3)
tau = torch.tensor(5e-3)
beta = torch.exp(-delta_t / tau)
print(f"The decay rate is: {beta:.3f}")
print(beta, beta.dtype)

num_steps = 200
x = torch.cat((torch.zeros(10), torch.ones(190) * 0.5), 0)
mem = torch.zeros(1)
spk_out = torch.zeros(1)
mem_rec, spk_rec = [], []
w = 0.4
for step in range(num_steps):
    spk, mem = leaky_integrate_and_fire(mem, x[step], w=w, beta=beta)
    mem_rec.append(mem)
    spk_rec.append(spk)
mem_rec = torch.stack(mem_rec)
spk_rec = torch.stack(spk_rec)
print(mem_rec.shape, mem_rec.dtype, spk_rec.dtype, spk_rec.int().sum())
print(mem_rec[8:16].flatten())
print(spk_rec.nonzero().flatten()[:6])
try:
    spk = torch.tensor([True]); spk - 1.0
    print((spk * 1.0).dtype, (spk * 1).dtype, (1 - spk.float()))
    print(1 - spk)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(-spk)
except Exception as e:
    print(type(e).__name__, e)

# %%
def lif_reset_zero(mem, cur, beta, threshold=1.0):
    spk = (mem > threshold).float()
    reset = (beta * spk * threshold).detach()
    mem = (beta * mem + cur) * (1 - spk)
    return spk, mem

mem = torch.zeros(3)
cur = torch.tensor([0.3, 0.6, 1.2])
spks = []
for step in range(12):
    spk, mem = lif_reset_zero(mem, cur, beta=0.8)
    spks.append(spk)
spks = torch.stack(spks)
print(spks.T)
print(spks.sum(0), spks.sum(0) / 12, spks.sum(0).argmax())

def synaptic(syn, mem, x, alpha, beta, threshold=1.0):
    spk = (mem > threshold).float()
    syn = alpha * syn + x
    mem = beta * mem + syn - spk * threshold
    return spk, syn, mem

syn = torch.zeros(2)
mem = torch.zeros(2)
x = torch.tensor([[0.2, 0.0]] * 3 + [[0.0, 0.4]] * 7)
rec = []
for step in range(10):
    spk, syn, mem = synaptic(syn, mem, x[step], alpha=0.9, beta=0.8)
    rec.append(torch.stack([spk, syn, mem]))
rec = torch.stack(rec)
print(rec.shape)
print(rec[:, 2])
print(rec[:, 0].sum(0))

# %%
num_inputs, num_outputs = 784, 10
beta = 0.95
fc1 = nn.Linear(num_inputs, num_outputs)
num_steps = 25
spk_in = (torch.rand(num_steps, num_inputs) < 0.1).float()
mem = torch.zeros(num_outputs)
mem_rec, spk_rec = [], []
for step in range(num_steps):
    cur = fc1(spk_in[step])
    spk, mem = leaky_integrate_and_fire(mem, cur, w=1.0, beta=beta, threshold=0.5)
    mem_rec.append(mem)
    spk_rec.append(spk)
mem_rec = torch.stack(mem_rec)
spk_rec = torch.stack(spk_rec)
print(mem_rec.shape, spk_rec.shape, mem_rec.grad_fn, spk_rec.grad_fn)
print(spk_rec.sum(0))
print(mem_rec.requires_grad, spk_rec.requires_grad, (mem > 0.5).requires_grad)
try:
    (mem > 0.5).float().sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    spk_rec.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    spk_rec.float().requires_grad_()
    print(torch.autograd.grad(spk_rec.float().sum(), fc1.weight))
except Exception as e:
    print(type(e).__name__, e)
mem_rec.sum().backward()
print(fc1.weight.grad.shape, fc1.bias.grad)
