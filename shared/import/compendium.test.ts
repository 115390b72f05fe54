/**
 * The compendium reader's words come from its template (seeds/templates/best-practices-compendium.json):
 * a compendium written in Spanish reads as seed 001 does in English.
 */
import { describe, expect, test } from 'vitest';
import compendium from '../../seeds/templates/best-practices-compendium.json' with { type: 'json' };
import { TemplateSchema } from '../templates/schema';
import { importText, type ImportedPart } from './index';

const template = TemplateSchema.parse(compendium);
const all = (parts: ImportedPart[]): ImportedPart[] => parts.flatMap((p) => [p, ...all(p.children)]);

const SPANISH = `# Buenas prácticas sobre trabajadores migrantes y sus familias

## *Taller internacional*

Bajo los auspicios del Gobierno de los Estados Unidos

Organizado por OIM  
Con la cooperación de la CEPAL

Santiago de Chile, 19-20 June, 2000

<b>RESUMEN EJECUTIVO .....</b>	<b>2</b>
<b>INTRODUCCIÓN .....</b>	<b>6</b>
<b>GESTIÓN DE LA MIGRACIÓN - BUENAS PRÁCTICAS.....</b>	<b>8</b>
Trabajadores agrícolas temporales .....	9

Este informe identifica buenas prácticas para proteger los derechos de los trabajadores migrantes.

## **RESUMEN EJECUTIVO**

Este resumen se lee junto con la hoja de cálculo adjunta, que enumera las prácticas.

## **Gestión de la migración - Buenas prácticas**

Los programas de trabajadores temporales permiten la migración ordenada.

## **INTRODUCCIÓN**

El Plan de Acción de 1998 comprometió a los gobiernos.

## **GESTIÓN DE LA MIGRACIÓN - BUENAS PRÁCTICAS**

Los gobiernos deben decidir qué migración conviene.

### **Buena práctica: Trabajadores agrícolas temporales**

Canadá admite unos 15.000 trabajadores agrícolas al año.

### **APÉNDICE: PLAN DE ACCIÓN DE 1998**

El texto del mandato.
`;

describe('a best-practices compendium in Spanish, read with the template’s Spanish words', () => {
  const r = importText(SPANISH, {
    fileName: 'compendio.md',
    templateId: 'best-practices-compendium',
    templates: [template],
  });

  test('its cover lines, executive summary with its digest, introduction, chapter with its case, and appendix', () => {
    expect(r.parts.map((p) => p.kind)).toEqual([
      'title-block',
      'foreword',
      'executive-summary',
      'introduction',
      'chapter',
      'appendix',
    ]);
    expect(r.parts[2]!.children.map((p) => [p.kind, p.title])).toEqual([['theme-digest', 'Gestión de la migración']]);
    expect(all(r.parts).find((p) => p.kind === 'case')?.title).toBe('Trabajadores agrícolas temporales');
    expect(r.parts[4]!.title).toBe('Gestión De La Migración');
    expect(r.parts[5]!.title).toMatch(/^Plan De Acción De 1998$/i);
    expect(r.meta.organisers).toEqual(['OIM']);
  });

  test('the credits stay cover lines, the attachment the file lacks is reported, the contents agree', () => {
    const lines = r.parts[0]!.doc.root.children.map((c) => JSON.stringify(c));
    expect(lines.some((l) => l.includes('Bajo los auspicios del Gobierno de los Estados Unidos'))).toBe(true);
    expect(lines.some((l) => l.includes('Con la cooperación de la CEPAL'))).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'ANNEX_ABSENT').map((w) => w.line)).toEqual([21]);
    expect(r.warnings.filter((w) => w.code === 'CASE_OUTSIDE_CHAPTER')).toEqual([]);
    // The contents agree with the headings once the genre's words are set aside ("– Buenas prácticas", "Buena práctica:").
    expect(r.warnings.filter((w) => w.code === 'TOC_MISMATCH')).toEqual([]);
  });
});
