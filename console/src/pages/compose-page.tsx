/**
 * Writing a notice (new, or editing a draft): the form on the left, the phone preview on the
 * right. The draft is kept in sessionStorage on every keystroke, so a refused save, a network
 * failure or an expired session loses nothing; it is dropped only once the server saved it.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, asApiError } from '../api/client.js';
import type { Problems } from '../api/problems.js';
import type { Broadcast, Meta, Session } from '../api/types.js';
import { describedBy, FormErrorSummary, FormField } from '../components/form-field.js';
import { LoadStatus } from '../components/load-status.js';
import { PageTitle } from '../components/page-title.js';
import type { Draft } from '../compose/compose-draft.js';
import {
  draftOf,
  draftProblems,
  dropDraft,
  EMPTY_DRAFT,
  keepDraft,
  loadSavedDraft,
  noticeOf,
} from '../compose/compose-draft.js';
import { LivePreview } from '../compose/live-preview.js';
import { MessageFields } from '../compose/message-fields.js';
import { SendTimeFields } from '../compose/send-time-fields.js';
import { TargetBuilder } from '../compose/target-builder.js';
import { loadMeta } from '../meta.js';
import { usePageReady } from '../page-ready.js';
import { Link, navigate } from '../router.js';
import { hasRole } from '../session.js';
import { useApi } from '../use-api.js';

interface Loaded {
  meta: Meta;
  broadcast?: Broadcast;
}

export function ComposePage(props: { session: Session; id?: string | undefined }) {
  const key = props.id ?? 'new';
  const canWrite = hasRole({ status: 'signed-in', session: props.session }, 'broadcaster');
  const loaded = useApi<Loaded>(async () => {
    const [meta, broadcast] = await Promise.all([
      loadMeta(),
      props.id ? api.get<Broadcast>(`/broadcasts/${props.id}`) : Promise.resolve(undefined),
    ]);
    return { meta, ...(broadcast ? { broadcast } : {}) };
  }, [props.id]);
  const title = props.id ? 'お知らせを編集' : '新しいお知らせ';
  usePageReady('compose', !!loaded.data || (!canWrite && !loaded.loading), title);

  if (!canWrite) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <p class="notice-box info">お知らせを作る・直す権限がありません（閲覧のみ）。</p>
      </>
    );
  }
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <LoadStatus
        loading={loaded.loading && !loaded.data}
        error={loaded.error}
        retry={loaded.reload}
      />
      {loaded.data?.broadcast && loaded.data.broadcast.state !== 'draft' ? (
        <p class="notice-box info">
          このお知らせは下書きではないため、編集できません。
          <Link href={`/broadcasts/${loaded.data.broadcast.id}`}>お知らせの画面に戻る</Link>
        </p>
      ) : (
        loaded.data && <ComposeForm key={key} draftKey={key} {...loaded.data} />
      )}
    </>
  );
}

function ComposeForm(props: { draftKey: string; meta: Meta; broadcast?: Broadcast }) {
  const { meta, broadcast, draftKey } = props;
  const saved = loadSavedDraft(draftKey);
  const [draft, setDraft] = useState<Draft>(
    () => saved ?? (broadcast ? draftOf(broadcast) : EMPTY_DRAFT),
  );
  const [restored, setRestored] = useState(!!saved);
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => keepDraft(draftKey, draft), [draft]);

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field's old error goes as soon as it is edited; the others stay until the next save.
    const cleared = Object.keys(patch).flatMap((k) => problemKeysOf(k, problems));
    if (cleared.some((k) => problems[k])) {
      setProblems((p) =>
        Object.fromEntries(Object.entries(p).filter(([k]) => !cleared.includes(k))),
      );
    }
  };

  const discard = () => {
    dropDraft(draftKey);
    setDraft(broadcast ? draftOf(broadcast) : EMPTY_DRAFT);
    setRestored(false);
    setProblems({});
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const found = draftProblems(draft, meta);
    if (Object.keys(found).length > 0) {
      setProblems(found);
      setMessage('入力が足りない項目があります。赤字の項目を直してください。');
      focusFirstError();
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const notice = noticeOf(draft, meta);
      const saved = broadcast
        ? await api.patch<Broadcast>(`/broadcasts/${broadcast.id}`, {
            ...notice,
            sendAt: notice.sendAt ?? null,
          })
        : await api.post<Broadcast>('/broadcasts', notice);
      dropDraft(draftKey);
      navigate(`/broadcasts/${saved.id}`);
    } catch (err) {
      const apiError = asApiError(err);
      setProblems(apiError.problems);
      setMessage(apiError.message);
      setBusy(false);
      focusFirstError();
    }
  };

  return (
    <div class="compose">
      <form class="compose-form" onSubmit={save} noValidate aria-label="お知らせの内容">
        {restored && (
          <div class="notice-box info" role="status">
            <p>保存されていない入力を復元しました。</p>
            <button type="button" class="button-quiet" onClick={discard}>
              {broadcast ? '保存済みの内容に戻す' : '入力を消して最初から'}
            </button>
          </div>
        )}
        <FormErrorSummary message={message} rest={problems['']} />
        <FormField
          id="title"
          label="タイトル"
          required
          hint="一覧や通知に出る見出しです（80文字まで）。"
          error={problems['title']}
        >
          <input
            id="title"
            name="title"
            type="text"
            maxLength={80}
            value={draft.title}
            onInput={(e) => change({ title: e.currentTarget.value })}
            {...describedBy('title', true, problems['title'], true)}
          />
        </FormField>
        <MessageFields draft={draft} meta={meta} problems={problems} onChange={change} />
        <FormField
          id="department"
          label="担当課"
          required
          hint={
            meta.departments.length > 0
              ? '市の課の一覧から選べます（↓キーで候補を表示）。一覧にない名前も入力できます。'
              : undefined
          }
          error={problems['department']}
        >
          <input
            id="department"
            name="department"
            type="text"
            list={meta.departments.length > 0 ? 'department-list' : undefined}
            autoComplete="off"
            maxLength={40}
            value={draft.department}
            onInput={(e) => change({ department: e.currentTarget.value })}
            {...describedBy(
              'department',
              meta.departments.length > 0,
              problems['department'],
              true,
            )}
          />
          <datalist id="department-list">
            {meta.departments.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </FormField>
        <FormField
          id="contact"
          label="問い合わせ先"
          required
          hint="例: 0568-76-1111（電話番号を書くと「電話で問い合わせる」ボタンが付きます）"
          error={problems['contact']}
        >
          <input
            id="contact"
            name="contact"
            type="text"
            maxLength={120}
            value={draft.contact}
            onInput={(e) => change({ contact: e.currentTarget.value })}
            {...describedBy('contact', true, problems['contact'], true)}
          />
        </FormField>
        <TargetBuilder draft={draft} meta={meta} error={problems['target']} onChange={change} />
        <SendTimeFields draft={draft} meta={meta} problems={problems} onChange={change} />
        <div class="form-actions">
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? '保存しています…' : broadcast ? '変更を保存' : '下書きを保存'}
          </button>
          <Link href={broadcast ? `/broadcasts/${broadcast.id}` : '/broadcasts'} class="button">
            やめる
          </Link>
        </div>
        <p class="hint">
          保存しただけでは送信されません。次の画面で内容と人数を確かめてから送信します。
        </p>
      </form>
      <LivePreview draft={draft} meta={meta} />
    </div>
  );
}

/** The problem keys (as the API names fields) that a change of draft field `key` answers. */
function problemKeysOf(key: string, problems: Problems): string[] {
  if (key === 'text') return ['message.text'];
  if (key === 'params') return Object.keys(problems).filter((p) => p.startsWith('message.params'));
  if (['targetMode', 'topics', 'areas', 'ages'].includes(key)) return ['target'];
  return [key];
}

/** Moves focus to the first field with an error, after the errors are drawn. */
function focusFirstError(): void {
  setTimeout(() => {
    document
      .querySelector<HTMLElement>('[aria-invalid="true"], .has-error input, .has-error textarea')
      ?.focus();
  }, 0);
}
