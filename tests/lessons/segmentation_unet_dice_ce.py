# Imitates course notebooks on semantic segmentation: a small U-Net (Conv2d blocks, MaxPool2d, ConvTranspose2d,
# torch.cat skip connections, F.interpolate when sizes do not line up), CrossEntropyLoss on (N, C, H, W) logits with
# ignore_index / weight= / label_smoothing, soft-Dice by hand with F.one_hot(...).permute, IoU per class, pixel
# accuracy and a confusion matrix with torch.bincount; the mistakes learners make along the way.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

# %%
class DoubleConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))
    def forward(self, x):
        return self.net(x)

class UNet(nn.Module):
    def __init__(self, in_ch=3, n_classes=3, base=4):
        super().__init__()
        self.inc = DoubleConv(in_ch, base)
        self.down1 = nn.Sequential(nn.MaxPool2d(2), DoubleConv(base, base * 2))
        self.down2 = nn.Sequential(nn.MaxPool2d(2), DoubleConv(base * 2, base * 4))
        self.up1 = nn.ConvTranspose2d(base * 4, base * 2, kernel_size=2, stride=2)
        self.conv1 = DoubleConv(base * 4, base * 2)
        self.up2 = nn.ConvTranspose2d(base * 2, base, kernel_size=2, stride=2)
        self.conv2 = DoubleConv(base * 2, base)
        self.outc = nn.Conv2d(base, n_classes, kernel_size=1)
    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        u = self.up1(x3)
        if u.shape[-2:] != x2.shape[-2:]:
            u = F.interpolate(u, size=x2.shape[-2:], mode="bilinear", align_corners=False)
        u = self.conv1(torch.cat([x2, u], dim=1))
        u = self.up2(u)
        if u.shape[-2:] != x1.shape[-2:]:
            u = F.interpolate(u, size=x1.shape[-2:], mode="bilinear", align_corners=False)
        u = self.conv2(torch.cat([x1, u], dim=1))
        return self.outc(u)

model = UNet()
print(model.up1)
print(sum(p.numel() for p in model.parameters()))
x = torch.randn(2, 3, 8, 8)
logits = model(x)
print(logits.shape, logits.grad_fn)

# %%
# an odd-sized image: the transposed conv comes back one pixel short and interpolate fixes it
y = model(torch.randn(1, 3, 10, 10))
print(y.shape)
up = nn.ConvTranspose2d(4, 2, kernel_size=3, stride=2, padding=1, output_padding=1)
print(up(torch.randn(1, 4, 5, 5)).shape)
print(up(torch.randn(1, 4, 5, 5), output_size=[9, 9]).shape)
print(up.weight.shape, up.bias.shape)

# %%
# mismatched spatial sizes in cat (the mistake interpolate is there to fix)
a = torch.randn(1, 8, 4, 4)
b = torch.randn(1, 8, 5, 5)
torch.cat([a, b], dim=1)

# %%
print(F.interpolate(a, scale_factor=2, mode="nearest").shape)
print(F.interpolate(a[:, :1, :2, :2], scale_factor=2, mode="bilinear", align_corners=True))
F.interpolate(a, size=(3, 3), mode="bilinear")[0, 0]

# %%
target = torch.randint(0, 3, (2, 8, 8))
target[0, :2, :2] = 255
criterion = nn.CrossEntropyLoss(ignore_index=255)
loss = criterion(logits, target)
print(loss)
loss.backward()
print(model.outc.bias.grad)

# %%
w = torch.tensor([0.2, 1.0, 3.0])
t = torch.randint(0, 3, (2, 8, 8))
print(F.cross_entropy(logits.detach(), t, weight=w))
print(F.cross_entropy(logits.detach(), t, label_smoothing=0.1))
print(F.cross_entropy(logits.detach(), target, weight=w, ignore_index=255, label_smoothing=0.1))
print(F.cross_entropy(logits.detach(), t, reduction="none").shape)
F.cross_entropy(logits.detach(), target, ignore_index=255, reduction="sum")

# %%
# wrong target dtype: a float mask straight from an image loader
mask = torch.randint(0, 3, (2, 8, 8)).float()
criterion(logits, mask)

# %%
# a mask with a channel dimension
criterion(logits, t.unsqueeze(1))

# %%
# a target that still has 255 without ignore_index
F.cross_entropy(logits.detach(), target)

# %%
probs = logits.softmax(dim=1)
onehot = F.one_hot(t, num_classes=3).permute(0, 3, 1, 2).float()
print(onehot.shape, onehot.dtype, onehot.is_contiguous())
inter = (probs * onehot).sum(dim=(2, 3))
union = probs.sum(dim=(2, 3)) + onehot.sum(dim=(2, 3))
dice = (2 * inter + 1e-6) / (union + 1e-6)
soft_dice_loss = 1 - dice.mean()
print(dice)
soft_dice_loss

# %%
def dice_loss(logits, target, eps=1.0):
    num_classes = logits.shape[1]
    p = F.softmax(logits, dim=1)
    oh = F.one_hot(target, num_classes).permute(0, 3, 1, 2).type_as(p)
    dims = (0,) + tuple(range(2, target.ndim + 1))
    i = torch.sum(p * oh, dims)
    c = torch.sum(p + oh, dims)
    return (1 - (2.0 * i + eps) / (c + eps)).mean()

for p_ in model.parameters():
    p_.grad = None
total = criterion(model(x), t) + dice_loss(model(x), t)
total.backward()
print(total, model.outc.weight.grad.norm())

# %%
# one_hot of the float mask, and of -1
F.one_hot(mask, 3)

# %%
F.one_hot(torch.tensor([0, -1, 2]), 3)

# %%
F.one_hot(torch.tensor([0, 3, 2]), 3)

# %%
print(F.one_hot(torch.tensor([[0, 2], [1, 1]])))
pred = logits.argmax(dim=1)
print(pred.dtype, pred.shape)
pixel_acc = (pred == t).float().mean()
print(pixel_acc, (pred == t).sum().item() / t.numel())
valid = target != 255
print((pred[valid] == target[valid]).float().mean())

# %%
n = 3
k = (t >= 0) & (t < n)
cm = torch.bincount(n * t[k] + pred[k], minlength=n ** 2).reshape(n, n)
print(cm)
iou = cm.diag() / (cm.sum(0) + cm.sum(1) - cm.diag())
print(iou, iou.nanmean())
print(cm.diag().float() / cm.sum(1).clamp(min=1))
print(torch.bincount(t.flatten()), torch.bincount(t.flatten(), weights=probs[:, 0].flatten().detach()))

# %%
torch.bincount(t)

# %%
torch.bincount(torch.tensor([1, -1]))

# %%
torch.bincount(t.flatten().float())

# %%
def iou_per_class(pred, target, num_classes, ignore_index=255):
    ious = []
    for c in range(num_classes):
        p = (pred == c) & (target != ignore_index)
        g = target == c
        inter = (p & g).sum().float()
        uni = (p | g).sum().float()
        ious.append((inter / uni).item() if uni > 0 else float("nan"))
    return torch.tensor(ious)
print(iou_per_class(pred, target, 3))
print(torch.unique(target, return_counts=True))
print(torch.histc(t.float(), bins=3, min=0, max=2))
