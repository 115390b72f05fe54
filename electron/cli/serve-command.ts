/**
 * `rapporteur serve [<file>] [--port N]`: browser mode. The server is a sibling layer
 * (electron/server), loaded only here and only when this command runs.
 */
import { defaultDirs } from '../node/paths';
import { UsageError, type CommandModule } from './context';

export const run: CommandModule['run'] = async (v, pos, cx) => {
  if (pos.length > 1) throw new UsageError((t) => t('cli:usageError.serveFiles'));
  const port = v.port === undefined ? 0 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError((t) => t('cli:usageError.port', { option: '--port', value: String(v.port) }));
  const { startServer } = await import('../server/http-server');
  const server = await startServer({ ...defaultDirs(), port, openFile: pos[0] ? cx.file(pos[0]) : undefined });
  cx.out(cx.t('cli:serve.serving', { url: server.url }));
  cx.out(cx.t('cli:serve.howToStop'));
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
};
