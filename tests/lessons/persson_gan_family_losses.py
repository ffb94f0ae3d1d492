# Imitates Aladdin Persson's Machine-Learning-Collection GAN series (ML/Pytorch/GANs): WGAN-GP's utils.py
# gradient_penalty (epsilon interpolation, torch.autograd.grad with create_graph=True, gradient.norm(2, dim=1)),
# CycleGAN's Generator blocks (reflect padding, nn.InstanceNorm2d) with the L1 cycle and identity losses, pix2pix's
# CNNBlock / Discriminator with BCEWithLogitsLoss + L1_LAMBDA * L1, ProGAN's WSConv2d (equalised learning rate),
# PixelNorm and minibatch_std (torch.std over the batch, repeat), at tiny sizes on random images.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

def gradient_penalty(critic, real, fake, device="cpu"):
    BATCH_SIZE, C, H, W = real.shape
    alpha = torch.rand((BATCH_SIZE, 1, 1, 1)).repeat(1, C, H, W).to(device)
    interpolated_images = real * alpha + fake * (1 - alpha)
    mixed_scores = critic(interpolated_images)
    gradient = torch.autograd.grad(
        inputs=interpolated_images,
        outputs=mixed_scores,
        grad_outputs=torch.ones_like(mixed_scores),
        create_graph=True,
        retain_graph=True,
    )[0]
    gradient = gradient.view(gradient.shape[0], -1)
    gradient_norm = gradient.norm(2, dim=1)
    return torch.mean((gradient_norm - 1) ** 2)

# %%
critic = nn.Sequential(nn.Conv2d(1, 4, 4, 2, 1), nn.InstanceNorm2d(4, affine=True), nn.LeakyReLU(0.2),
                       nn.Conv2d(4, 1, 4, 2, 0))
gen = nn.Sequential(nn.ConvTranspose2d(3, 4, 4, 1, 0), nn.BatchNorm2d(4), nn.ReLU(),
                    nn.ConvTranspose2d(4, 1, 4, 2, 1), nn.Tanh())
opt_critic = torch.optim.Adam(critic.parameters(), lr=1e-3, betas=(0.0, 0.9))
opt_gen = torch.optim.Adam(gen.parameters(), lr=1e-3, betas=(0.0, 0.9))
real = torch.randn(4, 1, 8, 8)
for it in range(2):
    noise = torch.randn(4, 3, 1, 1)
    fake = gen(noise)
    critic_real = critic(real).reshape(-1)
    critic_fake = critic(fake).reshape(-1)
    gp = gradient_penalty(critic, real, fake)
    loss_critic = -(torch.mean(critic_real) - torch.mean(critic_fake)) + 10 * gp
    critic.zero_grad()
    loss_critic.backward(retain_graph=True)
    opt_critic.step()
    gen_fake = critic(fake).reshape(-1)
    loss_gen = -torch.mean(gen_fake)
    gen.zero_grad()
    loss_gen.backward()
    opt_gen.step()
    print(it, fake.shape, critic_real.shape, round(gp.item(), 4), round(loss_critic.item(), 4), round(loss_gen.item(), 4))
print(critic[1], critic[1].weight.grad.shape)
x = torch.randn(2, 1, 8, 8, requires_grad=True)
try:
    torch.autograd.grad(critic(x), x)
except Exception as e:
    print(type(e).__name__, e)
g, = torch.autograd.grad(critic(x).sum(), x, create_graph=True)
print(g.requires_grad, g.grad_fn is not None, g.shape)
try:
    torch.autograd.grad(critic(x).sum(), real)
except Exception as e:
    print(type(e).__name__, e)

# %%
class ConvBlock(nn.Module):
    def __init__(self, in_channels, out_channels, down=True, use_act=True, **kwargs):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(in_channels, out_channels, padding_mode="reflect", **kwargs) if down
            else nn.ConvTranspose2d(in_channels, out_channels, **kwargs),
            nn.InstanceNorm2d(out_channels),
            nn.ReLU(inplace=True) if use_act else nn.Identity(),
        )

    def forward(self, x):
        return self.conv(x)

class ResidualBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.block = nn.Sequential(ConvBlock(channels, channels, kernel_size=3, padding=1),
                                   ConvBlock(channels, channels, use_act=False, kernel_size=3, padding=1))

    def forward(self, x):
        return x + self.block(x)

class Generator(nn.Module):
    def __init__(self, img_channels, num_features=4, num_residuals=2):
        super().__init__()
        self.initial = nn.Sequential(
            nn.Conv2d(img_channels, num_features, kernel_size=7, stride=1, padding=3, padding_mode="reflect"),
            nn.InstanceNorm2d(num_features), nn.ReLU(inplace=True))
        self.down_blocks = nn.ModuleList([ConvBlock(num_features, num_features * 2, kernel_size=3, stride=2, padding=1)])
        self.res_blocks = nn.Sequential(*[ResidualBlock(num_features * 2) for _ in range(num_residuals)])
        self.up_blocks = nn.ModuleList([ConvBlock(num_features * 2, num_features, down=False, kernel_size=3, stride=2,
                                                  padding=1, output_padding=1)])
        self.last = nn.Conv2d(num_features, img_channels, kernel_size=7, stride=1, padding=3, padding_mode="reflect")

    def forward(self, x):
        x = self.initial(x)
        for layer in self.down_blocks:
            x = layer(x)
        x = self.res_blocks(x)
        for layer in self.up_blocks:
            x = layer(x)
        return torch.tanh(self.last(x))

gen_Z, gen_H = Generator(3), Generator(3)
zebra, horse = torch.randn(2, 3, 8, 8), torch.randn(2, 3, 8, 8)
print(gen_Z.initial[0], gen_Z.initial[1])
print(gen_Z.up_blocks[0].conv[0])
fake_zebra = gen_Z(horse)
cycle_horse = gen_H(fake_zebra)
l1 = nn.L1Loss()
cycle_loss = l1(horse, cycle_horse)
identity_loss = l1(zebra, gen_Z(zebra))
G_loss = 10 * cycle_loss + 0.0 * identity_loss
G_loss.backward()
print(fake_zebra.shape, round(cycle_loss.item(), 4), gen_Z.last.weight.grad.shape)
print(F.pad(torch.arange(9.).reshape(1, 1, 3, 3), (1, 1, 1, 1), mode="reflect")[0, 0])
norm = nn.InstanceNorm2d(3)
y = norm(horse)
print(y.mean(dim=(2, 3)).abs().max() < 1e-5, norm.running_mean, norm)
for make in [lambda: nn.Conv2d(3, 3, 7, padding=3, padding_mode="reflect")(torch.randn(1, 3, 2, 2)),
             lambda: F.pad(torch.randn(1, 1, 2, 2), (2, 2, 2, 2), mode="reflect"),
             lambda: nn.InstanceNorm2d(3)(torch.randn(3, 1, 1)),
             lambda: nn.InstanceNorm2d(3, affine=True)(torch.randn(2, 4, 3, 3)),
             lambda: nn.InstanceNorm2d(3)(torch.randn(2, 4, 3, 3)).shape]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
class CNNBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride):
        super(CNNBlock, self).__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(in_channels, out_channels, 4, stride, 1, bias=False, padding_mode="reflect"),
            nn.BatchNorm2d(out_channels), nn.LeakyReLU(0.2))

    def forward(self, x):
        return self.conv(x)

