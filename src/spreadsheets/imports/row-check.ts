import { BadInputError } from '../../common/errors.js';
import { optionalText, requireText } from '../../common/validate.js';
import { isIsoDate } from '../../graphql/scalars/date.scalar.js';
import { header } from '../sheets/sheet-layout.js';
import type { SheetLayout } from '../sheets/sheet-layout.js';
import { excelSerialToIsoDate, type ImportCell } from './import-cells.js';
import type { ImportRow, ImportSheet } from './workbook-reader.js';

/** One problem of an import, where the user finds it. */
export interface ImportError {
  sheet: string;
  /** As the spreadsheet numbers it: the header is row 1. */
  row: number;
  /** The column's header as the file has it. */
  column: string;
  message: string;
}

/**
 * Reads the cells of one row into typed values, collecting an error per bad cell instead of stopping
 * at the first. The domain's own checks (common/validate.ts: text length, storable text, sign, date
 * order) are called as the services call them; their BadInputError becomes this cell's error.
 */
export class RowCheck {
  constructor(
    readonly sheet: ImportSheet,
    private readonly layout: SheetLayout,
    readonly row: ImportRow,
    private readonly errors: ImportError[],
  ) {}

  /** The column's name as the file has it, or as it would in the file's language. */
  column(key: string): string {
    const known = this.sheet.headers.get(key);
    if (known) return known;
    const column = this.layout.columns.find((c) => c.key === key);
    return column ? header(column, this.sheet.lang) : key;
  }

  fail(key: string, message: string): void {
    this.errors.push({ sheet: this.sheet.name, row: this.row.number, column: this.column(key), message });
  }

  /** Runs a domain check; its BadInputError is this cell's error, and the result undefined. */
  rule<T>(key: string, check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      this.fail(key, error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message);
      return undefined;
    }
  }

  private cell(key: string): ImportCell {
    return this.row.cells.get(key) ?? { kind: 'empty' };
  }

  /** A formula or error cell is reported; true when the cell can be read. */
  private readable(key: string, cell: ImportCell): boolean {
    if (cell.kind === 'formula') {
      this.fail(key, 'holds a formula; formulas are not read: type the value itself');
      return false;
    }
    if (cell.kind === 'error') {
      this.fail(key, `holds ${cell.text.startsWith('#') ? `the error value ${cell.text}` : cell.text}`);
      return false;
    }
    return true;
  }

  /** Text as written (numbers and dates as they read); null when empty; undefined when unreadable. */
  raw(key: string): string | null | undefined {
    const cell = this.cell(key);
    if (!this.readable(key, cell)) return undefined;
    switch (cell.kind) {
      case 'empty':
        return null;
      case 'text':
        return cell.text;
      case 'number':
        return String(cell.value);
      case 'boolean':
        return cell.value ? 'TRUE' : 'FALSE';
      case 'date':
        return cell.date.toISOString().slice(0, 10);
      default:
        return undefined;
    }
  }

  /**
   * Text through the domain's own check: requireText (required) or optionalText, with the field's
   * limit. Undefined when the cell is missing, unreadable or refused (its error given).
   */
  text(key: string, { required = false, max }: { required?: boolean; max: number }): string | null | undefined {
    if (required && !this.required(key)) return undefined;
    const raw = this.raw(key);
    if (raw === undefined) return undefined;
    return required ? this.rule(key, () => requireText(key, raw ?? '', max)) : this.rule(key, () => optionalText(key, raw, max));
  }

  isEmpty(key: string): boolean {
    return this.cell(key).kind === 'empty';
  }

  required(key: string): boolean {
    if (!this.isEmpty(key)) return true;
    this.fail(key, 'is required');
    return false;
  }

  /** One of `values`, as GraphQL names it (case and surrounding spaces aside). */
  enumValue<T extends string>(key: string, values: readonly T[], required: boolean): T | null | undefined {
    if (required && !this.required(key)) return undefined;
    const text = this.raw(key);
    if (text === null || text === undefined) return text;
    const found = values.find((v) => v === text.trim().toUpperCase());
    if (!found) this.fail(key, `"${text}" is not one of ${values.join(', ')}`);
    return found;
  }

  /** A number cell, or text in the number's usual spelling (`.` or `,` as decimal point). */
  number(key: string, required: boolean): number | null | undefined {
    if (required && !this.required(key)) return undefined;
    const cell = this.cell(key);
    if (!this.readable(key, cell) || cell.kind === 'empty') return cell.kind === 'empty' ? null : undefined;
    if (cell.kind === 'number') return cell.value;
    if (cell.kind === 'text' && /^\s*-?\d+([.,]\d+)?\s*$/.test(cell.text)) return Number(cell.text.trim().replace(',', '.'));
    this.fail(key, `must be a number, got ${this.describe(cell)}`);
    return undefined;
  }

  /** Whole kroner, at most 2^53 as the Money scalar takes them. */
  money(key: string, required: boolean): number | null | undefined {
    const value = this.number(key, required);
    if (value === null || value === undefined) return value;
    if (!Number.isSafeInteger(value)) {
      this.fail(key, `must be whole kroner (at most 2^53), got ${value}`);
      return undefined;
    }
    return value;
  }

  /** A date cell, a date written YYYY-MM-DD, or a date's serial number (a date cell once its format is lost). */
  date(key: string, required: boolean): string | null | undefined {
    if (required && !this.required(key)) return undefined;
    const cell = this.cell(key);
    if (!this.readable(key, cell) || cell.kind === 'empty') return cell.kind === 'empty' ? null : undefined;
    if (cell.kind === 'date') return cell.date.toISOString().slice(0, 10);
    if (cell.kind === 'number' && Number.isInteger(cell.value)) {
      const date = excelSerialToIsoDate(cell.value);
      if (date) return date;
    }
    if (cell.kind === 'text' && isIsoDate(cell.text.trim())) return cell.text.trim();
    this.fail(key, `must be a date written YYYY-MM-DD, got ${this.describe(cell)}`);
    return undefined;
  }

  private describe(cell: ImportCell): string {
    switch (cell.kind) {
      case 'text':
        return JSON.stringify(cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text);
      case 'number':
        return String(cell.value);
      case 'boolean':
        return cell.value ? 'TRUE' : 'FALSE';
      default:
        return cell.kind;
    }
  }
}
