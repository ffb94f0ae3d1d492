# Imitates Hugging Face's "The Annotated Diffusion Model" and the minimal-DDPM image notebooks (a small U-Net for
# 8x8 images): SinusoidalPositionEmbeddings feeding a time MLP, ResNet blocks of Conv2d + GroupNorm + SiLU with a
# scale/shift from the time embedding, a Residual/PreNorm attention block written with einsum, down-sampling with a
# strided Conv2d, up-sampling with ConvTranspose2d or nn.Upsample + Conv2d, skip connections joined with torch.cat
# (F.interpolate when sizes disagree), the cosine schedule, p_losses with l1 / l2 / huber, an EMA copy of the weights
# updated with lerp_ under no_grad, and a sampling loop under torch.no_grad that clamps the images to [-1, 1].
import copy
import math
from functools import partial
import torch
from torch import nn, einsum
import torch.nn.functional as F

torch.manual_seed(42)

# %%
def exists(x):
    return x is not None


def default(val, d):
    if exists(val):
        return val
    return d() if callable(d) else d


class Residual(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x, *args, **kwargs):
        return self.fn(x, *args, **kwargs) + x


def Upsample(dim, dim_out=None):
    return nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(dim, default(dim_out, dim), 3, padding=1))


def Downsample(dim, dim_out=None):
    return nn.Conv2d(dim, default(dim_out, dim), 4, 2, 1)


class SinusoidalPositionEmbeddings(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, time):
        device = time.device
        half_dim = self.dim // 2
        embeddings = math.log(10000) / (half_dim - 1)
        embeddings = torch.exp(torch.arange(half_dim, device=device) * -embeddings)
        embeddings = time[:, None] * embeddings[None, :]
        embeddings = torch.cat((embeddings.sin(), embeddings.cos()), dim=-1)
        return embeddings


pos = SinusoidalPositionEmbeddings(6)
print(pos(torch.tensor([0, 3, 10])))
print(Upsample(4)(torch.randn(1, 4, 2, 2)).shape, Downsample(4, 8)(torch.randn(1, 4, 8, 8)).shape)
Upsample(4)

# %%
class Block(nn.Module):
    def __init__(self, dim, dim_out, groups=2):
        super().__init__()
        self.proj = nn.Conv2d(dim, dim_out, 3, padding=1)
        self.norm = nn.GroupNorm(groups, dim_out)
        self.act = nn.SiLU()

    def forward(self, x, scale_shift=None):
        x = self.proj(x)
        x = self.norm(x)
        if exists(scale_shift):
            scale, shift = scale_shift
            x = x * (scale + 1) + shift
        x = self.act(x)
        return x


class ResnetBlock(nn.Module):
    def __init__(self, dim, dim_out, *, time_emb_dim=None, groups=2):
        super().__init__()
        self.mlp = (nn.Sequential(nn.SiLU(), nn.Linear(time_emb_dim, dim_out * 2)) if exists(time_emb_dim) else None)
        self.block1 = Block(dim, dim_out, groups=groups)
        self.block2 = Block(dim_out, dim_out, groups=groups)
        self.res_conv = nn.Conv2d(dim, dim_out, 1) if dim != dim_out else nn.Identity()

    def forward(self, x, time_emb=None):
        scale_shift = None
        if exists(self.mlp) and exists(time_emb):
            time_emb = self.mlp(time_emb)
            time_emb = time_emb[:, :, None, None]
            scale_shift = time_emb.chunk(2, dim=1)
        h = self.block1(x, scale_shift=scale_shift)
        h = self.block2(h)
        return h + self.res_conv(x)


class Attention(nn.Module):
    def __init__(self, dim, heads=2, dim_head=4):
        super().__init__()
        self.scale = dim_head ** -0.5
        self.heads = heads
        hidden_dim = dim_head * heads
        self.to_qkv = nn.Conv2d(dim, hidden_dim * 3, 1, bias=False)
        self.to_out = nn.Conv2d(hidden_dim, dim, 1)

    def forward(self, x):
        b, c, h, w = x.shape
        qkv = self.to_qkv(x).chunk(3, dim=1)
        q, k, v = map(lambda t: t.reshape(b, self.heads, -1, h * w), qkv)
        q = q * self.scale
        sim = einsum("b h d i, b h d j -> b h i j", q, k)
        sim = sim - sim.amax(dim=-1, keepdim=True).detach()
        attn = sim.softmax(dim=-1)
        out = einsum("b h i j, b h d j -> b h i d", attn, v)
        out = out.permute(0, 1, 3, 2).reshape(b, -1, h, w)
        return self.to_out(out)


