import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConferenceView, ImportWarning, PartSummary } from '../../../shared/model/conference';
import type { AutosaveState } from '../../../shared/autosave';
import { api, errorMessage, isDesktop, onMenu } from '../api';
import { readPlace, writePlace } from '../app/location';
import type { NoticeState } from '../app/Notice';
import { PartEditor } from '../editor/PartEditor';
import { LiveMode } from '../live/LiveMode';
import { ParticipantsPanel } from '../participants/ParticipantsPanel';
import { AgendaPanel } from '../agenda/AgendaPanel';
import { ConferenceSearch } from './ConferenceSearch';
import { partLabels } from '../../../shared/elements/part-labels';
import { depthOf, sectionOf } from './part-tree';
import { useTemplate } from './useTemplate';
import { MetaPanel } from './MetaPanel';
import { FileStatusBanner } from './FileStatusBanner';
import { Outline } from './Outline';
import { publishSaveState, SaveStatus } from './SaveStatus';
import { PartStatusBar } from './PartStatusBar';
import { SnapshotsPanel } from './SnapshotsPanel';
import { ReplaceInAllParts } from './ReplaceInAllParts';
import type { FindOptions } from '../../../shared/search/find';
import { ImportWarningsPanel, useImportWarnings } from '../import/ImportWarningsPanel';
import { PartWarnings } from '../import/PartWarnings';
import { PlaceWarnings } from '../import/PlaceWarnings';
import { placeOf } from '../editor/plugins/warning-markers';
import { ExportDialog } from '../export/ExportDialog';
import { chooseFile } from '../dialogs/choose-file';
import { baseName } from '../../../shared/contract/file-policy';
import { KitActions } from '../kits/KitActions';
import { KitBanner } from '../kits/KitBanner';
import { useKitInfo } from '../kits/use-kit-info';
import { isReadOnlyInKit, KitPartNote } from '../kits/KitPartNote';
import { AssignmentsPanel } from '../assignments/AssignmentsPanel';
import { AssignmentsButton } from '../assignments/AssignmentsButton';
import { t as translate, useT } from '../i18n';

interface Props {
  initial: ConferenceView;
  onClose(): void;
  onNotice(n: NoticeState): void;
  onImport(): void;
}

