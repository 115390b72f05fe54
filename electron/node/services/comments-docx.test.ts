/**
 * Comments in the exports of a real conference file: the DOCX carries the open ones as Word
 * comments (replies threaded, Word 2013), read back by python-docx and pandoc with their authors
 * and the text they are anchored on; none with `comments: false`; a PDF never prints them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { docxPart, libreOfficeConvert, tempDir, tool } from '../export/readers.testkit';
import { writeRichConference } from '../export/rich-conference.testkit';
import { AppServices } from './app-services';
import { markText } from './comments.testkit';

const READER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'comments-docx.testkit.py');
const TRACKED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tracked-changes.testkit.py');
interface Read {
  comments: {
    id: string;
    author: string;
    initials: string;
    date: string;
    text: string;
    parent: string | null;
    done: boolean;
  }[];
  anchored: Record<string, string>;
  ends: string[];
  references: string[];
}
const read = (file: string): Read => JSON.parse(tool('/usr/bin/python3', [READER, file])) as Read;

let dir: string;
let services: AppServices;
let handle: string;
/** Exported with the default options. */
let withComments: string;
const options = { partIds: null, annexes: false, watermark: false };

async function comment(partId: string, quote: string, id: string, text: string) {
  const p = await services.api.getPart({ handle, partId });
  await services.api.savePart({ handle, partId, doc: markText(p.doc, quote, id), baseRevision: p.revision });
  return services.api.addComment({ handle, partId, threadId: id, quote, text });
}
const exportDocx = async (name: string, extra: { comments?: boolean } = {}) =>
  (
    await services.api.exportConference({
      handle,
      format: 'docx',
      options: { ...options, ...extra },
      outPath: path.join(dir, name),
    })
  ).path;

beforeAll(async () => {
  dir = tempDir('comments-docx');
  const file = path.join(dir, 'rich.rapporteur');
  writeRichConference(file);
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
  handle = (await services.api.openConference({ path: file })).handle;
  await services.api.setUserName({ userName: 'Ana Editor' });
  await comment('unit2', 'the situation of women', 'c1', 'Which situation? Cite the report.');
  await comment('partB', 'shared responsibility', 'c2', 'Shared by whom?');
  await comment('partB', 'irregular migration', 'c3', 'Resolved already.');
  await services.api.setCommentResolved({ handle, threadId: 'c3', resolved: true });
  await services.api.setUserName({ userName: 'Bruno Rapporteur' });
  await services.api.replyToComment({ handle, threadId: 'c1', text: 'The UNIFEM report, note 1.' });
  // A comment across two paragraphs (one mark in each, the same thread) on bold text and a link.
  const abstract = await services.api.getPart({ handle, partId: 'partB' });
  const mark = (ids: string[], ...children: object[]) => ({
    type: 'mark',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    ids,
    children,
  });
  const text = (t: string, format = 0) => ({
    type: 'text',
    version: 1,
    text: t,
    format,
    style: '',
    mode: 'normal',
    detail: 0,
  });
  const para = (...children: object[]) => ({
    type: 'paragraph',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children,
  });
  const doc = structuredClone(abstract.doc);
  (doc.root.children as object[]).push(
    para(text('Then '), mark(['c4'], text('the closing', 1), text(' words'))),
    para(
      mark(['c4'], text('ran on to '), {
        type: 'link',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        url: 'https://www.iom.int',
        rel: null,
        target: null,
        title: null,
        children: [text('the IOM site')],
      }),
      text(' and beyond.'),
    ),
  );
  await services.api.savePart({ handle, partId: 'partB', doc, baseRevision: abstract.revision });
  await services.api.addComment({
    handle,
    partId: 'partB',
    threadId: 'c4',
    quote: 'the closing words ran on to the IOM site',
    text: 'Across two paragraphs.',
  });
  withComments = await exportDocx('with.docx');
}, 60_000);
afterAll(() => {
  services?.closeAll();
});

