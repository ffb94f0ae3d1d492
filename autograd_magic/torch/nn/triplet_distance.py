"""nn.TripletMarginWithDistanceLoss: the triplet loss with any distance function (functional_triplet.py)."""
from .functional_triplet import triplet_margin_with_distance_loss
from .loss import _Loss
from .more_layers import PairwiseDistance


class TripletMarginWithDistanceLoss(_Loss):
    """The triplet loss with a distance function (a PairwiseDistance module by default)."""
    __module__ = "torch.nn.modules.loss"

    def __init__(self, *, distance_function=None, margin=1.0, swap=False, reduction="mean"):
        super().__init__(size_average=None, reduce=None, reduction=reduction)
        if margin <= 0:
            raise ValueError(f"TripletMarginWithDistanceLoss: expected margin to be greater than 0, got {margin} "
                             "instead")
        self.distance_function = distance_function if distance_function is not None else PairwiseDistance()
        self.margin = margin
        self.swap = swap

    def forward(self, anchor, positive, negative):
        return triplet_margin_with_distance_loss(anchor, positive, negative, distance_function=self.distance_function,
                                                 margin=self.margin, swap=self.swap, reduction=self.reduction)
