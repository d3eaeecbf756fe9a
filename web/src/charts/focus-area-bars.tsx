import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/** The drawing of the focus-area chart; loaded on demand like every recharts part. */
export default function FocusAreaBars({ data, height }: { data: Array<{ name: string; progress: number }>; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#d6dde0" />
        <XAxis type="number" domain={[0, 100]} tick={{ fill: '#3d4a4f', fontSize: 12 }} unit=" %" />
        <YAxis type="category" dataKey="name" width={170} tick={{ fill: '#1d2a2f', fontSize: 12 }} interval={0} />
        <Bar dataKey="progress" fill="#0b5563" isAnimationActive={false} barSize={18} />
      </BarChart>
    </ResponsiveContainer>
  );
}
