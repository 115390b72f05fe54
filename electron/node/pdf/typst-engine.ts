/**
 * The PDF engine: Typst 0.14 (the @myriaddreamin/typst-ts-node-compiler N-API module) lays
 * out the proceedings data with a house style and writes a tagged PDF/UA-1. One compiler is
 * kept per thread: fonts are loaded once, and later documents compile warm.
 *
 * Typst reads only what is under the house-styles folder (its project root: the templates
 * and the fonts) plus the data and pictures mapped into it in memory; absolute paths in a
 * template resolve inside that root and nothing outside it can be read.
 */
import { exportNote, type ExportNote } from '../../../shared/i18n/export-notes';
import path from 'node:path';
import { NodeCompiler, type NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import type { TypstInput } from '../../../shared/export/typst/types';
import { fontsDir, houseStyleFile, houseStylesDir } from './house-styles';
import { appError } from '../../../shared/i18n/app-error';
import { type ExportStage, exportStage } from '../../../shared/i18n/export-stage';

export interface TypstPdf {
  bytes: Uint8Array;
  pages: number;
  notes: ExportNote[];
}
export type TypstStage = ExportStage;

/** The file the house styles read the report from (`json("/proceedings.json")`). */
export const DATA_FILE = 'proceedings.json';
/** Blocks per chunk file (see `filesFor`). */
const CHUNK = 25;

/**
 * The files Typst reads: the document with each section's blocks moved into chunk files
 * (sections[i].chunks), and the pictures. Typst caches what it made of a file by its bytes,
 * so when one paragraph changes only its chunk is read and laid out again: a re-export or
 * preview after an edit costs a fraction of the first.
 */
export function filesFor(input: TypstInput): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  const sections = input.data.sections.map((sec, i) => {
    const chunks: string[] = [];
    for (let k = 0; k * CHUNK < sec.blocks.length; k++) {
      const name = `chunks/${i}-${k}.json`;
      files.set(name, json(sec.blocks.slice(k * CHUNK, (k + 1) * CHUNK)));
      chunks.push(name);
    }
    return { landscape: sec.landscape, restartNotes: sec.restartNotes, chunks };
  });
  files.set(DATA_FILE, json({ ...input.data, sections }));
  for (const [name, bytes] of Object.entries(input.files)) {
    // Names come from the data module (figures/N.png); refuse anything else all the same.
    if (!/^figures\/\d+\.(png|jpg|gif)$/.test(name)) throw appError('EXPORT_FAILED', 'export.badPictureName', { name });
    files.set(name, bytes);
  }
  return files;
}

interface Diagnostic {
  message?: string;
  path?: string;
  range?: { start?: { line?: number } } | null;
  severity?: number;
}

function describe(diags: Diagnostic[], root: string): string {
  const errors = diags.filter((d) => d.severity === 1);
  return (errors.length ? errors : diags)
    .slice(0, 3)
    .map((d) => {
      const where = d.path
        ? ` (${path.relative(root, d.path) || d.path}${d.range?.start?.line !== undefined ? `, line ${d.range.start.line + 1}` : ''})`
        : '';
      return `${d.message ?? 'unknown error'}${where}`;
    })
    .join('; ');
}

export class TypstEngine {
  /** What the last document mapped, so files it had and this one has not can be unmapped. */
  private mapped = new Set<string>();
  private constructor(
    private readonly compiler: NodeCompiler,
    readonly root: string,
  ) {}

  static create(root: string = houseStylesDir()): TypstEngine {
    // Only the shipped fonts are given; templates name only them (see house-styles/README.md).
    const compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontPaths: [fontsDir(root)] }] });
    return new TypstEngine(compiler, root);
  }

  /** Maps the document's files (unmapping the last document's leftovers) and lays it out. */
  private layout(input: TypstInput): NodeTypstDocument {
    const c = this.compiler;
    const files = filesFor(input);
    for (const name of this.mapped) if (!files.has(name)) c.unmapShadow(path.join(this.root, name));
    for (const [name, bytes] of files)
      c.mapShadow(path.join(this.root, name), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    this.mapped = new Set(files.keys());
    const main = houseStyleFile(this.root, input.data.templateId);
    const result = c.compile({ mainFilePath: main });
    const doc = result.result;
    if (result.hasError() || !doc) {
      const err = result.takeError();
      const detail = err ? describe(c.fetchDiagnostics(err) as Diagnostic[], this.root) : 'no detail';
      throw appError('EXPORT_FAILED', 'export.layoutFailed', { style: path.basename(main), detail });
    }
    return doc;
  }

  /** The figures whose picture Typst cannot decode (each tried alone). */
  private unreadablePictures(input: TypstInput): Set<string> {
    const bad = new Set<string>();
    for (const name of Object.keys(input.files)) {
      // The name is ours (figures/N.png, checked in filesFor), not the user's.
      const r = this.compiler.compile({ mainFileContent: `#image(${JSON.stringify(`/${name}`)}, alt: "x")` });
      if (r.hasError() || !r.result) bad.add(name);
    }
    return bad;
  }

  /** Lays out one document and writes its PDF. `onStage` reports the two long steps. */
  pdf(input: TypstInput, onStage: (s: TypstStage) => void = () => undefined): TypstPdf {
    const c = this.compiler;
    const notes: ExportNote[] = [];
    try {
      onStage(exportStage(0.2, 'layingOut'));
      let doc: NodeTypstDocument;
      try {
        doc = this.layout(input);
      } catch (err) {
        // A damaged picture must not cost the whole PDF: leave it out (its caption stays) and say so.
        const bad = /image/i.test((err as Error).message) ? this.unreadablePictures(input) : new Set<string>();
        if (!bad.size) throw err;
        const sections = input.data.sections.map((sec) => ({
          ...sec,
          blocks: sec.blocks.map((b) => {
            if (b.k !== 'figure' || !b.file || !bad.has(b.file)) return b;
            notes.push(exportNote('pictureUnreadable', { figure: b.number }));
            const { file: _dropped, ...rest } = b;
            return rest;
          }),
        }));
        const files = Object.fromEntries(Object.entries(input.files).filter(([name]) => !bad.has(name)));
        doc = this.layout({ data: { ...input.data, sections }, files });
      }
      const pages = doc.numOfPages;
      onStage(exportStage(0.75, 'writingPdf', { pages }));
      let bytes: Buffer;
      try {
        bytes = c.pdf(doc, { pdfStandard: 'ua-1' });
      } catch (err) {
        // A document Typst cannot certify as PDF/UA-1 is still written, tagged, and the reason noted.
        notes.push(exportNote('notPdfUa', { detail: String((err as Error).message ?? err).slice(0, 300) }));
        bytes = c.pdf(doc);
      }
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages, notes };
    } finally {
      // Keep the memo cache from growing across many exports in one long-lived process.
      c.evictCache(10);
    }
  }
}

let shared: TypstEngine | null = null;

/** The engine of this thread, created on first use. */
export function typstEngine(): TypstEngine {
  shared ??= TypstEngine.create();
  return shared;
}
