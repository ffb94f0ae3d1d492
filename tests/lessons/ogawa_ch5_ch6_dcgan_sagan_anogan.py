# Imitates Yutaro Ogawa, 'つくりながら学ぶ! PyTorchによる発展ディープラーニング' ch5 and ch6 (repo YutaroOgawa/pytorch_advanced,
# 5_gan_generation/5-1-2_DCGAN.ipynb, 5-3-4_SAGAN.ipynb, 6_gan_anomaly_detection/6-2_AnoGAN.ipynb, 6-4_EfficientGAN.ipynb)
# at tiny sizes on random tensors: a DCGAN Generator of ConvTranspose2d/BatchNorm2d/ReLU(inplace) and a LeakyReLU
# Discriminator, weights_init by class name, BCEWithLogitsLoss against torch.full labels (and the int64 label error of
# today's torch.full), Adam with betas given as a list; the Self_Attention module (1x1 convs, torch.bmm of query/key,
# nn.Softmax(dim=-2), gamma = nn.Parameter(torch.zeros(1))), spectral_norm on ConvTranspose2d/Conv2d, the hinge loss
# nn.ReLU()(1.0 - d_out_real).mean(); AnoGAN's Anomaly_score and the search of a latent z requiring grad with Adam;
# EfficientGAN's encoder and the (x, z) discriminator with torch.cat.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


# %%
class Generator(nn.Module):
    def __init__(self, z_dim=20, image_size=8):
        super(Generator, self).__init__()
        self.layer1 = nn.Sequential(
            nn.ConvTranspose2d(z_dim, image_size * 4, kernel_size=4, stride=1),
            nn.BatchNorm2d(image_size * 4),
            nn.ReLU(inplace=True))
        self.layer2 = nn.Sequential(
            nn.ConvTranspose2d(image_size * 4, image_size * 2, kernel_size=4, stride=2, padding=1),
            nn.BatchNorm2d(image_size * 2),
            nn.ReLU(inplace=True))
        self.last = nn.Sequential(
            nn.ConvTranspose2d(image_size * 2, 1, kernel_size=4, stride=2, padding=1),
            nn.Tanh())
        # 注意：白黒画像なので出力チャネルは1つだけ

    def forward(self, z):
        out = self.layer1(z)
        out = self.layer2(out)
        out = self.last(out)
        return out


class Discriminator(nn.Module):
    def __init__(self, z_dim=20, image_size=8):
        super(Discriminator, self).__init__()
        self.layer1 = nn.Sequential(
            nn.Conv2d(1, image_size, kernel_size=4, stride=2, padding=1),
            nn.LeakyReLU(0.1, inplace=True))
        self.layer2 = nn.Sequential(
            nn.Conv2d(image_size, image_size * 2, kernel_size=4, stride=2, padding=1),
            nn.LeakyReLU(0.1, inplace=True))
        self.last = nn.Conv2d(image_size * 2, 1, kernel_size=4, stride=1)

    def forward(self, x):
        out = self.layer1(x)
        feature = self.layer2(out)
        out = self.last(feature)
        return out, feature.view(feature.size()[0], -1)


torch.manual_seed(0)
G = Generator(z_dim=20, image_size=8)
D = Discriminator(z_dim=20, image_size=8)
input_z = torch.randn(1, 20)
input_z = input_z.view(input_z.size(0), input_z.size(1), 1, 1)
fake_images = G(input_z)
print(fake_images.shape, fake_images.grad_fn)
img_transformed = fake_images[0][0].detach().numpy()
print(img_transformed.shape, img_transformed.dtype)
d_out, feat = D(fake_images)
print(nn.Sigmoid()(d_out), feat.shape)
G

# %%
def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        # Conv2dとConvTranspose2dの初期化
        nn.init.normal_(m.weight.data, 0.0, 0.02)
        nn.init.constant_(m.bias.data, 0)
    elif classname.find('BatchNorm') != -1:
        # BatchNorm2dの初期化
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


torch.manual_seed(1)
G.apply(weights_init)
D.apply(weights_init)
print("ネットワークの初期化完了")
print(G.layer1[1].weight[:4], G.last[0].bias)
g_lr, d_lr = 0.0001, 0.0004
beta1, beta2 = 0.0, 0.9
g_optimizer = torch.optim.Adam(G.parameters(), g_lr, [beta1, beta2])
d_optimizer = torch.optim.Adam(D.parameters(), d_lr, [beta1, beta2])
print(g_optimizer.defaults['betas'], d_optimizer.param_groups[0]['betas'])
criterion = nn.BCEWithLogitsLoss(reduction='mean')
label_real = torch.full((4,), 1)
label_fake = torch.full((4,), 0)
print(label_real.dtype, torch.full((4,), 1.0).dtype)
imges = torch.rand(4, 1, 16, 16) * 2 - 1
d_out_real, _ = D(imges)
try:
    criterion(d_out_real.view(-1), label_real)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(2)
