/**
 * The element registry: every kind a part's document may hold, one line each. Adding a
 * kind means its module here (schema, text, rules), its editor folder, and one line below.
 */
import { z } from 'zod';
import { commentatorElement, moderatorElement, presentationElement } from './attributed';
import { delegationStatementElement } from './delegation-statement';
import { epigraphElement } from './epigraph';
import { figureElement } from './figure';
import { footnoteElement, noteRefElement } from './footnote';
import { headingElement } from './heading';
import { autoLinkElement, linkElement } from './link';
import { listElement, listItemElement } from './list';
import { markElement } from './mark';
import { pageBreakElement } from './page-break';
import { paragraphElement } from './paragraph';
import { personRefElement } from './person-ref';
import { quoteElement } from './quote';
import { runInElement } from './run-in';
import { type ElementSpec, elementFields, spec } from './spec';
import { tableCellElement, tableElement, tableRowElement } from './table';
import { lineBreakElement, tabElement, textElement } from './text';

export const rootElement = spec({ type: 'root', role: 'container', fields: z.looseObject(elementFields) });

export const ELEMENTS: readonly ElementSpec[] = [
  rootElement,
  textElement,
  lineBreakElement,
  tabElement,
  paragraphElement,
  headingElement,
  quoteElement,
  linkElement,
  autoLinkElement,
  markElement,
  listElement,
  listItemElement,
  tableElement,
  tableRowElement,
  tableCellElement,
  footnoteElement,
  noteRefElement,
  personRefElement,
  presentationElement,
  commentatorElement,
  moderatorElement,
  epigraphElement,
  delegationStatementElement,
  runInElement,
  figureElement,
  pageBreakElement,
];

const byType = new Map(ELEMENTS.map((e) => [e.type, e]));

export const elementOf = (type: unknown): ElementSpec | undefined =>
  typeof type === 'string' ? byType.get(type) : undefined;
