import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A component whose code is a chunk of its own, fetched and compiled when it first renders (or
 * when `preload` is called), not by every launch: the first screen used to parse and compile
 * the whole bundle, every dialog and panel with it. Nothing is shown while the chunk loads
 * (a local file: a few milliseconds), and only this component waits: its own Suspense boundary.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload(): void } {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => (loading ??= load().then((component) => ({ default: component })));
  const Lazy = lazy(start);
  function Loaded(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Object.assign(Loaded, { preload: () => void start() });
}
