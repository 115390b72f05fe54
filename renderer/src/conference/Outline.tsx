import { memo, useState } from 'react';
import type { LexicalDoc, PartSummary } from '../../../shared/model/conference';
import { findSection, type Template, type TemplateSection } from '../../../shared/templates/schema';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { partLabels } from '../../../shared/elements/part-labels';
import { depthOf, missingRequired, sectionOf } from './part-tree';
import './outline.css';
import { ContextMenu, RENAME_TEXT, RenameField, RenameUndo, useRename } from './RenameField';
import { useOutlineKeys } from './outline-keys';
import { useT } from '../i18n';
import { localizeTemplate, starterIn, untitledInstance } from '../../../shared/templates/localize';

type Removed = Awaited<ReturnType<typeof api.deletePart>>['removed'];

interface Props {
  parts: PartSummary[];
  selected: string | null;
  onSelect(id: string): void;
  /** Structure editing needs these; without them the outline is read-only. */
  handle?: string;
  template?: Template | null;
  onPartsChanged?(parts: PartSummary[], select?: string): void;
  onNotice?(n: NoticeState): void;
  /** Parts shown but not changed here (in a rapporteur's kit, those assigned to others). */
  isReadOnly?(id: string): boolean;
}

/**
 * The tree of parts in document order: numbering, kind, status, rapporteur and words;
 * required sections still empty are flagged. Parts are reordered by dragging, and
 * repeatable groups (sessions, units) are added, duplicated and deleted here, with undo.
 */
