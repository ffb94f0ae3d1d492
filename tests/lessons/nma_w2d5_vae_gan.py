# Imitates Neuromatch Academy Deep Learning W2D5 "Generative models" tutorials (VAEs and GANs)
# (NeuromatchAcademy/course-content-dl, tutorials/W2D5_GenerativeModels): a tiny ConvVAE-like encoder/decoder with
# the reparameterisation trick (mu + eps * exp(logvar / 2)), the KL term and ELBO with BCE reconstruction, log
# likelihoods with torch.distributions, and a toy GAN loop with nn.BCELoss where the discriminator step detaches the
# generator output, plus the errors a learner meets (BCELoss on raw logits, wrong target shapes).
import random
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

def set_seed(seed=None, seed_torch=True):
    if seed is None:
        seed = np.random.choice(2 ** 32)
    random.seed(seed)
    np.random.seed(seed)
    if seed_torch:
        torch.manual_seed(seed)
        torch.backends.cudnn.benchmark = False
        torch.backends.cudnn.deterministic = True
    print(f'Random seed {seed} has been set.')

SEED = 2021
set_seed(SEED)

class BiasLayer(nn.Module):
    def __init__(self, shape):
        super(BiasLayer, self).__init__()
        init_bias = torch.zeros(shape)
        self.bias = nn.Parameter(init_bias, requires_grad=True)
    def forward(self, x):
        return x + self.bias

class ConvVAE(nn.Module):
    def __init__(self, K, num_filters=4, filter_size=3):
        super(ConvVAE, self).__init__()
        channels, height, width = 1, 6, 6
        self.K = K
        conv_out_size = num_filters * (height - filter_size + 1) * (width - filter_size + 1)
        self.conv_out_shape = (num_filters, height - filter_size + 1, width - filter_size + 1)
        self.bias = BiasLayer((channels, height, width))
        self.conv = nn.Conv2d(channels, num_filters, filter_size)
        self.flatten = nn.Flatten()
        self.q_fc_mu = nn.Linear(conv_out_size, self.K)
        self.q_fc_logvar = nn.Linear(conv_out_size, self.K)
        self.p_fc_upsample = nn.Linear(self.K, conv_out_size)
        self.p_unflatten = nn.Unflatten(-1, self.conv_out_shape)
        self.p_deconv = nn.ConvTranspose2d(num_filters, channels, filter_size)
        self.p_bias = BiasLayer((channels, height, width))
        self.log_sig_x = nn.Parameter(torch.zeros(()))

    def encode(self, x):
        s = self.flatten(F.relu(self.conv(self.bias(x))))
        return self.q_fc_mu(s), self.q_fc_logvar(s)

    def decode(self, z):
        s = F.relu(self.p_unflatten(self.p_fc_upsample(z)))
        return torch.sigmoid(self.p_bias(self.p_deconv(s)))

    def forward(self, x):
        mu, logvar = self.encode(x)
        std = torch.exp(logvar / 2)
        eps = torch.randn_like(std)
        z = mu + eps * std
        return self.decode(z), mu, logvar

def kl_q_p(mu, logvar):
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1)

set_seed(SEED)
vae = ConvVAE(K=2)
print(vae)
x = torch.rand(5, 1, 6, 6)
recon, mu, logvar = vae(x)
print(recon.shape, mu.shape, logvar.shape, recon.grad_fn, mu.grad_fn)
n_params = sum(p.numel() for p in vae.parameters())
print(f"ConvVAE has {n_params} parameters")

# %%
set_seed(SEED)
opt = optim.Adam(vae.parameters(), lr=1e-2)
for epoch in range(6):
    opt.zero_grad()
    recon, mu, logvar = vae(x)
    bce = F.binary_cross_entropy(recon, x, reduction='none').sum(dim=(1, 2, 3))
    kl = kl_q_p(mu, logvar)
    elbo = -(bce + kl).mean()
    (-elbo).backward()
    opt.step()
    print(f"epoch {epoch}: elbo {elbo.item():.4f} kl {kl.mean().item():.4f}")
print(vae.log_sig_x, vae.log_sig_x.grad, vae.bias.bias.grad.shape)
with torch.no_grad():
    z = torch.randn(3, vae.K)
    samples = vae.decode(z)
print(samples.shape, samples.requires_grad, samples.min() >= 0)
q = torch.distributions.Normal(mu, torch.exp(logvar / 2))
print(q, q.rsample().shape, q.log_prob(mu).shape)
p = torch.distributions.Normal(torch.zeros(2), torch.ones(2))
print(torch.distributions.kl_divergence(q, p).sum(1).detach(), kl.detach())

# %%
try:
    nn.BCELoss()(torch.randn(4, 1) * 3, torch.ones(4, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCELoss()(torch.rand(4, 1), torch.ones(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCELoss()(torch.rand(4), torch.ones(4, dtype=torch.long))
except Exception as e:
    print(type(e).__name__, e)
print(nn.BCEWithLogitsLoss()(torch.tensor([0.0, 2.0]), torch.tensor([1.0, 0.0])))
print(nn.BCELoss(reduction='sum')(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 1.0])))

# %%
class Generator(nn.Module):
    def __init__(self, latent_dim=2, out_dim=2):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(latent_dim, 16), nn.LeakyReLU(0.2), nn.Linear(16, out_dim))
    def forward(self, z):
        return self.net(z)

class Discriminator(nn.Module):
    def __init__(self, in_dim=2):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(in_dim, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1), nn.Sigmoid())
    def forward(self, x):
        return self.net(x)

def get_data(batch_size):
    return torch.randn(batch_size, 2) * 0.5 + torch.tensor([2.0, -1.0])

set_seed(SEED)
G, D = Generator(), Discriminator()
criterion = nn.BCELoss()
opt_g = optim.Adam(G.parameters(), lr=2e-3, betas=(0.5, 0.999))
opt_d = optim.Adam(D.parameters(), lr=2e-3, betas=(0.5, 0.999))
batch_size = 8
real_label = torch.ones(batch_size, 1)
fake_label = torch.zeros(batch_size, 1)
for it in range(6):
    real = get_data(batch_size)
    z = torch.randn(batch_size, 2)
    fake = G(z)
    opt_d.zero_grad()
    loss_d = criterion(D(real), real_label) + criterion(D(fake.detach()), fake_label)
    loss_d.backward()
    opt_d.step()
    print(it, G.net[0].weight.grad is None, end=" ")
    opt_g.zero_grad()
    loss_g = criterion(D(fake), real_label)
    loss_g.backward()
    opt_g.step()
    print(f"loss_D {loss_d.item():.4f} loss_G {loss_g.item():.4f}")
print(fake.detach()[:2], D(fake).mean().item() > 0)
print(G.net[2].bias.grad, D.net[2].weight.grad.shape)
fake = G(torch.randn(batch_size, 2))
loss_d = criterion(D(fake), fake_label)
loss_d.backward(retain_graph=True)
print(G.net[0].bias.grad.abs().sum() > 0)
try:
    loss_d.backward()
    loss_d.backward()
except Exception as e:
    print(type(e).__name__, e)
