import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { WorkbookStream } from '../exports/workbook-writer.js';
import { COMPUTED } from '../sheets/plan-sheets.js';
import { header, type Lang, layout, type SheetLayout, type SheetRow, sheetName } from '../sheets/sheet-layout.js';
import { IMPORT_LAYOUTS } from './import-validator.js';
import { MAX_ROWS_PER_SHEET } from './workbook-reader.js';

/** Example rows, one per sheet, that refer to each other by ref. */
const EXAMPLES: Record<string, SheetRow> = {
  Goals: { ref: 'G1', parentRef: null, kind: 'OVERALL', title: 'Flere unge i uddannelse og job', description: 'Formål for boligområdet', focusArea: null },
  Indicators: {
    ref: 'I1',
    goalRef: 'G1',
    name: 'Unge 18-25 uden uddannelse',
    unit: '%',
    direction: 'DECREASE',
    source: 'Danmarks Statistik',
    baseline: 24,
    baselineDate: '2025-01-01',
    target: 15,
    targetDate: '2028-12-31',
  },
  Activities: {
    ref: 'A1',
    title: 'Lektiecafé',
    description: 'To gange om ugen i beboerhuset',
    targetGroup: 'Børn 6-16 år',
    responsibleParty: 'JOINT',
    focusArea: null,
    startDate: '2025-02-01',
    endDate: '2028-06-30',
    budget: 450000,
    status: 'PLANNED',
  },
  Links: { activityRef: 'A1', goalRef: 'G1', weight: 1, rationale: 'Lektiehjælp løfter karakterer' },
};

const INSTRUCTIONS = layout('Instructions', 'Vejledning', [{ key: 'text', da: 'Vejledning', kind: 'text', width: 120 }]);

const TEXT: Record<Lang, string[]> = {
  en: [
    'Planspor plan import: fill in the sheets Goals, Indicators, Activities and Links, then upload the file to the plan (POST /imports/plans/{planId}; first with ?dryRun=true to see every error without writing anything).',
    'Each sheet has one row per object. Replace the example row (row 2) with your own; rows left empty are skipped.',
    'ref: any text unique within its sheet (e.g. G1, G2). parentRef, goalRef and activityRef name a row of the Goals or Activities sheet by its ref, or an object already in the plan by its id.',
    'Goals: kind is OVERALL (formål, no parent), EFFECT (effektmål) or SUB (delmål); EFFECT and SUB goals need a parentRef. focusArea is the name of a focus area of the plan\'s pool.',
    'Indicators: direction is INCREASE or DECREASE; baseline and target are numbers; dates are dates (or text YYYY-MM-DD); targetDate may not be before baselineDate; an INCREASE indicator\'s target may not be below its baseline, a DECREASE one\'s not above it.',
    'Activities: responsibleParty is HOUSING_ORGANISATION, MUNICIPALITY, JOINT or OTHER; status (default PLANNED) is PLANNED, ACTIVE, PAUSED, COMPLETED or CANCELLED; budget is whole kroner, not negative; endDate may not be before startDate, and both lie within the plan\'s dates.',
    'Links: which activity serves which goal; weight (default 1, positive) splits an activity across the goals it serves.',
    `Limits: at most 5 MB and ${MAX_ROWS_PER_SHEET} rows per sheet. Type values, not formulas: formulas are not read. Headers may be English or Danish.`,
    'The import is all or nothing: with any error nothing is written, and the answer lists every error by sheet, row and column.',
  ],
  da: [
    'Import af en plan i Planspor: udfyld arkene Mål, Indikatorer, Aktiviteter og Koblinger, og send filen til planen (POST /imports/plans/{planId}; først med ?dryRun=true for at se alle fejl uden at noget gemmes).',
    'Hvert ark har én række pr. ting. Erstat eksempelrækken (række 2) med jeres egne; tomme rækker springes over.',
    'Reference: en tekst, der er entydig i sit ark (fx G1, G2). Overordnet reference, Målreference og Aktivitetsreference peger på en række i arket Mål eller Aktiviteter ved dens reference, eller på noget, der allerede findes i planen, ved dets id.',
    'Mål: Type er OVERALL (formål, uden overordnet), EFFECT (effektmål) eller SUB (delmål); EFFECT og SUB skal have en overordnet reference. Fokusområde er navnet på et fokusområde i planens pulje.',
    'Indikatorer: Retning er INCREASE eller DECREASE; udgangspunkt og målværdi er tal; datoer er datoer (eller tekst ÅÅÅÅ-MM-DD); måldatoen må ikke ligge før udgangspunktsdatoen; målværdien for en INCREASE-indikator må ikke ligge under udgangspunktet, for en DECREASE-indikator ikke over.',
    'Aktiviteter: Ansvarlig er HOUSING_ORGANISATION, MUNICIPALITY, JOINT eller OTHER; Status (standard PLANNED) er PLANNED, ACTIVE, PAUSED, COMPLETED eller CANCELLED; budget er hele kroner, ikke negativt; slutdatoen må ikke ligge før startdatoen, og begge ligger inden for planens datoer.',
    'Koblinger: hvilken aktivitet der tjener hvilket mål; Vægt (standard 1, positiv) fordeler en aktivitet mellem de mål, den tjener.',
    `Grænser: højst 5 MB og ${MAX_ROWS_PER_SHEET} rækker pr. ark. Skriv værdier, ikke formler: formler læses ikke. Overskrifter må være på engelsk eller dansk.`,
    'Importen er alt eller intet: ved en fejl gemmes intet, og svaret viser hver fejl med ark, række og kolonne.',
  ],
};

/** Rows that get the drop-downs: as many as an import may have, plus the header. */
const VALIDATED_ROWS = MAX_ROWS_PER_SHEET + 1;

/**
 * GET /imports/plan-template.xlsx: an instructions sheet, then the four import sheets with only the
 * columns the import reads, an example row each, and a drop-down list on every enum column.
 */
export async function writeImportTemplate(out: Writable, lang: Lang): Promise<void> {
  const book = new WorkbookStream(out, lang);
  const instructions = book.sheet(INSTRUCTIONS);
  for (const text of TEXT[lang]) await instructions.add({ text });
  instructions.end();
  for (const full of IMPORT_LAYOUTS) {
    const computed: readonly string[] = COMPUTED[full.name as keyof typeof COMPUTED] ?? [];
    const importable: SheetLayout = { ...full, columns: full.columns.filter((c) => !computed.includes(c.key)) };
    const sheet = book.sheet(importable);
    importable.columns.forEach((column, index) => {
      if (column.kind !== 'enum' || !column.values) return;
      const letter = String.fromCharCode(65 + index);
      // The streaming writer has data validations (exceljs writes them with the sheet); its types omit them.
      (sheet.worksheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${column.values.join(',')}"`],
        showErrorMessage: true,
        errorTitle: header(column, lang),
        error: `${column.values.join(', ')}`,
      });
    });
    await sheet.add(EXAMPLES[full.name]!);
    sheet.end();
  }
  await book.end();
}

export const TEMPLATE_SHEETS = (lang: Lang) => [INSTRUCTIONS, ...IMPORT_LAYOUTS].map((l) => sheetName(l, lang));
