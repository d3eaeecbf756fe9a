import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { TrafficLight } from '../common/badges';
import { SelectField } from '../common/form-field';
import { formatMoney } from '../common/format';
import { ProgressBar } from '../common/progress-bar';
import { distinctOptions, type Filters, nextSort, type PlanRow, type Sort, type SortKey, visibleRows, warningCount } from './plans-table-model';

interface Props {
  rows: readonly PlanRow[];
  /** Ids of the plans the roll-up says need attention (red light). */
  attention: ReadonlySet<string>;
  /** The national page filters by pool and municipality; the area page has few plans and does not. */
  filterable?: boolean;
  /** Late annual reports by plan id (the roll-up's lateReports); the column shows when given. */
  late?: ReadonlyMap<string, number>;
}

const COLUMNS: Array<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'title', label: 'Plan' },
  { key: 'municipality', label: 'Kommune' },
  { key: 'pool', label: 'Pulje' },
  { key: 'progress', label: 'Fremdrift', numeric: true },
  { key: 'budget', label: 'Budget', numeric: true },
  { key: 'spent', label: 'Forbrug', numeric: true },
  { key: 'warnings', label: 'Advarsler', numeric: true },
  { key: 'late', label: 'Forsinkede årsrapporter', numeric: true },
  { key: 'attention', label: 'Trafiklys' },
];

/** The table "Planer": plans side by side, sortable by every column, optionally filtered. */
export function PlansTable({ rows, attention, filterable = false, late }: Props) {
  const columns = late ? COLUMNS : COLUMNS.filter((c) => c.key !== 'late');
  const [sort, setSort] = useState<Sort>({ key: 'title', direction: 'ascending' });
  const [filters, setFilters] = useState<Filters>({ poolId: '', municipalityId: '', onlyAttention: false });
  const shown = useMemo(() => visibleRows(rows, filters, sort, attention, late), [rows, filters, sort, attention, late]);
  const pools = useMemo(() => distinctOptions(rows, (r) => r.pool), [rows]);
  const municipalities = useMemo(() => distinctOptions(rows, (r) => r.municipality), [rows]);
  const checkboxId = useId();

  return (
    <div className="plans-table">
      {filterable && (
        <div className="filters" role="group" aria-label="Filtre">
          <SelectField label="Pulje" options={pools} emptyLabel="Alle puljer" value={filters.poolId} onChange={(poolId) => setFilters((f) => ({ ...f, poolId }))} />
          <SelectField
            label="Kommune"
            options={municipalities}
            emptyLabel="Alle kommuner"
            value={filters.municipalityId}
            onChange={(municipalityId) => setFilters((f) => ({ ...f, municipalityId }))}
          />
          <div className="field field--checkbox">
            <input
              id={checkboxId}
              type="checkbox"
              checked={filters.onlyAttention}
              onChange={(e) => setFilters((f) => ({ ...f, onlyAttention: e.target.checked }))}
            />
            <label htmlFor={checkboxId}>Kun planer der kræver opmærksomhed</label>
          </div>
        </div>
      )}
      <p className="muted" role="status">
        Viser {shown.length} af {rows.length} {rows.length === 1 ? 'plan' : 'planer'}
      </p>
      <div className="table-scroll" role="region" aria-label="Planer, tabel" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">Planer</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.direction : undefined} className={c.numeric ? 'cell-number' : undefined}>
                  <button type="button" className="sort-button" onClick={() => setSort((s) => nextSort(s, c.key))}>
                    {c.label}
                    <span aria-hidden="true" className="sort-button__arrow">
                      {sort.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="cell-title">
                  <Link to={`/planer/${row.id}`}>{row.title}</Link>
                </th>
                <td>{row.municipality.name}</td>
                <td>{row.pool.name}</td>
                <td>
                  <ProgressBar value={row.rollup.progress} label={`Fremdrift for ${row.title}`} />
                </td>
                <td className="cell-number">{formatMoney(row.rollup.budget)}</td>
                <td className="cell-number">{formatMoney(row.rollup.spent)}</td>
                <td className="cell-number">{warningCount(row)}</td>
                {late && <td className="cell-number">{late.get(row.id) ?? 0}</td>}
                <td>
                  <TrafficLight needsAttention={attention.has(row.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
