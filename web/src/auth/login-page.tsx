import { type FormEvent, useState } from 'react';
import { FormAlert, TextField } from '../common/form-field';
import { usePageTitle } from '../layout/page-title';
import { useSession } from './session';

export function LoginPage() {
  const { login, notice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  usePageTitle('Log ind');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const errors = await login(email.trim(), password);
    setBusy(false);
    if (errors) setError(errors.form);
  }

  return (
    <main id="indhold" className="login">
      <div className="login__card">
        <p className="brand brand--large" aria-hidden="true">
          Planspor
        </p>
        <h1>Log ind</h1>
        <p className="muted">Boligsociale helhedsplaner: mål, aktiviteter og fremdrift.</p>
        {notice && !error && <p className="notice">{notice}</p>}
        <form onSubmit={submit} noValidate>
          <TextField label="E-mail" type="email" autoComplete="username" value={email} onChange={setEmail} required />
          <TextField
            label="Adgangskode"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            required
          />
          <FormAlert message={error} />
          <button type="submit" className="button button--primary" disabled={busy}>
            Log ind
          </button>
        </form>
      </div>
    </main>
  );
}
