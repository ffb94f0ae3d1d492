# Imitates snnTorch's "Recurrent Spiking Neural Networks" / Synaptic and RLeaky tutorials and its "Learnable decay
# and threshold" notes in plain torch: a synaptic (two-state) neuron with learnable alpha and beta (nn.Parameter,
# clamp_ under torch.no_grad after each step), a recurrent LIF layer with an nn.Linear on its own spikes, surrogate
# factories as snntorch.surrogate writes them (a closure over Function.apply called with keyword arguments, and a
# setup_context-style Function with default arguments), BPTT with Adam on random sequences, mse_count_loss targets,
# and the state printouts a learner makes (parameter values, grads, spike counts per step).
import torch
import torch.nn as nn

torch.manual_seed(3)

class FastSigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input_, slope=25):
        ctx.save_for_backward(input_)
        ctx.slope = slope
        return (input_ > 0).float()

    @staticmethod
    def backward(ctx, grad_output):
        (input_,) = ctx.saved_tensors
        print("needs_input_grad", ctx.needs_input_grad) if ctx.slope == 7 else None
        return grad_output / (ctx.slope * torch.abs(input_) + 1.0) ** 2, None

def fast_sigmoid(slope=25):
    def inner(x):
        return FastSigmoid.apply(x, slope=slope)
    return inner

