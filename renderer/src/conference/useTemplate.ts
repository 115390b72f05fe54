import { useEffect, useState } from 'react';
import type { Template } from '../../../shared/templates/schema';
import { api } from '../api';

const cache = new Map<string, Promise<Template>>();

/** The conference's template in full (guidance, numbering, attribution), fetched once per id. */
export function useTemplate(id: string): Template | null {
  const [template, setTemplate] = useState<Template | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    if (!cache.has(id)) cache.set(id, api.getTemplate({ id }).catch((e: unknown) => { cache.delete(id); throw e; }));
    cache.get(id)!.then((t) => live && setTemplate(t), () => live && setTemplate(null));
    return () => { live = false; };
  }, [id]);
  return template;
}
