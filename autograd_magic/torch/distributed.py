"""torch.distributed in a process that started no process group (a notebook running MoCo's concat_all_gather,
SwAV's distributed_sinkhorn or CLIP's gather_features as copied): the package is available, no default group is
initialized, and each collective or query of the group raises PyTorch's error; init_process_group is not part of
the engine."""
import enum as _enum
import warnings as _warnings

from ._stubs import failing as _failing


def is_available():
    return True


def is_initialized():
    return False


def is_gloo_available():
    return True


def is_nccl_available():
    return False


def is_mpi_available():
    return False


def is_torchelastic_launched():
    return False


class RedOpType(_enum.IntEnum):
    """The reduction of a collective (its repr is PyTorch's, ``<RedOpType.SUM: 0>``)."""
    SUM = 0
    AVG = 1
    PRODUCT = 2
    MIN = 3
    MAX = 4
    BAND = 5
    BOR = 6
    BXOR = 7
    PREMUL_SUM = 8

    def __str__(self):
        return f"RedOpType.{self.name}"


class ReduceOp:
    """dist.ReduceOp.SUM and its siblings."""
    RedOpType = RedOpType


for _op in RedOpType:
    setattr(ReduceOp, _op.name, _op)


class group:
    WORLD = None


class GroupMember:
    WORLD = None
    NON_GROUP_MEMBER = -100


def _not_initialized(name):
    raise ValueError("Default process group has not been initialized, please make sure to call init_process_group.")


# the calls that first look the default group up (each fails the same way without one)
_COLLECTIVES = ("get_rank", "get_world_size", "get_backend", "new_group", "all_reduce", "all_gather", "broadcast",
                "reduce", "gather", "scatter", "all_to_all", "send", "recv", "isend", "irecv", "barrier",
                "monitored_barrier", "all_gather_object", "broadcast_object_list", "gather_object",
                "scatter_object_list")
globals().update(_failing("torch.distributed", _not_initialized, _COLLECTIVES))


def all_gather_into_tensor(output_tensor, input_tensor, group=None, async_op=False):
    _warnings.warn("`torch.distributed.all_gather_into_tensor` is deprecated. Please use "
                   "`torch.distributed.all_gather_single` instead.", FutureWarning, stacklevel=2)
    _not_initialized("all_gather_into_tensor")


from ..engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.distributed", name)
