# Imitates the UvA Deep Learning course, Tutorial 8 ("Deep Energy-Based Generative Models"), without Lightning and on
# random 28x28 "images": the Swish CNNModel, the Sampler with its buffer of examples (torch.rand(...) * 2 - 1,
# random.choices, np.random.binomial), Langevin sampling on the inputs (requires_grad on the inputs, parameters
# frozen, torch.set_grad_enabled as a function, noise.normal_, .data.add_ / clamp_, grad.data.clamp_, grad.detach_
# and zero_), the contrastive divergence + regularization loss with Adam(betas=(0.0, 0.999)) and StepLR, and the
# out-of-distribution scores of the trained energy function.
import random
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(42)
random.seed(42)
np.random.seed(42)

class Swish(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(x)

class CNNModel(nn.Module):
    def __init__(self, hidden_features=8, out_dim=1, **kwargs):
        super().__init__()
        c_hid1 = hidden_features // 2
        c_hid2 = hidden_features
        c_hid3 = hidden_features * 2
        self.cnn_layers = nn.Sequential(
            nn.Conv2d(1, c_hid1, kernel_size=5, stride=2, padding=4),
            Swish(),
            nn.Conv2d(c_hid1, c_hid2, kernel_size=3, stride=2, padding=1),
            Swish(),
            nn.Conv2d(c_hid2, c_hid3, kernel_size=3, stride=2, padding=1),
            Swish(),
            nn.Conv2d(c_hid3, c_hid3, kernel_size=3, stride=2, padding=1),
            Swish(),
            nn.Flatten(),
            nn.Linear(c_hid3 * 4, c_hid3),
            Swish(),
            nn.Linear(c_hid3, out_dim)
        )

    def forward(self, x):
        x = self.cnn_layers(x).squeeze(dim=-1)
        return x

model = CNNModel()
print(model)
x = torch.rand(3, 1, 28, 28) * 2 - 1
out = model(x)
print(out.shape, out.grad_fn, x.min() >= -1, x.max() <= 1)
shapes = []
h = x
for layer in model.cnn_layers:
    h = layer(h)
    shapes.append(tuple(h.shape))
print(shapes)

# %%
class Sampler:
    def __init__(self, model, img_shape, sample_size, max_len=8192):
        super().__init__()
        self.model = model
        self.img_shape = img_shape
        self.sample_size = sample_size
        self.max_len = max_len
        self.examples = [(torch.rand((1,) + img_shape) * 2 - 1) for _ in range(self.sample_size)]

    def sample_new_exmps(self, steps=60, step_size=10):
        n_new = np.random.binomial(self.sample_size, 0.05)
        rand_imgs = torch.rand((n_new,) + self.img_shape) * 2 - 1
        old_imgs = torch.cat(random.choices(self.examples, k=self.sample_size - n_new), dim=0)
        inp_imgs = torch.cat([rand_imgs, old_imgs], dim=0).detach()
        inp_imgs = Sampler.generate_samples(self.model, inp_imgs, steps=steps, step_size=step_size)
        self.examples = list(inp_imgs.to(torch.device("cpu")).chunk(self.sample_size, dim=0)) + self.examples
        self.examples = self.examples[:self.max_len]
        return inp_imgs

    @staticmethod
    def generate_samples(model, inp_imgs, steps=60, step_size=10, return_img_per_step=False):
        is_training = model.training
        model.eval()
        for p in model.parameters():
            p.requires_grad = False
        inp_imgs.requires_grad = True
        had_gradients_enabled = torch.is_grad_enabled()
        torch.set_grad_enabled(True)
        noise = torch.randn(inp_imgs.shape, device=inp_imgs.device)
        imgs_per_step = []
        for _ in range(steps):
            noise.normal_(0, 0.005)
            inp_imgs.data.add_(noise.data)
            inp_imgs.data.clamp_(min=-1.0, max=1.0)
            out_imgs = -model(inp_imgs)
            out_imgs.sum().backward()
            inp_imgs.grad.data.clamp_(-0.03, 0.03)
            inp_imgs.data.add_(-step_size * inp_imgs.grad.data)
            inp_imgs.grad.detach_()
            inp_imgs.grad.zero_()
            inp_imgs.data.clamp_(min=-1.0, max=1.0)
            if return_img_per_step:
                imgs_per_step.append(inp_imgs.clone().detach())
        for p in model.parameters():
            p.requires_grad = True
        model.train(is_training)
        torch.set_grad_enabled(had_gradients_enabled)
        if return_img_per_step:
            return torch.stack(imgs_per_step, dim=0)
        else:
            return inp_imgs

sampler = Sampler(model, img_shape=(1, 28, 28), sample_size=4)
print(len(sampler.examples), sampler.examples[0].shape)
with torch.no_grad():
    print(torch.is_grad_enabled())
    imgs = sampler.sample_new_exmps(steps=5, step_size=10)
    print(torch.is_grad_enabled())
print(imgs.shape, imgs.requires_grad, imgs.is_leaf, imgs.grad.abs().sum(), len(sampler.examples))
print(imgs.min().item() >= -1, imgs.max().item() <= 1, [p.requires_grad for p in model.parameters()][:2])
per_step = Sampler.generate_samples(model, torch.rand(2, 1, 28, 28) * 2 - 1, steps=4, return_img_per_step=True)
print(per_step.shape, per_step.requires_grad, model.training)

# %%
try:
    Sampler.generate_samples(model, torch.rand(2, 1, 28, 28) * 2 - 1 + model.cnn_layers[0].bias.sum(), steps=1)
except Exception as e:
    print(type(e).__name__, e)
print(torch.is_grad_enabled(), [p.requires_grad for p in model.parameters()][:2])
torch.set_grad_enabled(True)
leaf = torch.rand(2, 3)
leaf.requires_grad = True
try:
    leaf.grad.data.clamp_(-0.03, 0.03)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.set_grad_enabled()
except Exception as e:
    print(type(e).__name__, e)
print(torch.set_grad_enabled(False), torch.is_grad_enabled())
torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print(torch.is_grad_enabled(), (leaf * 2).requires_grad)
print(torch.is_grad_enabled())

# %%
torch.manual_seed(0)
real = torch.rand(16, 1, 28, 28) * 2 - 1
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(real, torch.zeros(16)), batch_size=4, shuffle=True)
model = CNNModel(hidden_features=8)
sampler = Sampler(model, img_shape=(1, 28, 28), sample_size=4)
optimizer = optim.Adam(model.parameters(), lr=1e-4, betas=(0.0, 0.999))
scheduler = optim.lr_scheduler.StepLR(optimizer, 1, gamma=0.97)
alpha = 0.1
for epoch in range(2):
    for real_imgs, _ in loader:
        small_noise = torch.randn_like(real_imgs) * 0.005
        real_imgs.add_(small_noise).clamp_(min=-1.0, max=1.0)
        fake_imgs = sampler.sample_new_exmps(steps=3, step_size=10)
        inp_imgs = torch.cat([real_imgs, fake_imgs], dim=0)
        real_out, fake_out = model(inp_imgs).chunk(2, dim=0)
        reg_loss = alpha * (real_out ** 2 + fake_out ** 2).mean()
        cdiv_loss = fake_out.mean() - real_out.mean()
        loss = reg_loss + cdiv_loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    scheduler.step()
    print(f"epoch {epoch}: loss {loss.item():.5f} reg {reg_loss.item():.5f} cdiv {cdiv_loss.item():.5f}",
          real_out.mean().item() > fake_out.mean().item(), scheduler.get_last_lr())