G.train()
D.train()
mini_batch_size = 4
z_dim = 20
label_real = torch.full((mini_batch_size,), 1.0)
label_fake = torch.full((mini_batch_size,), 0.0)
for epoch in range(3):
    epoch_g_loss = 0.0
    epoch_d_loss = 0.0
    d_out_real, _ = D(imges)
    input_z = torch.randn(mini_batch_size, z_dim)
    input_z = input_z.view(input_z.size(0), input_z.size(1), 1, 1)
    fake_images = G(input_z)
    d_out_fake, _ = D(fake_images)
    d_loss_real = criterion(d_out_real.view(-1), label_real)
    d_loss_fake = criterion(d_out_fake.view(-1), label_fake)
    d_loss = d_loss_real + d_loss_fake
    g_optimizer.zero_grad()
    d_optimizer.zero_grad()
    d_loss.backward()
    d_optimizer.step()
    input_z = torch.randn(mini_batch_size, z_dim)
    input_z = input_z.view(input_z.size(0), input_z.size(1), 1, 1)
    fake_images = G(input_z)
    d_out_fake, _ = D(fake_images)
    g_loss = criterion(d_out_fake.view(-1), label_real)
    g_optimizer.zero_grad()
    d_optimizer.zero_grad()
    g_loss.backward()
    g_optimizer.step()
    epoch_d_loss += d_loss.item()
    epoch_g_loss += g_loss.item()
    print('epoch {} || Epoch_D_Loss:{:.4f} ||Epoch_G_Loss:{:.4f}'.format(epoch, epoch_d_loss / 1, epoch_g_loss / 1))
print(d_out_real.shape, d_out_fake.view(-1).grad_fn)

