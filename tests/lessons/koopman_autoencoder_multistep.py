# Imitates Koopman-autoencoder tutorials (deep learning for the Koopman operator): trajectories of a damped pendulum,
# an encoder / decoder nn.Sequential around a linear latent operator nn.Linear(bias=False), a loss of reconstruction,
# one-step linearity and multi-step prediction in a loop, the latent operator's eigenvalues as the learned frequencies,
# and the learners' mistakes (numpy() of complex eigenvalues that require grad, complex @ real, backward through eig).
import torch
from torch import nn

torch.manual_seed(0)
def pendulum(s, dt=0.05):
    th, om = s[..., 0], s[..., 1]
    return torch.stack([th + dt * om, om - dt * (torch.sin(th) + 0.1 * om)], dim=-1)
x0 = (torch.rand(64, 2) - 0.5) * 2
trajs = [x0]
for _ in range(30):
    trajs.append(pendulum(trajs[-1]))
data = torch.stack(trajs, dim=1)
print(data.shape)

# %%
class Koopman(nn.Module):
    def __init__(self, n=2, latent=4, hidden=16):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(n, hidden), nn.Tanh(), nn.Linear(hidden, latent))
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), nn.Tanh(), nn.Linear(hidden, n))
        self.K = nn.Linear(latent, latent, bias=False)
        with torch.no_grad():
            self.K.weight.copy_(torch.eye(latent) + 0.01 * torch.randn(latent, latent))
    def forward(self, x, steps):
        z = self.encoder(x)
        preds = []
        for _ in range(steps):
            z = self.K(z)
            preds.append(self.decoder(z))
        return torch.stack(preds, dim=1)
model = Koopman()
print(model)
print(sum(p.numel() for p in model.parameters()))

# %%
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
steps = 10
for epoch in range(20):
    x = data[:, 0]
    z = model.encoder(data)
    recon = model.decoder(z)
    lin = ((model.K(z[:, :-1]) - z[:, 1:]) ** 2).mean()
    pred = model(x, steps)
    loss = ((recon - data) ** 2).mean() + lin + ((pred - data[:, 1:steps + 1]) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(epoch, f"{loss.item():.4f}", f"{lin.item():.4f}")

# %%
lam = torch.linalg.eigvals(model.K.weight)
print(lam.requires_grad, lam.grad_fn)
print(lam.abs().detach() < 1.5)
freqs = torch.angle(lam) / 0.05
print(freqs.dtype, freqs.shape)

# %%
lam.numpy()

# %%
lam.detach().numpy().shape

# %%
z = model.encoder(data[:, 0]).detach()
z @ torch.linalg.eig(model.K.weight.detach())[1]

# %%
L, V = torch.linalg.eig(model.K.weight.detach())
zc = z.to(V.dtype) @ V
print(zc.dtype, zc.shape)
back = (zc @ torch.linalg.inv(V)).real
print(torch.allclose(back, z, atol=1e-4))
Kt = V @ torch.diag_embed(L) @ torch.linalg.inv(V)
print(torch.allclose(Kt.real, model.K.weight.detach(), atol=1e-4))

# %%
zs = (zc * L ** 3) @ torch.linalg.inv(V)
zs2 = z @ torch.linalg.matrix_power(model.K.weight.detach().T, 3)
print(torch.allclose(zs.real, zs2, atol=1e-4))

# %%
Wk = model.K.weight
L, V = torch.linalg.eig(Wk)
loss = (L.abs() - 0.99).relu().sum() + V.real.sum()
loss.backward()

# %%
opt.zero_grad()
L = torch.linalg.eigvals(Wk)
(L.abs() - 0.99).relu().sum().backward()
print(Wk.grad is not None)
