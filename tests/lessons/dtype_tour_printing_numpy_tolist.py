# Imitates a "tour of dtypes" notebook: every dtype printed (int8..int64, uint8..uint64, bool, float16, bfloat16,
# float32/64, complex64/128) with nan/inf/-0.0 and scientific magnitudes, empty and 0-dim tensors, requires_grad and
# grad_fn suffixes, torch.Size/dtype/device/finfo/iinfo reprs, and what numpy() / tolist() / item() give for each.
import torch
torch.manual_seed(0)
for dt in [torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8, torch.bool]:
    t = torch.tensor([0, 1, 5, 127], dtype=dt)
    print(t, repr(t), str(t), t.tolist(), t.numpy().dtype, t.numpy())
    print(t[0], t[0].item(), type(t[0].item()))
# %%
for dt in [torch.float16, torch.bfloat16, torch.float32, torch.float64]:
    t = torch.tensor([1.0, -0.0, float('nan'), float('inf'), -float('inf'), 2.5], dtype=dt)
    print(t); print(t.tolist())
    print(torch.tensor([1e-5, 1e5], dtype=dt)); print(torch.tensor([1., 2., 3.], dtype=dt))
    print(torch.tensor([123456.7, 0.001], dtype=dt))
    print(torch.tensor(3.5, dtype=dt), torch.tensor([], dtype=dt), torch.zeros(0, 3, dtype=dt))
# %%
for dt in [torch.complex64, torch.complex128]:
    t = torch.tensor([1+2j, -0.0-1j, complex(float('nan'), 1), complex(float('inf'), -float('inf')), 1e-5+1e5j], dtype=dt)
    print(t); print(t.tolist()); print(t[0], t[0].item())
    print(torch.tensor([1+1j, 2-3j], dtype=dt), torch.tensor([0.5+1e-9j], dtype=dt))
    print(torch.tensor([], dtype=dt), torch.zeros(2, 0, dtype=dt))
    print(t.numpy())
# %%
print(torch.empty(0), torch.empty(0, 3), torch.empty(2, 0, 4), torch.empty(0, dtype=torch.int64), torch.empty(0, dtype=torch.bool))
print(repr(torch.empty(0, requires_grad=True)))
print(torch.tensor(5), torch.tensor(True), torch.tensor(-0.0), torch.tensor(float('nan')), torch.tensor(1e20), torch.tensor(1e-20))
print(torch.tensor(3, dtype=torch.int8), torch.tensor(3., dtype=torch.float16), torch.tensor(2.5, dtype=torch.float64))
print(torch.tensor(1e-20, dtype=torch.float64), torch.tensor(12345678.0))
# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
print(x, y, y.sum(), y.mean(), y[0])
print(x.double() * 2, (x.half() * 2), x.to(torch.bfloat16) + 1)
z = torch.tensor(2.0, requires_grad=True) ** 2
print(z, repr(z), str(z))
print(torch.zeros(0, requires_grad=True) * 2)
with torch.no_grad():
    print(x * 3)
print(x.detach(), x.data)
# %%
t = torch.tensor([3.14159])
print(f"{t:.3f}", f"{torch.tensor(2.5):.2f}", f"{torch.tensor(7):d}", f"{torch.tensor(7):5d}")
print(f"{t}", format(t), format(torch.tensor(2.)), f"{torch.tensor(1.5, requires_grad=True):.1f}")
print(f"{torch.tensor(1.5, dtype=torch.float16):.4f}", f"{torch.tensor(1+2j):}")
try:
    print(f"{torch.tensor([1.0, 2.0]):.3f}")
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f"{torch.tensor([[1.0]]):.3f}")
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f"{torch.tensor([]):.3f}")
except Exception as e:
    print(type(e).__name__, e)
