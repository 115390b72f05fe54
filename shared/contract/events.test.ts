import { describe, expect, it } from 'vitest';
import { eventChannelOf, eventNames, isEventName, parseEvent } from './events';
import { MenuMessage } from './menu';
import { channelOf } from './api';

const status = { jobId: 'j1', format: 'pdf', state: 'running', fraction: 0.3, message: 'Laying out' } as const;

describe('events of the contract', () => {
  it('declares export progress, changed parts and menu commands, each on its own channel', () => {
    expect(eventNames.sort()).toEqual(['exportProgress', 'menuCommand', 'partChanged']);
    const channels = eventNames.map(eventChannelOf);
    expect(new Set(channels).size).toBe(eventNames.length);
    // No event channel can be mistaken for a method's.
    for (const c of channels) expect(c).not.toBe(channelOf('exportStatus'));
    expect(isEventName('exportProgress')).toBe(true);
    expect(isEventName('toString')).toBe(false);
    expect(isEventName('constructor')).toBe(false);
  });

  it('accepts an export status and refuses one without a state or with an unknown format', () => {
    expect(parseEvent('exportProgress', status)).toMatchObject(status);
    expect(parseEvent('exportProgress', { ...status, state: undefined })).toBeNull();
    expect(parseEvent('exportProgress', { ...status, format: 'odt' })).toBeNull();
  });

  it('a changed part names its conference, part and integer revision, nothing else', () => {
    const changed = { handle: 'h1', path: '/w/a.rapporteur', partId: 'p1', revision: 4 };
    expect(parseEvent('partChanged', changed)).toEqual(changed);
    expect(parseEvent('partChanged', { ...changed, revision: 4.5 })).toBeNull();
    expect(parseEvent('partChanged', { ...changed, partId: '' })).toBeNull();
    expect(parseEvent('partChanged', { ...changed, doc: {} })).toBeNull();
  });

  it('menu commands are a discriminated union: a path only for open, an action always for editor-action', () => {
    expect(parseEvent('menuCommand', { command: 'open' })).toEqual({ command: 'open' });
    expect(parseEvent('menuCommand', { command: 'open', path: '/w/a.rapporteur' })).toEqual({
      command: 'open',
      path: '/w/a.rapporteur',
    });
    expect(parseEvent('menuCommand', { command: 'editor-action', action: 'bold' })).toEqual({
      command: 'editor-action',
      action: 'bold',
    });
    expect(parseEvent('menuCommand', { command: 'editor-action' })).toBeNull();
    expect(parseEvent('menuCommand', { command: 'editor-action', action: 'format-disk' })).toBeNull();
    expect(parseEvent('menuCommand', { command: 'export', path: '/etc/passwd' })).toBeNull();
    expect(parseEvent('menuCommand', { command: 'quit' })).toBeNull();
    expect(MenuMessage.safeParse({ command: 'close' }).success).toBe(true);
  });
});
