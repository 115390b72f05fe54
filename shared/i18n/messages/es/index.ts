// The 'es' catalogue: one JSON file per namespace (how to add one: renderer/src/i18n/README.md).
import commonMessages from './common.json';
import appMessages from './app.json';
import homeMessages from './home.json';
import conferenceMessages from './conference.json';
import editorMessages from './editor.json';
import exportMessages from './export.json';
import importMessages from './import.json';
import dialogsMessages from './dialogs.json';
import liveMessages from './live.json';
import reviewMessages from './review.json';
import kitsMessages from './kits.json';
import participantsMessages from './participants.json';
import agendaMessages from './agenda.json';
import commentsMessages from './comments.json';
import assignmentsMessages from './assignments.json';
import menuMessages from './menu.json';
import cliMessages from './cli.json';
import errorsMessages from './errors.json';
import importWarningsMessages from './importWarnings.json';

export default {
  common: commonMessages,
  app: appMessages,
  home: homeMessages,
  conference: conferenceMessages,
  editor: editorMessages,
  export: exportMessages,
  import: importMessages,
  dialogs: dialogsMessages,
  live: liveMessages,
  review: reviewMessages,
  kits: kitsMessages,
  participants: participantsMessages,
  agenda: agendaMessages,
  comments: commentsMessages,
  assignments: assignmentsMessages,
  menu: menuMessages,
  cli: cliMessages,
  errors: errorsMessages,
  importWarnings: importWarningsMessages,
};
