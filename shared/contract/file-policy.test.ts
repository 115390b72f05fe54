import { describe, expect, test } from 'vitest';
import { isSystemLocation, pathProblem, withExtension } from './file-policy';

describe('which files the app reads and writes for the user', () => {
  test('system folders are refused on Linux, macOS and Windows; user folders are not', () => {
    for (const p of [
      '/etc/passwd',
      '/usr/lib/x.docx',
      '/proc/self/environ',
      '/System/Library/a.pdf',
      'C:\\Windows\\System32\\a.docx',
      'd:/Program Files/x.pdf',
      'C:\\ProgramData\\x.txt',
    ]) {
      expect({ p, system: isSystemLocation(p) }).toEqual({ p, system: true });
    }
    for (const p of [
      '/home/ana/Documents/report.docx',
      '/tmp/x.pdf',
      '/Users/ana/etc/notes.md',
      'C:\\Users\\ana\\Documents\\a.docx',
      '/etcetera/a.md',
    ]) {
      expect({ p, system: isSystemLocation(p) }).toEqual({ p, system: false });
    }
  });

  test('each purpose requires its extensions; hidden, relative and “..” paths are refused with a reason', () => {
    expect(pathProblem('import', '/etc/passwd')).toMatch(/folder of the operating system/);
    expect(pathProblem('import', '/home/ana/passwd')).toMatch(/is not one of \.txt, \.md, \.markdown, \.docx/);
    expect(pathProblem('export-docx', '/home/ana/.bashrc')).toMatch(/hidden file/);
    expect(pathProblem('export-pdf', '/home/ana/report.docx')).toMatch(/is not a \.pdf file/);
    expect(pathProblem('open', 'report.rapporteur')).toMatch(/not a full path/);
    expect(pathProblem('open', '/home/ana/../../etc/x.rapporteur')).toMatch(/“\.\.”/);
    expect(pathProblem('import', '/home/ana/Minutes.DOCX')).toBeNull();
    expect(pathProblem('save-copy', 'C:\\Users\\ana\\Copy.rapporteur')).toBeNull();
  });

  test('a name typed without its extension gets it', () => {
    expect(withExtension('export-docx', '/home/ana/proceedings')).toBe('/home/ana/proceedings.docx');
    expect(withExtension('export-docx', '/home/ana/proceedings.DOCX')).toBe('/home/ana/proceedings.DOCX');
    expect(withExtension('save-copy', '/home/ana/copy')).toBe('/home/ana/copy.rapporteur');
  });
});
