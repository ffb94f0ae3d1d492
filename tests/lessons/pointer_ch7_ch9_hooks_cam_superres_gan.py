# Imitates Ian Pointer's "Programming PyTorch for Deep Learning" (O'Reilly; repo falloutdurden/pytorch-book),
# chapter 7 (debugging: a print_hook and a mean/std hook registered with register_forward_hook and removed through the
# handle, the SaveFeatures class that keeps a hook's output as numpy, class activation maps from the last conv
# features and the fc weights, register_full_backward_hook on a layer) and chapter 9 (the OurFirstSRNet
# super-resolution net of Conv2d / ConvTranspose2d, the ESPCN-style PixelShuffle, and the GAN training loop with
# torch.full labels, BCELoss, detach() for the discriminator step and optimizerD / optimizerG), at tiny sizes.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(7)

class CNNNet(nn.Module):
    def __init__(self, num_classes=3):
        super(CNNNet, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 12, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
        )
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(12, num_classes)

    def forward(self, x):
        x = self.features(x)
        return self.fc(torch.flatten(self.avgpool(x), 1))

model = CNNNet()
image = torch.rand(1, 3, 8, 8)

def print_hook(module, input, output):
    print(f"Shape of input is {input[0].shape}")
    print(type(input), len(input), type(output).__name__, output.shape)

hook_ref = model.fc.register_forward_hook(print_hook)
print(type(hook_ref).__name__, model(image).shape)
hook_ref.remove()
print(model(image).shape, hook_ref.remove())

def activation_hook(module, input, output):
    print(f"{module.__class__.__name__}: mean {output.mean().item():.4f} std {output.std().item():.4f}")

handles = [m.register_forward_hook(activation_hook) for m in model.features if isinstance(m, nn.Conv2d)]
_ = model(image)
for h in handles:
    h.remove()
print(len(model.features[0]._forward_hooks), model.features[0]._forward_hooks)

# %%
class SaveFeatures():
    features = None

    def __init__(self, m):
        self.hook = m.register_forward_hook(self.hook_fn)

    def hook_fn(self, module, input, output):
        self.features = ((output.cpu()).data).numpy()

    def remove(self):
        self.hook.remove()

def getCAM(feature_conv, weight_fc, class_idx):
    _, nc, h, w = feature_conv.shape
    cam = weight_fc[class_idx].dot(feature_conv[0, :, :, ].reshape((nc, h * w)))
    cam = cam.reshape(h, w)
    cam = cam - np.min(cam)
    cam_img = cam / np.max(cam)
    return [cam_img]

final_layer = model.features[-1]
activated_features = SaveFeatures(final_layer)
prediction = model(image)
pred_probabilities = F.softmax(prediction, dim=1).data.squeeze()
activated_features.remove()
print(type(activated_features.features), activated_features.features.shape, activated_features.features.dtype)
print(torch.topk(pred_probabilities, 1), pred_probabilities.sum())
weight_softmax_params = list(model._modules.get('fc').parameters())
weight_softmax = np.squeeze(weight_softmax_params[0].cpu().data.numpy())
class_idx = torch.topk(pred_probabilities, 1)[1].int()
print(class_idx, class_idx.dtype, weight_softmax.shape)
overlay = getCAM(activated_features.features, weight_softmax, class_idx)
print(overlay[0].shape, overlay[0].min(), overlay[0].max() == 1.0)
try:
    SaveFeatures(model.features[1]).hook_fn(None, None, model(image))
except Exception as e:
    print(type(e).__name__, e)
up = F.interpolate(torch.from_numpy(overlay[0])[None, None], size=(8, 8), mode="bilinear", align_corners=False)
print(up.shape, up.dtype)

# %%
grads = {}
def backward_hook(module, grad_input, grad_output):
    grads[module.__class__.__name__] = (len(grad_input), grad_output[0].shape)
    print(module, [g.shape if g is not None else None for g in grad_input])

h1 = model.fc.register_full_backward_hook(backward_hook)
h2 = model.features[3].register_full_backward_hook(backward_hook)
try:
    model(image)[0, class_idx].backward()
except Exception as e:
    print(type(e).__name__, e)
h2.remove()
model(image)[0, class_idx].sum().backward()
model(image).max().backward()
print(grads)
h1.remove()
h3 = model.features[1].register_full_backward_hook(backward_hook)
try:
    model(image).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
h3.remove()
model.features[1].inplace = False
h4 = model.features[1].register_full_backward_hook(backward_hook)
model(image).sum().backward()
h4.remove()
print(sorted(grads), model.features[0].weight.grad.shape)

