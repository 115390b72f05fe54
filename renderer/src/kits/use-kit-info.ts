import { useEffect, useState } from 'react';
import type { KitInfo } from '../../../shared/kits/kit-report';
import { api } from '../api';

/** Whose kit the open conference is (null for the editor's own conference; undefined while asking). */
export function useKitInfo(handle: string): KitInfo | null | undefined {
  const [info, setInfo] = useState<KitInfo | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.kitInfo({ handle }).then(
      (k) => {
        if (live) setInfo(k);
      },
      () => {
        if (live) setInfo(null);
      },
    );
    return () => {
      live = false;
    };
  }, [handle]);
  return info;
}
