/**
 * A rich conference for tests and benchmarks: every element kind, footnotes,
 * recommendations, participants and an agenda, with a template that has every
 * generated section. Built in code so tests do not depend on the sample files.
 */
import type { AgendaItem, ConferenceMeta, LexicalDoc, Participant } from '../model/conference';
import { emptyMeta } from '../model/conference';
import type { Template } from '../templates/schema';
import type { ConferenceSource } from './compile';

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
export const t = (text: string, format = 0): N => ({
  type: 'text',
  version: 1,
  text,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
});
export const p = (...children: (N | string)[]): N =>
  el(
    'paragraph',
    children.map((c) => (typeof c === 'string' ? t(c) : c)),
  );
export const h = (level: 1 | 2 | 3 | 4, text: string): N => el('heading', [t(text)], { tag: `h${level}` });
export const fn = (text: string): N => ({ type: 'footnote', version: 1, text });
/** A link, as the editor stores it. */
export const link = (url: string, text: string, format = 0): N =>
  el('link', [t(text, format)], { url, rel: null, target: null, title: null });
/** A note with a rich body (runs, links), its plain text beside it as the editor writes it. */
export const richFn = (...children: N[]): N => ({
  type: 'footnote',
  version: 1,
  children,
  text: children
    .map((c) => (c.type === 'text' ? c.text : ((c.children as N[] | undefined)?.map((k) => k.text).join('') ?? '')))
    .join(''),
});
const li = (value: number, children: N[], $?: N): N => el('listitem', children, { value, ...($ ? { $ } : {}) });
export const ul = (items: (string | N[])[], role?: string): N =>
  el(
    'list',
    items.map((it, i) => li(i + 1, typeof it === 'string' ? [t(it)] : it)),
    { listType: 'bullet', start: 1, tag: 'ul', ...(role ? { $: { role } } : {}) },
  );
export const ol = (items: (string | N[])[], $?: N, start = 1): N =>
  el(
    'list',
    items.map((it, i) => li(start + i, typeof it === 'string' ? [t(it)] : it)),
    { listType: 'number', start, tag: 'ol', ...($ ? { $ } : {}) },
  );
export const doc = (...children: N[]): LexicalDoc => ({
  root: { type: 'root', version: 1, children, direction: 'ltr', format: '', indent: 0 },
});

/** A 1×1 red PNG, so figures have a real image to embed. */
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

export const richTemplate = (): Template => ({
  id: 'test-proceedings',
  name: 'Test proceedings',
  description: 'Every generated section, footnote attribution, paragraph numbering.',
  seed: '000_2cce3bbd4d3fadd6.txt',
  metaFields: [
    'title',
    'subtitle',
    'symbol',
    'issuingBodies',
    'startDate',
    'endDate',
    'city',
    'country',
    'language',
    'originalLanguage',
    'distribution',
  ],
  numbering: [
    { style: 'upper-alpha', prefix: '', suffix: '.' },
    { style: 'upper-roman', prefix: 'Unit ', suffix: '.' },
    { style: 'decimal', prefix: '', suffix: '.' },
  ],
  attribution: 'footnote',
  recommendationColumns: ['No.', 'Thematic area', 'Recommendation', 'Addressee(s)'],
  style: {
    bodyFont: 'Liberation Serif',
    headingFont: 'Liberation Sans',
    bodySizePt: 11,
    headingSizesPt: [15, 13, 12, 11],
    lineSpacing: 1.15,
    paragraphSpacingPt: 6,
    footnotes: 'continuous',
    paragraphNumbering: true,
    pageSize: 'A4',
  },
  sections: [
    {
      id: 'toc',
      title: 'Contents',
      required: true,
      repeatable: false,
      generated: 'toc',
      allows: [],
      guidance: '',
      children: [],
    },
    {
      id: 'abstract',
      title: 'Abstract',
      required: true,
      repeatable: false,
      numbered: false,
      allows: ['paragraph'],
      guidance: '',
      children: [],
    },
    {
      id: 'part',
      title: 'Part',
      required: true,
      repeatable: true,
      instanceLabel: 'part',
      allows: ['paragraph', 'epigraph'],
      guidance: '',
      children: [
        {
          id: 'unit',
          title: 'Unit',
          required: true,
          repeatable: true,
          instanceLabel: 'unit',
          allows: [
            'paragraph',
            'presentation',
            'commentator',
            'moderator',
            'highlights',
            'footnote',
            'figure',
            'table',
            'recommendations',
          ],
          guidance: '',
          children: [],
        },
      ],
    },
    {
      id: 'annex-recommendations',
      title: 'Table of recommendations',
      required: false,
      repeatable: false,
      generated: 'recommendations-table',
      allows: [],
      guidance: '',
      children: [],
    },
    {
      id: 'annex-programme',
      title: 'Programme',
      required: false,
      repeatable: false,
      generated: 'programme',
      allows: [],
      guidance: '',
      children: [],
    },
    {
      id: 'annex-participants',
      title: 'List of participants',
      required: false,
      repeatable: false,
      generated: 'participants',
      allows: [],
      guidance: '',
      children: [],
    },
  ],
});

