"""What the hundred-and-forty-sixth probe (self-supervised and contrastive learning: MoCo's queue and momentum
encoder, SwAV's Sinkhorn assignments, DINO's centering, SupCon / InfoNCE, entropic OT, Switch / Mixtral mixtures of
experts) found, each checked against PyTorch: torch.distributed was missing, so that the code these projects ship
(MoCo's concat_all_gather, SwAV's dist.all_reduce(sum_Q), CLIP's gather_features guarded by is_initialized())
failed at `import torch.distributed` in a notebook. In a process that started no process group it is available
and not initialized, its collectives and group queries raise PyTorch's ValueError, all_gather_into_tensor warns
its deprecation first, and ReduceOp / group.WORLD read as PyTorch's."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "distributed_without_a_process_group": [
        ATTEMPT + '''import torch.distributed as dist
print(dist.is_available(), dist.is_initialized(), torch.distributed.is_initialized())
print(dist.is_gloo_available(), dist.is_nccl_available(), dist.is_mpi_available(), dist.is_torchelastic_launched())
t = torch.ones(2)
for make in [dist.get_rank, dist.get_world_size, dist.get_backend, dist.barrier, dist.new_group,
             lambda: dist.all_reduce(t), lambda: dist.all_reduce(t, op=dist.ReduceOp.MAX),
             lambda: dist.all_gather([torch.zeros(2)], t), lambda: dist.broadcast(t, 0), lambda: dist.reduce(t, 0),
             lambda: dist.gather(t), lambda: dist.scatter(t), lambda: dist.send(t, 1), lambda: dist.recv(t),
             lambda: dist.all_gather_object([None], 1), lambda: dist.broadcast_object_list([1])]:
    attempt(make)
print(dist.get_rank.__name__, dist.all_reduce.__name__)
''',
        ATTEMPT + '''import warnings
import torch.distributed as dist
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    attempt(lambda: dist.all_gather_into_tensor(torch.zeros(2), torch.ones(2)))
print([(x.category.__name__, str(x.message)) for x in w])
print(dist.ReduceOp.SUM, repr(dist.ReduceOp.MAX), list(dist.ReduceOp.RedOpType.__members__),
      int(dist.ReduceOp.AVG), dist.group.WORLD, dist.GroupMember.WORLD)
''',
    ],
    "contrastive_gathers_in_one_process": [
        ATTEMPT + '''import torch.nn.functional as F
torch.manual_seed(0)
k = F.normalize(torch.randn(4, 8), dim=1)

@torch.no_grad()
def concat_all_gather(tensor):
    tensors_gather = [torch.ones_like(tensor) for _ in range(torch.distributed.get_world_size())]
    torch.distributed.all_gather(tensors_gather, tensor, async_op=False)
    return torch.cat(tensors_gather, dim=0)

attempt(lambda: concat_all_gather(k))

def gather_features(image_features, text_features):
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        return concat_all_gather(image_features), concat_all_gather(text_features)
    return image_features, text_features

img, txt = gather_features(k, k.flip(0))
print(img.shape, F.cross_entropy(img @ txt.T / 0.07, torch.arange(4)))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe146_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe146/{name}", warns="per_cell")
