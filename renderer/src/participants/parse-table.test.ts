import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import {
  decodeTableFile,
  detectMapping,
  MAX_TABLE_BYTES,
  participantsOf,
  readParticipantTable,
  readTable,
  remap,
  splitRow,
  unmappedColumns,
} from './parse-table';

describe('importing participants', () => {
  it('reads CSV with a header in any order, and quoted commas', () => {
    const csv =
      'Organisation,Name,Country,Role\n"IOM, Regional Office",Ana Ruiz,Chile,Speaker\nCELADE,Tom Li,,Moderator\n';
    expect(readParticipantTable(csv).rows).toEqual([
      {
        honorific: '',
        name: 'Ana Ruiz',
        title: '',
        organisation: 'IOM, Regional Office',
        country: 'Chile',
        group: '',
        role: 'Speaker',
      },
      { honorific: '', name: 'Tom Li', title: '', organisation: 'CELADE', country: '', group: '', role: 'Moderator' },
    ]);
  });

  it('reads a table pasted from a spreadsheet (tabs, no header) and keeps honorifics apart', () => {
    const pasted =
      'Ms. Ana Ruiz\tDirector\tIOM\tChile\tSpeaker\nMr. Luis Díaz\tProfessor\tFLACSO\tArgentina\tCommentator';
    const got = readParticipantTable(pasted).rows;
    expect(got.map((p) => [p.honorific, p.name, p.title, p.organisation, p.country, p.role])).toEqual([
      ['Ms.', 'Ana Ruiz', 'Director', 'IOM', 'Chile', 'Speaker'],
      ['Mr.', 'Luis Díaz', 'Professor', 'FLACSO', 'Argentina', 'Commentator'],
    ]);
  });

  it('semicolons (European CSV) and rows without a name are skipped', () => {
    expect(readParticipantTable('Name;Title\nA. Person;Chair\n;nobody').rows.map((p) => p.name)).toEqual(['A. Person']);
    expect(splitRow('a,"b ""c""",d', ',')).toEqual(['a', 'b "c"', 'd']);
  });

  it('recognises Spanish and French column names, without regard to accents or case, and reports the unknown ones', () => {
    const es = readParticipantTable(
      'Nombre;Cargo;Organización;PAIS;Correo electrónico\nMaría Pérez;Directora;OIM;Chile;mp@example.org\n',
    );
    expect(es.rows).toEqual([
      {
        honorific: '',
        name: 'María Pérez',
        title: 'Directora',
        organisation: 'OIM',
        country: 'Chile',
        group: '',
        role: '',
      },
    ]);
    expect(es.unknownColumns).toEqual(['Correo electrónico']);
    const fr = readParticipantTable(
      'Nom,Fonction,Organisation,Pays,Qualité,Téléphone\nJean Dupont,Conseiller,HCR,France,Orateur,+33 1\n',
    );
    expect(fr.rows[0]).toMatchObject({
      name: 'Jean Dupont',
      title: 'Conseiller',
      organisation: 'HCR',
      country: 'France',
      role: 'Orateur',
    });
    expect(fr.unknownColumns).toEqual(['Téléphone']);
    expect(readParticipantTable('Ana Ruiz,Director,IOM').unknownColumns).toEqual([]);
  });
});

describe('a file chosen as a table of participants', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('reads UTF-8 (with or without a byte-order mark) and UTF-16 with one', () => {
    expect(decodeTableFile(bytes('Nombre;País\nMaría;Perú'), 'a.csv')).toBe('Nombre;País\nMaría;Perú');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Nom\tPays\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeTableFile(utf16, 'unicode.txt')).toBe('Nom\tPays\n');
  });

  it('refuses binary data, invalid UTF-8 and control characters with a message naming the file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(() => decodeTableFile(png, 'photo.csv')).toThrow(/“photo\.csv” is not a text file/);
    expect(() => decodeTableFile(new Uint8Array([0x4d, 0x61, 0x72, 0xed, 0x61]), 'latin1.csv')).toThrow(
      /“latin1\.csv” is not UTF-8 text/,
    );
    expect(() => decodeTableFile(bytes('Name\nAna\u0001\u0002'), 'x.csv')).toThrow(AppError);
    expect(() => decodeTableFile(new Uint8Array(MAX_TABLE_BYTES + 1).fill(0x41), 'big.csv')).toThrow(/too large/);
  });
});

describe('the column mapping', () => {
  it('detects the header, leaves unknown columns out and reports them; a column changed by hand takes the field from the other', () => {
    const table = readTable(
      'Nom complet,Organisme,Courriel,Pays\n"Dupont, Jean",HCR,jd@example.org,France\nAna Ruiz,OIM,,Chile\n',
    );
    expect(table.hasHeader).toBe(true);
    const mapping = detectMapping(table);
    expect(mapping).toEqual(['name', 'organisation', null, 'country']);
    expect(unmappedColumns(table, mapping)).toEqual(['Courriel']);
    expect(participantsOf(table, mapping).map((p) => [p.name, p.organisation, p.country])).toEqual([
      ['Dupont, Jean', 'HCR', 'France'],
      ['Ana Ruiz', 'OIM', 'Chile'],
    ]);
    // The e-mail column mapped to "role" by the user; then country moved onto the organisation column.
    const byHand = remap(remap(mapping, 2, 'role'), 1, 'country');
    expect(byHand).toEqual(['name', 'country', 'role', null]);
    expect(participantsOf(table, byHand)[0]).toMatchObject({
      name: 'Dupont, Jean',
      country: 'HCR',
      role: 'jd@example.org',
      organisation: '',
    });
  });

  it('without a header, the usual order; the first row is data unless the user says it is a header', () => {
    const table = readTable('Ana Ruiz\tDirector\tIOM\nLuis Díaz\tProfessor\tFLACSO');
    expect(table.hasHeader).toBe(false);
    expect(participantsOf(table, detectMapping(table)).map((p) => p.name)).toEqual(['Ana Ruiz', 'Luis Díaz']);
    expect(participantsOf(table, detectMapping(table, true), true).map((p) => p.name)).toEqual(['Luis Díaz']);
  });

  it('keeps a quoted cell with a line break whole', () => {
    const table = readTable('Name,Title\n"Ana Ruiz","Director,\nRegional Office"\nTom Li,Chair');
    expect(participantsOf(table, detectMapping(table)).map((p) => [p.name, p.title])).toEqual([
      ['Ana Ruiz', 'Director,\nRegional Office'],
      ['Tom Li', 'Chair'],
    ]);
  });
});
