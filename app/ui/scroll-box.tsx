import type { ReactNode } from 'react';

/**
 * A table wider than a phone scrolls sideways inside this box, never the page. The box is a
 * labelled region that takes focus, so it can be scrolled with the keyboard (WCAG 2.1.1), and
 * it is positioned, so that visually hidden text in the table (`sr-only` is absolutely
 * positioned) stays inside it instead of widening the page.
 */
export function ScrollBox({
  label,
  className = 'rounded-lg border border-slate-200 bg-white',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      className={`relative max-w-full overflow-x-auto ${className}`}
    >
      {children}
    </div>
  );
}
