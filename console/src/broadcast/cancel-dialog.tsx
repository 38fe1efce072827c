/**
 * Asks before cancelling a notice: a draft is just dropped; a scheduled one will not go out;
 * one that is sending stops (residents already reached keep what they got).
 */
import { useState } from 'preact/hooks';
import { api, asApiError } from '../api/client.js';
import type { Broadcast } from '../api/types.js';
import { ModalDialog } from '../components/modal-dialog.js';

export function CancelDialog(props: {
  id: string;
  title: string;
  onClose: () => void;
  onCancelled: (b: Broadcast) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const cancel = async () => {
    setBusy(true);
    setError(undefined);
    try {
      props.onCancelled(await api.post<Broadcast>(`/broadcasts/${props.id}/cancel`));
    } catch (err) {
      setError(asApiError(err).message);
      setBusy(false);
    }
  };
  return (
    <ModalDialog title="取り消しの確認" onClose={props.onClose}>
      <p>「{props.title}」を取り消します。送信中の場合は、まだ届いていない人への送信を止めます。</p>
      {error && (
        <p role="alert" class="field-error">
          {error}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" class="button-danger" disabled={busy} onClick={() => void cancel()}>
          {busy ? '取り消しています…' : 'このお知らせを取り消す'}
        </button>
        <button type="button" onClick={props.onClose} disabled={busy} data-autofocus>
          やめる
        </button>
      </div>
    </ModalDialog>
  );
}
