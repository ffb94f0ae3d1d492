# Imitates MoCo's official builder (facebookresearch/moco moco/builder.py) and the "MoCo from scratch" notebooks:
# a query encoder and a key encoder copied from it with param_k.data.copy_ / requires_grad = False, the momentum
# update param_k.data = param_k.data * m + param_q.data * (1 - m) under no_grad, a queue kept as a registered
# buffer normalised along dim 0, _dequeue_and_enqueue with a long queue_ptr buffer and slice assignment, the
# positive / negative logits with einsum, labels of zeros and cross_entropy, and a few mistakes learners make.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

class MoCo(nn.Module):
    def __init__(self, dim=8, K=12, m=0.99, T=0.07):
        super().__init__()
        self.K, self.m, self.T = K, m, T
        self.encoder_q = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, dim))
        self.encoder_k = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, dim))
        for param_q, param_k in zip(self.encoder_q.parameters(), self.encoder_k.parameters()):
            param_k.data.copy_(param_q.data)
            param_k.requires_grad = False
        self.register_buffer("queue", torch.randn(dim, K))
        self.queue = nn.functional.normalize(self.queue, dim=0)
        self.register_buffer("queue_ptr", torch.zeros(1, dtype=torch.long))

    @torch.no_grad()
    def _momentum_update_key_encoder(self):
        for param_q, param_k in zip(self.encoder_q.parameters(), self.encoder_k.parameters()):
            param_k.data = param_k.data * self.m + param_q.data * (1.0 - self.m)

    @torch.no_grad()
    def _dequeue_and_enqueue(self, keys):
        batch_size = keys.shape[0]
        ptr = int(self.queue_ptr)
        assert self.K % batch_size == 0
        self.queue[:, ptr:ptr + batch_size] = keys.T
        ptr = (ptr + batch_size) % self.K
        self.queue_ptr[0] = ptr

    def forward(self, im_q, im_k):
        q = nn.functional.normalize(self.encoder_q(im_q), dim=1)
        with torch.no_grad():
            self._momentum_update_key_encoder()
            k = nn.functional.normalize(self.encoder_k(im_k), dim=1)
        l_pos = torch.einsum("nc,nc->n", [q, k]).unsqueeze(-1)
        l_neg = torch.einsum("nc,ck->nk", [q, self.queue.clone().detach()])
        logits = torch.cat([l_pos, l_neg], dim=1)
        logits /= self.T
        labels = torch.zeros(logits.shape[0], dtype=torch.long)
        self._dequeue_and_enqueue(k)
        return logits, labels

model = MoCo()
print(model.queue.shape, model.queue.norm(dim=0)[:4], model.queue_ptr, model.queue_ptr.dtype)
print([n for n, _ in model.named_buffers()])
print(sum(p.numel() for p in model.parameters() if p.requires_grad), sum(p.numel() for p in model.parameters()))

# %%
x = torch.randn(4, 6)
im_q, im_k = x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)
logits, labels = model(im_q, im_k)
print(logits.shape, logits.grad_fn, labels)
loss = F.cross_entropy(logits, labels)
print(loss)
loss.backward()
print(model.encoder_q[0].weight.grad.norm(), model.encoder_k[0].weight.grad)
print(model.queue_ptr, model.queue[:, :4].norm(dim=0))
acc = (logits.argmax(dim=1) == labels).float().mean()
print(acc, logits.topk(3, dim=1).indices)

# %%
optimizer = torch.optim.SGD(model.encoder_q.parameters(), lr=0.03, momentum=0.9, weight_decay=1e-4)
for step in range(4):
    x = torch.randn(4, 6)
    logits, labels = model(x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x))
    loss = F.cross_entropy(logits, labels)
    optimizer.zero_grad()
    loss.backward()
    gn = torch.norm(torch.stack([p.grad.norm(2) for p in model.encoder_q.parameters()]), 2)
    optimizer.step()
    print(step, round(loss.item(), 4), f"{gn.item():.4f}", int(model.queue_ptr))
diff = sum((pq - pk).abs().sum() for pq, pk in zip(model.encoder_q.parameters(), model.encoder_k.parameters()))
print(diff)

# %%
# a queue as a plain tensor, FIFO with torch.cat and slicing (the "simpler" MoCo in blog posts)
queue = F.normalize(torch.randn(10, 8), dim=1)
k = F.normalize(torch.randn(4, 8), dim=1)
queue = torch.cat([k, queue], dim=0)[:10]
print(queue.shape, queue.is_contiguous(), (queue[:4] == k).all())
q = F.normalize(torch.randn(4, 8, requires_grad=True), dim=1)
l_pos = (q * k).sum(dim=1, keepdim=True)
l_neg = q @ queue.T
logits = torch.cat([l_pos, l_neg], dim=1) / 0.2
print(logits.shape, F.cross_entropy(logits, torch.zeros(4, dtype=torch.long)))

# %%
# the mistakes: a key batch that does not fit, a float label tensor, an in-place update on a leaf
try:
    model.queue[:, 8:8 + 6] = torch.randn(6, 8).T
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cross_entropy(logits, torch.zeros(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.cross_entropy(logits, torch.zeros(4, dtype=torch.int32))
except Exception as e:
    print(type(e).__name__, e)
p = nn.Linear(2, 2).weight
try:
    p.mul_(0.99).add_(0.01 * torch.ones(2, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.einsum("nc,ck->nk", q, torch.randn(6, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    int(torch.zeros(2, dtype=torch.long))
except Exception as e:
    print(type(e).__name__, e)

# %%
# MoCo's concat_all_gather run in a notebook, without a process group; the guarded version blog posts use
import torch.distributed as dist

@torch.no_grad()
def concat_all_gather(tensor):
    tensors_gather = [torch.ones_like(tensor) for _ in range(torch.distributed.get_world_size())]
    torch.distributed.all_gather(tensors_gather, tensor, async_op=False)
    return torch.cat(tensors_gather, dim=0)

print(dist.is_available(), torch.distributed.is_initialized(), dist.ReduceOp.SUM)
try:
    concat_all_gather(k)
except Exception as e:
    print(type(e).__name__, e)

def gather_if_distributed(t):
    if dist.is_available() and dist.is_initialized():
        return concat_all_gather(t)
    return t

print(gather_if_distributed(k).shape)
