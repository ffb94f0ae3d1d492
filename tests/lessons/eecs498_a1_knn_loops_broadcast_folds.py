# Imitates UMich EECS 498-007/598-005 A1 knn.ipynb / knn.py as students type it: squared-Euclidean distances with
# two loops, one loop and no loops (broadcasting, or the ||x||^2 - 2xy + ||y||^2 trick), the label vote with
# topk / mode / bincount, accuracy, and cross-validation folds made with torch.chunk and torch.cat.
import torch

torch.manual_seed(0)
num_train, num_test, D = 30, 8, 5
x_train = torch.rand(num_train, D)
y_train = torch.randint(3, (num_train,))
x_test = torch.rand(num_test, D)
print(x_train.shape, x_test.shape, y_train, y_train.dtype)

def compute_distances_two_loops(x_train, x_test):
    num_train = x_train.shape[0]
    num_test = x_test.shape[0]
    dists = x_train.new_zeros(num_train, num_test)
    x_train = x_train.flatten(1)
    x_test = x_test.flatten(1)
    for i in range(num_train):
        for j in range(num_test):
            dists[i, j] = torch.sqrt(torch.sum((x_train[i] - x_test[j]) ** 2))
    return dists

def compute_distances_one_loop(x_train, x_test):
    dists = x_train.new_zeros(x_train.shape[0], x_test.shape[0])
    for i in range(x_train.shape[0]):
        dists[i] = torch.sum((x_train[i] - x_test) ** 2, dim=1).sqrt()
    return dists

def compute_distances_no_loops(x_train, x_test):
    tr = (x_train ** 2).sum(dim=1).reshape(-1, 1)
    te = (x_test ** 2).sum(dim=1).reshape(1, -1)
    return (tr + te - 2 * x_train.mm(x_test.t())).clamp(min=0).sqrt()

d2 = compute_distances_two_loops(x_train, x_test)
d1 = compute_distances_one_loop(x_train, x_test)
d0 = compute_distances_no_loops(x_train, x_test)
db = ((x_train[:, None, :] - x_test[None, :, :]) ** 2).sum(-1).sqrt()
print(d2[:3])
print('Difference: ', ((d2 - d1).norm() / d2.norm()).item())
print('Difference: ', ((d2 - db).norm() / d2.norm()).item())
print('Difference: ', ((d2 - d0).norm() / d2.norm()).item() < 1e-6)
print(torch.allclose(d2, d0, atol=1e-6), d0.dtype, d2.shape)

# %%
x_train64 = x_train.double()
x_test64 = x_test.double()
print(compute_distances_two_loops(x_train64, x_test64)[0], compute_distances_no_loops(x_train64, x_test64)[0])
print(compute_distances_two_loops(x_train64, x_test64).dtype)

# %%
def predict_labels(dists, y_train, k=1):
    num_train, num_test = dists.shape
    y_pred = torch.zeros(num_test, dtype=torch.int64)
    _, idx = dists.topk(k, dim=0, largest=False)
    labels = y_train[idx]
    for j in range(num_test):
        y_pred[j] = torch.bincount(labels[:, j]).argmax()
    return y_pred, labels

for k in (1, 3, 5):
    y_pred, labels = predict_labels(d2, y_train, k=k)
    print(k, y_pred, labels.shape)
    print(labels.mode(dim=0))
vals, idx = d2.topk(4, dim=0, largest=False)
print(vals, idx)
print(torch.topk(d2[:, 0], 3), torch.sort(d2[:, 1])[1][:5], d2.argsort(dim=0)[:2])
print(torch.bincount(y_train), torch.bincount(y_train, minlength=5), torch.bincount(torch.tensor([0, 2, 2]), weights=torch.tensor([0.5, 1.0, 2.0])))
print(torch.mode(torch.tensor([3, 1, 2, 2, 3])), torch.tensor([[1, 1, 2], [3, 4, 4]]).mode())
for bad in (torch.tensor([1.0, 2.0]), torch.tensor([-1, 2]), torch.tensor([[1, 2]])):
    try:
        print(torch.bincount(bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    d2.topk(40, dim=0)
except Exception as e:
    print(type(e).__name__, e)
y_test = torch.randint(3, (num_test,))
num_correct = torch.sum(y_pred == y_test).item()
accuracy = 100.0 * num_correct / num_test
print('Got %d / %d correct; accuracy is %.2f%%' % (num_correct, num_test, accuracy))
print((y_pred == y_test).float().mean(), (y_pred == y_test).sum(), (y_pred == y_test).dtype)

# %%
num_folds = 5
x_train_folds = torch.chunk(x_train, num_folds, dim=0)
y_train_folds = torch.chunk(y_train, num_folds)
print(len(x_train_folds), [f.shape for f in x_train_folds], y_train_folds[0])
print([c.shape for c in torch.chunk(torch.arange(7), 3)], [c.shape for c in torch.chunk(torch.arange(6), 4)],
      [c.shape for c in torch.arange(10).split(3)], [c.tolist() for c in torch.tensor_split(torch.arange(7), 3)])
k_to_accuracies = {}
for k in [1, 3, 5]:
    k_to_accuracies[k] = []
    for i in range(num_folds):
        xtr = torch.cat(x_train_folds[:i] + x_train_folds[i + 1:])
        ytr = torch.cat(y_train_folds[:i] + y_train_folds[i + 1:])
        dists = compute_distances_no_loops(xtr, x_train_folds[i])
        pred, _ = predict_labels(dists, ytr, k=k)
        k_to_accuracies[k].append((pred == y_train_folds[i]).float().mean().item())
for k, accs in sorted(k_to_accuracies.items()):
    print('k = %d got accuracies: %r' % (k, accs), torch.tensor(accs).mean(), torch.tensor(accs).std())
best_k = max(k_to_accuracies, key=lambda k: torch.tensor(k_to_accuracies[k]).mean())
print(best_k)
try:
    torch.cat([x_train_folds[0], y_train_folds[0]])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cat(x_train_folds[0], x_train_folds[1])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.chunk(x_train, 0)
except Exception as e:
    print(type(e).__name__, e)
print(torch.cat([x_train_folds[0], x_train_folds[1].double()]).dtype, torch.cat([y_train_folds[0], torch.tensor([])]).dtype)
print(torch.stack(x_train_folds[:2]).shape, torch.cat(x_train_folds[:2], dim=1).shape)
