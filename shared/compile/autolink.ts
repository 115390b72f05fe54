/**
 * Web addresses and e-mail addresses written as plain text become links in the exports
 * (info@unitar.org → mailto:, www.unitar.org → https://). The text is split on white space
 * first and each token tested on its own with anchored patterns, so the work stays linear
 * in the length of the text whatever it holds.
 */
import type { Inline, TextRun } from './model';

const URL = /^(https?:\/\/[^\s<>"]+|www\.[a-z0-9-]+(\.[a-z0-9-]+)+[^\s<>"]*)$/i;
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
/** Punctuation that ends a sentence rather than an address: "(see www.x.org)." */
const LEAD = /^[(<[“"'‘]+/;
const TRAIL = /[)>\]”"'’.,;:!?]+$/;

function linkOf(token: string): { lead: string; target: string; href: string; trail: string } | null {
  if (token.length > 2_000 || !/[.@]/.test(token)) return null;
  const lead = LEAD.exec(token)?.[0] ?? '';
  const rest = token.slice(lead.length);
  const trail = TRAIL.exec(rest)?.[0] ?? '';
  const target = rest.slice(0, rest.length - trail.length);
  if (!target) return null;
  if (EMAIL.test(target)) return { lead, target, href: `mailto:${target}`, trail };
  if (URL.test(target)) return { lead, target, href: /^https?:/i.test(target) ? target : `https://${target}`, trail };
  return null;
}

/** A text run with its addresses turned into links (the run's formatting kept on every piece). */
export function autolink(run: TextRun): Inline[] {
  if (!/[.@]/.test(run.text) || run.charStyle) return [run];
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) {
      out.push({ ...run, text: plain });
      plain = '';
    }
  };
  for (const token of run.text.split(/(\s+)/)) {
    const hit = token && !/^\s+$/.test(token) ? linkOf(token) : null;
    if (!hit) {
      plain += token;
      continue;
    }
    plain += hit.lead;
    flush();
    out.push({ kind: 'link', url: hit.href, children: [{ ...run, text: hit.target }] });
    plain += hit.trail;
  }
  flush();
  return out.length ? out : [run];
}
