# Imitates the discrete-latent tutorials (the VQ-VAE notebooks with a VectorQuantizer module, "straight-through
# estimator" posts, the Gumbel-softmax / Categorical VAE notebooks): the codebook nn.Embedding with uniform_ init,
# distances ||z||^2 + ||e||^2 - 2 z.e, argmin, one-hot encodings by scatter_, quantized = inputs + (quantized -
# inputs).detach(), commitment loss, perplexity, F.gumbel_softmax(hard=True) and its straight-through gradient,
# temperature annealing, RelaxedOneHotCategorical, and a hand-written sign() straight-through.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class VectorQuantizer(nn.Module):
    def __init__(self, num_embeddings, embedding_dim, commitment_cost):
        super().__init__()
        self._embedding_dim = embedding_dim
        self._num_embeddings = num_embeddings
        self._embedding = nn.Embedding(self._num_embeddings, self._embedding_dim)
        self._embedding.weight.data.uniform_(-1 / self._num_embeddings, 1 / self._num_embeddings)
        self._commitment_cost = commitment_cost
    def forward(self, inputs):
        inputs = inputs.permute(0, 2, 3, 1).contiguous()
        input_shape = inputs.shape
        flat_input = inputs.view(-1, self._embedding_dim)
        distances = (torch.sum(flat_input ** 2, dim=1, keepdim=True)
                     + torch.sum(self._embedding.weight ** 2, dim=1)
                     - 2 * torch.matmul(flat_input, self._embedding.weight.t()))
        encoding_indices = torch.argmin(distances, dim=1).unsqueeze(1)
        encodings = torch.zeros(encoding_indices.shape[0], self._num_embeddings, device=inputs.device)
        encodings.scatter_(1, encoding_indices, 1)
        quantized = torch.matmul(encodings, self._embedding.weight).view(input_shape)
        e_latent_loss = F.mse_loss(quantized.detach(), inputs)
        q_latent_loss = F.mse_loss(quantized, inputs.detach())
        loss = q_latent_loss + self._commitment_cost * e_latent_loss
        quantized = inputs + (quantized - inputs).detach()
        avg_probs = torch.mean(encodings, dim=0)
        perplexity = torch.exp(-torch.sum(avg_probs * torch.log(avg_probs + 1e-10)))
        return loss, quantized.permute(0, 3, 1, 2).contiguous(), perplexity, encodings

torch.manual_seed(0)
vq = VectorQuantizer(num_embeddings=8, embedding_dim=4, commitment_cost=0.25)
z = torch.randn(2, 4, 3, 3, requires_grad=True)
loss, quantized, perplexity, encodings = vq(z)
print(loss, perplexity, encodings.shape, encodings.sum(0))
print(quantized.grad_fn, quantized.shape)
(quantized.sum() + loss).backward()
z.grad[0, :, 0, 0], vq._embedding.weight.grad.abs().sum()

# %%
torch.manual_seed(0)
encoder = nn.Sequential(nn.Conv2d(1, 8, 4, stride=2, padding=1), nn.ReLU(), nn.Conv2d(8, 4, 3, padding=1))
decoder = nn.Sequential(nn.ConvTranspose2d(4, 8, 4, stride=2, padding=1), nn.ReLU(), nn.Conv2d(8, 1, 3, padding=1))
vq = VectorQuantizer(16, 4, 0.25)
params = list(encoder.parameters()) + list(vq.parameters()) + list(decoder.parameters())
opt = torch.optim.Adam(params, lr=1e-3, amsgrad=False)
data = torch.rand(8, 1, 8, 8)
data_variance = data.var()
for step in range(4):
    z_e = encoder(data)
    vq_loss, z_q, perp, _ = vq(z_e)
    recon = decoder(z_q)
    recon_error = F.mse_loss(recon, data) / data_variance
    loss = recon_error + vq_loss
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f"step {step} recon {recon_error.item():.4f} vq {vq_loss.item():.5f} perplexity {perp.item():.3f}")
data_variance

# %%
torch.manual_seed(0)
logits = torch.randn(3, 5, requires_grad=True)
y_soft = F.gumbel_softmax(logits, tau=0.5)
print(y_soft, y_soft.sum(-1))
y_hard = F.gumbel_softmax(logits, tau=1.0, hard=True)
print(y_hard, y_hard.grad_fn)
(y_hard * torch.arange(5.)).sum().backward()
print(logits.grad)
index = y_hard.max(-1, keepdim=True)[1]
index.squeeze(-1), F.gumbel_softmax(logits, tau=1, hard=True, dim=0).sum(0)

# %%
def sample_gumbel(shape, eps=1e-20):
    U = torch.rand(shape)
    return -torch.log(-torch.log(U + eps) + eps)

def gumbel_softmax_sample(logits, temperature):
    y = logits + sample_gumbel(logits.size())
    return F.softmax(y / temperature, dim=-1)

def gumbel_softmax(logits, temperature, hard=False):
    y = gumbel_softmax_sample(logits, temperature)
    if not hard:
        return y
    shape = y.size()
    _, ind = y.max(dim=-1)
    y_hard = torch.zeros_like(y).view(-1, shape[-1])
    y_hard.scatter_(1, ind.view(-1, 1), 1)
    y_hard = y_hard.view(*shape)
    y_hard = (y_hard - y).detach() + y
    return y_hard

torch.manual_seed(0)
temp, temp_min, ANNEAL_RATE = 1.0, 0.5, 0.3
for epoch in range(1, 5):
    if epoch % 2 == 1:
        temp = max(temp * torch.exp(torch.tensor(-ANNEAL_RATE * epoch)).item(), temp_min)
    print(epoch, round(temp, 5))
lg = torch.log(torch.tensor([[0.1, 0.6, 0.3]])).requires_grad_()
out = gumbel_softmax(lg, temp, hard=True)
out[0, 1].backward()
out, lg.grad

# %%
from torch.distributions import RelaxedOneHotCategorical, OneHotCategorical, RelaxedBernoulli
torch.manual_seed(0)
m = RelaxedOneHotCategorical(torch.tensor([2.2]), probs=torch.tensor([0.1, 0.2, 0.3, 0.4]))
s = m.rsample()
print(s, s.sum(), m.temperature, m.log_prob(s))
oh = OneHotCategorical(probs=torch.tensor([0.25, 0.25, 0.25, 0.25]))
print(oh.sample(), oh.entropy())
rb = RelaxedBernoulli(torch.tensor([0.5]), logits=torch.tensor([0.3, -1.0]))
rb.rsample(), rb.batch_shape

# %%
class STESign(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.sign()
    @staticmethod
    def backward(ctx, g):
        return g.clamp(-1, 1)

x = torch.tensor([-2.0, -0.3, 0.0, 0.5, 3.0], requires_grad=True)
y = STESign.apply(x)
(y * torch.tensor([5.0, 0.5, 1.0, -2.0, 1.0])).sum().backward()
print(y, x.grad)
x2 = x.detach().clone().requires_grad_()
y2 = x2 + (torch.round(x2) - x2).detach()
y2.sum().backward()
y2, x2.grad, torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5]))
