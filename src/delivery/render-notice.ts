/**
 * Turns a notice into the LINE messages residents receive: plain text or a Flex layout, always
 * naming the city and sending department and how to contact them, within LINE's limits.
 * Every problem is reported at once (`broadcast/bad-notice`), before anything is sent.
 */
import type { messagingApi } from '@line/bot-sdk';
import { checkMessages, clampUtf16, fillTemplate, LINE_LIMITS } from '../messages/index.js';
import type { Notice } from '../schema/index.js';
import { BroadcastError } from './broadcast-error.js';
import { NOTICE_LAYOUTS } from './notice-templates.js';

const COLORS = { normal: '#0B6E4F', urgent: '#B71C1C' };
/** Japanese landline and mobile numbers as written in contacts: 0568-76-1113, 090-1234-5678. */
const PHONE = /0\d{1,4}-\d{1,4}-\d{3,4}/;

/** Who is speaking: 「小牧市 防災危機管理課からのお知らせ」. */
function senderLine(notice: Notice, cityName: string): string {
  return `${notice.urgent ? '【緊急】' : ''}${cityName} ${notice.department}からのお知らせ`;
}

function altText(notice: Notice): string {
  return clampUtf16(
    `${notice.urgent ? '【緊急】' : '【お知らせ】'}${notice.title}`,
    LINE_LIMITS.altText,
  );
}

function renderText(notice: Notice, cityName: string, body: string): messagingApi.TextMessage {
  const lines = [
    `【${senderLine(notice, cityName)}】`,
    notice.title,
    '',
    body,
    '',
    `お問い合わせ: ${notice.department}`,
    notice.contact,
  ];
  return { type: 'text', text: lines.join('\n') };
}

function paramProblems(notice: Notice): string[] {
  if (notice.message.type !== 'flex') return [];
  const layout = NOTICE_LAYOUTS[notice.message.template];
  const params = notice.message.params;
  const known = new Set([...layout.required, ...layout.optional]);
  const problems: string[] = [];
  for (const name of layout.required) {
    if (!params[name])
      problems.push(`message.params.${name}: required by "${notice.message.template}"`);
  }
  for (const name of Object.keys(params)) {
    if (!known.has(name)) {
      problems.push(`message.params.${name}: unknown parameter (known: ${[...known].join(', ')})`);
    }
  }
  const url = params['linkUrl'];
  if (url && !/^https:\/\/\S+$/.test(url)) {
    problems.push('message.params.linkUrl: must be an https:// address');
  }
  if (Boolean(url) !== Boolean(params['linkLabel']) && known.has('linkUrl')) {
    problems.push('message.params: give linkLabel and linkUrl together');
  }
  return problems;
}

/**
 * The messages of a notice (one message; LINE allows five per request). Throws
 * `broadcast/bad-notice` listing every problem (missing parameters, LINE limits).
 */
export function renderNotice(notice: Notice, cityName: string): messagingApi.Message[] {
  const problems = paramProblems(notice);
  if (problems.length > 0) {
    throw new BroadcastError(
      'broadcast/bad-notice',
      `the notice cannot be sent: ${problems.join('; ')}`,
      problems,
    );
  }
  let message: messagingApi.Message;
  if (notice.message.type === 'text') {
    message = renderText(notice, cityName, notice.message.text);
  } else {
    const layout = NOTICE_LAYOUTS[notice.message.template];
    const phone = PHONE.exec(notice.contact)?.[0];
    const values = {
      ...notice.message.params,
      sender: senderLine(notice, cityName),
      title: notice.title,
      department: notice.department,
      contact: notice.contact,
      headerColor: notice.urgent ? COLORS.urgent : COLORS.normal,
      call: phone
        ? { type: 'uri', label: '電話で問い合わせる', uri: `tel:${phone.replaceAll('-', '')}` }
        : '',
    };
    message = {
      type: 'flex',
      altText: altText(notice),
      contents: fillTemplate(layout.contents, values) as messagingApi.FlexContainer,
    };
  }
  const limits = checkMessages([message]);
  if (limits.length > 0) {
    const found = limits.map((p) => `${p.path}: ${p.message}`);
    throw new BroadcastError(
      'broadcast/bad-notice',
      `the notice breaks LINE limits: ${found.join('; ')}`,
      found,
    );
  }
  return [message];
}

/** The plain-text form of a notice, for previews in a terminal and in logs for staff. */
export function noticeText(notice: Notice, cityName: string): string {
  const m = notice.message;
  if (m.type === 'text') return renderText(notice, cityName, m.text).text;
  const layout = NOTICE_LAYOUTS[m.template];
  const body = [...layout.required, ...layout.optional]
    .filter((name) => m.params[name] && name !== 'linkLabel')
    .map((name) =>
      name === 'linkUrl'
        ? `${m.params['linkLabel'] ?? 'リンク'}: ${m.params[name]}`
        : m.params[name]!,
    )
    .join('\n');
  return renderText(notice, cityName, body).text;
}
