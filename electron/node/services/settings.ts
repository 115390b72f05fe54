import fs from 'node:fs';
import path from 'node:path';
import { UiLanguageChoice } from '../../../shared/i18n/ui-language';

/** The app's own settings (recent files, the interface language), kept apart from any conference. */
export interface Settings {
  recent: { path: string; title: string; openedAt: string }[];
  uiLanguage: UiLanguageChoice;
  userName: string;
}

const MAX_RECENT = 12;

export class SettingsFile {
  constructor(private readonly file: string) {}

  read(): Settings {
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<Settings>;
      const uiLanguage = UiLanguageChoice.safeParse(data.uiLanguage);
      return {
        recent: Array.isArray(data.recent) ? data.recent.filter((r) => typeof r?.path === 'string') : [],
        uiLanguage: uiLanguage.success ? uiLanguage.data : 'system',
        // The name comments carry (set once; shared/review/comments.ts).
        userName: typeof data.userName === 'string' ? data.userName.trim().slice(0, 200) : '',
      };
    } catch {
      return { recent: [], uiLanguage: 'system', userName: '' };
    }
  }

  /** The interface language: one of ours, or 'system' to follow the system or browser. */
  setUiLanguage(choice: UiLanguageChoice): void {
    this.write({ ...this.read(), uiLanguage: choice });
  }

  /** The user's name, which every comment and reply carries. */
  setUserName(name: string): void {
    this.write({ ...this.read(), userName: name.trim() });
  }

  addRecent(file: string, title: string): void {
    const s = this.read();
    s.recent = [
      { path: file, title, openedAt: new Date().toISOString() },
      ...s.recent.filter((r) => r.path !== file),
    ].slice(0, MAX_RECENT);
    this.write(s);
  }

  private write(s: Settings): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(s, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
