# Imitates the Lagrangian and Hamiltonian neural network notebooks written with torch.func (Cranmer et al.'s LNN ported
# from JAX, "Hamiltonian neural networks in PyTorch" blog posts, the torch.func "Jacobians, Hessians, hvp, vhp"
# tutorial): the Euler-Lagrange acceleration qdd = pinv(d2L/dqd2) (dL/dq - d2L/dqdqd qd) from torch.func.hessian and
# jacrev of a scalar Lagrangian, vmap over a batch of states, the HNN vector field J grad H from jacrev and from
# torch.autograd.grad, a SiLU network with xavier_uniform_ init (gain from calculate_gain), training on
# time derivatives with Adam, and the errors learners meet with vmap and jacrev.
import math
import torch
import torch.nn as nn
from torch.func import grad, hessian, jacfwd, jacrev, vmap, functional_call

# %%
def lagrangian_spring(q, qd, m=1.0, k=4.0):
    return 0.5 * m * (qd ** 2).sum() - 0.5 * k * (q ** 2).sum()

def lagrangian_eom(L, state):
    q, qd = state.chunk(2, dim=-1)
    d2L_dqd2 = hessian(L, argnums=1)(q, qd)
    dL_dq = jacrev(L, argnums=0)(q, qd)
    d2L_dq_dqd = jacfwd(jacrev(L, argnums=1), argnums=0)(q, qd)
    qdd = torch.linalg.pinv(d2L_dqd2) @ (dL_dq - d2L_dq_dqd @ qd)
    return torch.cat([qd, qdd])

state = torch.tensor([1.0, 0.5, 0.0, -1.0])
print(lagrangian_eom(lagrangian_spring, state))
print(hessian(lagrangian_spring, argnums=1)(state[:2], state[2:]))
print(jacrev(lagrangian_spring, argnums=(0, 1))(state[:2], state[2:]))

# %%
batch = torch.randn(5, 4, generator=torch.Generator().manual_seed(0))
acc = vmap(lambda s: lagrangian_eom(lagrangian_spring, s))(batch)
print(acc.shape)
print(acc)
print(torch.allclose(acc[:, 2:], -4.0 * batch[:, :2]))

# %%
def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain('tanh'))
        m.bias.data.fill_(0.01)

class LNN(nn.Module):
    def __init__(self, n=1, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2 * n, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))
        self.net.apply(init_weights)
    def forward(self, q, qd):
        return self.net(torch.cat([q, qd], dim=-1)).squeeze(-1)

torch.manual_seed(0)
lnn = LNN()
print(nn.init.calculate_gain('tanh'), nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('selu'))
print(lnn.net[0].bias[:4], lnn.net[2].weight.std().item() < 1)
params = dict(lnn.named_parameters())
def L_func(q, qd):
    return functional_call(lnn, params, (q, qd))
s = torch.tensor([0.3, -0.2])
print(L_func(s[:1], s[1:]), lagrangian_eom(L_func, s))

# %%
# learn the pendulum: qdd = -sin(q); in float64, as the LNN notebooks do (the Hessian's inverse is ill-conditioned)
torch.manual_seed(1)
lnn = lnn.double()
states = torch.cat([torch.rand(16, 1) * 2 - 1, torch.rand(16, 1) * 2 - 1], dim=1).double()
targets = torch.cat([states[:, 1:], -torch.sin(states[:, :1])], dim=1)
opt = torch.optim.Adam(lnn.parameters(), lr=3e-3)
def batched_eom(p, states):
    def L(q, qd):
        return functional_call(lnn, p, (q, qd))
    return vmap(lambda s: lagrangian_eom(L, s))(states)
for it in range(9):
    opt.zero_grad()
    pred = batched_eom(dict(lnn.named_parameters()), states)
    loss = ((pred - targets) ** 2).mean()
    loss.backward()
    opt.step()
    if it % 4 == 0:
        print(f"iter {it:3d} loss {loss.item():.5f}")
print(pred.dtype, pred.shape)

# %%
class HNN(nn.Module):
    def __init__(self, hidden=32):
        super().__init__()
        self.H = nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, 1))
        self.register_buffer("J", torch.tensor([[0.0, 1.0], [-1.0, 0.0]]))
    def forward(self, x):
        x = x.requires_grad_() if not x.requires_grad else x
        H = self.H(x)
        dH = torch.autograd.grad(H.sum(), x, create_graph=True)[0]
        return dH @ self.J.T
    def field_func(self, x):
        dH = vmap(jacrev(lambda z: self.H(z).squeeze(-1)))(x)
        return dH @ self.J.T

torch.manual_seed(2)
hnn = HNN()
print(hnn.J, list(hnn.buffers())[0].requires_grad)
x = torch.randn(4, 2)
f1 = hnn(x.clone())
f2 = hnn.field_func(x)
print(f1.shape, f2.shape, torch.allclose(f1, f2, atol=1e-6))
print(f1)
print(f1.grad_fn is not None, f2.requires_grad)

# %%
q = torch.linspace(-1, 1, 16)
p = torch.linspace(-1, 1, 16)
Q, P = torch.meshgrid(q, p, indexing='ij')
x = torch.stack([Q, P], dim=-1).reshape(-1, 2)
dx = torch.stack([P, -Q], dim=-1).reshape(-1, 2)         # H = (q^2 + p^2) / 2
opt = torch.optim.Adam(hnn.parameters(), lr=1e-2)
for it in range(30):
    opt.zero_grad()
    loss = (hnn(x.clone()) - dx).pow(2).mean()
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, round(loss.item(), 5))
with torch.no_grad():
    Hs = hnn.H(x).squeeze()
print(x.shape, Hs.shape, f"{(Hs.max() - Hs.min()).item():.3f}")

# %%
for bad in [lambda: vmap(lambda s: lagrangian_eom(lagrangian_spring, s))(torch.randn(4)),
            lambda: grad(lambda z: hnn.H(z))(torch.randn(2)),
            lambda: hessian(lagrangian_spring, argnums=2)(state[:2], state[2:]),
            lambda: vmap(torch.linalg.pinv, in_dims=1)(torch.randn(2, 3)),
            lambda: jacrev(lagrangian_spring, argnums=(0, 0))(state[:2], state[2:])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
