/** Links (typed and automatic): inline elements holding text runs. */
import { z } from 'zod';
import { elementFields, spec, text } from './spec';

const fields = z.looseObject({ ...elementFields, url: text(10_000), rel: text(200).nullable().optional(), target: text(200).nullable().optional(), title: text(2_000).nullable().optional() });
export const linkElement = spec({ type: 'link', role: 'inline', fields });
export const autoLinkElement = spec({ type: 'autolink', role: 'inline', fields });
