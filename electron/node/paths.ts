import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder that holds package.json), in the source tree and in tests. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Per-user folders for the command line and browser mode; Electron uses app.getPath instead. */
export function defaultDirs(env: Record<string, string | undefined> = process.env): {
  dataDir: string;
  workspaceDir: string;
  samplesDir: string;
} {
  const home = os.homedir();
  const dataDir = env.RAPPORTEUR_DATA_DIR ?? path.join(home, '.config', 'rapporteur');
  const workspaceDir = env.RAPPORTEUR_WORKSPACE ?? path.join(home, 'Rapporteur');
  return { dataDir, workspaceDir, samplesDir: path.join(projectRoot, 'seeds', 'samples') };
}
