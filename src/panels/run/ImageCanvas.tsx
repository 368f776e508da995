import { useEffect, useRef } from 'react';

/** Draws pixels at their own size; CSS scales the element (pixelated, so each value stays visible). */
export function ImageCanvas(props: { image: ImageData; label: string; className?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { image } = props;
  useEffect(() => {
    const canvas = ref.current;
    if (canvas === null) return;
    canvas.width = image.width;
    canvas.height = image.height;
    canvas.getContext('2d')?.putImageData(image, 0, 0);
  }, [image]);
  return <canvas ref={ref} role="img" aria-label={props.label} className={props.className} />;
}