print(inp_imgs.requires_grad, fake_imgs.requires_grad, real_out.grad_fn, len(sampler.examples))
print(optimizer.state_dict()["param_groups"][0]["betas"], optimizer.state[model.cnn_layers[0].weight]["step"])

# %%
model.eval()
@torch.no_grad()
def compare_images(img1, img2):
    imgs = torch.stack([img1, img2], dim=0)
    score1, score2 = model(imgs).cpu().chunk(2, dim=0)
    return score1.item(), score2.item()

with torch.no_grad():
    rand_imgs = torch.rand((4,) + (1, 28, 28)) * 2 - 1
    rand_out = model(rand_imgs).mean()
    print(f"Average score for random images: {rand_out.item():4.5f}")
    train_out = model(real[:4]).mean()
    print(f"Average score for training images: {train_out.item():4.5f}")
s1, s2 = compare_images(real[0], torch.flip(real[0], dims=(1, 2)))
print(round(s1 - s2, 5), round(s2, 5))
exmp_img = real[1]
img_noisy = exmp_img + torch.randn_like(exmp_img) * 0.3
img_noisy.clamp_(min=-1.0, max=1.0)
print(img_noisy.shape, compare_images(exmp_img, img_noisy)[0] == compare_images(exmp_img, exmp_img)[0])
print(torch.rand_like(exmp_img).dtype, torch.rand_like(torch.arange(3.0), dtype=torch.float64))
try:
    torch.rand_like(torch.arange(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.randn_like(torch.arange(3))
except Exception as e:
    print(type(e).__name__, e)
