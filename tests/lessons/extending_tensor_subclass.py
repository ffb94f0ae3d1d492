# Imitates PyTorch's "Extending PyTorch" note, section "Subclassing torch.Tensor": results of torch functions keep
# the subclass (the most derived of the operands' classes), a LoggingTensor whose __torch_function__ logs and calls
# super(), as_subclass, and torch._C.DisableTorchFunctionSubclass.
import torch

class SubTensor(torch.Tensor):
    pass

class OtherSubTensor(SubTensor):
    pass

print(type(torch.add(SubTensor([0]), SubTensor([1]))).__name__)
print(type(torch.add(SubTensor([0]), torch.tensor([1]))).__name__)
print(type(torch.add(SubTensor([0]), OtherSubTensor([1]))).__name__)
s = SubTensor([1.0, 2.0])
print(s, type(s).__name__, s.dtype)
print(type(s + 1).__name__, type(s * s).__name__, type(s.sum()).__name__, type(s[0]).__name__)

# %%
t = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
st = t.as_subclass(SubTensor)
print(type(st).__name__, st.requires_grad, st.grad_fn)
y = (st * 2).sum()
print(type(y).__name__, y)
y.backward()
print(t.grad, type(t.grad).__name__)

# %%
calls = []

class LoggingTensor(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func is not torch.Tensor.__repr__:
            calls.append(func.__name__)
        if kwargs is None:
            kwargs = {}
        return super().__torch_function__(func, types, args, kwargs)

lt = torch.tensor([1.0, -2.0, 3.0]).as_subclass(LoggingTensor)
out = torch.relu(lt) + 1
print(type(out).__name__)
print(calls)
calls.clear()
print(lt.abs().mean().item())
print(calls)

# %%
with torch._C.DisableTorchFunctionSubclass():
    plain = lt * 2
print(type(plain).__name__)
print(type(torch.Tensor.__torch_function__(torch.mul, (LoggingTensor,), (lt, 2))).__name__)
print(torch.overrides.has_torch_function((lt,)), torch.overrides.has_torch_function((s,)))
