import { useId, useState, type ReactNode } from 'react';

interface Props {
  /** What the tip is attached to; it becomes focusable so keyboard users can read the tip too. */
  readonly children: ReactNode;
  readonly tip: ReactNode;
  readonly className?: string;
  /** The accessible name of the anchor (the tip itself is its description). */
  readonly label?: string;
}

/**
 * A tooltip shown on hover and on keyboard focus, placed with fixed positioning so the side
 * panel's scrolling cannot clip it. The anchor is described by the tip (aria-describedby).
 */
export function Tip({ children, tip, className, label }: Props) {
  const id = useId();
  const [at, setAt] = useState<{ x: number; y: number; above: boolean } | undefined>(undefined);
  const show = (el: HTMLElement): void => {
    const r = el.getBoundingClientRect();
    const above = r.bottom > window.innerHeight - 220;
    setAt({
      x: Math.max(8, Math.min(r.left, window.innerWidth - 348)),
      y: above ? r.top - 6 : r.bottom + 6,
      above,
    });
  };
  const hide = (): void => {
    setAt(undefined);
  };
  return (
    <span
      className={`cost-tip-anchor ${className ?? ''}`}
      tabIndex={0}
      aria-label={label}
      aria-describedby={id}
      onMouseEnter={(e) => {
        show(e.currentTarget);
      }}
      onMouseLeave={hide}
      onFocus={(e) => {
        show(e.currentTarget);
      }}
      onBlur={hide}
      onKeyDown={(e) => {
        if (e.key === 'Escape') hide();
      }}
    >
      {children}
      <span
        role="tooltip"
        id={id}
        className={`cost-tip ${at === undefined ? 'hidden' : ''} ${at?.above === true ? 'above' : ''}`}
        style={at === undefined ? undefined : { left: at.x, top: at.y }}
      >
        {tip}
      </span>
    </span>
  );
}
