/** data.py of an exported training project: the data sets and the transforms that fit them to the design's input. Design-independent: net.py, recipe.json and studio_keys.json carry the design. */
export const dataPy = String.raw`"""The data sets train.py reads, each as (training set, evaluation set, facts), with the transforms
that fit them to the network's input: its channels, height and width come from net.py's
INPUT_SHAPE, and any change to the images (grey to three channels, resizing) is said before training.

    synthetic       every class a fixed random pattern plus noise: no files, for smoke tests
    fashion-mnist   the IDX files (train-images-idx3-ubyte.gz, ...) in --data-dir, or Debian's
                    dataset-fashion-mnist package; --download fetches them
    cifar10         torchvision's CIFAR-10 in --data-dir (cifar-10-batches-py); --download fetches it
    cifar100        the same for CIFAR-100
    a directory     ImageNet's layout: DIR/train/<class>/*.jpg and DIR/val/<class>/*.jpg
"""
import gzip
import os
import struct

import torch
import torch.nn.functional as F
import torchvision
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms as T

# Per-channel mean and standard deviation of each set's training images.
STATS = {
    "fashion-mnist": ((0.2860,), (0.3530,)),
    "cifar10": ((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)),
    "cifar100": ((0.5071, 0.4865, 0.4409), (0.2673, 0.2564, 0.2762)),
    "imagenet": ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225)),
}
FASHION_MNIST_DIRS = ["/usr/share/datasets/fashion-mnist"]


class Mismatch(Exception):
    """The data do not fit the network, or are not there: one sentence saying why and what to do."""


class Synthetic(Dataset):
    """Image i of class c is c's fixed low-resolution random pattern, scaled up, plus Gaussian noise:
    deterministic by index (any number of processes read the same images) and learnable."""

    def __init__(self, inputs, classes, size, split):
        g = torch.Generator().manual_seed(0)
        self.patterns = [torch.randn([classes, s[1], 4, 4], generator=g) for s in inputs]
        self.shapes = [s[1:] for s in inputs]
        self.classes, self.size, self.offset = classes, size, 0 if split == "train" else 1 << 30

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        g = torch.Generator().manual_seed(self.offset + i)
        label = int(torch.randint(self.classes, (1,), generator=g))
        images = []
        for pattern, shape in zip(self.patterns, self.shapes):
            base = pattern[label : label + 1]
            if len(shape) == 3:
                base = F.interpolate(base, size=shape[1:], mode="nearest")
            images.append(base[0].reshape(shape) + 0.5 * torch.randn(shape, generator=g))
        return (images[0] if len(images) == 1 else tuple(images)), label


class IdxImages(Dataset):
    """Grey images and labels from the IDX files of (Fashion-)MNIST."""

    def __init__(self, images_path, labels_path, transform):
        self.images = read_idx(images_path)
        self.labels = read_idx(labels_path).long()
        self.transform = transform

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return self.transform(Image.fromarray(self.images[i].numpy(), mode="L")), int(self.labels[i])


def read_idx(path):
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4 : 4 + 4 * dims])
    return torch.frombuffer(bytearray(raw[4 + 4 * dims :]), dtype=torch.uint8).reshape(shape)


def find_idx(data_dir, stem):
    for folder in [data_dir, os.path.join(data_dir, "FashionMNIST", "raw")] + FASHION_MNIST_DIRS:
        for name in (stem, stem + ".gz"):
            if os.path.exists(os.path.join(folder, name)):
                return os.path.join(folder, name)
    return None


def transforms_for(facts, shape, recipe, notes):
    """Training and evaluation transforms from the data's own size and channels to the network's."""
    channels, height, width = shape
    name, stats = facts["name"], STATS[facts["stats"]]
    steps = []
    if facts["channels"] != channels:
        if facts["channels"] == 1 and channels == 3:
            steps.append(T.Grayscale(num_output_channels=3))
            stats = (stats[0] * 3, stats[1] * 3)
            notes.append(f"{name} is grey: each image is repeated over the network's 3 channels.")
        else:
            raise Mismatch(f"The network takes {channels}-channel images but {name} has {facts['channels']} channels: set the Input's channels to {facts['channels']} in the studio and export again.")
    augment = recipe["augment"]
    if facts["size"] is None:  # ImageFolder: photographs of any size
        train = [T.RandomResizedCrop((height, width))] if augment.get("resizedCrop", True) else [T.Resize((height, width))]
        evaluate = [T.Resize(round(min(height, width) / 0.875)), T.CenterCrop((height, width))]
    else:
        resize = [] if facts["size"] == (height, width) else [T.Resize((height, width))]
        if resize:
            notes.append(f"{name} images are {facts['size'][0]}x{facts['size'][1]}: resized to the network's {height}x{width}.")
        crop = [T.RandomCrop((height, width), padding=augment["crop"])] if augment["crop"] > 0 else []
        train, evaluate = resize + crop, resize
    flip = [T.RandomHorizontalFlip()] if augment["flip"] else []
    tail = [T.ToTensor(), T.Normalize(*stats)]
    return T.Compose(steps + train + flip + tail), T.Compose(steps + evaluate + tail)


def build(name, data_dir, download, inputs, classes, recipe, synthetic_size):
    """(training set, evaluation set, facts) for --data NAME; Mismatch when they do not fit."""
    notes = []
    if name == "synthetic":
        n = min(classes)
        facts = {"name": "synthetic", "split": "test", "classes": n, "notes": notes}
        return Synthetic(inputs, n, synthetic_size, "train"), Synthetic(inputs, n, max(1, synthetic_size // 4), "test"), facts
    if len(inputs) != 1 or len(inputs[0]) != 4:
        raise Mismatch(f"The network takes {len(inputs)} inputs of shapes {inputs}; only --data synthetic feeds anything but one batch of images.")
    shape = inputs[0][1:]
    if name == "fashion-mnist":
        facts = {"name": name, "stats": name, "channels": 1, "size": (28, 28), "classes": 10}
    elif name in ("cifar10", "cifar100"):
        facts = {"name": name, "stats": name, "channels": 3, "size": (32, 32), "classes": 10 if name == "cifar10" else 100}
    elif os.path.isdir(name):
        for split in ("train", "val"):
            if not os.path.isdir(os.path.join(name, split)):
                raise Mismatch(f"{name} has no {split}/ folder: an ImageFolder data set holds train/<class>/... and val/<class>/...")
        found = sorted(e.name for e in os.scandir(os.path.join(name, "train")) if e.is_dir())
        facts = {"name": os.path.basename(os.path.normpath(name)), "stats": "imagenet", "channels": 3, "size": None, "classes": len(found)}
    else:
        raise Mismatch(f'--data "{name}" is not synthetic, fashion-mnist, cifar10, cifar100 or a directory.')
    wrong = [c for c in classes if c != facts["classes"]]
    if wrong:
        raise Mismatch(f"The network has {wrong[0]} outputs but {facts['name']} has {facts['classes']} classes: set the classifier's outputs to {facts['classes']} in the studio and export again.")
    train_tf, eval_tf = transforms_for(facts, shape, recipe, notes)
    facts.update(split="test", notes=notes)

    if name == "fashion-mnist":
        if download:
            torchvision.datasets.FashionMNIST(data_dir, train=True, download=True)
            torchvision.datasets.FashionMNIST(data_dir, train=False, download=True)
        files = [find_idx(data_dir, f"{s}-{k}-idx{d}-ubyte") for s in ("train", "t10k") for k, d in (("images", 3), ("labels", 1))]
        if None in files:
            raise Mismatch(f"Fashion-MNIST is not in {data_dir}/ nor in {FASHION_MNIST_DIRS[0]}: pass --download, or install Debian's dataset-fashion-mnist.")
        return IdxImages(files[0], files[1], train_tf), IdxImages(files[2], files[3], eval_tf), facts
    if name in ("cifar10", "cifar100"):
        kind = torchvision.datasets.CIFAR10 if name == "cifar10" else torchvision.datasets.CIFAR100
        try:
            return (kind(data_dir, train=True, transform=train_tf, download=download),
                    kind(data_dir, train=False, transform=eval_tf, download=download), facts)
        except RuntimeError:
            raise Mismatch(f"{name} is not in {data_dir}/: pass --download, or put the python version of the files there.") from None
    facts["split"] = "val"
    return (torchvision.datasets.ImageFolder(os.path.join(name, "train"), transform=train_tf),
            torchvision.datasets.ImageFolder(os.path.join(name, "val"), transform=eval_tf), facts)
`;
