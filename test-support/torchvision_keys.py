"""Prints, as JSON, the state-dict keys and shapes of generated PyTorch files and of the torchvision
models they were imported from (10 classes, as fixtures/torch/make.py builds them).

Usage: python3 test-support/torchvision_keys.py NAME=path.py ...
"""

import importlib.util
import json
import sys

import torchvision


def keys(model):
    return {
        k: list(v.shape) for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")
    }


out = {}
for arg in sys.argv[1:]:
    name, path = arg.split("=", 1)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out[name] = {
        "ours": keys(module.build_model()),
        "torchvision": keys(getattr(torchvision.models, name)(num_classes=10)),
    }
print(json.dumps(out))
