"""Iterative magnitude pruning (Frankle & Carbin, ICLR 2019, arXiv 1803.03635), the algorithm.

§ 1, "Identifying winning tickets":
  1. randomly initialise a network f(x; θ₀) and save θ₀;
  2. train for j iterations, arriving at θ_j;
  3. prune p % of the parameters in θ_j, creating a mask m;
  4. reset the remaining parameters to their values in θ₀, creating the winning ticket f(x; m ⊙ θ₀);
  and repeat 2–4 for n rounds, each round pruning p^(1/n) % of the weights that survived (§ 2).

Pruning is layer-wise by default (each layer loses the same fraction of *its own* remaining weights;
the paper uses 20 % for fully connected layers, 10 % for the output layer and 10–15 % for
convolutions, Fig. 2) or global (§ 4, VGG-19 and ResNet-18: one magnitude threshold over all layers).
Only the weights of convolutional and linear layers are pruned, not biases or normalisation.

A `Mask` maps a parameter name to a bool tensor of its shape (True = kept). Everything here is a
pure function of tensors, except `apply_mask` / `MaskedTraining`, which change a model in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import torch
from torch import nn

Mask = dict[str, torch.Tensor]


def prunable_names(model: nn.Module) -> list[str]:
    """The weight tensors of convolutional and linear layers, in definition order."""
    names = []
    for module_name, module in model.named_modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            names.append(f"{module_name}.weight" if module_name else "weight")
    return names


def dense_mask(model: nn.Module) -> Mask:
    params = dict(model.named_parameters())
    return {name: torch.ones_like(params[name], dtype=torch.bool) for name in prunable_names(model)}


def layer_rates(model: nn.Module, *, fc: float, conv: float, output: float) -> dict[str, float]:
    """The paper's per-layer pruning fractions (Fig. 2): the last layer is the output layer."""
    names = prunable_names(model)
    params = dict(model.named_parameters())
    rates = {name: (conv if params[name].dim() == 4 else fc) for name in names}
    rates[names[-1]] = output
    return rates


def _smallest(magnitudes: torch.Tensor, kept: torch.Tensor, count: int) -> torch.Tensor:
    """Flat indices of the `count` smallest magnitudes among kept entries (ties: lower index first)."""
    scores = torch.where(kept, magnitudes, torch.full_like(magnitudes, float("inf")))
    order = torch.sort(scores, stable=True).indices
    return order[:count]


def prune_layerwise(weights: Mapping[str, torch.Tensor], mask: Mask, rates: Mapping[str, float]) -> Mask:
    """Remove round(rate · remaining) of each layer's remaining weights with the smallest |w| (§ 2)."""
    new_mask: Mask = {}
    for name, kept in mask.items():
        rate = rates[name]
        if not 0.0 <= rate < 1.0:
            raise ValueError(f"pruning rate for {name} must be in [0, 1), got {rate}")
        flat_kept = kept.flatten()
        count = round(rate * int(flat_kept.sum()))
        pruned = flat_kept.clone()
        pruned[_smallest(weights[name].detach().abs().flatten().double(), flat_kept, count)] = False
        new_mask[name] = pruned.view_as(kept)
    return new_mask


def prune_global(weights: Mapping[str, torch.Tensor], mask: Mask, rate: float) -> Mask:
    """Remove round(rate · remaining) of all remaining weights, smallest |w| across layers (§ 4)."""
    if not 0.0 <= rate < 1.0:
        raise ValueError(f"global pruning rate must be in [0, 1), got {rate}")
    names = list(mask)
    magnitudes = torch.cat([weights[n].detach().abs().flatten().double() for n in names])
    kept = torch.cat([mask[n].flatten() for n in names])
    count = round(rate * int(kept.sum()))
    kept = kept.clone()
    kept[_smallest(magnitudes, kept, count)] = False
    new_mask: Mask = {}
    start = 0
    for name in names:
        size = mask[name].numel()
        new_mask[name] = kept[start : start + size].view_as(mask[name])
        start += size
    return new_mask


def random_mask_like(mask: Mask, generator: torch.Generator) -> Mask:
    """A mask keeping the same number of weights in each layer, at uniformly random positions (§ 2 control)."""
    result: Mask = {}
    for name, kept in mask.items():
        flat = torch.zeros(kept.numel(), dtype=torch.bool)
        flat[torch.randperm(kept.numel(), generator=generator)[: int(kept.sum())]] = True
        result[name] = flat.view(kept.shape).to(kept.device)
    return result


@dataclass(frozen=True)
class LayerSparsity:
    name: str
    total: int
    remaining: int

    @property
    def percent_remaining(self) -> float:
        return 100.0 * self.remaining / self.total


@dataclass(frozen=True)
class SparsityReport:
    layers: tuple[LayerSparsity, ...]

    @property
    def total(self) -> int:
        return sum(layer.total for layer in self.layers)

    @property
    def remaining(self) -> int:
        return sum(layer.remaining for layer in self.layers)

    @property
    def percent_remaining(self) -> float:
        """Of the prunable weights, the share still in the network (the x axis of the paper's plots)."""
        return 100.0 * self.remaining / self.total


def sparsity_report(mask: Mask) -> SparsityReport:
    return SparsityReport(tuple(LayerSparsity(n, m.numel(), int(m.sum())) for n, m in mask.items()))


def apply_mask(model: nn.Module, mask: Mask) -> None:
    """Zero the pruned weights in place."""
    params = dict(model.named_parameters())
    with torch.no_grad():
        for name, kept in mask.items():
            params[name].mul_(kept.to(params[name].dtype))


def reset_to(model: nn.Module, state: Mapping[str, torch.Tensor], mask: Mask) -> None:
    """Step 4: load the saved θ₀ (or θ_k when rewinding) into every parameter, then apply the mask."""
    model.load_state_dict(state)
    apply_mask(model, mask)


def snapshot(model: nn.Module) -> dict[str, torch.Tensor]:
    """A detached copy of the model's state (θ₀ before training, θ_k when rewinding)."""
    return {name: value.detach().clone() for name, value in model.state_dict().items()}


class MaskedTraining:
    """Keeps pruned weights at exactly zero while an optimizer trains the model.

    Two layers of protection, so no optimizer can revive a pruned weight: a gradient hook zeroes
    the pruned entries' gradients (so momentum and Adam's moments for them stay zero, and no
    weight-decay or update term is ever non-zero there), and `after_step` re-applies the mask after
    each optimizer step (catching anything that writes the weights directly).
    """

    def __init__(self, model: nn.Module, mask: Mask) -> None:
        self.model = model
        self.mask = mask
        params = dict(model.named_parameters())
        self._handles = []
        for name, kept in mask.items():
            if bool(kept.all()):
                continue
            factor = kept.to(params[name].dtype)
            self._handles.append(params[name].register_hook(lambda grad, factor=factor: grad * factor))
        apply_mask(model, mask)

    def after_step(self) -> None:
        apply_mask(self.model, self.mask)

    def masked_names(self) -> frozenset[str]:
        """Parameters with pruned entries: their gradient is zero there by design."""
        return frozenset(name for name, kept in self.mask.items() if not bool(kept.all()))

    def remove(self) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles.clear()

