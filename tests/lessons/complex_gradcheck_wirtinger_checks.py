# Imitates the gradcheck part of PyTorch's "Autograd for Complex Numbers" note and of the "Extending PyTorch" page:
# a custom autograd.Function on complex tensors checked with torch.autograd.gradcheck / gradgradcheck (slow and fast
# mode), a wrong backward (missing conj) caught with the real / imaginary part named, and polar / view_as_complex.
import torch

torch.manual_seed(0)
z = torch.randn(3, dtype=torch.complex128, requires_grad=True)
print(z.dtype, z.requires_grad)
print(torch.autograd.gradcheck(lambda t: t * t, (z,)))
print(torch.autograd.gradcheck(lambda t: t * t, (z,), fast_mode=True))
print(torch.autograd.gradcheck(lambda t: t.abs(), (z,)), torch.autograd.gradcheck(torch.angle, (z,)))

# %%
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad_out):
        x, = ctx.saved_tensors
        return 2 * grad_out * x.conj()   # conjugate Wirtinger: grad * conj(f'(z))

y = Square.apply(z)
print(y.dtype, y.requires_grad, type(y.grad_fn).__name__)
print(torch.autograd.gradcheck(Square.apply, (z,)), torch.autograd.gradgradcheck(Square.apply, (z,)))

# %%
class SquareNoConj(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad_out):
        x, = ctx.saved_tensors
        return 2 * grad_out * x   # forgot .conj()

try:
    torch.autograd.gradcheck(SquareNoConj.apply, (z,))
except Exception as e:
    print(type(e).__name__, e)
print(torch.autograd.gradcheck(SquareNoConj.apply, (z,), raise_exception=False))

# %%
z2 = z[:2].detach().requires_grad_()
try:
    torch.autograd.gradcheck(SquareNoConj.apply, (z2,), fast_mode=True)
except Exception as e:
    print(type(e).__name__, e)

# %%
class AbsSquared(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return (x * x.conj()).real

    @staticmethod
    def backward(ctx, grad_out):
        x, = ctx.saved_tensors
        return grad_out * x   # should be 2 * grad_out * x

try:
    torch.autograd.gradcheck(AbsSquared.apply, (z,))
except Exception as e:
    print(type(e).__name__, e)

# %%
r = torch.rand(3, dtype=torch.float64, requires_grad=True)
theta = torch.rand(3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(torch.polar, (r, theta)))
pairs = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(torch.view_as_complex, (pairs,)), torch.autograd.gradcheck(torch.view_as_real, (z,)))
print(torch.autograd.gradcheck(lambda a, b: (a * b.conj(), (a / b).abs()), (z, z.detach().flip(0).requires_grad_())))

# %%
print(torch.autograd.gradgradcheck(lambda t: (t * t.conj() * t).sin(), (z,)))
print(torch.autograd.gradgradcheck(lambda t, s: (t * s).abs().sum(), (z, r)))
print(torch.autograd.gradgradcheck(lambda t: t.exp(), (z,), fast_mode=True))
print(torch.autograd.gradgradcheck(lambda t: t.exp(), (z,), gen_non_contig_grad_outputs=True))
print(torch.randn(2))   # gradgradcheck drew its grad_outputs from the global generator

# %%
w = torch.randn(3, dtype=torch.complex128)
print(torch.autograd.gradcheck(lambda t: (t * 1j).detach(), (z,), raise_exception=False))
print(torch.autograd.gradcheck(lambda t: torch.fft.fft(t) * w, (r,)))
print(torch.autograd.gradcheck(lambda t: torch.fft.ifft(t).abs(), (z,), fast_mode=True))
