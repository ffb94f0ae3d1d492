# Imitates CS231n assignment 3's StyleTransfer-PyTorch.ipynb and GANs-PyTorch.ipynb as students fill them in:
# content_loss, gram_matrix normalised by H*W*C, style_loss summed over layers, tv_loss, checked with rel_error and
# '%g' / '%e' prints against expected values, a few Adam steps on the image; then bce_loss with logits written by hand
# vs F.binary_cross_entropy_with_logits, discriminator_loss / generator_loss, least-squares GAN losses, sample_noise.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

def rel_error(x, y):
    return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))

dtype = torch.FloatTensor

# %%
def content_loss(content_weight, content_current, content_original):
    return content_weight * torch.sum((content_current - content_original) ** 2)

torch.manual_seed(0)
content_current = torch.randn(1, 4, 5, 5)
content_original = torch.randn(1, 4, 5, 5)
c = content_loss(6e-2, content_current, content_original)
print('content loss:', c, c.dtype, c.shape)
c2 = 6e-2 * F.mse_loss(content_current, content_original, reduction='sum')
print('Maximum error is {:.3f}'.format(rel_error(c.numpy(), c2.numpy())))

# %%
def gram_matrix(features, normalize=True):
    N, C, H, W = features.size()
    features = features.view(N, C, H * W)
    gram = torch.bmm(features, features.permute(0, 2, 1))
    if normalize:
        gram /= (H * W * C)
    return gram

torch.manual_seed(1)
feats = torch.randn(2, 3, 4, 4, requires_grad=True)
g = gram_matrix(feats.clone())
print(g.shape, g.grad_fn)
print(g[0])
g.sum().backward()
print(feats.grad[0, 0, 0])
g2 = torch.einsum('nchw,ndhw->ncd', feats, feats) / (4 * 4 * 3)
print('gram error: %e' % rel_error(g.detach().numpy(), g2.detach().numpy()) if rel_error(g.detach().numpy(), g2.detach().numpy()) > 1e-6 else 'gram ok')
try:
    gram_matrix(feats)
except Exception as e:
    print(type(e).__name__, e)
try:
    gram_matrix(feats.permute(0, 1, 3, 2).detach())
except Exception as e:
    print(type(e).__name__, e)
fz = torch.randn(2, 3, 4, 4)
print(torch.allclose(gram_matrix(fz, normalize=False), fz.flatten(2) @ fz.flatten(2).transpose(1, 2)))

# %%
def style_loss(feats, style_layers, style_targets, style_weights):
    style_loss = 0
    for i, layer in enumerate(style_layers):
        current_gram = gram_matrix(feats[layer])
        style_loss += style_weights[i] * torch.sum((current_gram - style_targets[i]) ** 2)
    return style_loss

torch.manual_seed(2)
feats = [torch.randn(1, 3 + i, 6 - i, 6 - i) for i in range(4)]
style_layers = [1, 3]
style_weights = [300000, 1000]
style_targets = [gram_matrix(torch.randn_like(feats[idx])) for idx in style_layers]
s = style_loss(feats, style_layers, style_targets, style_weights)
print('style loss:', s, type(s))
print('%g' % s.item())

# %%
def tv_loss(img, tv_weight):
    h = torch.sum((img[:, :, 1:, :] - img[:, :, :-1, :]) ** 2)
    w = torch.sum((img[:, :, :, 1:] - img[:, :, :, :-1]) ** 2)
    return tv_weight * (h + w)

torch.manual_seed(3)
img = torch.randn(1, 3, 5, 5)
t = tv_loss(img, 5e-2)
print('tv loss:', t)
t2 = 5e-2 * (img.diff(dim=2).pow(2).sum() + img.diff(dim=3).pow(2).sum())
print('Error is {:.3f}'.format(rel_error(t.numpy(), t2.numpy())))
print(img.diff(dim=2).shape, img.diff(n=2, dim=-1).shape)
try:
    img.diff(dim=4)
except Exception as e:
    print(type(e).__name__, e)

# %%
# the transfer loop: the image is the parameter, with Adam and a learning-rate decay by hand
torch.manual_seed(4)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 4, 3, padding=1), nn.ReLU())
for p in net.parameters():
    p.requires_grad = False
content_img = torch.rand(1, 3, 6, 6)
style_img = torch.rand(1, 3, 6, 6)

def extract_features(x, cnn):
    features = []
    prev_feat = x
    for i, module in enumerate(cnn._modules.values()):
        next_feat = module(prev_feat)
        features.append(next_feat)
        prev_feat = next_feat
    return features

content_target = extract_features(content_img, net)[1].clone()
style_targets = [gram_matrix(f) for f in extract_features(style_img, net)]
img = content_img.clone().type(dtype)
img.requires_grad_()
optimizer = torch.optim.Adam([img], lr=3.0)
for t in range(6):
    if t < 4:
        img.data.clamp_(-1.5, 1.5)
    optimizer.zero_grad()
    feats = extract_features(img, net)
    c_loss = content_loss(5e-2, feats[1], content_target)
    s_loss = style_loss(feats, [0, 2], [style_targets[0], style_targets[2]], [20000, 500])
    t_loss = tv_loss(img, 5e-2)
    loss = c_loss + s_loss + t_loss
    loss.backward()
    if t == 3:
        optimizer = torch.optim.Adam([img], lr=0.1)
    optimizer.step()
    print('Iteration {}'.format(t), '%.4f' % loss.item())
