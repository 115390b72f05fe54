import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { type ApiImpl, channelOf, type MethodName, methodNames } from '../../shared/contract/api';
import { dispatch } from '../../shared/contract/dispatch';
import { APP_ORIGIN } from './protocol';

/** Only our own pages, served from app://rapporteur/, may call the services. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Lets the edge react to what the services did (e.g. spell-check in the conference's language). */
export type ResultObserver = (method: MethodName, value: unknown, event: IpcMainInvokeEvent) => void;

/** One handler per contract method; each validates its payload through dispatch(). */
export function setupIpc(api: ApiImpl, observe?: ResultObserver): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), async (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'Refused: the request did not come from Rapporteur’s own window.' } };
      }
      const result = await dispatch(api, method, payload);
      if (result.ok) observe?.(method, result.value, event);
      return result;
    });
  }
}
