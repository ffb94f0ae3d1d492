# Imitates the "what does this tensor look like" cells of beginner notebooks: summarised printing of big tensors,
# nan/inf/-0.0, large and tiny values switching to scientific notation, int and bool tensors, empty tensors,
# float16 and float64, requires_grad and grad_fn suffixes, torch.set_printoptions profiles, and str vs repr.
import torch
torch.manual_seed(0)
print(torch.arange(2000))
print(torch.arange(1200.).reshape(40, 30))

# %%
print(torch.tensor([float('nan'), float('inf'), -float('inf'), -0.0, 1.5]))
print(torch.tensor([1e-8, 1.0, 1e8]))
print(torch.tensor([123456789.0, 1.0]))
print(torch.tensor([0.1, 100000.0]))
print(torch.tensor([1e-5, 0.5]))
print(torch.tensor([1.0, 2.0, 3.0]) * 1e10)
print(torch.tensor([0.00001234]))
print(torch.tensor([[1e-10, 2.0], [3.0, float('nan')]]))

# %%
print(torch.tensor([-1, 20, 300]))
print(torch.tensor([True, False]))
print(torch.tensor([], dtype=torch.int64), torch.zeros(0, 3), torch.empty(2, 0))
print(torch.tensor(3.5), torch.tensor(-7), torch.tensor(True))
print(torch.tensor([1.5, 2.25], dtype=torch.float16))
print(torch.tensor([1 / 3], dtype=torch.float64), torch.tensor([1 / 3]))
print(torch.tensor([2**40, -3]))
print(torch.tensor([1, 2], dtype=torch.uint8), torch.tensor([1, 2], dtype=torch.int8), torch.tensor([1, 2], dtype=torch.int16))

# %%
a = torch.randn(3, 2, requires_grad=True)
print(a)
print(a * 2)
print(a.sum())
print(a.detach())
print(str(a.sum()), repr(a[0]))
print(torch.tensor([1.0], dtype=torch.float64, requires_grad=True) * 2)
print(torch.zeros(2, 2, 2))

# %%
torch.set_printoptions(profile="full")
print(torch.arange(1002)[-5:])
print(torch.linspace(0, 1, 3))
torch.set_printoptions(profile="short")
print(torch.randn(3, 3))
torch.set_printoptions(profile="default")
torch.set_printoptions(precision=2)
print(torch.tensor([1.23456, 100.5]))
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-8, 1e8]))
torch.set_printoptions(sci_mode=None, precision=4)
print(torch.tensor([1e-8, 1e8]))

# %%
print(torch.randn(2, 3, 4, 5)[0, :, :2])
print(torch.randn(100, 3))
x = torch.randn(7, 1100)
print(x.shape)
print(x[:2])

# %%
print(f"{torch.tensor(3.14159):.2f}", f"{torch.tensor([1.0, 2.0])}")
print("%s" % torch.tensor([1, 2]))
print("{}".format(torch.tensor(0.5)))
print([torch.tensor(1.0), torch.tensor([2, 3])])
print({'w': torch.ones(2)})
print((torch.tensor(1), torch.tensor(2.0)))
print(torch.tensor([1.0, 2.0]).__repr__() == str(torch.tensor([1.0, 2.0])))
print(torch.Size([2, 3]), list(torch.Size([2, 3])), torch.Size([]))
print(torch.float32, torch.int64, torch.bool, torch.float16, torch.long, torch.double)