class PreNorm(nn.Module):
    def __init__(self, dim, fn):
        super().__init__()
        self.fn = fn
        self.norm = nn.GroupNorm(1, dim)

    def forward(self, x):
        x = self.norm(x)
        return self.fn(x)


rb = ResnetBlock(4, 8, time_emb_dim=6)
h = rb(torch.randn(2, 4, 8, 8), torch.randn(2, 6))
print(h.shape, h.grad_fn, rb.block1.norm)
att = Residual(PreNorm(8, Attention(8)))
a = att(h)
print(a.shape, a.grad_fn, a.grad_fn.next_functions[0][0])
rb

# %%
class Unet(nn.Module):
    def __init__(self, dim=8, channels=1, dim_mults=(1, 2), resnet_block_groups=2):
        super().__init__()
        self.channels = channels
        self.init_conv = nn.Conv2d(channels, dim, 1, padding=0)
        dims = [dim, *map(lambda m: dim * m, dim_mults)]
        in_out = list(zip(dims[:-1], dims[1:]))
        block_klass = partial(ResnetBlock, groups=resnet_block_groups)
        time_dim = dim * 2
        self.time_mlp = nn.Sequential(SinusoidalPositionEmbeddings(dim), nn.Linear(dim, time_dim), nn.GELU(),
                                      nn.Linear(time_dim, time_dim))
        self.downs = nn.ModuleList([])
        self.ups = nn.ModuleList([])
        num_resolutions = len(in_out)
        for ind, (dim_in, dim_out) in enumerate(in_out):
            is_last = ind >= (num_resolutions - 1)
            self.downs.append(nn.ModuleList([
                block_klass(dim_in, dim_in, time_emb_dim=time_dim),
                Downsample(dim_in, dim_out) if not is_last else nn.Conv2d(dim_in, dim_out, 3, padding=1)]))
        mid_dim = dims[-1]
        self.mid_block1 = block_klass(mid_dim, mid_dim, time_emb_dim=time_dim)
        self.mid_attn = Residual(PreNorm(mid_dim, Attention(mid_dim)))
        for ind, (dim_in, dim_out) in enumerate(reversed(in_out)):
            is_last = ind == (len(in_out) - 1)
            self.ups.append(nn.ModuleList([
                block_klass(dim_out + dim_in, dim_out, time_emb_dim=time_dim),
                nn.ConvTranspose2d(dim_out, dim_in, 4, 2, 1) if not is_last else nn.Conv2d(dim_out, dim_in, 3, padding=1)]))
        self.final_res_block = block_klass(dim * 2, dim, time_emb_dim=time_dim)
        self.final_conv = nn.Conv2d(dim, channels, 1)

    def forward(self, x, time):
        x = self.init_conv(x)
        r = x.clone()
        t = self.time_mlp(time)
        h = []
        for block1, downsample in self.downs:
            x = block1(x, t)
            h.append(x)
            x = downsample(x)
        x = self.mid_block1(x, t)
        x = self.mid_attn(x)
        for block1, upsample in self.ups:
            skip = h.pop()
            if x.shape[-2:] != skip.shape[-2:]:
                x = F.interpolate(x, size=skip.shape[-2:], mode="bilinear", align_corners=False)
            x = torch.cat((x, skip), dim=1)
            x = block1(x, t)
            x = upsample(x)
        x = torch.cat((x, r), dim=1)
        x = self.final_res_block(x, t)
        return self.final_conv(x)


model = Unet()
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
out = model(torch.randn(2, 1, 8, 8), torch.tensor([3, 7]))
print(out.shape, out.grad_fn)
print(model.ups[0])
print([type(m).__name__ for m in model.modules()][:8])

# %%
def cosine_beta_schedule(timesteps, s=0.008):
    steps = timesteps + 1
    x = torch.linspace(0, timesteps, steps)
    alphas_cumprod = torch.cos(((x / timesteps) + s) / (1 + s) * torch.pi * 0.5) ** 2
    alphas_cumprod = alphas_cumprod / alphas_cumprod[0]
    betas = 1 - (alphas_cumprod[1:] / alphas_cumprod[:-1])
    return torch.clip(betas, 0.0001, 0.9999)


