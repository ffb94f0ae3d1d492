# Imitates an autograder that draws random test inputs with torch.testing.make_tensor (and rand / uniform_ in
# several dtypes), runs the student's function and the reference on them, and reports with assert_close.
import torch
from torch.testing import make_tensor, assert_close

def reference_softplus(x):
    return torch.log1p(torch.exp(-x.abs())) + x.clamp(min=0)

def student_softplus(x):
    return torch.log(1 + torch.exp(x))          # overflows for large x

def run_tests(fn, dtypes, low=None, high=None):
    for dt in dtypes:
        x = make_tensor((2, 3), dtype=dt, device="cpu", low=low, high=high)
        try:
            assert_close(fn(x), reference_softplus(x))
            print(dt, "ok")
        except AssertionError as e:
            print(dt, "FAILED:", str(e).splitlines()[2:4])

# %%
torch.manual_seed(0)
x = make_tensor((2, 3), dtype=torch.float32, device="cpu")
print(x)
print(make_tensor(4, dtype=torch.int64, device="cpu"), make_tensor(2, 2, dtype=torch.bool, device="cpu"))
print(make_tensor((3,), dtype=torch.complex64, device="cpu", low=-1, high=1))
print(make_tensor((3,), dtype=torch.float64, device="cpu", low=0, high=1, requires_grad=True))

# %%
torch.manual_seed(1)
run_tests(student_softplus, (torch.float32, torch.float64))
run_tests(student_softplus, (torch.float32,), low=80, high=100)

# %%
# half-precision inputs, as a mixed-precision homework asks
torch.manual_seed(2)
h = make_tensor((2, 4), dtype=torch.float16, device="cpu", low=-2, high=2)
b = make_tensor((2, 4), dtype=torch.bfloat16, device="cpu")
print(h, b, sep="\n")
print(torch.rand(3, dtype=torch.float16), torch.rand(2, 2, dtype=torch.bfloat16), sep="\n")
w = torch.empty(3, 2, dtype=torch.float16).uniform_(-0.1, 0.1)
print(w, torch.empty(4, dtype=torch.bfloat16).uniform_(1000, 1010))

# %%
torch.manual_seed(3)
z = torch.empty(2, 2, dtype=torch.complex64).uniform_(-1, 1)
print(z, make_tensor((2,), dtype=torch.complex128, device="cpu", exclude_zero=True))
print(make_tensor((2, 3), dtype=torch.float32, device="cpu", noncontiguous=True).stride())

# %%
# the grader's mistakes
make_tensor((2,), dtype=torch.float32)

# %%
make_tensor((2,), dtype=torch.int64, device="cpu", requires_grad=True)

# %%
make_tensor((2,), dtype=torch.uint8, device="cpu", low=300, high=400)

# %%
make_tensor((2,), dtype=torch.float32, device="cpu", low=1, high=-1)

# %%
torch.empty(3, dtype=torch.float16).uniform_(-60000, 60000)

# %%
torch.empty(3).uniform_(0, 1e39)

# %%
torch.empty(3, dtype=torch.bfloat16).uniform_(-1e39, 0)