describe('comments in the DOCX', () => {
  it('are written by default when there are open ones: authors, texts, replies threaded, each anchored on its text', async () => {
    const docx = withComments;
    const r = read(docx);
    const byText = (t: string) => r.comments.find((c) => c.text === t)!;
    expect(r.comments.map((c) => [c.author, c.text])).toEqual([
      ['Ana Editor', 'Which situation? Cite the report.'],
      ['Bruno Rapporteur', 'The UNIFEM report, note 1.'],
      ['Ana Editor', 'Shared by whom?'],
      ['Bruno Rapporteur', 'Across two paragraphs.'],
    ]);
    expect(r.anchored[byText('Across two paragraphs.').id]).toBe('the closing words ran on to the IOM site');
    expect(byText('Which situation? Cite the report.').initials).toBe('AE');
    expect(byText('The UNIFEM report, note 1.').parent).toBe(byText('Which situation? Cite the report.').id);
    expect(byText('Shared by whom?').parent).toBeNull();
    expect(r.anchored[byText('Which situation? Cite the report.').id]).toBe('the situation of women');
    expect(r.anchored[byText('The UNIFEM report, note 1.').id]).toBe('the situation of women');
    expect(r.anchored[byText('Shared by whom?').id]).toBe('shared responsibility');
    // Every range ended once and referenced once; the resolved thread is not there.
    expect([...r.ends].sort()).toEqual(r.comments.map((c) => c.id).sort());
    expect([...r.references].sort()).toEqual(r.comments.map((c) => c.id).sort());
    expect(docxPart(docx, 'word/comments.xml')).not.toContain('Resolved already');
  });

  it('are read by pandoc (--track-changes=all) with their authors, around their text', async () => {
    const html = tool('pandoc', ['-f', 'docx', '--track-changes=all', '-t', 'html', '--wrap=none', withComments]);
    // The comment and its reply open where the text begins, and close after it.
    expect(html).toMatch(
      new RegExp(
        '<span class="comment-start" id="(\\d+)" data-author="Ana Editor" data-date="[^"]+">Which situation\\? Cite the report\\.</span>' +
          '<span class="comment-start" id="(\\d+)" data-author="Bruno Rapporteur" data-date="[^"]+">The UNIFEM report, note 1\\.</span>' +
          'the situation of women<span class="comment-end" id="\\1"><span class="comment-end" id="\\2">',
      ),
    );
    expect(html).toMatch(
      /data-author="Ana Editor"[^>]*>Shared by whom\?<\/span>shared responsibility<span class="comment-end"/,
    );
  });

  it('are read by LibreOffice with their authors and the text they are anchored on', () => {
    const [fodt] = libreOfficeConvert([withComments], 'fodt', tempDir('comments-lo'));
    const xml = fs.readFileSync(fodt!, 'utf8');
    const plain = (x: string) =>
      x
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const found = [
      ...xml.matchAll(/<office:annotation office:name="([^"]+)"[^>]*>([\s\S]*?)<\/office:annotation>/g),
    ].map((m) => {
      const after = xml.slice(m.index + m[0].length);
      const end = after.indexOf(`<office:annotation-end office:name="${m[1]}"/>`);
      const paragraphs = [...m[2]!.matchAll(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g)].map((p) => plain(p[1]!));
      // The anchor of a reply holds its parent comment (LibreOffice nests them): only the top comments' anchors are compared.
      return {
        author: /<dc:creator>(.*?)<\/dc:creator>/.exec(m[2]!)?.[1],
        text: paragraphs.join(' '),
        anchored: end < 0 ? null : plain(after.slice(0, end)),
      };
    });
    expect(found.map((f) => [f.author, f.text]).sort()).toEqual([
      ['Ana Editor', 'Shared by whom?'],
      ['Ana Editor', 'Which situation? Cite the report.'],
      ['Bruno Rapporteur', 'Across two paragraphs.'],
      ['Bruno Rapporteur', 'The UNIFEM report, note 1.'],
    ]);
    const anchor = (text: string) => found.find((f) => f.text === text)!.anchored;
    expect(anchor('Shared by whom?')).toBe('shared responsibility');
    expect(anchor('Which situation? Cite the report.')).toBe('the situation of women');
    expect(anchor('Across two paragraphs.')).toBe('the closing words ran on to the IOM site');
  });

  it('are left out when asked, and the document is otherwise the same', async () => {
    const docx = await exportDocx('without.docx', { comments: false });
    expect(read(docx).comments).toEqual([]);
    expect(() => docxPart(docx, 'word/comments.xml')).toThrow();
    const text = tool('pandoc', ['-f', 'docx', '-t', 'plain', docx]);
    expect(text.replace(/\s+/g, ' ')).toContain('the situation of women');
  });

  it('credit the tracked changes of a "changes since" export to the user’s name from the settings', async () => {
    const snap = await services.api.createSnapshot({ handle, name: 'Before the edit' });
    const p = await services.api.getPart({ handle, partId: 'unit2' });
    await services.api.savePart({
      handle,
      partId: 'unit2',
      doc: JSON.parse(JSON.stringify(p.doc).replace('The second unit', 'The next unit')) as typeof p.doc,
      baseRevision: p.revision,
    });
    const docx = (
      await services.api.exportConference({
        handle,
        format: 'docx',
        options: { ...options, changesSince: snap.id },
        outPath: path.join(dir, 'tracked.docx'),
      })
    ).path;
    const revisions = (
      JSON.parse(tool('/usr/bin/python3', [TRACKED, docx, 'plain'])) as { revisions: { authors: string[] } }
    ).revisions;
    expect(revisions.authors).toEqual(['Bruno Rapporteur']);
  });

  it('never print in the PDF, whose text keeps the commented words', async () => {
    const pdf = (
      await services.api.exportConference({
        handle,
        format: 'pdf',
        options: { ...options, comments: true },
        outPath: path.join(dir, 'out.pdf'),
      })
    ).path;
    const text = tool('pdftotext', [pdf, '-']).replace(/\s+/g, ' ');
    expect(text).toContain('the situation of women');
    expect(text).not.toMatch(/Which situation|UNIFEM report, note 1|Shared by whom|Ana Editor|Bruno Rapporteur/);
    expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
  });
});
