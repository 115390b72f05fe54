/** The pieces the editor benchmarks build their Lexical documents from. */

/** A Lexical text node; `format` is Lexical's bit set (1 bold, 2 italic). */
export const textNode = (t: string, format = 0) => ({
  type: 'text',
  text: t,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
});

/** The fields every Lexical element node carries. */
export const ELEMENT = { direction: 'ltr', format: '', indent: 0, version: 1 };

/** Words of a report's register, cycled to make paragraphs. */
export const VOCABULARY =
  'the delegates stressed that migration policies must protect the rights of migrant workers and their families in countries of origin transit and destination'.split(
    ' ',
  );
