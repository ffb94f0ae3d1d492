"""nn.CTCLoss: F.ctc_loss as a module."""
from .functional_ctc import ctc_loss
from .loss import _Loss


class CTCLoss(_Loss):
    """The CTC loss as a module (blank index, reduction, zero_infinity), as nn.CTCLoss."""
    __module__ = "torch.nn.modules.loss"

    def __init__(self, blank=0, reduction="mean", zero_infinity=False):
        super().__init__(reduction=reduction)
        self.blank, self.zero_infinity = blank, zero_infinity

    def forward(self, log_probs, targets, input_lengths, target_lengths):
        return ctc_loss(log_probs, targets, input_lengths, target_lengths, self.blank, self.reduction,
                        self.zero_infinity)
