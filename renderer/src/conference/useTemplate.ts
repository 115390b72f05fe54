import { useEffect, useMemo, useState } from 'react';
import type { Template } from '../../../shared/templates/schema';
import { localizeTemplate, templateInDocumentLanguage } from '../../../shared/templates/localize';
import { api } from '../api';
import { useUiLanguage } from '../i18n';

const cache = new Map<string, Promise<Template>>();

/**
 * The conference's template in full (guidance, numbering, attribution), fetched once per id; its
 * section titles, labels and guidance in the interface's language (they follow it when it changes),
 * the words its heading labels print ("Sesión I:") in the document's language, as the exports do.
 */
export function useTemplate(id: string, documentLanguage?: string): Template | null {
  const [template, setTemplate] = useState<Template | null>(null);
  const language = useUiLanguage();
  useEffect(() => {
    if (!id) return;
    let live = true;
    if (!cache.has(id))
      cache.set(
        id,
        api.getTemplate({ id }).catch((e: unknown) => {
          cache.delete(id);
          throw e;
        }),
      );
    cache.get(id)!.then(
      (t) => live && setTemplate(t),
      () => live && setTemplate(null),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return useMemo(
    () => (template ? templateInDocumentLanguage(localizeTemplate(template, language), documentLanguage) : null),
    [template, language, documentLanguage],
  );
}
