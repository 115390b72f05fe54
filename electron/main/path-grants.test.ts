import { describe, expect, test } from 'vitest';
import { pathRefusal } from '../../shared/contract/file-policy';
import { grantedOrListed, PathGrants } from './path-grants';

const none = async () => [] as string[];

describe('the IPC layer takes only paths the user gave', () => {
  test('a path from a dialog is accepted; any other is refused, for every path-taking method', async () => {
    const grants = new PathGrants();
    grants.grant('/home/ana/out/proceedings.docx');
    expect(
      await pathRefusal(
        'saveExport',
        { jobId: 'j', path: '/home/ana/out/proceedings.docx' },
        grantedOrListed(grants, none),
      ),
    ).toBeNull();
    expect(
      await pathRefusal('saveExport', { jobId: 'j', path: '/home/ana/out/other.docx' }, grantedOrListed(grants, none)),
    ).toMatch(/only on files you chose/);
    const opts = { partIds: null, annexes: true, watermark: false };
    expect(
      await pathRefusal(
        'exportConference',
        { handle: 'h', format: 'docx', options: opts, outPath: '/home/ana/out/x.docx' },
        grantedOrListed(grants, none),
      ),
    ).toMatch(/only on files you chose/);
    expect(
      await pathRefusal(
        'startExport',
        { handle: 'h', format: 'pdf', options: opts, outPath: '/home/ana/out/proceedings.docx' },
        grantedOrListed(grants, none),
      ),
    ).toMatch(/is not a \.pdf file/);
    expect(
      await pathRefusal('saveCopy', { handle: 'h', path: '/home/ana/c.rapporteur' }, grantedOrListed(grants, none)),
    ).toMatch(/only on files you chose/);
    expect(
      await pathRefusal(
        'createConference',
        { templateId: 't', path: '/home/ana/c.rapporteur' },
        grantedOrListed(grants, none),
      ),
    ).toMatch(/only on files you chose/);
    expect(
      await pathRefusal('importReport', { path: '/etc/passwd', fileName: 'passwd' }, grantedOrListed(grants, none)),
    ).toMatch(/operating system/);
    expect(
      await pathRefusal(
        'importReport',
        { content: 'eA==', fileName: 'a.txt', targetPath: '/home/ana/n.rapporteur' },
        grantedOrListed(grants, none),
      ),
    ).toMatch(/only on files you chose/);
  });

  test('recent conferences and samples may be opened, but not written to', async () => {
    const grants = new PathGrants();
    const listed = async () => ['/home/ana/Rapporteur/Recent.rapporteur'];
    expect(
      await pathRefusal(
        'openConference',
        { path: '/home/ana/Rapporteur/Recent.rapporteur' },
        grantedOrListed(grants, listed),
      ),
    ).toBeNull();
    expect(
      await pathRefusal(
        'saveCopy',
        { handle: 'h', path: '/home/ana/Rapporteur/Recent.rapporteur' },
        grantedOrListed(grants, listed),
      ),
    ).toMatch(/only on files you chose/);
  });

  test('calls without paths, and malformed payloads, are left to the contract', async () => {
    const grants = new PathGrants();
    expect(await pathRefusal('listTemplates', {}, grantedOrListed(grants, none))).toBeNull();
    expect(await pathRefusal('openConference', 'x', grantedOrListed(grants, none))).toBeNull();
    expect(await pathRefusal('openConference', { path: 5 }, grantedOrListed(grants, none))).toBeNull();
    expect(await pathRefusal('createConference', { templateId: 't' }, grantedOrListed(grants, none))).toBeNull();
  });
});
