# Imitates Stanford CS231n's PyTorch tutorial (Justin Johnson): tensor basics, constructors, dtypes, indexing
# (slices, integer arrays, boolean masks), reshaping, elementwise ops, reductions, matrix products, broadcasting.
import torch

# %%
a = torch.tensor([1, 2, 3])
print('Here is a:')
print(a)
print('type(a): ', type(a))
print('rank of a: ', a.dim())
print('a.shape: ', a.shape)

# Access elements using square brackets
print()
print('a[0]: ', a[0])
print('type(a[0]): ', type(a[0]))
print('type(a[0].item()): ', type(a[0].item()))

# Mutate elements using square brackets
a[1] = 10
print()
print('a after mutating:')
print(a)

# %%
b = torch.tensor([[1, 2, 3], [4, 5, 5]])
print('Here is b:')
print(b)
print('rank of b:', b.dim())
print('b.shape: ', b.shape)

print()
print('b[0, 1]:', b[0, 1])
print('b[1, 2]:', b[1, 2])

b[1, 1] = 100
print()
print('b after mutating:')
print(b)

# %%
a = torch.zeros(2, 3)
print('tensor of zeros:')
print(a)

b = torch.ones(1, 2)
print('\ntensor of ones:')
print(b)

c = torch.eye(3)
print('\nidentity matrix:')
print(c)

torch.manual_seed(0)
d = torch.rand(4, 5)
print('\nrandom tensor:')
print(d)

# %%
x0 = torch.tensor([1, 2])   # List of integers
x1 = torch.tensor([1., 2.]) # List of floats
x2 = torch.tensor([1., 2])  # Mixed list
print('dtype when torch chooses for us:')
print('List of integers:', x0.dtype)
print('List of floats:', x1.dtype)
print('Mixed list:', x2.dtype)

y0 = torch.tensor([1, 2], dtype=torch.float32)  # 32-bit float
y1 = torch.tensor([1, 2], dtype=torch.int32)    # 32-bit (signed) integer
y2 = torch.tensor([1, 2], dtype=torch.int64)    # 64-bit (signed) integer
print('\ndtype when we force a datatype:')
print('32-bit float: ', y0.dtype)
print('32-bit integer: ', y1.dtype)
print('64-bit integer: ', y2.dtype)

z0 = torch.ones(1, 2)  # Let torch choose the datatype
z1 = torch.ones(1, 2, dtype=torch.int16) # 16-bit (signed) integer
z2 = torch.ones(1, 2, dtype=torch.uint8) # 8-bit (unsigned) integer
print('\ntorch.ones with different dtypes')
print('default dtype:', z0.dtype)
print('16-bit integer:', z1.dtype)
print('8-bit unsigned integer:', z2.dtype)

# %%
x0 = torch.eye(3, dtype=torch.int64)
x1 = x0.float()  # Cast to 32-bit float
x2 = x0.double() # Cast to 64-bit float
x3 = x0.to(torch.float32) # Alternate way to cast to 32-bit float
x4 = x0.to(torch.float64) # Alternate way to cast to 64-bit float
print('x0:', x0.dtype)
print('x1:', x1.dtype)
print('x2:', x2.dtype)
print('x3:', x3.dtype)
print('x4:', x4.dtype)

# %%
x0 = torch.eye(3, dtype=torch.float64)  # Shape (3, 3), dtype float64
x1 = torch.zeros_like(x0)               # Shape (3, 3), dtype float64
x2 = x0.new_zeros(4, 5)                 # Shape (4, 5), dtype float64
x3 = torch.ones(6, 7).to(x0)            # Shape (6, 7), dtype float64)
print('x0 shape is %r, dtype is %r' % (x0.shape, x0.dtype))
print('x1 shape is %r, dtype is %r' % (x1.shape, x1.dtype))
print('x2 shape is %r, dtype is %r' % (x2.shape, x2.dtype))
print('x3 shape is %r, dtype is %r' % (x3.shape, x3.dtype))

# %%
a = torch.tensor([0, 11, 22, 33, 44, 55, 66])
print(0, a)        # (0) Original tensor
print(1, a[2:5])   # (1) Elements between index 2 and 5
print(2, a[2:])    # (2) Elements after index 2
print(3, a[:5])    # (3) Elements before index 5
print(4, a[:])     # (4) All elements
print(5, a[1:5:2]) # (5) Every second element between indices 1 and 5
print(6, a[:-1])   # (6) All but the last element
print(7, a[-4::2]) # (7) Every second element, starting from the fourth-last

# %%
a = torch.tensor([[1,2,3,4], [5,6,7,8], [9,10,11,12]])
print('Original tensor:')
print(a)

