# Imitates a "directional statistics" lesson: wind directions and times of day on the circle with the von Mises
# distribution, its concentration, sampling, circular means, fitting by maximum likelihood, and common mistakes.
import math
import torch
from torch.distributions import VonMises, Normal, Uniform

# %%
torch.manual_seed(0)
vm = VonMises(torch.tensor(0.5), torch.tensor(2.0))
print(vm)
print(vm.mean, vm.mode, vm.variance)
print(vm.support, vm.arg_constraints, vm.has_rsample)

# %%
angles = vm.sample((10,))
angles

# %%
vm.log_prob(angles)

# %%
# concentration controls spread: circular variance 1 - I1(k)/I0(k)
kappas = torch.tensor([0.01, 0.5, 1.0, 4.0, 20.0, 200.0])
vms = VonMises(torch.zeros(6), kappas)
print(vms.variance)
print(vms.log_prob(torch.zeros(6)))
print(vms.sample((3,)))

# %%
# circular mean of samples
torch.manual_seed(1)
th = VonMises(torch.tensor(3.0), torch.tensor(5.0)).sample((500,))
m = torch.atan2(torch.sin(th).mean(), torch.cos(th).mean())
print(m.round(decimals=2), th.min() >= -math.pi, th.max() <= math.pi)

# %%
# fit loc and concentration by maximum likelihood
loc = torch.tensor(0.0, requires_grad=True)
log_k = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.SGD([loc, log_k], lr=0.5)
for step in range(40):
    opt.zero_grad()
    nll = -VonMises(loc, log_k.exp()).log_prob(th).mean()
    nll.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(nll.item(), 4), round(loc.item(), 4), round(log_k.exp().item(), 4))

# %%
nll.grad_fn, loc.grad

# %%
# double precision
vm64 = VonMises(torch.tensor([0.0, 1.0], dtype=torch.float64), torch.tensor([1.0, 50.0], dtype=torch.float64))
torch.manual_seed(3)
s = vm64.sample((2,))
print(s, s.dtype)
print(vm64.log_prob(s))
print(vm64.variance)

# %%
e = vm.expand((2, 2))
print(e.batch_shape, e.sample().shape, e)

# %%
# mistake: rsample is not implemented for VonMises
vm.rsample()

# %%
# mistake: negative concentration
VonMises(torch.tensor(0.0), torch.tensor(-1.0))

# %%
# mistake: entropy
vm.entropy()

# %%
# mistake: cdf
vm.cdf(torch.tensor(0.0))

# %%
# log_prob outside [-pi, pi)
vm.log_prob(torch.tensor(4.0))

# %%
VonMises(0.0, 1.0)

# %%
VonMises(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0, 3.0]))
