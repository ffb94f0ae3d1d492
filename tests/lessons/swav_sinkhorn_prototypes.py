# Imitates SwAV's official training code (facebookresearch/swav main_swav.py and src/resnet50.py): a projection
# head and a prototypes layer nn.Linear(bias=False) whose weights are L2-normalised under no_grad with
# weight.data.clone() / copy_, distributed_sinkhorn (Q = exp(out / eps).t(), alternately normalised rows and
# columns), the swapped-prediction loss -sum(q * log_softmax(p / T)), freezing the prototypes for the first
# iterations by setting their grad to None, a feature queue filled with torch.cat and slicing, and the
# dist.all_reduce of sum_Q run without a process group.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class SwAVHead(nn.Module):
    def __init__(self, d_in=6, d_out=8, nmb_prototypes=5):
        super().__init__()
        self.projection_head = nn.Sequential(nn.Linear(d_in, 16), nn.BatchNorm1d(16), nn.ReLU(inplace=True),
                                             nn.Linear(16, d_out))
        self.prototypes = nn.Linear(d_out, nmb_prototypes, bias=False)

    def forward(self, x):
        x = self.projection_head(x)
        x = nn.functional.normalize(x, dim=1, p=2)
        return x, self.prototypes(x)

model = SwAVHead()
print(model)
with torch.no_grad():
    w = model.prototypes.weight.data.clone()
    w = nn.functional.normalize(w, dim=1, p=2)
    model.prototypes.weight.copy_(w)
print(model.prototypes.weight.norm(dim=1))

# %%
@torch.no_grad()
def distributed_sinkhorn(out, epsilon=0.05, sinkhorn_iterations=3):
    Q = torch.exp(out / epsilon).t()
    B = Q.shape[1]
    K = Q.shape[0]
    sum_Q = torch.sum(Q)
    Q /= sum_Q
    for it in range(sinkhorn_iterations):
        sum_of_rows = torch.sum(Q, dim=1, keepdim=True)
        Q /= sum_of_rows
        Q /= K
        Q /= torch.sum(Q, dim=0, keepdim=True)
        Q /= B
    Q *= B
    return Q.t()

x = torch.randn(8, 6)
crops = [x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)]
inputs = torch.cat(crops)
embedding, output = model(inputs)
print(embedding.shape, output.shape, output.grad_fn)
bs = 8
q = distributed_sinkhorn(output.detach()[:bs])
print(q.requires_grad, q.shape, q.sum(dim=1), q.sum(dim=0))
print(q.argmax(dim=1), torch.bincount(q.argmax(dim=1), minlength=5))

# %%
temperature = 0.1
crops_for_assign = [0, 1]
loss = 0
for i, crop_id in enumerate(crops_for_assign):
    with torch.no_grad():
        out = output[bs * crop_id: bs * (crop_id + 1)].detach()
        q = distributed_sinkhorn(out)[-bs:]
    subloss = 0
    for v in [v for v in range(2) if v != crop_id]:
        x_ = output[bs * v: bs * (v + 1)] / temperature
        subloss -= torch.mean(torch.sum(q * F.log_softmax(x_, dim=1), dim=1))
    loss += subloss / (len(crops) - 1)
loss /= len(crops_for_assign)
print(loss, type(loss))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
optimizer.zero_grad()
loss.backward()
iteration, freeze_prototypes_niters = 0, 1
if iteration < freeze_prototypes_niters:
    for name, p in model.named_parameters():
        if "prototypes" in name:
            p.grad = None
print([(n, None if p.grad is None else round(p.grad.norm().item(), 4)) for n, p in model.named_parameters()])
optimizer.step()
print(model.prototypes.weight.norm(dim=1))

# %%
# a feature queue: used once it is full (queue[i, bs:] = queue[i, :-bs].clone(), then the new features)
queue = torch.zeros(2, 16, 8)
use_the_queue = False
for step in range(3):
    x = torch.randn(8, 6)
    embedding, output = model(torch.cat([x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)]))
    embedding = embedding.detach()
    with torch.no_grad():
        out = output[:bs].detach()
        if queue is not None:
            if use_the_queue or not torch.all(queue[0, -1, :] == 0):
                use_the_queue = True
                out = torch.cat((torch.mm(queue[0], model.prototypes.weight.t()), out))
            queue[0, bs:] = queue[0, :-bs].clone()
            queue[0, :bs] = embedding[:bs]
        q = distributed_sinkhorn(out)[-bs:]
    print(step, use_the_queue, out.shape, q.shape, (queue[0].abs().sum(dim=1) > 0).sum())

# %%
# entropy of the assignments, and what a too-small epsilon does to exp (overflow to inf, then nan)
def entropy(p):
    return -(p * torch.log(p + 1e-12)).sum(dim=1).mean()
print(entropy(distributed_sinkhorn(output.detach()[:bs], epsilon=0.5)),
      entropy(distributed_sinkhorn(output.detach()[:bs], epsilon=0.05)))
bad = distributed_sinkhorn(output.detach()[:bs] * 100, epsilon=0.01)
print(torch.isnan(bad).any(), torch.isinf(torch.exp(output.detach()[:bs] * 100 / 0.01)).sum())
try:
    distributed_sinkhorn(output[:bs])
except Exception as e:
    print(type(e).__name__, e)
try:
    model.prototypes.weight.copy_(w)
except Exception as e:
    print(type(e).__name__, e)

# %%
# the official distributed_sinkhorn calls dist.all_reduce(sum_Q): run in one process without init_process_group
import torch.distributed as dist

@torch.no_grad()
def official_sinkhorn(out, epsilon=0.05, sinkhorn_iterations=3):
    Q = torch.exp(out / epsilon).t()
    B = Q.shape[1] * dist.get_world_size()
    K = Q.shape[0]
    sum_Q = torch.sum(Q)
    dist.all_reduce(sum_Q)
    Q /= sum_Q
    return Q.t()

try:
    official_sinkhorn(output.detach()[:bs])
except Exception as e:
    print(type(e).__name__, e)
try:
    dist.all_reduce(torch.ones(2), op=dist.ReduceOp.SUM)
except Exception as e:
    print(type(e).__name__, e)
print(dist.is_initialized(), repr(dist.ReduceOp.MAX))
