# Imitates UMich EECS 498-007/598-005 A2 linear_classifier.ipynb / linear_classifier.py as students type it:
# multiclass SVM and softmax losses naive (loops) and vectorised, hand-written gradients checked against autograd,
# eecs598.grad's sparse numeric gradient check and rel_error, correct-class scores picked with torch.arange,
# clamp(min=0) margins, L2 regularisation, SGD on random minibatches from torch.randint, and predictions.
import random
import torch

def rel_error(x, y, eps=1e-10):
    top = (x - y).abs().max().item()
    bot = (x.abs() + y.abs()).clamp(min=eps).max().item()
    return top / bot

def grad_check_sparse(f, x, analytic_grad, num_checks=5, h=1e-7):
    random.seed(0)
    for i in range(num_checks):
        ix = tuple([random.randrange(m) for m in x.shape])
        oldval = x[ix].item()
        x[ix] = oldval + h
        fxph = f(x).item()
        x[ix] = oldval - h
        fxmh = f(x).item()
        x[ix] = oldval
        grad_numerical = (fxph - fxmh) / (2 * h)
        grad_analytic = analytic_grad[ix]
        rel = abs(grad_numerical - grad_analytic) / (abs(grad_numerical) + abs(grad_analytic) + 1e-12)
        print('numerical: %f analytic: %f, relative error: %e' % (grad_numerical, grad_analytic, rel))

def svm_loss_naive(W, X, y, reg):
    dW = torch.zeros_like(W)
    num_classes = W.shape[1]
    num_train = X.shape[0]
    loss = 0.0
    for i in range(num_train):
        scores = W.t().mv(X[i])
        correct_class_score = scores[y[i]]
        for j in range(num_classes):
            if j == y[i]:
                continue
            margin = scores[j] - correct_class_score + 1
            if margin > 0:
                loss += margin
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    loss /= num_train
    loss += reg * torch.sum(W * W)
    dW /= num_train
    dW += 2 * reg * W
    return loss, dW

def svm_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    scores = X.mm(W)
    correct = scores[torch.arange(num_train), y].view(-1, 1)
    margins = (scores - correct + 1).clamp(min=0)
    margins[torch.arange(num_train), y] = 0
    loss = margins.sum() / num_train + reg * torch.sum(W * W)
    mask = (margins > 0).to(X.dtype)
    mask[torch.arange(num_train), y] = -mask.sum(dim=1)
    dW = X.t().mm(mask) / num_train + 2 * reg * W
    return loss, dW

torch.manual_seed(0)
num_train, D, C = 16, 10, 4
X = torch.randn(num_train, D, dtype=torch.float64)
y = torch.randint(C, size=(num_train,), dtype=torch.int64)
W = 0.0001 * torch.randn(D, C, dtype=torch.float64)
loss, grad = svm_loss_naive(W, X, y, 0.000005)
print('loss: %f' % (loss, ))
print(type(loss), loss.dtype, loss.shape, grad.shape, grad.dtype)
f = lambda w: svm_loss_naive(w, X, y, 0.0)[0]
grad_check_sparse(f, W, svm_loss_naive(W, X, y, 0.0)[1])

# %%
loss_naive, grad_naive = svm_loss_naive(W, X, y, 0.05)
loss_vec, grad_vec = svm_loss_vectorized(W, X, y, 0.05)
print('Naive loss: %e' % loss_naive, 'Vectorized loss: %e' % loss_vec)
print('Difference: %.2e' % (loss_naive - loss_vec))
print('Gradient difference: %.2e' % rel_error(grad_naive, grad_vec))
Wg = W.clone().requires_grad_()
loss_ag, _ = svm_loss_vectorized(Wg, X, y, 0.05)
print(loss_ag, loss_ag.grad_fn, loss_ag.grad_fn.next_functions)
loss_ag.backward()
print('autograd vs hand: %.2e' % rel_error(Wg.grad, grad_vec), Wg.grad[:2])
try:
    Wg.numpy()
except Exception as e:
    print(type(e).__name__, e)
try:
    svm_loss_vectorized(W.float(), X, y, 0.05)
except Exception as e:
    print(type(e).__name__, e)
try:
    X.mm(W)[torch.arange(num_train), y.float()]
except Exception as e:
    print(type(e).__name__, e)
try:
    X.mm(W)[torch.arange(num_train - 1), y]
except Exception as e:
    print(type(e).__name__, e)

# %%
def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = torch.zeros_like(W)
    num_train = X.shape[0]
    for i in range(num_train):
        scores = X[i].matmul(W)
        scores -= scores.max()
        probs = scores.exp() / scores.exp().sum()
        loss -= torch.log(probs[y[i]])
        probs[y[i]] -= 1
        dW += X[i].view(-1, 1) * probs.view(1, -1)
    loss = loss / num_train + reg * torch.sum(W * W)
    dW = dW / num_train + 2 * reg * W
    return loss, dW