row_r1 = a[1, :]    # Single row of a
row_r2 = a[1:2, :]  # Single row of a, rank 2
print('\nTwo ways of accessing a single row:')
print(row_r1, row_r1.shape)
print(row_r2, row_r2.shape)

col_r1 = a[:, 1]
col_r2 = a[:, 1:2]
print('\nTwo ways of accessing a single column:')
print(col_r1, col_r1.shape)
print(col_r2, col_r2.shape)

# %%
a = torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
b = a[0, 1:]
c = a[0, 1:].clone()
print('Before mutating:')
print(a)
print(b)
print(c)

a[0, 1] = 20  # a[0, 1] and b[0] point to the same element
b[1] = 30     # b[1] and a[0, 2] point to the same element
c[2] = 40     # c is a clone, so it has its own data
print('\nAfter mutating:')
print(a)
print(b)
print(c)

print(a.storage().data_ptr() == c.storage().data_ptr())

# %%
a = torch.tensor([[1,2,3,4], [5,6,7,8], [9,10,11,12]])
idx = [0, 0, 2, 1, 1]
print('Reordered rows:')
print(a[idx])

idx = torch.tensor([3, 2, 1, 0])
print('\nReordered columns:')
print(a[:, idx])

idx0 = torch.tensor([0, 1, 2])
idx1 = torch.tensor([1, 2, 3])
print(a[idx0, idx1])

# %%
a = torch.tensor([[1,2], [3, 4], [5, 6]])
mask = (a > 3)
print(mask)
print(a[mask])
a[a <= 3] = 0
print(a)

# %%
x0 = torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
x1 = x0.view(8)
x2 = x1.view(1, 8)
x3 = x1.view(8, 1)
x4 = x1.view(2, 2, 2)
x5 = x0.view(2, -1)
print(x1.shape, x2.shape, x3.shape, x4.shape, x5.shape)
print(x4)

# %%
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x.t())
x0 = torch.arange(24).view(2, 3, 4)
x1 = x0.transpose(1, 2)
x2 = x0.permute(1, 2, 0)
print(x1.shape, x2.shape)
print(x2)

# %%
x0 = torch.randn(2, 3, 4)
try:
    x1 = x0.transpose(1, 2).view(8, 3)
except RuntimeError as e:
    print(type(e), e)

x1 = x0.transpose(1, 2).contiguous().view(8, 3)
x2 = x0.transpose(1, 2).reshape(8, 3)
print(x1.shape, torch.equal(x1, x2), x0.transpose(1, 2).is_contiguous())

# %%
x = torch.tensor([[1, 2, 3, 4]], dtype=torch.float32)
y = torch.tensor([[5, 6, 7, 8]], dtype=torch.float32)
print(x + y, torch.add(x, y), x.add(y))
print(x - y, x * y, x / y, x ** y)
print(torch.sqrt(x), torch.sin(x), torch.cos(x))

# %%
x = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.float32)
print(torch.sum(x), torch.sum(x, dim=0), torch.sum(x, dim=1))
print(x.sum(dim=1, keepdim=True).shape, x.mean(dim=0))
col_min_vals, col_min_idxs = x.min(dim=0)
print(col_min_vals, col_min_idxs)
print(x.max(dim=1))

# %%
x = torch.randn(128, 10, 3, 64)
print(x.shape, x.mean(dim=1).shape, x.sum(dim=2).shape, x.mean(dim=1, keepdim=True).shape)

# %%
v = torch.tensor([9, 10], dtype=torch.float32)
w = torch.tensor([11, 12], dtype=torch.float32)
print(v.dot(w), torch.dot(v, w))
x = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
print(x.mv(v), torch.mv(x, v), x @ v)
y = torch.tensor([[5, 6], [7, 8]], dtype=torch.float32)
print(x.mm(y), torch.mm(x, y), x @ y)
B, N, M, P = 3, 2, 5, 4
xb = torch.rand(B, N, M)
yb = torch.rand(B, M, P)
print(torch.bmm(xb, yb).shape)

# %%
try:
    torch.dot(torch.ones(2), torch.ones(3))
except RuntimeError as e:
    print(e)
try:
    torch.mm(torch.ones(2, 3), torch.ones(2, 3))
except RuntimeError as e:
    print(e)
try:
    torch.bmm(torch.ones(2, 3, 4), torch.ones(3, 4, 5))
except RuntimeError as e:
    print(e)

# %%
x = torch.tensor([[1,2,3], [4,5,6], [7,8,9], [10, 11, 12]])
v = torch.tensor([1, 0, 1])
y = x + v
print(y)
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print((x.t() + torch.tensor([4, 5])).t())
print(x * 2)
try:
    x + torch.tensor([1, 2])
except RuntimeError as e:
    print(e)
