import { describe, expect, it } from 'vitest';
import { AppError, serializeError } from '../errors';
import { appError, isErrorKey, localizeError } from './app-error';

describe('catalogued errors', () => {
  it('carry their English message, key and values across the transports', () => {
    const err = appError('NOT_A_CONFERENCE', 'open.notSqlite', { name: 'minutes.rapporteur' });
    expect(err).toBeInstanceOf(AppError);
    expect(err.message).toBe('“minutes.rapporteur” is not a Rapporteur conference file (it is not a SQLite database).');
    expect(serializeError(err)).toEqual({
      code: 'NOT_A_CONFERENCE',
      message: err.message,
      key: 'open.notSqlite',
      values: { name: 'minutes.rapporteur' },
    });
  });

  it('are shown in the user’s language at the edge', () => {
    const wire = serializeError(appError('EXISTS', 'file.exists', { name: 'a.docx', dir: '/tmp/x' }));
    expect(localizeError(wire, 'es')).toBe(
      '«a.docx» ya existe en /tmp/x. Elija otro nombre o confirme que debe reemplazarse.',
    );
    expect(localizeError(wire, 'fr')).toBe(
      '«\u00a0a.docx\u00a0» existe déjà dans /tmp/x. Choisissez un autre nom ou confirmez qu’il doit être remplacé.',
    );
  });

  it('fall back to their own message when the key is unknown or absent', () => {
    expect(localizeError({ message: 'Plain words.', key: 'constructor', values: {} }, 'es')).toBe('Plain words.');
    expect(localizeError({ message: 'Plain words.' }, 'fr')).toBe('Plain words.');
    expect(isErrorKey('file')).toBe(false);
    expect(isErrorKey('file.exists')).toBe(true);
  });
});
