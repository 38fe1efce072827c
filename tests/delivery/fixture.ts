/** Notices and broadcast records for the delivery tests. */
import type { Broadcast, Notice } from '../../src/schema/index.js';

export const notice = (over: Partial<Notice> = {}): Notice => ({
  title: '断水のお知らせ',
  message: { type: 'text', text: '4月2日 9時から12時まで、中部地区で断水します。' },
  department: '上下水道部',
  contact: '水道課 0568-76-1111',
  target: { areas: ['中部'] },
  urgent: false,
  ...over,
});

export const draft = (over: Partial<Broadcast> = {}): Broadcast => ({
  id: '20260401-abc123',
  version: 1,
  state: 'draft',
  notice: notice(),
  created: { at: '2026-04-01T00:00:00.000Z', by: 'sato' },
  updatedAt: '2026-04-01T00:00:00.000Z',
  ...over,
});
