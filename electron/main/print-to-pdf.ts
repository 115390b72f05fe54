/**
 * PDF export inside the desktop app: the same print HTML and paged.js as the command
 * line, printed by Electron's own Chromium (webContents.printToPDF) in a hidden window.
 * Wire it with `services.exports.pdfEngine = electronPdfEngine` after creating the services.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { AppError } from '../../shared/errors';
import type { PdfEngine } from '../node/export/export-jobs';

const POLL_MS = 200;
const LAYOUT_TIMEOUT_MS = 10 * 60 * 1000;

export const electronPdfEngine: PdfEngine = async (_proc, html, signal, onPage) => {
  // A hidden window never paints: paged.js must use timers instead of animation frames.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-print-')), 'print.html');
  fs.writeFileSync(file, html({ timersForFrames: true }));
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true, backgroundThrottling: false },
  });
  // The print document links nowhere: refuse any navigation away from it.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('console-message', (details) => {
    const m = /^rapporteur:page (\d+)$/.exec(details.message);
    if (m) onPage(Number(m[1]));
  });
  try {
    await win.loadFile(file);
    const started = Date.now();
    for (;;) {
      if (signal.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
      const state = await win.webContents.executeJavaScript(
        "document.documentElement.getAttribute('data-render-error') || document.documentElement.getAttribute('data-rendered')", true) as string | null;
      if (state === 'true') break;
      if (state) throw new AppError('EXPORT_FAILED', `Laying out the pages failed: ${state.slice(0, 500)}`);
      if (Date.now() - started > LAYOUT_TIMEOUT_MS) throw new AppError('EXPORT_FAILED', 'Laying out the pages took more than ten minutes.');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const pages = Number(await win.webContents.executeJavaScript("document.documentElement.getAttribute('data-pages')", true)) || undefined;
    const pdf = await win.webContents.printToPDF({
      printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 }, displayHeaderFooter: false,
    });
    return { bytes: new Uint8Array(pdf), ...(pages ? { pages } : {}) };
  } finally {
    win.destroy();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
};
