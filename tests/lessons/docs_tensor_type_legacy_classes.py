# Imitates the Examples of PyTorch's docs for Tensor.type() and the "Tensor Attributes"/"torch.Tensor" pages on the
# legacy tensor types (torch.FloatTensor, torch.LongTensor, torch.DoubleTensor ...), as a learner copies them: type()
# with no argument and with a type string or class, the legacy constructors and isinstance checks against them.
import torch

torch.manual_seed(0)
x = torch.randn(2, 3)
print(x.type(), type(x.type()))
print(x.type(torch.DoubleTensor))
print(x.type('torch.IntTensor'))
print(x.type(torch.float16).dtype, x.type(dtype=torch.int64).dtype)
print(x.type(torch.FloatTensor) is x, x.type('torch.FloatTensor') is x)

# %%
for t in [torch.tensor([1, 2]), torch.tensor([1.5]), torch.tensor([True]), torch.tensor([1j]),
          torch.zeros(2, dtype=torch.uint8), torch.zeros(2, dtype=torch.int8), torch.zeros(2, dtype=torch.int16),
          torch.zeros(2, dtype=torch.int32), torch.zeros(2, dtype=torch.float16), torch.zeros(2, dtype=torch.bfloat16),
          torch.zeros(2, dtype=torch.float64), torch.zeros(2, dtype=torch.complex128)]:
    print(t.dtype, t.type())

# %%
a = torch.FloatTensor(2, 3)
print(a.shape, a.dtype)
b = torch.LongTensor([1, 2])
print(b, b.dtype)
c = torch.DoubleTensor([[1, 2], [3, 4]])
print(c, c.dtype)
print(torch.IntTensor([1.7, -2.7]), torch.ByteTensor([1, 2]), torch.BoolTensor([0, 1]))
print(torch.FloatTensor([]), torch.LongTensor(0).shape, torch.HalfTensor([1.5]), torch.CharTensor([-3]))
print(torch.ShortTensor([7]), torch.BFloat16Tensor([1.25]))

# %%
f = torch.tensor([1.0, 2.0])
print(isinstance(f, torch.FloatTensor), isinstance(f, torch.DoubleTensor), isinstance(f, torch.Tensor))
print(isinstance(torch.tensor([1]), torch.LongTensor), isinstance(torch.tensor([1]), torch.IntTensor))
print(isinstance(f.double(), torch.DoubleTensor), isinstance(f.half(), torch.HalfTensor))
print(torch.FloatTensor.dtype, torch.LongTensor.dtype, torch.DoubleTensor.is_sparse)
print(torch.FloatTensor, torch.LongTensor)
print(type(f) is torch.Tensor, type(torch.FloatTensor([1])))

# %%
for make in [lambda: f.type('torch.FooTensor'), lambda: f.type('float'), lambda: torch.LongTensor([1.5, 'a']),
             lambda: torch.FloatTensor([1, 2], dtype=torch.int64), lambda: torch.LongTensor(2, 3.5),
             lambda: f.type(5), lambda: torch.FloatTensor('abc'), lambda: torch.IntTensor([[1, 2], [3]]),
             lambda: torch.FloatTensor(2, '3'), lambda: torch.FloatTensor(2.0), lambda: torch.FloatTensor(-1),
             lambda: f.new(2, 1.5), lambda: torch.BFloat16Tensor(2, 2).zero_()]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
