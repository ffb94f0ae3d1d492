"""What the hundred-and-fiftieth probe (denoising diffusion from scratch: schedules, extract(), sinusoidal
embeddings, a U-Net with GroupNorm, the hybrid loss, EMA weights, DDPM / DDIM samplers) found, each checked against
PyTorch: the grad-mode context managers as decorators the way sampling code writes them. ``@torch.no_grad`` and
``@torch.enable_grad`` without parentheses (PyTorch's _NoParamDecoratorContextManager: the class called with a
function returns the decorated function; the engine returned a context-manager object, so the sampler's call
decorated its argument), ``@torch.inference_mode`` without parentheses (anything but a bool is the function
decorated), ``torch.set_grad_enabled`` refusing a non-bool with the argument parser's TypeError (the engine took
``bool(x)``, so ``@torch.set_grad_enabled`` silently turned grad mode on), ``no_grad(None)``'s TypeError, and a
decorated class with PyTorch's FutureWarning."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "no_grad_and_enable_grad_without_parentheses": [
        '''w = torch.ones(3, requires_grad=True)
@torch.no_grad
def sample(x):
    return x * w
out = sample(torch.ones(3))
print(out.requires_grad, out.grad_fn, sample.__name__, sample.__wrapped__.__name__)
@torch.enable_grad
def train_step(x):
    return x * w
with torch.no_grad():
    print(train_step(torch.ones(3)).requires_grad)
@torch.no_grad
def steps(n):
    for i in range(n):
        yield torch.is_grad_enabled()
print(list(steps(2)), torch.is_grad_enabled())
print(torch.no_grad(lambda x: x * w)(torch.ones(3)).requires_grad, isinstance(torch.no_grad(), torch.no_grad))
''',
        '''class Diffusion(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.net = torch.nn.Linear(2, 2)
    @torch.no_grad
    def sample(self, n):
        x = torch.randn(n, 2)
        for t in range(3):
            x = x - 0.1 * self.net(x)
        return x.clamp(-1, 1)
    @torch.inference_mode
    def fast_sample(self, n):
        return self.net(torch.randn(n, 2))
torch.manual_seed(0)
d = Diffusion()
s = d.sample(4)
print(s.shape, s.requires_grad, s.is_leaf, d.fast_sample(2).is_inference(), Diffusion.sample.__qualname__)
''',
    ],
    "inference_mode_without_parentheses": [
        '''@torch.inference_mode
def f(x):
    return x * 2
print(f(torch.ones(2)).is_inference(), torch.is_grad_enabled(), torch.is_inference_mode_enabled())
print(callable(torch.inference_mode(None)), type(torch.inference_mode(False)).__name__)
''',
    ],
    "set_grad_enabled_takes_a_bool": [
        '''import numpy as np
for a in [1, 0.5, None, "x", np.bool_(False), torch.tensor(False)]:
    try:
        torch.set_grad_enabled(a)
    except TypeError as e:
        print(type(e).__name__, e)
print(torch.is_grad_enabled())
try:
    @torch.set_grad_enabled
    def k(x):
        return x
except TypeError as e:
    print(type(e).__name__, e)
print(torch.is_grad_enabled())
''',
    ],
    "no_param_decorator_arguments_and_classes": [
        '''try:
    torch.no_grad(None)
except TypeError as e:
    print(type(e).__name__, e)
print(type(torch.enable_grad(None)).__name__)
try:
    torch.enable_grad(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
''',
        '''@torch.no_grad()
class Sampler:
    def __init__(self, m):
        self.out = m(torch.ones(1, 2))
s = Sampler(torch.nn.Linear(2, 2))
print(s.out.requires_grad, type(s).__name__)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe150_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe150/{name}", warns="per_cell")
