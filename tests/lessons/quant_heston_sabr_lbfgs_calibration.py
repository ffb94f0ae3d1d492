# Imitates model-calibration notebooks: a Heston call priced by Fourier integration with complex128 tensors
# (torch.complex, exp / log / sqrt of complex numbers, torch.trapezoid, .real), Hagan's SABR implied-volatility
# formula, both calibrated to quotes with torch.optim.LBFGS (closure, strong Wolfe line search) on parameters kept
# positive with softplus / sigmoid, nn.Parameter and a param dict, and the mistakes: LBFGS without a closure, a
# complex tensor where a real one is needed, a closure that does not return the loss, float32 parameters.
import math
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

# %%
def heston_cf(u, T, r, kappa, theta, xi, rho, v0):
    i = torch.complex(torch.tensor(0.0), torch.tensor(1.0))
    d = torch.sqrt((rho * xi * i * u - kappa) ** 2 + xi ** 2 * (i * u + u ** 2))
    g = (kappa - rho * xi * i * u - d) / (kappa - rho * xi * i * u + d)
    C = r * i * u * T + kappa * theta / xi ** 2 * ((kappa - rho * xi * i * u - d) * T
                                                  - 2 * torch.log((1 - g * torch.exp(-d * T)) / (1 - g)))
    D = (kappa - rho * xi * i * u - d) / xi ** 2 * (1 - torch.exp(-d * T)) / (1 - g * torch.exp(-d * T))
    return torch.exp(C + D * v0)

u = torch.linspace(1e-6, 100, 2001)
phi = heston_cf(u, 1.0, 0.02, torch.tensor(2.0), torch.tensor(0.04), torch.tensor(0.5), torch.tensor(-0.7), torch.tensor(0.04))
print(phi.dtype, phi[:2], phi.abs().max(), phi.angle()[:2])

# %%
def heston_call(S, K, T, r, kappa, theta, xi, rho, v0):
    i = torch.complex(torch.tensor(0.0), torch.tensor(1.0))
    lk = math.log(K / S)
    f1 = (torch.exp(-i * u * lk) * heston_cf(u - i, T, r, kappa, theta, xi, rho, v0)
          / (i * u * heston_cf(-i * torch.ones(1), T, r, kappa, theta, xi, rho, v0))).real
    f2 = (torch.exp(-i * u * lk) * heston_cf(u, T, r, kappa, theta, xi, rho, v0) / (i * u)).real
    P1 = 0.5 + torch.trapezoid(f1, u) / math.pi
    P2 = 0.5 + torch.trapezoid(f2, u) / math.pi
    return S * P1 - K * math.exp(-r * T) * P2

true = dict(kappa=torch.tensor(1.5), theta=torch.tensor(0.05), xi=torch.tensor(0.4), rho=torch.tensor(-0.6),
            v0=torch.tensor(0.045))
strikes = [80.0, 90.0, 100.0, 110.0, 120.0]
quotes = torch.stack([heston_call(100.0, k, 1.0, 0.02, **true) for k in strikes])
print(quotes)

# %%
# gradient of a Heston price with respect to its parameters, through complex arithmetic
xi = torch.tensor(0.4, requires_grad=True)
rho = torch.tensor(-0.6, requires_grad=True)
p = heston_call(100.0, 100.0, 1.0, 0.02, true["kappa"], true["theta"], xi, rho, true["v0"])
p.backward()
print(p, xi.grad, rho.grad, p.grad_fn)

# %%
raw = {k: torch.nn.Parameter(torch.tensor(v)) for k, v in
       dict(kappa=0.5, theta=-2.5, xi=-0.5, rho=0.0, v0=-3.0).items()}
def params():
    return dict(kappa=F.softplus(raw["kappa"]), theta=raw["theta"].exp(), xi=F.softplus(raw["xi"]),
                rho=torch.tanh(raw["rho"]), v0=raw["v0"].exp())
opt = torch.optim.LBFGS(raw.values(), lr=1, max_iter=50, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    model = torch.stack([heston_call(100.0, k, 1.0, 0.02, **params()) for k in strikes])
    loss = ((model - quotes) ** 2).sum()
    loss.backward()
    return loss
for it in range(3):
    l = opt.step(closure)
    print(it, f"{l.item():.3e}")
print({k: round(v.item(), 3) for k, v in params().items()})

# %%
print(opt.state_dict()["param_groups"][0]["line_search_fn"], len(opt.state_dict()["state"]))
print(opt)

# %%
opt.step()

# %%
def bad_closure():
    opt.zero_grad()
    loss = ((torch.stack([heston_call(100.0, k, 1.0, 0.02, **params()) for k in strikes]) - quotes) ** 2).sum()
    loss.backward()
opt.step(bad_closure)

# %%
# SABR (Hagan 2002), beta = 1
def sabr_vol(F0, K, T, alpha, rho, nu):
    z = nu / alpha * torch.log(F0 / K)
    x = torch.log((torch.sqrt(1 - 2 * rho * z + z ** 2) + z - rho) / (1 - rho))
    ratio = torch.where(z.abs() < 1e-7, torch.ones_like(z), z / x)
    return alpha * ratio * (1 + (rho * nu * alpha / 4 + (2 - 3 * rho ** 2) * nu ** 2 / 24) * T)

Ks = torch.tensor([0.8, 0.9, 1.0, 1.1, 1.2])
mkt = sabr_vol(torch.tensor(1.0), Ks, 1.0, torch.tensor(0.2), torch.tensor(-0.3), torch.tensor(0.6))
print(mkt)

# %%
theta = torch.zeros(3, requires_grad=True)
opt = torch.optim.LBFGS([theta], lr=0.5, max_iter=100, history_size=10, tolerance_grad=1e-12, tolerance_change=1e-14)
def unpack(t):
    return F.softplus(t[0]) * 0.3, torch.tanh(t[1]), F.softplus(t[2])
def closure():
    opt.zero_grad()
    a, rh, n = unpack(theta)
    loss = ((sabr_vol(torch.tensor(1.0), Ks, 1.0, a, rh, n) - mkt) ** 2).mean()
    loss.backward()
    return loss
for _ in range(4):
    loss = opt.step(closure)
print(f"{loss.item():.2e}", [round(v.item(), 4) for v in unpack(theta)])
print(opt.state[theta]["n_iter"], opt.state[theta]["func_evals"] > 0)

# %%
# mistake: calling .backward() on a complex result
z = heston_cf(torch.tensor([1.0]), 1.0, 0.02, torch.tensor(2.0, requires_grad=True), torch.tensor(0.04),
              torch.tensor(0.5), torch.tensor(-0.7), torch.tensor(0.04))
print(z, z.grad_fn)
z.sum().backward()

# %%
# mistake: comparing complex numbers, and a complex value into a real tensor
print(z.abs() > 0.5, z.real.dtype, torch.view_as_real(z))
z > 0.5

# %%
out = torch.zeros(1)
out[0] = z[0]

# %%
# mistake: a float32 parameter in a float64 model
p32 = torch.tensor([0.2], dtype=torch.float32, requires_grad=True)
v = sabr_vol(torch.tensor(1.0), Ks, 1.0, p32, torch.tensor(-0.3), torch.tensor(0.6))
print(v.dtype)
torch.optim.LBFGS([p32]).step(lambda: ((v - mkt) ** 2).sum())

# %%
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype())
