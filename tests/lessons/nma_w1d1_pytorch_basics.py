# Imitates Neuromatch Academy Deep Learning W1D1 "PyTorch" tutorial (NeuromatchAcademy/course-content-dl,
# tutorials/W1D1_BasicsAndPytorch): the set_seed helper (torch.manual_seed, random.seed, np.random.seed, cudnn flags),
# tensor creation (torch.Tensor(2, 3) vs torch.tensor, torch.ones_like, torch.rand/randn/randint), numpy interop,
# the simple operations / dot product exercises, manipulating tensors (view, flatten, squeeze, permute, cat) and
# timing with time.time around torch ops.
import random
import time
import numpy as np
import torch

def set_seed(seed=None, seed_torch=True):
    if seed is None:
        seed = np.random.choice(2 ** 32)
    random.seed(seed)
    np.random.seed(seed)
    if seed_torch:
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)
        torch.cuda.manual_seed(seed)
        torch.backends.cudnn.benchmark = False
        torch.backends.cudnn.deterministic = True
    print(f'Random seed {seed} has been set.')

def set_device():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    if device != "cuda":
        print("GPU is not enabled in this notebook.")
    return device

SEED = 2021
set_seed(seed=SEED)
DEVICE = set_device()
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark)

# %%
a = torch.tensor([0, 1, 2])
b = torch.tensor([[1.0, 1.1], [1.2, 1.3]])
c = torch.Tensor(np.array([[1.0, 1.1], [1.2, 1.3]]))
d = torch.Tensor([1, 2, 3])
print(f"Tensor a: {a}")
print(f"Tensor b: {b}")
print(f"Tensor c: {c}")
print(a.dtype, b.dtype, c.dtype, d.dtype)
e = torch.Tensor(2, 3)
print(e.shape, e.dtype, type(e).__name__)
f = torch.ones(5, 3)
g = torch.zeros(2)
h = torch.empty(1, 1, 5)
print(f"Tensor f: {f}")
print(f"Tensor g: {g}")
print(h.shape)
x = torch.rand(1, 5)
print(torch.ones_like(x), torch.zeros_like(x, dtype=torch.int64))
try:
    torch.Tensor(2, 3.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor(2, 3)
except Exception as e:
    print(type(e).__name__, e)

# %%
def tensor_creation(Z):
    A = torch.ones(20, 21)
    B = torch.tensor(Z)
    C = torch.rand(41, 41)
    D = torch.arange(4, 41, step=2)
    return A, B, C, D

Z = np.vander([1, 2, 3], 4)
A, B, C, D = tensor_creation(Z)
print(A.shape, B, B.dtype, C.shape, D)
set_seed(seed=SEED)
print(torch.rand(1, 3), torch.randn(3, 1), torch.randint(low=10, high=20, size=(2, 3)))
print(np.random.rand(2), random.random())
torch.manual_seed(0)
print(torch.randint(5, (4,)), torch.rand(2, 2, dtype=torch.float64))
print(torch.linspace(0, 1, steps=5), torch.arange(0, 10, step=1), torch.arange(0.0, 1.0, 0.25))

# %%
a = torch.ones(5, 3)
b = torch.rand(5, 3)
c = torch.empty(5, 3)
d = torch.empty(5, 3)
torch.add(a, b, out=c)
torch.multiply(a, b, out=d)
print(c)
print(d)
x = torch.tensor([1, 2, 4, 8])
y = torch.tensor([1, 2, 3, 4])
print(x + y, x - y, x * y, x / y, x ** y, sep='\n')
x = torch.rand(3, 3)
print(x.sum(), x.sum(axis=0), x.sum(axis=1), x.mean(), x.mean(axis=0), x.std(), sep='\n')
print(torch.matmul(x, x.T).shape, (x @ x).shape, torch.dot(torch.tensor([2, 3]), torch.tensor([2, 1])))

# %%
def simple_operations(a1: torch.Tensor, a2: torch.Tensor, a3: torch.Tensor):
    answer = a1 @ a2 + a3
    return answer

def dot_product(b1: torch.Tensor, b2: torch.Tensor):
    product = b1 @ b2
    return product

a1 = torch.tensor([[2, 4], [5, 7]])
a2 = torch.tensor([[1, 1], [2, 3]])
a3 = torch.tensor([[10, 10], [12, 1]])
print(simple_operations(a1, a2, a3))
b1 = torch.tensor([3, 5, 7])
b2 = torch.tensor([2, 4, 8])
print(dot_product(b1, b2))
try:
    print(dot_product(torch.tensor([1., 2.]), torch.tensor([1, 2])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(torch.dot(torch.ones(2, 2), torch.ones(2)))
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.arange(0, 10)
print(x, x[-1], x[1:3], x[:-2])
z = torch.arange(12).reshape(6, 2)
print(f"Original z: \n {z}")
z = z.view(2, 6)
print(f"Modified z: \n {z}")
z = z.view(-1, 2)
print(f"Modified z: \n {z}")
x = torch.randn(1, 10)
print(x.shape, x[0].shape, x.squeeze(0).shape)
x = torch.rand(3, 48, 64)
x = x.permute(1, 2, 0)
print(x.shape, x.is_contiguous())
try:
    x.view(-1)
except Exception as e:
    print(type(e).__name__, e)
x = torch.arange(12, dtype=torch.float32).reshape(3, 4)
y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
cat_rows = torch.cat((x, y), dim=0)
cat_cols = torch.cat((x, y), dim=1)
print('Concatenated by rows: shape{} \n {}'.format(list(cat_rows.shape), cat_rows))
print('Concatenated by colums: shape{}  \n {}'.format(list(cat_cols.shape), cat_cols))
x = torch.randn(5)
print(f"x: {x}  |  x type:  {x.type()}")
y = x.numpy()
print(f"y: {y}  |  y type:  {type(y)}")
z = torch.tensor(y)
print(f"z: {z}  |  z type:  {z.type()}")
a = torch.tensor([3.5])
print(a, a.item(), float(a), int(a))
w = torch.from_numpy(np.arange(3))
print(w, w.dtype, torch.from_numpy(np.ones(2, dtype=np.float32)).type())

# %%
def functionA(my_tensor1, my_tensor2):
    output = (my_tensor1.sum(axis=0) * my_tensor2).sum()
    return output

def functionB(my_tensor):
    output = my_tensor.flatten()
    idx_tensor = torch.arange(0, len(my_tensor.flatten()))
    output = torch.cat([idx_tensor.reshape(-1, 1), output.reshape(-1, 1)], axis=1)
    return output

def functionC(my_tensor1, my_tensor2):
    if torch.numel(my_tensor1) == torch.numel(my_tensor2):
        my_tensor2 = my_tensor2.reshape(my_tensor1.shape)
        output = my_tensor1 + my_tensor2
    else:
        output = torch.cat((my_tensor1.flatten(), my_tensor2.flatten()))
    return output

x1 = torch.tensor([[2, 3], [-1, 10]])
x2 = torch.tensor([[1], [-3]])
print(f"Result A : {functionA(x1, x2)}")
print(f"Result B : {functionB(torch.tensor([[2, 3], [-1, 10]]))}")
print(f"Result C : {functionC(torch.tensor([[1, -1], [-1, 3]]), torch.tensor([[2, 3, 0, 2]]))}")
print(f"Result C : {functionC(torch.tensor([[1, -1], [-1, 3]]), torch.tensor([2, 3, 0]))}")
try:
    functionA(x1, torch.tensor([1, 2, 3]))
except Exception as e:
    print(type(e).__name__, e)

# %%
def simpleFun(dim, device):
    x = torch.rand(dim, dim).to(device)
    y = torch.rand_like(x).to(device)
    z = 2 * torch.ones(dim, dim).to(device)
    x = x * y
    x = x @ z
    del x, y, z

start = time.time()
simpleFun(dim=20, device=DEVICE)
elapsed = time.time() - start
print(f"{elapsed < 5} (time taken on {DEVICE})")
x = torch.randn(2, 2, device=DEVICE)
print(x.device, x.to("cpu").device, torch.device(DEVICE), x.cpu().is_cuda)
