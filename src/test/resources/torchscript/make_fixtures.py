#!/usr/bin/env python3
"""Makes the TorchScript fixtures of the model-import tests; run once, the outputs are committed.

Needs PyTorch (Debian: apt-get install python3-torch, 1.13.1; libtorch 2.5 in DJL loads files of older
versions). Nothing at test time runs this script: the tests use the committed files, offline.

  spread-cnn-64.pt      a small CNN scripted with torch.jit.script: 1x1x64x64 -> 3 logits (GOOD, FAIR, POOR)
  wrong-shape-64.pt     the same layers with 4 outputs: a registry must refuse it for a 3-class spec
  spread-cnn-64.json    a fixed input and the logits PyTorch computes for it, so a test can show that DJL
                        computes the same with the imported file
"""
import json
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))


class SpreadCnn(nn.Module):
    def __init__(self, classes: int):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.AdaptiveAvgPool2d(1))
        self.head = nn.Linear(16, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(torch.flatten(self.features(x), 1))


def save(classes: int, name: str) -> nn.Module:
    torch.manual_seed(20261129)
    model = SpreadCnn(classes).eval()
    scripted = torch.jit.script(model)
    scripted.save(os.path.join(HERE, name))
    return scripted


def main() -> None:
    model = save(3, "spread-cnn-64.pt")
    save(4, "wrong-shape-64.pt")
    # A deterministic input in [0, 1]: a diagonal ramp, as preprocessing would hand over.
    xs = [[((r + c) % 64) / 63.0 for c in range(64)] for r in range(64)]
    with torch.no_grad():
        logits = model(torch.tensor(xs, dtype=torch.float32).reshape(1, 1, 64, 64))[0].tolist()
    with open(os.path.join(HERE, "spread-cnn-64.json"), "w") as f:
        json.dump({"input": "((row + col) % 64) / 63, 1x1x64x64", "torch": torch.__version__,
                   "logits": logits}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
