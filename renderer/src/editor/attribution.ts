import type { Participant } from '../../../shared/model/conference';
import type { Template } from '../../../shared/templates/schema';

/** "Ms. Ana Ruiz" */
export const displayName = (p: Participant): string => [p.honorific, p.name].filter(Boolean).join(' ');

/** "Director, Regional Office, IOM, Chile": what a footnote or an inline attribution says about a speaker. */
export const affiliation = (p: Participant): string => [p.title, p.organisation, p.country].filter(Boolean).join(', ');

export interface Attribution {
  names: string[];
  footnote: string | null;
}

/**
 * How speakers appear under the template's policy:
 *  - footnote: the name in the block, title and organisation in a footnote (seed 000);
 *  - inline:   "Name, Title, Organisation" in the block itself (seed 003);
 *  - none:     the name only.
 */
export function attributionFor(speakers: Participant[], policy: Template['attribution']): Attribution {
  if (policy === 'inline') {
    return { names: speakers.map((p) => [displayName(p), affiliation(p)].filter(Boolean).join(', ')), footnote: null };
  }
  const names = speakers.map(displayName);
  if (policy === 'footnote') {
    const notes = speakers.map((p) => (affiliation(p) ? `${displayName(p)}: ${affiliation(p)}.` : '')).filter(Boolean);
    return {
      names,
      footnote: notes.length ? (speakers.length === 1 ? `${affiliation(speakers[0]!)}.` : notes.join(' ')) : null,
    };
  }
  return { names, footnote: null };
}
