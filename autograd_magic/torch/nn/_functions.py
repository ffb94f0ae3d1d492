"""The legacy autograd Function behind nn.CrossMapLRN2d (PyTorch keeps it in torch/nn/modules/_functions.py): local
response normalisation across channels, written with tensor ops in PyTorch's order, so each rounding is PyTorch's:
a running sum of squares over a window of ``size`` channels (the next channel added, the one that left
subtracted), then x * (k + alpha / size * sum) ** -beta. Its node prints as ``CrossMapLRN2dBackward``."""
from ..autograd.function import Function


class CrossMapLRN2d(Function):
    @staticmethod
    def forward(ctx, input, size, alpha=1e-4, beta=0.75, k=1):
        ctx.size, ctx.alpha, ctx.beta, ctx.k = size, alpha, beta, k
        ctx.scale = None
        if input.dim() != 4:
            raise ValueError(f"CrossMapLRN2d: Expected input to be 4D, got {input.dim()}D instead.")
        ctx.scale = input.new()
        output = input.new()
        channels = input.size(1)
        output.resize_as_(input)
        ctx.scale.resize_as_(input)
        squares = output   # (the output's memory holds the squares until the end)
        squares.copy_(input.pow(2))
        pre_pad = int((size - 1) / 2 + 1)
        first = ctx.scale.select(1, 0)
        first.zero_()
        for c in range(min(pre_pad, channels)):
            first.add_(squares.select(1, c))
        for c in range(1, channels):
            current = ctx.scale.select(1, c)
            current.copy_(ctx.scale.select(1, c - 1))
            if c < channels - pre_pad + 1:
                current.add_(squares.select(1, c + pre_pad - 1), alpha=1)
            if c > pre_pad:
                current.add_(squares.select(1, c - pre_pad), alpha=-1)
        ctx.scale.mul_(alpha / size).add_(k)
        output.copy_(ctx.scale.pow(-beta))
        output.mul_(input)
        ctx.save_for_backward(input, output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        input, output = ctx.saved_tensors
        grad_input = grad_output.new()
        batch, channels, height, width = (input.size(d) for d in range(4))
        padded = input.new(channels + ctx.size - 1, height, width)
        accum = input.new(height, width)
        ratio = 2 * ctx.alpha * ctx.beta / ctx.size
        inverse_pre_pad = int(ctx.size - (ctx.size - 1) / 2)
        grad_input.resize_as_(input)
        grad_input.copy_(ctx.scale.pow(-ctx.beta)).mul_(grad_output)
        padded.zero_()
        center = padded.narrow(0, inverse_pre_pad, channels)
        for n in range(batch):
            center.copy_(grad_output[n] * output[n])
            center.div_(ctx.scale[n])
            accum.copy_(padded.narrow(0, 0, ctx.size - 1).sum(0))
            for c in range(channels):
                accum.add_(padded[c + ctx.size - 1])
                grad_input[n][c].addcmul_(input[n][c], accum, value=-ratio)
                accum.add_(padded[c], alpha=-1)
        return grad_input, None, None, None, None


CrossMapLRN2d.__module__ = "torch.nn.modules._functions"
