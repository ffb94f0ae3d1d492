# Imitates fleuret.org/dlc practical 3 ("MLP by hand"): sigma=tanh and dsigma, loss = sum of squared errors and
# dloss, forward_pass / backward_pass with explicit accumulators dl_dw1 ..., init with normal_(0, epsilon), compared
# to autograd, printing train/test error counts per step. Scaled down to a tiny random data set.
import torch
import math

# %%
def sigma(x):
    return x.tanh()

def dsigma(x):
    return 4 * (x.exp() + x.mul(-1).exp()).pow(-2)

def loss(v, t):
    return (v - t).pow(2).sum()

def dloss(v, t):
    return 2 * (v - t)

x = torch.tensor([-1.0, 0.0, 0.5])
print(sigma(x), dsigma(x), 1 - x.tanh() ** 2)
print(loss(torch.tensor([1., 2.]), torch.tensor([0., 0.])), dloss(torch.tensor([1., 2.]), torch.tensor([0., 0.])))

# %%
def forward_pass(w1, b1, w2, b2, x):
    x0 = x
    s1 = w1.mv(x0) + b1
    x1 = sigma(s1)
    s2 = w2.mv(x1) + b2
    x2 = sigma(s2)
    return x0, s1, x1, s2, x2

def backward_pass(w1, b1, w2, b2, t, x, s1, x1, s2, x2, dl_dw1, dl_db1, dl_dw2, dl_db2):
    x0 = x
    dl_dx2 = dloss(x2, t)
    dl_ds2 = dsigma(s2) * dl_dx2
    dl_dx1 = w2.t().mv(dl_ds2)
    dl_ds1 = dsigma(s1) * dl_dx1
    dl_dw2.add_(dl_ds2.view(-1, 1).mm(x1.view(1, -1)))
    dl_db2.add_(dl_ds2)
    dl_dw1.add_(dl_ds1.view(-1, 1).mm(x0.view(1, -1)))
    dl_db1.add_(dl_ds1)

torch.manual_seed(0)
nb_classes, nb_hidden, dim = 3, 6, 4
train_input = torch.randn(30, dim)
train_target_cls = torch.randint(0, nb_classes, (30,))
train_input[torch.arange(30), train_target_cls] += 2
test_input = torch.randn(12, dim)
test_cls = torch.randint(0, nb_classes, (12,))
test_input[torch.arange(12), test_cls] += 2
zeta = 0.90
train_target = torch.full((30, nb_classes), -zeta).scatter_(1, train_target_cls.view(-1, 1), zeta)
test_target = torch.full((12, nb_classes), -zeta).scatter_(1, test_cls.view(-1, 1), zeta)
print(train_target[:3])

# %%
epsilon = 1e-1
w1 = torch.empty(nb_hidden, dim).normal_(0, epsilon)
b1 = torch.empty(nb_hidden).normal_(0, epsilon)
w2 = torch.empty(nb_classes, nb_hidden).normal_(0, epsilon)
b2 = torch.empty(nb_classes).normal_(0, epsilon)
dl_dw1, dl_db1 = torch.empty(w1.size()), torch.empty(b1.size())
dl_dw2, dl_db2 = torch.empty(w2.size()), torch.empty(b2.size())
print(w1.std() < 0.2, b2)

# %%
eta = 1e-1 / train_input.size(0)
for k in range(8):
    acc_loss = 0
    nb_train_errors = 0
    dl_dw1.zero_(); dl_db1.zero_(); dl_dw2.zero_(); dl_db2.zero_()
    for n in range(train_input.size(0)):
        x0, s1, x1, s2, x2 = forward_pass(w1, b1, w2, b2, train_input[n])
        pred = x2.max(0)[1].item()
        if train_target[n, pred] < 0.5:
            nb_train_errors = nb_train_errors + 1
        acc_loss = acc_loss + loss(x2, train_target[n])
        backward_pass(w1, b1, w2, b2, train_target[n], x0, s1, x1, s2, x2, dl_dw1, dl_db1, dl_dw2, dl_db2)
    w1 = w1 - eta * dl_dw1
    b1 = b1 - eta * dl_db1
    w2 = w2 - eta * dl_dw2
    b2 = b2 - eta * dl_db2
    nb_test_errors = 0
    for n in range(test_input.size(0)):
        _, _, _, _, x2 = forward_pass(w1, b1, w2, b2, test_input[n])
        pred = x2.max(0)[1].item()
        if test_target[n, pred] < 0.5:
            nb_test_errors = nb_test_errors + 1
    print('{:d} acc_train_loss {:.02f} acc_train_error {:.02f}% test_error {:.02f}%'
          .format(k, acc_loss, (100 * nb_train_errors) / train_input.size(0),
                  (100 * nb_test_errors) / test_input.size(0)))

# %%
# the same gradients through autograd
w1a, b1a, w2a, b2a = [p.clone().requires_grad_() for p in (w1, b1, w2, b2)]
dl_dw1.zero_(); dl_db1.zero_(); dl_dw2.zero_(); dl_db2.zero_()
total = 0
for n in range(5):
    x0, s1, x1, s2, x2 = forward_pass(w1, b1, w2, b2, train_input[n])
    backward_pass(w1, b1, w2, b2, train_target[n], x0, s1, x1, s2, x2, dl_dw1, dl_db1, dl_dw2, dl_db2)
    total = total + loss(forward_pass(w1a, b1a, w2a, b2a, train_input[n])[-1], train_target[n])
total.backward()
print(total.grad_fn.name())
for manual, p in [(dl_dw1, w1a), (dl_db1, b1a), (dl_dw2, w2a), (dl_db2, b2a)]:
    print(tuple(p.grad.shape), torch.allclose(manual, p.grad, atol=1e-5))
print('{:.02f}'.format(total), '{:.3f}'.format(total.item()), f"{total:.4f}")
try:
    '{:d}'.format(total)
except Exception as e:
    print(type(e).__name__, e)
try:
    w1.mv(train_input[0, :3])
except Exception as e:
    print(type(e).__name__, e)
try:
    w1.mv(train_input[:2])
except Exception as e:
    print(type(e).__name__, e)
