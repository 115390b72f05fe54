/** `rapporteur new --template <id> -o <file.rapporteur> [--title T] [--language <tag>]` */
import { languageProblem, listedLanguage } from '../../shared/model/language';
import { createConferenceFile } from '../node/services/app-services';
import { conferenceOutput, noPositionals, stringOption, UsageError, type CommandModule } from './context';

export const run: CommandModule['run'] = async (v, pos, cx) => {
  noPositionals(pos);
  const template = stringOption(v, 'template');
  if (template === undefined) throw new UsageError('missing --template <id> (see “rapporteur templates”).');
  const output = conferenceOutput(v);
  const asked = stringOption(v, 'language');
  const language = asked === undefined ? undefined : listedLanguage(asked);
  if (language === null) throw new UsageError(languageProblem(asked!));
  const store = createConferenceFile(cx.file(output), template, stringOption(v, 'title'), language);
  const n = store.listParts().length;
  store.close();
  cx.out(`Created ${output} from “${template}” with ${n} parts.`);
  return 0;
};
