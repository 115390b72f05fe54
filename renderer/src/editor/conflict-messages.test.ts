import { afterEach, describe, expect, test } from 'vitest';
import { applyUiLanguageChoice } from '../i18n';
import { PART_CONFLICT_MESSAGES } from './conflict-messages';

afterEach(async () => {
  await applyUiLanguageChoice('en');
});

describe('the names of the snapshots a part conflict takes', () => {
  test('are in the interface language, bounded to the contract’s 200 characters', async () => {
    expect(PART_CONFLICT_MESSAGES.snapshotTheirs('Resumen')).toBe('Other version of “Resumen”, replaced by yours');
    await applyUiLanguageChoice('es');
    expect(PART_CONFLICT_MESSAGES.snapshotTheirs('Resumen')).toBe('Otra versión de «Resumen», reemplazada por la suya');
    expect(PART_CONFLICT_MESSAGES.snapshotMine('Resumen')).toBe('Su versión de «Resumen», apartada');
    await applyUiLanguageChoice('fr');
    expect(PART_CONFLICT_MESSAGES.snapshotMine('Résumé')).toBe('Votre version de «\u00A0Résumé\u00A0», mise de côté');
    expect(PART_CONFLICT_MESSAGES.snapshotTheirs('x'.repeat(300))).toHaveLength(200);
  });
});
