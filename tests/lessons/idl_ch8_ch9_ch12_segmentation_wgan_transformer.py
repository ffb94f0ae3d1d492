# Imitates Edward Raff's "Inside Deep Learning" (Manning; repo EdwardRaff/Inside-Deep-Learning), chapter 8
# (object detection pieces: a fully convolutional segmenter with ConvTranspose2d / nn.Upsample, the UNetBlock2d skip
# concatenation, per-pixel CrossEntropyLoss, a box-IoU by hand and AdaptiveMaxPool2d as a RoI pooling stand-in),
# chapter 9 (generative models: the simple GAN on a 2-D Gaussian mixture, the WGAN-GP gradient penalty computed with
# torch.autograd.grad(create_graph=True), a conditional generator with nn.Embedding), and chapter 12 (network design
# alternatives to RNNs: PositionalEncoding with register_buffer, nn.TransformerEncoder over padded bags with
# src_key_padding_mask, AdaptiveMaxPool1d over time), at tiny sizes.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(8)
np.random.seed(8)

def cnnLayer(in_filters, out_filters=None, kernel_size=3):
    if out_filters is None:
        out_filters = in_filters
    padding = kernel_size // 2
    return nn.Sequential(
        nn.Conv2d(in_filters, out_filters, kernel_size, padding=padding),
        nn.BatchNorm2d(out_filters),
        nn.LeakyReLU(),
    )

C, n_filters, classes = 1, 4, 3
segmentation_model = nn.Sequential(
    cnnLayer(C, n_filters),
    cnnLayer(n_filters),
    nn.MaxPool2d(2),
    cnnLayer(n_filters, 2 * n_filters),
    nn.ConvTranspose2d(2 * n_filters, n_filters, (3, 3), padding=1, output_padding=1, stride=2),
    cnnLayer(n_filters),
    nn.Conv2d(n_filters, classes, (3, 3), padding=1),
)
images = torch.rand(4, 1, 8, 8)
masks = (images[:, 0] > 0.66).long() + (images[:, 0] > 0.33).long()
out = segmentation_model(images)
print(out.shape, masks.shape, masks.dtype)
loss = nn.CrossEntropyLoss()(out, masks)
loss.backward()
print(loss.grad_fn.name(), segmentation_model[4].weight.shape)
try:
    nn.CrossEntropyLoss()(out, masks.unsqueeze(1))
except Exception as e:
    print(type(e).__name__, e)
print(nn.CrossEntropyLoss(reduction="none")(out, masks).shape)
print(nn.CrossEntropyLoss(weight=torch.tensor([1., 2., 3.]), ignore_index=0)(out, masks))
try:
    segmentation_model(torch.rand(4, 1, 7, 7))
except Exception as e:
    print(type(e).__name__, e)

# %%
class UNetBlock2d(nn.Module):
    def __init__(self, in_channels, mid_channels, out_channels=None, layers=1, sub_network=None,
                 filter_size=3):
        super().__init__()
        in_layers = [cnnLayer(in_channels, mid_channels, filter_size)]
        if sub_network is None:
            inputs_to_outputs = 1
        else:
            inputs_to_outputs = 2
        out_layers = [cnnLayer(mid_channels * inputs_to_outputs, mid_channels, filter_size)]
        for _ in range(layers - 1):
            in_layers.append(cnnLayer(mid_channels, mid_channels, filter_size))
            out_layers.append(cnnLayer(mid_channels, mid_channels, filter_size))
        if out_channels is not None:
            out_layers.append(nn.Conv2d(mid_channels, out_channels, 1, padding=0))
        self.in_model = nn.Sequential(*in_layers)
        if sub_network is not None:
            self.bottleneck = nn.Sequential(
                nn.MaxPool2d(2),
                sub_network,
                nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True),
            )
        else:
            self.bottleneck = None
        self.out_model = nn.Sequential(*out_layers)

    def forward(self, x):
        full_scale_result = self.in_model(x)
        if self.bottleneck is not None:
            bottle_result = self.bottleneck(full_scale_result)
            full_scale_result = torch.cat([full_scale_result, bottle_result], dim=1)
        return self.out_model(full_scale_result)

