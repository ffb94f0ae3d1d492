# Imitates learners' first attempts at torch.library.custom_op (forum questions on "infer_schema" errors): missing type
# hints, unsupported types, a missing return annotation, *args, bad names, a wrong mutates_args, and an op returning
# its input; then the older Library("mylib", "DEF") / define / impl API and torch.library.define / impl.
import torch
from torch import Tensor
from typing import Optional

def attempt(make):
    try:
        print("ok", make())
    except Exception as e:
        print(type(e).__name__, e)

def no_hints(x): return x.clone()
def no_return(x: Tensor): return x.clone()
def takes_dict(x: Tensor, cfg: dict) -> Tensor: return x.clone()
def varargs(*xs: Tensor) -> Tensor: return xs[0].clone()
def good(x: Tensor) -> Tensor: return x.clone()
def many(x: Tensor, w: Optional[Tensor], xs: list[Tensor], n: int, flag: bool = False) -> tuple[Tensor, Tensor]:
    return x.clone(), x * n

attempt(lambda: torch.library.custom_op("mylib::no_hints", no_hints, mutates_args=()))
attempt(lambda: torch.library.custom_op("mylib::no_return", no_return, mutates_args=()))
attempt(lambda: torch.library.custom_op("mylib::takes_dict", takes_dict, mutates_args=()))
attempt(lambda: torch.library.custom_op("mylib::varargs", varargs, mutates_args=()))
attempt(lambda: torch.library.custom_op("good", good, mutates_args=()))
attempt(lambda: torch.library.custom_op("my-lib::good", good, mutates_args=()) and None)
attempt(lambda: torch.library.custom_op("mylib::bad-name", good, mutates_args=()))
attempt(lambda: torch.library.custom_op("mylib::good", good))
attempt(lambda: torch.library.custom_op("mylib::good", good, mutates_args=("y",)))
attempt(lambda: torch.library.custom_op("mylib::good", good, mutates_args="x"))
attempt(lambda: torch.library.custom_op("mylib::many", many, mutates_args=())._opoverload._schema)
attempt(lambda: torch.library.infer_schema(many, mutates_args=()))

# %%
@torch.library.custom_op("mylib::identity", mutates_args=())
def identity(x: Tensor) -> Tensor:
    return x

try:
    identity(torch.ones(2))
except RuntimeError as e:
    print(str(e)[:40], "...", str(e)[-60:])
attempt(lambda: torch.ops.mylib.not_there)

# %%
lib = torch.library.Library("oldlib", "DEF")
print(lib)
print(lib.define("mul3(Tensor x, float s=3.0) -> Tensor"))
def mul3_impl(x, s=3.0):
    return x * s
lib.impl("mul3", mul3_impl, "CPU")
print(torch.ops.oldlib.mul3(torch.ones(2)))
print(torch.ops.oldlib.mul3(torch.ones(2, requires_grad=True), 0.5))
attempt(lambda: torch.library.Library("oldlib", "FOO"))

torch.library.define("oldlib2::twice", "(Tensor x) -> Tensor")

@torch.library.impl("oldlib2::twice", "cpu")
def _(x):
    return 2 * x

def twice_backward(ctx, grad):
    return grad * 2

torch.library.register_autograd("oldlib2::twice", twice_backward)
a = torch.arange(3.0, requires_grad=True)
b = torch.ops.oldlib2.twice(a)
print(b)
b.sum().backward()
print(a.grad)
