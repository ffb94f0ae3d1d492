# Imitates Stevens, Antiga & Viehmann, "Deep Learning with PyTorch", chapter 3 (p3_tensors.ipynb): the
# named-tensor-free ways of weighting RGB channels (unsqueeze_(-1).unsqueeze_(-1), einsum '...chw,c->...hw'),
# refine_names alternatives, tensor API calls (torch.transpose vs a.transpose, dtypes, double()/to()), storage
# sharing, storage_offset / stride / is_contiguous after transposes and slices, zero_ in place, and saving a tensor
# with torch.save to an in-memory file (the book's ../data/p1ch3/ourpoints.t) and loading it back.
import io
import torch

torch.manual_seed(0)
img_t = torch.randn(3, 5, 5)
weights = torch.tensor([0.2126, 0.7152, 0.0722])
batch_t = torch.randn(2, 3, 5, 5)
img_gray_naive = img_t.mean(-3)
batch_gray_naive = batch_t.mean(-3)
print(img_gray_naive.shape, batch_gray_naive.shape)
unsqueezed_weights = weights.unsqueeze(-1).unsqueeze_(-1)
img_weights = (img_t * unsqueezed_weights)
batch_weights = (batch_t * unsqueezed_weights)
img_gray_weighted = img_weights.sum(-3)
batch_gray_weighted = batch_weights.sum(-3)
print(batch_weights.shape, batch_t.shape, unsqueezed_weights.shape)
img_gray_weighted_fancy = torch.einsum('...chw,c->...hw', img_t, weights)
batch_gray_weighted_fancy = torch.einsum('...chw,c->...hw', batch_t, weights)
print(batch_gray_weighted_fancy.shape, torch.allclose(batch_gray_weighted_fancy, batch_gray_weighted))
print(img_gray_weighted_fancy[0, :3])

# %%
double_points = torch.ones(10, 2, dtype=torch.double)
short_points = torch.tensor([[1, 2], [3, 4]], dtype=torch.short)
print(short_points.dtype, double_points.dtype)
double_points = torch.zeros(10, 2).double()
short_points = torch.ones(10, 2).short()
print(double_points.dtype, short_points.dtype, torch.zeros(10, 2).to(torch.double).dtype,
      torch.ones(10, 2).to(dtype=torch.short).dtype)
points_64 = torch.rand(5, dtype=torch.double)
points_short = points_64.to(torch.short)
print((points_64 * points_short).dtype)
a = torch.ones(3, 2)
a_t = torch.transpose(a, 0, 1)
print(a.shape, a_t.shape, a.transpose(0, 1).shape)
print(torch.tensor([1, 2, 3]) * 2.5, torch.tensor([1, 2, 3]).dtype, torch.tensor([1.0, 2]).dtype)

# %%
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
points_storage = points.untyped_storage()
print(points.storage_offset(), points[1].storage_offset(), points[1:].storage_offset(), points[:, 1].storage_offset())
print(points[:, 1].stride(), points[:, 1].is_contiguous(), points[1:].is_contiguous(), points[1].size())
second_point = points[1]
second_point[0] = 10.0
print(points)
points_t = points.t()
print(points_t.is_contiguous(), points_t.contiguous().stride(), points_t.contiguous().storage_offset())
some_t = torch.ones(3, 4, 5)
transpose_t = some_t.transpose(0, 2)
print(transpose_t.is_contiguous(), transpose_t.stride(), some_t.is_contiguous())
print(points.storage_offset(), points_t[1:].storage_offset(), points_t[1:].stride(), points_t[:, 1:].storage_offset())
print(points.untyped_storage().nbytes(), points_t.untyped_storage().nbytes(), points[1:, 1:].untyped_storage().nbytes())

# %%
f = io.BytesIO()
torch.save(points, f)
f.seek(0)
points_loaded = torch.load(f)
print(points_loaded, points_loaded.dtype, torch.equal(points_loaded, points))
buf = io.BytesIO()
torch.save({'points': points, 'weights': weights, 'epoch': 3}, buf)
buf.seek(0)
ckpt = torch.load(buf, weights_only=True)
print(sorted(ckpt), ckpt['weights'], ckpt['epoch'])
buf = io.BytesIO()
torch.save(points[1:], buf)
buf.seek(0)
view_loaded = torch.load(buf)
print(view_loaded, view_loaded.storage_offset(), view_loaded.stride())
last_points = points[1:]
print(last_points.numpy().dtype, torch.from_numpy(last_points.numpy()).shape)
