/**
 * The parts of a .docx the own-document importer reads: styles by name, list definitions,
 * notes, relationships, media and document properties. The Node side unzips; this is pure.
 */
import { LANGUAGE_PROPERTY, OWN_STYLE_NAMES, type OwnStyle, TEMPLATE_PROPERTY } from '../../export/docx/own-marks';
import type { NumberFormat } from '../../model/doc-nodes';
import { attr, child, childrenNamed, descendants, elements, parseXml, val, type XmlElement } from './xml';

/** The package's XML entries by name (word/document.xml…). */
export type DocxEntries = Map<string, Uint8Array>;

/** The entries the importer reads (the Node side unzips only these; images only when a figure asks, through `media`). */
export const wantedEntry = (name: string): boolean =>
  /^(?:word\/(?:document|styles|numbering|footnotes|endnotes)\.xml|word\/_rels\/document\.xml\.rels|docProps\/(?:custom|core)\.xml)$/.test(
    name,
  );

/** An entry of the package by name, read when asked (a figure's image). */
export type EntryReader = (name: string) => Uint8Array | undefined;

export interface ListLevel {
  bullet: boolean;
  format: NumberFormat | null;
  start: number;
  /** The list definition it is an instance of. */
  abstractId: string;
  /** The instance starts counting again here (a new list); without it, it continues the definition's count (LibreOffice writes one instance per paragraph). */
  restart: boolean;
}

export interface DocxPackage {
  document: XmlElement;
  /** Paragraph and character style ids → the element kind their name says, or a heading level. */
  styleRole: Map<string, OwnStyle>;
  headingLevel: Map<string, number>;
  /** numId → level → definition (with the instance's start override). */
  lists: Map<string, Map<number, ListLevel>>;
  /** Note id → its paragraphs; `affiliation`: written by the attribution policy. */
  notes: Map<string, { paragraphs: XmlElement[]; affiliation: boolean }>;
  endnotes: Map<string, { paragraphs: XmlElement[]; affiliation: boolean }>;
  /** Relationship id → target (a web address, or a media path inside the package). */
  rels: Map<string, { target: string; external: boolean }>;
  properties: Map<string, string>;
  core: { title: string; subject: string; creator: string; language: string };
  media: (path: string) => Uint8Array | undefined;
}

const text = (bytes: Uint8Array | undefined): string | null => (bytes ? new TextDecoder('utf-8').decode(bytes) : null);

/** The template our exporter named in the document properties, or null (not one of ours). */
export function ownTemplateId(entries: DocxEntries): string | null {
  const custom = text(entries.get('docProps/custom.xml'));
  if (!custom) return null;
  return customProperties(parseXml(custom, 'docProps/custom.xml')).get(TEMPLATE_PROPERTY) ?? null;
}

function customProperties(root: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of childrenNamed(root, 'property')) {
    const v = elements(p)[0];
    if (p.attrs.name && v) out.set(p.attrs.name, v.children.filter((c): c is string => typeof c === 'string').join(''));
  }
  return out;
}

const ROLE_BY_NAME = new Map<string, OwnStyle>(
  Object.entries(OWN_STYLE_NAMES).map(([k, name]) => [name.toLowerCase(), k as OwnStyle]),
);

const LIST_FORMAT: Record<string, Partial<Record<string, NumberFormat>>> = {
  decimal: { '.': 'decimal', ')': 'decimal-paren' },
  lowerLetter: { '.': 'lower-alpha', '()': 'lower-alpha-paren', ')': 'lower-alpha-paren' },
  lowerRoman: { '.': 'lower-roman', '()': 'lower-roman-paren', ')': 'lower-roman-paren' },
  upperRoman: { '.': 'upper-roman' },
  upperLetter: { '.': 'upper-alpha' },
};

/** A level's label format from Word's number format and level text ("(%2)", "%1."). */
function levelFormat(numFmt: string, lvlText: string): NumberFormat | null {
  const forms = LIST_FORMAT[numFmt];
  if (!forms) return numFmt === 'bullet' ? null : 'decimal';
  const shape = lvlText.startsWith('(') ? '()' : lvlText.endsWith(')') ? ')' : '.';
  return forms[shape] ?? forms['.'] ?? 'decimal';
}

