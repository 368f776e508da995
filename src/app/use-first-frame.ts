import { useEffect, useState } from 'react';

/**
 * False until the browser has drawn the page's first frame, then true: what the first canvas cards
 * do not need (the palette's catalogue) renders one frame later, in a box of the same size.
 */
export function useFirstFrameDrawn(): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    // A frame callback runs just before that frame is drawn; a task queued from it runs after.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        setDrawn(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return drawn;
}
