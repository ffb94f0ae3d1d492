# Imitates the "Python Custom Operators" tutorial (pytorch.org/tutorials/advanced/python_custom_ops.html): a crop op
# written with numpy wrapped by torch.library.custom_op, its register_fake kernel, register_autograd with a paste op
# for the backward, and torch.library.opcheck on a few examples.
import torch
import numpy as np
from typing import Sequence

torch.manual_seed(0)

@torch.library.custom_op("mylib::crop", mutates_args=())
def crop(pic: torch.Tensor, box: Sequence[int]) -> torch.Tensor:
    x0, y0, x1, y1 = box
    hwc = pic.detach().numpy().transpose(1, 2, 0)        # as PIL holds an image: height, width, channels
    arr = np.ascontiguousarray(hwc[y0:y1, x0:x1])
    return torch.from_numpy(arr).permute(2, 0, 1).to(pic.dtype)

print(crop)
print(torch.ops.mylib.crop.default._schema)
img = torch.rand(3, 6, 8)
out = crop(img, (1, 2, 5, 4))
print(out.shape, torch.equal(out, img[:, 2:4, 1:5]))

# %%
@crop.register_fake
def _(pic, box):
    channels = pic.shape[0]
    x0, y0, x1, y1 = box
    return pic.new_empty(y1 - y0, x1 - x0, channels).permute(2, 0, 1)

@torch.library.custom_op("mylib::paste", mutates_args=())
def paste(im1: torch.Tensor, im2: torch.Tensor, coord: Sequence[int]) -> torch.Tensor:
    x0, y0 = coord
    result = im1.clone()
    result[:, y0:y0 + im2.shape[1], x0:x0 + im2.shape[2]] = im2
    return result

@paste.register_fake
def _(im1, im2, coord):
    return torch.empty_like(im1)

def setup_context(ctx, inputs, output):
    _, box = inputs
    ctx.box = box
    ctx.pic_shape = inputs[0].shape

def backward(ctx, grad_output):
    grad_input = grad_output.new_zeros(ctx.pic_shape)
    grad_input = paste(grad_input, grad_output, ctx.box[:2])
    return grad_input, None

crop.register_autograd(backward, setup_context=setup_context)
img = torch.rand(3, 6, 8, requires_grad=True)
result = crop(img, (1, 2, 5, 4))
print(result.grad_fn)
result.sum().backward()
print(img.grad[0])

# %%
examples = [[torch.randn(3, 5, 5), (1, 1, 3, 4)], [torch.randn(3, 5, 5, requires_grad=True), (0, 0, 5, 5)]]
for example in examples:
    print(torch.library.opcheck(crop, example))
try:
    crop(img, (1, 2, 5, 4), 3)
except Exception as e:
    print(type(e).__name__, e)

# %%
@torch.library.custom_op("mylib::flip_rows", mutates_args=())
def flip_rows(pic: torch.Tensor) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(pic.numpy()[:, ::-1]))

@flip_rows.register_fake
def _(pic):
    return pic.new_empty(pic.shape[1], pic.shape[2], pic.shape[0]).permute(2, 0, 1)

try:
    torch.library.opcheck(flip_rows, (torch.randn(3, 4, 5),))
except Exception as e:
    print(type(e).__name__, e)
print(torch.library.opcheck(flip_rows, (torch.randn(3, 4, 5),), test_utils=("test_schema", "test_autograd_registration")))
