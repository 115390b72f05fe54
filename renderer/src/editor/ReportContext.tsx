import { createContext, useContext } from 'react';
import type { Participant } from '../../../shared/model/conference';
import type { Template, TemplateSection } from '../../../shared/templates/schema';

/** What the editor knows of its surroundings: the template, this part's section, the registry. */
export interface ReportContextValue {
  template: Template | null;
  section: TemplateSection | null;
  /** Depth of the part in the outline (0 = top level), for heading numbering. */
  depth: number;
  participants: Participant[];
  /** Adds a person to the registry (from the speaker type-ahead) and returns the saved entry. */
  addParticipant(p: Participant): Promise<Participant>;
}

export const ReportContext = createContext<ReportContextValue>({
  template: null,
  section: null,
  depth: 0,
  participants: [],
  addParticipant: async (p) => p,
});

export const useReport = () => useContext(ReportContext);
