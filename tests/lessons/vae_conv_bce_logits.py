# Imitates convolutional VAE tutorials (Keras-port style): encoder to mu/logvar, reparameterisation trick,
# decoder with ConvTranspose2d, BCE-with-logits reconstruction summed per image, KL term, beta-VAE annealing,
# and sampling from the prior / interpolating in latent space.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
class ConvVAE(nn.Module):
    def __init__(self, latent=2):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, 4, 3, stride=2, padding=1), nn.ReLU(),
                                 nn.Conv2d(4, 8, 3, stride=2, padding=1), nn.ReLU(), nn.Flatten())
        self.fc_mu = nn.Linear(8 * 2 * 2, latent)
        self.fc_logvar = nn.Linear(8 * 2 * 2, latent)
        self.fc_dec = nn.Linear(latent, 8 * 2 * 2)
        self.dec = nn.Sequential(nn.Unflatten(1, (8, 2, 2)),
                                 nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
                                 nn.ConvTranspose2d(4, 1, 3, stride=2, padding=1, output_padding=1))
    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        return mu + eps * std
    def forward(self, x):
        h = self.enc(x)
        mu, logvar = self.fc_mu(h), self.fc_logvar(h)
        z = self.reparameterize(mu, logvar)
        return self.dec(self.fc_dec(z)), mu, logvar
model = ConvVAE()
print(model)
x = (torch.rand(6, 1, 8, 8) > 0.6).float()
logits, mu, logvar = model(x)
print(logits.shape, mu.shape)

# %%
def vae_loss(logits, x, mu, logvar, beta=1.0):
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(dim=(1, 2, 3)).mean()
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1).mean()
    return bce + beta * kld, bce, kld
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for epoch in range(6):
    beta = min(1.0, epoch / 4)
    opt.zero_grad()
    logits, mu, logvar = model(x)
    loss, bce, kld = vae_loss(logits, x, mu, logvar, beta)
    loss.backward()
    opt.step()
    print(f"epoch {epoch} beta {beta:.2f} loss {loss.item():.4f} bce {bce.item():.4f} kld {kld.item():.4f}")

# %%
q = torch.distributions.Normal(mu, torch.exp(0.5 * logvar))
p = torch.distributions.Normal(torch.zeros_like(mu), torch.ones_like(mu))
print(torch.distributions.kl_divergence(q, p).sum(1).mean(), kld)
z = q.rsample()
print(z.grad_fn, q.log_prob(z).sum(-1))
print(torch.distributions.Independent(q, 1).log_prob(z), torch.distributions.Independent(q, 1))
print(F.binary_cross_entropy(torch.sigmoid(logits), x, reduction="sum") / 6)

# %%
model.eval()
with torch.no_grad():
    z = torch.randn(3, 2)
    samples = torch.sigmoid(model.dec(model.fc_dec(z)))
    print(samples.shape, samples.min() >= 0, samples[0, 0, 0])
    za, zb = mu[0], mu[1]
    alphas = torch.linspace(0, 1, 5)
    zs = torch.stack([torch.lerp(za, zb, a) for a in alphas])
    print(zs)
    print(torch.sigmoid(model.dec(model.fc_dec(zs))).mean(dim=(1, 2, 3)))
try:
    F.binary_cross_entropy(logits, x)
except Exception as e:
    print(type(e).__name__, str(e)[:80])