export function Outline({
  parts,
  selected,
  onSelect,
  handle,
  template = null,
  onPartsChanged,
  onNotice,
  isReadOnly = () => false,
}: Props) {
  const { t } = useT();
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ title: string; parts: Removed } | null>(null);
  const depth = depthOf(parts);
  const labels = partLabels(parts, template);
  const missing = missingRequired(parts, template);
  const editable = !!(handle && onPartsChanged);
  // Renaming in place (double-click, F2, the context menu), with one undo.
  const rename = useRename(
    handle,
    (id) => parts.find((x) => x.id === id)?.title,
    (s) => onPartsChanged?.(parts.map((x) => (x.id === s.id ? s : x))),
    (text) => onNotice?.({ kind: 'error', text }),
  );
  const [menu, setMenu] = useState<{ part: PartSummary; x: number; y: number } | null>(null);
  const keys = useOutlineKeys({ parts, handle, editable, isReadOnly, onPartsChanged, onNotice });

  const run = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      onNotice?.({ kind: 'error', text: errorMessage(err) });
    }
  };

  /** A new instance of a section with the template's children (and starter content). */
  const addInstance = (section: TemplateSection, parentId: string | null, index: number) =>
    run(async () => {
      const created = await createInstance(handle!, section, parentId, index);
      onPartsChanged!(created.parts, created.id);
    });

  const duplicate = (p: PartSummary) =>
    run(async () => {
      const before = new Set(parts.map((x) => x.id));
      const after = await api.duplicatePart({ handle: handle!, partId: p.id });
      onPartsChanged!(after, after.find((x) => !before.has(x.id) && x.parentId === p.parentId)?.id);
    });

  const remove = (p: PartSummary) =>
    run(async () => {
      const res = await api.deletePart({ handle: handle!, partId: p.id });
      setRemoved({ title: p.title, parts: res.removed });
      onPartsChanged!(res.parts, res.parts.find((x) => x.id === p.parentId)?.id ?? res.parts[0]?.id);
    });

  const undo = () =>
    run(async () => {
      if (!removed) return;
      const after = await api.restoreParts({ handle: handle!, parts: removed.parts });
      onPartsChanged!(after, removed.parts[0]?.id);
      setRemoved(null);
    });

  const drop = (target: PartSummary) =>
    run(async () => {
      const id = dragging;
      setDragging(null);
      setDropTarget(null);
      if (!id || id === target.id || isInside(parts, target.id, id)) return;
      const siblings = parts
        .filter((x) => x.parentId === target.parentId && x.id !== id)
        .sort((a, b) => a.position - b.position);
      const index = siblings.findIndex((x) => x.id === target.id);
      onPartsChanged!(
        await api.movePart({ handle: handle!, partId: id, parentId: target.parentId, index: Math.max(0, index) }),
        id,
      );
    });

  return (
    <nav className="outline" aria-label={t('conference:outline.label')}>
      {removed && (
        <div className="outline-undo" role="status">
          {removed.parts.length > 1
            ? t('conference:outline.deletedWithSubparts', {
                title: removed.title || t('common:untitled'),
                count: removed.parts.length - 1,
              })
            : t('conference:outline.deleted', { title: removed.title || t('common:untitled') })}
          <button
            type="button"
            className="link"
            aria-label={t('conference:outline.undoDelete')}
            onClick={() => void undo()}
          >
            {t('common:undo')}
          </button>
        </div>
      )}
      <RenameUndo last={rename.last} onUndo={() => void rename.undo()} />
      {menu && (
        <ContextMenu
          at={menu}
          label={RENAME_TEXT.menu(menu.part.title)}
          onClose={() => setMenu(null)}
          items={[
            { label: RENAME_TEXT.rename, run: () => rename.start(menu.part.id), keys: 'F2' },
            { label: t('common:duplicate'), run: () => void duplicate(menu.part) },
            { label: t('common:delete'), run: () => void remove(menu.part) },
          ]}
        />
      )}
      {/* The second click of a double-click (which renames) can land on an action row that just appeared: actions ignore it. */}
      <ul role="tree" aria-label={t('conference:outline.tree')} ref={keys.tree} onKeyDown={keys.onKeyDown}>
        {parts.map((p) => {
          const section = sectionOf(template, p.kind);
          const label = labels.get(p.id);
          const flagged = missing.has(p.id);
          const repeatableChildren = section?.children.filter((c) => c.repeatable) ?? [];
          const changeable = editable && !isReadOnly(p.id);
          return (
            <li
              key={p.id}
              role="treeitem"
              aria-selected={p.id === selected}
              data-part-id={p.id}
              aria-level={(depth.get(p.id) ?? 0) + 1}
              className={[dropTarget === p.id ? 'drop-target' : '', dragging === p.id ? 'dragging' : ''].join(' ')}
              style={{ paddingLeft: `${(depth.get(p.id) ?? 0) * 14 + 4}px` }}
              draggable={changeable}
              onDragStart={(e) => {
                setDragging(p.id);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', p.id);
              }}
              onDragOver={(e) => {
                if (dragging && dragging !== p.id) {
                  e.preventDefault();
                  setDropTarget(p.id);
                }
              }}
              onDragLeave={() => setDropTarget((t) => (t === p.id ? null : t))}
              onDrop={(e) => {
                e.preventDefault();
                void drop(p);
              }}
              onDragEnd={() => {
                setDragging(null);
                setDropTarget(null);
              }}
              onDoubleClick={
                changeable
                  ? (e) => {
                      e.stopPropagation();
                      rename.start(p.id);
                    }
                  : undefined
              }
              onKeyDown={
                changeable
                  ? (e) => {
                      if (e.key === 'F2' && e.target === e.currentTarget.querySelector('.outline-item')) {
                        e.preventDefault();
                        rename.start(p.id);
                      }
                    }
                  : undefined
              }
              onContextMenu={
                changeable
                  ? (e) => {
                      e.preventDefault();
                      onSelect(p.id);
                      setMenu({ part: p, x: e.clientX, y: e.clientY });
                    }
                  : undefined
              }
            >
              {rename.renaming === p.id ? (
                <RenameField
                  initial={p.title}
                  onCommit={(t) => void rename.commit(p, t)}
                  onCancel={rename.stop}
                  onKeyboardDone={() => keys.focusSoon(p.id)}
                />
              ) : (
                <button
                  type="button"
                  className={p.id === selected ? 'outline-item selected' : 'outline-item'}
                  onClick={() => onSelect(p.id)}
                  aria-keyshortcuts={changeable ? 'F2 Alt+Shift+ArrowUp Alt+Shift+ArrowDown' : undefined}
                  tabIndex={p.id === (selected ?? parts[0]?.id) ? 0 : -1}
                >
                  <OutlineEntryText part={p} label={label} flagged={flagged} section={section} />
                </button>
              )}
              {changeable && p.id === selected && (
                <span className="outline-actions">
                  {section?.repeatable && (
                    <button
                      type="button"
                      title={t('conference:outline.addAnotherTitle', {
                        label: section.instanceLabel ?? t('conference:outline.part'),
                      })}
                      onClick={() => void addInstance(section, p.parentId, p.position + 1)}
                    >
                      {t('conference:outline.addAnother', {
                        label: section.instanceLabel ?? t('conference:outline.part'),
                      })}
                    </button>
                  )}
                  {repeatableChildren.map((c) => (
                    <button
                      key={c.id}
                      type="button"
                      title={t('conference:outline.addInsideTitle', { label: c.instanceLabel ?? c.title })}
                      onClick={() => void addInstance(c, p.id, parts.filter((x) => x.parentId === p.id).length)}
                    >
                      {t('conference:outline.addInside', { label: c.instanceLabel ?? c.title })}
                    </button>
                  ))}
                  <button
                    type="button"
                    title={t('conference:outline.duplicateTitle')}
                    onClick={(e) => {
                      if (e.detail < 2) void duplicate(p);
                    }}
                  >
                    {t('common:duplicate')}
                  </button>
                  <button
                    type="button"
                    title={t('conference:outline.deleteTitle')}
                    onClick={(e) => {
                      if (e.detail < 2) void remove(p);
                    }}
                  >
                    {t('common:delete')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * A row's words. Memoised: a save gives the outline a new list in which only the saved part
 * changed, and these words (a plural and a status message each) were worded again for every row.
 */
const OutlineEntryText = memo(function OutlineEntryText({
  part: p,
  label,
  flagged,
  section,
}: {
  part: PartSummary;
  label: string | undefined;
  flagged: boolean;
  section: TemplateSection | null;
}) {
  const { t } = useT();
  return (
    <>
      <span className="outline-title">
        {label && <span className="outline-label">{label} </span>}
        {p.title || t('common:untitled')}
        {flagged && (
          <span className="outline-flag" title={t('conference:outline.requiredTitle')}>
            {' '}
            {t('conference:outline.required')}
          </span>
        )}
      </span>
      <span className={`outline-meta status-${p.status}`}>
        {section ? (
          <span className="outline-kind">{section.instanceLabel ?? section.title}</span>
        ) : (
          <span className="outline-kind">{p.kind}</span>
        )}
        {' · '}
        {t(`common:status.${p.status}`)}
        {p.rapporteur ? ` · ${p.rapporteur}` : ''} · {t('conference:outline.words', { count: p.wordCount })}
      </span>
    </>
  );
});

function isInside(parts: PartSummary[], id: string, ancestor: string): boolean {
  const byId = new Map(parts.map((p) => [p.id, p]));
  for (let p = byId.get(id)?.parentId; p; p = byId.get(p)?.parentId) if (p === ancestor) return true;
  return false;
}

/** Adds a section instance and, recursively, its template children; returns the new list and the instance's id. */
export async function createInstance(
  handle: string,
  section: TemplateSection,
  parentId: string | null,
  index?: number,
): Promise<{ parts: PartSummary[]; id: string }> {
  // A new part's title and starting content are document text: in the conference's language, whatever the
  // interface's (the section comes from useTemplate, in the interface's language).
  const view = await api.getConference({ handle });
  const language = view.meta.language || 'en';
  const written = await api.getTemplate({ id: view.meta.templateId });
  const inDocument = findSection(localizeTemplate(written, language).sections, section.id) ?? section;
  const title =
    inDocument.repeatable && inDocument.instanceLabel
      ? untitledInstance(inDocument.instanceLabel, language)
      : inDocument.title;
  const before = new Set(view.parts.map((p) => p.id));
  let parts = await api.addPart({ handle, parentId, index, kind: section.id, title });
  const created = parts.find((p) => !before.has(p.id) && p.kind === section.id)!;
  if (section.starter) {
    await api.savePart({
      handle,
      partId: created.id,
      // Starting content is document text: in the conference's language, not the interface's.
      doc: starterIn(view.meta.templateId, section, language) as LexicalDoc,
      baseRevision: created.revision,
    });
  }
  for (const child of section.children) parts = (await createInstance(handle, child, created.id)).parts;
  if (section.starter || section.children.length) parts = (await api.getConference({ handle })).parts;
  return { parts, id: created.id };
}
