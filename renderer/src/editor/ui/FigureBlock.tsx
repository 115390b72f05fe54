import { useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey } from 'lexical';
import type { FigureFields, FigureNode } from '../nodes/FigureNode';
import { useT } from '../../i18n';

/** Largest image embedded in a conference file; bigger pictures belong in an annex. */
const MAX_IMAGE_BYTES = 4 * 1024 * 1024;

/** A figure as edited: the picture (chosen from disk, embedded), its caption and source line. */
export function FigureBlock({ nodeKey, src, caption, source, alt }: FigureFields & { nodeKey: string }) {
  const { t } = useT();
  const [editor] = useLexicalComposerContext();
  const [error, setError] = useState('');
  const set = (f: Partial<FigureFields>) => editor.update(() => $getNodeByKey<FigureNode>(nodeKey)?.setFields(f));

  const choose = (file: File | undefined) => {
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      setError(t('editor:figure.notAPicture'));
      return;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      setError(t('editor:figure.tooLarge'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setError('');
      set({ src: String(reader.result), alt: alt || caption || file.name });
    };
    reader.readAsDataURL(file);
  };

  return (
    <figure className="figure-block">
      {src ? <img src={src} alt={alt} /> : <div className="figure-empty">{t('editor:figure.empty')}</div>}
      <label className="figure-file">
        {t('editor:figure.picture')}{' '}
        <input type="file" accept="image/*" onChange={(e) => choose(e.target.files?.[0])} />
      </label>
      {error && <p className="error">{error}</p>}
      <input
        className="figure-caption"
        aria-label={t('editor:figure.caption')}
        placeholder={t('editor:figure.captionPlaceholder')}
        defaultValue={caption}
        onBlur={(e) => e.target.value !== caption && set({ caption: e.target.value, alt: alt || e.target.value })}
      />
      <input
        className="figure-source"
        aria-label={t('editor:figure.source')}
        placeholder={t('editor:figure.sourcePlaceholder')}
        defaultValue={source}
        onBlur={(e) => e.target.value !== source && set({ source: e.target.value })}
      />
    </figure>
  );
}
