import type http from 'node:http';
import { pickUiLanguage, type UiLanguage } from '../../shared/i18n/ui-language';

/**
 * The languages an Accept-Language header asks for, best first ("es-CL,es;q=0.9,en;q=0.5" →
 * es-CL, es, en): by quality, then in the order given; "*" and refused ones (q=0) left out.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .slice(0, 1000)
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...params] = entry.split(';').map((p) => p.trim());
      const q = params.find((p) => /^q=/i.test(p));
      return { tag, quality: q === undefined ? 1 : Number(q.slice(2)), order };
    })
    .filter((l) => /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(l.tag) && l.quality > 0 && l.quality <= 1)
    .sort((a, b) => b.quality - a.quality || a.order - b.order)
    .map((l) => l.tag);
}

/** The interface language to answer a request in: the first of its Accept-Language we speak, else English. */
export const requestLanguage = (req: http.IncomingMessage): UiLanguage =>
  pickUiLanguage(acceptedLanguages(req.headers['accept-language']));
