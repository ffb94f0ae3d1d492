# Imitates the cells a learner writes while reading ezyang's "PyTorch internals" blog post and the stride / view
# tutorials that follow it: sizes and strides of views (t.T, permute, expand, unfold, slicing), storage_offset,
# is_contiguous / contiguous, view vs reshape and the error of view on a non-contiguous tensor, untyped_storage and
# data_ptr for views, the strides of empty tensors, and which results keep their input's layout (elementwise ops,
# flip) and which come back row-major (masked_fill, roll, log_softmax).
import torch
x = torch.arange(12.).reshape(3, 4)
print(x.stride(), x.storage_offset(), x.is_contiguous())
print(x[1].stride(), x[1].storage_offset(), x[:, 1].stride(), x[:, 1].storage_offset())
print(x.T.stride(), x.T.is_contiguous(), x.T.contiguous().stride())
print(x.untyped_storage().nbytes(), x[1:].untyped_storage().nbytes(), x.T.data_ptr() == x.data_ptr())

# %%
y = x.T
try:
    y.view(12)
except Exception as e:
    print(type(e).__name__, e)
print(y.reshape(12))
print(y.reshape(12).data_ptr() == x.data_ptr())
print(torch.ones(3, 1).expand(3, 4).stride(), torch.arange(8.).unfold(0, 3, 2).stride())
print(x.as_strided((2, 2), (1, 4), 1))

# %%
# empty tensors still have strides: PyTorch treats a zero-size dim as size 1 when it computes them
for shape in [(0,), (0, 3), (3, 0), (2, 0, 3), (1, 0), (0, 2, 5)]:
    e = torch.zeros(shape)
    print(shape, e.stride(), e.is_contiguous(), e.numel())
print(torch.empty(0, 4).stride(), torch.randn(3, 0, 2).sum(1).stride(), (torch.zeros(0, 3) + 1).stride())

# %%
# which results remember that their input was transposed?
t = torch.arange(6.).reshape(2, 3).T
for name, out in [("t * 2", t * 2), ("t.exp()", t.exp()), ("t.flip(0)", t.flip(0)), ("t.fliplr()", t.fliplr()),
                  ("t.masked_fill", t.masked_fill(t > 2, 0.)), ("t.roll(1, 0)", t.roll(1, 0)),
                  ("t.log_softmax(1)", t.log_softmax(1)), ("t.softmax(1)", t.softmax(1)), ("t.cumsum(0)", t.cumsum(0))]:
    print(f"{name:18s}", out.stride(), out.is_contiguous())
print(t.flip(0))
print(t.masked_fill(t > 2, 0.))
