"""torch.nn: Module, Parameter, layers, containers and losses (each split into its own module, as PyTorch's)."""
from . import functional, grad, init, utils  # noqa: F401
from .activation import (CELU, GLU, SELU, Hardshrink, Hardsigmoid, Hardswish, Hardtanh, LogSigmoid,  # noqa: F401
                         Mish, PReLU, ReLU6, RReLU, Softshrink, Softsign, Tanhshrink, Threshold)
from .conv import Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d  # noqa: F401
from .container import Container, ModuleDict, ModuleList, ParameterDict, ParameterList, Sequential  # noqa: F401
from .layers import AlphaDropout, Bilinear, LazyLinear, UninitializedBuffer, UninitializedParameter  # noqa: F401
from .layers import (ELU, GELU, Dropout, Dropout2d, Dropout3d, Embedding, Flatten, Identity, LeakyReLU, Linear,  # noqa: F401
                     LogSoftmax, ReLU, Sigmoid, SiLU, Softmax, Softplus, Tanh, Unflatten)
from .loss import (BCELoss, BCEWithLogitsLoss, CosineEmbeddingLoss, CrossEntropyLoss, HuberLoss,  # noqa: F401
                   KLDivLoss, L1Loss, MarginRankingLoss, MSELoss, NLLLoss, NLLLoss2d, SmoothL1Loss, TripletMarginLoss)
from .rnn import GRU, LSTM, RNN, GRUCell, LSTMCell, RNNBase, RNNCell, RNNCellBase  # noqa: F401
from .module import Module, Parameter, _IncompatibleKeys  # noqa: F401
from .buffer import Buffer  # noqa: F401
from .normalization import (BatchNorm1d, BatchNorm2d, BatchNorm3d, GroupNorm, InstanceNorm1d,  # noqa: F401
                            InstanceNorm2d, InstanceNorm3d, LayerNorm, SyncBatchNorm)
from .pooling import (AdaptiveAvgPool2d, AdaptiveAvgPool3d, AvgPool2d, AvgPool3d, MaxPool2d,  # noqa: F401
                      MaxPool3d)
from .lazy import (LazyBatchNorm1d, LazyBatchNorm2d, LazyBatchNorm3d, LazyConv1d, LazyConv2d, LazyConv3d,  # noqa: F401
                   LazyConvTranspose1d, LazyConvTranspose2d, LazyConvTranspose3d, LazyInstanceNorm1d,
                   LazyInstanceNorm2d, LazyInstanceNorm3d)
from .more_layers import (AdaptiveAvgPool1d, AdaptiveLogSoftmaxWithLoss, AdaptiveMaxPool1d, AdaptiveMaxPool2d, AdaptiveMaxPool3d,  # noqa: F401
                          AvgPool1d, CosineSimilarity, Dropout1d, EmbeddingBag, GaussianNLLLoss, MaxPool1d,
                          PairwiseDistance, PoissonNLLLoss, RMSNorm, Softmax2d, Softmin)
from .multihead import MultiheadAttention  # noqa: F401
from .transformer import (Transformer, TransformerDecoder, TransformerDecoderLayer, TransformerEncoder,  # noqa: F401
                          TransformerEncoderLayer)
from .upsampling import (ChannelShuffle, PixelShuffle, PixelUnshuffle, Upsample, UpsamplingBilinear2d,  # noqa: F401
                         UpsamplingNearest2d)
from .padding import (CircularPad1d, CircularPad2d, CircularPad3d, ConstantPad1d, ConstantPad2d,  # noqa: F401
                      ConstantPad3d, ReflectionPad1d, ReflectionPad2d, ReflectionPad3d, ReplicationPad1d,
                      ReplicationPad2d, ReplicationPad3d, ZeroPad1d, ZeroPad2d, ZeroPad3d)
from .vision_layers import (CrossMapLRN2d, Fold, HingeEmbeddingLoss, LocalResponseNorm, LPPool1d, LPPool2d, LPPool3d,  # noqa: F401
                            MultiLabelMarginLoss, MultiLabelSoftMarginLoss, MultiMarginLoss, SoftMarginLoss, Unfold)
from .functional_unpool import MaxUnpool1d, MaxUnpool2d, MaxUnpool3d  # noqa: F401,E402
from .functional_fractional import FractionalMaxPool2d, FractionalMaxPool3d  # noqa: F401,E402
from .triplet_distance import TripletMarginWithDistanceLoss  # noqa: F401,E402
from .layers import FeatureAlphaDropout  # noqa: F401,E402
from .loss_ctc import CTCLoss  # noqa: F401,E402
from . import attention, modules, parameter  # noqa: F401,E402  (PyTorch's paths: torch.nn.modules.loss._Loss ...)
from . import parallel  # noqa: F401,E402
from .parallel import DataParallel  # noqa: F401,E402


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.nn", name)
