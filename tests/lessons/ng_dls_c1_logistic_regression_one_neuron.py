# Imitates Andrew Ng's Deep Learning Specialization course 1 week 2 ("Logistic Regression with a Neural Network
# mindset") ported to PyTorch by learners: sigmoid by hand, propagate() with the cost written out vs
# F.binary_cross_entropy and BCEWithLogitsLoss, vectorised dw/db checked against autograd, optimize() printing the
# cost every 100 iterations, predict(), and the (n,) vs (n,1) and BCE-target mistakes learners hit.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
def sigmoid(z):
    return 1 / (1 + torch.exp(-z))

print("sigmoid([0, 2]) = " + str(sigmoid(torch.tensor([0.0, 2.0]))))
z = torch.tensor([-1.0, 0.0, 1.0, 20.0, -20.0, 100.0, -100.0])
print(sigmoid(z))
print(torch.sigmoid(z))
print(torch.equal(sigmoid(z), torch.sigmoid(z)), (sigmoid(z) - torch.sigmoid(z)).abs().max())
print(sigmoid(torch.tensor(3)), sigmoid(torch.tensor([1, 2, 3])).dtype)

# %%
def initialize_with_zeros(dim):
    w = torch.zeros((dim, 1), dtype=torch.float64)
    b = 0.0
    return w, b

w, b = initialize_with_zeros(2)
print("w = " + str(w))
print("b = " + str(b), type(b))
print(w.shape, w.dtype, w.T.shape, w.flatten().shape)

# %%
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -1 / m * torch.sum(Y * torch.log(A) + (1 - Y) * torch.log(1 - A))
    dw = 1 / m * (X @ (A - Y).T)
    db = 1 / m * torch.sum(A - Y)
    cost = torch.squeeze(cost)
    return {"dw": dw, "db": db}, cost

w = torch.tensor([[1.0], [2.0]], dtype=torch.float64)
b = 2.0
X = torch.tensor([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]], dtype=torch.float64)
Y = torch.tensor([[1, 0, 1]], dtype=torch.float64)
grads, cost = propagate(w, b, X, Y)
print("dw = " + str(grads["dw"]))
print("db = " + str(grads["db"]))
print("cost = " + str(cost))
print(cost.item(), grads["db"].item(), grads["dw"].tolist())

wa = w.clone().requires_grad_()
ba = torch.tensor(b, dtype=torch.float64, requires_grad=True)
A = torch.sigmoid(wa.T @ X + ba)
loss = F.binary_cross_entropy(A, Y)
loss.backward()
print(loss, loss.grad_fn.name(), A.grad_fn.name())
print(wa.grad, ba.grad)
print(torch.allclose(wa.grad, grads["dw"]), torch.allclose(ba.grad, grads["db"]), (wa.grad - grads["dw"]).abs().max())

# %%
logits = (w.T @ X + b)
print(nn.BCEWithLogitsLoss()(logits, Y), F.binary_cross_entropy_with_logits(logits, Y, reduction="none"))
print(nn.BCELoss(reduction="sum")(torch.sigmoid(logits), Y))
lg = logits.clone().requires_grad_()
l2 = F.binary_cross_entropy_with_logits(lg, Y)
l2.backward()
print(l2.grad_fn, lg.grad)
print(F.binary_cross_entropy_with_logits(torch.tensor([50.0, -50.0]), torch.tensor([0.0, 1.0])))
print(F.binary_cross_entropy(torch.sigmoid(torch.tensor([50.0, -50.0])), torch.tensor([0.0, 1.0])))
print(F.binary_cross_entropy(torch.tensor([0.0, 1.0, 1.0]), torch.tensor([0.0, 1.0, 0.0])))

# %%
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    return {"w": w, "b": b}, grads, costs

params, grads, costs = optimize(w, b, X, Y, num_iterations=101, learning_rate=0.009, print_cost=True)
print("w = " + str(params["w"]))
print("b = " + str(params["b"]))
print("dw = " + str(grads["dw"]))
print("db = " + str(grads["db"]))
print("Costs = " + str(costs))
print(type(params["b"]), params["b"].dtype, params["b"].shape)

# %%
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    return (A > 0.5).float(), A

w2 = torch.tensor([[0.1124579], [0.23106775]], dtype=torch.float64)
b2 = -0.3
X2 = torch.tensor([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]], dtype=torch.float64)
Yp, A2 = predict(w2, b2, X2)
print("predictions = " + str(Yp), A2)
print(Yp.dtype, (A2 >= 0.5).to(torch.int64), torch.round(A2))
Ytrue = torch.tensor([[1.0, 1.0, 0.0]])
print("accuracy: {} %".format(100 - torch.mean(torch.abs(Yp - Ytrue)) * 100))
print("accuracy: {} %".format((100 - torch.mean(torch.abs(Yp - Ytrue)) * 100).item()))

# %%
torch.manual_seed(1)
m = 8
Xb = torch.randn(4, m)
Yrow = (torch.rand(m) > 0.5).float()          # shape (m,), not (1, m)
wb = torch.zeros(4, 1)
A = torch.sigmoid(wb.T @ Xb + 0.5)
print(A.shape, Yrow.shape, (A - Yrow).shape, (A - Yrow.reshape(1, -1)).shape)
print(((A - Yrow.unsqueeze(1))).shape)
dZ = A - Yrow.reshape(-1, 1)
print(dZ.shape, (Xb @ dZ.T).shape if dZ.shape[0] == 1 else "broadcast surprise", dZ.sum())
try:
    Xb @ (A - Yrow.reshape(-1, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(A, Yrow)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(A.squeeze(0), Yrow.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy_with_logits(A.squeeze(0), Yrow.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(A.squeeze(0), Yrow * 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(A.squeeze(0) * 3, Yrow)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCELoss()(A.squeeze(0).double(), Yrow)
except Exception as e:
    print(type(e).__name__, e)
print(F.binary_cross_entropy(A.squeeze(0), Yrow * 0.5 + 0.25), F.binary_cross_entropy_with_logits(A.squeeze(0), Yrow * 2))