m = torch.tensor([-0.2, 0.0, 0.1], requires_grad=True)
s = fast_sigmoid(slope=7)(m)
print(s, s.grad_fn)
s.sum().backward()
print(m.grad)
for call in [lambda: FastSigmoid.apply(input_=m), lambda: FastSigmoid.apply(m, 25, slope=3),
             lambda: FastSigmoid.apply(m, alpha=2.0), lambda: FastSigmoid.apply(slope=5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

# %%
class ATan(torch.autograd.Function):
    generate_vmap_rule = True

    @staticmethod
    def forward(input_, alpha=2.0):
        return (input_ > 0).float()

    @staticmethod
    def setup_context(ctx, inputs, output):
        input_, alpha = inputs
        ctx.save_for_backward(input_)
        ctx.alpha = alpha

    @staticmethod
    def backward(ctx, grad_output):
        (input_,) = ctx.saved_tensors
        print("ATan needs_input_grad", ctx.needs_input_grad, "alpha", ctx.alpha)
        return ctx.alpha / 2 / (1 + (torch.pi / 2 * ctx.alpha * input_).pow(2)) * grad_output, None

def atan(alpha=2.0):
    def inner(x):
        return ATan.apply(x, alpha)
    return inner

m.grad = None
ATan.apply(m).sum().backward()
print(m.grad)
m.grad = None
ATan.apply(m, alpha=4.0).sum().backward()
print(m.grad)
for call in [lambda: ATan.apply(), lambda: ATan.apply(m, 1.0, 2.0), lambda: ATan.apply(m, slope=1.0)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.func.grad(lambda x: ATan.apply(x).sum())(torch.tensor([0.1, -0.3])))
print(torch.vmap(lambda x: ATan.apply(x, 2.0))(torch.tensor([[0.1, -0.3], [1.0, 0.0]])))

# %%
class Synaptic(nn.Module):
    def __init__(self, alpha, beta, threshold=1.0, spike_grad=None, learn_alpha=True, learn_beta=True,
                 learn_threshold=False):
        super().__init__()
        self.alpha = nn.Parameter(torch.as_tensor(alpha)) if learn_alpha else torch.as_tensor(alpha)
        self.beta = nn.Parameter(torch.as_tensor(beta)) if learn_beta else torch.as_tensor(beta)
        self.threshold = nn.Parameter(torch.as_tensor(threshold)) if learn_threshold else torch.as_tensor(threshold)
        self.spike_grad = spike_grad or atan()

    def forward(self, input_, syn, mem):
        reset = self.spike_grad(mem - self.threshold).detach()
        syn = self.alpha * syn + input_
        mem = self.beta * mem + syn - reset * self.threshold
        spk = self.spike_grad(mem - self.threshold)
        return spk, syn, mem

class RLeaky(nn.Module):
    def __init__(self, beta, size, spike_grad=None):
        super().__init__()
        self.beta = beta
        self.recurrent = nn.Linear(size, size)
        self.spike_grad = spike_grad or fast_sigmoid(slope=25)

    def forward(self, input_, spk, mem):
        reset = (mem > 1.0).float()
        mem = self.beta * mem + input_ + self.recurrent(spk) - reset
        spk = self.spike_grad(mem - 1.0)
        return spk, mem

class Net(nn.Module):
    def __init__(self, num_inputs=6, num_hidden=8, num_outputs=3):
        super().__init__()
        self.fc1 = nn.Linear(num_inputs, num_hidden)
        self.rlif1 = RLeaky(beta=0.9, size=num_hidden)
        self.fc2 = nn.Linear(num_hidden, num_outputs)
        self.syn2 = Synaptic(alpha=0.8, beta=0.7, learn_threshold=True, spike_grad=fast_sigmoid(25))

    def forward(self, x):
        spk1 = torch.zeros(x.size(1), self.fc1.out_features)
        mem1 = torch.zeros_like(spk1)
        syn2 = torch.zeros(x.size(1), self.fc2.out_features)
        mem2 = torch.zeros_like(syn2)
        spk_rec, mem_rec = [], []
        for step in range(x.size(0)):
            spk1, mem1 = self.rlif1(self.fc1(x[step]), spk1, mem1)
            spk2, syn2, mem2 = self.syn2(self.fc2(spk1), syn2, mem2)
            spk_rec.append(spk2)
            mem_rec.append(mem2)
        return torch.stack(spk_rec), torch.stack(mem_rec)

net = Net()
print(net)
print([(n, tuple(p.shape)) for n, p in net.named_parameters()])
x = (torch.rand(10, 4, 6) < 0.5).float()
spk_rec, mem_rec = net(x)
print(spk_rec.shape, mem_rec.shape, spk_rec.sum(dim=(1, 2)))

# %%
def mse_count_loss(spk_out, targets, correct_rate=0.8, incorrect_rate=0.2):
    num_steps, _, num_classes = spk_out.shape
    spike_count = spk_out.sum(0)
    on_target = int(num_steps * correct_rate)
    off_target = int(num_steps * incorrect_rate)
    target = torch.full_like(spike_count, off_target)
    target[torch.arange(len(targets)), targets] = on_target
    return nn.MSELoss()(spike_count, target)

targets = torch.tensor([0, 1, 2, 1])
optimizer = torch.optim.Adam(net.parameters(), lr=2e-2)
for it in range(4):
    spk_rec, mem_rec = net(x)
    loss = mse_count_loss(spk_rec, targets)
    optimizer.zero_grad()
    loss.backward()
    if it == 0:
        print({n: None if p.grad is None else tuple(p.grad.shape) for n, p in net.named_parameters()})
        print(net.syn2.alpha.grad, net.syn2.beta.grad, net.syn2.threshold.grad)
    optimizer.step()
    with torch.no_grad():
        net.syn2.alpha.clamp_(0, 1)
        net.syn2.beta.clamp_(0, 1)
    acc = (spk_rec.sum(dim=0).argmax(1) == targets).float().mean()
    print(f"it {it} loss {loss.item():.3f} acc {acc:.2f} alpha {net.syn2.alpha.item():.4f} "
          f"beta {net.syn2.beta.item():.4f} thr {net.syn2.threshold.item():.4f}")
print(net.syn2.alpha, net.syn2.alpha.is_leaf, net.syn2.alpha.grad_fn)
try:
    net.syn2.beta.clamp_(0, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    net.syn2.beta.data.clamp_(0, 1)
    print(net.syn2.beta)
except Exception as e:
    print(type(e).__name__, e)
