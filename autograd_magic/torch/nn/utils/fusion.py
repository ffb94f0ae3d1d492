"""torch.nn.utils.fusion: folding an eval-mode batch norm into the convolution or linear layer before it (the
recipe "Fusing Convolution and Batch Norm"). The fused layer is a copy; its parameters are new leaves."""
import copy

from ....engine import creation
from ..module import Parameter


def fuse_conv_bn_weights(conv_w, conv_b, bn_rm, bn_rv, bn_eps, bn_w, bn_b, transpose=False):
    """(weight, bias) of one convolution computing batch_norm(conv(x)) with the running statistics; transpose:
    a transposed convolution (its output channels are weight's dim 1)."""
    w_dtype = conv_w.dtype
    b_dtype = conv_b.dtype if conv_b is not None else w_dtype
    bias = conv_b if conv_b is not None else creation.zeros_like(bn_rm)
    rsqrt = (bn_rv + bn_eps).rsqrt()
    gamma = bn_w if bn_w is not None else creation.ones_like(bn_rm)
    beta = bn_b if bn_b is not None else creation.zeros_like(bn_rm)
    shape = ([1, -1] if transpose else [-1, 1]) + [1] * (conv_w.dim() - 2)
    weight = (conv_w * (gamma * rsqrt).reshape(shape)).to(dtype=w_dtype)
    fused_bias = ((bias - bn_rm) * rsqrt * gamma + beta).to(dtype=b_dtype)
    return Parameter(weight, conv_w.requires_grad), Parameter(fused_bias, bias.requires_grad)


def fuse_conv_bn_eval(conv, bn, transpose=False):
    """A copy of conv that computes bn(conv(x)) of the eval-mode pair in one convolution."""
    assert not (conv.training or bn.training), "Fusion only for eval!"
    fused = copy.deepcopy(conv)
    assert bn.running_mean is not None and bn.running_var is not None, \
        "bn.running_mean and bn.running_var must not be None"
    fused.weight, fused.bias = fuse_conv_bn_weights(fused.weight, fused.bias, bn.running_mean, bn.running_var,
                                                    bn.eps, bn.weight, bn.bias, transpose)
    return fused


def fuse_linear_bn_weights(linear_w, linear_b, bn_rm, bn_rv, bn_eps, bn_w, bn_b):
    """(weight, bias) of one linear layer computing batch_norm(linear(x)) with the running statistics."""
    w_dtype = linear_w.dtype
    b_dtype = linear_b.dtype if linear_b is not None else w_dtype
    bias = linear_b if linear_b is not None else creation.zeros_like(bn_rm)
    scale = bn_w * (bn_rv + bn_eps).rsqrt()
    weight = linear_w * scale.unsqueeze(-1).to(dtype=w_dtype)
    fused_bias = ((bias - bn_rm) * scale + bn_b).to(dtype=b_dtype)
    return Parameter(weight, linear_w.requires_grad), Parameter(fused_bias, bias.requires_grad)


def fuse_linear_bn_eval(linear, bn):
    """A copy of linear that computes bn(linear(x)) of the eval-mode pair in one linear layer."""
    assert not (linear.training or bn.training), "Fusion only for eval!"
    fused = copy.deepcopy(linear)
    assert linear.out_features == bn.num_features or bn.num_features == 1, (
        "To fuse, linear.out_features == bn.num_features or bn.num_features == 1, got linear.out_features="
        f"{linear.out_features} and bn.num_features={bn.num_features}")
    assert bn.running_mean is not None and bn.running_var is not None, \
        "bn.running_mean and bn.running_var must not be None"
    fused.weight, fused.bias = fuse_linear_bn_weights(fused.weight, fused.bias, bn.running_mean, bn.running_var,
                                                      bn.eps, bn.weight, bn.bias)
    return fused