# %%
class Self_Attention(nn.Module):
    """ Self-AttentionのLayer"""

    def __init__(self, in_dim):
        super(Self_Attention, self).__init__()
        self.query_conv = nn.Conv2d(in_channels=in_dim, out_channels=in_dim // 8, kernel_size=1)
        self.key_conv = nn.Conv2d(in_channels=in_dim, out_channels=in_dim // 8, kernel_size=1)
        self.value_conv = nn.Conv2d(in_channels=in_dim, out_channels=in_dim, kernel_size=1)
        # Attention Map作成時の規格化のソフトマックス
        self.softmax = nn.Softmax(dim=-2)
        # 元の入力xとSelf-Attention Mapであるoを足し算するときの係数
        self.gamma = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        X = x
        proj_query = self.query_conv(X).view(X.shape[0], -1, X.shape[2] * X.shape[3])
        proj_query = proj_query.permute(0, 2, 1)
        proj_key = self.key_conv(X).view(X.shape[0], -1, X.shape[2] * X.shape[3])
        S = torch.bmm(proj_query, proj_key)
        attention_map_T = self.softmax(S)
        attention_map = attention_map_T.permute(0, 2, 1)
        proj_value = self.value_conv(X).view(X.shape[0], -1, X.shape[2] * X.shape[3])
        o = torch.bmm(proj_value, attention_map.permute(0, 2, 1))
        o = o.view(X.shape[0], X.shape[1], X.shape[2], X.shape[3])
        out = x + self.gamma * o
        return out, attention_map


torch.manual_seed(3)
sa = Self_Attention(in_dim=16)
x = torch.randn(2, 16, 3, 3)
out, attention_map = sa(x)
print(out.shape, attention_map.shape, sa.gamma)
print(attention_map.sum(dim=2)[0], attention_map.sum(dim=1)[0])
print(torch.equal(out, x), out.grad_fn)
out.sum().backward()
print(sa.gamma.grad, sa.query_conv.weight.grad.abs().sum())
try:
    torch.bmm(x.view(2, 16, 9), x.view(2, 16, 9))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.bmm(x.view(2, 16, 9)[0], x.view(2, 9, 16)[0])
except Exception as e:
    print(type(e).__name__, e)

# %%
class SAGenerator(nn.Module):
    def __init__(self, z_dim=20, image_size=8):
        super(SAGenerator, self).__init__()
        self.layer1 = nn.Sequential(
            nn.utils.spectral_norm(nn.ConvTranspose2d(z_dim, image_size * 4, kernel_size=4, stride=1)),
            nn.BatchNorm2d(image_size * 4),
            nn.ReLU(inplace=True))
        self.layer2 = nn.Sequential(
            nn.utils.spectral_norm(nn.ConvTranspose2d(image_size * 4, image_size * 2, kernel_size=4, stride=2,
                                                      padding=1)),
            nn.BatchNorm2d(image_size * 2),
            nn.ReLU(inplace=True))
        self.self_attntion1 = Self_Attention(in_dim=image_size * 2)
        self.last = nn.Sequential(
            nn.ConvTranspose2d(image_size * 2, 1, kernel_size=4, stride=2, padding=1),
            nn.Tanh())

    def forward(self, z):
        out = self.layer1(z)
        out = self.layer2(out)
        out, attention_map1 = self.self_attntion1(out)
        out = self.last(out)
        return out, attention_map1


class SADiscriminator(nn.Module):
    def __init__(self, image_size=8):
        super(SADiscriminator, self).__init__()
        self.layer1 = nn.Sequential(
            nn.utils.spectral_norm(nn.Conv2d(1, image_size, kernel_size=4, stride=2, padding=1)),
            nn.LeakyReLU(0.1, inplace=True))
        self.layer2 = nn.Sequential(
            nn.utils.spectral_norm(nn.Conv2d(image_size, image_size * 2, kernel_size=4, stride=2, padding=1)),
            nn.LeakyReLU(0.1, inplace=True))
        self.self_attntion1 = Self_Attention(in_dim=image_size * 2)
        self.last = nn.Conv2d(image_size * 2, 1, kernel_size=4, stride=1)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out, attention_map1 = self.self_attntion1(out)
        out = self.last(out)
        return out, attention_map1


torch.manual_seed(4)
G = SAGenerator(z_dim=20, image_size=8)
D = SADiscriminator(image_size=8)
print(G.layer1[0].weight_u.shape, G.layer1[0].weight_v.shape, G.layer2[0].weight_orig.shape)
print(sorted(k for k in G.state_dict() if 'layer1' in k))
g_optimizer = torch.optim.Adam(G.parameters(), 0.0001, [0.0, 0.9])
d_optimizer = torch.optim.Adam(D.parameters(), 0.0004, [0.0, 0.9])
imges = torch.rand(4, 1, 16, 16) * 2 - 1
for it in range(2):
    d_out_real, _ = D(imges)
    input_z = torch.randn(4, 20).view(4, 20, 1, 1)
    fake_images, _ = G(input_z)
    d_out_fake, _ = D(fake_images)
    # hinge version of the adversarial loss
    d_loss_real = torch.nn.ReLU()(1.0 - d_out_real).mean()
    d_loss_fake = torch.nn.ReLU()(1.0 + d_out_fake).mean()
    d_loss = d_loss_real + d_loss_fake
    g_optimizer.zero_grad()
    d_optimizer.zero_grad()
    d_loss.backward()
    d_optimizer.step()
    fake_images, _ = G(torch.randn(4, 20).view(4, 20, 1, 1))
    d_out_fake, _ = D(fake_images)
    g_loss = - d_out_fake.mean()
    g_optimizer.zero_grad()
    d_optimizer.zero_grad()
    g_loss.backward()
    g_optimizer.step()
    print('D {:.4f} G {:.4f}'.format(d_loss.item(), g_loss.item()), d_loss.grad_fn, g_loss.grad_fn)
print(G.self_attntion1.gamma, D.self_attntion1.gamma.grad)
G.eval()
fake, am = G(torch.randn(2, 20, 1, 1))
print(fake.shape, am.shape, am[0].sum(1)[:3])

# %%
# AnoGAN: 潜在変数 z を勾配で探す
def Anomaly_score(x, fake_img, D, Lambda=0.1):
    # テスト画像xと生成画像fake_imgのピクセルレベルの差の絶対値を求めて、ミニバッチごとに和を求める
    residual_loss = torch.abs(x - fake_img)
    residual_loss = residual_loss.view(residual_loss.size()[0], -1)
    residual_loss = torch.sum(residual_loss, dim=1)
    _, x_feature = D(x)
    _, G_feature = D(fake_img)
    discrimination_loss = torch.abs(x_feature - G_feature)
    discrimination_loss = discrimination_loss.view(discrimination_loss.size()[0], -1)
    discrimination_loss = torch.sum(discrimination_loss, dim=1)
    loss_each = (1 - Lambda) * residual_loss + Lambda * discrimination_loss
    total_loss = torch.sum(loss_each)
    return total_loss, loss_each, residual_loss


torch.manual_seed(5)
G = Generator(z_dim=20, image_size=8)
D = Discriminator(z_dim=20, image_size=8)
G.eval()
D.eval()
x = torch.rand(3, 1, 16, 16) * 2 - 1
z = torch.randn(3, 20)
z = z.view(z.size(0), z.size(1), 1, 1)
z.requires_grad = True
z_optimizer = torch.optim.Adam([z], lr=1e-3)
for epoch in range(31):
    fake_img = G(z)
    loss, _, _ = Anomaly_score(x, fake_img, D, Lambda=0.1)
    z_optimizer.zero_grad()
    loss.backward()
    z_optimizer.step()
    if epoch % 10 == 0:
        print('epoch {} || loss_total:{:.0f} '.format(epoch, loss.item()))
fake_img = G(z)
loss, loss_each, residual_loss_each = Anomaly_score(x, fake_img, D, Lambda=0.1)
loss_each = loss_each.cpu().detach().numpy()
print("total loss：", np.round(loss_each, 0))
print(z.grad.shape, z.is_leaf, G.layer1[0].weight.grad.shape)
try:
    zz = torch.randn(3, 20).view(3, 20, 1, 1)
    zz.requires_grad = True
    z2 = torch.randn(3, 20, requires_grad=True).view(3, 20, 1, 1)
    z2.requires_grad = False
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.Adam([z2], lr=1e-3)
except Exception as e:
    print(type(e).__name__, e)

# %%
# EfficientGAN: エンコーダと (x, z) を受け取る識別器
class Encoder(nn.Module):
    def __init__(self, z_dim=20):
        super(Encoder, self).__init__()
        self.layer1 = nn.Sequential(nn.Conv2d(1, 8, kernel_size=3, stride=1), nn.LeakyReLU(0.1, inplace=True))
        self.layer2 = nn.Sequential(nn.Conv2d(8, 16, kernel_size=3, stride=2, padding=1),
                                    nn.BatchNorm2d(16), nn.LeakyReLU(0.1, inplace=True))
        self.last = nn.Linear(16 * 7 * 7, z_dim)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out = out.view(-1, 16 * 7 * 7)
        out = self.last(out)
        return out


class ZXDiscriminator(nn.Module):
    def __init__(self, z_dim=20):
        super(ZXDiscriminator, self).__init__()
        self.x_layer1 = nn.Sequential(nn.Conv2d(1, 8, kernel_size=4, stride=2, padding=1),
                                      nn.LeakyReLU(0.1, inplace=True))
        self.x_layer2 = nn.Sequential(nn.Conv2d(8, 8, kernel_size=4, stride=2, padding=1),
                                      nn.BatchNorm2d(8), nn.LeakyReLU(0.1, inplace=True))
        self.z_layer1 = nn.Linear(z_dim, 32)
        self.last1 = nn.Sequential(nn.Linear(8 * 4 * 4 + 32, 16), nn.LeakyReLU(0.1, inplace=True))
        self.last2 = nn.Linear(16, 1)

    def forward(self, x, z):
        x_out = self.x_layer1(x)
        x_out = self.x_layer2(x_out)
        z = z.view(z.shape[0], -1)
        z_out = self.z_layer1(z)
        z_out = nn.LeakyReLU(0.1, inplace=True)(z_out)
        x_out = x_out.view(-1, 8 * 4 * 4)
        out = torch.cat([x_out, z_out], dim=1)
        out = self.last1(out)
        feature = out
        feature = feature.view(feature.size()[0], -1)
        out = self.last2(out)
        return out, feature


torch.manual_seed(6)
E = Encoder(z_dim=20)
Dz = ZXDiscriminator(z_dim=20)
x = torch.rand(4, 1, 16, 16)
z_out_real = E(x)
d_out, feature = Dz(x, z_out_real)
print(z_out_real.shape, d_out.shape, feature.shape)
criterion = nn.BCEWithLogitsLoss(reduction='mean')
label_real = torch.full((4,), 1.0)
e_loss = criterion(d_out.view(-1), label_real)
e_loss.backward()
print(e_loss, E.last.weight.grad.shape, Dz.z_layer1.weight.grad.abs().sum() > 0)
try:
    E(torch.rand(4, 1, 14, 14))
except Exception as e:
    print(type(e).__name__, e)
