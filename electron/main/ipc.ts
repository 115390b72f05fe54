import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { type ApiImpl, channelOf, type MethodName, methodNames } from '../../shared/contract/api';
import { dispatch } from '../../shared/contract/dispatch';
import { pathRefusalError } from '../../shared/contract/file-policy';
import { serializeError } from '../../shared/errors';
import { grantedOrListed, type PathGrants } from './path-grants';
import { APP_ORIGIN } from './protocol';

/** Only our own pages, served from app://rapporteur/, may call the services. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

export const refusedSender = {
  ok: false,
  error: { code: 'INVALID_INPUT', message: 'Refused: the request did not come from Rapporteur’s own window.' },
} as const;

/** Lets the edge react to what the services did (e.g. spell-check in the conference's language). */
export type ResultObserver = (method: MethodName, value: unknown, event: IpcMainInvokeEvent, payload: unknown) => void;

/**
 * One handler per contract method; each validates its payload through dispatch(). Paths are
 * accepted only when the user gave them: from the app's dialogs, or recent files and samples.
 */
export function setupIpc(api: ApiImpl, grants: PathGrants, observe?: ResultObserver): void {
  const listed = async () => [
    ...(await api.listRecent({})).map((r) => r.path),
    ...(await api.listSamples({})).map((s) => s.path),
  ];
  const allowed = grantedOrListed(grants, listed);
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), async (event, payload: unknown) => {
      if (!isTrustedSender(event)) return refusedSender;
      const refusal = await pathRefusalError(method, payload, allowed);
      if (refusal) return { ok: false, error: serializeError(refusal) };
      const result = await dispatch(api, method, payload);
      if (result.ok) observe?.(method, result.value, event, payload);
      return result;
    });
  }
}
