# Imitates snnTorch's Tutorial 5 ("Training Spiking Neural Networks with snntorch") and Tutorial 6 ("Surrogate
# Gradient Descent in a Convolutional SNN") in plain torch: the Heaviside spike as a torch.autograd.Function with a
# straight-through, fast-sigmoid and arctan surrogate in backward, a LIF module stepped in a Python time loop, a
# 784-32-10 network trained with BPTT and Adam on random 28x28 data, loss summed over time steps, accuracy from spike
# counts, and the errors a learner hits (no surrogate, in-place updates of saved tensors, wrong Function returns).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class SpikeOperator(torch.autograd.Function):
    @staticmethod
    def forward(ctx, mem):
        spk = (mem > 0).float()
        ctx.save_for_backward(spk)
        return spk

    @staticmethod
    def backward(ctx, grad_output):
        (spk,) = ctx.saved_tensors
        grad = grad_output * spk
        return grad

mem = torch.tensor([-0.5, 0.0, 0.2, 1.3], requires_grad=True)
spk = SpikeOperator.apply(mem)
print(spk, spk.grad_fn, spk.requires_grad)
spk.sum().backward()
print(mem.grad)
print(type(spk.grad_fn).__name__, spk.grad_fn.next_functions)
print(SpikeOperator.apply(mem.detach()).requires_grad)

# %%
class FastSigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input_, slope=25):
        ctx.save_for_backward(input_)
        ctx.slope = slope
        out = (input_ > 0).float()
        return out

    @staticmethod
    def backward(ctx, grad_output):
        (input_,) = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad = grad_input / (ctx.slope * torch.abs(input_) + 1.0) ** 2
        return grad, None

class ATan(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input_, alpha=2.0):
        ctx.save_for_backward(input_)
        ctx.alpha = alpha
        return (input_ > 0).float()

    @staticmethod
    def backward(ctx, grad_output):
        (input_,) = ctx.saved_tensors
        grad = ctx.alpha / 2 / (1 + (math.pi / 2 * ctx.alpha * input_).pow_(2)) * grad_output
        return grad, None

x = torch.linspace(-1, 1, 9, requires_grad=True)
for fn in (FastSigmoid, ATan):
    x.grad = None
    y = fn.apply(x)
    y.backward(torch.ones_like(y))
    print(fn.__name__, y, x.grad)
x.grad = None
FastSigmoid.apply(x, 5).sum().backward()
print(x.grad)
print(torch.autograd.gradcheck(lambda t: FastSigmoid.apply(t) * 0 + t, (torch.randn(3, dtype=torch.double, requires_grad=True),)))

# %%
spike_grad = FastSigmoid.apply

class Leaky(nn.Module):
    def __init__(self, beta, threshold=1.0, spike_grad=spike_grad, learn_beta=False):
        super().__init__()
        if learn_beta:
            self.beta = nn.Parameter(torch.tensor(beta))
        else:
            self.register_buffer("beta", torch.tensor(beta))
        self.threshold = threshold
        self.spike_grad = spike_grad

    def init_leaky(self):
        return torch.zeros(0)

    def forward(self, input_, mem):
        if mem.numel() == 0:
            mem = torch.zeros_like(input_)
        reset = (mem - self.threshold > 0).float().detach()
        mem = self.beta.clamp(0, 1) * mem + input_ - reset * self.threshold
        spk = self.spike_grad(mem - self.threshold)
        return spk, mem

    def extra_repr(self):
        return f"beta={float(self.beta):.2f}, threshold={self.threshold}"

