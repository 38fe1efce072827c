/**
 * Sign-in with an admin token. Shown in place of any page while signed out, keeping the URL:
 * after signing in, the page that was open (and its saved draft) comes back.
 */
import { useState } from 'preact/hooks';
import { asApiError } from '../api/client.js';
import { describedBy, FormField } from '../components/form-field.js';
import { PageTitle } from '../components/page-title.js';
import { forgetMeta } from '../meta.js';
import { usePageReady } from '../page-ready.js';
import { signIn } from '../session.js';

const REASONS: Record<string, string> = {
  'session/expired':
    '一定時間操作がなかったため、サインインが切れました。もう一度サインインしてください。入力中の内容は残っています。',
  'session/none':
    'サインインが切れました。もう一度サインインしてください。入力中の内容は残っています。',
  'signed-out': 'サインアウトしました。',
};

export function SignInPage(props: { reason?: string | undefined }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  usePageReady('sign-in', true, 'サインイン');

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!token.trim()) {
      setError('トークンを入力してください。');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      forgetMeta();
      await signIn(token.trim());
    } catch (err) {
      setError(asApiError(err).message);
      setBusy(false);
    }
  };

  const reason = props.reason ? REASONS[props.reason] : undefined;
  return (
    <div class="sign-in">
      <PageTitle>サインイン</PageTitle>
      {reason && (
        <p class="notice-box info" role="status">
          {reason}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <FormField
          id="token"
          label="管理トークン"
          hint="担当者ごとに配られた管理トークンを入力してください。"
          error={error}
        >
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="current-password"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
            {...describedBy('token', true, error)}
          />
        </FormField>
        <button type="submit" class="button-primary" disabled={busy}>
          {busy ? 'サインイン中…' : 'サインイン'}
        </button>
      </form>
    </div>
  );
}
