// Message keys are checked at compile time against the English catalogue: t('home:title') with a
// key that does not exist is a type error. (Arguments are ICU, checked by catalogues.test.ts.)
import type { SourceCatalogue } from './catalogues';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: SourceCatalogue;
  }
}
