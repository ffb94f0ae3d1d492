# Imitates pytorch/examples dcgan/main.py (weights_init by class name, Generator/Discriminator with ngf/ndf at small
# sizes, netG.apply, BCELoss with torch.full labels and fill_, the "[%d/%d][%d/%d] Loss_D ..." print, saving the
# state_dict and the whole model with torch.save/torch.load's weights_only) and fast_neural_style (gram_matrix,
# normalize_batch with new_tensor and div_, ConvLayer with ReflectionPad2d, ResidualBlock with InstanceNorm2d,
# UpsampleConvLayer with F.interpolate) on random images.
import io
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        torch.nn.init.normal_(m.weight, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        torch.nn.init.normal_(m.weight, 1.0, 0.02)
        torch.nn.init.zeros_(m.bias)
nz, ngf, ndf, nc = 8, 4, 4, 3
class Generator(nn.Module):
    def __init__(self, ngpu):
        super(Generator, self).__init__()
        self.ngpu = ngpu
        self.main = nn.Sequential(
            nn.ConvTranspose2d(     nz, ngf * 8, 4, 1, 0, bias=False),
            nn.BatchNorm2d(ngf * 8),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 4),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2,     ngf, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf),
            nn.ReLU(True),
            nn.ConvTranspose2d(    ngf,      nc, 4, 2, 1, bias=False),
            nn.Tanh()
        )
    def forward(self, input):
        if input.is_cuda and self.ngpu > 1:
            output = nn.parallel.data_parallel(self.main, input, range(self.ngpu))
        else:
            output = self.main(input)
        return output
class Discriminator(nn.Module):
    def __init__(self, ngpu):
        super(Discriminator, self).__init__()
        self.ngpu = ngpu
        self.main = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 4),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 8),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False),
            nn.Sigmoid()
        )
    def forward(self, input):
        output = self.main(input)
        return output.view(-1, 1).squeeze(1)
torch.manual_seed(999)
netG = Generator(1)
netG.apply(weights_init)
print(netG)
netD = Discriminator(1).apply(weights_init)
print(type(netD).__name__, netD.main[3].weight[:3], netD.main[3].bias[:3])
criterion = nn.BCELoss()
fixed_noise = torch.randn(4, nz, 1, 1)
real_label, fake_label = 1, 0
optimizerD = optim.Adam(netD.parameters(), lr=0.0002, betas=(0.5, 0.999))
optimizerG = optim.Adam(netG.parameters(), lr=0.0002, betas=(0.5, 0.999))
reals = torch.rand(2, 4, 3, 64, 64) * 2 - 1
for i, real_cpu in enumerate(reals):
    netD.zero_grad()
    batch_size = real_cpu.size(0)
    label = torch.full((batch_size,), real_label, dtype=real_cpu.dtype)
    output = netD(real_cpu)
    errD_real = criterion(output, label)
    errD_real.backward()
    D_x = output.mean().item()
    noise = torch.randn(batch_size, nz, 1, 1)
    fake = netG(noise)
    label.fill_(fake_label)
    output = netD(fake.detach())
    errD_fake = criterion(output, label)
    errD_fake.backward()
    D_G_z1 = output.mean().item()
    errD = errD_real + errD_fake
    optimizerD.step()
    netG.zero_grad()
    label.fill_(real_label)
    output = netD(fake)
    errG = criterion(output, label)
    errG.backward()
    D_G_z2 = output.mean().item()
    optimizerG.step()
    print('[%d/%d][%d/%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f D(G(z)): %.4f / %.4f'
          % (0, 1, i, len(reals), errD.item(), errG.item(), D_x, D_G_z1, D_G_z2))
