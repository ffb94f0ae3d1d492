# Imitates the Stack Overflow question "Why does max() stop working after `from torch import *`?" and the
# answers' walk through what a star import of torch, torch.nn.init, torch.autograd, torch.special, torch.linalg and
# torch.fft binds: builtins shadowed by torch's functions (abs, sum, max), linalg's norm over torch.norm, the
# learner's own `random` generator and `math` kept, and no submodule (nn, optim, functional) bound by `import *`.
import math
import numpy as np
import torch
random = np.random.default_rng(0)   # the learner's numpy generator, named before the star imports
from torch import *
from torch.nn.init import *
from torch.autograd import *
from torch.special import *
from torch.linalg import *
from torch.fft import *

# %%
x = tensor([1.0, -2.0, 3.0], requires_grad=True)
print(type(random).__name__, math.pi, Tensor is torch.Tensor)
print(abs(x), sum(x), max(x))
try:
    print(max(3, 5))
except Exception as e:
    print(type(e).__name__, e)

# %%
y = (expit(x) * x).sum()
g, = grad(y, x)
print(g)
manual_seed(0)
w = empty(2, 3)
kaiming_uniform_(w, a=math.sqrt(5))
print(w)
print(norm(x), vector_norm(x, ord=1), rfft(x.detach()).shape, logit(tensor([0.25])))

# %%
print(sorted(n for n in ("nn", "optim", "autograd", "functional", "linalg", "special", "fft", "utils", "np", "OPS")
             if n in globals()))
sorted(n for n in ("set_grad_enabled", "no_grad", "enable_grad", "strided", "Size", "dtype", "float32", "bfloat16",
                   "Generator", "device", "HalfTensor", "unique", "broadcast_shapes") if n in globals())
