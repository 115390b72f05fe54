/**
 * The templates derived from the seed reports, as raw data. They are validated by
 * shared/templates/schema.ts when loaded (electron/node/templates.ts).
 */
import conferenceProceedings from './conference-proceedings.json' with { type: 'json' };
import workshopReport from './workshop-report.json' with { type: 'json' };
import summaryReport from './summary-report.json' with { type: 'json' };
import bestPracticesCompendium from './best-practices-compendium.json' with { type: 'json' };
import annualActivityReport from './annual-activity-report.json' with { type: 'json' };
import conclusionsDeclaration from './conclusions-declaration.json' with { type: 'json' };

/** In this order on the first screen; the workshop report (the shortest) stays the default. */
export const templateSources: unknown[] = [
  workshopReport,
  conferenceProceedings,
  summaryReport,
  bestPracticesCompendium,
  annualActivityReport,
  conclusionsDeclaration,
];
