# Imitates the "Example::" blocks of PyTorch 2.13's reference for torch.tensor, torch.asarray, torch.as_tensor,
# torch.from_numpy and torch.frombuffer, typed in by a learner who then tries the variations the docs describe:
# copy=True / copy=False, dtype=, requires_grad= on numpy arrays, numpy scalars, bytearrays and tensors, which
# of them share memory, and the errors PyTorch gives when it cannot alias or parse.
import array
import numpy as np
import torch

# %%
print(torch.tensor([[1, 2.5], [True, 3]]))
print(torch.tensor([True, 2]))
print(torch.tensor([[True, False]]).dtype, torch.tensor([1, 2.0]).dtype, torch.tensor([1, 2j]).dtype)
x = torch.tensor([[1., -1.], [1., 1.]], requires_grad=True)
out = x.pow(2).sum()
out.backward()
print(x.grad)
print(torch.tensor(np.array([1.5, 2.5], dtype=np.float32)))
print(torch.tensor([np.float64(1.5), 2]))
print(torch.tensor([[]]), torch.tensor([[]]).shape)
print(torch.tensor([[], []]).shape)
print(torch.tensor(5, dtype=torch.float16))
print(torch.tensor([1e-5, 1e5]), torch.tensor([1e-10, 1.0]))
torch.tensor(((1, 2), (3, 4)), dtype=torch.uint8)

# %%
a = torch.asarray([1, 2, 3])
print(a, a.dtype)
print(torch.asarray([1.5, 2]), torch.asarray([[True]]))
b = torch.asarray(a, dtype=torch.float64)
print(b)
c = torch.asarray(a, copy=False)
print(c.data_ptr() == a.data_ptr())
try:
    torch.asarray(a, dtype=torch.float32, copy=False)
except Exception as e:
    print(type(e).__name__, e)
n = np.arange(4, dtype=np.float32)
t = torch.asarray(n, requires_grad=True)
print(t)
t2 = torch.asarray(n)
n[0] = 10
print(t2)
t3 = torch.asarray(n, copy=True)
n[1] = 20
print(t3)
print(torch.asarray(3), torch.asarray(2.5), torch.asarray(True))
print(torch.asarray(np.int32(7)))
torch.asarray([[1, 2], [3, 4]], dtype=torch.float16)

# %%
n = np.ones((2, 2))
t = torch.as_tensor(n)
t2 = torch.as_tensor(n, dtype=torch.float32)
n[0, 0] = 5
print(t, t2)
print(torch.as_tensor([1, 2, 3.5]))
x = torch.ones(2, requires_grad=True)
print(torch.as_tensor(x) is x)
print(torch.as_tensor(x, dtype=torch.float64))
print(torch.from_numpy(np.array([[1, 2]], dtype=np.int16)))
print(torch.from_numpy(np.array(3.0)))
print(torch.from_numpy(np.zeros(3, dtype=bool)))
torch.from_numpy(np.arange(6).reshape(2, 3)[:, ::2])

# %%
buf = bytearray(b'\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00')
t = torch.frombuffer(buf, dtype=torch.int32)
print(t)
t[0] = 7
print(buf[:4])
print(torch.frombuffer(buf, dtype=torch.int32, offset=4))
print(torch.frombuffer(buf, dtype=torch.int32, count=1, offset=8))
print(torch.frombuffer(buf, dtype=torch.uint8, count=5))
print(torch.frombuffer(b'\x00\x00\x80\x3f', dtype=torch.float32))
torch.frombuffer(buf, dtype=torch.int16, count=-1, offset=2)

# %%
import warnings
warnings.simplefilter("always")
def attempt(make):
    try:
        r = make()
        print("ok", r, r.dtype, r.requires_grad, r.grad_fn is not None)
    except Exception as e:
        print(type(e).__name__, e)
a = torch.tensor([1., 2.], requires_grad=True)
b = a * 2
for make in [lambda: torch.asarray(b, requires_grad=False),
             lambda: torch.asarray(b, dtype=torch.float64, requires_grad=True),
             lambda: torch.asarray(a, copy=True, requires_grad=True),
             lambda: torch.asarray([1, 2], copy=False),
             lambda: torch.asarray(np.float64(2.5), copy=False),
             lambda: torch.asarray(np.float32(2.5)),
             lambda: torch.asarray(bytearray(b'\x00\x00\x80\x3f')),
             lambda: torch.asarray(bytearray(b'\x01\x02'), dtype=torch.uint8),
             lambda: torch.asarray(bytearray(8), dtype=torch.int32, requires_grad=True),
             lambda: torch.asarray(array.array('d', [1.5]), dtype=torch.float64, copy=False),
             lambda: torch.asarray(np.arange(3), dtype=torch.float32, copy=False),
             lambda: torch.asarray(np.arange(3), dtype=torch.int64, copy=False),
             lambda: torch.asarray(np.arange(3.), requires_grad=True, dtype=torch.float32),
             lambda: torch.asarray(np.arange(3.), requires_grad=True),
             lambda: torch.asarray(np.arange(3), requires_grad=True),
             lambda: torch.asarray([1, 2], requires_grad=True),
             lambda: torch.asarray((1, 2.5), dtype=torch.int32),
             lambda: torch.asarray(range(3)),
             lambda: torch.asarray([1], torch.float32),
             lambda: torch.asarray([1], copy=1),
             lambda: torch.asarray([1], dtype="float"),
             lambda: torch.asarray()]:
    attempt(make)
n = np.arange(4.)
t = torch.asarray(n, requires_grad=False)
n[0] = 9
print(t)
c = torch.tensor([1., 2.])
print(torch.asarray(c, requires_grad=True) is c, c.requires_grad)

# %%
buf = bytearray(8)
for make in [lambda: torch.frombuffer(bytearray(8), dtype=torch.int32, requires_grad=True),
             lambda: torch.frombuffer(array.array('f', [1, 2]), dtype=torch.float32, requires_grad=True),
             lambda: torch.frombuffer([1, 2], dtype=torch.int32),
             lambda: torch.frombuffer(buf, torch.int32),
             lambda: torch.frombuffer(buf, dtype=torch.int32, count=1.5),
             lambda: torch.frombuffer(buf, dtype="int32"),
             lambda: torch.frombuffer(buf),
             lambda: torch.frombuffer(buffer=buf, dtype=torch.int32),
             lambda: torch.frombuffer(3, dtype=torch.int32),
             lambda: torch.frombuffer(buf, dtype=torch.int32, requires_grad=1),
             lambda: torch.frombuffer(bytearray(), dtype=torch.int8),
             lambda: torch.frombuffer(bytearray(4), dtype=torch.int32, offset=4),
             lambda: torch.frombuffer(bytearray(5), dtype=torch.int32),
             lambda: torch.frombuffer(buf, dtype=torch.int32, count=3)]:
    attempt(make)
