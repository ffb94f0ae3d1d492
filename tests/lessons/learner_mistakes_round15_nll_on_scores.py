# NLLLoss / CrossEntropyLoss fed the wrong thing, as in the Stack Overflow questions '"nll_loss_out_frame" not
# implemented for Long' and 'expected scalar type Long but found Float': predictions after argmax (integer class
# ids) passed as the input, one-hot labels cast to int, a segmentation mask model's output rounded to integers, and
# the fixes (log_softmax scores in, integer class ids as the target).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(5, 4, requires_grad=True)
labels = torch.tensor([1, 0, 3, 3, 2])
preds = logits.argmax(dim=1)
one_hot = F.one_hot(labels, 4)
for inp, target in [(one_hot, labels), (preds.unsqueeze(1).expand(5, 4), labels), (one_hot.int(), labels),
                    (one_hot.bool(), labels), (one_hot, labels.byte()), (one_hot, torch.tensor([1, 0, 9, 3, 2]))]:
    try:
        print(nn.NLLLoss()(inp, target))
    except Exception as e:
        print(type(e).__name__, e)
for weight in [torch.ones(4), torch.ones(3)]:
    try:
        F.nll_loss(one_hot, labels, weight=weight)
    except Exception as e:
        print(type(e).__name__, e)
try:
    nn.CrossEntropyLoss()(one_hot, labels)
except Exception as e:
    print(type(e).__name__, e)
loss = nn.NLLLoss()(F.log_softmax(logits, dim=1), labels)
loss.backward()
print(loss, logits.grad[0])

# %%
masks = torch.randint(0, 3, (2, 4, 4))
out = torch.randn(2, 3, 4, 4)
for inp, target in [(out.round().long(), masks), (out.int(), masks.byte()), (out.int(), masks + 5),
                    (out.round().long(), masks.float())]:
    try:
        print(F.nll_loss(inp, target))
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.cross_entropy(out.long(), masks)
except Exception as e:
    print(type(e).__name__, e)
print(F.nll_loss(F.log_softmax(out, 1), masks), F.nll_loss(out.log_softmax(1).half(), masks))
seq = torch.randn(2, 3, 5)
try:
    F.nll_loss(seq.long(), torch.zeros(2, 5, dtype=torch.long))
except Exception as e:
    print(type(e).__name__, e)
print(F.nll_loss(seq.log_softmax(1), torch.zeros(2, 5, dtype=torch.long)))
