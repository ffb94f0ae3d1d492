# Imitates the first chapter of PyTorch's "Tensors" tutorial and d2l's "Data Manipulation" as learners extend them:
# torch.set_printoptions with each option and profile (and back to the default), summarised printing of big 1-d to
# 4-d tensors, sci-mode decisions, dtype suffixes, nan / inf / -0.0, empty tensors, f-strings with format specs on
# 0-d tensors and the error for a spec on a multi-element tensor.
import torch
torch.manual_seed(0)
x = torch.arange(12.).reshape(3, 4) / 7
for opts in [dict(precision=2), dict(threshold=5), dict(edgeitems=1, threshold=3), dict(linewidth=30),
             dict(sci_mode=True), dict(profile='short'), dict(profile='full')]:
    torch.set_printoptions(**opts)
    print(opts)
    print(x)
torch.set_printoptions(profile='default')
print(x)

# %%
print(torch.arange(1001))
torch.set_printoptions(threshold=50, edgeitems=2)
print(torch.randn(3, 4, 5, 6))
torch.set_printoptions(profile='default')
print(torch.tensor([1e-8, 1.0, 1e8]), torch.tensor([0.1, 100000.0]))
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-8, 1.0, 1e8]))
torch.set_printoptions(profile='default')

# %%
print(torch.tensor([float('nan'), float('inf'), -0.0, 2.0]))
print(torch.tensor([1., 2.], dtype=torch.float16), torch.tensor([1.1, 2.2], dtype=torch.bfloat16))
print(torch.tensor([1, -128], dtype=torch.int8), torch.tensor([0, 255], dtype=torch.uint8))
print(torch.tensor([1 + 2j, 3 - 4.5j]), torch.tensor([True, False]))
print(torch.zeros(0, 3), torch.zeros(2, 0, dtype=torch.int64), torch.zeros(0, dtype=torch.float64))

# %%
loss = torch.tensor(0.123456)
print(f"loss {loss:.3f}", format(loss, ".2e"), f"{torch.tensor(7):03d}")
try:
    print(f"{torch.tensor([1.0, 2.0]):.3f}")
except Exception as e:
    print(type(e).__name__, e)
w = torch.tensor(2.5, requires_grad=True)
print(f"{w * 2:.2f}", str(w), repr(w * 2))
