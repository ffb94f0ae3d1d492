"""torch.utils.data's samplers, drawing PyTorch's numbers: RandomSampler (a fresh generator
seeded by one draw of the default one, then randperm, or randint in chunks of 32 with replacement),
SubsetRandomSampler, WeightedRandomSampler (multinomial over float64 weights), SequentialSampler, BatchSampler."""
import itertools
import typing

from ....engine import arg_parser, creation, dtypes, random
from ...rng import Generator

_T_co = typing.TypeVar("_T_co", covariant=True)


def _default_generator():
    return random.default_generator


def _draw_seed(generator):
    """torch.empty((), dtype=torch.int64).random_(generator=...).item(): random64() modulo 2**63."""
    arg_parser.check_generator("random_", generator)   # (DataLoader(generator=5): random_()'s TypeError)
    impl = random.generator_of(generator)
    return int(impl._r64(1)[0]) % (1 << 63)


class Sampler(typing.Generic[_T_co]):
    """Base class: __iter__ yields dataset indices (and __len__ says how many). As PyTorch's since 2.2 it takes
    no data_source: an old subclass's ``super().__init__(data_source)`` fails."""
    __module__ = "torch.utils.data.sampler"

    def __iter__(self):
        raise NotImplementedError


class SequentialSampler(Sampler):
    __module__ = "torch.utils.data.sampler"

    def __init__(self, data_source):
        self.data_source = data_source

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


_REFUSED = {}   # (arg_parser.refusal's cache of parsed signatures)


def _drawing(name, args, kwargs, generator):
    """generator, checked as torch.randperm / torch.randint's parser checks it (a sampler's generator=3), called
    with PyTorch's sampler's arguments (their order is in the message)."""
    if generator is not None and random.generator_of(generator) is None:
        error = arg_parser.refusal(name, arg_parser.FACTORIES[name], args, {**kwargs, "generator": generator},
                                   _REFUSED)
        if error is not None:
            raise error
    return generator


def _seeded(generator):
    """The generator a sampler draws from: its own, else a new one seeded from one draw of the default one."""
    if generator is not None:
        return generator
    return Generator().manual_seed(_draw_seed(None))


class RandomSampler(Sampler):
    __module__ = "torch.utils.data.sampler"

    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        self.data_source, self.replacement, self._num_samples, self.generator = (data_source, replacement,
                                                                                 num_samples, generator)
        if not isinstance(self.replacement, bool):
            raise TypeError(f"replacement should be a boolean value, but got replacement={self.replacement}")
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got "
                             f"num_samples={self.num_samples}")

    @property
    def num_samples(self):
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self):
        n = len(self.data_source)
        gen = _seeded(self.generator)
        if self.replacement:
            _drawing("randint", (), {"high": n, "size": (32,), "dtype": dtypes.int64}, gen)
        else:
            _drawing("randperm", (n,), {}, gen)
        if self.replacement:
            for _ in range(self.num_samples // 32):
                yield from creation.randint(high=n, size=(32,), dtype=dtypes.int64, generator=gen).tolist()
            # the rest is drawn even when there is none, as PyTorch does (it moves the generator on)
            yield from creation.randint(high=n, size=(self.num_samples % 32,), dtype=dtypes.int64,
                                        generator=gen).tolist()
            return
        for _ in range(self.num_samples // n):
            yield from creation.randperm(n, generator=gen).tolist()
        yield from creation.randperm(n, generator=gen).tolist()[:self.num_samples % n]

    def __len__(self):
        return self.num_samples


class SubsetRandomSampler(Sampler):
    __module__ = "torch.utils.data.sampler"

    def __init__(self, indices, generator=None):
        self.indices, self.generator = indices, generator

    def __iter__(self):
        _drawing("randperm", (len(self.indices),), {}, self.generator)
        for i in creation.randperm(len(self.indices), generator=self.generator).tolist():
            yield self.indices[i]

    def __len__(self):
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    __module__ = "torch.utils.data.sampler"

    def __init__(self, weights, num_samples, replacement=True, generator=None):
        if not isinstance(num_samples, int) or isinstance(num_samples, bool) or num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got num_samples={num_samples}")
        if not isinstance(replacement, bool):
            raise ValueError(f"replacement should be a boolean value, but got replacement={replacement}")
        weights = creation.as_tensor(weights, dtype=dtypes.float64)
        if weights.ndim != 1:
            raise ValueError(f"weights should be a 1d sequence but given weights have shape {tuple(weights.shape)}")
        self.weights, self.num_samples, self.replacement, self.generator = weights, num_samples, replacement, generator

    def __iter__(self):
        drawn = creation.multinomial(self.weights, self.num_samples, self.replacement, generator=self.generator)
        yield from iter(drawn.tolist())

    def __len__(self):
        return self.num_samples


class BatchSampler(Sampler):
    __module__ = "torch.utils.data.sampler"

    def __init__(self, sampler, batch_size, drop_last):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError(f"batch_size should be a positive integer value, but got batch_size={batch_size}")
        if not isinstance(drop_last, bool):
            raise ValueError(f"drop_last should be a boolean value, but got drop_last={drop_last}")
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def __iter__(self):
        it = iter(self.sampler)
        while True:
            batch = list(itertools.islice(it, self.batch_size))
            if not batch or (self.drop_last and len(batch) < self.batch_size):
                return
            yield batch

    def __len__(self):
        n = len(self.sampler)
        return n // self.batch_size if self.drop_last else (n + self.batch_size - 1) // self.batch_size


__all__ = ["Sampler", "SequentialSampler", "RandomSampler", "SubsetRandomSampler", "WeightedRandomSampler",
           "BatchSampler"]