class Net(nn.Module):
    def __init__(self, num_inputs=784, num_hidden=32, num_outputs=10, beta=0.95, num_steps=8):
        super().__init__()
        self.num_steps = num_steps
        self.fc1 = nn.Linear(num_inputs, num_hidden)
        self.lif1 = Leaky(beta=beta)
        self.fc2 = nn.Linear(num_hidden, num_outputs)
        self.lif2 = Leaky(beta=beta, learn_beta=True)

    def forward(self, x):
        mem1 = self.lif1.init_leaky()
        mem2 = self.lif2.init_leaky()
        spk2_rec, mem2_rec = [], []
        for step in range(self.num_steps):
            cur1 = self.fc1(x)
            spk1, mem1 = self.lif1(cur1, mem1)
            cur2 = self.fc2(spk1)
            spk2, mem2 = self.lif2(cur2, mem2)
            spk2_rec.append(spk2)
            mem2_rec.append(mem2)
        return torch.stack(spk2_rec, dim=0), torch.stack(mem2_rec, dim=0)

net = Net()
print(net)
print([(n, tuple(p.shape)) for n, p in net.named_parameters()])
print(sorted(net.state_dict().keys()))
batch_size = 16
data = torch.rand(batch_size, 1, 28, 28)
targets = torch.randint(0, 10, (batch_size,))
spk_rec, mem_rec = net(data.view(batch_size, -1))
print(spk_rec.size(), mem_rec.size(), spk_rec.grad_fn, mem_rec.dtype)
print(spk_rec.sum(dim=0)[:2])

# %%
loss = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(net.parameters(), lr=5e-4, betas=(0.9, 0.999))
num_steps = net.num_steps
loss_val = torch.zeros((1), dtype=torch.float)
for step in range(num_steps):
    loss_val += loss(mem_rec[step], targets)
print(f"Training loss: {loss_val.item():.3f}")
print(loss_val, loss_val.shape)

def print_batch_accuracy(data, targets, train=False):
    output, _ = net(data.view(batch_size, -1))
    _, idx = output.sum(dim=0).max(1)
    acc = (targets == idx).float().mean().item()
    print(f"{'Train' if train else 'Test'} set accuracy for a single minibatch: {acc*100:.2f}%")

optimizer.zero_grad()
loss_val.backward()
print(net.fc1.weight.grad.abs().sum() > 0, net.lif2.beta.grad, net.fc2.bias.grad)
optimizer.step()
print(net.lif2.beta, net.lif1.beta)
print_batch_accuracy(data, targets, train=True)
with torch.no_grad():
    net.lif2.beta.clamp_(0, 1)
print(net.lif2)

# %%
loss_hist = []
for epoch in range(2):
    for it in range(3):
        data = torch.rand(batch_size, 1, 28, 28)
        targets = torch.randint(0, 10, (batch_size,))
        net.train()
        spk_rec, mem_rec = net(data.view(batch_size, -1))
        loss_val = torch.zeros((1), dtype=torch.float)
        for step in range(num_steps):
            loss_val += loss(mem_rec[step], targets)
        optimizer.zero_grad()
        loss_val.backward()
        optimizer.step()
        loss_hist.append(loss_val.item())
    with torch.no_grad():
        net.eval()
        spk_rec, _ = net(data.view(batch_size, -1))
        _, idx = spk_rec.sum(dim=0).max(1)
        acc = (targets == idx).float().mean()
        print(f"Epoch {epoch}, Train Set Loss: {loss_hist[-1]:.2f}, accuracy {acc * 100:.2f}%")
print(len(loss_hist), all(isinstance(l, float) for l in loss_hist))
total = 0
correct = 0
with torch.no_grad():
    test_spk, _ = net(data.view(data.size(0), -1))
    _, predicted = test_spk.sum(dim=0).max(1)
    total += targets.size(0)
    correct += (predicted == targets).sum().item()
print(f"Total correctly classified test set images: {correct}/{total}")
print(predicted.dtype, test_spk.sum(dim=0).argmax(1).shape, test_spk.requires_grad)

# %%
mem = torch.zeros(4, requires_grad=True)
spk = (mem > 1.0).float()
try:
    spk.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
spk = torch.heaviside(mem - 1.0, torch.tensor(0.0))
print(spk, spk.requires_grad, spk.grad_fn)
try:
    spk.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.heaviside(mem, 0.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.sign(mem).sum().backward()
    print(mem.grad)
except Exception as e:
    print(type(e).__name__, e)
