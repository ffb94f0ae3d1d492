# Imitates the forum threads of learners training MADE / PixelCNN / WaveNet models: sampling from logits with NaN,
# multinomial with all-zero or negative probabilities, Categorical's argument validation, masks of the wrong dtype
# or left behind as plain attributes when the model is cast, and in-place masking of a weight that requires grad.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 5)
logits[1, 2] = float('nan')
p = F.softmax(logits, -1)
print(p)
try:
    torch.multinomial(p, 1)
except RuntimeError as e:
    print(e)

# %%
for probs in [torch.zeros(5), torch.zeros(2, 5), torch.tensor([0.5, -0.1, 0.6]), torch.tensor([1.0, float('inf')]),
              torch.tensor([[0.2, 0.8], [0.0, 0.0]])]:
    try:
        print(torch.multinomial(probs, 1))
    except RuntimeError as e:
        print(e)

# %%
w = torch.tensor([0.2, 0.3, 0.5])
for args in [(4,), (0,), (-1,), (3,)]:
    try:
        print(torch.multinomial(w, *args))
    except RuntimeError as e:
        print(e)
try:
    torch.multinomial(torch.ones(2, 2, 2), 1)
except RuntimeError as e:
    print(e)
try:
    torch.multinomial(torch.tensor([1, 2, 3]), 1)
except RuntimeError as e:
    print(e)
try:
    torch.multinomial(torch.tensor(1.0), 1)
except RuntimeError as e:
    print(e)
print(torch.multinomial(torch.tensor([0.0, 1.0, 0.0]), 1), torch.multinomial(w.double(), 2).dtype)

# %%
try:
    torch.distributions.Categorical(logits=logits)
except ValueError as e:
    print(e)

# %%
try:
    torch.distributions.Categorical(probs=torch.tensor([0.5, -0.5, 1.0]))
except ValueError as e:
    print(e)
try:
    torch.distributions.Categorical(probs=torch.zeros(3))
except ValueError as e:
    print(e)
try:
    torch.distributions.Categorical(torch.ones(3), logits=torch.ones(3))
except ValueError as e:
    print(e)
c = torch.distributions.Categorical(probs=torch.tensor([1.0, 3.0]))
print(c.probs, c.logits, c.param_shape, c.batch_shape, c.event_shape)

# %%
c = torch.distributions.Categorical(logits=torch.zeros(2, 4))
try:
    c.log_prob(torch.tensor([4, 0]))
except ValueError as e:
    print(e)
try:
    c.log_prob(torch.tensor([0.5, 1.0]))
except ValueError as e:
    print(e)
print(c.log_prob(torch.tensor([1, 3])), c.sample().shape, c.sample((3,)).shape, c.enumerate_support().shape)

# %%
torch.manual_seed(1)
t = torch.tensor([[1.0, float('nan'), 2.0]])
print(torch.argmax(t), t.max(), torch.softmax(t, -1))
print(torch.nan_to_num(t, nan=-1e9).softmax(-1))
print(torch.isnan(t).any(), torch.isfinite(t).all())

# %%
class MaskedLinear(nn.Linear):
    def __init__(self, i, o, mask):
        super().__init__(i, o)
        self.mask = mask

    def forward(self, x):
        return F.linear(x, self.mask * self.weight, self.bias)

mask = torch.tril(torch.ones(3, 3), -1)
ml = MaskedLinear(3, 3, mask)
ml.double()
print(ml.weight.dtype, ml.mask.dtype, ml(torch.ones(1, 3, dtype=torch.float64)).dtype)
print(list(ml.state_dict().keys()), list(ml.buffers()))
hm = MaskedLinear(3, 3, mask.half())
print((hm.mask * hm.weight).dtype)
hm.half()
try:
    hm(torch.ones(1, 3))
except RuntimeError as e:
    print(e)

# %%
class MaskedLinearB(nn.Linear):
    def __init__(self, i, o, mask):
        super().__init__(i, o)
        self.register_buffer('mask', mask)
    def forward(self, x):
        return F.linear(x, self.mask * self.weight, self.bias)

mb = MaskedLinearB(3, 3, torch.tril(torch.ones(3, 3), -1).bool())
mb.double()
print(mb.mask.dtype, mb.weight.dtype)
mb.to(torch.float16)
print(mb.mask.dtype, mb.weight.dtype)
mc = MaskedLinearB(3, 3, torch.tril(torch.ones(3, 3), -1)).to(torch.float64)
print(mc.mask.dtype, mc(torch.ones(2, 3, dtype=torch.float64)).dtype)
try:
    mc(torch.ones(2, 3))
except RuntimeError as e:
    print(e)

# %%
mi = MaskedLinearB(3, 3, torch.tril(torch.ones(3, 3, dtype=torch.int64), -1))
print((mi.mask * mi.weight).dtype, mi(torch.ones(1, 3)).shape)
lin = nn.Linear(3, 3)
try:
    lin.weight *= mi.mask
except RuntimeError as e:
    print(e)
try:
    lin.weight.mul_(mi.mask)
except RuntimeError as e:
    print(e)
try:
    lin.weight.data.mul_(torch.ones(3, 3).bool())
except RuntimeError as e:
    print(e)
w0 = lin.weight.data.clone()
lin.weight.data.mul_(torch.tril(torch.ones(3, 3)).bool())
print(lin.weight.data.eq(torch.tril(w0)).all())
try:
    lin.weight.data *= torch.ones(3, 2)
except RuntimeError as e:
    print(e)

# %%
fl = torch.ones(2, 3)
try:
    fl *= torch.ones(2, 3, dtype=torch.float64)
    print(fl.dtype)
except RuntimeError as e:
    print(e)
il = torch.ones(2, 3, dtype=torch.long)
try:
    il *= torch.full((2, 3), 0.5)
except RuntimeError as e:
    print(e)
bl = torch.ones(2, 3, dtype=torch.bool)
try:
    bl *= torch.ones(2, 3, dtype=torch.long)
except RuntimeError as e:
    print(e)
try:
    torch.ones(3).masked_fill_(torch.tensor([1, 0, 1], dtype=torch.uint8), 0)
except RuntimeError as e:
    print(e)

# %%
try:
    torch.ones(3).cuda()
except (AssertionError, RuntimeError) as e:
    print(type(e).__name__, e)
dev = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
print(dev, mb.to(dev).mask.device, mb.mask.is_cuda)

# %%
torch.manual_seed(6)
probs16 = torch.softmax(torch.randn(2, 6), -1).half()
print(torch.multinomial(probs16, 2), torch.multinomial(probs16, 3, replacement=True))
print(torch.distributions.Categorical(probs=probs16.bfloat16()).sample((2,)))
buf = torch.empty(2, 1, dtype=torch.long)
torch.multinomial(probs16.float(), 1, out=buf)
print(buf)
try:
    torch.multinomial(probs16.float(), 1, out=torch.empty(2, 1))
except RuntimeError as e:
    print(e)

# %%
logit1 = torch.randn(256)
try:
    F.cross_entropy(logit1, torch.tensor([3, 4]))
except ValueError as e:
    print(e)
print(F.cross_entropy(logit1, torch.tensor(3)), F.cross_entropy(logit1, torch.tensor([3])))
