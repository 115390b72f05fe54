import type { LexicalDoc } from '../../../../shared/model/conference';

/** Deterministic text, so any saved state can be checked as a prefix of it. */
export const TYPED_TEXT = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ');

export function docFromText(text: string): LexicalDoc {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: text ? [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] : [],
        },
      ],
    },
  };
}

export function textFromDoc(doc: LexicalDoc): string {
  const para = doc.root.children[0] as { children?: { text?: string }[] } | undefined;
  return para?.children?.map((c) => c.text ?? '').join('') ?? '';
}
