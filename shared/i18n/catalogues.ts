import en from './messages/en';
import es from './messages/es';
import fr from './messages/fr';
import type { UiLanguage } from './ui-language';

/** Every message of the interface, per language and namespace (shared: renderer, menus, command line, errors). */
export const catalogues: Record<UiLanguage, Record<Namespace, object>> = { en, es, fr };

export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];

/** English is the source catalogue: keys and their arguments are defined there first. */
export type SourceCatalogue = typeof en;

/**
 * Whether a dotted key ("store.readOnly") names a message of an English namespace. Keys read
 * from a file or the wire are checked here before they are worded: anything else is not trusted.
 */
export function isMessageKey(namespace: Namespace, key: string): boolean {
  let node: unknown = catalogues.en[namespace];
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}
