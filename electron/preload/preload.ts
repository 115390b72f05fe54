// The only bridge between the sandboxed renderer and the rest: one function per method
// of the contract (shared/contract/api.ts), the native dialogs of the dialog contract,
// and the menu's commands. Nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelOf, dialogChannelOf, dialogMethodNames, methodNames } from '../../shared/contract/api';
import { MENU_CHANNEL, type MenuMessage } from '../../shared/contract/menu';

const api = Object.fromEntries(methodNames.map((m) => [m, (input: unknown) => ipcRenderer.invoke(channelOf(m), input)]));
const dialogs = Object.fromEntries(dialogMethodNames.map((m) => [m, (input: unknown) => ipcRenderer.invoke(dialogChannelOf(m), input)]));

contextBridge.exposeInMainWorld('rapporteur', {
  api,
  dialogs,
  onMenu(listener: (message: MenuMessage) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, message: MenuMessage) => listener(message);
    ipcRenderer.on(MENU_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, wrapped);
  },
  platform: process.platform,
});
