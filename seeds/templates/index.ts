/**
 * The templates derived from the seed reports, as raw data. They are validated by
 * shared/templates/schema.ts when loaded (electron/node/templates.ts).
 */
import workshopReport from './workshop-report.json' with { type: 'json' };

export const templateSources: unknown[] = [workshopReport];
