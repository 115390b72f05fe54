import fs from 'node:fs';
import path from 'node:path';

/** The app's own settings (recent files), kept apart from any conference. */
export interface Settings { recent: { path: string; title: string; openedAt: string }[] }

const MAX_RECENT = 12;

export class SettingsFile {
  constructor(private readonly file: string) {}

  read(): Settings {
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<Settings>;
      return { recent: Array.isArray(data.recent) ? data.recent.filter((r) => typeof r?.path === 'string') : [] };
    } catch {
      return { recent: [] };
    }
  }

  addRecent(file: string, title: string): void {
    const s = this.read();
    s.recent = [{ path: file, title, openedAt: new Date().toISOString() }, ...s.recent.filter((r) => r.path !== file)].slice(0, MAX_RECENT);
    this.write(s);
  }

  private write(s: Settings): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(s, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
