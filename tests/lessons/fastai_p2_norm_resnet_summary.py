# Imitates fast.ai course part 2 (2022-23) lessons 17-18 notebooks "11_initializing.ipynb" (LayerNorm and BatchNorm
# written by hand: register_buffer, lerp_ of running stats, var over several dims) and "13_resnet.ipynb" (conv
# blocks with GeneralRelu and a norm, ResBlock with an id-conv and AvgPool2d(ceil_mode=True), a global average pool,
# and the `summary` built from forward hooks that prints a markdown table of shapes, parameter counts and MFLOPS).
from functools import partial
import torch
from torch import nn, tensor
import torch.nn.functional as F

# %%
torch.set_printoptions(precision=4, linewidth=140, sci_mode=False)
class LayerNorm(nn.Module):
    def __init__(self, dummy, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mult = nn.Parameter(tensor(1.))
        self.add = nn.Parameter(tensor(0.))
    def forward(self, x):
        m = x.mean((1, 2, 3), keepdim=True)
        v = x.var((1, 2, 3), keepdim=True)
        x = (x - m) / ((v + self.eps).sqrt())
        return x * self.mult + self.add
class BatchNorm(nn.Module):
    def __init__(self, nf, mom=0.1, eps=1e-5):
        super().__init__()
        self.mom, self.eps = mom, eps
        self.mults = nn.Parameter(torch.ones(nf, 1, 1))
        self.adds = nn.Parameter(torch.zeros(nf, 1, 1))
        self.register_buffer('vars', torch.ones(1, nf, 1, 1))
        self.register_buffer('means', torch.zeros(1, nf, 1, 1))
    def update_stats(self, x):
        m = x.mean((0, 2, 3), keepdim=True)
        v = x.var((0, 2, 3), keepdim=True)
        self.means.lerp_(m, self.mom)
        self.vars.lerp_(v, self.mom)
        return m, v
    def forward(self, x):
        if self.training:
            with torch.no_grad(): m, v = self.update_stats(x)
        else: m, v = self.means, self.vars
        x = (x - m) / (v + self.eps).sqrt()
        return x * self.mults + self.adds
torch.manual_seed(0)
x = torch.randn(8, 3, 5, 5) * 3 + 1
bn, ln = BatchNorm(3), LayerNorm(3)
y = bn(x)
print(y.mean((0, 2, 3)), y.std((0, 2, 3)), bn.means.flatten(), bn.vars.flatten())
print([o for o in dir(bn) if o[0] != '_' and not callable(getattr(bn, o))])
print(sorted(bn.state_dict()), [n for n, p in bn.named_parameters()], [n for n, b in bn.named_buffers()])
z = ln(x)
print(z.mean((1, 2, 3)), z.var((1, 2, 3), unbiased=False)[:3], z.grad_fn)
ref = nn.BatchNorm2d(3, momentum=0.1)
print((ref(x) - y).abs().max() < 1e-2, ref.running_mean, ref.running_var, ref.num_batches_tracked)
bn.eval(); print(bn(x)[0, :, 0, 0], bn.training, [m.training for m in bn.modules()])
(z.sum() + y.pow(2).sum()).backward()
print(ln.mult.grad, ln.add.grad, bn.adds.grad.flatten(), bn.mults.grad.shape)

# %%
class GeneralRelu(nn.Module):
    def __init__(self, leak=None, sub=None, maxv=None):
        super().__init__()
        self.leak, self.sub, self.maxv = leak, sub, maxv
    def forward(self, x):
        x = F.leaky_relu(x, self.leak) if self.leak is not None else F.relu(x)
        if self.sub is not None: x -= self.sub
        if self.maxv is not None: x.clamp_(max=self.maxv)
        return x
def noop(x=None, *args, **kwargs): return x
act_gr = partial(GeneralRelu, leak=0.1, sub=0.4)
def conv(ni, nf, ks=3, stride=2, act=nn.ReLU, norm=None, bias=None):
    if bias is None: bias = not isinstance(norm, (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d))
    layers = [nn.Conv2d(ni, nf, stride=stride, kernel_size=ks, padding=ks // 2, bias=bias)]
    if norm: layers.append(norm(nf))
    if act: layers.append(act())
    return nn.Sequential(*layers)
def _conv_block(ni, nf, stride, act=act_gr, norm=None, ks=3):
    return nn.Sequential(conv(ni, nf, stride=1, act=act, norm=norm, ks=ks),
                         conv(nf, nf, stride=stride, act=None, norm=norm, ks=ks))
class ResBlock(nn.Module):
    def __init__(self, ni, nf, stride=1, ks=3, act=act_gr, norm=None):
        super().__init__()
        self.convs = _conv_block(ni, nf, stride, act=act, ks=ks, norm=norm)
        self.idconv = noop if ni == nf else conv(ni, nf, ks=1, stride=1, act=None)
        self.pool = noop if stride == 1 else nn.AvgPool2d(2, ceil_mode=True)
        self.act = act()
    def forward(self, x): return self.act(self.convs(x) + self.idconv(self.pool(x)))
def init_weights(m, leaky=0.):
    if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Conv3d, nn.Linear)): nn.init.kaiming_normal_(m.weight, a=leaky)
iw = partial(init_weights, leaky=0.1)
def get_model(act=nn.ReLU, nfs=(4, 8, 16), norm=nn.BatchNorm2d):
    layers = [ResBlock(1, 4, stride=1, act=act, norm=norm)]
    layers += [ResBlock(nfs[i], nfs[i + 1], act=act, norm=norm, stride=2) for i in range(len(nfs) - 1)]
    layers += [nn.Flatten(), nn.Linear(nfs[-1] * 3 * 3, 10, bias=False), nn.BatchNorm1d(10)]
    return nn.Sequential(*layers)
torch.manual_seed(1)
model = get_model(act_gr).apply(iw)
print(model[1])
xb = torch.randn(6, 1, 11, 11)
out = model(xb)
print(out.shape, out.grad_fn, out[0, :4])
print(nn.AvgPool2d(2, ceil_mode=True)(torch.arange(25.).reshape(1, 1, 5, 5)))
print(F.avg_pool2d(torch.arange(9.).reshape(1, 1, 3, 3), 2, ceil_mode=True, count_include_pad=False))

# %%
def _flops(x, h, w):
    if x.dim() < 3: return x.numel()
    if x.dim() == 4: return x.numel() * h * w
def summary(model, xb):
    res = '|Module|Input|Output|Num params|MFLOPS|\n|--|--|--|--|--|\n'
    totp, totf = 0, 0
    def _f(hook, mod, inp, outp):
        nonlocal res, totp, totf
        nparms = sum(o.numel() for o in mod.parameters())
        totp += nparms
        *_, h, w = outp.shape
        flops = sum(_flops(o, h, w) for o in mod.parameters()) / 1e6
        totf += flops
        res += f'|{type(mod).__name__}|{tuple(inp[0].shape)}|{tuple(outp.shape)}|{nparms}|{flops:.1f}|\n'
    hooks = [m.register_forward_hook(partial(_f, None)) for m in model]
    model(xb)
    for h in hooks: h.remove()
    print(res, f"Tot params: {totp}; MFLOPS: {totf:.1f}")
summary(model, xb)
print([len(m._forward_hooks) for m in model], model[0].convs[0][1])

# %%
class GlobalAvgPool(nn.Module):
    def forward(self, x): return x.mean((-2, -1))
def get_model2(act=nn.ReLU, nfs=(4, 8), norm=nn.BatchNorm2d):
    layers = [ResBlock(1, 4, stride=1, act=act, norm=norm)]
    layers += [ResBlock(nfs[i], nfs[i + 1], act=act, norm=norm, stride=2) for i in range(len(nfs) - 1)]
    layers += [ResBlock(nfs[-1], 10, act=noop if False else nn.ReLU, norm=norm), GlobalAvgPool()]
    return nn.Sequential(*layers)
torch.manual_seed(2)
model = get_model2(act_gr).apply(iw)
yb = torch.randint(0, 10, (6,))
opt = torch.optim.AdamW(model.parameters(), lr=1e-2, eps=1e-5)
for i in range(3):
    loss = F.cross_entropy(model(xb), yb)
    loss.backward(); opt.step(); opt.zero_grad()
    print(f"{loss.item():.4f}", model[0].convs[0][1].num_batches_tracked)
model.eval()
with torch.inference_mode():
    p = model(xb)
print(p.shape, p.argmax(1), p.requires_grad, p.is_inference())
try: F.cross_entropy(p, yb).backward()
except Exception as e: print(type(e).__name__, e)
