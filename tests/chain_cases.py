"""Cells for the stepper and derivative tests: the seed lesson's cells and a dozen others (fan-out, broadcasting,
matmul, a reused tensor, gradient=, accumulation ...).

Each case: (id, source, leaf names, fn) where fn(torch, *leaves) builds the tensor the cell calls backward() on
(with the same torch code), for torch.autograd.functional.jacobian on real PyTorch.
"""

CASES = [
    ("seed_poly", """x = torch.tensor(2.0, requires_grad=True)

y = x**2 + 3*x + 2
y.backward()

x.grad
""", ["x"], lambda torch, x: x**2 + 3*x + 2),
    ("seed_two_inputs", """x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
z = 3*x**2 + 2*x*y + y**2
z.backward()
""", ["x", "y"], lambda torch, x, y: 3*x**2 + 2*x*y + y**2),
    ("seed_external_grad", """a = torch.tensor([2.0, 3.0], requires_grad=True)
b = torch.tensor([6.0, 4.0], requires_grad=True)

Q = 3*a**3 - b**2
external_grad = torch.tensor([1.0, 1.0])
Q.backward(gradient=external_grad)

print(a.grad)
print(b.grad)
""", ["a", "b"], lambda torch, a, b: 3*a**3 - b**2),
    ("seed_mean", """x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x + 2
z = y * y * 2
result = z.mean()
result.backward()
""", ["x"], lambda torch, x: ((x + 2) * (x + 2) * 2).mean()),
    ("fan_out", """x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
a = x * 2
b = x.exp()
c = x.sin()
out = (a * b + c).sum()
out.backward()
""", ["x"], lambda torch, x: ((x * 2) * x.exp() + x.sin()).sum()),
    ("broadcasting", """w = torch.tensor([[1.0], [2.0], [-1.0]], requires_grad=True)
v = torch.tensor([0.5, 1.5, -2.0, 3.0], requires_grad=True)
b = torch.tensor(0.25, requires_grad=True)
s = (w * v + b).sum()
s.backward()
""", ["w", "v", "b"], lambda torch, w, v, b: (w * v + b).sum()),
    ("matmul", """W = torch.tensor([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], requires_grad=True)
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = torch.tanh(W @ x)
loss = h.sum()
loss.backward()
""", ["W", "x"], lambda torch, W, x: torch.tanh(W @ x).sum()),
    ("reused_tensor", """a = torch.tensor(3.0, requires_grad=True)
b = a + a
b.backward()
""", ["a"], lambda torch, a: a + a),
    ("gradient_vector", """x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
y = x * x
y.backward(gradient=torch.tensor([0.1, 1.0, 10.0]))
""", ["x"], lambda torch, x: x * x),
    ("relu_scale", """x = torch.tensor([-1.5, 0.5, 2.0], requires_grad=True)
y = (x.relu() * 3).sum()
y.backward()
""", ["x"], lambda torch, x: (x.relu() * 3).sum()),
    ("mean_dim", """A = torch.tensor([[1.0, 2.0], [3.0, 5.0]], requires_grad=True)
loss = ((A - 1)**2).mean(dim=0).sum()
loss.backward()
""", ["A"], lambda torch, A: ((A - 1)**2).mean(dim=0).sum()),
    ("division", """x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([4.0, -0.5], requires_grad=True)
q = (x / y).sum()
q.backward()
""", ["x", "y"], lambda torch, x, y: (x / y).sum()),
    ("sigmoid_log", """x = torch.tensor([0.3, -0.7], requires_grad=True)
w = torch.tensor(1.5, requires_grad=True)
p = torch.sigmoid(w * x)
nll = -torch.log(p).sum()
nll.backward()
""", ["x", "w"], lambda torch, x, w: -torch.log(torch.sigmoid(w * x)).sum()),
    ("regression", """w = torch.tensor(0.5, requires_grad=True)
b = torch.tensor(-0.25, requires_grad=True)
xd = torch.tensor([1.0, 2.0, 3.0])
yd = torch.tensor([2.0, 4.1, 5.9])
loss = ((w * xd + b - yd)**2).mean()
loss.backward()
""", ["w", "b"], lambda torch, w, b: ((w * torch.tensor([1.0, 2.0, 3.0]) + b
                                        - torch.tensor([2.0, 4.1, 5.9]))**2).mean()),
]

# A cell that calls backward twice (accumulation within one cell): the leaf gradient is the sum of the two.
ACCUMULATE = """x = torch.tensor(2.0, requires_grad=True)
y = x * x
y.backward(retain_graph=True)
y.backward()
"""
