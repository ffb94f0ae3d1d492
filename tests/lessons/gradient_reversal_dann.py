# Imitates the domain-adaptation tutorials (DANN, "Unsupervised Domain Adaptation by Backpropagation" reference code,
# pytorch-domain-adaptation repos): a GradientReversal autograd.Function with ctx.alpha and grad_output.neg() * alpha,
# a nn.Module wrapper with extra_repr, the lambda schedule 2/(1+exp(-10p))-1, a feature extractor with label and
# domain heads, the combined loss and gradients that point the other way, and gradcheck of the reversal layer.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Function

# %%
class GradientReversalFunction(Function):
    @staticmethod
    def forward(ctx, x, alpha):
        ctx.alpha = alpha
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad_output):
        output = grad_output.neg() * ctx.alpha
        return output, None

class GradientReversal(nn.Module):
    def __init__(self, alpha=1.0):
        super().__init__()
        self.alpha = alpha
    def forward(self, x):
        return GradientReversalFunction.apply(x, self.alpha)
    def extra_repr(self):
        return f"alpha={self.alpha}"

x = torch.tensor([1., 2., 3.], requires_grad=True)
y = GradientReversalFunction.apply(x, 0.5)
print(y, y.grad_fn, y.grad_fn.name())
(y * torch.tensor([1., 10., 100.])).sum().backward()
print(x.grad)
print(GradientReversal(0.3))
y2 = GradientReversal(2.0)(x * 2)
y2.sum().backward()
x.grad, type(y.grad_fn).__name__, y.grad_fn.next_functions

# %%
torch.manual_seed(0)
feature_extractor = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU())
label_classifier = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 3))
discriminator = nn.Sequential(GradientReversal(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 1))
print(discriminator)
params = list(feature_extractor.parameters()) + list(label_classifier.parameters()) + list(discriminator.parameters())
optim = torch.optim.Adam(params, lr=1e-3)
print(len(params), sum(p.numel() for p in params))
source_x, source_y = torch.randn(16, 10), torch.randint(0, 3, (16,))
target_x = torch.randn(16, 10) + 1.0
x = torch.cat([source_x, target_x])
domain_y = torch.cat([torch.ones(source_x.shape[0]), torch.zeros(target_x.shape[0])])
features = feature_extractor(x)
domain_preds = discriminator(features).squeeze()
label_preds = label_classifier(features[:source_x.shape[0]])
domain_loss = F.binary_cross_entropy_with_logits(domain_preds, domain_y)
label_loss = F.cross_entropy(label_preds, source_y)
loss = domain_loss + label_loss
optim.zero_grad()
loss.backward()
optim.step()
domain_loss, label_loss, domain_preds.grad_fn

# %%
torch.manual_seed(0)
feat = torch.randn(4, 8, requires_grad=True)
head = nn.Linear(8, 1)
g_plain, = torch.autograd.grad(head(feat).sum(), feat)
g_rev, = torch.autograd.grad(head(GradientReversalFunction.apply(feat, 1.0)).sum(), feat)
print(torch.equal(g_plain, -g_rev))
feat64 = torch.randn(3, 4, dtype=torch.double, requires_grad=True)
print(torch.autograd.gradcheck(lambda t: GradientReversalFunction.apply(t, 1.0) * 0 + t, (feat64,)))
try:
    torch.autograd.gradcheck(lambda t: GradientReversalFunction.apply(t, 1.0), (feat64,))
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
g_plain[0]

# %%
epochs, batches_per_epoch = 3, 4
for epoch in range(epochs):
    for i in range(batches_per_epoch):
        p = float(i + epoch * batches_per_epoch) / (epochs * batches_per_epoch)
        alpha = 2. / (1. + np.exp(-10 * p)) - 1
        discriminator[0].alpha = alpha
        src_x, src_y = torch.randn(16, 10), torch.randint(0, 3, (16,))
        tgt_x = torch.randn(16, 10) + 1.0
        feats = feature_extractor(torch.cat([src_x, tgt_x]))
        dl = F.binary_cross_entropy_with_logits(discriminator(feats).squeeze(), domain_y)
        ll = F.cross_entropy(label_classifier(feats[:16]), src_y)
        optim.zero_grad()
        (dl + ll).backward()
        optim.step()
    print(f"epoch {epoch} alpha {alpha:.4f} ({type(alpha).__name__}) domain {dl.item():.4f} label {ll.item():.4f}")
discriminator

# %%
class RevGrad(Function):
    @staticmethod
    def forward(ctx, input_, alpha_):
        ctx.save_for_backward(input_, alpha_)
        output = input_
        return output
    @staticmethod
    def backward(ctx, grad_output):
        grad_input = None
        _, alpha_ = ctx.saved_tensors
        if ctx.needs_input_grad[0]:
            grad_input = -grad_output * alpha_
        return grad_input, None

a = torch.tensor([2.0, -1.0], requires_grad=True)
out = RevGrad.apply(a, torch.tensor(0.5))
print(out is a, out, out.grad_fn)
out.pow(2).sum().backward()
a.grad
