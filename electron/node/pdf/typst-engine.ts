/**
 * The PDF engine: Typst 0.14 (the @myriaddreamin/typst-ts-node-compiler N-API module) lays
 * out the proceedings data with a house style and writes a tagged PDF/UA-1. One compiler is
 * kept per thread: fonts are loaded once, and later documents compile warm.
 *
 * Typst reads only what is under the house-styles folder (its project root: the templates
 * and the fonts) plus the data and pictures mapped into it in memory; absolute paths in a
 * template resolve inside that root and nothing outside it can be read.
 */
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { AppError } from '../../../shared/errors';
import type { TypstInput } from '../../../shared/export/typst/types';
import { fontsDir, houseStyleFile, houseStylesDir } from './house-styles';

export interface TypstPdf { bytes: Uint8Array; pages: number; notes: string[] }
export type TypstStage = { fraction: number; message: string };

/** The file the house styles read the report from (`json("/proceedings.json")`). */
export const DATA_FILE = 'proceedings.json';

interface Diagnostic { message?: string; path?: string; range?: { start?: { line?: number } } | null; severity?: number }

function describe(diags: Diagnostic[], root: string): string {
  const errors = diags.filter((d) => d.severity === 1);
  return (errors.length ? errors : diags).slice(0, 3).map((d) => {
    const where = d.path ? ` (${path.relative(root, d.path) || d.path}${d.range?.start?.line !== undefined ? `, line ${d.range.start.line + 1}` : ''})` : '';
    return `${d.message ?? 'unknown error'}${where}`;
  }).join('; ');
}

export class TypstEngine {
  private constructor(private readonly compiler: NodeCompiler, readonly root: string) {}

  static create(root: string = houseStylesDir()): TypstEngine {
    // Only the shipped fonts are given; templates name only them (see house-styles/README.md).
    const compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontPaths: [fontsDir(root)] }] });
    return new TypstEngine(compiler, root);
  }

  /** Lays out one document and writes its PDF. `onStage` reports the two long steps. */
  pdf(input: TypstInput, onStage: (s: TypstStage) => void = () => undefined): TypstPdf {
    const c = this.compiler;
    c.resetShadow();
    c.mapShadow(path.join(this.root, DATA_FILE), Buffer.from(JSON.stringify(input.data)));
    for (const [name, bytes] of Object.entries(input.files)) {
      // Names come from the data module (figures/N.png); refuse anything else all the same.
      if (!/^figures\/\d+\.(png|jpg|gif)$/.test(name)) throw new AppError('EXPORT_FAILED', `Unexpected picture name ${name}.`);
      c.mapShadow(path.join(this.root, name), Buffer.from(bytes));
    }
    const main = houseStyleFile(this.root, input.data.templateId);
    try {
      onStage({ fraction: 0.2, message: 'Laying out the pages' });
      const result = c.compile({ mainFilePath: main });
      const doc = result.result;
      if (result.hasError() || !doc) {
        const err = result.takeError();
        const detail = err ? describe(c.fetchDiagnostics(err) as Diagnostic[], this.root) : 'no detail';
        throw new AppError('EXPORT_FAILED', `The house style ${path.basename(main)} could not lay out the report: ${detail}`);
      }
      const pages = doc.numOfPages;
      onStage({ fraction: 0.75, message: `Writing the PDF (${pages} pages)` });
      const notes: string[] = [];
      let bytes: Buffer;
      try {
        bytes = c.pdf(doc, { pdfStandard: 'ua-1' });
      } catch (err) {
        // A document Typst cannot certify as PDF/UA-1 is still written, tagged, and the reason noted.
        notes.push(`The PDF is tagged but not marked PDF/UA-1: ${String((err as Error).message ?? err).slice(0, 300)}`);
        bytes = c.pdf(doc);
      }
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages, notes };
    } finally {
      c.resetShadow();
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