class Discriminator(nn.Module):
    def __init__(self, in_channels=3, features=[4, 8]):
        super().__init__()
        self.initial = nn.Sequential(
            nn.Conv2d(in_channels * 2, features[0], kernel_size=4, stride=2, padding=1, padding_mode="reflect"),
            nn.LeakyReLU(0.2))
        layers = []
        in_channels = features[0]
        for feature in features[1:]:
            layers.append(CNNBlock(in_channels, feature, stride=1 if feature == features[-1] else 2))
            in_channels = feature
        layers.append(nn.Conv2d(in_channels, 1, kernel_size=4, stride=1, padding=1, padding_mode="reflect"))
        self.model = nn.Sequential(*layers)

    def forward(self, x, y):
        x = torch.cat([x, y], dim=1)
        return self.model(self.initial(x))

disc = Discriminator()
BCE, L1_LOSS, L1_LAMBDA = nn.BCEWithLogitsLoss(), nn.L1Loss(), 100
x, y = torch.randn(2, 3, 16, 16), torch.randn(2, 3, 16, 16)
y_fake = torch.tanh(torch.randn(2, 3, 16, 16, requires_grad=True))
D_real = disc(x, y)
D_fake = disc(x, y_fake.detach())
D_loss = (BCE(D_real, torch.ones_like(D_real)) + BCE(D_fake, torch.zeros_like(D_fake))) / 2
D_fake = disc(x, y_fake)
G_loss = BCE(D_fake, torch.ones_like(D_fake)) + L1_LOSS(y_fake, y) * L1_LAMBDA
print(D_real.shape, round(D_loss.item(), 4), round(G_loss.item(), 3))
try:
    BCE(D_real, torch.ones(2, 1, 6, 6, dtype=torch.long))
except Exception as e:
    print(type(e).__name__, e)
try:
    BCE(D_real, torch.ones(2, 1, 5, 5))
except Exception as e:
    print(type(e).__name__, e)
try:
    disc(x, y[:, :2])
except Exception as e:
    print(type(e).__name__, e)

# %%
class WSConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=3, stride=1, padding=1, gain=2):
        super(WSConv2d, self).__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding)
        self.scale = (gain / (in_channels * (kernel_size ** 2))) ** 0.5
        self.bias = self.conv.bias
        self.conv.bias = None
        nn.init.normal_(self.conv.weight)
        nn.init.zeros_(self.bias)

    def forward(self, x):
        return self.conv(x * self.scale) + self.bias.view(1, self.bias.shape[0], 1, 1)

class PixelNorm(nn.Module):
    def __init__(self):
        super(PixelNorm, self).__init__()
        self.epsilon = 1e-8

    def forward(self, x):
        return x / torch.sqrt(torch.mean(x ** 2, dim=1, keepdim=True) + self.epsilon)

def minibatch_std(x):
    batch_statistics = torch.std(x, dim=0).mean().repeat(x.shape[0], 1, x.shape[2], x.shape[3])
    return torch.cat([x, batch_statistics], dim=1)

ws = WSConv2d(3, 4)
print(ws, [n for n, _ in ws.named_parameters()], round(ws.scale, 6))
print(ws.conv.bias, ws.bias.shape)
x = torch.randn(4, 3, 4, 4)
h = PixelNorm()(ws(x))
print(h.shape, (h ** 2).mean(dim=1)[0, 0])
m = minibatch_std(h)
print(m.shape, m[:, -1].unique().numel(), torch.std(h, dim=0).shape)
m.sum().backward()
print(ws.bias.grad, ws.conv.weight.grad.shape)
print(torch.std(torch.ones(1, 3), dim=0), torch.std(torch.tensor([1., 2., 4.]), unbiased=False))
print(torch.tensor(2.5).repeat(2, 1, 2, 2).shape, F.interpolate(h, scale_factor=2, mode="nearest").shape)
alpha = 0.3
up = F.interpolate(torch.arange(4.).reshape(1, 1, 2, 2), scale_factor=2)
print(torch.tanh(alpha * up + (1 - alpha) * up)[0, 0])
for make in [lambda: torch.std(torch.ones(1, 3), dim=0, correction=2),
             lambda: torch.tensor(2.5).repeat(2),
             lambda: torch.ones(2, 3).repeat(2),
             lambda: torch.std(torch.arange(4), dim=0)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