export const richMeta = (): ConferenceMeta => ({
  ...emptyMeta(),
  title: 'Hemispheric Conference on International Migration',
  subtitle: 'Human Rights and Trafficking in Persons in the Americas',
  series: 'Seminars and conferences',
  seriesNumber: '33',
  symbol: 'LC/L.1234-P',
  issuingBodies: [
    'Economic Commission for Latin America and the Caribbean',
    'International Organization for Migration',
  ],
  organisers: ['ECLAC', 'IOM'],
  venue: 'ECLAC headquarters',
  city: 'Santiago',
  country: 'Chile',
  startDate: '2002-11-20',
  endDate: '2002-11-22',
  language: 'en',
  originalLanguage: 'Spanish',
  distribution: 'General',
  templateId: 'test-proceedings',
});

const person = (
  id: string,
  name: string,
  title: string,
  organisation: string,
  country: string,
  group: string,
  role: string,
): Participant => ({ id, honorific: '', name, title, organisation, country, group, role });

export const richParticipants = (): Participant[] => [
  person('ocampo', 'José Antonio Ocampo', 'Executive Secretary', 'ECLAC', '', 'C. United Nations Secretariat', ''),
  person(
    'perruchoud',
    'Richard Perruchoud',
    'Executive Officer/Legal Adviser',
    'International Organization for Migration',
    '',
    'F. Other intergovernmental organizations',
    '',
  ),
  person(
    'oyarce',
    'Pedro Oyarce',
    'Director General de Política Multilateral',
    'Ministerio de Relaciones Exteriores',
    'Chile',
    'A. Member States',
    'Representative',
  ),
  person(
    'salinas',
    'Ana Salinas',
    'Jefa de Departamento',
    'Ministerio de Relaciones Exteriores',
    'Chile',
    'A. Member States',
    'Delegation members',
  ),
  person(
    'ryan',
    'Kelly Ryan',
    'Deputy Assistant Secretary, Bureau of Population, Migration, and Refugees',
    'Department of State',
    'United States of America',
    'A. Member States',
    'Representative',
  ),
  person(
    'norza',
    'Pilar Norza',
    'Regional Representative for the Andean Countries',
    'IOM',
    '',
    'F. Other intergovernmental organizations',
    '',
  ),
];

export const richAgenda = (unitId: string): AgendaItem[] => [
  {
    id: 'a1',
    position: 0,
    day: 'Wednesday 20 November',
    start: '8:30',
    end: '9:30',
    title: 'Registration of participants',
    partId: null,
    moderatorId: null,
    speakerIds: [],
  },
  {
    id: 'a2',
    position: 1,
    day: 'Wednesday 20 November',
    start: '10:00',
    end: '10:45',
    title: 'Opening session',
    partId: null,
    moderatorId: null,
    speakerIds: ['ocampo', 'perruchoud'],
  },
  {
    id: 'a3',
    position: 2,
    day: 'Thursday 21 November',
    start: '11:10',
    end: '13:00',
    title: 'Unit I. International migration in the Americas',
    partId: unitId,
    moderatorId: 'norza',
    speakerIds: ['perruchoud', 'ryan'],
  },
];

const lorem = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) =>
      [
        'Delegations stressed that the protection of migrants is a shared responsibility of countries of origin, transit and destination.',
        'It was noted that irregular migration exposes people to abuse by smugglers and traffickers.',
        'Several speakers recalled the obligations arising from the international instruments ratified by the States of the region.',
      ][i % 3],
  ).join(' ');

