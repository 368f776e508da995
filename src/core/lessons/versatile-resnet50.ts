import { versatileConv } from '../ops/versatile';
import type { Shape } from '../shape';

/** Params and multiply-adds of a set of layers. */
export interface NetFigures {
  readonly params: number;
  readonly multiplyAdds: number;
}

/** ResNet-50's stages (torchvision's: the stride on each stage's first 3×3), output side and width. */
const stages = [
  { blocks: 3, width: 64, size: 56 },
  { blocks: 4, width: 128, size: 28 },
  { blocks: 6, width: 256, size: 14 },
  { blocks: 3, width: 512, size: 7 },
] as const;

/** A spatial versatile conv's effective figures (primaries stored, each secondary over its own taps). */
function versatile(
  params: { outChannels: number; kernel?: number; stride?: number; padding?: number },
  input: Shape,
): NetFigures {
  const def = versatileConv;
  const p = def.schema.parse(params);
  const shapes = def.infer({ params: p, inputs: [input] });
  if (!shapes.ok) throw new Error(shapes.problems[0]?.message);
  const e = def.effective?.({ params: p, inputs: [input], outputs: shapes.value });
  if (e === undefined) throw new Error('a versatile conv has no effective figures');
  return { params: e.params, multiplyAdds: e.multiplyAdds };
}

/**
 * Versatile-ResNet-50 as Wang et al. build it for their ImageNet table: every k×k conv of ResNet-50
 * (the 7×7 stem and each bottleneck's 3×3) made of spatial versatile filters with the same outputs;
 * the 1×1 convs (one mask only) and the classifier stay. Conv and FC weights with the FC bias, no
 * batch norm, as the paper's memory column counts them (float32, MiB).
 */
export function versatileResNet50(): NetFigures {
  const layers: NetFigures[] = [
    versatile({ outChannels: 64, kernel: 7, stride: 2, padding: 3 }, [1, 3, 224, 224]),
  ];
  const pointwise = (cin: number, cout: number, size: number): NetFigures => ({
    params: cin * cout,
    multiplyAdds: cin * cout * size * size,
  });
  let cin = 64;
  stages.forEach(({ blocks, width, size }, k) => {
    for (let b = 0; b < blocks; b++) {
      const stride = b === 0 && k > 0 ? 2 : 1;
      layers.push(pointwise(cin, width, size * stride));
      layers.push(versatile({ outChannels: width, stride }, [1, width, size * stride, size * stride]));
      layers.push(pointwise(width, 4 * width, size));
      if (b === 0) layers.push(pointwise(cin, 4 * width, size));
      cin = 4 * width;
    }
  });
  layers.push({ params: 2048 * 1000 + 1000, multiplyAdds: 2048 * 1000 });
  return {
    params: layers.reduce((s, l) => s + l.params, 0),
    multiplyAdds: layers.reduce((s, l) => s + l.multiplyAdds, 0),
  };
}
