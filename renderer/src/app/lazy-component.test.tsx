import { describe, expect, it } from 'vitest';
import { prerenderToNodeStream } from 'react-dom/static';
import type { ReactNode } from 'react';
import { lazyComponent } from './lazy-component';

/** The HTML React renders once every chunk has loaded; errors are handed to onError. */
async function html(node: ReactNode, onError?: (error: unknown) => void): Promise<string> {
  const { prelude } = await prerenderToNodeStream(node, { onError });
  let out = '';
  for await (const chunk of prelude) out += String(chunk);
  return out;
}

describe('lazyComponent', () => {
  it('renders the loaded component with its props, loading its code once however often it renders or is preloaded', async () => {
    let loads = 0;
    const Greeting = lazyComponent(async () => {
      loads += 1;
      return ({ name }: { name: string }) => <p>Hello {name}</p>;
    });
    expect(loads).toBe(0); // nothing is fetched until it is needed
    Greeting.preload();
    Greeting.preload();
    expect(loads).toBe(1);
    expect(await html(<Greeting name="Ana" />)).toBe('<!--$--><p>Hello <!-- -->Ana</p><!--/$-->');
    expect(await html(<Greeting name="Luis" />)).toBe('<!--$--><p>Hello <!-- -->Luis</p><!--/$-->');
    expect(loads).toBe(1);
  });

  it('shows nothing in its place while the chunk loads, and only it waits: what is beside it renders', async () => {
    let release!: () => void;
    const Slow = lazyComponent(
      () => new Promise<() => ReactNode>((resolve) => (release = () => resolve(() => <i>late</i>))),
    );
    const page = html(
      <div>
        <b>now</b>
        <Slow />
      </div>,
    );
    await new Promise((r) => setTimeout(r, 10));
    release();
    // The boundary is the component's own: the <b> beside it is outside the fallback.
    expect(await page).toMatch(/^<div><b>now<\/b><!--\$\??-->.*<i>late<\/i>.*<\/div>$/s);
  });

  it('passes on the error of a chunk that cannot be loaded (not swallowed into an empty place)', async () => {
    const Broken = lazyComponent(() => Promise.reject(new Error('chunk missing')));
    const errors: unknown[] = [];
    await html(<Broken />, (e) => errors.push(e));
    expect(errors).toEqual([new Error('chunk missing')]);
  });
});
