# Imitates MachineLearningMastery's "Loss Functions in PyTorch Models" and the GeeksforGeeks / Real Python loss
# function round-ups: L1Loss, MSELoss, HuberLoss (delta) and SmoothL1Loss (beta), BCELoss, BCEWithLogitsLoss
# (pos_weight), CrossEntropyLoss with label_smoothing, class weights and ignore_index, NLLLoss, KLDivLoss with
# log_target and reduction='mean' vs 'batchmean', MarginRankingLoss, TripletMarginLoss, CosineEmbeddingLoss,
# HingeEmbeddingLoss, PoissonNLLLoss, GaussianNLLLoss; each printed with its repr, its value and a gradient.
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(0)
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
for loss in [nn.L1Loss(), nn.MSELoss(), nn.MSELoss(reduction='sum'), nn.L1Loss(reduction='none'),
             nn.HuberLoss(), nn.HuberLoss(delta=0.5), nn.SmoothL1Loss(), nn.SmoothL1Loss(beta=0.5),
             nn.SmoothL1Loss(beta=0.0)]:
    output = loss(input, target)
    print(loss, output.shape, output.grad_fn.name())
    output.sum().backward()
    print(input.grad[0])
    input.grad = None

# %%
print(nn.HuberLoss(delta=2.0).delta, nn.SmoothL1Loss(beta=0.3).beta, nn.MSELoss().reduction)
print(repr(nn.HuberLoss(reduction='sum', delta=0.5)), repr(nn.SmoothL1Loss(beta=0.5)))
try:
    nn.SmoothL1Loss(beta=-1.0)(input, target)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.HuberLoss(delta=0.0)(input, target)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.MSELoss(reduction='avg')(input, target)
