import { type ReactNode, useState } from 'react';
import { IndicatorStatusBadge } from '../common/badges';
import { formatDate, formatMoney, formatNumber, formatShare } from '../common/format';
import { DIRECTION, GOAL_KIND } from '../common/labels';
import { ProgressBar } from '../common/progress-bar';
import { GoalForm } from './goal-form';
import { goalTree, type TreeNode } from './goal-tree';
import { IndicatorForm } from './indicator-form';
import { MeasurementForm } from './measurement-form';
import type { PlanData, PlanGoal, PlanIndicator } from './plan-types';
import { IndicatorEditForm } from '../history/indicator-edit-form';
import { IndicatorHistory } from '../history/indicator-history';

interface Props {
  plan: PlanData;
  editable: boolean;
  onSaved(message: string): void;
}

/** Which editor form is open: at most one in the section at a time. */
type Open = { kind: 'goal' } | { kind: 'indicator'; goalId: string } | { kind: 'measurement' | 'revise'; indicatorId: string } | null;

/** "Mål": the goal tree, each goal's progress, each indicator's status as a badge. */
export function GoalsSection({ plan, editable, onSaved }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const saved = (message: string) => {
    setOpen(null);
    onSaved(message);
  };
  const close = () => setOpen(null);
  const roots = goalTree(plan.goals);

  const renderNode = (node: TreeNode<PlanGoal>, depth: number): ReactNode => (
    <li key={node.goal.id}>
      <GoalCard
        goal={node.goal}
        depth={depth}
        editable={editable}
        open={open}
        setOpen={setOpen}
        forms={{
          indicator: <IndicatorForm goal={node.goal} onSaved={saved} onCancel={close} />,
          measurement: (indicator) => <MeasurementForm indicator={indicator} onSaved={saved} onCancel={close} />,
          revise: (indicator) => <IndicatorEditForm indicator={indicator} onSaved={saved} onCancel={close} />,
        }}
        onSaved={onSaved}
      />
      {node.children.length > 0 && <ul className="goal-tree">{node.children.map((c) => renderNode(c, depth + 1))}</ul>}
    </li>
  );

  return (
    <section aria-labelledby="maal" className="section">
      <div className="section__head">
        <h2 id="maal">Mål</h2>
        {editable && (
          <button type="button" className="button" aria-expanded={open?.kind === 'goal'} onClick={() => setOpen(open?.kind === 'goal' ? null : { kind: 'goal' })}>
            Nyt mål
          </button>
        )}
      </div>
      {open?.kind === 'goal' && <GoalForm plan={plan} onSaved={saved} onCancel={close} />}
      {roots.length === 0 ? <p className="muted">Planen har endnu ingen mål.</p> : <ul className="goal-tree goal-tree--root">{roots.map((r) => renderNode(r, 0))}</ul>}
    </section>
  );
}

interface CardProps {
  goal: PlanGoal;
  depth: number;
  editable: boolean;
  open: Open;
  setOpen(open: Open): void;
  forms: { indicator: ReactNode; measurement(indicator: PlanIndicator): ReactNode; revise(indicator: PlanIndicator): ReactNode };
  onSaved(message: string): void;
}

