/**
 * A notice as a resident sees it on a phone in LINE: the chat's header bar with the account's
 * name, the grey-blue chat background, the account's icon, and each message as a speech bubble
 * (text) or a Flex bubble. The messages are the ones the server renders and sends.
 */
import type { FlexNode, LineMessage } from '../api/types.js';
import { FlexContainer } from './flex-bubble.js';

function MessageView(props: { message: LineMessage }) {
  const m = props.message;
  if (m.type === 'text' && typeof m['text'] === 'string') {
    return <div class="line-text-bubble">{m['text']}</div>;
  }
  if (m.type === 'flex' && m['contents'] && typeof m['contents'] === 'object') {
    return <FlexContainer node={m['contents'] as FlexNode} />;
  }
  return <div class="line-text-bubble muted">（{m.type} メッセージ）</div>;
}

export function PhonePreview(props: {
  accountName: string;
  messages: LineMessage[];
  /** Shown in the chat when there is nothing to draw yet. */
  empty?: string;
  /** "9:30" beside the last bubble, as LINE shows the time a message came. */
  time?: string;
}) {
  const initial = props.accountName.slice(0, 1) || '窓';
  return (
    <figure class="phone" aria-label="LINE での見え方（プレビュー）">
      <div class="phone-screen">
        <div class="line-header">
          <span class="line-back" aria-hidden="true">
            ‹
          </span>
          <span class="line-title">{props.accountName}</span>
          <span class="line-menu" aria-hidden="true">
            ≡
          </span>
        </div>
        <div class="line-chat">
          {props.messages.length === 0 ? (
            <p class="line-empty">{props.empty ?? '本文を入力すると、ここに表示されます。'}</p>
          ) : (
            <div class="line-row">
              <span class="line-avatar" aria-hidden="true">
                {initial}
              </span>
              <div class="line-messages">
                <span class="line-sender">{props.accountName}</span>
                {props.messages.map((m, i) => (
                  <div class="line-message" key={i}>
                    <MessageView message={m} />
                    {i === props.messages.length - 1 && props.time && (
                      <span class="line-time">{props.time}</span>
                    )}
                  </div>
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
    </figure>
  );
}
