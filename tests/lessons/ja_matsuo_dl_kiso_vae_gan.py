# 東京大学 松尾・岩澤研究室「Deep Learning 基礎講座」の深層生成モデルの演習 (VAE: 再パラメータ化トリック、
# 再構成誤差 (BCE) と KL ダイバージェンス、潜在空間の補間; GAN / DCGAN: 生成器と識別器の交互学習、detach の使い方、
# BCEWithLogitsLoss、ConvTranspose2d) と、Zenn の「GAN の学習で detach を忘れるとどうなるか」「BCELoss のよくある
# エラー」記事の写し。MNIST の代わりに 8x8 の乱数画像、日本語の f 文字列。
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
x_data = torch.rand(16, 1, 8, 8)

# %%
# VAE
class VAE(nn.Module):
    def __init__(self, z_dim=2):
        super().__init__()
        self.dense_enc1 = nn.Linear(64, 32)
        self.dense_encmean = nn.Linear(32, z_dim)
        self.dense_encvar = nn.Linear(32, z_dim)
        self.dense_dec1 = nn.Linear(z_dim, 32)
        self.dense_dec2 = nn.Linear(32, 64)

    def _encoder(self, x):
        x = F.relu(self.dense_enc1(x))
        mean = self.dense_encmean(x)
        std = F.softplus(self.dense_encvar(x))
        return mean, std

    def _sample_z(self, mean, std):
        # 再パラメータ化トリック
        epsilon = torch.randn(mean.shape)
        return mean + std * epsilon

    def _decoder(self, z):
        x = F.relu(self.dense_dec1(z))
        return torch.sigmoid(self.dense_dec2(x))

    def forward(self, x):
        mean, std = self._encoder(x)
        z = self._sample_z(mean, std)
        x = self._decoder(z)
        return x, z

    def loss(self, x):
        mean, std = self._encoder(x)
        # KL loss（正則化項）の計算
        KL = -0.5 * torch.mean(torch.sum(1 + torch_log(std ** 2) - mean ** 2 - std ** 2, dim=1))
        z = self._sample_z(mean, std)
        y = self._decoder(z)
        # 再構成誤差
        reconstruction = torch.mean(torch.sum(x * torch_log(y) + (1 - x) * torch_log(1 - y), dim=1))
        return KL, -reconstruction

def torch_log(x):
    return torch.log(torch.clamp(x, min=1e-10))

model = VAE(z_dim=2)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x = x_data.view(-1, 64)
for epoch in range(4):
    model.train()
    KL_loss, reconstruction_loss = model.loss(x)
    loss = KL_loss + reconstruction_loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"EPOCH: {epoch + 1}　KL：{KL_loss.item():.4f}　再構成：{reconstruction_loss.item():.4f}")
print("F.binary_cross_entropy との比較：", F.binary_cross_entropy(model(x)[0].detach().clamp(1e-6, 1 - 1e-6), x, reduction='sum').item() > 0)

# %%
# 潜在空間の補間と、推論時の no_grad
model.eval()
with torch.no_grad():
    z1 = torch.tensor([[-1.0, -1.0]])
    z2 = torch.tensor([[1.0, 1.0]])
    ts = torch.linspace(0, 1, 5).unsqueeze(1)
    zs = z1 + (z2 - z1) * ts
    imgs = model._decoder(zs).view(-1, 8, 8)
print(zs)
print(imgs.shape, imgs.requires_grad, f"{imgs.mean().item():.4f}")
mu = torch.zeros(3, 2, requires_grad=True)
logvar = torch.zeros(3, 2, requires_grad=True)
std = torch.exp(0.5 * logvar)
eps = torch.randn_like(std)
z = mu + eps * std
kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
(z.sum() + kld).backward()
print(f"KLD＝{kld.item()}、mu.grad＝{mu.grad[0].tolist()}、logvar.grad＝{logvar.grad[0]}")

# %%
# BCELoss のよくあるエラー
bce = nn.BCELoss()
pred = torch.sigmoid(torch.randn(4, 1))
target = torch.tensor([1, 0, 1, 0])
try:
    bce(pred, target)
except ValueError as e:
    print("ValueError：", e)
try:
    bce(pred, target.unsqueeze(1))
except RuntimeError as e:
    print("RuntimeError：", e)
print(bce(pred, target.unsqueeze(1).float()))
try:
    bce(torch.randn(4, 1) * 3, target.unsqueeze(1).float())
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    nn.BCEWithLogitsLoss()(torch.randn(4, 1), target.unsqueeze(1))
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    nn.BCEWithLogitsLoss()(torch.randn(4, 1), target.float())
except ValueError as e:
    print("ValueError：", e)
print(nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0]))(torch.zeros(4, 1), target.unsqueeze(1).float()))

# %%
# DCGAN の生成器と識別器
nz = 4
class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, 16, 4, 1, 0, bias=False),  # 1x1 -> 4x4
            nn.BatchNorm2d(16),
            nn.ReLU(True),
            nn.ConvTranspose2d(16, 1, 4, 2, 1, bias=False),   # 4x4 -> 8x8
            nn.Tanh(),
        )

    def forward(self, z):
        return self.main(z)

class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 16, 4, 2, 1, bias=False),    # 8x8 -> 4x4
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(16, 1, 4, 1, 0, bias=False),    # 4x4 -> 1x1
        )

    def forward(self, x):
        return self.main(x).view(-1)

def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)

netG = Generator()
netD = Discriminator()
netG.apply(weights_init)
netD.apply(weights_init)
print(netG)
print(netD)
criterion = nn.BCEWithLogitsLoss()
optD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
optG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
real = x_data * 2 - 1
for it in range(3):
    # 識別器の更新
    netD.zero_grad()
    out_real = netD(real)
    label = torch.full((real.size(0),), 1.0)
    errD_real = criterion(out_real, label)
    errD_real.backward()
    noise = torch.randn(real.size(0), nz, 1, 1)
    fake = netG(noise)
    label.fill_(0.0)
    out_fake = netD(fake.detach())  # 生成器に勾配を流さない
    errD_fake = criterion(out_fake, label)
    errD_fake.backward()
    optD.step()
    # 生成器の更新
    netG.zero_grad()
    label.fill_(1.0)
    out = netD(fake)
    errG = criterion(out, label)
    errG.backward()
    optG.step()
    print(f"[{it}/3] 識別器の損失：{(errD_real + errD_fake).item():.4f}　生成器の損失：{errG.item():.4f}　D(x)：{torch.sigmoid(out_real).mean().item():.4f}")
print(fake.shape, fake.grad_fn.__class__.__name__)

# %%
# detach を忘れると：生成器の計算グラフは解放済み
noise = torch.randn(4, nz, 1, 1)
fake = netG(noise)
errD_fake = criterion(netD(fake), torch.zeros(4))
errD_fake.backward()
try:
    criterion(netD(fake), torch.ones(4)).backward()
    print("生成器のグラフはまだ使える")
except RuntimeError as e:
    print("RuntimeError：", e)
print("生成器の勾配が溜まっている：", netG.main[0].weight.grad is not None)
try:
    netD(torch.randn(4, 8, 8))
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    netD(torch.randn(4, 3, 8, 8))
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    netG(torch.randn(4, nz))
except RuntimeError as e:
    print("RuntimeError：", e)
netG.eval()
print(netG(torch.randn(1, nz, 1, 1)).shape)
netG.train()
try:
    netG(torch.randn(1, nz, 1, 1))
except ValueError as e:
    print("ValueError：", e)
