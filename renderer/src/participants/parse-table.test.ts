import { describe, expect, it } from 'vitest';
import { parseParticipantTable, readParticipantTable, splitRow } from './parse-table';

describe('importing participants', () => {
  it('reads CSV with a header in any order, and quoted commas', () => {
    const csv = 'Organisation,Name,Country,Role\n"IOM, Regional Office",Ana Ruiz,Chile,Speaker\nCELADE,Tom Li,,Moderator\n';
    expect(parseParticipantTable(csv)).toEqual([
      { honorific: '', name: 'Ana Ruiz', title: '', organisation: 'IOM, Regional Office', country: 'Chile', group: '', role: 'Speaker' },
      { honorific: '', name: 'Tom Li', title: '', organisation: 'CELADE', country: '', group: '', role: 'Moderator' },
    ]);
  });

  it('reads a table pasted from a spreadsheet (tabs, no header) and keeps honorifics apart', () => {
    const pasted = 'Ms. Ana Ruiz\tDirector\tIOM\tChile\tSpeaker\nMr. Luis Díaz\tProfessor\tFLACSO\tArgentina\tCommentator';
    const got = parseParticipantTable(pasted);
    expect(got.map((p) => [p.honorific, p.name, p.title, p.organisation, p.country, p.role])).toEqual([
      ['Ms.', 'Ana Ruiz', 'Director', 'IOM', 'Chile', 'Speaker'],
      ['Mr.', 'Luis Díaz', 'Professor', 'FLACSO', 'Argentina', 'Commentator'],
    ]);
  });

  it('semicolons (European CSV) and rows without a name are skipped', () => {
    expect(parseParticipantTable('Name;Title\nA. Person;Chair\n;nobody').map((p) => p.name)).toEqual(['A. Person']);
    expect(splitRow('a,"b ""c""",d', ',')).toEqual(['a', 'b "c"', 'd']);
  });

  it('recognises Spanish and French column names, without regard to accents or case, and reports the unknown ones', () => {
    const es = readParticipantTable('Nombre;Cargo;Organización;PAIS;Correo electrónico\nMaría Pérez;Directora;OIM;Chile;mp@example.org\n');
    expect(es.rows).toEqual([{ honorific: '', name: 'María Pérez', title: 'Directora', organisation: 'OIM', country: 'Chile', group: '', role: '' }]);
    expect(es.unknownColumns).toEqual(['Correo electrónico']);
    const fr = readParticipantTable('Nom,Fonction,Organisation,Pays,Qualité,Téléphone\nJean Dupont,Conseiller,HCR,France,Orateur,+33 1\n');
    expect(fr.rows[0]).toMatchObject({ name: 'Jean Dupont', title: 'Conseiller', organisation: 'HCR', country: 'France', role: 'Orateur' });
    expect(fr.unknownColumns).toEqual(['Téléphone']);
    expect(readParticipantTable('Ana Ruiz,Director,IOM').unknownColumns).toEqual([]);
  });
});
