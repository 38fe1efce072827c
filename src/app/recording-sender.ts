/**
 * A `Sender` that keeps what it would send instead of calling LINE: the server's local mode
 * (no LINE credentials), the `chat` CLI and tests. `onSend` sees every message as it is sent.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Sender } from '../ports.js';

export type SentRecord =
  | { kind: 'reply'; replyToken: string; messages: messagingApi.Message[] }
  | { kind: 'push'; to: string; messages: messagingApi.Message[]; retryKey: string }
  | { kind: 'multicast'; to: string[]; messages: messagingApi.Message[]; retryKey: string };

export interface RecordingSender extends Sender {
  readonly sent: SentRecord[];
}

export function createRecordingSender(
  onSend?: (record: SentRecord) => void | Promise<void>,
): RecordingSender {
  const sent: SentRecord[] = [];
  const record = async (r: SentRecord) => {
    sent.push(r);
    await onSend?.(r);
  };
  return {
    sent,
    reply: (replyToken, messages) => record({ kind: 'reply', replyToken, messages }),
    push: (to, messages, retryKey) => record({ kind: 'push', to, messages, retryKey }),
    multicast: (to, messages, retryKey) => record({ kind: 'multicast', to, messages, retryKey }),
  };
}