print(label, label.dtype, torch.full((2,), 1).dtype, torch.full((2,), 1.))
fake = netG(fixed_noise)
print(fake.shape, fake.detach().min() >= -1)
try:
    criterion(output, torch.full((4,), 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    netD(torch.randn(2, 3, 32, 32))
except Exception as e:
    print(type(e).__name__, e)
buf = io.BytesIO()
torch.save(netG.state_dict(), buf); buf.seek(0)
sd = torch.load(buf)
print(list(sd)[:4], sd['main.1.num_batches_tracked'])
buf = io.BytesIO()
torch.save(netG, buf); buf.seek(0)
try:
    torch.load(buf)
except Exception as e:
    print(type(e).__name__, str(e)[:300])
buf.seek(0)
g2 = torch.load(buf, weights_only=False)
print(type(g2).__name__)
# %%
def gram_matrix(y):
    (b, ch, h, w) = y.size()
    features = y.view(b, ch, w * h)
    features_t = features.transpose(1, 2)
    gram = features.bmm(features_t) / (ch * h * w)
    return gram
def normalize_batch(batch):
    mean = batch.new_tensor([0.485, 0.456, 0.406]).view(-1, 1, 1)
    std = batch.new_tensor([0.229, 0.224, 0.225]).view(-1, 1, 1)
    batch = batch.div_(255.0)
    return (batch - mean) / std
class ConvLayer(torch.nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride):
        super(ConvLayer, self).__init__()
        reflection_padding = kernel_size // 2
        self.reflection_pad = torch.nn.ReflectionPad2d(reflection_padding)
        self.conv2d = torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride)
    def forward(self, x):
        out = self.reflection_pad(x)
        out = self.conv2d(out)
        return out
class ResidualBlock(torch.nn.Module):
    def __init__(self, channels):
        super(ResidualBlock, self).__init__()
        self.conv1 = ConvLayer(channels, channels, kernel_size=3, stride=1)
        self.in1 = torch.nn.InstanceNorm2d(channels, affine=True)
        self.conv2 = ConvLayer(channels, channels, kernel_size=3, stride=1)
        self.in2 = torch.nn.InstanceNorm2d(channels, affine=True)
        self.relu = torch.nn.ReLU()
    def forward(self, x):
        residual = x
        out = self.relu(self.in1(self.conv1(x)))
        out = self.in2(self.conv2(out))
        out = out + residual
        return out
class UpsampleConvLayer(torch.nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride, upsample=None):
        super(UpsampleConvLayer, self).__init__()
        self.upsample = upsample
        reflection_padding = kernel_size // 2
        self.reflection_pad = torch.nn.ReflectionPad2d(reflection_padding)
        self.conv2d = torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride)
    def forward(self, x):
        x_in = x
        if self.upsample:
            x_in = torch.nn.functional.interpolate(x_in, mode='nearest', scale_factor=self.upsample)
        out = self.reflection_pad(x_in)
        out = self.conv2d(out)
        return out
torch.manual_seed(42)
net = nn.Sequential(ConvLayer(3, 4, 9, 1), nn.InstanceNorm2d(4, affine=True), nn.ReLU(), ConvLayer(4, 8, 3, 2),
                    ResidualBlock(8), UpsampleConvLayer(8, 4, 3, 1, upsample=2), ConvLayer(4, 3, 9, 1))
print(net)
x = torch.rand(2, 3, 16, 16) * 255
y = net(x)
print(y.shape, y.grad_fn)
g = gram_matrix(y)
print(g.shape, g[0, :2], g.grad_fn)
xn = normalize_batch(x.clone())
print(xn[0, :, 0, 0], x[0, :, 0, 0])
mse = torch.nn.MSELoss()
style_loss = mse(g, gram_matrix(torch.rand(1, 3, 16, 16)).expand_as(g)) * 1e5
gm_s = gram_matrix(torch.rand(1, 3, 16, 16))
print(gm_s[:2, :, :].shape, gm_s.repeat(2, 1, 1).shape)
total = style_loss + mse(y, normalize_batch(x.clone()))
total.backward()
print(f"{style_loss.item():.2f}", net[0].conv2d.weight.grad.shape, f"{net[1].weight.grad.norm().item():.3e}")
try:
    normalize_batch(torch.randint(0, 255, (1, 3, 2, 2)))
except Exception as e:
    print(type(e).__name__, e)
try:
    gram_matrix(torch.rand(3, 16, 16))
except Exception as e:
    print(type(e).__name__, e)
try:
    x.requires_grad_(); normalize_batch(x)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.nn.ReflectionPad2d(4)(torch.rand(1, 1, 3, 3))
except Exception as e:
    print(type(e).__name__, e)
print(x.new_tensor([1, 2]).dtype, x.new_tensor(torch.tensor([1.0])), torch.tensor([1, 2]).new_tensor([0.5]).dtype)