print(img.grad.abs().max() > 0, img.is_leaf, len(optimizer.state))

# %%
def sample_noise(batch_size, dim, seed=None):
    if seed is not None:
        torch.manual_seed(seed)
    return torch.rand(batch_size, dim) * 2 - 1

z = sample_noise(3, 4, seed=231)
print(z)
print(torch.all(z >= -1.0).item(), torch.all(z <= 1.0).item(), torch.any(z < 0.0).item())

# %%
def bce_loss(input, target):
    neg_abs = - input.abs()
    loss = input.clamp(min=0) - input * target + (1 + neg_abs.exp()).log()
    return loss.mean()

torch.manual_seed(5)
logits = torch.randn(6) * 3
targets = torch.ones(6)
print('%e' % rel_error(bce_loss(logits, targets).numpy(), F.binary_cross_entropy_with_logits(logits, targets).numpy()))
print(bce_loss(torch.tensor([100., -100.]), torch.tensor([0., 1.])))
print(F.binary_cross_entropy_with_logits(torch.tensor([100., -100.]), torch.tensor([0., 1.])))
print(F.binary_cross_entropy(torch.sigmoid(torch.tensor([100., -100.])), torch.tensor([0., 1.])))
try:
    F.binary_cross_entropy_with_logits(logits, torch.ones(5))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.]))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCEWithLogitsLoss()(logits, torch.ones(6, dtype=torch.long))
except Exception as e:
    print(type(e).__name__, e)

# %%
def discriminator_loss(logits_real, logits_fake):
    true_labels = torch.ones_like(logits_real).type(dtype)
    loss = F.binary_cross_entropy_with_logits(logits_real, true_labels) + \
        F.binary_cross_entropy_with_logits(logits_fake, 1 - true_labels)
    return loss

def generator_loss(logits_fake):
    return F.binary_cross_entropy_with_logits(logits_fake, torch.ones_like(logits_fake))

def ls_discriminator_loss(scores_real, scores_fake):
    return 0.5 * torch.mean((scores_real - 1) ** 2) + 0.5 * torch.mean(scores_fake ** 2)

def ls_generator_loss(scores_fake):
    return 0.5 * torch.mean((scores_fake - 1) ** 2)

logits_real = np.array([0.5, -1.0, 2.0, 0.25])
logits_fake = np.array([-0.3, 1.2, -2.0, 0.75])
d_loss = discriminator_loss(torch.Tensor(logits_real).type(dtype), torch.Tensor(logits_fake).type(dtype)).cpu().numpy()
g_loss = generator_loss(torch.Tensor(logits_fake).type(dtype)).cpu().numpy()
print(d_loss, g_loss, type(d_loss), d_loss.dtype)
d_loss_true = 1.3544
print("Maximum error in d_loss: %g" % rel_error(d_loss_true, d_loss))
score_real = torch.Tensor(logits_real).type(dtype)
score_fake = torch.Tensor(logits_fake).type(dtype)
print("Maximum error in d_loss: %g" % rel_error(0.8, ls_discriminator_loss(score_real, score_fake).numpy()))
print(ls_generator_loss(score_fake), ls_discriminator_loss(score_real, score_fake))
print(discriminator_loss(torch.tensor(logits_real), torch.tensor(logits_fake)).dtype)

# %%
torch.manual_seed(6)
D = nn.Sequential(nn.Flatten(), nn.Linear(16, 8), nn.LeakyReLU(0.01), nn.Linear(8, 1))
G = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 16), nn.Tanh())
D_solver = torch.optim.Adam(D.parameters(), lr=1e-3, betas=(0.5, 0.999))
G_solver = torch.optim.Adam(G.parameters(), lr=1e-3, betas=(0.5, 0.999))
x = torch.rand(5, 1, 4, 4) * 2 - 1
for it in range(3):
    D_solver.zero_grad()
    real_data = x.type(dtype)
    logits_real = D(2 * (real_data - 0.5)).type(dtype)
    g_fake_seed = sample_noise(5, 4).type(dtype)
    fake_images = G(g_fake_seed).detach()
    logits_fake = D(fake_images.view(5, 1, 4, 4))
    d_total_error = discriminator_loss(logits_real, logits_fake)
    d_total_error.backward()
    D_solver.step()
    G_solver.zero_grad()
    gen_logits_fake = D(G(sample_noise(5, 4)).view(5, 1, 4, 4))
    g_error = generator_loss(gen_logits_fake)
    g_error.backward()
    G_solver.step()
    print('Iter: {}, D: {:.4}, G:{:.4}'.format(it, d_total_error.item(), g_error.item()))
print(logits_fake.shape, gen_logits_fake.grad_fn)
