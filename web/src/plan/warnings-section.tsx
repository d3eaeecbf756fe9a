import { planWarnings } from './plan-warnings';
import type { PlanData } from './plan-types';

/** "Advarsler": the plan's coherence warnings, first on the page. */
export function WarningsSection({ plan }: { plan: PlanData }) {
  const warnings = planWarnings(plan);
  return (
    <section aria-labelledby="advarsler" className="section">
      <h2 id="advarsler">Advarsler</h2>
      {warnings.length === 0 ? (
        <p className="ok-note">Ingen advarsler: alle mål har aktiviteter og indikatorer, og alle aktiviteter har ny status.</p>
      ) : (
        <ul className="warnings">
          {warnings.map((w) => (
            <li key={w.key} className="warning">
              <strong>{w.title}</strong>
              {w.detail && <span> {w.detail}</span>}
              {w.items.length > 0 && (
                <ul>
                  {w.items.map((item) => (
                    <li key={item.id}>
                      <a href={`#${item.anchor}`}>{item.title}</a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
