import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './protocol';

/** The one permission the renderer may use: writing sanitised text to the clipboard (copy in the editor). */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

const isOwnPage = (url: string): boolean => url.startsWith(`${APP_ORIGIN}/`);

/**
 * Every web contents the app ever creates (main window, print windows, anything a page might
 * try to open) is locked down here, before it can load: no navigation away from the app, no
 * new windows, no <webview>. Web and mail links in a report go to the user's own programs,
 * after a message box showed the address.
 */
export function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openLinkOutside(BrowserWindow.fromWebContents(contents), url);
      return { action: 'deny' };
    });
  });
}

export const linkText = {
  question: 'Open this address in your web browser?',
  open: 'Open in Browser',
  cancel: 'Cancel',
};

/** A web or mail link from a report opens in the user's own programs, after they saw where it goes. */
export async function openLinkOutside(win: BrowserWindow | null, url: string): Promise<boolean> {
  if (!/^(https?:\/\/|mailto:)/i.test(url)) return false;
  const options = {
    type: 'question' as const,
    message: linkText.question,
    detail: url,
    buttons: [linkText.open, linkText.cancel],
    defaultId: 0,
    cancelId: 1,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(url);
  return true;
}

/** Permission requests and permission checks answer the same: only what the app needs, only for its own pages. */
export function guardPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission) && isOwnPage(contents.getURL())),
  );
  ses.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      ALLOWED_PERMISSIONS.has(permission) && requestingOrigin.startsWith(APP_ORIGIN),
  );
}
