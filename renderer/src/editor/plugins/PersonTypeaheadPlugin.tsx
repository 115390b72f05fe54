import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  useBasicTypeaheadTriggerMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $isTextNode, type TextNode } from 'lexical';
import type { Participant } from '../../../../shared/model/conference';
import { displayName } from '../attribution';
import { foldedIncludes } from '../../../../shared/i18n/fold';
import { $createPersonRefNode } from '../nodes/PersonRefNode';
import { useReport } from '../ReportContext';
import { t } from '../../i18n';

class PersonOption extends MenuOption {
  constructor(readonly person: Participant) {
    super(person.id);
  }
}

const MAX_OPTIONS = 8;
/** Lexical's typeahead gives up on longer queries. */
const MAX_QUERY = 75;

/** "@" then a few letters: people of the registry, inserted as a reference to their entry. */
export function PersonTypeaheadPlugin() {
  const [editor] = useLexicalComposerContext();
  const { participants } = useReport();
  const [query, setQuery] = useState<string | null>(null);
  const trigger = useBasicTypeaheadTriggerMatch('@', { minLength: 1, allowWhitespace: true });

  const options = useMemo(() => {
    if (query === null) return [];
    // "@Maria" finds "María": accents and case ignored, as everywhere names are matched.
    return participants
      .filter((p) => foldedIncludes(`${displayName(p)} ${p.organisation}`, query))
      .slice(0, MAX_OPTIONS)
      .map((p) => new PersonOption(p));
  }, [participants, query]);

  const select = (option: PersonOption, textNode: TextNode | null, close: () => void) => {
    editor.update(() => {
      if (!textNode) return;
      const ref = $createPersonRefNode(option.person.id, displayName(option.person));
      // Typing faster than the menu follows, Lexical splits off a query one keystroke old
      // ("Ana" of "@Ana"): take what is left of "@…" before it as well.
      const prev = textNode.getPreviousSibling();
      if (!textNode.getTextContent().startsWith('@') && $isTextNode(prev)) {
        const text = prev.getTextContent();
        const at = text.lastIndexOf('@');
        if (at >= 0 && text.length - at <= MAX_QUERY) prev.setTextContent(text.slice(0, at));
      }
      textNode.replace(ref);
      ref.selectNext();
      close();
    });
  };

  return (
    <LexicalTypeaheadMenuPlugin<PersonOption>
      onQueryChange={setQuery}
      onSelectOption={select}
      triggerFn={trigger}
      options={options}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current && options.length
          ? createPortal(
              <ul className="person-menu" role="listbox" aria-label={t('editor:typeahead.label')}>
                {options.map((o, i) => (
                  <li
                    key={o.key}
                    role="option"
                    aria-selected={i === selectedIndex}
                    ref={o.setRefElement}
                    className={i === selectedIndex ? 'selected' : ''}
                    onMouseEnter={() => setHighlightedIndex(i)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => selectOptionAndCleanUp(o)}
                  >
                    <strong>{displayName(o.person)}</strong>{' '}
                    <span className="muted small">{o.person.organisation}</span>
                  </li>
                ))}
              </ul>,
              anchor.current,
            )
          : null
      }
    />
  );
}
