# Imitates the tutorial's "Creating mutable operators" section (python_custom_ops.html): numpy_sin_ writing into an
# output tensor declared in mutates_args (schema Tensor(a1!)), its version counter, opcheck passing for it, and
# opcheck catching an op that mutates an input it did not declare, and one whose fake kernel is missing.
import torch
import numpy as np
from torch import Tensor

@torch.library.custom_op("mylib::numpy_sin_out", mutates_args={"output"}, device_types="cpu")
def numpy_sin_out(input: Tensor, output: Tensor) -> None:
    assert input.device == output.device
    assert input.device.type == "cpu"
    input_np = input.numpy()
    output_np = output.numpy()
    np.sin(input_np, out=output_np)

print(torch.ops.mylib.numpy_sin_out.default._schema)
x = torch.linspace(0, 3, 4)
out = torch.empty(4)
print(out._version, numpy_sin_out(x, out), out._version)
print(out, torch.allclose(out, torch.sin(x)))
print(torch.library.opcheck(numpy_sin_out, (x, out)))

# %%
@torch.library.custom_op("mylib::sneaky_add", mutates_args=())
def sneaky_add(x: Tensor) -> Tensor:
    x.add_(1)
    return x.clone()

@sneaky_add.register_fake
def _(x):
    return torch.empty_like(x)

try:
    torch.library.opcheck(sneaky_add, (torch.ones(2),))
except Exception as e:
    print(type(e).__name__, e)

@torch.library.custom_op("mylib::double_it", mutates_args=())
def double_it(x: Tensor) -> Tensor:
    return x * 2

try:
    torch.library.opcheck(double_it, (torch.ones(2),))
except Exception as e:
    print(type(e).__name__, e)
print(torch.library.opcheck(double_it, (torch.ones(2),), test_utils="test_schema"))
