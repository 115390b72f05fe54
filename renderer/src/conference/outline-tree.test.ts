import { describe, expect, it } from 'vitest';
import type { PartSummary } from '../../../shared/model/conference';
import { moveTargetOf, targetOf } from './outline-tree';

const part = (id: string, parentId: string | null, position: number) =>
  ({
    id,
    parentId,
    position,
    kind: 'x',
    title: id,
    status: 'drafting',
    rapporteur: '',
    wordCount: 0,
    revision: 1,
  }) as unknown as PartSummary;
// a, a1, a2, b (in the order shown)
const parts = [part('a', null, 0), part('a1', 'a', 0), part('a2', 'a', 1), part('b', null, 1)];

describe('the outline from the keyboard', () => {
  it('arrows, Home and End walk the parts as shown; left and right change level', () => {
    expect(targetOf(parts, 'a', 'ArrowDown')).toBe('a1');
    expect(targetOf(parts, 'a1', 'ArrowUp')).toBe('a');
    expect(targetOf(parts, 'b', 'ArrowDown')).toBeNull();
    expect(targetOf(parts, 'a2', 'Home')).toBe('a');
    expect(targetOf(parts, 'a', 'End')).toBe('b');
    expect(targetOf(parts, 'a2', 'ArrowLeft')).toBe('a');
    expect(targetOf(parts, 'a', 'ArrowRight')).toBe('a1');
    expect(targetOf(parts, 'b', 'ArrowRight')).toBeNull();
    expect(targetOf(parts, 'a', 'x')).toBeNull();
  });
  it('Alt+Shift+arrows move a part one place among its siblings, never past either end', () => {
    expect(moveTargetOf(parts, 'a1', 1)).toEqual({ parentId: 'a', index: 1 });
    expect(moveTargetOf(parts, 'a2', 1)).toBeNull();
    expect(moveTargetOf(parts, 'a1', -1)).toBeNull();
    expect(moveTargetOf(parts, 'b', -1)).toEqual({ parentId: null, index: 0 });
  });
});
