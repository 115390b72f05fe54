/** Links (typed and automatic): inline elements holding text runs. */
import { z } from 'zod';
import type { Inline } from '../compile/model';
import { textRun } from '../compile/runs';
import { elementFields, type RawNode, spec, str, text } from './spec';
import { childrenOf } from './walk';

const fields = z.looseObject({ ...elementFields, url: text(10_000), rel: text(200).nullable().optional(), target: text(200).nullable().optional(), title: text(2_000).nullable().optional() });
// The link's own text runs (an address written inside a link is not linked again).
const compileInline = (n: RawNode): Inline[] => [{ kind: 'link', url: str(n.url), children: childrenOf(n).filter((c) => c.type === 'text').map(textRun) }];
export const linkElement = spec({ type: 'link', role: 'inline', fields, compileInline });
export const autoLinkElement = spec({ type: 'autolink', role: 'inline', fields, compileInline });
