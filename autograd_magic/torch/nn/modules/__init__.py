"""torch.nn.modules: PyTorch's layout of the layer classes, for code that imports from it or checks a private base
(``from torch.nn.modules.loss import _Loss``, ``isinstance(m, nn.modules.batchnorm._BatchNorm)``,
``torch.nn.modules.module.register_module_forward_hook``). The classes are torch.nn's own, defined in the modules of
torch/nn/; each submodule here only names them where PyTorch keeps them."""
import sys
import types

from .. import module as _module_py, module_call as _module_call
from .. import conv as _conv, functional_unpool as _unpool, layers as _layers, loss as _loss  # noqa: F401
from .. import more_layers as _more  # noqa: F401
from .. import normalization as _norm, padding as _padding, pooling as _pooling, rnn as _rnn  # noqa: F401
from . import utils  # noqa: F401

# where PyTorch keeps each class (torch/nn/modules/*.py); names this build lacks are skipped
_LAYOUT = {
    "module": ("Module",),
    "linear": ("Identity", "Linear", "Bilinear", "LazyLinear", "NonDynamicallyQuantizableLinear"),
    "conv": ("Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "LazyConv1d",
             "LazyConv2d", "LazyConv3d", "LazyConvTranspose1d", "LazyConvTranspose2d", "LazyConvTranspose3d",
             "_ConvNd", "_ConvTransposeNd"),
    "activation": ("Threshold", "ReLU", "RReLU", "Hardtanh", "ReLU6", "Sigmoid", "Hardsigmoid", "Tanh", "SiLU",
                   "Mish", "Hardswish", "ELU", "CELU", "SELU", "GLU", "GELU", "Hardshrink", "LeakyReLU", "LogSigmoid",
                   "Softplus", "Softshrink", "MultiheadAttention", "PReLU", "Softsign", "Tanhshrink", "Softmin",
                   "Softmax", "Softmax2d", "LogSoftmax"),
    "loss": ("L1Loss", "NLLLoss", "NLLLoss2d", "PoissonNLLLoss", "GaussianNLLLoss", "KLDivLoss", "MSELoss", "BCELoss",
             "BCEWithLogitsLoss", "HingeEmbeddingLoss", "MultiLabelSoftMarginLoss", "HuberLoss", "SmoothL1Loss",
             "SoftMarginLoss", "CrossEntropyLoss", "CosineEmbeddingLoss", "MarginRankingLoss", "MultiMarginLoss",
             "MultiLabelMarginLoss",
             "TripletMarginLoss", "TripletMarginWithDistanceLoss", "CTCLoss", "_Loss", "_WeightedLoss"),
    "batchnorm": ("BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LazyBatchNorm1d", "LazyBatchNorm2d", "LazyBatchNorm3d",
                  "SyncBatchNorm", "_BatchNorm", "_NormBase"),
    "instancenorm": ("InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d", "LazyInstanceNorm1d", "LazyInstanceNorm2d",
                     "LazyInstanceNorm3d", "_InstanceNorm"),
    "normalization": ("LocalResponseNorm", "CrossMapLRN2d", "LayerNorm", "GroupNorm", "RMSNorm"),
    "dropout": ("Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout",
                "_DropoutNd"),
    "pooling": ("MaxPool1d", "MaxPool2d", "MaxPool3d", "MaxUnpool1d", "MaxUnpool2d", "MaxUnpool3d", "AvgPool1d",
                "AvgPool2d", "AvgPool3d", "LPPool1d", "LPPool2d", "LPPool3d", "FractionalMaxPool2d", "FractionalMaxPool3d",
                "AdaptiveMaxPool1d", "AdaptiveMaxPool2d",
                "AdaptiveMaxPool3d", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "_MaxPoolNd",
                "_AvgPoolNd", "_AdaptiveAvgPoolNd", "_AdaptiveMaxPoolNd", "_MaxUnpoolNd"),
    "padding": ("CircularPad1d", "CircularPad2d", "CircularPad3d", "ConstantPad1d", "ConstantPad2d", "ConstantPad3d",
                "ReflectionPad1d", "ReflectionPad2d", "ReflectionPad3d", "ReplicationPad1d", "ReplicationPad2d",
                "ReplicationPad3d", "ZeroPad1d", "ZeroPad2d", "ZeroPad3d", "_CircularPadNd", "_ConstantPadNd",
                "_ReflectionPadNd", "_ReplicationPadNd"),
    "container": ("Container", "Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict"),
    "rnn": ("RNNBase", "RNN", "LSTM", "GRU", "RNNCellBase", "RNNCell", "LSTMCell", "GRUCell"),
    "sparse": ("Embedding", "EmbeddingBag"),
    "transformer": ("Transformer", "TransformerEncoder", "TransformerDecoder", "TransformerEncoderLayer",
                    "TransformerDecoderLayer"),
    "upsampling": ("Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d"),
    "pixelshuffle": ("PixelShuffle", "PixelUnshuffle"),
    "channelshuffle": ("ChannelShuffle",),
    "flatten": ("Flatten", "Unflatten"),
    "fold": ("Fold", "Unfold"),
    "distance": ("PairwiseDistance", "CosineSimilarity"),
    "adaptive": ("AdaptiveLogSoftmaxWithLoss",),
}
# the module-level functions PyTorch keeps next to the classes
_FUNCTIONS = {"module": {"register_module_forward_pre_hook": _module_call.register_module_forward_pre_hook,
                         "register_module_forward_hook": _module_call.register_module_forward_hook,
                         "register_module_full_backward_pre_hook": _module_call.register_module_full_backward_pre_hook,
                         "register_module_full_backward_hook": _module_call.register_module_full_backward_hook}}


def _classes():
    """{name: class} of torch.nn and of the private bases in the modules that define them."""
    public = vars(sys.modules[__name__.rpartition(".")[0]])   # torch.nn's namespace (imported, as it imports this)
    found = {k: v for k, v in public.items() if isinstance(v, type)}
    for mod in (_conv, _unpool, _layers, _loss, _more, _norm, _padding, _pooling, _rnn, _module_py):
        found.update({k: v for k, v in vars(mod).items() if isinstance(v, type) and k.startswith("_")
                      and k not in found})
    return found


def _build():
    classes = _classes()
    for sub, names in _LAYOUT.items():
        mod = sys.modules.get(f"{__name__}.{sub}")
        if mod is None or not getattr(mod, "__file__", None):   # a file of this package (utils) is left alone
            mod = types.ModuleType(f"{__name__}.{sub}", f"torch.nn.modules.{sub} (PyTorch's layout)")
            sys.modules[mod.__name__] = mod
        for name in names:
            if name in classes:
                cls = classes[name]
                if not cls.__module__.startswith("torch."):   # type(bn) prints torch.nn.modules.batchnorm.BatchNorm1d
                    cls.__module__ = f"torch.nn.modules.{sub}"
                setattr(mod, name, cls)
                if not name.startswith("_"):
                    globals()[name] = classes[name]
        for name, fn in _FUNCTIONS.get(sub, {}).items():
            setattr(mod, name, fn)
        globals()[sub] = mod


_build()
