/**
 * Comments on a real conference file through the contract: the user's name from the app's
 * settings, threads with replies, resolve and reopen; kept through edits of the text around
 * them, through a snapshot and its restore; a thread whose mark is gone is kept, detached.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../export/readers.testkit';
import { writeRichConference } from '../export/rich-conference.testkit';
import { ConferenceStore } from '../store/conference-store';
import { migrate, migrations, SCHEMA_VERSION } from '../store/migrations';
import { comments as commentsMigration } from '../store/migrations/007-comments';
import { AppServices } from './app-services';
import { markText, unmarkAll } from './comments.testkit';
import { listComments, replyToComment } from './comments-service';

const QUOTE = 'the situation of women';
let dir: string;
let file: string;
let services: AppServices;
let handle: string;

const part = (partId: string) => services.api.getPart({ handle, partId });
async function save(
  partId: string,
  change: (doc: Awaited<ReturnType<typeof part>>['doc']) => Awaited<ReturnType<typeof part>>['doc'],
) {
  const p = await part(partId);
  return services.api.savePart({ handle, partId, doc: change(p.doc), baseRevision: p.revision });
}
const call = (name: string, payload: unknown) => dispatch(services.api, name, payload);

beforeAll(async () => {
  dir = tempDir('comments');
  file = path.join(dir, 'rich.rapporteur');
  writeRichConference(file);
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
  handle = (await services.api.openConference({ path: file })).handle;
});
afterAll(() => {
  services?.closeAll();
});

describe('comments', () => {
  it('are refused, naming what to do, until the user has set a name', async () => {
    await save('unit2', (d) => markText(d, QUOTE, 'c1'));
    await expect(
      Promise.resolve().then(() =>
        services.api.addComment({ handle, partId: 'unit2', threadId: 'c1', quote: QUOTE, text: 'Which situation?' }),
      ),
    ).rejects.toThrow(/Set your name first/);
    expect(await services.api.listComments({ handle })).toEqual([]);
  });

  it('carry the name set once in the app settings, which a later run reads back', async () => {
    expect(await services.api.getUserName({})).toEqual({ userName: '' });
    expect((await call('setUserName', { userName: '  ' })).ok).toBe(false);
    expect(await services.api.setUserName({ userName: 'Ana Editor' })).toEqual({ userName: 'Ana Editor' });
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'data', 'settings.json'), 'utf8')) as {
      userName: string;
      recent: unknown[];
    };
    expect(stored.userName).toBe('Ana Editor');
    expect(stored.recent.length).toBeGreaterThan(0); // the rest of the settings kept
    const again = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
    expect(await again.api.getUserName({})).toEqual({ userName: 'Ana Editor' });
  });

  it('are added, answered, resolved and reopened, each message with its author and date', async () => {
    const t0 = Date.now();
    const added = await services.api.addComment({
      handle,
      partId: 'unit2',
      threadId: 'c1',
      quote: QUOTE,
      text: 'Which situation? Cite the report.',
    });
    expect(added).toMatchObject({ id: 'c1', partId: 'unit2', quote: QUOTE, resolved: false, attached: true });
    expect(added.messages).toHaveLength(1);
    expect(added.messages[0]).toMatchObject({ author: 'Ana Editor', text: 'Which situation? Cite the report.' });
    expect(Date.parse(added.messages[0]!.createdAt)).toBeGreaterThanOrEqual(t0 - 1000);

    await services.api.setUserName({ userName: 'Bruno Rapporteur' });
    const answered = await services.api.replyToComment({ handle, threadId: 'c1', text: 'The UNIFEM report, note 1.' });
    expect(answered.messages.map((m) => [m.author, m.text])).toEqual([
      ['Ana Editor', 'Which situation? Cite the report.'],
      ['Bruno Rapporteur', 'The UNIFEM report, note 1.'],
    ]);
    const resolved = await services.api.setCommentResolved({ handle, threadId: 'c1', resolved: true });
    expect(resolved).toMatchObject({ resolved: true, resolvedBy: 'Bruno Rapporteur' });
    expect(resolved.resolvedAt).not.toBeNull();
    const reopened = await services.api.setCommentResolved({ handle, threadId: 'c1', resolved: false });
    expect(reopened).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
  });

  it('are listed per part and for the whole conference, open ones first', async () => {
    await save('partB', (d) => markText(d, 'shared responsibility', 'c2'));
    await services.api.addComment({
      handle,
      partId: 'partB',
      threadId: 'c2',
      quote: 'shared responsibility',
      text: 'Whose responsibility?',
    });
    await services.api.setCommentResolved({ handle, threadId: 'c2', resolved: true });
    expect((await services.api.listComments({ handle, partId: 'unit2' })).map((t) => t.id)).toEqual(['c1']);
    expect((await services.api.listComments({ handle })).map((t) => [t.id, t.resolved])).toEqual([
      ['c1', false],
      ['c2', true],
    ]);
  });

  it('refuses an empty comment, an unknown thread, a thread id used twice and a part that does not exist', async () => {
    expect(await call('replyToComment', { handle, threadId: 'c1', text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('replyToComment', { handle, threadId: 'nope', text: 'Hello' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await call('addComment', { handle, partId: 'unit2', threadId: 'c1', quote: QUOTE, text: 'Again' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      await call('addComment', { handle, partId: 'gone', threadId: 'c9', quote: '', text: 'Hello' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await call('addComment', { handle, partId: 'unit2', threadId: 'bad id!', quote: '', text: 'Hello' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await services.api.listComments({ handle })).find((t) => t.id === 'c1')!.messages).toHaveLength(2);
  });

  it('stay on their text through edits around it, and a thread whose mark is deleted is kept, detached', async () => {
    await save('unit2', (d) => {
      const first = (d.root.children[0] as { children: { type: string; text?: string }[] }).children[0]!;
      first.text = `New opening words. ${first.text!}`;
      return d;
    });
    expect((await services.api.listComments({ handle, partId: 'unit2' }))[0]).toMatchObject({
      id: 'c1',
      attached: true,
    });
    await save('unit2', unmarkAll);
    const detached = (await services.api.listComments({ handle, partId: 'unit2' }))[0]!;
    expect(detached).toMatchObject({ id: 'c1', attached: false });
    expect(detached.messages).toHaveLength(2);
  });

  it('come back attached when a snapshot that has their mark is restored, their replies intact', async () => {
    await save('unit2', (d) => markText(d, QUOTE, 'c1'));
    const snap = await services.api.createSnapshot({ handle, name: 'With the comment' });
    await save('unit2', unmarkAll);
    await services.api.replyToComment({ handle, threadId: 'c1', text: 'Written after the snapshot.' });
    expect((await services.api.listComments({ handle, partId: 'unit2' }))[0]!.attached).toBe(false);
    await services.api.restoreSnapshot({ handle, snapshotId: snap.id });
    const back = (await services.api.listComments({ handle, partId: 'unit2' }))[0]!;
    expect(back.attached).toBe(true);
    expect(back.messages.map((m) => m.text)).toEqual([
      'Which situation? Cite the report.',
      'The UNIFEM report, note 1.',
      'Written after the snapshot.',
    ]);
  });

  it('are in the file itself: another opening of it lists them', async () => {
    services.closeAll();
    services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
    handle = (await services.api.openConference({ path: file })).handle;
    expect((await services.api.listComments({ handle })).map((t) => t.id)).toEqual(['c1', 'c2']);
  });

  it('are listed but not written in a conference opened read-only', () => {
    const copy = path.join(dir, 'copy.rapporteur');
    fs.copyFileSync(file, copy);
    const store = ConferenceStore.open(copy, { readOnly: true });
    try {
      expect(listComments(store).map((t) => t.id)).toEqual(['c1', 'c2']);
      expect(() => replyToComment(store, 'Ana Editor', 'c1', 'Hello')).toThrow(
        expect.objectContaining({ code: 'READ_ONLY' }) as AppError,
      );
    } finally {
      store.close();
    }
    const again = ConferenceStore.open(copy, { readOnly: true });
    try {
      expect(listComments(again).find((t) => t.id === 'c1')!.messages).toHaveLength(3);
    } finally {
      again.close();
    }
  });
});

describe('the comments migration', () => {
  it('adds the comment tables to a file of the version before, its parts kept', () => {
    const at = migrations.indexOf(commentsMigration);
    expect(at).toBeGreaterThan(0);
    const old = path.join(dir, 'old.rapporteur');
    const db = new Database(old);
    migrate(db, at);
    db.prepare("INSERT INTO meta (key, value) VALUES ('conference', '{}')").run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE name = 'comment_threads'").get()).toEqual({
      n: 0,
    });
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.prepare("INSERT INTO comment_threads (id, part_id, quote, created_at) VALUES ('t', 'p', 'q', 'now')").run();
    db.prepare(
      "INSERT INTO comment_messages (thread_id, author, created_at, body) VALUES ('t', 'A', 'now', 'hi')",
    ).run();
    db.pragma('foreign_keys = ON');
    db.prepare("DELETE FROM comment_threads WHERE id = 't'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM comment_messages').get()).toEqual({ n: 0 });
    db.close();
  });
});