# %%
class OurFirstSRNet(nn.Module):
    def __init__(self):
        super(OurFirstSRNet, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 16, kernel_size=8, stride=4, padding=2),
            nn.ReLU(inplace=True),
            nn.Conv2d(16, 24, kernel_size=2, padding=2),
            nn.ReLU(inplace=True),
            nn.Conv2d(24, 32, kernel_size=2, padding=2),
            nn.ReLU(inplace=True)
        )
        self.upsample = nn.Sequential(
            nn.ConvTranspose2d(32, 24, kernel_size=2, padding=2),
            nn.ReLU(inplace=True),
            nn.ConvTranspose2d(24, 16, kernel_size=2, padding=2),
            nn.ReLU(inplace=True),
            nn.ConvTranspose2d(16, 3, kernel_size=8, stride=4, padding=2),
            nn.ReLU(inplace=True)
        )

    def forward(self, x):
        x = self.features(x)
        x = self.upsample(x)
        return x

sr = OurFirstSRNet()
low = torch.rand(2, 3, 16, 16)
print(sr.features(low).shape, sr(low).shape)
high = F.interpolate(low, scale_factor=2, mode="bicubic", align_corners=False)
print(high.shape, sr(high).shape)
loss = F.mse_loss(sr(low), low)
loss.backward()
print(sr.upsample[4].weight.shape, sr.upsample[4].weight.grad.shape)
try:
    nn.ConvTranspose2d(16, 3, kernel_size=8, stride=4, padding=2, output_padding=4)(torch.rand(1, 16, 4, 4))
except Exception as e:
    print(type(e).__name__, e)
print(nn.ConvTranspose2d(16, 3, kernel_size=8, stride=4, padding=2)(torch.rand(1, 16, 4, 4), output_size=[19, 19]).shape)

class ESPCN(nn.Module):
    def __init__(self, upscale_factor=2):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 5, padding=2)
        self.conv2 = nn.Conv2d(8, 1 * upscale_factor ** 2, 3, padding=1)
        self.pixel_shuffle = nn.PixelShuffle(upscale_factor)

    def forward(self, x):
        return torch.sigmoid(self.pixel_shuffle(self.conv2(torch.tanh(self.conv1(x)))))

espcn = ESPCN()
print(espcn, espcn(torch.rand(1, 1, 5, 5)).shape)
try:
    nn.PixelShuffle(3)(torch.rand(1, 8, 2, 2))
except Exception as e:
    print(type(e).__name__, e)
print(nn.PixelUnshuffle(2)(torch.arange(16.).view(1, 1, 4, 4)))

# %%
class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))

    def forward(self, input):
        return self.main(input)

class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.Linear(2, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1), nn.Sigmoid())

    def forward(self, input):
        return self.main(input)

netG, netD = Generator(), Discriminator()
criterion = nn.BCELoss()
optimizerD = optim.Adam(netD.parameters(), lr=0.01, betas=(0.5, 0.999))
optimizerG = optim.Adam(netG.parameters(), lr=0.01, betas=(0.5, 0.999))
real_label, fake_label = 1, 0
batch_size = 8
label = torch.full((batch_size,), real_label)
print(label.dtype)
try:
    criterion(netD(torch.randn(batch_size, 2)).view(-1), label)
except Exception as e:
    print(type(e).__name__, e)
try:
    criterion(netD(torch.randn(batch_size, 2)), torch.full((batch_size,), 1.))
except Exception as e:
    print(type(e).__name__, e)

for i in range(4):
    real = torch.randn(batch_size, 2) * 0.5 + torch.tensor([2.0, -1.0])
    netD.zero_grad()
    label = torch.full((batch_size,), real_label, dtype=torch.float)
    output = netD(real).view(-1)
    errD_real = criterion(output, label)
    errD_real.backward()
    D_x = output.mean().item()
    noise = torch.randn(batch_size, 4)
    fake = netG(noise)
    label.fill_(fake_label)
    output = netD(fake.detach()).view(-1)
    errD_fake = criterion(output, label)
    errD_fake.backward()
    D_G_z1 = output.mean().item()
    errD = errD_real + errD_fake
    optimizerD.step()

    netG.zero_grad()
    label.fill_(real_label)
    output = netD(fake).view(-1)
    errG = criterion(output, label)
    errG.backward()
    D_G_z2 = output.mean().item()
    optimizerG.step()
    print('[%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f D(G(z)): %.4f / %.4f'
          % (i, errD.item(), errG.item(), D_x, D_G_z1, D_G_z2))
print(errD.grad_fn, fake.grad_fn, fake.detach().requires_grad, label)
try:
    errD.backward()
except Exception as e:
    print(type(e).__name__, e)
