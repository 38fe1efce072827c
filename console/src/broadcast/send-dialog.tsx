/**
 * The last step before residents get a notice: a dialog that states the exact number of
 * recipients now (from a fresh `GET /broadcasts/:id/preview`) and a button that names it. The
 * server confirms only if the number is still the same; if the audience changed meanwhile
 * (409 `broadcast/count-changed`) the dialog shows the new number and asks again.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, asApiError } from '../api/client.js';
import { problemInJapanese } from '../api/problems.js';
import type { Broadcast, Meta, Preview } from '../api/types.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { formatCount, formatJst } from '../display-format.js';
import { heldText, SEND_ON_CONFIRM, targetText } from '../target-text.js';

type Step =
  | { kind: 'loading' }
  | { kind: 'ready'; preview: Preview; changedFrom?: number; error?: string }
  | { kind: 'sending'; preview: Preview }
  | { kind: 'failed'; error: string };

export function SendDialog(props: {
  id: string;
  /** The notice has a send time of its own (else it goes out on confirming). */
  planned: boolean;
  /** The city's labels for the target (ids shown without them). */
  meta: Meta | undefined;
  onClose: () => void;
  onSent: (b: Broadcast) => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'loading' });

  useEffect(() => {
    api.get<Preview>(`/broadcasts/${props.id}/preview`).then(
      (preview) => setStep({ kind: 'ready', preview }),
      (err: unknown) => setStep({ kind: 'failed', error: asApiError(err).message }),
    );
  }, [props.id]);

  const confirm = async (preview: Preview) => {
    setStep({ kind: 'sending', preview });
    try {
      const b = await api.post<Broadcast>(`/broadcasts/${props.id}/confirm`, {
        count: preview.count,
      });
      props.onSent(b);
    } catch (err) {
      const e = asApiError(err);
      const fresh = e.body['preview'] as Preview | undefined;
      if (e.code === 'broadcast/count-changed' && fresh) {
        setStep({ kind: 'ready', preview: fresh, changedFrom: preview.count });
      } else {
        setStep({ kind: 'ready', preview: fresh ?? preview, error: e.message });
      }
    }
  };

  return (
    <ModalDialog title="送信の確認" onClose={props.onClose}>
      {step.kind === 'loading' && (
        <p role="status" class="loading">
          送信先の人数を数えています…
        </p>
      )}
      {step.kind === 'failed' && (
        <p role="alert" class="field-error">
          {step.error}
        </p>
      )}
      {(step.kind === 'ready' || step.kind === 'sending') && (
        <ConfirmBody step={step} planned={props.planned} meta={props.meta} />
      )}
      <div class="dialog-actions">
        {(step.kind === 'ready' || step.kind === 'sending') &&
          step.preview.count > 0 &&
          step.preview.problems.length === 0 && (
            <button
              type="button"
              class="button-danger"
              disabled={step.kind === 'sending'}
              onClick={() => void confirm(step.preview)}
            >
              {step.kind === 'sending'
                ? '確定しています…'
                : `${formatCount(step.preview.count)}人に送信する`}
            </button>
          )}
        <button type="button" onClick={props.onClose} disabled={step.kind === 'sending'}>
          やめる
        </button>
      </div>
    </ModalDialog>
  );
}

function ConfirmBody(props: {
  step: Extract<Step, { kind: 'ready' | 'sending' }>;
  planned: boolean;
  meta: Meta | undefined;
}) {
  const { preview } = props.step;
  const changedFrom = props.step.kind === 'ready' ? props.step.changedFrom : undefined;
  const error = props.step.kind === 'ready' ? props.step.error : undefined;
  const when = preview.sendAt;
  return (
    <div class="confirm-body">
      {changedFrom !== undefined && (
        <p role="alert" class="notice-box warn">
          送信先の人数が変わりました（{formatCount(changedFrom)}人 → {formatCount(preview.count)}
          人）。新しい人数を確かめて、もう一度送信してください。
        </p>
      )}
      {error && (
        <p role="alert" class="field-error">
          {error}
        </p>
      )}
      <p class="confirm-count" aria-live="polite">
        {preview.count > 0
          ? `${formatCount(preview.count)}人に送信します`
          : '送信先に当てはまる人がいません'}
      </p>
      <dl class="summary">
        <dt>タイトル</dt>
        <dd>{preview.title}</dd>
        <dt>送信先</dt>
        <dd>{targetText(preview.target, props.meta)}</dd>
        <dt>送信日時</dt>
        <dd>
          {when && props.planned ? formatJst(when.at) : SEND_ON_CONFIRM}
          {when?.held && heldText(when.at)}
          {when?.urgent && '（緊急）'}
        </dd>
      </dl>
      {preview.problems.length > 0 && (
        <ul class="field-error" role="alert">
          {preview.problems.map((p) => (
            <li key={p}>{problemInJapanese(p)}</li>
          ))}
        </ul>
      )}
      <p class="hint">送信を確定すると、取り消せるのは送信が終わるまでです。</p>
    </div>
  );
}
