"""Builds the DJL-vs-PyTorch equivalence fixture in src/test/resources/equivalence/.

A tiny flowseg UNet (scripts/torch_unet.py) with every parameter re-drawn at random (the
zero-initialised output conv and the GroupNorm affines included, so every part of the graph
shows in the output); all its parameters, in `parameters()` order, as one flat float32 array
with their shapes alongside; one batch of inputs; and the velocity PyTorch gives for them in
eval mode. TorchEquivalenceTest loads the same parameters into io.flowseg.model.ConditionalUNet
by position and checks that DJL computes the same velocity.

Deterministic; run from the repository root with Debian's interpreter:

    /usr/bin/python3 scripts/make_equivalence_fixture.py
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_support import TINY_CONFIG, fixture_dir  # noqa: E402
from torch_unet import ConditionalUNet  # noqa: E402

OUT = fixture_dir("equivalence")
# Two norm groups make every GroupNorm span several channels (4, 8, 12 and 16 wide), so a wrong
# grouping would show.
CONFIG = dict(TINY_CONFIG, normGroups=2)
BATCH = 3


def randomise(model):
    """Re-draws every parameter: weights N(0, 0.2^2), biases N(0, 0.1^2), GroupNorm 1 + 0.1 N / 0.1 N."""
    for module in model.modules():
        if isinstance(module, nn.GroupNorm):
            module.weight.copy_(1 + 0.1 * torch.randn_like(module.weight))
            module.bias.copy_(0.1 * torch.randn_like(module.bias))
        elif isinstance(module, (nn.Conv2d, nn.Linear)):
            module.weight.copy_(0.2 * torch.randn_like(module.weight))
            module.bias.copy_(0.1 * torch.randn_like(module.bias))
    covered = {id(p) for m in model.modules() if isinstance(m, (nn.GroupNorm, nn.Conv2d, nn.Linear))
               for p in m.parameters(recurse=False)}
    missed = [name for name, p in model.named_parameters() if id(p) not in covered]
    if missed:
        raise RuntimeError("parameters not re-initialised: %s" % missed)


def save(name, tensor):
    np.save(os.path.join(OUT, name), tensor.detach().numpy().astype(np.float32))


def main():
    torch.set_num_threads(2)
    torch.manual_seed(20250101)

    model = ConditionalUNet(CONFIG).eval()
    with torch.no_grad():
        randomise(model)

    r, c = CONFIG["resolution"], CONFIG["imageChannels"]
    x = torch.randn(BATCH, 1, r, r)
    image = torch.rand(BATCH, c, r, r)
    image[2].zero_()
    t = torch.tensor([0.1, 0.5, 0.9], dtype=torch.float32)
    with torch.no_grad():
        expected = model(x, image, t)

    parameters = list(model.parameters())
    with open(os.path.join(OUT, "config.json"), "w") as f:
        json.dump(CONFIG, f, indent=2)
        f.write("\n")
    with open(os.path.join(OUT, "parameter-shapes.json"), "w") as f:
        json.dump([list(p.shape) for p in parameters], f)
        f.write("\n")
    save("parameters.npy", torch.cat([p.detach().reshape(-1) for p in parameters]))
    save("x.npy", x)
    save("image.npy", image)
    save("t.npy", t)
    save("expected.npy", expected)

    total = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print("%d parameter tensors, %d values; output mean |v| %.4f, max |v| %.4f; fixture %d bytes"
          % (len(parameters), sum(p.numel() for p in parameters),
             expected.abs().mean().item(), expected.abs().max().item(), total))


if __name__ == "__main__":
    main()
