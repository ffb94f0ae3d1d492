# Imitates the U-Net walk-throughs (the 2015 paper's crop-and-concatenate, milesial/Pytorch-UNet's Up block with
# F.pad for odd sizes, and the "ConvTranspose2d output size" explanations in the PyTorch docs and forum answers):
# H_out = (H_in - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1 printed next to the
# real shapes, output_size= to pick the size, output_padding errors, center crops of skip connections, torch.cat
# along channels, upsampling by Upsample + Conv vs ConvTranspose, parameter counts and gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

def out_size(h, k, s=1, p=0, op=0, d=1):
    return (h - 1) * s - 2 * p + d * (k - 1) + op + 1

# %%
x = torch.randn(1, 4, 5, 5)
for k, s, p, op, d in [(2, 2, 0, 0, 1), (3, 2, 1, 1, 1), (3, 2, 1, 0, 1), (4, 2, 1, 0, 1), (3, 3, 0, 2, 1),
                       (3, 1, 1, 0, 2), (3, 2, 0, 1, 2)]:
    up = nn.ConvTranspose2d(4, 2, k, stride=s, padding=p, output_padding=op, dilation=d)
    print(k, s, p, op, d, tuple(up(x).shape), out_size(5, k, s, p, op, d))
up = nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1)
print(up)
print(up(x, output_size=[10, 10]).shape, up(x, output_size=(1, 2, 9, 10)).shape)

# %%
for make in [lambda: nn.ConvTranspose2d(4, 2, 3, stride=2, output_padding=2),
             lambda: nn.ConvTranspose2d(4, 2, 3, stride=1, output_padding=1),
             lambda: up(x, output_size=[12, 12]),
             lambda: up(x, output_size=[8, 8]),
             lambda: up(x, output_size=[10]),
             lambda: nn.ConvTranspose2d(4, 2, 3, padding="same"),
             lambda: nn.ConvTranspose2d(4, 3, 2, groups=2),
             lambda: up(torch.randn(1, 3, 5, 5)),
             lambda: nn.ConvTranspose2d(4, 2, 3, stride=2, output_padding=(1, 0))(x).shape,
             lambda: F.conv_transpose2d(x, torch.randn(4, 2, 3, 3), stride=2, output_padding=2),
             lambda: F.conv_transpose2d(x, torch.randn(4, 2, 3, 3), stride=2, output_padding=1, padding=1).shape]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
def center_crop(enc, target_hw):
    _, _, h, w = enc.shape
    th, tw = target_hw
    dy, dx = (h - th) // 2, (w - tw) // 2
    return enc[:, :, dy:dy + th, dx:dx + tw]

enc = torch.randn(1, 8, 13, 13)
dec = torch.randn(1, 8, 9, 9)
crop = center_crop(enc, dec.shape[2:])
cat = torch.cat([crop, dec], dim=1)
print(crop.shape, cat.shape, crop.is_contiguous(), cat.is_contiguous())
try:
    torch.cat([enc, dec], dim=1)
except RuntimeError as e:
    print("RuntimeError", e)

# %%
class DoubleConv(nn.Sequential):
    def __init__(self, cin, cout, mid=None):
        mid = mid or cout
        super().__init__(nn.Conv2d(cin, mid, 3, padding=1, bias=False), nn.BatchNorm2d(mid), nn.ReLU(inplace=True),
                         nn.Conv2d(mid, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))

class Up(nn.Module):
    def __init__(self, cin, cout, bilinear=True):
        super().__init__()
        if bilinear:
            self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
            self.conv = DoubleConv(cin, cout, cin // 2)
        else:
            self.up = nn.ConvTranspose2d(cin, cin // 2, kernel_size=2, stride=2)
            self.conv = DoubleConv(cin, cout)

    def forward(self, x1, x2):
        x1 = self.up(x1)
        diffY = x2.size()[2] - x1.size()[2]
        diffX = x2.size()[3] - x1.size()[3]
        x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])
        return self.conv(torch.cat([x2, x1], dim=1))

class TinyUNet(nn.Module):
    def __init__(self, n_ch=1, n_cls=2, bilinear=False):
        super().__init__()
        f = 2 if bilinear else 1
        self.inc = DoubleConv(n_ch, 8)
        self.down1 = nn.Sequential(nn.MaxPool2d(2), DoubleConv(8, 16))
        self.down2 = nn.Sequential(nn.MaxPool2d(2), DoubleConv(16, 32 // f))
        self.up1 = Up(32, 16 // f, bilinear)
        self.up2 = Up(16, 8, bilinear)
        self.outc = nn.Conv2d(8, n_cls, kernel_size=1)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        print("enc", tuple(x1.shape), tuple(x2.shape), tuple(x3.shape))
        x = self.up1(x3, x2)
        x = self.up2(x, x1)
        return self.outc(x)

for bil in [False, True]:
    torch.manual_seed(1)
    net = TinyUNet(bilinear=bil)
    img = torch.randn(2, 1, 11, 13)
    out = net(img)
    print(bil, out.shape, sum(p.numel() for p in net.parameters()), sum(p.numel() for p in net.parameters() if p.requires_grad))
print(net.up1)

# %%
torch.manual_seed(2)
net = TinyUNet()
img = torch.randn(2, 1, 12, 12)
mask = torch.randint(0, 2, (2, 12, 12))
logits = net(img)
loss = F.cross_entropy(logits, mask)
loss.backward()
print(loss)
print(net.up1.up.weight.grad.shape, net.up1.up.weight.grad.abs().sum() > 0, net.outc.bias.grad)
print(net.up1.up.weight.shape, net.up1.up.bias.shape, net.inc[1].running_mean[:3])
try:
    F.cross_entropy(logits, mask.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cross_entropy(logits, mask[:, :10])
except Exception as e:
    print(type(e).__name__, e)
