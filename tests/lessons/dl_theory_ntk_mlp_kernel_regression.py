# Imitates a deep-learning theory course notebook: the empirical neural tangent kernel of a small MLP computed three
# ways (loops of torch.autograd.grad, torch.func.jacrev + vmap + functional_call, torch.autograd.functional.jacobian),
# NTK kernel regression with torch.linalg.solve / cholesky_solve compared to a trained network, and the errors
# learners hit (jacrev of a function returning a tuple without has_aux, vmap over a dim of the wrong size).
import torch
import torch.nn as nn
from torch.func import functional_call, vmap, jacrev
torch.manual_seed(0)
torch.set_printoptions(precision=8)

class MLP(nn.Module):
    def __init__(self, d_in=2, width=16, depth=2):
        super().__init__()
        layers, d = [], d_in
        for _ in range(depth):
            layers += [nn.Linear(d, width), nn.Tanh()]
            d = width
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)

net = MLP().double()
X = torch.linspace(-1, 1, 5, dtype=torch.float64).unsqueeze(1).repeat(1, 2) * torch.tensor([1.0, -0.5], dtype=torch.float64)
y = torch.sin(3 * X[:, 0:1])
print(X.shape, X.dtype, y.shape)
print(sum(p.numel() for p in net.parameters()))
print([(n, tuple(p.shape)) for n, p in net.named_parameters()])

# %%
# per-example Jacobians by a loop of autograd.grad
def flat_grad(model, x):
    out = model(x.unsqueeze(0)).squeeze()
    grads = torch.autograd.grad(out, list(model.parameters()))
    return torch.cat([g.reshape(-1) for g in grads])

J_loop = torch.stack([flat_grad(net, x) for x in X])
print(J_loop.shape, J_loop.dtype, J_loop.requires_grad)
K_loop = J_loop @ J_loop.T
print(K_loop)
print(torch.linalg.eigvalsh(K_loop))

# %%
params = {k: v.detach() for k, v in net.named_parameters()}

def f_single(params, x):
    return functional_call(net, params, (x.unsqueeze(0),)).squeeze(0)

jac = vmap(jacrev(f_single), (None, 0))(params, X)
print({k: tuple(v.shape) for k, v in jac.items()})
J_func = torch.cat([j.flatten(2) for j in jac.values()], dim=2).squeeze(1)
print(J_func.shape)
K_func = J_func @ J_func.T
print(torch.allclose(K_func, K_loop), (K_func - K_loop).abs().max().item() < 1e-12)
K_func

# %%
# the einsum form of the tutorial
def empirical_ntk(params, x1, x2):
    j1 = vmap(jacrev(f_single), (None, 0))(params, x1)
    j2 = vmap(jacrev(f_single), (None, 0))(params, x2)
    return sum(torch.einsum('Naf,Mbf->NMab', a.flatten(2), b.flatten(2)) for a, b in zip(j1.values(), j2.values()))

K_e = empirical_ntk(params, X, X[:3])
print(K_e.shape)
print(K_e.squeeze(-1).squeeze(-1))

# %%
# the whole-batch Jacobian with autograd.functional.jacobian over a flat parameter vector
from torch.nn.utils import parameters_to_vector, vector_to_parameters
theta0 = parameters_to_vector(net.parameters()).detach()
print(theta0.shape, theta0[:5])

def f_theta(theta):
    ps, i = {}, 0
    for k, v in params.items():
        ps[k] = theta[i:i + v.numel()].view_as(v)
        i += v.numel()
    return functional_call(net, ps, (X,)).squeeze(1)

J_full = torch.autograd.functional.jacobian(f_theta, theta0)
print(J_full.shape, torch.allclose(J_full, J_loop))
print(J_full[:, -3:])
Jv = torch.autograd.functional.jvp(f_theta, theta0, torch.ones_like(theta0))
print(Jv[0], Jv[1])

# %%
# NTK kernel regression: f(x*) = K(x*, X) K(X, X)^-1 y
X_test = torch.tensor([[0.25, -0.125], [-0.75, 0.375]], dtype=torch.float64)
K_xX = empirical_ntk(params, X_test, X).squeeze(-1).squeeze(-1)
K_XX = K_func + 1e-2 * torch.eye(5, dtype=torch.float64)
f0_train = functional_call(net, params, (X,)).detach()
f0_test = functional_call(net, params, (X_test,)).detach()
alpha = torch.linalg.solve(K_XX, y - f0_train)
pred_solve = f0_test + K_xX @ alpha
L = torch.linalg.cholesky(K_XX)
alpha_c = torch.cholesky_solve(y - f0_train, L)
pred_chol = f0_test + K_xX @ alpha_c
print(alpha.squeeze(), alpha_c.squeeze())
print(pred_solve.squeeze(), pred_chol.squeeze(), torch.allclose(pred_solve, pred_chol))
print(torch.linalg.solve(K_XX, y - f0_train, left=True).shape)

# %%
# train the network with full-batch GD and compare
net2 = MLP().double()
net2.load_state_dict(net.state_dict())
opt = torch.optim.SGD(net2.parameters(), lr=0.05)
for step in range(200):
    opt.zero_grad()
    loss = 0.5 * ((net2(X) - y) ** 2).sum()
    loss.backward()
    opt.step()
    if step % 50 == 0:
        print(step, loss.item())
with torch.no_grad():
    print(net2(X_test).squeeze(), pred_solve.squeeze())
    print((net2(X_test) - pred_solve).abs().max().item())
print(loss.grad_fn, net2.net[0].weight.grad.norm())

# %%
# errors learners hit
def f_two(params, x):
    out = functional_call(net, params, (x.unsqueeze(0),)).squeeze(0)
    return out, out.pow(2)

try:
    jacrev(f_two)(params, X[0])
    print("no error")
except Exception as e:
    print(type(e).__name__, e)

j_aux, aux = jacrev(lambda p, x: f_two(p, x), has_aux=True)(params, X[0])
print(sorted(j_aux), aux)

try:
    vmap(f_single, in_dims=(None, 0))(params, X[:, :1].T)
except Exception as e:
    print(type(e).__name__, e)

try:
    vmap(lambda a, b: a * b, in_dims=(0, 0))(torch.ones(3), torch.ones(4))
except Exception as e:
    print(type(e).__name__, e)

try:
    vmap(lambda a: a.sum(), in_dims=1)(torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
