/**
 * The addressee of a recommendation, only where the text names it in so many words, by the
 * template's rules (reading.addressee): the subject of its first verb ("States are encouraged
 * to …" → "States"), or the agent of a passive ("… should be elaborated by all stakeholders"
 * → "All stakeholders"). Anything else ("Detention should be a measure of last resort") has
 * none: the import leaves it empty and says so.
 */
import type { Template } from '../../templates/schema';
import { earliestPhrase, isPhrase, openingPhrase, phraseSpan, startsWithPhrase } from '../template-rules';

type Rules = NonNullable<NonNullable<Template['reading']>['addressee']>;

/** A subject: a capital, then up to 90 letters, digits, spaces and the punctuation of names ("UNHCR and IOM"). */
const SUBJECT = /^\p{Lu}[\p{L}\p{N}_/,'’ -]{1,90}$/u;
const MAX_SUBJECT_WORDS = 12;
const MAX_AGENT_WORDS = 6;

export function addresseeOf(text: string, rules: Rules | undefined): string {
  if (!rules) return '';
  let t = text.trim();
  const lead = openingPhrase(t, rules.leadIns);
  // After a lead-in the subject is written in small letters ("Cuando proceda, las organizaciones …").
  if (lead && /^\s*,/.test(lead.after)) t = lead.rest.charAt(0).toUpperCase() + lead.rest.slice(1);
  // The first of the template's verbs in the text; its subject is the text before it.
  const verb = earliestPhrase(t, rules.verbs, 1);
  if (!verb) return '';
  // The few words after the verb say whether it is a passive (a long text is not split whole).
  const after = t
    .slice(verb.end, verb.end + 400)
    .trim()
    .split(/\s+/);
  const k = isPhrase(after[0] ?? '', rules.adverbs) ? 1 : 0;
  if (rules.passive && isPhrase(after[k] ?? '', rules.passive.auxiliaries)) {
    // "should be [also] elaborated by all stakeholders": the participle, then the agent's preposition.
    const participle = k + 1 + (isPhrase(after[k + 1] ?? '', rules.adverbs) ? 1 : 0);
    if (!isPhrase(after[participle + 1] ?? '', rules.passive.agents)) return '';
    return agentOf(after.slice(participle + 2).join(' '), rules.passive.stops);
  }
  const who = t.slice(0, verb.start).trim();
  if (!SUBJECT.test(who) || who.split(/\s+/).length > MAX_SUBJECT_WORDS) return '';
  return (rules.notSubjects ?? []).some((x) => startsWithPhrase(who, x)) ? '' : who;
}

/** The agent of a passive: its words up to a stop word ("to", "with") or a mark, if they are few and a name. */
function agentOf(words: string, stops: readonly string[]): string {
  let agent = words;
  for (const mark of [',', ';', '.']) {
    const k = agent.indexOf(mark);
    if (k >= 0) agent = agent.slice(0, k);
  }
  for (const stop of stops) {
    const at = phraseSpan(agent, stop, 1);
    if (at) agent = agent.slice(0, at.start);
  }
  agent = agent.trim();
  return agent && agent.split(' ').length <= MAX_AGENT_WORDS && /^\p{L}/u.test(agent)
    ? agent[0]!.toUpperCase() + agent.slice(1)
    : '';
}
