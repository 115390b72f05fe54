import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { type ApiImpl, channelOf, methodNames } from '../../shared/contract/api';
import { dispatch } from '../../shared/contract/dispatch';
import { APP_ORIGIN } from './protocol';

/** Only our own pages, served from app://rapporteur/, may call the services. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** One handler per contract method; each validates its payload through dispatch(). */
export function setupIpc(api: ApiImpl): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'Refused: the request did not come from Rapporteur’s own window.' } };
      }
      return dispatch(api, method, payload);
    });
  }
}
