/** The import endpoint's answer (API: "Import answer"). */
export interface ImportAnswer {
  ok: boolean;
  dryRun: boolean;
  created: { goals: number; indicators: number; activities: number; links: number };
  errors: Array<{ sheet: string; row?: number | null; column?: string | null; message: string }>;
}

const SHEETS: Record<string, string> = { Goals: 'Mål', Indicators: 'Indikatorer', Activities: 'Aktiviteter', Links: 'Koblinger' };

/** "4 mål, 2 indikatorer, 3 aktiviteter og 3 koblinger". */
export function createdSummary(created: ImportAnswer['created']): string {
  const parts = [
    `${created.goals} mål`,
    `${created.indicators} ${created.indicators === 1 ? 'indikator' : 'indikatorer'}`,
    `${created.activities} ${created.activities === 1 ? 'aktivitet' : 'aktiviteter'}`,
    `${created.links} ${created.links === 1 ? 'kobling' : 'koblinger'}`,
  ];
  return `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}`;
}

/** Where an error is in the workbook, as a person finds it: "Aktiviteter, række 7, kolonne budget". */
export function errorPlace(error: ImportAnswer['errors'][number]): string {
  const sheet = SHEETS[error.sheet] ?? error.sheet;
  return [sheet, error.row != null ? `række ${error.row}` : null, error.column ? `kolonne ${error.column}` : null].filter(Boolean).join(', ');
}
