/** `rapporteur templates [--json]` */
import { localizeTemplateSummary } from '../../shared/templates/localize';
import { loadTemplates } from '../node/templates';
import { noPositionals, type CommandModule } from './context';

export const run: CommandModule['run'] = async (v, pos, cx) => {
  noPositionals(pos);
  const list = loadTemplates().map(({ id, name, description, seed }) => ({ id, name, description, seed }));
  if (v.json) {
    cx.out(JSON.stringify(list, null, 2));
    return 0;
  }
  // Names and descriptions in the user's language; --json keeps the templates' own (English) words.
  for (const t of list.map((t) => localizeTemplateSummary(t, cx.language)))
    cx.out(`${t.id.padEnd(28)} ${t.name}\n${' '.repeat(29)}${t.description}`);
  return 0;
};
