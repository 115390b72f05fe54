/**
 * Word, LibreOffice and Google Docs put footnotes on the clipboard as a pair of links:
 * a reference in the text (href="#_ftn1", "#sdfootnote1sym", "#ftnt1") and, at the end,
 * the note whose own link points back. Each pair becomes <span data-footnote="text">
 * at the reference (read by FootnoteNode), and the notes at the end go away.
 */
export function extractFootnotes(doc: Document): number {
  let count = 0;
  const emptied = new Set<Element>();
  for (const ref of Array.from(doc.body.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))) {
    if (!ref.isConnected) continue;
    const targetId = decodeURIComponent(ref.getAttribute('href')!.slice(1));
    if (!targetId) continue;
    const target = byIdOrName(doc, targetId);
    if (!target || target === ref || target.contains(ref)) continue;
    const back = target.tagName === 'A' ? target : target.querySelector('a[href^="#"]');
    const refNames = [ref.id, ref.getAttribute('name')].filter(Boolean).map((n) => `#${n}`);
    if (!back || !refNames.includes(back.getAttribute('href') ?? '')) continue;
    const container = target.closest('div') ?? target.closest('p') ?? target;
    // Guard: a "container" that also holds the reference is the document itself, not a note.
    if (container.contains(ref)) continue;
    const text = noteText(container, back);
    const span = doc.createElement('span');
    span.setAttribute('data-footnote', text);
    const wrapper =
      ref.parentElement &&
      ['SUP', 'SPAN'].includes(ref.parentElement.tagName) &&
      ref.parentElement.childNodes.length === 1
        ? ref.parentElement
        : ref;
    wrapper.replaceWith(span);
    if (container.parentElement) emptied.add(container.parentElement);
    container.remove();
    count++;
  }
  // Word's footnote list (<div style="mso-element:footnote-list"><hr>…) is left holding a rule.
  for (const el of emptied) if (el !== doc.body && !(el.textContent ?? '').trim()) el.remove();
  return count;
}

function byIdOrName(doc: Document, id: string): Element | null {
  return (
    doc.getElementById(id) ??
    Array.from(doc.querySelectorAll('a[name]')).find((a) => a.getAttribute('name') === id) ??
    null
  );
}

function noteText(container: Element, backLink: Element): string {
  const clone = container.cloneNode(true) as Element;
  // Drop the note's own number ("[1]", "1") which is its back link.
  const backInClone = Array.from(clone.querySelectorAll('a')).find(
    (a) => a.getAttribute('href') === backLink.getAttribute('href'),
  );
  backInClone?.remove();
  return (clone.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
