import { formatDate } from '../common/format';

interface Note {
  id: string;
  text: string;
  createdAt: string;
  author: { name: string };
}

/** Coordination notes, newest first as the API gives them. */
export function NotesList({ notes, planTitle }: { notes: readonly Note[]; planTitle?: string }) {
  if (notes.length === 0) return <p className="muted">Ingen koordineringsnoter{planTitle ? ` om ${planTitle}` : ''} endnu.</p>;
  return (
    <ul className="notes">
      {notes.map((n) => (
        <li key={n.id} className="note">
          <p className="note__text">{n.text}</p>
          <p className="note__meta muted">
            {n.author.name}, {formatDate(n.createdAt.slice(0, 10))}
          </p>
        </li>
      ))}
    </ul>
  );
}
