/** An SVG picture drawn into a PNG at `scale` times its size (capped so one side stays ≤ 8192 px). */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const s = Math.min(scale, 8192 / Math.max(image.width, image.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * s);
    canvas.height = Math.round(image.height * s);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw a PNG');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => {
      canvas.toBlob(resolve, 'image/png');
    });
    if (blob === null) throw new Error('this browser could not encode the PNG');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}
