/**
 * The compose page's phone preview: the draft is rendered by the server
 * (`POST /notices/render`, the same renderer that sends it) a moment after typing stops, so
 * the preview is exactly what residents will get, even for an unfinished draft.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, asApiError } from '../api/client.js';
import type { LineMessage, Meta, Rendered } from '../api/types.js';
import { PhonePreview } from '../components/phone-preview.js';
import type { Draft } from './compose-draft.js';
import { messageOf } from './compose-draft.js';

const RENDER_DELAY_MS = 400;

/** The time LINE would show beside the message: the send time, or now (JST). */
function shownTime(draft: Draft): string {
  const hhmm =
    draft.sendMode === 'at' && draft.sendAt
      ? draft.sendAt.slice(11, 16)
      : new Date(Date.now() + 9 * 3600_000).toISOString().slice(11, 16);
  return hhmm.replace(/^0/, '');
}

export function LivePreview(props: { draft: Draft; meta: Meta }) {
  const { draft, meta } = props;
  const [messages, setMessages] = useState<LineMessage[]>([]);
  const [note, setNote] = useState<string | undefined>(undefined);
  const body = {
    message: messageOf(draft, meta),
    title: draft.title,
    department: draft.department,
    contact: draft.contact,
    urgent: draft.urgent,
  };
  const key = JSON.stringify(body);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.post<Rendered>('/notices/render', body).then(
        (r) => {
          if (!live) return;
          setMessages(r.messages);
          // Missing fields are drawn as placeholders; other problems (a bad link, LINE's
          // limits) are worth seeing while typing.
          const notes = r.problems
            .map((p) => (typeof p === 'string' ? p : p.message))
            .filter((m) => !m.endsWith('を入力してください'));
          setNote(
            r.messages.length === 0
              ? '必要な項目を入力すると表示されます。'
              : notes.length > 0
                ? `注意: ${notes.join('／')}`
                : undefined,
          );
        },
        (err: unknown) => {
          if (!live) return;
          // Keep the last good picture; say why it may be out of date.
          setNote(`プレビューを更新できませんでした: ${asApiError(err).message}`);
        },
      );
    }, RENDER_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  return (
    <section class="preview-pane" aria-labelledby="h-preview">
      <h2 id="h-preview">スマートフォンでの見え方</h2>
      <PhonePreview accountName={meta.cityName} messages={messages} time={shownTime(draft)} />
      {note && <p class="muted">{note}</p>}
    </section>
  );
}
