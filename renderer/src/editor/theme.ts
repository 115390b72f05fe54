import type { EditorThemeClasses } from 'lexical';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  quote: 'ed-quote',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4' },
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li', nested: { listitem: 'ed-li-nested' } },
  link: 'ed-link',
  table: 'ed-table',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  tableCellSelected: 'selected',
  tableSelection: 'ed-table-selection',
  text: { bold: 'ed-bold', italic: 'ed-italic', underline: 'ed-underline', superscript: 'ed-sup', subscript: 'ed-sub' },
};
