import type { ProjectRecipe } from './project-recipe';

export interface ReadmeFacts {
  readonly name: string;
  readonly input: readonly number[];
  readonly classes: readonly number[];
  readonly weights: boolean;
  readonly recipe: ProjectRecipe;
}

/** README.md of a training project: what each file is, and how to launch on one GPU, many, a cluster. */
export function readmeText(f: ReadmeFacts): string {
  const data = f.recipe.data ?? '/datasets/imagenet';
  return `# ${f.name === '' ? 'A design' : f.name}: training project

Written by Compact Studio. PyTorch and torchvision only (PyTorch 1.13 or later).

| File | What it is |
| --- | --- |
| \`net.py\` | The network, as the studio's PyTorch export writes it: \`build_model()\` returns it. |
| \`train.py\` | The training loop: one process, or many under \`torchrun\` (DistributedDataParallel). |
| \`data.py\` | The data sets, with the transforms that fit them to the network's input. |
| \`recipe.json\` | The recipe: epochs, batch per process, optimizer, learning rate, schedule, augmentation. |
| \`studio_keys.json\` | Which state-dict entry is which layer of the design (the studio's layer keys). |
${f.weights ? "| `net.safetensors` | The design's weights: training starts from them (fine-tuning). |\n" : ''}
Input ${f.input.join('×')}, ${f.classes.length === 1 ? `${f.classes[0] ?? 0} classes` : `${f.classes.length} outputs (${f.classes.join(', ')} classes), trained together on the same labels`}.
${f.recipe.notes.join(' ')}

## Run

Smoke test, anywhere (random patterns, no files):

    python train.py --data synthetic --epochs 1 --out run

One GPU (or the CPU when there is none):

    python train.py --data ${data} --out run

Every GPU of one machine (\`--batch\` is per process: 8 GPUs × ${f.recipe.batch} = ${8 * f.recipe.batch} images a step):

    torchrun --nproc_per_node=8 train.py --data ${data} --out run

Several machines: run this on each, with the same \`--rdzv-id\` and the first machine's address:

    torchrun --nnodes=4 --nproc_per_node=8 --rdzv-backend=c10d --rdzv-endpoint=HOST:29400 \\
        --rdzv-id=job1 train.py --data ${data} --out run

Slurm (\`sbatch train.sbatch\`):

    #!/bin/bash
    #SBATCH --job-name=train
    #SBATCH --nodes=4
    #SBATCH --ntasks-per-node=1
    #SBATCH --gpus-per-node=8
    #SBATCH --cpus-per-task=32
    #SBATCH --requeue
    head=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
    srun torchrun --nnodes="$SLURM_NNODES" --nproc_per_node=8 --rdzv-backend=c10d \\
        --rdzv-endpoint="$head:29400" --rdzv-id="$SLURM_JOB_ID" \\
        train.py --data ${data} --out run --resume-if-any

(\`--resume-if-any\` is \`--resume\` when \`run/checkpoint.pt\` exists, so a requeued job goes on.)

## Options

    --data synthetic|fashion-mnist|cifar10|cifar100|DIR   DIR holds train/<class>/ and val/<class>/
    --data-dir data      where Fashion-MNIST and CIFAR files are; --download fetches them there
    --epochs E           (recipe: ${f.recipe.epochs})
    --batch B            images per process and step (recipe: ${f.recipe.batch})
    --max-steps S        stop after S steps in all
    --seed N             (recipe: ${f.recipe.seed})
    --out DIR            metrics.jsonl, checkpoint.pt, weights.safetensors, model.onnx
    --resume             continue from DIR/checkpoint.pt

A checkpoint is written after every epoch, and when the process gets SIGTERM (preemption;
torchrun passes it on to every process): it stops at the end of the step. \`--resume\` continues with the same images in the
same order, at the same global batch. On CUDA, training uses mixed precision (float16 autocast) and
channels-last; several GPUs share batch-norm statistics (SyncBatchNorm). Where the data do not fit the
network (channels, classes), train.py says so in one sentence before training.

## Results

\`run/metrics.jsonl\` has one JSON object a line: a \`start\` line (data, recipe, processes), a line
every \`--log-every\` steps (\`epoch\`, \`step\`, \`loss\`, \`top1\`, \`top5\`, \`lr\`,
\`images_per_second\`), an evaluation line per epoch (\`split\`: test or val) and an \`end\` line.

\`run/weights.safetensors\` holds the trained weights under the studio's layer keys: in the studio,
File → Load trained weights (pick it together with metrics.jsonl), or

    npm run cli -- weights design.json --load run/weights.safetensors --metrics run/metrics.jsonl -o trained.json

\`run/model.onnx\` is the trained network in ONNX (opset 13).
`;
}
