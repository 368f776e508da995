/** train.py of an exported training project: the loop, DDP under torchrun, checkpoints, metrics and the weights back to the studio. Design-independent: net.py, recipe.json and studio_keys.json carry the design. */
export const trainPy = String.raw`"""Trains the network of net.py on one CPU or GPU, or on many GPUs and machines under torchrun.

    python train.py --data cifar10 --epochs 1
    torchrun --nproc_per_node=8 train.py --data /datasets/imagenet

The recipe (optimizer, schedule, augmentation) is recipe.json; the data sets are data.py. Every
process reads its share of each batch (DistributedSampler) and DistributedDataParallel averages the
gradients, so N processes at --batch B train as one process at batch N*B. Rank 0 writes, under
--out: metrics.jsonl (one JSON object a line), checkpoint.pt (each epoch and on SIGTERM), and at
the end weights.safetensors (keyed by the studio's layer keys, for File > Load trained weights) and
model.onnx.
"""
import argparse
import contextlib
import inspect
import json
import math
import os
import signal
import struct
import sys
import time

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, Sampler

import data
import net

HERE = os.path.dirname(os.path.abspath(__file__))


class Refusal(Exception):
    """Training cannot start: one sentence saying why."""


def read_json(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return json.load(f)


def parse_args(argv, recipe):
    p = argparse.ArgumentParser(description="Train the network of net.py (see README.md).")
    p.add_argument("--data", default=recipe.get("data"),
                   help="synthetic, fashion-mnist, cifar10, cifar100, or an ImageFolder directory with train/ and val/")
    p.add_argument("--data-dir", default="data", help="where fashion-mnist and CIFAR files are (default: data)")
    p.add_argument("--download", action="store_true", help="download fashion-mnist or CIFAR into --data-dir")
    p.add_argument("--epochs", type=int, default=recipe["epochs"])
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many steps in all (0: no limit)")
    p.add_argument("--batch", type=int, default=recipe["batch"], help="images per process and step")
    p.add_argument("--seed", type=int, default=recipe["seed"])
    p.add_argument("--out", default="run", help="folder for metrics, checkpoints and the trained weights")
    p.add_argument("--resume", action="store_true", help="continue from OUT/checkpoint.pt")
    p.add_argument("--resume-if-any", action="store_true", help="--resume when OUT/checkpoint.pt exists (requeued jobs)")
    p.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1),
                   help="data loading processes per training process (default: up to 4, at most the CPU cores)")
    p.add_argument("--log-every", type=int, default=20, help="write a metrics line every this many steps")
    p.add_argument("--synthetic-size", type=int, default=2048, help="training images of --data synthetic")
    p.add_argument("--cpu", action="store_true", help="train on the CPU even where CUDA is available")
    args = p.parse_args(argv)
    if args.data is None:
        raise Refusal("Give the data to train on: --data synthetic, fashion-mnist, cifar10, cifar100 or an ImageFolder directory.")
    for name in ("epochs", "batch", "synthetic_size", "log_every"):
        if getattr(args, name) < 1:
            raise Refusal(f"--{name.replace('_', '-')} must be at least 1.")
    return args


# ---------------------------------------------------------------------------------------------
# Processes: torchrun sets RANK, WORLD_SIZE and LOCAL_RANK; a plain "python train.py" is rank 0 of 1.

class Processes:
    def __init__(self, cpu):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.local_rank = int(os.environ.get("LOCAL_RANK", "0"))
        if torch.cuda.is_available() and not cpu:
            self.device = torch.device("cuda", self.local_rank)
            torch.cuda.set_device(self.device)
        else:
            self.device = torch.device("cpu")
        if self.world > 1:
            dist.init_process_group("nccl" if self.device.type == "cuda" else "gloo")
        self.main = self.rank == 0

    def sum(self, values):
        """The sums over every process of a list of numbers."""
        t = torch.tensor(values, dtype=torch.float64, device=self.device)
        if self.world > 1:
            dist.all_reduce(t)
        return t.tolist()

    def barrier(self):
        if self.world > 1:
            dist.barrier()

    def close(self):
        if self.world > 1:
            dist.destroy_process_group()


class Preemption:
    """SIGTERM (preemption; torchrun passes it on to every process) asks training to stop: it
    saves a checkpoint at the end of the step and leaves; --resume goes on from there."""

    def __init__(self):
        self.signal = 0
        signal.signal(signal.SIGTERM, self.handle)

    def handle(self, signum, frame):
        self.signal = signum

    def requested(self, procs):
        # Every process stops at the same step, even when only one of them got the signal.
        return procs.sum([float(self.signal)])[0] > 0


# ---------------------------------------------------------------------------------------------
# The network and what the design says about it.

def design_inputs():
    return [list(s) for s in net.INPUT_SHAPES] if hasattr(net, "INPUT_SHAPES") else [list(net.INPUT_SHAPE)]


def as_list(out):
    return list(out) if isinstance(out, (tuple, list)) else [out]


def scores(out):
    """Class scores of one output: an output with spatial dimensions is averaged over them."""
    return out.flatten(2).mean(2) if out.dim() > 2 else out.flatten(1)


@contextlib.contextmanager
def probing(model):
    """Eval mode for a probe pass of zeros: the batch norms' running statistics stay as they are."""
    was_training = model.training
    model.eval()
    try:
        yield
    finally:
        model.train(was_training)


def output_classes(model, inputs):
    with torch.no_grad(), probing(model):
        outs = as_list(model(*[torch.zeros([2] + s[1:]) for s in inputs]))
    return [scores(o).shape[1] for o in outs]


def unused_parameters(model, inputs):
    """Parameters no output depends on (a branch that reaches no Output): DDP must be told."""
    with probing(model):
        outs = as_list(model(*[torch.zeros([2] + s[1:]) for s in inputs]))
        sum(scores(o).sum() for o in outs).backward()
    unused = [name for name, p in model.named_parameters() if p.grad is None]
    model.zero_grad(set_to_none=True)
    return unused


def fewest_normalised(model, inputs):
    """(values per channel per image, name) of the batch norm that normalises the fewest: its map's
    height x width (1 for a flattened one), measured by one forward pass of a single image."""
    seen = []
    hooks = [m.register_forward_hook(lambda mod, i, o, name=name: seen.append((i[0][0].numel() // i[0].shape[1], name)))
             for name, m in model.named_modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    with torch.no_grad(), probing(model):
        model(*[torch.zeros([1] + s[1:]) for s in inputs])
    for h in hooks:
        h.remove()
    return min(seen) if seen else None


def sparse_masks(model, studio):
    """A sparse or lookup layer's zeros are its structure: they stay zero while the rest trains."""
    params = dict(model.named_parameters())
    return {name: (params[name] != 0) for name in (t["name"] for t in studio["tensors"] if t["sparse"])
            if name in params and net.WEIGHTS is not None}


# ---------------------------------------------------------------------------------------------
# Recipe: optimizer and schedule.

def he_init(model):
    """The studio engine's initialisation of a design without weights: He uniform (bound sqrt(6 / fan_in),
    kaiming_uniform_ with ReLU's gain) for every weight of two or more dimensions, zero biases, batch
    norm at 1 and 0. PyTorch's default (bound 1 / sqrt(fan_in)) starts a net without batch norm, such
    as SqueezeNet, with signals that shrink layer by layer."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if p.dim() > 1:
                nn.init.kaiming_uniform_(p, a=0, mode="fan_in", nonlinearity="relu")
            elif name.endswith("bias"):
                p.zero_()


def learning_rate(recipe, global_batch):
    """SGD's rate scales linearly with the global batch (Goyal et al. 2017); Adam's is taken as given."""
    if recipe["optimizer"] != "sgd":
        return recipe["learningRate"]
    return recipe["learningRate"] * global_batch / recipe.get("referenceBatch", 256)


def optimizer_for(model, recipe, lr):
    decay = [p for p in model.parameters() if p.dim() > 1]
    no_decay = [p for p in model.parameters() if p.dim() <= 1]  # biases and batch norm: no weight decay
    groups = [{"params": decay, "weight_decay": recipe["weightDecay"]}, {"params": no_decay, "weight_decay": 0.0}]
    kind = recipe["optimizer"]
    if kind == "sgd":
        return torch.optim.SGD(groups, lr=lr, momentum=recipe.get("momentum", 0.9), nesterov=recipe.get("nesterov", False))
    if kind == "adamw":
        return torch.optim.AdamW(groups, lr=lr)
    if kind == "adam":
        return torch.optim.Adam(groups, lr=lr)
    raise Refusal(f'recipe.json: optimizer "{kind}" is not one of sgd, adamw, adam.')


def schedule_for(optimizer, recipe, steps_per_epoch, epochs):
    """Linear warm-up, then cosine decay to 0 (or constant) over the whole run, stepped every step."""
    total = max(1, steps_per_epoch * epochs)
    warmup = min(total - 1, round(recipe["warmupEpochs"] * steps_per_epoch))

    def factor(step):
        if step < warmup:
            return (step + 1) / (warmup + 1)
        if recipe["schedule"] == "constant":
            return 1.0
        return 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)


def grad_scaler(enabled):
    if hasattr(torch, "amp") and hasattr(torch.amp, "GradScaler"):  # PyTorch 2.3 and later
        return torch.amp.GradScaler("cuda", enabled=enabled)
    return torch.cuda.amp.GradScaler(enabled=enabled)


def autocast(enabled):
    return torch.autocast(device_type="cuda", dtype=torch.float16) if enabled else contextlib.nullcontext()


# ---------------------------------------------------------------------------------------------
# Sampling: the same permutation for any number of processes, and resuming inside an epoch.

class Skip(Sampler):
    """The indices of the sampler but the first skip (the batches a resumed run has already done)."""

    def __init__(self, sampler, skip):
        self.sampler, self.skip = sampler, skip

    def __iter__(self):
        for i, index in enumerate(self.sampler):
            if i >= self.skip:
                yield index

    def __len__(self):
        return len(self.sampler) - self.skip


class Strided(Sampler):
    """Evaluation: process r reads images r, r + N, r + 2N, ... so every image is counted once."""

    def __init__(self, size, procs):
        self.indices = range(procs.rank, size, procs.world)

    def __iter__(self):
        return iter(self.indices)

    def __len__(self):
        return len(self.indices)


def to_device(batch, device, channels_last):
    xs, y = batch
    xs = xs if isinstance(xs, (tuple, list)) else [xs]
    fmt = torch.channels_last if channels_last else torch.contiguous_format
    xs = [x.to(device, non_blocking=True).contiguous(memory_format=fmt) if x.dim() == 4 else x.to(device) for x in xs]
    return xs, y.to(device, non_blocking=True)


def correct(logits, y, k):
    k = min(k, logits.shape[1])
    return (logits.topk(k, dim=1).indices == y[:, None]).any(dim=1).sum().item()


def evaluate(model, loader, procs, amp, channels_last, criterion):
    model.eval()
    totals = [0.0, 0.0, 0.0, 0.0]  # loss sum, top-1 hits, top-5 hits, images
    with torch.no_grad():
        for batch in loader:
            xs, y = to_device(batch, procs.device, channels_last)
            with autocast(amp):
                outs = [scores(o).float() for o in as_list(model(*xs))]
            loss = sum(criterion(o, y) for o in outs) / len(outs)
            totals = [totals[0] + loss.item() * len(y), totals[1] + correct(outs[0], y, 1),
                      totals[2] + correct(outs[0], y, 5), totals[3] + len(y)]
    loss, top1, top5, n = procs.sum(totals)
    model.train()
    n = max(n, 1)
    return {"loss": loss / n, "top1": top1 / n, "top5": top5 / n, "images": int(n)}


# ---------------------------------------------------------------------------------------------
# Files: metrics, checkpoints, the studio's weights and ONNX.

class Metrics:
    def __init__(self, path, enabled):
        self.path, self.enabled = path, enabled

    def write(self, **record):
        # JSON has no NaN or infinity: a diverged loss is written as null.
        record = {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in record.items()}
        if self.enabled:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")


def save_checkpoint(path, model, optimizer, schedule, scaler, epoch, step, done, procs, global_batch):
    """Every process's random state goes in, so that dropout continues exactly where it stopped."""
    rng = [torch.get_rng_state(), torch.cuda.get_rng_state() if procs.device.type == "cuda" else None]
    states = [None] * procs.world
    if procs.world > 1:
        dist.all_gather_object(states, rng)
    else:
        states = [rng]
    if procs.main:
        state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "schedule": schedule.state_dict(),
                 "scaler": scaler.state_dict(), "epoch": epoch, "step": step, "done": done, "rng": states,
                 "global_batch": global_batch}
        torch.save(state, path + ".tmp")
        os.replace(path + ".tmp", path)  # a kill while writing never leaves half a checkpoint
    procs.barrier()


def save_safetensors(path, tensors, metadata):
    """The safetensors format written with struct and json: an 8-byte little-endian header length, a
    JSON header {name: {dtype, shape, data_offsets}}, then the raw little-endian float32 data."""
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        raw = t.detach().to("cpu", torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)


def studio_weights(model, studio):
    """The trained tensors under the studio's names: layer key, a dot, role ("n7/expand.weight")."""
    state = model.state_dict()
    return {f'{t["key"]}.{t["role"]}': state[t["name"]] for t in studio["tensors"]}


def export_onnx(state, inputs, path):
    model = net.build_model(weights=None)
    model.load_state_dict(state)
    model.eval()
    example = tuple(torch.zeros([1] + s[1:]) for s in inputs)
    names = [f"input{i}" for i in range(len(inputs))]
    options = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    torch.onnx.export(model, example, path, opset_version=13, input_names=names,
                      dynamic_axes={n: {0: "batch"} for n in names}, **options)


# ---------------------------------------------------------------------------------------------

def train(args, procs):
    recipe = read_json("recipe.json")
    studio = read_json("studio_keys.json")
    os.makedirs(args.out, exist_ok=True)
    checkpoint_path = os.path.join(args.out, "checkpoint.pt")
    args.resume = args.resume or (args.resume_if_any and os.path.exists(checkpoint_path))
    if args.resume and not os.path.exists(checkpoint_path):
        raise Refusal(f"--resume: there is no {checkpoint_path} to resume from.")

    torch.manual_seed(args.seed)  # the same initial weights in every process
    model = net.build_model()  # loads net.safetensors when the design has weights (fine-tuning)
    if net.WEIGHTS is None and recipe.get("init") == "he-uniform":
        he_init(model)
    inputs = design_inputs()
    classes = output_classes(model, inputs)
    unused = unused_parameters(model, inputs)
    fewest = fewest_normalised(model, inputs)
    if fewest is not None and fewest[0] * args.batch <= 2:
        # Two values a channel normalise to +1 and -1 whatever they are, and the gradient grows as
        # 1/|difference|: MobileNetV2 at 32x32 (1x1 maps) with --batch 2 reaches NaN within 8 steps.
        raise Refusal(f"Batch norm {fewest[1]} would normalise only {fewest[0] * args.batch} values per channel "
                      f"(--batch {args.batch} of {fewest[0]} each): training gives NaN; use --batch {math.ceil(4 / fewest[0])} or more, or a larger input.")
    masks = sparse_masks(model, studio)

    # Data: rank 0 downloads first, the others then read the files it wrote.
    build = lambda: data.build(args.data, args.data_dir, args.download, inputs, classes, recipe, args.synthetic_size)
    if args.download and not procs.main:
        procs.barrier()
    try:
        train_set, eval_set, about = build()
    finally:
        if args.download and procs.main:
            procs.barrier()
    if procs.main:
        for note in about["notes"]:
            print(f"note: {note}", flush=True)

    cuda = procs.device.type == "cuda"
    amp = cuda and recipe.get("mixedPrecision", True)
    channels_last = cuda and len(inputs[0]) == 4
    if procs.world > 1 and cuda and recipe.get("syncBatchNorm", True):
        model = nn.SyncBatchNorm.convert_sync_batchnorm(model)  # batch statistics over the global batch
    model.to(procs.device)
    if channels_last:
        model.to(memory_format=torch.channels_last)
    model.train()

    sampler = DistributedSampler(train_set, num_replicas=procs.world, rank=procs.rank, shuffle=True,
                                 seed=args.seed, drop_last=True)
    steps_per_epoch = len(sampler) // args.batch
    if steps_per_epoch == 0:
        raise Refusal(f"{about['name']} has {len(train_set)} training images: too few for {procs.world} process(es) at --batch {args.batch}.")
    global_batch = args.batch * procs.world
    lr = learning_rate(recipe, global_batch)
    optimizer = optimizer_for(model, recipe, lr)
    schedule = schedule_for(optimizer, recipe, steps_per_epoch, args.epochs)
    scaler = grad_scaler(amp)
    criterion = nn.CrossEntropyLoss(label_smoothing=recipe["labelSmoothing"])

    epoch, step, done = 0, 0, 0
    if args.resume:
        state = torch.load(checkpoint_path, map_location="cpu")
        if state["global_batch"] != global_batch:
            raise Refusal(f"--resume: the checkpoint was trained at a global batch of {state['global_batch']}, this run's is {global_batch} ({procs.world} x {args.batch}): resume with the same.")
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        schedule.load_state_dict(state["schedule"])
        scaler.load_state_dict(state["scaler"])
        epoch, step, done = state["epoch"], state["step"], state["done"]
        rng = state["rng"][procs.rank] if procs.rank < len(state["rng"]) else state["rng"][0]
        torch.set_rng_state(rng[0])
        if cuda and rng[1] is not None:
            torch.cuda.set_rng_state(rng[1])
    ddp = DistributedDataParallel(model, device_ids=[procs.device.index] if cuda else None,
                                  find_unused_parameters=bool(unused)) if procs.world > 1 else model

    workers = 0 if args.data == "synthetic" else args.workers
    loader_seed = torch.Generator()
    eval_loader = DataLoader(eval_set, batch_size=args.batch, sampler=Strided(len(eval_set), procs),
                             num_workers=workers, pin_memory=cuda, generator=torch.Generator().manual_seed(0))
    metrics = Metrics(os.path.join(args.out, "metrics.jsonl"), procs.main)
    metrics.write(event="start", design=studio["design"], designHash=studio["designHash"], data=about["name"],
                  split=about["split"], classes=about["classes"], train_images=len(train_set),
                  eval_images=len(eval_set), processes=procs.world, batch=args.batch, global_batch=global_batch,
                  epochs=args.epochs, steps_per_epoch=steps_per_epoch, seed=args.seed, recipe=recipe,
                  device=str(procs.device), resumed_at_step=step if args.resume else None, time=time.time())
    preemption = Preemption()
    max_steps = args.max_steps or steps_per_epoch * args.epochs
    started, tick, seen = time.time(), time.time(), 0
    last_eval = None

    while epoch < args.epochs and step < max_steps:
        sampler.set_epoch(epoch)
        loader_seed.manual_seed(args.seed * 1000 + epoch)  # augmentation randomness per epoch
        loader = DataLoader(train_set, batch_size=args.batch, sampler=Skip(sampler, done * args.batch),
                            num_workers=workers, pin_memory=cuda, drop_last=True, generator=loader_seed)
        stop = False
        for batch in loader:
            xs, y = to_device(batch, procs.device, channels_last)
            with autocast(amp):
                outs = [scores(o).float() for o in as_list(ddp(*xs))]
                loss = sum(criterion(o, y) for o in outs) / len(outs)
            optimizer.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            schedule.step()
            if masks:
                with torch.no_grad():
                    for name, p in model.named_parameters():
                        if name in masks:
                            p.mul_(masks[name])
            step, done, seen = step + 1, done + 1, seen + len(y)
            if step % args.log_every == 0 or step == max_steps or done == steps_per_epoch:
                hits = [loss.item() * len(y), correct(outs[0].detach(), y, 1), correct(outs[0].detach(), y, 5), len(y)]
                total_loss, top1, top5, n = procs.sum(hits)
                now = time.time()
                metrics.write(epoch=epoch + 1, step=step, split="train", loss=total_loss / n, top1=top1 / n,
                              top5=top5 / n, lr=optimizer.param_groups[0]["lr"],
                              images_per_second=seen * procs.world / max(now - tick, 1e-9))
                tick, seen = now, 0
            if preemption.requested(procs):
                save_checkpoint(checkpoint_path, model, optimizer, schedule, scaler, epoch, step, done, procs, global_batch)
                metrics.write(event="stopped", signal=preemption.signal, epoch=epoch + 1, step=step)
                if procs.main:
                    print(f"Stopped at step {step} by signal {preemption.signal}; {checkpoint_path} saved: go on with --resume.", flush=True)
                return False
            if step >= max_steps:
                stop = True
                break
        if not stop:
            epoch, done = epoch + 1, 0
        last_eval = evaluate(model, eval_loader, procs, amp, channels_last, criterion)
        metrics.write(epoch=epoch if not stop else epoch + 1, step=step, split=about["split"], **last_eval)
        save_checkpoint(checkpoint_path, model, optimizer, schedule, scaler, epoch, step, done, procs, global_batch)

    if last_eval is None:
        last_eval = evaluate(model, eval_loader, procs, amp, channels_last, criterion)
    seconds = time.time() - started
    metrics.write(event="end", step=step, epochs=step / steps_per_epoch, seconds=seconds, data=about["name"],
                  split=about["split"], time=time.time(), **last_eval)
    if procs.main:
        state = {k: v.detach().cpu() for k, v in model.state_dict().items()}
        weights_path = os.path.join(args.out, "weights.safetensors")
        save_safetensors(weights_path, studio_weights(model, studio),
                         {"format": "pt", "design": studio["design"], "designHash": studio["designHash"],
                          "steps": str(step), "data": about["name"]})
        print(f"Trained {step} steps ({step / steps_per_epoch:.2f} epochs) in {seconds:.1f} s: "
              f"{about['split']} top-1 {last_eval['top1']:.4f}, top-5 {last_eval['top5']:.4f}. Wrote {weights_path}.", flush=True)
        try:
            export_onnx(state, inputs, os.path.join(args.out, "model.onnx"))
        except Exception as e:  # the trained weights are already saved
            print(f"note: model.onnx not written: {e}", file=sys.stderr, flush=True)
    procs.barrier()
    return True


def main(argv=None):
    recipe = read_json("recipe.json")
    args = parse_args(argv, recipe)
    procs = Processes(args.cpu)
    try:
        return train(args, procs)
    finally:
        procs.close()


if __name__ == "__main__":
    try:
        main()
    except (Refusal, data.Mismatch) as e:
        print(f"train.py: {e}", file=sys.stderr)
        sys.exit(2)
`;
