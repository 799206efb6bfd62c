"""The reproduce half: the plugin contract and the engine that runs reproductions.

* `plugin`: the contract. A plugin imports everything it needs from this one module;
* `registry`: finds plugins (reproductions/*/, workspace plugins, entry points) without torch;
* `experiment`: config from defaults, paper configs, TOML and `--set`; runs a plugin's arms;
* `runner`: the RunContext a plugin's `run` gets (fit loop, checkpoints, exact resume);
* `distributed` (the worker's side of DDP) and `launch` (the command's side, torchrun);
* `data` (datasets as uint8 tensors), `bundled` (the real images inside scikit-learn and
  scikit-image: digits, photo patches), `augment` (batched tensor augmentation), `probe`
  (frozen-encoder linear probe), `overfit` (the overfit check), `records` (run folders,
  claims tables), `verdicts` (held / not held / inconclusive over seeds), `ablate`, `scaffold`.

May import the shared base only; never `reading`, `review`, `tui` or `commands`. Modules that
the CLI imports before training (`plugin`, `registry`, `records`, `verdicts`, `experiment`,
`ablate`, `scaffold`) import torch, scipy, scikit-learn and scikit-image only inside functions.
"""