/** An open conference: the outline on the left, the selected part in the centre. */
export function ConferenceScreen({ initial, onClose, onNotice, onImport }: Props) {
  const { t } = useT();
  const [view, setView] = useState(initial);
  const [selected, setSelected] = useState<string | null>(() => {
    const wanted = readPlace().part;
    return initial.parts.find((p) => p.id === wanted)?.id ?? initial.parts[0]?.id ?? null;
  });
  const [panel, setPanel] = useState<
    'part' | 'agenda' | 'details' | 'snapshots' | 'participants' | 'live' | 'warnings' | 'assignments'
  >('part');
  // An accepted OCR repair changes the text of parts: the open editor reloads (generation).
  const onRepaired = useCallback((parts: ConferenceView['parts']) => {
    setView((v) => ({ ...v, parts }));
    setGeneration((g) => g + 1);
  }, []);
  const { warnings, setStatus: setWarningStatus } = useImportWarnings(initial.handle, onNotice, onRepaired);
  // Kept between renders (a save renders the screen): the warnings beside the editor render only when these change.
  const openWarnings = useMemo(() => warnings.filter((w) => w.status === 'open'), [warnings]);
  const onWarningStatus = useCallback(
    (w: ImportWarning, st: ImportWarning['status']) => void setWarningStatus(w, st),
    [setWarningStatus],
  );
  const template = useTemplate(view.meta.templateId, view.meta.language);
  // A hit of the conference-wide search opens its part with the words found.
  const [findOnOpen, setFindOnOpen] = useState<{ query: string; at: number } | undefined>(undefined);
  // Bumped when content is replaced under the editor (a restore), so it reloads the part.
  const [generation, setGeneration] = useState(0);
  const [exporting, setExporting] = useState(false);
  const kit = useKitInfo(initial.handle);
  const [replacing, setReplacing] = useState<{ find: FindOptions; replacement: string } | null>(null);
  const openReplace = useCallback((find: FindOptions, replacement: string) => setReplacing({ find, replacement }), []);

  const select = useCallback(
    (id: string) => {
      setSelected(id);
      setPanel('part');
      writePlace({ conference: view.path, part: id });
    },
    [view.path],
  );

  // "Show …" of a warning: the panel that holds its place, which then marks and focuses it (warning-markers' request).
  const showWarning = useCallback(
    (w: ImportWarning) => {
      const place = placeOf(w);
      if (place === 'participant') setPanel('participants');
      else if (place === 'details') setPanel('details');
      else if (w.partId) select(w.partId);
    },
    [select],
  );

  const onPartSaved = useCallback((summary: PartSummary) => {
    setView((v) => ({ ...v, parts: v.parts.map((p) => (p.id === summary.id ? summary : p)) }));
  }, []);

  const onSaveState = useCallback(
    (s: AutosaveState) => {
      publishSaveState(s);
      if (s.kind === 'failed')
        onNotice({ kind: 'error', text: translate('conference:notSaved', { message: s.message }) });
    },
    [onNotice],
  );

  const refresh = useCallback(async () => {
    try {
      setView(await api.getConference({ handle: view.handle }));
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  }, [view.handle, onNotice]);

  // Save a Copy: the file comes from the save dialog (native, or browser mode's chooser), which asked before replacing.
  const saveCopy = useCallback(async () => {
    try {
      const target = await chooseFile(
        'save-copy',
        `${translate('conference:copySuggestedName', { name: baseName(view.path).replace(/\.rapporteur$/, '') })}.rapporteur`,
      );
      if (!target) return;
      const { path } = await api.saveCopy({ handle: view.handle, path: target.path, replace: target.replace });
      onNotice({ kind: 'info', text: translate('conference:copySaved', { path }) });
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  }, [view.handle, view.path, onNotice]);

  useEffect(
    () =>
      onMenu((msg) => {
        if (msg.command === 'snapshot') setPanel('snapshots');
        if (msg.command === 'save-copy') void saveCopy();
        if (msg.command === 'export') setExporting(true);
        // Live mode needs an open part, as its button does.
        if (msg.command === 'view')
          setPanel((current) =>
            msg.panel === 'live' && (!selected || isReadOnlyInKit(kit, selected)) ? current : msg.panel,
          );
      }),
    [saveCopy, selected, kit],
  );

  const askCopyPath = () => void saveCopy();
  const openSearchHit = useCallback(
    (partId: string, query: string) => {
      setFindOnOpen({ query, at: Date.now() });
      select(partId);
    },
    [select],
  );

  const part = view.parts.find((p) => p.id === selected) ?? null;
  // Live mode drafts the open part: not one that is read-only in a rapporteur's kit.
  const liveRefused =
    part && kit && isReadOnlyInKit(kit, part.id)
      ? t('kits:readOnly.liveRefused', { title: part.title, who: kit.rapporteur })
      : undefined;
  const onParticipants = useCallback(
    (participants: ConferenceView['participants']) => setView((v) => ({ ...v, participants })),
    [],
  );
  const onPartsChanged = useCallback(
    (parts: PartSummary[], focus?: string) => {
      setView((v) => ({ ...v, parts }));
      if (focus) select(focus);
    },
    [select],
  );

  return (
    <div className="conference">
      {replacing && (
        <ReplaceInAllParts
          handle={view.handle}
          initial={replacing}
          onClose={() => setReplacing(null)}
          onReplaced={(r) => {
            setView((v) => ({ ...v, parts: r.parts }));
            setGeneration((g) => g + 1);
          }}
          onUndone={(v) => {
            setView(v);
            setGeneration((g) => g + 1);
          }}
        />
      )}
      {exporting && (
        <ExportDialog
          view={view}
          onClose={() => setExporting(false)}
          onSaved={(text) => onNotice({ kind: 'info', text })}
        />
      )}
      <header className="conference-header">
        <button type="button" className="link" onClick={onClose} title={t('conference:header.backTitle')}>
          {t('conference:header.back')}
        </button>
        <h1>{view.meta.title || t('conference:untitled')}</h1>
        <SaveStatus />
        <nav className="header-actions">
          <button
            type="button"
            aria-pressed={panel === 'details'}
            onClick={() => setPanel(panel === 'details' ? 'part' : 'details')}
          >
            {t('conference:header.details')}
          </button>
          <ConferenceSearch handle={view.handle} onOpen={openSearchHit} />
          <button
            type="button"
            aria-pressed={panel === 'participants'}
            onClick={() => setPanel(panel === 'participants' ? 'part' : 'participants')}
          >
            {t('conference:header.participants')}
          </button>
          <button
            type="button"
            aria-pressed={panel === 'agenda'}
            onClick={() => setPanel(panel === 'agenda' ? 'part' : 'agenda')}
          >
            {t('conference:header.programme')}
          </button>
          <button
            type="button"
            aria-pressed={panel === 'live'}
            disabled={!part || liveRefused !== undefined}
            onClick={() => setPanel(panel === 'live' ? 'part' : 'live')}
            title={liveRefused ?? t('conference:header.liveTitle')}
          >
            {t('conference:header.live')}
          </button>
          <button
            type="button"
            aria-pressed={panel === 'snapshots'}
            onClick={() => setPanel(panel === 'snapshots' ? 'part' : 'snapshots')}
          >
            {t('conference:header.snapshots')}
          </button>
          {openWarnings.length > 0 && (
            <button
              type="button"
              aria-pressed={panel === 'warnings'}
              onClick={() => setPanel(panel === 'warnings' ? 'part' : 'warnings')}
              title={t('conference:header.warningsTitle')}
            >
              {t('conference:header.warnings', { count: openWarnings.length })}
            </button>
          )}
          {!isDesktop && (
            <button type="button" onClick={onImport}>
              {t('conference:header.import')}
            </button>
          )}
          {!isDesktop && (
            <button type="button" onClick={askCopyPath}>
              {t('conference:header.saveCopy')}
            </button>
          )}
          {kit === null && (
            <AssignmentsButton
              pressed={panel === 'assignments'}
              onToggle={() => setPanel(panel === 'assignments' ? 'part' : 'assignments')}
            />
          )}
          <KitActions
            view={view}
            kit={kit}
            onMerged={() => {
              void refresh();
              setGeneration((g) => g + 1);
            }}
            onNotice={onNotice}
          />
          <button type="button" onClick={() => setExporting(true)} title={t('conference:header.exportTitle')}>
            {t('conference:header.export')}
          </button>
        </nav>
      </header>
      <FileStatusBanner view={view} />
      <KitBanner kit={kit} />
      {panel === 'live' && part ? (
        <LiveMode
          view={view}
          template={template}
          partId={part.id}
          onParticipantsChanged={onParticipants}
          onSaved={onPartSaved}
          onSaveState={onSaveState}
          onNotice={onNotice}
          onExit={() => setPanel('part')}
        />
      ) : (
        <div className="conference-body">
          <Outline
            parts={view.parts}
            selected={selected}
            onSelect={(id) => {
              setFindOnOpen(undefined);
              select(id);
            }}
            handle={view.handle}
            template={template}
            onPartsChanged={onPartsChanged}
            onNotice={onNotice}
            isReadOnly={(id) => isReadOnlyInKit(kit, id)}
          />
          <section className="workspace">
            {panel === 'snapshots' && (
              <SnapshotsPanel
                handle={view.handle}
                onNotice={onNotice}
                onRestored={(v) => {
                  setView(v);
                  setGeneration((g) => g + 1);
                  setPanel('part');
                }}
              />
            )}
            {panel === 'agenda' && (
              <AgendaPanel
                handle={view.handle}
                agenda={view.agenda}
                parts={view.parts}
                participants={view.participants}
                onChanged={(agenda) => setView((v) => ({ ...v, agenda }))}
                onNotice={onNotice}
              />
            )}
            {(panel === 'participants' || panel === 'details') && (
              <PlaceWarnings
                place={panel === 'details' ? 'details' : 'participant'}
                openWarnings={openWarnings}
                parts={view.parts}
                onStatus={(w, st) => void setWarningStatus(w, st)}
              />
            )}
            {panel === 'participants' && (
              <ParticipantsPanel
                handle={view.handle}
                participants={view.participants}
                onChanged={onParticipants}
                onNotice={onNotice}
              />
            )}
            {panel === 'assignments' && (
              <AssignmentsPanel
                handle={view.handle}
                parts={view.parts}
                participants={view.participants}
                onAssigned={() => void refresh()}
                onNotice={onNotice}
              />
            )}
            {panel === 'warnings' && (
              <ImportWarningsPanel
                warnings={warnings}
                parts={view.parts}
                onStatus={(w, st) => void setWarningStatus(w, st)}
                onGoTo={select}
                onShow={showWarning}
              />
            )}
            {panel === 'snapshots' ||
            panel === 'participants' ||
            panel === 'warnings' ||
            panel === 'agenda' ||
            panel === 'assignments' ? null : panel === 'details' ? (
              <MetaPanel
                view={view}
                onSaved={(meta, metaRevision) => setView((v) => ({ ...v, meta, metaRevision }))}
                onNotice={onNotice}
                onConflict={refresh}
              />
            ) : part ? (
              <>
                <PartStatusBar
                  handle={view.handle}
                  part={part}
                  onSaved={onPartSaved}
                  onNotice={onNotice}
                  readOnlyReason={
                    isReadOnlyInKit(kit, part.id)
                      ? t('kits:readOnly.fieldsKept', { title: part.title, who: kit!.rapporteur })
                      : undefined
                  }
                />
                <PartWarnings
                  partId={part.id}
                  openWarnings={openWarnings}
                  parts={view.parts}
                  onStatus={onWarningStatus}
                  onShow={showWarning}
                />
                <KitPartNote kit={kit} partId={part.id} title={part.title} />
                <PartEditor
                  key={`${part.id}:${generation}`}
                  handle={view.handle}
                  partId={part.id}
                  title={part.title}
                  onSaved={onPartSaved}
                  onSaveState={onSaveState}
                  readOnly={isReadOnlyInKit(kit, part.id)}
                  label={partLabels(view.parts, template).get(part.id)}
                  template={template}
                  section={sectionOf(template, part.kind)}
                  depth={depthOf(view.parts).get(part.id) ?? 0}
                  language={view.meta.language}
                  participants={view.participants}
                  onParticipantsChanged={onParticipants}
                  findOnOpen={findOnOpen}
                  onReplaceInAllParts={openReplace}
                  parts={view.parts}
                  onOpenPart={select}
                />
              </>
            ) : (
              <p className="muted empty-workspace">{t('conference:noParts')}</p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
