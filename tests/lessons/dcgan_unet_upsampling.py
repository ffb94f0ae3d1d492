# Imitates PyTorch's DCGAN tutorial (a generator of ConvTranspose2d / BatchNorm2d / ReLU blocks, weights_init
# with nn.init.normal_, a discriminator step with BCELoss) and the up-sampling half of a U-Net (nn.Upsample or
# ConvTranspose2d, a skip connection joined with torch.cat, F.interpolate to match sizes) and the super-resolution
# example's nn.PixelShuffle, on random images.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(999)

# %%
nz, ngf, ndf, nc = 8, 4, 4, 1


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


class Generator(nn.Module):
    def __init__(self):
        super(Generator, self).__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 4, 4, 1, 0, bias=False),
            nn.BatchNorm2d(ngf * 4),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, nc, 4, 2, 1, bias=False),
            nn.Tanh()
        )

    def forward(self, input):
        return self.main(input)


netG = Generator()
netG.apply(weights_init)
print(netG)
print(netG.main[0].weight.shape, netG.main[0].weight[0, 0, 0])

# %%
class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()
        self.main = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, 1, 4, 1, 0, bias=False),
            nn.Sigmoid()
        )

    def forward(self, input):
        return self.main(input)


netD = Discriminator()
netD.apply(weights_init)
criterion = nn.BCELoss()
fixed_noise = torch.randn(4, nz, 1, 1)
real_label, fake_label = 1., 0.
optimizerD = optim.Adam(netD.parameters(), lr=0.0002, betas=(0.5, 0.999))
optimizerG = optim.Adam(netG.parameters(), lr=0.0002, betas=(0.5, 0.999))

# %%
real = torch.rand(6, nc, 16, 16) * 2 - 1
for i in range(3):
    netD.zero_grad()
    b_size = real.size(0)
    label = torch.full((b_size,), real_label, dtype=torch.float)
    output = netD(real).view(-1)
    errD_real = criterion(output, label)
    errD_real.backward()
    D_x = output.mean().item()
    noise = torch.randn(b_size, nz, 1, 1)
    fake = netG(noise)
    label.fill_(fake_label)
    output = netD(fake.detach()).view(-1)
    errD_fake = criterion(output, label)
    errD_fake.backward()
    errD = errD_real + errD_fake
    optimizerD.step()
    netG.zero_grad()
    label.fill_(real_label)
    output = netD(fake).view(-1)
    errG = criterion(output, label)
    errG.backward()
    optimizerG.step()
    print('[%d]\tLoss_D: %.4f\tLoss_G: %.4f\tD(x): %.4f' % (i, errD.item(), errG.item(), D_x))
print(fake.shape, fake.grad_fn)

# %%
with torch.no_grad():
    fake = netG(fixed_noise).detach()
print(fake.shape, fake[0, 0, 0, :6])


# %%
class Up(nn.Module):
    """Upscaling then double conv (the U-Net "Up" block)"""

    def __init__(self, in_channels, out_channels, bilinear=True):
        super().__init__()
        if bilinear:
            self.up = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)
        else:
            self.up = nn.ConvTranspose2d(in_channels, in_channels // 2, kernel_size=2, stride=2)
        self.conv = nn.Sequential(
            nn.Conv2d(in_channels if bilinear else in_channels, out_channels, kernel_size=3, padding=1),
            nn.ReLU(inplace=True))

    def forward(self, x1, x2):
        x1 = self.up(x1)
        diffY = x2.size()[2] - x1.size()[2]
        diffX = x2.size()[3] - x1.size()[3]
        x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])
        x = torch.cat([x2, x1], dim=1)
        return self.conv(x)


torch.manual_seed(0)
up_bilinear, up_transposed = Up(4, 2), Up(4, 2, bilinear=False)
print(up_bilinear, up_transposed)
x1 = torch.randn(1, 2, 4, 4, requires_grad=True)
x2 = torch.randn(1, 2, 9, 9)
y = up_bilinear(x1, x2)
print(y.shape, y.grad_fn)
y.sum().backward()
print(x1.grad[0, 0])

# %%
x1.grad = None
z = up_transposed(torch.cat([x1, x1], 1), torch.randn(1, 2, 8, 8))
print(z.shape)
z.mean().backward()
print(x1.grad[0, 1], up_transposed.up.weight.grad.shape, up_transposed.up.bias.grad)

# %%
small = torch.arange(4.).view(1, 1, 2, 2)
print(F.interpolate(small, scale_factor=2))
print(F.interpolate(small, scale_factor=2, mode='bilinear', align_corners=False))
print(F.interpolate(small, size=(3, 3), mode='bilinear', align_corners=True))
print(nn.Upsample(scale_factor=2, mode='nearest')(small).shape)


# %%
# PyTorch's super-resolution example: convolutions, then nn.PixelShuffle (sub-pixel convolution)
class SuperResolutionNet(nn.Module):
    def __init__(self, upscale_factor):
        super(SuperResolutionNet, self).__init__()
        self.relu = nn.ReLU()
        self.conv1 = nn.Conv2d(1, 8, (5, 5), (1, 1), (2, 2))
        self.conv2 = nn.Conv2d(8, 8, (3, 3), (1, 1), (1, 1))
        self.conv3 = nn.Conv2d(8, upscale_factor ** 2, (3, 3), (1, 1), (1, 1))
        self.pixel_shuffle = nn.PixelShuffle(upscale_factor)

    def forward(self, x):
        x = self.relu(self.conv1(x))
        x = self.relu(self.conv2(x))
        return self.pixel_shuffle(self.conv3(x))


torch.manual_seed(2)
sr = SuperResolutionNet(upscale_factor=3)
print(sr)
low, high = torch.rand(2, 1, 6, 6), torch.rand(2, 1, 18, 18)
opt = optim.Adam(sr.parameters(), lr=0.01)
for step in range(3):
    opt.zero_grad()
    out = sr(low)
    loss = F.mse_loss(out, high)
    loss.backward()
    opt.step()
    print(step, out.shape, round(loss.item(), 5))
print(out.grad_fn)
