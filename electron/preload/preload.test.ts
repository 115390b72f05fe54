import { expect, test, vi } from 'vitest';
import { channelOf, methodNames } from '../../shared/contract/api';
import { exposed, invoked } from '../main/testing/fake-electron';

vi.mock('electron', () => import('../main/testing/fake-electron'));

test('the preload exposes exactly the contract’s methods and the menu listener, nothing else', async () => {
  await import('./preload');
  expect([...exposed.keys()]).toEqual(['rapporteur']);
  const bridge = exposed.get('rapporteur') as { api: Record<string, (i: unknown) => Promise<unknown>>; onMenu: unknown; platform: string };
  expect(Object.keys(bridge).sort()).toEqual(['api', 'onMenu', 'platform']);
  expect(Object.keys(bridge.api).sort()).toEqual([...methodNames].sort());
  // Each method is a plain invoke on its own prefixed channel; the payload goes through untouched.
  await expect(bridge.api.getPart!({ handle: 'h', partId: 'p' })).resolves.toEqual({ ok: true, value: channelOf('getPart') });
  expect(invoked).toEqual([['rapporteur:getPart', { handle: 'h', partId: 'p' }]]);
});
