import { describe, expect, it } from 'vitest';
import type { Participant } from '../../../shared/model/conference';
import { attributionFor } from './attribution';

const ana: Participant = {
  id: 'p1',
  honorific: 'Ms.',
  name: 'Ana Ruiz',
  title: 'Director of Research',
  organisation: 'FLACSO',
  country: 'Chile',
  group: '',
  role: 'Speaker',
};
const tom: Participant = {
  id: 'p2',
  honorific: '',
  name: 'Tom Li',
  title: '',
  organisation: '',
  country: '',
  group: '',
  role: '',
};

describe('the template’s attribution policy', () => {
  it('footnote: the name in the block, title and organisation in the note', () => {
    expect(attributionFor([ana], 'footnote')).toEqual({
      names: ['Ms. Ana Ruiz'],
      footnote: 'Director of Research, FLACSO, Chile.',
    });
    expect(attributionFor([tom], 'footnote')).toEqual({ names: ['Tom Li'], footnote: null });
    expect(attributionFor([ana, tom], 'footnote').footnote).toBe('Ms. Ana Ruiz: Director of Research, FLACSO, Chile.');
  });
  it('inline: title and organisation follow the name in the block', () => {
    expect(attributionFor([ana, tom], 'inline')).toEqual({
      names: ['Ms. Ana Ruiz, Director of Research, FLACSO, Chile', 'Tom Li'],
      footnote: null,
    });
  });
  it('none: the name only', () => {
    expect(attributionFor([ana], 'none')).toEqual({ names: ['Ms. Ana Ruiz'], footnote: null });
  });
});
