/**
 * `POST /admin/api/notices/render` (broadcaster+): a notice draft as the LINE messages residents
 * would get, for the compose page's live preview. Pure (no store, no audit). A draft is usually
 * incomplete, so instead of a 400 every problem is listed beside the field at fault and the
 * preview is still drawn, with a placeholder in each missing field; only a body that is not an
 * object at all is a 400. The same renderer as sending (`renderNotice`), so what is previewed is
 * what is sent.
 */
import type { RequestHandler, Router } from 'express';
import { BroadcastError, noticeText, renderNotice } from '../../delivery/index.js';
import { NOTICE_TEMPLATES } from '../../schema/index.js';
import type { Notice, NoticeMessage } from '../../schema/index.js';
import { contentOr503 } from './console-deps.js';
import type { AdminConsoleDeps } from './console-deps.js';
import { TEMPLATES_META } from './meta-route.js';

interface Problem {
  field: string;
  message: string;
}

const LIMITS = { title: 80, department: 40, contact: 120, text: 4000, param: 2000 };
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A text field of the draft: its value, or a placeholder and a problem when missing or long. */
function field(
  value: unknown,
  name: string,
  label: string,
  max: number,
  problems: Problem[],
): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') {
    problems.push({ field: name, message: `${label}を入力してください` });
    return `（${label}）`;
  }
  if (text.length > max) problems.push({ field: name, message: `${max}文字以内にしてください` });
  return text;
}

function draftMessage(raw: unknown, problems: Problem[]): NoticeMessage | undefined {
  const m = isRecord(raw) ? raw : {};
  if (m['type'] === 'text') {
    return { type: 'text', text: field(m['text'], 'message.text', '本文', LIMITS.text, problems) };
  }
  if (m['type'] !== 'flex') {
    problems.push({ field: 'message.type', message: '本文の形式（text か flex）を選んでください' });
    return undefined;
  }
  const template = m['template'];
  if (!NOTICE_TEMPLATES.includes(template as (typeof NOTICE_TEMPLATES)[number])) {
    problems.push({ field: 'message.template', message: 'テンプレートを選んでください' });
    return undefined;
  }
  const id = template as (typeof NOTICE_TEMPLATES)[number];
  const given = isRecord(m['params']) ? m['params'] : {};
  const meta = TEMPLATES_META.find((t) => t.id === id)!;
  const params: Record<string, string> = {};
  for (const p of meta.params) {
    const value = typeof given[p.name] === 'string' ? (given[p.name] as string).trim() : '';
    if (value === '' && !p.required) continue;
    params[p.name] = field(value, `message.params.${p.name}`, p.label, LIMITS.param, problems);
  }
  for (const name of Object.keys(given))
    if (!meta.params.some((p) => p.name === name))
      problems.push({ field: `message.params.${name}`, message: 'このテンプレートにない項目です' });
  const url = params['linkUrl'];
  if (url !== undefined && !/^https:\/\/\S+$/.test(url)) {
    problems.push({
      field: 'message.params.linkUrl',
      message: 'https:// で始まるアドレスにしてください',
    });
  }
  if ((url === undefined) !== (params['linkLabel'] === undefined)) {
    const missing = url === undefined ? 'linkUrl' : 'linkLabel';
    problems.push({
      field: `message.params.${missing}`,
      message: 'ボタンの文言とリンク先は両方入力してください',
    });
  }
  if (url === undefined || params['linkLabel'] === undefined || !/^https:\/\/\S+$/.test(url)) {
    // Drawn without the button until both halves are right (LINE refuses a bad uri).
    delete params['linkUrl'];
    delete params['linkLabel'];
  }
  return { type: 'flex', template: id, params };
}

/** `path: message` lines of the renderer as problems. */
const asProblems = (lines: readonly string[]): Problem[] =>
  lines.map((line) => {
    const at = line.indexOf(': ');
    return at < 0
      ? { field: '(notice)', message: line }
      : { field: line.slice(0, at), message: line.slice(at + 2) };
  });

export function noticesRoute(
  router: Router,
  deps: AdminConsoleDeps,
  broadcaster: RequestHandler,
): void {
  router.post('/notices/render', broadcaster, (req, res) => {
    if (!isRecord(req.body)) {
      res.status(400).json({
        error: 'the body must be a JSON object (a notice draft)',
        code: 'admin/bad-body',
        problems: ['(body): must be a JSON object'],
      });
      return;
    }
    const content = contentOr503(deps, res);
    if (!content) return;
    const body = req.body;
    const problems: Problem[] = [];
    const title = field(body['title'], 'title', 'タイトル', LIMITS.title, problems);
    const message = draftMessage(body['message'], problems);
    const department = field(
      body['department'],
      'department',
      '担当課',
      LIMITS.department,
      problems,
    );
    const contact = field(body['contact'], 'contact', '問い合わせ先', LIMITS.contact, problems);
    if (!message) {
      res.json({ messages: [], text: '', problems });
      return;
    }
    const notice: Notice = {
      title,
      message,
      department,
      contact,
      target: { all: true },
      urgent: body['urgent'] === true,
    };
    const cityName = content.city.name;
    const text = noticeText(notice, cityName);
    try {
      res.json({ messages: renderNotice(notice, cityName), text, problems });
    } catch (err) {
      if (!(err instanceof BroadcastError)) throw err;
      res.json({ messages: [], text, problems: [...problems, ...asProblems(err.problems)] });
    }
  });
}
