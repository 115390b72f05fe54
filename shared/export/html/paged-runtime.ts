/**
 * The script that runs paged.js 0.4.3 on the print HTML, with the three fixes the field
 * notes call for: repeat <thead> on continuation pages, print named landscape pages
 * landscape, and no blank page before a landscape section. When paged.js is done the
 * document gets data-rendered (or data-render-error), which the printer waits for.
 */
export function pagedRuntime(opts: { timersForFrames: boolean; landscapeSize: string; landscapeWidth: string; landscapeHeight: string }): string {
  return `
${opts.timersForFrames ? `// A hidden Electron window never paints, so animation frames never come: use timers.
window.requestAnimationFrame = function (cb) { return setTimeout(function () { cb(performance.now()); }, 0); };
window.cancelAnimationFrame = function (id) { clearTimeout(id); };` : ''}
(function () {
  if (!window.Paged) { document.documentElement.setAttribute('data-render-error', 'paged.js is missing'); return; }
  // Fix 1: a table continued on a new page gets its header again. Added while the page is
  // laid out (renderNode), so the rows it pushes down still count for the page break.
  class RepeatTableHeaders extends Paged.Handler {
    renderNode(clone, node) {
      if (!clone || clone.nodeType !== 1 || !clone.closest) return;
      var table = clone.closest('table');
      if (!table || !table.hasAttribute('data-split-from')) return;
      if (table.querySelector(':scope > thead')) return;
      var source = node.closest ? node.closest('table') : null;
      var thead = source ? source.querySelector(':scope > thead') : null;
      if (!thead) return;
      var copy = thead.cloneNode(true);
      copy.removeAttribute('data-ref');
      copy.querySelectorAll('[data-ref]').forEach(function (el) { el.removeAttribute('data-ref'); });
      copy.setAttribute('data-repeated', 'true');
      table.insertBefore(copy, table.firstChild);
    }
  }
  Paged.registerHandlers(RepeatTableHeaders);

  async function run() {
    try {
      // Progress for the printer: one console line per laid-out page.
      var laidOut = 0;
      if (window.PagedPolyfill.on) window.PagedPolyfill.on('page', function () { console.debug('rapporteur:page ' + (++laidOut)); });
      var flow = await window.PagedPolyfill.preview();
      // Fix 2: paged.js lays landscape pages out landscape but keeps their sheet portrait, and
      // Chromium prints every sheet at the root @page size: widen the sheet, and give it a
      // named landscape @page.
      // Fix 3: the page-name change already forces a break; the sheet's own break-after would
      // add a blank page before the landscape section.
      var style = document.createElement('style');
      style.textContent = '@page rapporteur-landscape { size: ${opts.landscapeSize}; margin: 0; }\\n' +
        '.pagedjs_page.pagedjs_landscape_page { page: rapporteur-landscape; ' +
          ['', '-left', '-right'].map(function (side) { return '--pagedjs-width' + side + ': ${opts.landscapeWidth} !important; --pagedjs-height' + side + ': ${opts.landscapeHeight} !important;'; }).join(' ') + ' }\\n' +
        '.pagedjs_page { break-after: auto !important; page-break-after: auto !important; }\\n' +
        '.pagedjs_page:not(:last-child) { break-after: page !important; }\\n' +
        '.pagedjs_page:has(+ .pagedjs_landscape_page):not(.pagedjs_landscape_page), .pagedjs_landscape_page:has(+ .pagedjs_page:not(.pagedjs_landscape_page)) { break-after: auto !important; }';
      document.head.appendChild(style);
      // Empty margin boxes and bleed areas are page furniture, not content: keep them out of
      // the tagged PDF's structure (and out of the work of building it).
      document.querySelectorAll('.pagedjs_margin:not(.hasContent), .pagedjs_bleed').forEach(function (el) { el.setAttribute('aria-hidden', 'true'); });
      // Footnote numbers are the model's (per-part numbering restarts them), not paged.js's counter.
      document.querySelectorAll('a[data-footnote-call]').forEach(function (call) {
        var note = document.querySelector('.footnote[data-ref="' + call.getAttribute('data-footnote-call') + '"][data-label]');
        if (note) call.setAttribute('data-label', note.getAttribute('data-label'));
      });
      document.documentElement.setAttribute('data-pages', String(flow.total));
      document.documentElement.setAttribute('data-rendered', 'true');
    } catch (err) {
      document.documentElement.setAttribute('data-render-error', String(err && err.stack || err));
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run); else run();
})();
`;
}
