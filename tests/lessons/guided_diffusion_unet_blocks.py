# Imitates openai/guided-diffusion's unet.py / nn.py / fp16_util.py as the "read the ADM U-Net" notebooks walk
# through it: timestep_embedding (cos first, then sin, an odd dim padded with a zero column), GroupNorm32 computing
# in float32 and casting back, zero_module with p.detach().zero_(), conv_nd / avg_pool_nd factories, Upsample with
# F.interpolate(mode="nearest") and Downsample with a strided conv or average pooling, a ResBlock with scale-shift
# norm (emb_out[..., None] until it broadcasts, th.chunk), QKVAttentionLegacy with reshape / split / einsum and a
# float32 softmax, the model's repr and parameter count, and converting convolutions to float16 and back.
import math
import torch as th
import torch.nn as nn
import torch.nn.functional as F

th.manual_seed(0)

# %%
def timestep_embedding(timesteps, dim, max_period=10000):
    half = dim // 2
    freqs = th.exp(-math.log(max_period) * th.arange(start=0, end=half, dtype=th.float32) / half
                   ).to(device=timesteps.device)
    args = timesteps[:, None].float() * freqs[None]
    embedding = th.cat([th.cos(args), th.sin(args)], dim=-1)
    if dim % 2:
        embedding = th.cat([embedding, th.zeros_like(embedding[:, :1])], dim=-1)
    return embedding

ts = th.tensor([0, 1, 250, 999])
e = timestep_embedding(ts, 7)
print(e.shape, e.dtype)
print(e)
print(timestep_embedding(th.tensor([3.5, 10.0]), 4))
print(timestep_embedding(th.arange(3, dtype=th.int32), 6).sum(dim=1))

# %%
class GroupNorm32(nn.GroupNorm):
    def forward(self, x):
        return super().forward(x.float()).type(x.dtype)

def normalization(channels):
    return GroupNorm32(4, channels)

def zero_module(module):
    for p in module.parameters():
        p.detach().zero_()
    return module

def conv_nd(dims, *args, **kwargs):
    if dims == 1:
        return nn.Conv1d(*args, **kwargs)
    elif dims == 2:
        return nn.Conv2d(*args, **kwargs)
    raise ValueError(f"unsupported dimensions: {dims}")

def avg_pool_nd(dims, *args, **kwargs):
    return {1: nn.AvgPool1d, 2: nn.AvgPool2d}[dims](*args, **kwargs)

z = zero_module(nn.Conv2d(8, 4, 3, padding=1))
print(z.weight.abs().sum(), z.weight.requires_grad, z.bias, z.weight.grad_fn)
gn = normalization(8)
x16 = th.randn(2, 8, 4, 4).half()
y = gn(x16)
print(y.dtype, y.shape, y.float().mean().abs() < 1e-2)
print(avg_pool_nd(2, kernel_size=2, stride=2), avg_pool_nd(1, 2)(th.arange(6.).view(1, 1, 6)))
try:
    conv_nd(3, 4, 4, 3)
except ValueError as err:
    print(type(err).__name__, err)

# %%
class Upsample(nn.Module):
    def __init__(self, channels, use_conv, dims=2, out_channels=None):
        super().__init__()
        self.channels = channels
        self.out_channels = out_channels or channels
        self.use_conv = use_conv
        if use_conv:
            self.conv = conv_nd(dims, self.channels, self.out_channels, 3, padding=1)
    def forward(self, x):
        assert x.shape[1] == self.channels
        x = F.interpolate(x, scale_factor=2, mode="nearest")
        if self.use_conv:
            x = self.conv(x)
        return x

class Downsample(nn.Module):
    def __init__(self, channels, use_conv, dims=2, out_channels=None):
        super().__init__()
        self.channels = channels
        self.out_channels = out_channels or channels
        if use_conv:
            self.op = conv_nd(dims, self.channels, self.out_channels, 3, stride=2, padding=1)
        else:
            assert self.channels == self.out_channels
            self.op = avg_pool_nd(dims, kernel_size=2, stride=2)
    def forward(self, x):
        return self.op(x)

x = th.randn(1, 4, 5, 5)
print(Upsample(4, False)(x).shape, Downsample(4, True)(x).shape, Downsample(4, False)(x).shape)
u = F.interpolate(th.arange(4.).view(1, 1, 2, 2), scale_factor=2, mode="nearest")
print(u)
print(F.interpolate(th.arange(6.).view(1, 1, 6), scale_factor=0.5, mode="nearest"))
print(F.interpolate(th.arange(4.).view(1, 1, 2, 2), size=(3, 5), mode="bilinear", align_corners=True))
print(F.interpolate(th.arange(16.).view(1, 1, 4, 4), scale_factor=0.5, mode="bilinear", antialias=True))
print(F.interpolate(th.arange(9.).view(1, 1, 3, 3), scale_factor=1.5, mode="nearest-exact"))

