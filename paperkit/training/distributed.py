"""The worker's side of data-parallel training: its place in the process group and the collectives.

`Runner.fit` receives a `Distributed` handle when several processes train one model (started by
`paperkit.training.launch`, the command's side). This module never imports the runner, the
experiment or the launcher, so the training loop can use it without a cycle; torch is imported
only inside its functions.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import torch


@dataclass
class Distributed:
    """This worker's place in the process group, and the collectives the runner needs."""

    rank: int
    world_size: int
    device: "torch.device"
    scratch: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="paperkit-rank-")))

    def wrap(self, model: "torch.nn.Module", *, find_unused: bool = False) -> "GradientSync":
        return GradientSync(model, self, find_unused=find_unused)

    def all_reduce_sum(self, tensor: "torch.Tensor") -> "torch.Tensor":
        import torch.distributed as dist

        dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
        return tensor

    def gather_objects(self, obj: Any) -> list[Any]:
        import torch.distributed as dist

        gathered: list[Any] = [None] * self.world_size
        dist.all_gather_object(gathered, obj)
        return gathered

    def broadcast_buffers(self, model: "torch.nn.Module") -> None:
        import torch.distributed as dist

        for buffer in model.buffers():
            dist.broadcast(buffer, src=0)


class GradientSync:
    """`DistributedDataParallel` around a plugin's model, without changing how the plugin calls it.

    A plugin's loss calls its own model object, not a wrapper, so the model's `forward` is routed
    through the DDP wrapper for the first call of each training step (`arm()` before the step).
    DDP then averages the gradients during `backward`. Later calls in the same step go straight
    to the module: autograd sums a parameter's gradient over all its uses before DDP's hook sees
    it, so one DDP call per step reduces everything. A loss that never calls the top-level model
    (only its sub-modules) gets its gradients averaged by an explicit all-reduce instead.
    """

    def __init__(self, model: "torch.nn.Module", dist_handle: Distributed, *, find_unused: bool = False):
        from torch.nn.parallel import DistributedDataParallel

        self.model = model
        self.handle = dist_handle
        self._armed = False
        self._inside = False
        trainable = any(p.requires_grad for p in model.parameters())
        self.ddp = None
        if trainable:
            device_ids = [dist_handle.device.index] if dist_handle.device.type == "cuda" else None
            self.ddp = DistributedDataParallel(model, device_ids=device_ids, find_unused_parameters=find_unused)
            original = model.forward

            def routed(*args: Any, **kwargs: Any) -> Any:
                if self._inside or not self._armed:
                    return original(*args, **kwargs)
                self._armed, self._inside = False, True
                try:
                    return self.ddp(*args, **kwargs)
                finally:
                    self._inside = False

            model.forward = routed  # an instance attribute; `release` removes it

    def arm(self) -> None:
        self._armed = self.ddp is not None

    def after_backward(self) -> None:
        """Average gradients by hand when the step's loss never called the wrapped model."""
        if not self._armed:
            return
        self._armed = False
        import torch

        for param in self.model.parameters():
            if param.grad is not None:
                self.handle.all_reduce_sum(param.grad)
                param.grad.div_(self.handle.world_size)
            elif param.requires_grad:  # keep every rank's collectives in step
                self.handle.all_reduce_sum(torch.zeros_like(param))

    def release(self) -> None:
        """Undo the routing and make buffers (e.g. batch-norm statistics) rank 0's on every worker."""
        self.model.__dict__.pop("forward", None)
        self.handle.broadcast_buffers(self.model)


def weights_digest(model: "torch.nn.Module") -> str:
    """A hash of every parameter and buffer's bytes: equal digests mean bit-identical weights."""
    import hashlib

    import torch

    digest = hashlib.sha256()
    for name, tensor in sorted(model.state_dict().items()):
        digest.update(name.encode())
        digest.update(tensor.detach().cpu().contiguous().view(-1).view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()[:16]