function GoalCard({ goal, depth, editable, open, setOpen, forms, onSaved }: CardProps) {
  // Headings follow the tree: formål h3, effektmål h4, delmål h5 (never deeper than h6).
  const Heading = `h${Math.min(3 + depth, 6)}` as 'h3';
  const { rollup } = goal;
  const indicatorOpen = open?.kind === 'indicator' && open.goalId === goal.id;
  return (
    <article className={`goal goal--${goal.kind.toLowerCase()}`} id={`mal-${goal.id}`} aria-labelledby={`mal-${goal.id}-titel`}>
      <div className="goal__head">
        <span className="goal__kind">{GOAL_KIND[goal.kind]}</span>
        <Heading id={`mal-${goal.id}-titel`} className="goal__title">
          {goal.title}
        </Heading>
      </div>
      {goal.description && <p className="goal__description">{goal.description}</p>}
      <div className="goal__figures">
        <ProgressBar value={rollup.progress} label={`Fremdrift for ${goal.title}`} />
        <span>
          {rollup.activityCount} {rollup.activityCount === 1 ? 'aktivitet' : 'aktiviteter'} · budget {formatMoney(rollup.budget)} · forbrug {formatMoney(rollup.spent)}
        </span>
        {goal.focusArea && <span className="muted">Indsatsområde: {goal.focusArea.name}</span>}
      </div>
      {goal.indicators.length > 0 && (
        <div className="table-scroll" role="region" aria-label={`Indikatorer for ${goal.title}`} tabIndex={0}>
          <table className="table table--compact">
            <caption className="visually-hidden">Indikatorer for {goal.title}</caption>
            <thead>
              <tr>
                <th scope="col">Indikator</th>
                <th scope="col">Status</th>
                <th scope="col">Seneste måling</th>
                <th scope="col">Baseline → mål</th>
                <th scope="col">Målopfyldelse</th>
                {editable && <th scope="col"><span className="visually-hidden">Handlinger</span></th>}
              </tr>
            </thead>
            <tbody>
              {goal.indicators.map((indicator) => {
                const which = (open?.kind === 'measurement' || open?.kind === 'revise') && open.indicatorId === indicator.id ? open.kind : null;
                return (
                  <IndicatorRows
                    key={indicator.id}
                    goalId={goal.id}
                    indicator={indicator}
                    editable={editable}
                    which={which}
                    onToggle={(kind) => setOpen(which === kind ? null : { kind, indicatorId: indicator.id })}
                    form={which === 'measurement' ? forms.measurement(indicator) : which === 'revise' ? forms.revise(indicator) : null}
                    onSaved={onSaved}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editable && (
        <div className="goal__actions">
          <button type="button" className="button button--small" aria-expanded={indicatorOpen} onClick={() => setOpen(indicatorOpen ? null : { kind: 'indicator', goalId: goal.id })}>
            Ny indikator
          </button>
        </div>
      )}
      {indicatorOpen && forms.indicator}
    </article>
  );
}

interface IndicatorRowsProps {
  goalId: string;
  indicator: PlanIndicator;
  editable: boolean;
  which: 'measurement' | 'revise' | null;
  onToggle(kind: 'measurement' | 'revise'): void;
  form: ReactNode;
  onSaved(message: string): void;
}

function IndicatorRows(props: IndicatorRowsProps) {
  const { goalId, indicator: i, editable, which, onToggle, form, onSaved } = props;
  return (
    <>
      <tr id={`indikator-${i.id}`}>
        <th scope="row" className="cell-title">
          {i.name}
          <span className="muted"> ({i.unit}, {DIRECTION[i.direction].toLowerCase()})</span>
          <IndicatorHistory goalId={goalId} indicatorId={i.id} name={i.name} editable={editable} onSaved={onSaved} />
        </th>
        <td>
          <IndicatorStatusBadge status={i.status} />
        </td>
        <td>{i.latest ? `${formatNumber(i.latest.value)} (${formatDate(i.latest.measuredOn)})` : '–'}</td>
        <td>
          {formatNumber(i.baseline)} → {formatNumber(i.target)} <span className="muted">({formatDate(i.targetDate)})</span>
        </td>
        <td>{formatShare(i.attainment)}</td>
        {editable && (
          <td>
            <div className="cell-actions">
              <button type="button" className="button button--small" aria-expanded={which === 'measurement'} onClick={() => onToggle('measurement')} aria-describedby={`indikator-${i.id}-navn`}>
                Registrér måling
              </button>
              <button type="button" className="button button--small" aria-expanded={which === 'revise'} onClick={() => onToggle('revise')} aria-describedby={`indikator-${i.id}-navn`}>
                Ret indikator
              </button>
            </div>
            <span id={`indikator-${i.id}-navn`} className="visually-hidden">
              {i.name}
            </span>
          </td>
        )}
      </tr>
      {form && (
        <tr className="row-form">
          <td colSpan={editable ? 6 : 5}>{form}</td>
        </tr>
      )}
    </>
  );
}
