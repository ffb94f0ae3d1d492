"""torch.nn.utils.memory_format: the convolutions' weights of a model put in a memory format (channels_last), as
PyTorch's functions do it: a clone in that format, resized in place to keep it, becomes the weight's data."""
from ..conv import Conv2d, Conv3d, ConvTranspose2d, ConvTranspose3d


def _convert(module, memory_format, classes):
    if isinstance(module, classes):
        weight = module.weight.detach().clone(memory_format=memory_format)
        module.weight.data = weight.resize_(weight.size(), memory_format=memory_format)
    for child in module.children():
        _convert(child, memory_format, classes)
    return module


def convert_conv2d_weight_memory_format(module, memory_format):
    """module with the weight of each Conv2d / ConvTranspose2d in it (itself included) in memory_format."""
    return _convert(module, memory_format, (Conv2d, ConvTranspose2d))


def convert_conv3d_weight_memory_format(module, memory_format):
    """module with the weight of each Conv3d / ConvTranspose3d in it (itself included) in memory_format."""
    return _convert(module, memory_format, (Conv3d, ConvTranspose3d))