except Exception as e:
    print(type(e).__name__, e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(nn.MSELoss()(input, target[0]))
    print(nn.L1Loss()(input[:, :1], target))
print([str(x.message) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(nn.MSELoss(size_average=False))
    print(nn.L1Loss(reduce=False))
print([str(x.message) for x in w])

# %%
m = nn.Sigmoid()
loss = nn.BCELoss()
input = torch.randn(3, 2, requires_grad=True)
target = torch.rand(3, 2)
output = loss(m(input), target)
output.backward()
print(output, input.grad)
loss = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0, 0.5]))
print(loss, loss.pos_weight, loss.weight)
print(loss(input, target))
print(nn.BCEWithLogitsLoss(weight=torch.tensor([1.0, 3.0]), reduction='none')(input, target))
print(nn.BCELoss(weight=torch.tensor([1.0, 3.0]))(m(input), target))
try:
    nn.BCELoss()(input, target)
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCEWithLogitsLoss()(input, target.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BCEWithLogitsLoss()(input, target[:, :1])
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
logits = torch.randn(4, 3, requires_grad=True)
labels = torch.tensor([0, 2, 1, 2])
probs = torch.softmax(torch.randn(4, 3), dim=1)
weights = torch.tensor([1.0, 2.0, 0.5])
for loss in [nn.CrossEntropyLoss(), nn.CrossEntropyLoss(label_smoothing=0.1), nn.CrossEntropyLoss(weight=weights),
             nn.CrossEntropyLoss(weight=weights, label_smoothing=0.2), nn.CrossEntropyLoss(ignore_index=2),
             nn.CrossEntropyLoss(reduction='sum', label_smoothing=0.05)]:
    try:
        print(loss, loss(logits, labels), loss(logits, probs))
    except RuntimeError as e:
        print(loss, loss(logits, labels), "RuntimeError", e)
print(nn.CrossEntropyLoss(reduction='none', label_smoothing=0.1, weight=weights)(logits, labels))
print(nn.CrossEntropyLoss(reduction='none', label_smoothing=0.1, weight=weights)(logits, probs))
print(nn.CrossEntropyLoss(ignore_index=0, label_smoothing=0.3, weight=weights)(logits, labels))
print(nn.CrossEntropyLoss(ignore_index=2)(logits, torch.tensor([2, 2, 2, 2])))
loss = nn.CrossEntropyLoss(weight=weights, label_smoothing=0.1)(logits, labels)
loss.backward()
print(logits.grad)

# %%
for bad in [lambda: nn.CrossEntropyLoss(label_smoothing=1.5)(logits, labels),
            lambda: nn.CrossEntropyLoss(label_smoothing=-0.1)(logits, labels),
            lambda: nn.CrossEntropyLoss()(logits, labels.float()),
            lambda: nn.CrossEntropyLoss()(logits, torch.tensor([0, 3, 1, 2])),
            lambda: nn.CrossEntropyLoss(weight=torch.ones(2))(logits, labels),
            lambda: nn.CrossEntropyLoss()(logits, labels[:3]),
            lambda: nn.CrossEntropyLoss()(logits, probs[:, :2]),
            lambda: nn.CrossEntropyLoss(ignore_index=1)(logits, probs),
            lambda: nn.NLLLoss()(logits, labels.int()),
            lambda: nn.NLLLoss()(logits, probs)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
m = nn.LogSoftmax(dim=1)
loss = nn.NLLLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.tensor([1, 0, 4])
output = loss(m(input), target)
output.backward()
print(output, input.grad.sum(1))
print(nn.NLLLoss(weight=torch.arange(1., 6.), reduction='none')(m(input), target))
print(nn.NLLLoss(weight=torch.arange(1., 6.))(m(input), target), nn.NLLLoss(ignore_index=4)(m(input), target))

# %%
kl_loss = nn.KLDivLoss(reduction="batchmean")
input = F.log_softmax(torch.randn(3, 5, requires_grad=True), dim=1)
target = F.softmax(torch.rand(3, 5), dim=1)
output = kl_loss(input, target)
print(output)
kl_loss = nn.KLDivLoss(reduction="batchmean", log_target=True)
log_target = F.log_softmax(torch.rand(3, 5), dim=1)
print(kl_loss(input, log_target), kl_loss)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(nn.KLDivLoss()(input, target))
    print(nn.KLDivLoss(reduction='mean', log_target=True)(input, log_target))
    print(F.kl_div(input, target, reduction='mean'))
print([(x.category.__name__, str(x.message)) for x in w])
print(nn.KLDivLoss(reduction='sum')(input, target), nn.KLDivLoss(reduction='none')(input, target).shape)
print(F.kl_div(input, torch.zeros(3, 5), reduction='sum'))

# %%
input1 = torch.randn(3, requires_grad=True)
input2 = torch.randn(3, requires_grad=True)
target = torch.randn(3).sign()
loss = nn.MarginRankingLoss(margin=0.5)
output = loss(input1, input2, target)
output.backward()
print(loss, output, input1.grad, input2.grad)
triplet_loss = nn.TripletMarginLoss(margin=1.0, p=2)
anchor = torch.randn(4, 6, requires_grad=True)
positive = torch.randn(4, 6, requires_grad=True)
negative = torch.randn(4, 6, requires_grad=True)
output = triplet_loss(anchor, positive, negative)
output.backward()
print(triplet_loss, output, anchor.grad[0])
print(nn.TripletMarginLoss(margin=0.5, p=1, swap=True, reduction='none')(anchor, positive, negative))
print(nn.TripletMarginWithDistanceLoss(distance_function=nn.PairwiseDistance())(anchor, positive, negative))

# %%
cos = nn.CosineEmbeddingLoss(margin=0.2)
y = torch.tensor([1, -1, 1, -1])
print(cos, cos(anchor, positive, y), nn.CosineEmbeddingLoss(reduction='none')(anchor, positive, y))
hinge = nn.HingeEmbeddingLoss(margin=2.0)
print(hinge, hinge(anchor, torch.ones(4, 6).sign() * -1), hinge(anchor[:, 0], y.float()))
for bad in [lambda: cos(anchor, positive, torch.tensor([1, 0, 1, -1])),
            lambda: cos(anchor, positive[:3], y),
            lambda: nn.MarginRankingLoss()(input1, input2[:2], target),
            lambda: triplet_loss(anchor, positive, negative[:, :5])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
loss = nn.PoissonNLLLoss()
log_input = torch.randn(5, 2, requires_grad=True)
target = torch.randn(5, 2).abs().round()
output = loss(log_input, target)
output.backward()
print(loss, output, log_input.grad[0])
print(nn.PoissonNLLLoss(log_input=False, full=True)(log_input.exp(), target))
print(nn.PoissonNLLLoss(full=True, reduction='none')(log_input, target)[:2])
loss = nn.GaussianNLLLoss()
input = torch.randn(5, 2, requires_grad=True)
target = torch.randn(5, 2)
var = torch.ones(5, 2, requires_grad=True)
output = loss(input, target, var)
output.backward()
print(loss, output, var.grad[0])
print(nn.GaussianNLLLoss(full=True, eps=1e-3)(input, target, torch.ones(5, 1)))
print(nn.GaussianNLLLoss(reduction='sum')(input, target, torch.full((5,), 0.5)))
for bad in [lambda: loss(input, target, -var), lambda: loss(input, target, torch.ones(5, 3)),
            lambda: loss(input, target, torch.ones(4, 2)), lambda: nn.GaussianNLLLoss(reduction='x')(input, target, var)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
