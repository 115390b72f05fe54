import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalogues, NAMESPACES } from './catalogues';
import { UI_LANGUAGES } from './ui-language';

/** "key.sub" → message, for every leaf of a namespace's JSON. */
export function flatten(messages: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(messages)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

/** The ICU arguments of a message, as "name:kind" (plural, select, number, date, string…), sorted. */
export function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
          found.add(`${el.value}:string`);
          break;
        case TYPE.number:
          found.add(`${el.value}:number`);
          break;
        case TYPE.date:
          found.add(`${el.value}:date`);
          break;
        case TYPE.time:
          found.add(`${el.value}:time`);
          break;
        case TYPE.plural:
          found.add(`${el.value}:plural`);
          for (const o of Object.values(el.options)) visit(o.value);
          break;
        case TYPE.select:
          found.add(`${el.value}:select`);
          for (const o of Object.values(el.options)) visit(o.value);
          break;
        case TYPE.tag:
          found.add(`<${el.value}>`);
          visit(el.children);
          break;
        default:
          break;
      }
    }
  };
  visit(parse(message));
  return [...found].sort();
}

/** Every problem of the catalogues: a key missing or extra in a language, a message that is not ICU, arguments that differ from English. */
export function catalogueProblems(): string[] {
  const problems: string[] = [];
  for (const ns of NAMESPACES) {
    const source = flatten(catalogues.en[ns]);
    for (const lang of UI_LANGUAGES) {
      const messages = flatten(catalogues[lang][ns]);
      for (const key of source.keys()) if (!messages.has(key)) problems.push(`${lang}/${ns}.json: missing "${key}"`);
      for (const [key, message] of messages) {
        const where = `${lang}/${ns}.json "${key}"`;
        if (!source.has(key)) {
          problems.push(`${where}: not in en/${ns}.json`);
          continue;
        }
        if (typeof message !== 'string' || !message.trim()) {
          problems.push(`${where}: not a message`);
          continue;
        }
        let args: string[];
        try {
          args = icuArguments(message);
        } catch (err) {
          problems.push(`${where}: not ICU (${err instanceof Error ? err.message : String(err)})`);
          continue;
        }
        const expected = icuArguments(String(source.get(key)));
        if (args.join() !== expected.join())
          problems.push(`${where}: arguments ${args.join(' ') || 'none'}, English has ${expected.join(' ') || 'none'}`);
      }
    }
  }
  return problems;
}

/** French messages whose high punctuation (: ; ! ? ») or opening « has an ordinary space where French typography wants a no-break one. */
export function frenchSpacingProblems(): string[] {
  const problems: string[] = [];
  for (const ns of NAMESPACES) {
    for (const [key, message] of flatten(catalogues.fr[ns])) {
      if (typeof message !== 'string') continue;
      if (/\S [:;!?»]/.test(message) || message.includes('« ')) problems.push(`fr ${ns}:${key}: “${message}”`);
    }
  }
  return problems;
}
