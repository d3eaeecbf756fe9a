import { Line, LineChart, YAxis } from 'recharts';

/** The drawing of a sparkline; loaded on demand (recharts is most of the app's size). */
export default function SparklineChart({ data }: { data: Array<{ day: number; percent: number }> }) {
  return (
    <LineChart width={120} height={36} data={data} margin={{ top: 4, right: 4, bottom: 4, left: 4 }} accessibilityLayer={false}>
      <YAxis hide domain={[0, 100]} />
      <Line type="linear" dataKey="percent" stroke="#0b5563" strokeWidth={2} dot={false} isAnimationActive={false} />
    </LineChart>
  );
}
