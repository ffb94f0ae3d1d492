# Imitates the CTC cells of a speech / OCR course notebook that works F.ctc_loss out on tiny inputs by hand
# (Distill's "Sequence Modeling with CTC" re-done in PyTorch, the nn.CTCLoss docs examples, CRNN OCR tutorials):
# reductions, zero_infinity, a blank index other than 0, input/target lengths as tensors and as tuples, padded and
# concatenated targets, unbatched input, a brute-force check of the loss over all alignments, the gradient, and the
# errors learners hit (a target longer than the input, lengths of the wrong size, a blank out of range).
import itertools
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
T, N, C = 4, 2, 3
logits = torch.randn(T, N, C, requires_grad=True)
log_probs = logits.log_softmax(2)
targets = torch.tensor([[1, 2], [1, 1]])
input_lengths = torch.tensor([4, 4])
target_lengths = torch.tensor([2, 2])
for red in ("none", "sum", "mean"):
    loss = F.ctc_loss(log_probs, targets, input_lengths, target_lengths, reduction=red)
    print(red, loss, loss.grad_fn.name())

# %%
# brute force: sum over every path of length T that collapses to the target
def collapse(path, blank=0):
    out, prev = [], None
    for p in path:
        if p != prev and p != blank:
            out.append(p)
        prev = p
    return out

with torch.no_grad():
    lp = log_probs[:, 0]
    scores = [sum(lp[t, p] for t, p in enumerate(path)) for path in itertools.product(range(C), repeat=T)
              if collapse(path) == [1, 2]]
    print(len(scores), -torch.logsumexp(torch.stack(scores), 0))

# %%
loss = F.ctc_loss(log_probs, targets, input_lengths, target_lengths)
loss.backward()
print(loss, logits.grad[:, 0])
print(logits.grad.sum(-1))

# %%
# lengths as tuples, targets concatenated
cat_targets = torch.tensor([1, 2, 1, 1])
l1 = F.ctc_loss(log_probs, cat_targets, (4, 4), (2, 2), reduction="none")
l2 = F.ctc_loss(log_probs, targets, [4, 3], [2, 1], reduction="none")
print(l1, l2)
print(F.ctc_loss(log_probs, targets, (4, 3), (2, 1), reduction="mean"))
print(F.ctc_loss(log_probs.double(), targets, (4, 3), (2, 1)).dtype)

# %%
# the blank index is the last class
loss_b = F.ctc_loss(log_probs, torch.tensor([[0, 1], [1, 0]]), input_lengths, target_lengths, blank=2, reduction="none")
print(loss_b)
ctc = nn.CTCLoss(blank=2, reduction="sum", zero_infinity=True)
print(ctc, ctc.blank, ctc.zero_infinity)
print(ctc(log_probs, torch.tensor([[0, 1], [1, 0]]), input_lengths, target_lengths))

# %%
# impossible alignments: repeated labels need a blank between them, so [1, 1] needs 3 frames
short = log_probs[:2]
print(F.ctc_loss(short, targets, (2, 2), (2, 2), reduction="none"))
print(F.ctc_loss(short, targets, (2, 2), (2, 2), reduction="none", zero_infinity=True))
inf_loss = F.ctc_loss(short, targets, (2, 2), (2, 2), reduction="sum")
print(inf_loss)
logits.grad = None
short = logits[:2].log_softmax(2)
F.ctc_loss(short, targets, (2, 2), (2, 2), reduction="sum", zero_infinity=True).backward()
print(logits.grad[:2])

# %%
# target length 0 and unbatched input
log_probs = logits.detach().log_softmax(2)
print(F.ctc_loss(log_probs, targets, input_lengths, torch.tensor([0, 1]), reduction="none"))
print(F.ctc_loss(log_probs[:, 0], torch.tensor([1, 2]), torch.tensor(4), torch.tensor(2)))
print(F.ctc_loss(log_probs[:, 0], torch.tensor([1, 2]), (4,), (2,), reduction="none"))

# %%
# mistakes
def attempt(make):
    try:
        print("ok", make())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: F.ctc_loss(log_probs, torch.tensor([[1, 2, 1, 2, 1]] * 2), input_lengths, torch.tensor([5, 5])))
attempt(lambda: F.ctc_loss(log_probs, targets, torch.tensor([5, 4]), target_lengths))
attempt(lambda: F.ctc_loss(log_probs, targets, torch.tensor([4]), target_lengths))
attempt(lambda: F.ctc_loss(log_probs, targets, input_lengths, torch.tensor([2, 2, 2])))
attempt(lambda: F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=3))
attempt(lambda: F.ctc_loss(log_probs, targets, input_lengths, torch.tensor([3, 2])))
attempt(lambda: F.ctc_loss(log_probs, targets.float(), input_lengths, target_lengths))
attempt(lambda: F.ctc_loss(log_probs, targets, input_lengths.float(), target_lengths))
attempt(lambda: F.ctc_loss(log_probs.permute(1, 0, 2), targets, input_lengths, target_lengths))
attempt(lambda: F.ctc_loss(log_probs, targets, (4, 4), target_lengths))

# %%
# more mistakes: half precision, a channel dim left in (T, N, 1, C), blank given as a float, targets as a list,
# and torch.ctc_loss called directly (its reduction is an int, and left out it reduces nothing)
attempt(lambda: F.ctc_loss(log_probs.half(), targets, input_lengths, target_lengths))
attempt(lambda: F.ctc_loss(log_probs.unsqueeze(2), targets, input_lengths, target_lengths))
attempt(lambda: F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=float(C - 1)))
attempt(lambda: F.ctc_loss(log_probs, targets.tolist(), (4, 4), (2, 2)))
attempt(lambda: F.ctc_loss(log_probs, targets, (4, 4), (2, 2), zero_infinity=1))
attempt(lambda: F.ctc_loss(torch.empty(0, 2, 3), targets, (0, 0), (2, 2)))
print(torch.ctc_loss(log_probs, targets, (4, 4), (2, 2)))
print(torch.ctc_loss(log_probs, targets, input_lengths, target_lengths, 0, 1))
print(torch.ctc_loss(log_probs, targets, (4, 4), (2, 2), reduction=2, zero_infinity=True))
