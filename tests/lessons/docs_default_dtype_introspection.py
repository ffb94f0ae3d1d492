# Imitates the Examples of torch.set_default_dtype / get_default_dtype, torch.is_tensor / is_storage / is_nonzero /
# numel, Tensor.is_floating_point / is_complex / is_signed, Tensor.item / tolist and torch.dtype's itemsize /
# is_signed from PyTorch's docs, as a learner copies them (seeded randn instead of randn).
import torch

print(torch.get_default_dtype())
print(torch.tensor([1.2, 3]).dtype)
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype(), torch.tensor([1.2, 3]).dtype, torch.tensor([1.2, 3j]).dtype)
print(torch.tensor(1.0).dtype, torch.arange(0., 1.).dtype, torch.linspace(0, 1, 3).dtype, torch.tensor(1j).dtype)
print(torch.zeros(2).dtype, torch.arange(3).dtype, torch.tensor(1).dtype, torch.randn(2).dtype, torch.empty(1).dtype)
print(torch.tensor(1.5 + 2j), torch.arange(0., 1., 0.25), torch.linspace(0, 1, 3), (torch.tensor([1, 2]) / 2).dtype)
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor(1j).dtype, torch.tensor([1.0, 2]).dtype)

# %%
for make in [lambda: torch.set_default_dtype(torch.int64), lambda: torch.set_default_dtype(torch.complex64),
             lambda: torch.set_default_dtype(float), lambda: torch.set_default_dtype('float64')]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.get_default_dtype())

# %%
torch.manual_seed(0)
a = torch.randn(1, 2, 3, 4, 5)
print(torch.is_tensor(a), torch.is_tensor([1]), torch.is_tensor(1.0), torch.numel(a), a.numel(), torch.numel(torch.zeros(4, 4)))
print(torch.is_storage(a), torch.is_storage(a.untyped_storage()), torch.is_storage(a.storage()))
print(torch.is_nonzero(torch.tensor([0.])), torch.is_nonzero(torch.tensor([1.5])), torch.is_nonzero(torch.tensor([False])))
print(torch.is_nonzero(torch.tensor([3])), torch.is_nonzero(torch.tensor(1j)))
for make in [lambda: torch.is_nonzero(torch.tensor([1, 3, 5])), lambda: torch.is_nonzero(torch.tensor([])),
             lambda: torch.is_nonzero(1), lambda: torch.numel([1, 2])]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
for t in [torch.ones(1), torch.ones(1, dtype=torch.int8), torch.ones(1, dtype=torch.uint8), torch.ones(1, dtype=torch.bool),
          torch.ones(1, dtype=torch.complex64), torch.ones(1, dtype=torch.bfloat16), torch.ones(1, dtype=torch.float16)]:
    print(t.dtype, t.is_floating_point(), t.is_complex(), t.is_signed(), torch.is_floating_point(t), torch.is_complex(t))
for dt in [torch.float32, torch.float64, torch.bfloat16, torch.complex128, torch.int16, torch.uint8, torch.bool,
           torch.int64, torch.complex64]:
    print(dt, dt.itemsize, dt.is_signed, dt.is_floating_point, dt.is_complex, dt.to_real(), dt.to_complex() if dt.is_floating_point else '-')

# %%
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int8, torch.uint8, torch.int16, torch.int32,
           torch.int64, torch.bool, torch.complex64, torch.complex128]:
    t = torch.tensor([[1.7, -2.0], [0.1, 3.0]]).to(dt) if dt != torch.uint8 else torch.tensor([[1, 200], [0, 3]], dtype=dt)
    s = t[0, 0]
    print(dt, s.item(), type(s.item()).__name__, t.tolist(), type(t.tolist()[0][0]).__name__, s.tolist())
for make in [lambda: torch.ones(2).item(), lambda: torch.tensor([]).item(), lambda: torch.ones(2, 2).tolist()[0][0].item()]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
