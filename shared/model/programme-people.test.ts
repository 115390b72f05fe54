import { describe, expect, it } from 'vitest';
import { doc, p, richParticipants, t } from '../compile/fixtures';
import { withProgrammePeople } from './programme-people';

type N = Record<string, unknown>;
const el = (type: string, children: N[], extra: N = {}): N => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
});

describe("the programme's people in a unit", () => {
  const item = { moderatorId: 'norza', speakerIds: ['perruchoud', 'ryan'] };

  it('fill the moderator line and the presentations that name no one, in order', () => {
    const unit = doc(
      el('moderator', [], { speakerIds: [], names: [] }),
      el('presentation', [t('Paper one')], { speakerIds: [], names: [] }),
      p('Body.'),
      el('presentation', [t('Paper two')], { speakerIds: [], names: [''] }),
    );
    const out = withProgrammePeople(unit, item, richParticipants())!;
    const kids = out.root.children as { type: string; speakerIds?: string[]; names?: string[] }[];
    expect(kids.map((k) => k.names)).toEqual([['Pilar Norza'], ['Richard Perruchoud'], undefined, ['Kelly Ryan']]);
    expect(kids[0]!.speakerIds).toEqual(['norza']);
    // The input is not changed in place.
    expect((unit.root.children[0] as { names: string[] }).names).toEqual([]);
  });

  it('leave lines that name someone, and say when there is nothing to do', () => {
    const unit = doc(
      el('moderator', [], { speakerIds: ['oyarce'], names: ['Pedro Oyarce'] }),
      el('presentation', [], { speakerIds: [], names: ['Ana Ruiz'] }),
    );
    expect(withProgrammePeople(unit, item, richParticipants())).toBeNull();
    expect(
      withProgrammePeople(
        doc(el('moderator', [], { speakerIds: [], names: [] })),
        { moderatorId: 'nobody', speakerIds: [] },
        richParticipants(),
      ),
    ).toBeNull();
  });
});
