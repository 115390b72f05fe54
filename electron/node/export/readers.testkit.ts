/**
 * Other programs as judges of our exports (tests only): LibreOffice, pandoc,
 * python-docx, poppler and qpdf. A missing program fails the test loudly.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const INSTALL: Record<string, string> = {
  soffice: 'apt-get install libreoffice-writer-nogui',
  pandoc: 'apt-get install pandoc',
  '/usr/bin/python3': 'apt-get install python3-docx',
  pdfinfo: 'apt-get install poppler-utils',
  pdffonts: 'apt-get install poppler-utils',
  pdftotext: 'apt-get install poppler-utils',
  pdftoppm: 'apt-get install poppler-utils',
  qpdf: 'apt-get install qpdf',
  unzip: 'apt-get install unzip',
};

export function tool(
  cmd: string,
  args: string[],
  opts: { input?: string; timeout?: number; cwd?: string } = {},
): string {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: opts.timeout ?? 120_000,
      input: opts.input,
      cwd: opts.cwd,
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string; status?: number };
    if (e.code === 'ENOENT')
      throw new Error(`${cmd} is not installed; install it with: ${INSTALL[cmd] ?? `apt-get install ${cmd}`}`, {
        cause: err,
      });
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${e.status ?? e.code}): ${String(e.stderr ?? e.message).slice(0, 2000)}`,
      { cause: err },
    );
  }
}

export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `rapporteur-${prefix}-`));

/** LibreOffice's own PDF of a DOCX (about 5 s). Its own profile dir, so parallel runs don't collide. */
export function libreOfficeToPdf(docx: string, outDir: string): string {
  return libreOfficeToPdfs([docx], outDir)[0]!;
}

/** LibreOffice's PDFs of several DOCX files in one run: its start-up (most of the 5 s) is paid once. */
export function libreOfficeToPdfs(docxFiles: string[], outDir: string): string[] {
  return libreOfficeConvert(docxFiles, 'pdf', outDir);
}

/**
 * Several files converted by one LibreOffice run, in a profile of its own (parallel runs don't
 * collide): `target` is LibreOffice's `--convert-to` (`pdf`, `fodt`, `docx:MS Word 2007 XML`…).
 * Returns where each file's conversion was written, and fails when one was not.
 */
export function libreOfficeConvert(files: string[], target: string, outDir: string): string[] {
  const profile = tempDir('lo-profile');
  try {
    tool(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', outDir, ...files],
      { timeout: 300_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const extension = target.split(':')[0]!;
  return files.map((file) => {
    const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${extension}`);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
    return out;
  });
}

export interface PandocSummary {
  headers: string[];
  notes: number;
  orderedLists: number;
  bulletLists: number;
  tables: number;
}

type PandocNode = { t?: string; c?: unknown };

/** What pandoc finds in a DOCX: headings (as text), footnotes, lists, tables. */
export function pandocSummary(docx: string): PandocSummary {
  const ast = JSON.parse(tool('pandoc', ['-f', 'docx', '-t', 'json', docx])) as { blocks: PandocNode[] };
  const out: PandocSummary = { headers: [], notes: 0, orderedLists: 0, bulletLists: 0, tables: 0 };
  const text = (n: unknown): string => {
    if (Array.isArray(n)) return n.map(text).join('');
    const node = n as PandocNode;
    if (node?.t === 'Str') return String(node.c);
    if (node?.t === 'Space' || node?.t === 'SoftBreak') return ' ';
    if (node?.t === 'Note') return '';
    return node && typeof node === 'object' && 'c' in node ? text(node.c) : '';
  };
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) {
      n.forEach(walk);
      return;
    }
    if (!n || typeof n !== 'object') return;
    const node = n as PandocNode;
    if (node.t === 'Header') out.headers.push(text((node.c as unknown[])[2]));
    if (node.t === 'Note') out.notes += 1;
    if (node.t === 'OrderedList') out.orderedLists += 1;
    if (node.t === 'BulletList') out.bulletLists += 1;
    if (node.t === 'Table') out.tables += 1;
    if ('c' in node) walk(node.c);
  };
  walk(ast.blocks);
  return out;
}

/** python-docx opens the file and reports styles, sections, tables and properties. */
export function pythonDocxSummary(docx: string): {
  title: string;
  language: string;
  paragraphStyles: string[];
  sections: { orientation: string; titlePage: boolean }[];
  tables: number;
  repeatingHeaderTables: number;
  headers: string[];
} {
  const script = `
import docx, json, sys
d = docx.Document(sys.argv[1])
ns = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
def repeats(t):
    rows = t.rows
    if not rows: return False
    pr = rows[0]._tr.trPr
    return pr is not None and pr.find(ns + 'tblHeader') is not None
print(json.dumps({
  'title': d.core_properties.title or '',
  'language': d.core_properties.language or '',
  'paragraphStyles': sorted({p.style.name for p in d.paragraphs}),
  'sections': [{'orientation': str(s.orientation), 'titlePage': bool(s.different_first_page_header_footer)} for s in d.sections],
  'tables': len(d.tables),
  'repeatingHeaderTables': sum(1 for t in d.tables if repeats(t)),
  'headers': [p.text for s in d.sections for p in s.header.paragraphs if p.text],
}))
`;
  return JSON.parse(tool('/usr/bin/python3', ['-c', script, docx]));
}

/** One part of the DOCX zip as text. */
export const docxPart = (docx: string, part: string): string => tool('unzip', ['-p', docx, part]);

export function pdfInfo(pdf: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of tool('pdfinfo', [pdf]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

/** Every font line of pdffonts, with whether it is embedded. */
export function pdfFonts(pdf: string): { name: string; embedded: boolean }[] {
  const lines = tool('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type [encoding…] emb sub uni object ID: "emb" is the 5th column from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

export const qpdfCheck = (pdf: string): string => tool('qpdf', ['--check', pdf]);

export const pdfText = (pdf: string, first?: number, last?: number): string =>
  tool('pdftotext', [
    ...(first ? ['-f', String(first)] : []),
    ...(last ? ['-l', String(last)] : []),
    '-layout',
    pdf,
    '-',
  ]);
