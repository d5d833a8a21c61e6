"""What the test-fixture scripts share: the tiny network they build and where fixtures go."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# A flowseg UNet small enough to commit: 2 image channels, 16 px, attention at 8 px and in the
# middle, so every kind of block is exercised.
TINY_CONFIG = {
    "preset": "custom",
    "imageChannels": 2,
    "resolution": 16,
    "baseChannels": 4,
    "channelMultipliers": [1, 2],
    "residualBlocksPerLevel": 1,
    "attentionResolutions": [8],
    "middleAttention": True,
    "attentionHeads": 2,
    "normGroups": 4,
}


def fixture_dir(name):
    """src/test/resources/<name>, created if missing."""
    path = os.path.normpath(os.path.join(HERE, "..", "src", "test", "resources", name))
    os.makedirs(path, exist_ok=True)
    return path
