"""torch.fx: not part of the engine. Its symbolic tracer runs a module on Proxy objects and writes a Graph and the
Python code generated from it, which the tutorials print; the engine has no Proxy tensors, so symbolic_trace raises
an error that says so (instead of a GraphModule whose graph and code would be made up)."""

_NO_FX = ("torch.fx.symbolic_trace: autograd_magic does not trace symbolically (torch.fx's Proxy, Graph and "
          "GraphModule, whose generated code PyTorch prints, are not part of the engine)")


def symbolic_trace(root, concrete_args=None):
    raise NotImplementedError(_NO_FX)
