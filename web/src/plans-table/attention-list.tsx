import { Link } from 'react-router';
import { attentionReasons } from './attention-reasons';
import type { PlanRow } from './plans-table-model';

/** "Planer der kræver opmærksomhed": each plan the roll-up names, with why. */
export function AttentionList({ plans, rows }: { plans: ReadonlyArray<{ id: string; title: string }>; rows: readonly PlanRow[] }) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (plans.length === 0) return <p className="ok-note">Ingen planer kræver opmærksomhed.</p>;
  return (
    <ul className="attention-list">
      {plans.map((p) => {
        const row = byId.get(p.id);
        const reasons = row ? attentionReasons(row) : [];
        return (
          <li key={p.id}>
            <Link to={`/planer/${p.id}`}>{p.title}</Link>
            {reasons.length > 0 && <span className="muted">: {reasons.join(', ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