/** The rich conference; `bulk` repeats the unit that many times (benchmarks). */
export function richConference(bulk = 1): ConferenceSource {
  const parts: ConferenceSource['parts'] = [];
  const add = (id: string, parentId: string | null, kind: string, title: string, d: LexicalDoc = doc()) =>
    parts.push({ id, parentId, kind, title, doc: d });
  add('toc', null, 'toc', 'Contents');
  add(
    'abstract',
    null,
    'abstract',
    'Abstract',
    doc(p('This document reports on the ', t('Hemispheric Conference', 2), ', held in Santiago.')),
  );
  add(
    'partA',
    null,
    'part',
    'Introduction and opening statements',
    doc(
      el('epigraph', [t('“Within the framework of human rights, there is a hierarchy of beneficiaries.”')], {
        attribution: 'Richard Perruchoud',
      }),
      p(
        'The Conference was organized jointly by ECLAC and IOM',
        fn('See the list of participants in annex III.'),
        '. ',
        lorem(3),
      ),
      p('Its objectives were the following:'),
      ol(['To analyse the situation of migrants;', 'To promote the ratification of the Convention.']),
      el('delegation-statement', [p(lorem(2))], { delegation: 'Canada' }),
    ),
  );
  for (let i = 0; i < bulk; i++) {
    const unitId = i === 0 ? 'unit1' : `unit1_${i}`;
    add(
      unitId,
      'partA',
      'unit',
      i === 0 ? 'International migration in the Americas' : `Continued discussion ${i}`,
      doc(
        el('moderator', [], { speakerIds: ['norza'], names: ['Pilar Norza'] }),
        h(1, 'Speakers'),
        el('presentation', [t('Migration and human rights')], {
          speakerIds: ['perruchoud'],
          names: ['Richard Perruchoud'],
        }),
        p(
          'The first presentation was given by Mr. Perruchoud, who began by saying that ',
          t('migration', 2),
          ' is a ',
          t('global', 1),
          ' phenomenon',
          fn('Note by editors: In March 2003, Guatemala and El Salvador ratified the Convention.'),
          '. ',
          lorem(4),
        ),
        p(
          'He listed the factors of vulnerability',
          fn('Anne Gallagher (2001), “Human Rights and the New United Nations Protocols”.'),
          ':',
        ),
        ol([[t('legal status;')], [t('lack of access to services;')], [t('discrimination.')]]),
        el('figure', [], {
          src: TINY_PNG,
          caption: 'LATIN AMERICA AND THE CARIBBEAN: IMMIGRANT POPULATION BY ORIGIN (1970-1990)',
          source: 'CELADE, IMILA project.',
          alt: 'Bar chart',
        }),
        el('presentation', [t('Trafficking in persons: the policy of the United States')], {
          speakerIds: ['ryan'],
          names: ['Kelly Ryan'],
        }),
        p(lorem(5), ' See also ', el('link', [t('the IOM website')], { url: 'https://www.iom.int' }), '.'),
        el('table', [
          el('tablerow', [
            el('tablecell', [p('Country')], { headerState: 1 }),
            el('tablecell', [p('Migrants (thousands)')], { headerState: 1 }),
          ]),
          el('tablerow', [
            el('tablecell', [p('Argentina')], { headerState: 0 }),
            el('tablecell', [p('1 531')], { headerState: 0 }),
          ]),
          el('tablerow', [
            el('tablecell', [p('Chile')], { headerState: 0 }),
            el('tablecell', [p('195')], { headerState: 0 }),
          ]),
        ]),
        h(1, 'Comments'),
        el('commentator', [t('He said that the Convention must be ratified by more States.')], {
          speakerIds: ['oyarce'],
          names: ['Pedro Oyarce'],
        }),
        h(1, 'Highlights of the unit'),
        ul(
          [
            'There is a constant tension between the sovereign right of States and the rights of migrants.',
            [t('Smuggling and trafficking must be distinguished.'), fn('See footnote 2.')],
          ],
          'highlights',
        ),
        el('run-in', [t('the following were agreed:')], { label: 'Recommendations:' }),
        ol([[t('Ratify the International Convention on migrant workers.')], [t('Strengthen consular protection.')]], {
          role: 'recommendations',
          numberFormat: 'lower-roman',
        }),
        el('mystery-widget', [t('Text inside an element the exporter does not know.')]),
        el('page-break', []),
      ),
    );
  }
  // The recommendation items carry addressees.
  const unit = parts.find((x) => x.id === 'unit1')!;
  const recList = (unit.doc.root.children as N[]).find((n) => (n.$ as N | undefined)?.role === 'recommendations') as N;
  (recList.children as N[]).forEach((item, i) => {
    item.$ = { addressee: i === 0 ? 'States' : 'States and IOM' };
  });
  add('partB', null, 'part', 'Trafficking in persons', doc(p(lorem(4))));
  add(
    'unit2',
    'partB',
    'unit',
    'Gender and age considerations',
    doc(
      p(
        'The second unit considered the situation of women',
        fn('UNIFEM, Progress of the World’s Women 2002.'),
        '. ',
        lorem(3),
      ),
      ol([[t('Adopt national plans against trafficking.')]], { role: 'recommendations', numberFormat: 'lower-roman' }),
    ),
  );
  add('recs', null, 'annex-recommendations', 'Table of recommendations');
  add('programme', null, 'annex-programme', 'Programme of the conference');
  add('participants', null, 'annex-participants', 'List of participants');
  return { meta: richMeta(), parts, participants: richParticipants(), agenda: richAgenda('unit1') };
}
