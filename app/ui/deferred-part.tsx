import { type ComponentType, createElement, lazy, Suspense } from 'react';

/**
 * A part of a page that only some visits show (a correction form, the supervisees' entries),
 * whose code the browser fetches after the page instead of with it: the page's JavaScript
 * budget (100 KiB, issue 10) is spent on what every visit needs.
 *
 * The server renders the part in full, from `onServer` (so the HTML has it and it works
 * without JavaScript); pass `import.meta.env.SSR ? Part : null`, which leaves the static
 * import out of the browser build. The browser loads the part with `load` and hydrates it
 * when its code has arrived, keeping the server's HTML until then; after a client-side
 * navigation it appears once loaded. Both sides wrap it in the same Suspense boundary.
 */
export function deferredPart<P extends object>(
  onServer: ComponentType<P> | null,
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  // A lazy component takes the same props; React's types only lose track of them here.
  const Part = (onServer ?? lazy(async () => ({ default: await load() }))) as ComponentType<P>;
  function DeferredPart(props: P) {
    return <Suspense fallback={null}>{createElement(Part, props)}</Suspense>;
  }
  return DeferredPart;
}
