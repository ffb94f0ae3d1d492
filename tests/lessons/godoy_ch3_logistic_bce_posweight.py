# Imitates Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (github.com/dvgodoy/PyTorchStepByStep),
# chapter 3: a binary classifier on a tiny synthetic two-blob dataset, odds / log odds / sigmoid by hand, BCELoss vs
# BCEWithLogitsLoss (reduction and pos_weight for imbalance), the mistakes of feeding logits or wrong shapes, and the
# confusion matrix, TPR / FPR and precision computed by hand for a few thresholds.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

# %%
def odds_ratio(prob):
    return prob / (1 - prob)

def log_odds_ratio(prob):
    return np.log(odds_ratio(prob))

p = .75
q = 1 - p
print(odds_ratio(p), odds_ratio(q))
print(log_odds_ratio(p), log_odds_ratio(q))

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

print(sigmoid(log_odds_ratio(p)))
print(torch.sigmoid(torch.tensor(1.0986)), torch.logit(torch.tensor([.25, .5, .75])))
print(torch.logit(torch.tensor([0., 1.])), torch.logit(torch.tensor([0., 1.]), eps=1e-6))

# %%
dummy_labels = torch.tensor([1.0, 0.0])
dummy_predictions = torch.tensor([.9, .2])
positive_pred = dummy_predictions[dummy_labels == 1]
first_summation = torch.log(positive_pred).sum()
negative_pred = dummy_predictions[dummy_labels == 0]
second_summation = torch.log(1 - negative_pred).sum()
n_total = dummy_labels.size(0)
loss = -(first_summation + second_summation) / n_total
print(loss)
summation = torch.sum(dummy_labels * torch.log(dummy_predictions) +
                      (1 - dummy_labels) * torch.log(1 - dummy_predictions))
print(-summation / n_total)

# %%
loss_fn = nn.BCELoss(reduction='mean')
print(loss_fn)
print(loss_fn(dummy_predictions, dummy_labels))
print(nn.BCELoss(reduction='sum')(dummy_predictions, dummy_labels))
print(nn.BCELoss(reduction='none')(dummy_predictions, dummy_labels))
try:
    print(loss_fn(dummy_labels, dummy_predictions))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(loss_fn(torch.tensor([2.2, -1.4]), dummy_labels))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(loss_fn(dummy_predictions.view(-1, 1), dummy_labels))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(loss_fn(dummy_predictions, torch.tensor([1, 0])))
except Exception as e:
    print(type(e).__name__, e)

# %%
loss_fn_logits = nn.BCEWithLogitsLoss(reduction='mean')
print(loss_fn_logits)
logit1 = log_odds_ratio(.9)
logit2 = log_odds_ratio(.2)
dummy_logits = torch.tensor([logit1, logit2])
print(dummy_logits)
print(loss_fn_logits(dummy_logits, dummy_labels))
print(loss_fn_logits(dummy_logits.float(), dummy_labels))
try:
    print(loss_fn_logits(dummy_logits.float(), torch.tensor([1, 0])))
except Exception as e:
    print(type(e).__name__, e)

# %%
dummy_imb_labels = torch.tensor([1.0, 0.0, 0.0, 0.0])
dummy_imb_logits = torch.tensor([logit1, logit2, logit2, logit2]).float()
n_neg = (dummy_imb_labels == 0).sum().float()
n_pos = (dummy_imb_labels == 1).sum().float()
pos_weight = (n_neg / n_pos).view(1,)
print(pos_weight)
loss_fn_imb = nn.BCEWithLogitsLoss(reduction='mean', pos_weight=pos_weight)
print(loss_fn_imb(dummy_imb_logits, dummy_imb_labels))
loss_fn_imb_sum = nn.BCEWithLogitsLoss(reduction='sum', pos_weight=pos_weight)
loss = loss_fn_imb_sum(dummy_imb_logits, dummy_imb_labels)
print(loss / (pos_weight * n_pos + n_neg))
print(loss_fn_imb.pos_weight, loss_fn_imb.weight, loss_fn_imb.state_dict())
try:
    nn.BCEWithLogitsLoss(pos_weight=3.0)(dummy_imb_logits, dummy_imb_labels)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCEWithLogitsLoss(pos_weight=torch.ones(3))(dummy_imb_logits, dummy_imb_labels)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(13)
N = 40
np.random.seed(13)
X = np.concatenate([np.random.randn(N // 2, 2) + 1, np.random.randn(N // 2, 2) - 1]).astype(np.float32)
y = np.concatenate([np.ones(N // 2), np.zeros(N // 2)]).astype(np.float32)
mean, std = X.mean(axis=0), X.std(axis=0)
X = (X - mean) / std
x_tensor = torch.as_tensor(X)
y_tensor = torch.as_tensor(y).view(-1, 1)
model = nn.Sequential()
model.add_module('linear', nn.Linear(2, 1))
optimizer = optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.BCEWithLogitsLoss()
for epoch in range(100):
    model.train()
    loss = loss_fn(model(x_tensor), y_tensor)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print(model.state_dict())
print(loss)
w, b = model.linear.weight.detach(), model.linear.bias.detach()
print(-b / w[0, 1], -w[0, 0] / w[0, 1])

# %%
model.eval()
with torch.no_grad():
    logits = model(x_tensor[:4])
print(logits.requires_grad, logits)
probabilities = torch.sigmoid(logits).numpy()
print(probabilities.dtype, probabilities.round(4))
print(np.log(probabilities / (1 - probabilities)).round(4))
print(torch.sigmoid(model(x_tensor[:4])).detach().numpy().squeeze().round(4))
print((probabilities >= .5).astype(np.int64).ravel())

# %%
def split_cm(cm):
    actual_negative = cm[0]
    tn = actual_negative[0]
    fp = actual_negative[1]
    actual_positive = cm[1]
    fn = actual_positive[0]
    tp = actual_positive[1]
    return tn, fp, fn, tp

def tpr_fpr(cm):
    tn, fp, fn, tp = split_cm(cm)
    tpr = tp / (tp + fn)
    fpr = fp / (fp + tn)
    return tpr, fpr

def precision_recall(cm):
    tn, fp, fn, tp = split_cm(cm)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    return precision, recall

with torch.no_grad():
    probs = torch.sigmoid(model(x_tensor)).squeeze()
labels = y_tensor.squeeze().long()
for threshold in [.3, .5, .7]:
    preds = (probs >= threshold).long()
    cm = torch.zeros(2, 2, dtype=torch.long)
    for t, p in zip(labels, preds):
        cm[t, p] += 1
    print(threshold, cm.tolist(), cm.dtype)
    print(tpr_fpr(cm))
    print(precision_recall(cm))
    print((preds == labels).float().mean())
print(torch.bincount(labels * 2 + (probs >= .5).long(), minlength=4).view(2, 2))

# %%
# a three-class label sneaks into the binary confusion matrix
cm = torch.zeros(2, 2, dtype=torch.long)
bad_labels = torch.tensor([0, 1, 2, 1])
bad_preds = torch.tensor([0, 1, 1, 0])
try:
    for t, p in zip(bad_labels, bad_preds):
        cm[t, p] += 1
except Exception as e:
    print(type(e).__name__, e)
print(cm)
try:
    print(cm[bad_labels[2]])
except Exception as e:
    print(type(e).__name__, e)