print(f"{torch.tensor([1.0, 2.0])}")
print("{:>10}".format(str(torch.tensor(1.))))
# %%
print(torch.Size([2, 3]), torch.Size([]), torch.Size([5]), repr(torch.Size([1])), str(torch.Size([0, 2])))
print(torch.float32, repr(torch.int64), str(torch.bool), torch.cfloat, torch.half, torch.long, torch.double)
print(torch.device('cpu'), repr(torch.device('cpu')), repr(torch.device('cpu', 0)), torch.device('cuda:1'), repr(torch.device('cuda', 0)))
g = torch.Generator()
print(type(g).__name__, g.initial_seed(), g.device)
print(torch.zeros(2).device, repr(torch.zeros(2).device), torch.zeros(2).dtype, torch.zeros(2, 3).shape, torch.zeros(2,3).size(), torch.zeros(2,3).size(1))
print(torch.Size([2, 3]) + (4,), torch.Size([2,3])[1:], type(torch.Size([2,3])[1:]).__name__, torch.Size([2,3]).numel())
print(torch.layout, torch.strided, torch.sparse_coo, torch.contiguous_format, torch.channels_last, torch.preserve_format)
print(torch.finfo(torch.float32), torch.iinfo(torch.int8))
print(torch.get_default_dtype(), torch.uint16, torch.uint32)
# %%
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.float32.is_floating_point, torch.float32.itemsize, torch.int8.is_signed, torch.complex64.is_complex, torch.bfloat16.itemsize, torch.bool.is_floating_point)
print(torch.float32.to_real(), torch.complex128.to_real(), torch.float64.to_complex())
print(type(torch.float32), torch.dtype, torch.Size, torch.device, torch.Generator, torch.Tensor, torch.nn.Parameter)
print(torch.finfo(torch.bfloat16), torch.finfo(torch.float16), torch.finfo(torch.float64), torch.finfo(torch.complex64), torch.finfo())
print(torch.iinfo(torch.uint8), torch.iinfo(torch.int64), torch.iinfo(torch.int32).max, torch.finfo(torch.float32).eps, torch.iinfo(torch.bool) if False else '')
attempt(lambda: torch.iinfo(torch.float32))
attempt(lambda: torch.finfo(torch.int32))
attempt(lambda: torch.iinfo(torch.bool))
print(torch.tensor([1]).dtype == torch.int64, str(torch.float32).split('.')[-1], torch.float == torch.float32, torch.float32 is torch.float)
print(torch.zeros(1).dtype.__repr__(), hash(torch.float32) == hash(torch.float32), {torch.float32: 1})
print(torch.device('cpu') == torch.device('cpu'), torch.device('cpu').type, torch.device('cpu').index, torch.device('cuda:0').index)
attempt(lambda: torch.device('gpu'))
attempt(lambda: torch.device('cuda:-1'))
attempt(lambda: torch.device('cpu', -2))
print(torch.Size([1, 2]) == (1, 2), torch.Size((2, 3)), torch.Size(torch.tensor([2, 3])))
attempt(lambda: torch.Size([1.5]))
attempt(lambda: torch.Size([torch.tensor(2)]))
attempt(lambda: torch.Size(3))
g = torch.Generator().manual_seed(42)
print(g.initial_seed(), g.get_state().shape, g.get_state().dtype, torch.randn(2, generator=g), g.seed() > 0)
print(torch.default_generator.initial_seed() if False else '', type(torch.manual_seed(1)).__name__, torch.initial_seed())
# %%
for dt in [torch.float16, torch.bfloat16, torch.complex64, torch.complex128, torch.int16, torch.bool]:
    t = torch.tensor([1, 0], dtype=dt)
    try:
        print(dt, np.asarray(t).dtype, np.array(t), t.numpy(force=True))
    except Exception as e:
        print(dt, type(e).__name__, e)
x = torch.tensor([1., 2.], requires_grad=True)
print(x.numpy(force=True), np.array(x.detach()))
try:
    np.array(x)
except Exception as e:
    print(type(e).__name__, e)
print(torch.tensor([1.5], dtype=torch.float16).tolist(), torch.tensor([1+2j]).tolist(), type(torch.tensor([1+2j]).tolist()[0]))
print(torch.tensor(True).item(), torch.tensor([True, False]).tolist(), torch.tensor([[1, 2]], dtype=torch.uint8).tolist())
print(torch.tensor(0.1).item(), torch.tensor(0.1, dtype=torch.float64).item(), torch.tensor(0.1, dtype=torch.float16).item(), torch.tensor(0.1, dtype=torch.bfloat16).item())
print(torch.tensor([0.1, 0.2]).numpy().tolist(), torch.tensor([1e-40]).tolist())
# %%
import torch
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for dt in [torch.uint16, torch.uint32, torch.uint64]:
    t = torch.tensor([1, 2, 300], dtype=dt)
    attempt(lambda: (t, t.tolist(), t[0].item(), t.numpy().dtype, t.sum(), t.max(), t.dtype.itemsize, t.dtype.is_signed))
    attempt(lambda: t + 1)
    attempt(lambda: t.float())
    attempt(lambda: torch.iinfo(dt))
    attempt(lambda: torch.zeros(2, dtype=dt))
attempt(lambda: torch.tensor([1+2j]).conj().numpy())
attempt(lambda: torch.tensor([1+2j]).conj().resolve_conj().numpy())
attempt(lambda: torch.tensor([1+2j]).conj().tolist())
attempt(lambda: torch.sparse_coo_tensor(torch.tensor([[0]]), torch.tensor([1.]), (2,)).numpy())
attempt(lambda: torch.sparse_coo_tensor(torch.tensor([[0]]), torch.tensor([1.]), (2,)).tolist())
attempt(lambda: torch.tensor([[]]))
attempt(lambda: torch.tensor([[], []]))
attempt(lambda: torch.tensor([[[]]], dtype=torch.int64))
attempt(lambda: torch.tensor([[]], requires_grad=True))
attempt(lambda: torch.empty(2, 0, 3, dtype=torch.float64, requires_grad=True).sum(0))
attempt(lambda: torch.tensor([float('nan'), 1., 2.]))
attempt(lambda: torch.tensor([1., float('nan')]) * 1e10)
attempt(lambda: torch.tensor([2**24 + 1.]))
attempt(lambda: torch.tensor(2., dtype=torch.float64, requires_grad=True) * 2)
attempt(lambda: torch.tensor([1e-5, 1e5], dtype=torch.complex64))
attempt(lambda: torch.tensor([complex(float('inf'), 1e-5)], dtype=torch.complex64))
attempt(lambda: torch.tensor([complex(1, float('nan')), 2j]))
attempt(lambda: torch.tensor([-1-1j, 0j]))
attempt(lambda: torch.tensor([-0.0j]))
attempt(lambda: torch.tensor([1.5, -1.5], dtype=torch.float16) * 1e4)
attempt(lambda: torch.tensor([0.1, 0.25], dtype=torch.bfloat16))
attempt(lambda: torch.tensor(0.1, dtype=torch.bfloat16))
attempt(lambda: torch.tensor(1e-8, dtype=torch.float16))
attempt(lambda: torch.tensor([[1e-8], [1.]], dtype=torch.float16))
with torch.inference_mode():
    attempt(lambda: torch.ones(2, requires_grad=True) * 2)
    attempt(lambda: torch.ones(2))
