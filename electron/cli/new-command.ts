/** `rapporteur new --template <id> -o <file.rapporteur> [--title T] [--language <tag>]` */
import { listedLanguage } from '../../shared/model/language';
import { createConferenceFile } from '../node/services/app-services';
import {
  conferenceOutput,
  localSynopsis,
  noPositionals,
  stringOption,
  UsageError,
  type CommandModule,
} from './context';

export const run: CommandModule['run'] = async (v, pos, cx) => {
  noPositionals(pos);
  const template = stringOption(v, 'template');
  if (template === undefined)
    throw new UsageError((t) => t('cli:usageError.missingTemplate', { option: localSynopsis('--template <id>', t) }));
  const output = conferenceOutput(v);
  const asked = stringOption(v, 'language');
  const language = asked === undefined ? undefined : listedLanguage(asked);
  if (language === null) throw new UsageError((t) => t('cli:usageError.language', { value: asked!.slice(0, 40) }));
  const store = createConferenceFile(cx.file(output), template, stringOption(v, 'title'), language);
  const n = store.listParts().length;
  store.close();
  cx.out(cx.t('cli:new.created', { file: output, template, n }));
  return 0;
};
