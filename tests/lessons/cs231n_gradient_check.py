# Imitates CS231n's gradient-checking notes and assignments in their PyTorch form: centered-difference numerical
# gradients over x.view(-1) with in-place perturbation, rel_error, eval_numerical_gradient_array for a layer with an
# upstream gradient, torch.autograd.gradcheck / gradgradcheck, and what goes wrong in float32.
import torch
import torch.nn.functional as F
import numpy as np

# %%
def rel_error(x, y):
    return torch.max(torch.abs(x - y) / torch.clamp(torch.abs(x) + torch.abs(y), min=1e-8)).item()

def eval_numerical_gradient(f, x, verbose=True, h=1e-5):
    grad = torch.zeros_like(x)
    flat_x, flat_g = x.view(-1), grad.view(-1)
    for ix in range(flat_x.numel()):
        oldval = flat_x[ix].item()
        flat_x[ix] = oldval + h
        fxph = f(x)
        flat_x[ix] = oldval - h
        fxmh = f(x)
        flat_x[ix] = oldval
        flat_g[ix] = (fxph - fxmh) / (2 * h)
        if verbose:
            print(ix, flat_g[ix].item())
    return grad

torch.manual_seed(0)
x = torch.randn(2, 3, dtype=torch.float64)
f = lambda x: (x ** 3).sum().item()
num = eval_numerical_gradient(f, x, verbose=True)
x.requires_grad_(True)
(x ** 3).sum().backward()
print('relative error:', rel_error(num, x.grad) < 1e-7)
print(num.dtype, x.grad.dtype)

# %%
def eval_numerical_gradient_array(f, x, df, h=1e-5):
    grad = torch.zeros_like(x)
    it = np.nditer(x.numpy(), flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        ix = it.multi_index
        oldval = x[ix].item()
        x[ix] = oldval + h
        pos = f(x).clone()
        x[ix] = oldval - h
        neg = f(x).clone()
        x[ix] = oldval
        grad[ix] = torch.sum((pos - neg) * df) / (2 * h)
        it.iternext()
    return grad

torch.manual_seed(1)
x = torch.randn(3, 4, dtype=torch.float64)
w = torch.randn(4, 5, dtype=torch.float64)
b = torch.randn(5, dtype=torch.float64)
dout = torch.randn(3, 5, dtype=torch.float64)
dx_num = eval_numerical_gradient_array(lambda x: x @ w + b, x, dout)
dw_num = eval_numerical_gradient_array(lambda w: x @ w + b, w, dout)
xr, wr, br = (t.clone().requires_grad_() for t in (x, w, b))
(xr @ wr + br).backward(dout)
print('Testing affine_backward function:')
print('dx error: ', rel_error(dx_num, xr.grad) < 1e-8)
print('dw error: ', rel_error(dw_num, wr.grad) < 1e-8)
print('db:', br.grad)
print(torch.allclose(br.grad, dout.sum(0)))

# %%
# float32 numerical gradients are noisy
torch.manual_seed(2)
x32 = torch.randn(5)
num32 = eval_numerical_gradient(lambda t: torch.sigmoid(t).sum().item(), x32, verbose=False, h=1e-3)
x32r = x32.clone().requires_grad_()
torch.sigmoid(x32r).sum().backward()
print(num32)
print(x32r.grad)
print(rel_error(num32, x32r.grad) < 1e-2)

# %%
from torch.autograd import gradcheck, gradgradcheck
inp = (torch.randn(4, 3, dtype=torch.double, requires_grad=True), torch.randn(3, 2, dtype=torch.double, requires_grad=True))
test = gradcheck(torch.mm, inp, eps=1e-6, atol=1e-4)
print(test)
print(gradgradcheck(lambda a, b: (a @ b).tanh(), inp))

# %%
def softmax_loss(x, y):
    shifted = x - x.max(dim=1, keepdim=True).values
    log_probs = shifted - shifted.exp().sum(dim=1, keepdim=True).log()
    N = x.shape[0]
    loss = -log_probs[torch.arange(N), y].mean()
    dx = log_probs.exp().clone()
    dx[torch.arange(N), y] -= 1
    dx /= N
    return loss, dx

torch.manual_seed(3)
num_classes, num_inputs = 10, 50
x = 0.001 * torch.randn(num_inputs, num_classes, dtype=torch.float64)
y = torch.randint(num_classes, size=(num_inputs,))
dx_num = eval_numerical_gradient(lambda x: softmax_loss(x, y)[0].item(), x, verbose=False)
loss, dx = softmax_loss(x, y)
print('Testing softmax_loss:')
print('loss: ', loss.item())
print('dx error: ', rel_error(dx_num, dx) < 1e-7)
print(F.cross_entropy(x, y).item())

# %%
# gradcheck failing on float32 input, and on a wrong custom backward
try:
    gradcheck(torch.sin, (torch.randn(3, requires_grad=True),))
except Exception as e:
    print(type(e).__name__)

class BadSquare(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * x  # wrong: should be 2 * x

print(gradcheck(BadSquare.apply, (torch.randn(3, dtype=torch.double, requires_grad=True),), raise_exception=False))

# %%
# the max-pool / relu kink: numerical vs analytic at a tie
x = torch.tensor([[1.0, 1.0], [0.5, -0.2]], dtype=torch.float64, requires_grad=True)
F.max_pool2d(x[None, None], 2).sum().backward()
print(x.grad)
print(eval_numerical_gradient(lambda t: F.max_pool2d(t[None, None], 2).sum().item(), x.detach().clone(), verbose=False))
