import { formatPercent } from './format';

/** Progress 0-100 as a bar with its number beside it; `label` names what it measures. */
export function ProgressBar({ value, label }: { value: number | null | undefined; label: string }) {
  const text = formatPercent(value);
  return (
    <span className="progress">
      <span
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value == null ? undefined : Math.round(value * 10) / 10}
        aria-valuetext={text}
      >
        <span className="progress__fill" style={{ width: `${Math.max(0, Math.min(100, value ?? 0))}%` }} />
      </span>
      <span className="progress__text">{text}</span>
    </span>
  );
}
