// A stand-in for a rapporteur typing into a part, run as a child process by the crash
// test: one character every few milliseconds, saved through the same Autosaver the
// editor uses. It prints how many characters it has typed ("typed N") and how many each
// finished save holds ("saved N"), then gets killed at random.
import { Autosaver } from '../../../../shared/autosave';
import type { LexicalDoc } from '../../../../shared/model/conference';
import { ConferenceStore } from '../conference-store';
import { docFromText, textFromDoc, TYPED_TEXT } from './typing';

const [file, partId] = process.argv.slice(2) as [string, string];
const store = ConferenceStore.open(file);
const part = store.getPart(partId);
let revision = part.revision;
let typed = textFromDoc(part.doc).length;

const saver = new Autosaver<LexicalDoc>({
  save: async (doc) => {
    revision = store.savePartDoc(partId, doc, revision).revision;
    process.stdout.write(`saved ${textFromDoc(doc).length}\n`);
  },
  onStateChange: (st) => {
    if (st.kind === 'failed') process.stderr.write(`save failed: ${st.message}\n`);
  },
});

setInterval(() => {
  typed += 1;
  saver.update(docFromText(TYPED_TEXT.slice(0, typed)));
  process.stdout.write(`typed ${typed}\n`);
}, 5);
