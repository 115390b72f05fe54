/**
 * The sample conferences (seeds/samples/*.rapporteur, built by the importer engineer's
 * script). Until they exist, the five seeds are imported here with the same importer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConferenceSource } from '../../../shared/compile/compile';
import { decodeText, importText, type ImportedPart } from '../../../shared/import';
import { loadTemplates } from '../templates';
import { emptyMeta } from '../../../shared/model/conference';
import { projectRoot } from '../paths';
import { ConferenceStore } from '../store/conference-store';

export const SAMPLES_DIR = path.join(projectRoot, 'seeds', 'samples');
const SOURCE_DIR = path.join(projectRoot, 'seeds', 'source');

/** A seed imported in memory, as the compile step reads a conference. */
export function importSeed(prefix: string): ConferenceSource {
  const file = fs.readdirSync(SOURCE_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`No seed ${prefix} in ${SOURCE_DIR}`);
  const { text, warnings } = decodeText(fs.readFileSync(path.join(SOURCE_DIR, file)), file);
  const r = importText(text, { fileName: file, warnings, templates: loadTemplates() });
  const parts: ConferenceSource['parts'] = [];
  const flatten = (list: ImportedPart[], parentId: string | null) => {
    for (const p of list) {
      parts.push({ id: p.id, parentId, kind: p.kind, title: p.title, doc: p.doc });
      flatten(p.children, p.id);
    }
  };
  flatten(r.parts, null);
  return {
    meta: { ...emptyMeta(), ...r.meta, templateId: r.templateId },
    parts,
    participants: r.participants,
    agenda: r.agenda,
  };
}

export const SEEDS = ['000', '001', '002', '003', '004'];

function writeSource(file: string, src: ConferenceSource): void {
  const store = ConferenceStore.create(file, src.meta);
  try {
    for (const p of src.parts)
      store.addPart({ id: p.id, parentId: p.parentId, kind: p.kind, title: p.title, doc: p.doc });
    src.participants.forEach((p) => store.saveParticipant(p));
    src.agenda.forEach((a) => store.saveAgendaItem(a));
  } finally {
    store.close();
  }
}

/** Copies of the sample conference files in `dir`; built there from the seeds when the samples are absent. */
export function sampleConferenceFiles(dir: string): string[] {
  if (fs.existsSync(SAMPLES_DIR)) {
    const files = fs
      .readdirSync(SAMPLES_DIR)
      .filter((f) => f.endsWith('.rapporteur'))
      .sort();
    // Copies: opening a conference file writes to it (WAL), and the samples are shared.
    if (files.length) {
      return files.map((f) => {
        const copy = path.join(dir, f);
        fs.copyFileSync(path.join(SAMPLES_DIR, f), copy);
        return copy;
      });
    }
  }
  return SEEDS.map((s) => {
    const file = path.join(dir, `seed-${s}.rapporteur`);
    if (!fs.existsSync(file)) writeSource(file, importSeed(s));
    return file;
  });
}
