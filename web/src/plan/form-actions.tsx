/** "Gem" and "Annuller" under every editor form. */
export function FormActions({ busy, onCancel, submitLabel = 'Gem' }: { busy: boolean; onCancel(): void; submitLabel?: string }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Annuller
      </button>
    </div>
  );
}
