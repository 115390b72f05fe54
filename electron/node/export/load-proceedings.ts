import { compile } from '../../../shared/compile/compile';
import type { CataloguedNote } from '../../../shared/i18n/export-notes';
import type { CompileOptions, Proceedings } from '../../../shared/compile/model';
import type { ConferenceSource } from '../../../shared/compile/compile';
import type { Template } from '../../../shared/templates/schema';
import { ConferenceStore } from '../store/conference-store';
import { getTemplate } from '../templates';
import { appError } from '../../../shared/i18n/app-error';

/** Today as YYYY-MM-DD in local time: the date of issue printed on the masthead. */
export const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Reads a conference file whole (the store is closed again at once). */
export function readConferenceFile(file: string): ConferenceSource {
  return readConferenceFileSaying(file).source;
}

/** The same, with what the read had to leave out (damaged parts), in words for the export's notes. */
export function readConferenceFileSaying(file: string): { source: ConferenceSource; leftOut: CataloguedNote[] } {
  const store = ConferenceStore.open(file);
  try {
    const source = store.readContent();
    return { source, leftOut: store.leftOutOfLastRead };
  } finally {
    store.close();
  }
}

export function templateFor(source: ConferenceSource): Template {
  if (!source.meta.templateId) throw appError('EXPORT_FAILED', 'export.noTemplate');
  return getTemplate(source.meta.templateId);
}

/** Compiles a conference (already read) with its own template. */
export function compileSource(source: ConferenceSource, options: CompileOptions): Proceedings {
  return compile(source, templateFor(source), { issueDate: today(), ...options });
}