timesteps = 20
betas = cosine_beta_schedule(timesteps)
alphas = 1. - betas
alphas_cumprod = torch.cumprod(alphas, axis=0)
alphas_cumprod_prev = F.pad(alphas_cumprod[:-1], (1, 0), value=1.0)
sqrt_recip_alphas = torch.sqrt(1.0 / alphas)
sqrt_alphas_cumprod = torch.sqrt(alphas_cumprod)
sqrt_one_minus_alphas_cumprod = torch.sqrt(1. - alphas_cumprod)
posterior_variance = betas * (1. - alphas_cumprod_prev) / (1. - alphas_cumprod)


def extract(a, t, x_shape):
    batch_size = t.shape[0]
    out = a.gather(-1, t.cpu())
    return out.reshape(batch_size, *((1,) * (len(x_shape) - 1))).to(t.device)


def q_sample(x_start, t, noise=None):
    if noise is None:
        noise = torch.randn_like(x_start)
    return (extract(sqrt_alphas_cumprod, t, x_start.shape) * x_start
            + extract(sqrt_one_minus_alphas_cumprod, t, x_start.shape) * noise)


def p_losses(denoise_model, x_start, t, noise=None, loss_type="l1"):
    if noise is None:
        noise = torch.randn_like(x_start)
    x_noisy = q_sample(x_start=x_start, t=t, noise=noise)
    predicted_noise = denoise_model(x_noisy, t)
    if loss_type == 'l1':
        loss = F.l1_loss(noise, predicted_noise)
    elif loss_type == 'l2':
        loss = F.mse_loss(noise, predicted_noise)
    elif loss_type == "huber":
        loss = F.smooth_l1_loss(noise, predicted_noise)
    else:
        raise NotImplementedError()
    return loss


print(betas[:4], posterior_variance[-3:])
images = torch.zeros(6, 1, 8, 8)
images[:, :, 2:6, 2:6] = 1.0
images = images * 2 - 1
t = torch.randint(0, timesteps, (6,), device="cpu").long()
for lt in ["l1", "l2", "huber"]:
    torch.manual_seed(1)
    print(lt, p_losses(model, images, t, loss_type=lt))
p_losses(model, images, t, loss_type="l3")

# %%
ema_model = copy.deepcopy(model).eval().requires_grad_(False)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


@torch.no_grad()
def ema_update(ema, online, decay=0.9):
    for p_ema, p in zip(ema.parameters(), online.parameters()):
        p_ema.lerp_(p, 1 - decay)
    for b_ema, b in zip(ema.buffers(), online.buffers()):
        b_ema.copy_(b)


for step in range(3):
    optimizer.zero_grad()
    batch_size = images.shape[0]
    t = torch.randint(0, timesteps, (batch_size,), device="cpu").long()
    loss = p_losses(model, images, t, loss_type="huber")
    print("Loss:", loss.item())
    loss.backward()
    optimizer.step()
    ema_update(ema_model, model)
print(loss.grad_fn, model.downs[0][0].block1.norm.weight.grad[:4])
diff = [(pe - p).abs().max().item() for pe, p in zip(ema_model.parameters(), model.parameters())]
print(len(diff), max(diff) > 0, ema_model.final_conv.weight.requires_grad)

# %%
@torch.no_grad()
def p_sample(model, x, t, t_index):
    betas_t = extract(betas, t, x.shape)
    sqrt_one_minus_alphas_cumprod_t = extract(sqrt_one_minus_alphas_cumprod, t, x.shape)
    sqrt_recip_alphas_t = extract(sqrt_recip_alphas, t, x.shape)
    model_mean = sqrt_recip_alphas_t * (x - betas_t * model(x, t) / sqrt_one_minus_alphas_cumprod_t)
    if t_index == 0:
        return model_mean
    posterior_variance_t = extract(posterior_variance, t, x.shape)
    noise = torch.randn_like(x)
    return model_mean + torch.sqrt(posterior_variance_t) * noise


@torch.no_grad()
def p_sample_loop(model, shape, n_steps):
    b = shape[0]
    img = torch.randn(shape)
    imgs = []
    for i in reversed(range(0, n_steps)):
        img = p_sample(model, img, torch.full((b,), i, dtype=torch.long), i)
        imgs.append(img.clamp(-1, 1).cpu().numpy())
    return imgs


samples = p_sample_loop(ema_model, shape=(2, 1, 8, 8), n_steps=5)
print(len(samples), samples[-1].shape, samples[-1].dtype)
final = torch.from_numpy(samples[-1])
print(final.min() >= -1, final.max() <= 1, ((final + 1) / 2).mean(dim=(1, 2, 3)))
up = F.interpolate(final, scale_factor=2, mode="nearest")
print(up.shape, nn.Upsample(size=(3, 5), mode="bilinear")(final).shape)