def buildUNet(in_channels, out_channels):
    unet = UNetBlock2d(4 * n_filters, 8 * n_filters, out_channels=4 * n_filters)
    unet = UNetBlock2d(2 * n_filters, 4 * n_filters, out_channels=2 * n_filters, sub_network=unet)
    unet = UNetBlock2d(n_filters, 2 * n_filters, out_channels=n_filters, sub_network=unet)
    return UNetBlock2d(in_channels, n_filters, out_channels=out_channels, sub_network=unet)

unet = buildUNet(1, classes)
print(unet(images).shape, sum(p.numel() for p in unet.parameters()))
print(unet.bottleneck[2], nn.Upsample(size=(3, 5)))
try:
    unet(torch.rand(2, 1, 12, 12))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.Upsample(scale_factor=2, mode="bilinear")(torch.rand(1, 4, 3))
except Exception as e:
    print(type(e).__name__, e)
print(nn.Upsample(scale_factor=1.5, mode="nearest")(torch.arange(4.).view(1, 1, 2, 2)))

# %%
def box_iou(boxes1, boxes2):
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.max(boxes1[:, None, :2], boxes2[:, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[:, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[:, :, 0] * wh[:, :, 1]
    return inter / (area1[:, None] + area2 - inter)

pred_boxes = torch.tensor([[0., 0., 4., 4.], [1., 1., 5., 6.], [6., 6., 8., 8.]], requires_grad=True)
gt_boxes = torch.tensor([[0., 0., 4., 5.], [5., 5., 8., 8.]])
iou = box_iou(pred_boxes, gt_boxes)
print(iou)
best_iou, best_gt = iou.max(dim=1)
print(best_iou, best_gt)
(1 - best_iou).sum().backward()
print(pred_boxes.grad)
feature_map = torch.arange(64.).view(1, 1, 8, 8)
rois = [(0, 0, 4, 4), (2, 3, 8, 8)]
pooled = torch.stack([F.adaptive_max_pool2d(feature_map[:, :, y0:y1, x0:x1], (2, 2)) for x0, y0, x1, y1 in rois])
print(pooled.squeeze())
print(nn.AdaptiveMaxPool2d((2, 2), return_indices=True)(feature_map[:, :, 3:8, 2:8]))

# %%
def sample_real(n):
    centers = torch.tensor([[2., 0.], [-2., 0.], [0., 2.]])
    return centers[torch.randint(0, 3, (n,))] + 0.2 * torch.randn(n, 2)

latent_d = 4
G = nn.Sequential(nn.Linear(latent_d, 16), nn.LeakyReLU(), nn.Linear(16, 2))
D = nn.Sequential(nn.Linear(2, 16), nn.LeakyReLU(), nn.Linear(16, 1))
optimizerD = torch.optim.AdamW(D.parameters(), lr=1e-3, betas=(0.0, 0.9))
optimizerG = torch.optim.AdamW(G.parameters(), lr=1e-3, betas=(0.0, 0.9))
lambda_gp = 10
for step in range(3):
    real = sample_real(16)
    z = torch.randn(16, latent_d)
    fake = G(z)
    eps = torch.rand(16, 1)
    mixed = eps * real + (1 - eps) * fake.detach()
    mixed.requires_grad_(True)
    output = D(mixed)
    grad = torch.autograd.grad(outputs=output, inputs=mixed, grad_outputs=torch.ones_like(output),
                               create_graph=True, retain_graph=True)[0]
    grad_penalty = ((grad.norm(2, dim=1) - 1) ** 2).mean()
    errD = D(fake.detach()).mean() - D(real).mean() + lambda_gp * grad_penalty
    optimizerD.zero_grad()
    errD.backward()
    optimizerD.step()
    errG = -D(G(z)).mean()
    optimizerG.zero_grad()
    errG.backward()
    optimizerG.step()
    print(step, f"{errD.item():.4f} {errG.item():.4f} {grad_penalty.item():.4f}", grad.grad_fn.name())
try:
    torch.autograd.grad(D(mixed.detach()), mixed.detach(), create_graph=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(D(mixed), mixed, create_graph=True)
except Exception as e:
    print(type(e).__name__, e)

class ConditionalGenerator(nn.Module):
    def __init__(self, latent_d, n_classes, out_d):
        super().__init__()
        self.label_embedding = nn.Embedding(n_classes, latent_d)
        self.net = nn.Sequential(nn.Linear(2 * latent_d, 16), nn.LeakyReLU(), nn.Linear(16, out_d))

    def forward(self, z, labels):
        return self.net(torch.cat([z, self.label_embedding(labels)], dim=1))

cg = ConditionalGenerator(latent_d, 3, 2)
print(cg(torch.randn(5, latent_d), torch.arange(5) % 3).shape)
try:
    cg(torch.randn(5, latent_d), torch.ones(5))
except Exception as e:
    print(type(e).__name__, e)

# %%
class PositionalEncoding(nn.Module):
    def __init__(self, d_model, dropout=0.1, max_len=50, batch_first=False):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)
        self.d_model = d_model
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        pe = pe.unsqueeze(0).transpose(0, 1)
        self.register_buffer('pe', pe)
        self.batch_first = batch_first

    def forward(self, x):
        if self.batch_first:
            x = x.permute(1, 0, 2)
        x = x * np.sqrt(self.d_model) + self.pe[:x.size(0), :]
        x = self.dropout(x)
        if self.batch_first:
            x = x.permute(1, 0, 2)
        return x

pos = PositionalEncoding(6, dropout=0.0, batch_first=True)
print(pos.pe.shape, [n for n, _ in pos.named_buffers()], list(pos.state_dict()))
print(pos(torch.zeros(2, 3, 6))[0])
try:
    PositionalEncoding(5)
except Exception as e:
    print(type(e).__name__, e)

class SimpleTransformerClassifier(nn.Module):
    def __init__(self, vocab_size, D, padding_idx=None):
        super().__init__()
        self.padding_idx = padding_idx
        self.embd = nn.Embedding(vocab_size, D, padding_idx=padding_idx)
        self.position = PositionalEncoding(D, dropout=0.0, batch_first=True)
        self.transformer = nn.TransformerEncoder(
            nn.TransformerEncoderLayer(d_model=D, nhead=2, dim_feedforward=2 * D, dropout=0.0,
                                       batch_first=True), num_layers=2, enable_nested_tensor=False)
        self.attn = nn.AdaptiveMaxPool1d(1)
        self.pred = nn.Linear(D, 2)

    def forward(self, input):
        if self.padding_idx is not None:
            mask = input != self.padding_idx
        else:
            mask = input == input
        x = self.position(self.embd(input))
        x = self.transformer(x, src_key_padding_mask=~mask)
        x = self.attn(x.permute(0, 2, 1)).squeeze(-1)
        return self.pred(x)

tokens = torch.randint(1, 10, (4, 5))
tokens[0, 3:] = 0
tokens[2, 4:] = 0
clf = SimpleTransformerClassifier(10, 6, padding_idx=0)
logits = clf(tokens)
print(logits.shape, logits.grad_fn.name())
F.cross_entropy(logits, torch.tensor([0, 1, 1, 0])).backward()
print(clf.embd.weight.grad[0], clf.transformer.layers[0].self_attn.in_proj_weight.grad.shape)
print(clf.transformer.layers[0])
try:
    clf.transformer(torch.randn(4, 5, 6), src_key_padding_mask=torch.ones(4, 5))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.TransformerEncoderLayer(d_model=6, nhead=4)
except Exception as e:
    print(type(e).__name__, e)
