/** Issue 14.2 at the compile step: every generated word of the proceedings model in the conference language. */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile/compile';
import { richConference, richTemplate } from '../compile/fixtures';
import type { Block, Inline } from '../compile/model';

function generatedText(language: string): string {
  const source = richConference();
  const proc = compile({ ...source, meta: { ...source.meta, language } }, richTemplate(), {
    partIds: null,
    annexes: true,
    watermark: false,
    issueDate: '2026-11-24',
  });
  const out: string[] = [JSON.stringify(proc.cover)];
  const inline = (xs: Inline[]) =>
    xs.forEach((i) => {
      if (i.kind === 'text') out.push(i.text);
      else if (i.kind === 'link') inline(i.children);
    });
  const walk = (bs: Block[]): void =>
    bs.forEach((b) => {
      if (b.kind === 'heading') out.push(`${b.label} ${b.plain}`);
      else if (b.kind === 'para') inline(b.content);
      else if (b.kind === 'toc') out.push(b.title, ...b.entries.map((e) => `${e.label} ${e.title}`));
      else if (b.kind === 'table') b.rows.forEach((r) => r.cells.forEach((c) => walk(c.blocks)));
      else if (b.kind === 'list') b.items.forEach((it) => walk(it.blocks));
      else if (b.kind === 'quote') walk(b.blocks);
    });
  proc.sections.forEach((s) => walk(s.blocks));
  return out.join('\n');
}

describe('compiled proceedings in the conference language', () => {
  it('Spanish: labels, annex titles and columns, moderator and speakers, cover', () => {
    const es = generatedText('es-CL');
    for (const w of [
      'Moderación: ',
      'Intervenciones:',
      'Cuadro de recomendaciones',
      'Lista de participantes',
      'Índice',
      'Nombre',
      'Cargo',
      'Organización',
      'Hora',
      'Tema del programa',
      'Área temática',
      'Destinatarios',
      '22 de noviembre de 2002',
      '20–22 de noviembre de 2002',
      'N.º 33',
    ]) {
      expect(es, w).toContain(w);
    }
    // Written in the language it is published in: no "Original:" line.
    expect(es).not.toContain('Original');
    for (const w of [
      'Moderator',
      'Speakers:',
      'Table of recommendations',
      'List of participants',
      'Title / position',
      'Programme item',
      'Addressee',
      '22 November',
      'No. 33',
    ]) {
      expect(es, w).not.toContain(w);
    }
  });

  it('French: the same, with no-break spaces before colons', () => {
    const fr = generatedText('fr');
    for (const w of [
      'Modération\u00A0: ',
      'Interventions\u00A0:',
      'Tableau des recommandations',
      'Liste des participants',
      'Table des matières',
      'Point du programme',
      'Original\u00A0: espagnol',
      '22 novembre 2002',
    ]) {
      expect(fr, w).toContain(w);
    }
    for (const w of [
      'Moderator',
      'Speakers:',
      'Table of recommendations',
      'List of participants',
      'Programme item',
      '22 November',
    ])
      expect(fr, w).not.toContain(w);
  });

  it('English stays as it was', () => {
    const en = generatedText('en');
    for (const w of [
      'Moderator: ',
      'Table of recommendations',
      'List of participants',
      'Original: Spanish',
      '20–22 November 2002',
      'No. 33',
    ])
      expect(en, w).toContain(w);
  });
});
