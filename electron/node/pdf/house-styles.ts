/**
 * Where the Typst house styles and the shipped fonts live: seeds/house-styles in the source
 * tree (and the unpacked app), resources/house-styles in a packaged app
 * (electron-builder.yml copies the folder there). RAPPORTEUR_HOUSE_STYLES overrides both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appError } from '../../../shared/i18n/app-error';

/** The library every house style imports; its presence marks a house-styles folder. */
const MARKER = path.join('lib', 'rapporteur.typ');

/** Folders at and above `from` (the project root holds seeds/house-styles). */
function upwards(from: string): string[] {
  const out: string[] = [];
  for (let dir = from, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    out.push(path.join(dir, 'seeds', 'house-styles'));
    if (path.dirname(dir) === dir) break;
  }
  return out;
}

function candidates(): string[] {
  const out: string[] = [];
  if (process.env.RAPPORTEUR_HOUSE_STYLES) out.push(process.env.RAPPORTEUR_HOUSE_STYLES);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) out.push(path.join(resources, 'house-styles'));
  try {
    // From source (electron/node/pdf) or a bundle (dist/electron, dist/cli): up to the project root.
    out.push(...upwards(path.dirname(fileURLToPath(import.meta.url))));
  } catch {
    // import.meta.url is not a file URL here.
  }
  if (typeof __dirname === 'string') out.push(...upwards(__dirname));
  return out;
}

let cached: string | null = null;

export function houseStylesDir(): string {
  if (cached) return cached;
  const found = candidates().find((dir) => fs.existsSync(path.join(dir, MARKER)));
  if (!found) throw appError('EXPORT_FAILED', 'export.houseStylesMissing');
  cached = found;
  return found;
}

/** The house style of a template: <templateId>.typ, else the general one. */
export function houseStyleFile(dir: string, templateId: string): string {
  const own = /^[a-z0-9-]+$/.test(templateId) ? path.join(dir, `${templateId}.typ`) : '';
  return own && fs.existsSync(own) ? own : path.join(dir, 'default.typ');
}

export const fontsDir = (dir: string): string => path.join(dir, 'fonts');