# %%
class ResBlock(nn.Module):
    def __init__(self, channels, emb_channels, out_channels=None, use_scale_shift_norm=True, up=False, down=False):
        super().__init__()
        self.out_channels = out_channels or channels
        self.use_scale_shift_norm = use_scale_shift_norm
        self.in_layers = nn.Sequential(normalization(channels), nn.SiLU(),
                                       conv_nd(2, channels, self.out_channels, 3, padding=1))
        self.updown = up or down
        if up:
            self.h_upd = Upsample(channels, False)
            self.x_upd = Upsample(channels, False)
        elif down:
            self.h_upd = Downsample(channels, False)
            self.x_upd = Downsample(channels, False)
        else:
            self.h_upd = self.x_upd = nn.Identity()
        self.emb_layers = nn.Sequential(nn.SiLU(), nn.Linear(emb_channels,
                                        2 * self.out_channels if use_scale_shift_norm else self.out_channels))
        self.out_layers = nn.Sequential(normalization(self.out_channels), nn.SiLU(), nn.Dropout(p=0.0),
                                        zero_module(conv_nd(2, self.out_channels, self.out_channels, 3, padding=1)))
        self.skip_connection = nn.Identity() if self.out_channels == channels else \
            conv_nd(2, channels, self.out_channels, 1)
    def forward(self, x, emb):
        if self.updown:
            in_rest, in_conv = self.in_layers[:-1], self.in_layers[-1]
            h = in_rest(x)
            h = self.h_upd(h)
            x = self.x_upd(x)
            h = in_conv(h)
        else:
            h = self.in_layers(x)
        emb_out = self.emb_layers(emb).type(h.dtype)
        while len(emb_out.shape) < len(h.shape):
            emb_out = emb_out[..., None]
        if self.use_scale_shift_norm:
            out_norm, out_rest = self.out_layers[0], self.out_layers[1:]
            scale, shift = th.chunk(emb_out, 2, dim=1)
            h = out_norm(h) * (1 + scale) + shift
            h = out_rest(h)
        else:
            h = h + emb_out
            h = self.out_layers(h)
        return self.skip_connection(x) + h

th.manual_seed(1)
rb = ResBlock(8, 16, 12)
emb = timestep_embedding(th.tensor([5, 500]), 16)
x = th.randn(2, 8, 4, 4)
out = rb(x, emb)
print(out.shape, rb.in_layers[:-1], type(rb.out_layers[1:]).__name__, len(rb.out_layers[1:]))
out.pow(2).mean().backward()
print(rb.out_layers[-1].weight.grad.abs().sum() > 0, rb.in_layers[-1].weight.grad.abs().sum())
rd = ResBlock(8, 16, down=True)
print(rd(x, emb).shape, ResBlock(8, 16, up=True, use_scale_shift_norm=False)(x, emb).shape)

# %%
class QKVAttentionLegacy(nn.Module):
    def __init__(self, n_heads):
        super().__init__()
        self.n_heads = n_heads
    def forward(self, qkv):
        bs, width, length = qkv.shape
        assert width % (3 * self.n_heads) == 0
        ch = width // (3 * self.n_heads)
        q, k, v = qkv.reshape(bs * self.n_heads, ch * 3, length).split(ch, dim=1)
        scale = 1 / math.sqrt(math.sqrt(ch))
        weight = th.einsum("bct,bcs->bts", q * scale, k * scale)
        weight = th.softmax(weight.float(), dim=-1).type(weight.dtype)
        a = th.einsum("bts,bcs->bct", weight, v)
        return a.reshape(bs, -1, length)

class AttentionBlock(nn.Module):
    def __init__(self, channels, num_heads=2):
        super().__init__()
        self.norm = normalization(channels)
        self.qkv = conv_nd(1, channels, channels * 3, 1)
        self.attention = QKVAttentionLegacy(num_heads)
        self.proj_out = zero_module(conv_nd(1, channels, channels, 1))
    def forward(self, x):
        b, c, *spatial = x.shape
        x = x.reshape(b, c, -1)
        qkv = self.qkv(self.norm(x))
        h = self.attention(qkv)
        h = self.proj_out(h)
        return (x + h).reshape(b, c, *spatial)

th.manual_seed(2)
att = AttentionBlock(8)
y = att(x)
print(y.shape, th.equal(y, x), y.grad_fn.name())
nn.init.normal_(att.proj_out.weight, std=0.1)
y = att(x)
y.sum().backward()
print(att.qkv.weight.grad.shape, f"{att.qkv.weight.grad.norm().item():.4f}")
try:
    QKVAttentionLegacy(3)(th.randn(1, 8, 4))
except AssertionError as err:
    print("AssertionError", repr(err))

# %%
print(att)
print(sum(p.numel() for p in rb.parameters()), sum(p.numel() for p in att.parameters() if p.requires_grad))
def convert_module_to_f16(l):
    if isinstance(l, (nn.Conv1d, nn.Conv2d)):
        l.weight.data = l.weight.data.half()
        if l.bias is not None:
            l.bias.data = l.bias.data.half()
rb.apply(convert_module_to_f16)
print(rb.in_layers[2].weight.dtype, rb.emb_layers[1].weight.dtype, rb.in_layers[0].weight.dtype)
print(sorted({str(p.dtype) for p in rb.parameters()}), rb.in_layers[2].weight.is_leaf, rb.in_layers[2].weight.requires_grad)
h = rb.in_layers[0](x.half())
print(h.dtype)
try:
    rb(x, emb)
except RuntimeError as err:
    print(type(err).__name__, err)
