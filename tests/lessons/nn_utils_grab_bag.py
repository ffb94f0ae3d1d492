# Imitates a "torch.nn.utils you should know" post: parameters_to_vector / vector_to_parameters, clip_grad_value_,
# clip_grad_norm_ with error_if_nonfinite and foreach, get_total_norm / clip_grads_with_norm_, skip_init, and
# fusing conv + batchnorm for inference.
import torch
import torch.nn as nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters, clip_grad_norm_, clip_grad_value_

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
vec = parameters_to_vector(net.parameters())
print(vec.shape, vec[:4])
vector_to_parameters(torch.arange(vec.numel(), dtype=torch.float32), net.parameters())
print(net[2].bias, net[0].weight[0])
try:
    vector_to_parameters(torch.zeros(3), net.parameters())
except Exception as e:
    print(type(e).__name__, e)

# %%
net(torch.randn(5, 3)).pow(2).sum().backward()
print([p.grad.abs().max().item() for p in net.parameters()])
clip_grad_value_(net.parameters(), clip_value=10.0)
print([p.grad.abs().max().item() for p in net.parameters()])
total = clip_grad_norm_(net.parameters(), max_norm=1.0, norm_type=2.0)
print(total, parameters_to_vector(p.grad for p in net.parameters()).norm())

# %%
grads = [p.grad for p in net.parameters()]
tn = torch.nn.utils.get_total_norm(grads, norm_type=float('inf'))
print(tn)
torch.nn.utils.clip_grads_with_norm_(net.parameters(), max_norm=0.5, total_norm=tn)
print(parameters_to_vector(p.grad for p in net.parameters()).abs().max())
net[0].weight.grad[0, 0] = float('nan')
try:
    clip_grad_norm_(net.parameters(), 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print(e)
print(clip_grad_norm_(net.parameters(), 1.0))

# %%
lin = torch.nn.utils.skip_init(nn.Linear, 3, 2)
print(lin, lin.weight.shape)
conv = nn.Conv2d(2, 4, 3, bias=False)
bn = nn.BatchNorm2d(4)
bn.running_mean.uniform_(-0.5, 0.5); bn.running_var.uniform_(0.5, 1.5)
conv.eval(); bn.eval()
fused = torch.nn.utils.fusion.fuse_conv_bn_eval(conv, bn)
img = torch.randn(1, 2, 5, 5)
print(fused, torch.allclose(fused(img), bn(conv(img)), atol=1e-5))
print(fused.bias)

# %%
lin = nn.Linear(3, 2); bn1 = nn.BatchNorm1d(2)
bn1.running_mean.fill_(0.3); lin.eval(); bn1.eval()
fl = torch.nn.utils.fusion.fuse_linear_bn_eval(lin, bn1)
xx = torch.randn(4, 3)
print(torch.allclose(fl(xx), bn1(lin(xx)), atol=1e-6))
print(sum(p.numel() for p in fl.parameters()), fl.weight.requires_grad)
