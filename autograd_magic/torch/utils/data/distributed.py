"""torch.utils.data.distributed: DistributedSampler, the share of a dataset one of num_replicas processes reads
(DDP tutorials). Given num_replicas and rank it works in one process, as PyTorch's: every rank draws the same
permutation (a fresh generator seeded with seed + epoch), pads it by repeating its start (or cuts it, drop_last) to a
multiple of num_replicas, and takes every num_replicas-th index from its rank. Without them it asks torch.distributed
for the default group, which a notebook has not started: PyTorch's error."""
import math

from ....engine import creation
from ... import distributed as dist
from ...rng import Generator
from .sampler import Sampler

__all__ = ["DistributedSampler"]


class DistributedSampler(Sampler):
    """The indices of rank ``rank`` of ``num_replicas``: ``set_epoch(e)`` before each epoch changes the shuffle.

    Example::

        >>> sampler = DistributedSampler(range(10), num_replicas=3, rank=1, shuffle=False)
        >>> list(sampler)
        [1, 4, 7, 0]
    """
    __module__ = "torch.utils.data.distributed"

    def __init__(self, dataset, num_replicas=None, rank=None, shuffle=True, seed=0, drop_last=False):
        if num_replicas is None:
            num_replicas = dist.get_world_size()
        if rank is None:
            rank = dist.get_rank()
        if rank >= num_replicas or rank < 0:
            raise ValueError(f"Invalid rank {rank}, rank should be in the interval [0, {num_replicas - 1}]")
        self.dataset, self.num_replicas, self.rank, self.epoch, self.drop_last = (dataset, num_replicas, rank, 0,
                                                                                  drop_last)
        n = len(dataset)
        if drop_last and n % num_replicas:
            self.num_samples = math.ceil((n - num_replicas) / num_replicas)   # (every rank as many as the least)
        else:
            self.num_samples = math.ceil(n / num_replicas)
        self.total_size = self.num_samples * num_replicas
        self.shuffle, self.seed = shuffle, seed

    def __iter__(self):
        n = len(self.dataset)
        if self.shuffle:
            gen = Generator()
            gen.manual_seed(self.seed + self.epoch)
            indices = creation.randperm(n, generator=gen).tolist()
        else:
            indices = list(range(n))
        if not self.drop_last:
            pad = self.total_size - len(indices)
            if pad <= len(indices):
                indices += indices[:pad]
            else:
                indices += (indices * math.ceil(pad / len(indices)))[:pad]
        else:
            indices = indices[:self.total_size]
        if len(indices) != self.total_size:
            raise AssertionError(f"Number of indices ({len(indices)}) does not match total_size ({self.total_size})")
        indices = indices[self.rank:self.total_size:self.num_replicas]
        if len(indices) != self.num_samples:
            raise AssertionError(f"Number of subsampled indices ({len(indices)}) does not match num_samples "
                                 f"({self.num_samples})")
        return iter(indices)

    def __len__(self):
        return self.num_samples

    def set_epoch(self, epoch):
        """The epoch whose permutation the next iteration draws (the same on every rank)."""
        self.epoch = epoch
