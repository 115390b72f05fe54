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