export function readPackage(entries: DocxEntries, readEntry: EntryReader = (name) => entries.get(name)): DocxPackage {
  const xml = (name: string): XmlElement | null => {
    const t = text(entries.get(name));
    return t === null ? null : parseXml(t, name);
  };
  const document = xml('word/document.xml');
  if (!document) throw new Error('word/document.xml is missing');
  const styleRole = new Map<string, OwnStyle>();
  const headingLevel = new Map<string, number>();
  const styles = xml('word/styles.xml');
  for (const s of styles ? childrenNamed(styles, 'w:style') : []) {
    const id = attr(s, 'w:styleId');
    const name = (val(s, 'w:name') ?? '').toLowerCase();
    if (!id) continue;
    const role = ROLE_BY_NAME.get(name);
    if (role) styleRole.set(id, role);
    const h = /^heading ([1-6])$/.exec(name);
    if (h) headingLevel.set(id, Number(h[1]));
  }
  const lists = new Map<string, Map<number, ListLevel>>();
  const numbering = xml('word/numbering.xml');
  if (numbering) {
    const abstract = new Map<string, XmlElement>();
    for (const a of childrenNamed(numbering, 'w:abstractNum')) abstract.set(attr(a, 'w:abstractNumId') ?? '', a);
    for (const num of childrenNamed(numbering, 'w:num')) {
      const def = abstract.get(val(num, 'w:abstractNumId') ?? '');
      const levels = new Map<number, ListLevel>();
      for (const lvl of def ? childrenNamed(def, 'w:lvl') : []) {
        const ilvl = Number(attr(lvl, 'w:ilvl') ?? 0);
        const numFmt = val(lvl, 'w:numFmt') ?? 'decimal';
        const override = childrenNamed(num, 'w:lvlOverride').find((o) => Number(attr(o, 'w:ilvl')) === ilvl);
        const start = Number(val(override, 'w:startOverride') ?? val(lvl, 'w:start') ?? 1) || 1;
        levels.set(ilvl, {
          bullet: numFmt === 'bullet',
          format: levelFormat(numFmt, val(lvl, 'w:lvlText') ?? ''),
          start,
          abstractId: val(num, 'w:abstractNumId') ?? '',
          restart: child(override, 'w:startOverride') !== undefined,
        });
      }
      lists.set(attr(num, 'w:numId') ?? '', levels);
    }
  }
  const notesOf = (name: string, tag: string) => {
    const out = new Map<string, { paragraphs: XmlElement[]; affiliation: boolean }>();
    const root = xml(name);
    for (const n of root ? childrenNamed(root, tag) : []) {
      // Separators (w:type) are Word's own, not notes.
      if (attr(n, 'w:type') && attr(n, 'w:type') !== 'normal') continue;
      const paragraphs = childrenNamed(n, 'w:p');
      const style = val(child(paragraphs[0], 'w:pPr'), 'w:pStyle');
      out.set(attr(n, 'w:id') ?? '', {
        paragraphs,
        affiliation: style !== undefined && styleRole.get(style) === 'affiliationNote',
      });
    }
    return out;
  };
  const rels = new Map<string, { target: string; external: boolean }>();
  const relsXml = xml('word/_rels/document.xml.rels');
  for (const r of relsXml ? descendants(relsXml, 'Relationship') : []) {
    rels.set(r.attrs.Id ?? '', { target: r.attrs.Target ?? '', external: r.attrs.TargetMode === 'External' });
  }
  const custom = xml('docProps/custom.xml');
  const core = xml('docProps/core.xml');
  const coreText = (name: string) =>
    core
      ? (descendants(core, name)[0]
          ?.children.filter((c): c is string => typeof c === 'string')
          .join('') ?? '')
      : '';
  return {
    document,
    styleRole,
    headingLevel,
    lists,
    rels,
    notes: notesOf('word/footnotes.xml', 'w:footnote'),
    endnotes: notesOf('word/endnotes.xml', 'w:endnote'),
    properties: custom ? customProperties(custom) : new Map(),
    core: {
      title: coreText('dc:title'),
      subject: coreText('dc:subject'),
      creator: coreText('dc:creator'),
      language: coreText('dc:language'),
    },
    media: (target) => readEntry(target.startsWith('/') ? target.slice(1) : `word/${target}`),
  };
}

export { LANGUAGE_PROPERTY };
