/** Words of a report's register, cycled to make the editor benchmarks' paragraphs (built with shared/import/nodes.ts). */
export const VOCABULARY =
  'the delegates stressed that migration policies must protect the rights of migrant workers and their families in countries of origin transit and destination'.split(
    ' ',
  );
