"""Builds the bring-your-own-model test fixture in src/test/resources/torchscript/.

A tiny flowseg UNet (scripts/torch_unet.py) with a small random non-zero output conv, saved as
TorchScript (traced, frozen) with the flowseg.json extra file; one fixed batch of inputs and the
velocity the model gives for them; and a TorchScript archive without flowseg.json.
Deterministic; run from the repository root with Debian's interpreter:

    /usr/bin/python3 scripts/make_torchscript_fixture.py
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_support import TINY_CONFIG as CONFIG, fixture_dir  # noqa: E402
from torch_unet import ConditionalUNet  # noqa: E402

OUT = fixture_dir("torchscript")
METADATA = {"imageChannels": 2, "resolution": 16, "version": "fixture-1"}


class Doubler(nn.Module):
    """Any module will do for the archive without metadata."""

    def forward(self, x):
        return 2 * x


def inputs(generator, batch):
    r, c = CONFIG["resolution"], CONFIG["imageChannels"]
    x = torch.randn(batch, 1, r, r, generator=generator)
    image = torch.rand(batch, c, r, r, generator=generator)
    return x, image


def main():
    torch.set_num_threads(2)
    torch.manual_seed(20240611)

    model = ConditionalUNet(CONFIG).eval()
    with torch.no_grad():
        # torch_unet zero-initialises the output conv; small random weights make outputs non-trivial.
        nn.init.normal_(model.output_conv.weight, std=0.05)
        nn.init.normal_(model.output_conv.bias, std=0.05)

    # Traced (torch_unet's module-level float constants keep torch.jit.script from compiling it)
    # with a batch of 3; the batch dimension stays dynamic, checked below for batches 1 and 5.
    # Frozen (weights inlined as constants, one code file) to keep the archive small: unfrozen,
    # every traced submodule adds its own code and debug entries (~200 KB at baseChannels 4).
    # A frozen module has no named parameters, so flowseg reports 0 parameters for it.
    generator = torch.Generator().manual_seed(7)
    x, image = inputs(generator, 3)
    t = torch.rand(3, generator=generator)
    with torch.no_grad():
        traced = torch.jit.freeze(torch.jit.trace(model, (x, image, t)))

    # The traced module must accept other batch sizes and agree with the eager one.
    with torch.no_grad():
        for batch in (1, 3, 5):
            x, image = inputs(generator, batch)
            t = torch.rand(batch, generator=generator)
            eager, out = model(x, image, t), traced(x, image, t)
            assert out.shape == (batch, 1, 16, 16), out.shape
            assert torch.allclose(eager, out, atol=1e-6), (batch, (eager - out).abs().max())

    path = os.path.join(OUT, "tiny-velocity.pt")
    torch.jit.save(traced, path, _extra_files={"flowseg.json": json.dumps(METADATA)})

    # The fixed batch the Java test replays: row 3 has the all-zeros (null) condition.
    generator = torch.Generator().manual_seed(42)
    x, image = inputs(generator, 4)
    image[3].zero_()
    t = torch.tensor([0.0, 0.25, 0.5, 1.0])
    with torch.no_grad():
        velocity = torch.jit.load(path)(x, image, t)  # the saved archive, as Java will run it
        assert torch.allclose(velocity, model(x, image, t), atol=1e-6)
    assert velocity.abs().max() > 1e-3, "velocity is trivially zero"
    for name, array in (("inputs-x", x), ("inputs-image", image), ("inputs-t", t), ("expected-velocity", velocity)):
        np.save(os.path.join(OUT, name + ".npy"), array.numpy().astype(np.float32))

    torch.jit.save(torch.jit.script(Doubler()), os.path.join(OUT, "no-metadata.pt"))

    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"wrote {OUT}: {total} bytes, velocity range [{velocity.min():.4f}, {velocity.max():.4f}]")


if __name__ == "__main__":
    main()
