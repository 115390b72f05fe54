/** A part holding every element kind the editor models, in the JSON shapes of shared/model/doc-nodes.ts. */
import type { DocJSON, DocNode } from '../../../../shared/model/doc-nodes';

const el = { direction: 'ltr' as const, format: '', indent: 0, version: 1 };
export const t = (text: string, format = 0): DocNode => ({
  type: 'text',
  text,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
});
export const p = (...children: DocNode[]): DocNode => ({
  type: 'paragraph',
  ...el,
  textFormat: 0,
  textStyle: '',
  children,
});
/** Lexical writes a list item's nesting depth as its indent. */
const li = (value: number, children: DocNode[], $?: Record<string, unknown>, indent = 0): DocNode => ({
  type: 'listitem',
  value,
  ...el,
  indent,
  ...($ ? { $ } : {}),
  children,
});
/** Lexical writes a cell's spans and background even when they are the defaults. */
const cell = (text: string, headerState = 0, extra: Record<string, unknown> = {}): DocNode => ({
  type: 'tablecell',
  headerState,
  colSpan: 1,
  rowSpan: 1,
  backgroundColor: null,
  ...el,
  ...extra,
  children: [text ? p(t(text)) : p()],
});
const row = (...children: DocNode[]): DocNode => ({ type: 'tablerow', ...el, children });

export const everyElement: DocJSON = {
  root: {
    type: 'root',
    ...el,
    direction: null,
    children: [
      { type: 'heading', tag: 'h2', ...el, children: [t('Opening of the seminar')] },
      p(
        t('The Chair, '),
        t('bold', 1),
        t(' and '),
        t('italic', 2),
        t(' and '),
        t('underlined', 8),
        t(' text, a note'),
        t('2', 64),
        t(' and a '),
        {
          type: 'link',
          url: 'https://www.iom.int',
          ...el,
          rel: null,
          target: null,
          title: null,
          children: [t('link')],
        },
        { type: 'footnote', text: 'Director of the Regional Office.', id: 'regional', version: 1 },
        t('.'),
      ),
      {
        type: 'epigraph',
        attribution: 'Kofi Annan',
        ...el,
        children: [t('Migration is an expression of the human aspiration for dignity.')],
      },
      { type: 'quote', ...el, children: [t('A block quotation.')] },
      { type: 'moderator', speakerIds: ['p1'], names: ['Mr. José Miguel Guzmán'], ...el, children: [t('CELADE')] },
      {
        type: 'presentation',
        speakerIds: ['p2', 'p3'],
        names: ['Ms. Ana Ruiz', 'Mr. Tom Li'],
        ...el,
        children: [t('Migration and development'), { type: 'footnote', text: 'Researcher, FLACSO.', version: 1 }],
      },
      p(
        t('She said that '),
        { type: 'person-ref', participantId: 'p1', name: 'Mr. José Miguel Guzmán', version: 1 },
        t(' agreed (see note '),
        { type: 'note-ref', noteId: 'regional', version: 1 },
        t(').'),
      ),
      { type: 'commentator', speakerIds: [], names: ['Mr. Luis Díaz'], ...el, children: [t('Remarks on the papers.')] },
      {
        type: 'list',
        listType: 'number',
        start: 1,
        tag: 'ol',
        ...el,
        $: { numberFormat: 'decimal' },
        children: [
          li(1, [t('First')]),
          li(2, [
            {
              type: 'list',
              listType: 'number',
              start: 1,
              tag: 'ol',
              ...el,
              $: { numberFormat: 'lower-alpha-paren' },
              children: [
                li(1, [t('Sub a')], undefined, 1),
                li(
                  2,
                  [
                    {
                      type: 'list',
                      listType: 'number',
                      start: 1,
                      tag: 'ol',
                      ...el,
                      $: { numberFormat: 'lower-roman' },
                      children: [li(1, [t('Sub-sub i')], undefined, 2)],
                    },
                  ],
                  undefined,
                  1,
                ),
              ],
            },
          ]),
          li(2, [t('Second')]),
        ],
      },
      {
        type: 'list',
        listType: 'number',
        start: 24,
        tag: 'ol',
        ...el,
        $: { numberFormat: 'upper-roman' },
        children: [
          li(24, [t('Twenty-four')]),
          li(25, [t('Twenty-five')]),
          li(38, [t('Thirty-eight')], { explicitValue: true }),
        ],
      },
      {
        type: 'list',
        listType: 'bullet',
        start: 1,
        tag: 'ul',
        ...el,
        $: { role: 'highlights' },
        children: [li(1, [t('A key point')]), li(2, [t('Another point')])],
      },
      { type: 'run-in', label: 'Recommendations:', ...el, children: [t('the participants recommended that States:')] },
      {
        type: 'list',
        listType: 'number',
        start: 1,
        tag: 'ol',
        ...el,
        $: { numberFormat: 'lower-roman', role: 'recommendations' },
        children: [
          li(1, [t('Ratify the Convention.')], { addressee: 'States', theme: 'Protection' }),
          li(2, [t('Train officials.')]),
        ],
      },
      {
        type: 'table',
        ...el,
        $: { role: 'recommendations' },
        children: [
          row(cell('No.', 1), cell('Recommendation', 1), cell('Addressee(s)', 1), cell('Thematic area', 1)),
          row(cell(''), cell('Adopt national plans.'), cell('States'), cell('Trafficking')),
        ],
      },
      {
        type: 'table',
        ...el,
        children: [row(cell('Country', 1), cell('Arrivals', 1)), row(cell('Merged', 0, { colSpan: 2 }))],
      },
      {
        type: 'figure',
        src: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAHgAAAA8CAIAAAAiz+n/AAAAk0lEQVR42u3QsQnAIBAAQDdxkGySxj6QRdwguKhIipRp7B6+OrgJrsz1kqAoEC0a0aJFWxAtGtGi0/T7CBItWrRo0aJFixYtWrRo0b/aniDRokWLFi1atGjRokWLFi1atGjRokWLFr11jTNItGjRokWLFi1atGjRokWLFi1atGjRokWLFi1atGjRokWLFi1atOi4D6OqSXYqdaQyAAAAAElFTkSuQmCC',
        caption: 'Figure 1. Migrants by region',
        source: 'Source: CELADE.',
        alt: 'Migrants by region',
        version: 1,
      },
      { type: 'delegation-statement', delegation: 'Canada', ...el, children: [t('Canada welcomes the conclusions.')] },
      { type: 'page-break', version: 1 },
      // A comment's mark (renderer/src/comments).
      p(t('A '), { type: 'mark', ids: ['c1'], ...el, children: [t('commented')] }, t(' word.')),
      p(t('Last paragraph.')),
    ],
  },
} as unknown as DocJSON;