def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    scores = X.mm(W)
    scores = scores - scores.max(dim=1, keepdim=True).values
    exp = scores.exp()
    probs = exp / exp.sum(dim=1, keepdim=True)
    loss = -probs[torch.arange(num_train), y].log().sum() / num_train + reg * torch.sum(W * W)
    dscores = probs.clone()
    dscores[torch.arange(num_train), y] -= 1
    dW = X.t().mm(dscores) / num_train + 2 * reg * W
    return loss, dW

loss, grad = softmax_loss_naive(W, X, y, 0.0)
print('loss: %f' % loss)
print('sanity check: %f' % (torch.log(torch.tensor(C)).item()), -torch.log(torch.tensor(0.25)))
grad_check_sparse(lambda w: softmax_loss_naive(w, X, y, 0.0)[0], W, grad, num_checks=3)
ln, gn = softmax_loss_naive(W, X, y, 0.05)
lv, gv = softmax_loss_vectorized(W, X, y, 0.05)
print('naive loss: %e vectorized loss: %e' % (ln, lv), 'Loss difference: %.2e' % abs(ln - lv).item())
print('Gradient difference: %.2e' % rel_error(gn, gv))
Wg = W.clone().requires_grad_()
ce = torch.nn.functional.cross_entropy(X.mm(Wg), y) + 0.05 * Wg.pow(2).sum()
ce.backward()
print(ce.item() - lv.item() < 1e-12, rel_error(Wg.grad, gv) < 1e-10, ce.grad_fn.name())

# %%
def sample_batch(X, y, num_train, batch_size):
    idx = torch.randint(num_train, (batch_size,))
    return X[idx], y[idx]

def train_linear_classifier(loss_func, W, X, y, learning_rate=1e-3, reg=1e-5, num_iters=100, batch_size=8,
                            verbose=False):
    num_train, dim = X.shape
    if W is None:
        num_classes = torch.max(y) + 1
        W = 0.000001 * torch.randn(dim, num_classes, device=X.device, dtype=X.dtype)
    loss_history = []
    for it in range(num_iters):
        X_batch, y_batch = sample_batch(X, y, num_train, batch_size)
        loss, grad = loss_func(W, X_batch, y_batch, reg)
        loss_history.append(loss.item())
        W -= learning_rate * grad
        if verbose and it % 20 == 0:
            print('iteration %d / %d: loss %f' % (it, num_iters, loss))
    return W, loss_history

def predict_linear_classifier(W, X):
    return torch.argmax(X.mm(W), dim=1)

torch.manual_seed(1)
Xtr = torch.randn(40, D, dtype=torch.float64) + torch.arange(40).remainder(C).view(-1, 1).double()
ytr = torch.arange(40) % C
Wt, hist = train_linear_classifier(svm_loss_vectorized, None, Xtr, ytr, learning_rate=1e-2, num_iters=60, verbose=True)
print(Wt.shape, Wt.dtype, ['%.4f' % h for h in hist[::15]])
y_pred = predict_linear_classifier(Wt, Xtr)
print('training accuracy: %f' % (y_pred == ytr).double().mean(), y_pred[:10])
Wt2, hist2 = train_linear_classifier(softmax_loss_vectorized, None, Xtr, ytr, learning_rate=1e-1, num_iters=40)
print(hist2[0], hist2[-1], (predict_linear_classifier(Wt2, Xtr) == ytr).float().mean())
print(torch.max(ytr) + 1, type(torch.max(ytr) + 1))
for lr, reg in [(1e-2, 1e-3), (1e-1, 1e-2)]:
    torch.manual_seed(0)
    Wc, _ = train_linear_classifier(softmax_loss_vectorized, None, Xtr, ytr, lr, reg, num_iters=20)
    acc = 100.0 * (predict_linear_classifier(Wc, Xtr) == ytr).double().mean().item()
    print('lr %e reg %e train accuracy: %.2f%%' % (lr, reg, acc))
print(f'{hist2[-1]:.4f}', f'{torch.tensor(hist2).mean():.4f}', '{:.3e}'.format(torch.tensor(1.5e-7)), torch.tensor(hist2[:3]))

# %%
# the naive softmax loop run with autograd: the in-place edits of scores and probs break the backward pass
Wg = W.clone().requires_grad_()
loss = 0.0
for i in range(4):
    scores = X[i].matmul(Wg)
    scores -= scores.max()
    probs = scores.exp() / scores.exp().sum()
    loss -= torch.log(probs[y[i]])
    probs[y[i]] -= 1
print(loss, loss.grad_fn, probs.grad_fn, probs._version, scores._version, scores.grad_fn)
try:
    loss.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
