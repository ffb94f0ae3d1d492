# Imitates the ways learners turn tensors into Python values and text: item, tolist, float(), f-strings, format specs.
import torch

# %%
loss = torch.tensor(0.123456789)
print(loss)
print(loss.item())
print(float(loss), type(loss.item()))
print(f"{loss:.4f}")
print(f"loss = {loss}")
print(f"{loss.item():.2e}")

# %%
t = torch.tensor([1.5, 2.25, -3.0])
print(f"{t}")
print(f"t = {t!r}")
print("value: {}".format(t))
print("value: " + str(t))
print(t.tolist())
print([round(v, 1) for v in t.tolist()])

# %%
m = torch.tensor([[1, 2], [3, 4]])
print(m.tolist(), type(m.tolist()[0][0]))
print(m[0, 1].item(), type(m[0, 1].item()))
print(int(m[1, 1]), float(m[1, 0]))

# %%
acc = torch.tensor(0.8333333)
print(f"accuracy: {acc * 100:.2f}%")
print(f"{torch.tensor(3):d}" if False else f"{torch.tensor(3).item():d}")
print("%.3f" % loss)
print(round(loss.item(), 3))

# %%
w = torch.tensor([0.5], requires_grad=True)
print(f"w = {w}")
print(w.item())
print(f"{(w * 2).sum():.3f}")
print(w.tolist())

# %%
f"{t:.2f}"

# %%
torch.tensor([1.0, 2.0]).item()

# %%
b = torch.tensor([True])
print(b.item(), bool(b), torch.tensor(5) == 5, (torch.tensor([1, 2]) == 2).tolist())

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x ** 2
print(y, y.item(), y.detach().numpy(), y.tolist())
