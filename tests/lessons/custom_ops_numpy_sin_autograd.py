# Imitates the torch.library docs (custom_op / register_autograd examples, pytorch.org/docs/stable/library.html):
# numpy_sin as a custom op called directly and through torch.ops, backward before and after register_autograd,
# ctx.save_for_backward in setup_context, a second op with keyword-only arguments and defaults.
import torch
import numpy as np
from torch import Tensor

@torch.library.custom_op("mylib::numpy_sin", mutates_args=())
def numpy_sin(x: Tensor) -> Tensor:
    x_np = x.cpu().numpy()
    y_np = np.sin(x_np)
    return torch.from_numpy(y_np).to(device=x.device)

x = torch.tensor([0.0, 0.5, 1.0, 2.0], requires_grad=True)
y = numpy_sin(x)
print(y)
print(torch.ops.mylib.numpy_sin, repr(torch.ops.mylib.numpy_sin), torch.ops.mylib.numpy_sin.default)
try:
    y.sum().backward()
except RuntimeError as e:
    print(e)

# %%
def setup_context(ctx, inputs, output) -> Tensor:
    x, = inputs
    ctx.save_for_backward(x)

def backward(ctx, grad):
    x, = ctx.saved_tensors
    return grad * x.cos()

numpy_sin.register_autograd(backward, setup_context=setup_context)
y = torch.ops.mylib.numpy_sin(x)
print(type(y.grad_fn).__name__, y.grad_fn.next_functions)
y.sum().backward()
print(x.grad, torch.allclose(x.grad, x.detach().cos()))
with torch.no_grad():
    print(numpy_sin(x))

# %%
@torch.library.custom_op("mylib::scaled_sin", mutates_args=())
def scaled_sin(x: Tensor, scale: float = 2.0, *, shift: int = 0) -> Tensor:
    return torch.sin(x) * scale + shift

print(torch.ops.mylib.scaled_sin.default._schema)
print(scaled_sin(torch.zeros(2)), scaled_sin(torch.zeros(2), 3.0, shift=1))
for call in [lambda: scaled_sin(1.0), lambda: scaled_sin(torch.zeros(2), "big"),
             lambda: torch.ops.mylib.scaled_sin(), lambda: scaled_sin(torch.zeros(2), 1.0, 2),
             lambda: scaled_sin(torch.zeros(2), offset=1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
