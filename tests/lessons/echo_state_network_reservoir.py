# Imitates reservoir-computing tutorials: an echo state network whose random reservoir is scaled to a spectral radius
# below one (torch.linalg.eigvals(...).abs().max()), driven by a sine / Mackey-Glass-like signal with a torch.tanh
# recurrence under torch.no_grad(), a washout, and a ridge-regression readout solved with torch.linalg.solve and
# torch.eye; then closed-loop prediction; plus the learners' mistakes (numpy() of a tensor that requires grad,
# solve with mismatched shapes and dtypes, a singular normal matrix).
import torch

torch.manual_seed(0)
N, T = 50, 400
W = torch.randn(N, N) * (torch.rand(N, N) < 0.1)
eig = torch.linalg.eigvals(W)
print(eig.dtype, eig.shape)
rho = eig.abs().max()
print(rho)
W = W * (0.9 / rho)
print(torch.linalg.eigvals(W).abs().max())
Win = (torch.rand(N, 1) - 0.5) * 0.5

# %%
t = torch.arange(T + 1, dtype=torch.float32) * 0.1
u = torch.sin(t) * torch.cos(0.3 * t)
states = torch.zeros(T, N)
x = torch.zeros(N)
with torch.no_grad():
    for k in range(T):
        x = torch.tanh(W @ x + Win[:, 0] * u[k])
        states[k] = x
print(states.shape, states.requires_grad, states[-1, :4])

# %%
washout = 50
S, Y = states[washout:], u[washout + 1:T + 1]
beta = 1e-6
Wout = torch.linalg.solve(S.T @ S + beta * torch.eye(N), S.T @ Y)
print(Wout.shape)
pred = S @ Wout
print(torch.sqrt(((pred - Y) ** 2).mean()) < 1e-2)

# %%
Wout2 = torch.linalg.solve(S.T @ S + beta * torch.eye(N), (S.T @ Y)[:, None])
print(Wout2.shape, torch.allclose(Wout2[:, 0], Wout, atol=1e-4))
Wout3 = torch.linalg.solve(S @ S.T + beta * torch.eye(len(S)), S, left=True)
print(Wout3.shape)
Wt = torch.linalg.lstsq(S, Y[:, None]).solution
print(Wt.shape)

# %%
x = states[-1]
y = u[T]
outs = []
with torch.no_grad():
    for k in range(20):
        x = torch.tanh(W @ x + Win[:, 0] * y)
        y = x @ Wout
        outs.append(y)
gen = torch.stack(outs)
print(gen.shape, gen.requires_grad)

# %%
torch.linalg.solve(S.T @ S + beta * torch.eye(N), S.T @ Y[:-1, None])

# %%
torch.linalg.solve(S.T @ S + beta * torch.eye(N, dtype=torch.float64), S.T @ Y)

# %%
torch.linalg.solve(S.T @ S, S.T @ Y, left=False)

# %%
torch.linalg.solve(torch.zeros(3, 3), torch.ones(3))

# %%
torch.linalg.solve(torch.zeros(2, 3, 3), torch.ones(2, 3))

# %%
Wg = torch.randn(N, N, requires_grad=True)
rho = torch.linalg.eigvals(Wg).abs().max()
rho.numpy()

# %%
lam = torch.linalg.eigvals(Wg)
print(lam.requires_grad, lam.grad_fn)
lam.numpy()

# %%
lam.detach().numpy().dtype, lam.real.detach().numpy().dtype, lam.abs().detach().numpy().dtype

# %%
rho.backward()
print(Wg.grad.abs().sum() > 0)

# %%
torch.linalg.eigvals(torch.eye(3, dtype=torch.float16))

# %%
torch.linalg.eigvals(torch.randn(3, 3, dtype=torch.complex64)).dtype, torch.linalg.eigvals(torch.eye(2, dtype=torch.float64)).dtype

# %%
torch.linalg.eigvals(torch.randn(2, 3))

# %%
torch.linalg.solve(torch.eye(3, dtype=torch.complex64), torch.ones(3, dtype=torch.complex64)), torch.linalg.solve(torch.eye(2), torch.ones(2, 4))

# %%
torch.linalg.solve(torch.eye(3), torch.ones(3, dtype=torch.complex64))

# %%
torch.eye(3, 4), torch.eye(2, dtype=torch.int64), torch.eye(0)

# %%
torch.eye(-1)
