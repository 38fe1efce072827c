/**
 * The compose form's state (`Draft`): what staff typed, kept as typed. It becomes a notice for
 * the API only when saved, and lives in sessionStorage meanwhile (key per broadcast id, or
 * `new`), so a failed request, an expired session or a reload never loses it.
 */
import type { Broadcast, Meta, NoticeInput, Target } from '../api/types.js';
import type { Problems } from '../api/problems.js';
import { inputToSendAt, sendAtToInput } from '../display-format.js';

export interface Draft {
  title: string;
  messageType: 'text' | 'flex';
  text: string;
  template: 'notice' | 'event';
  /** Template fields by parameter name (empty strings are left out when saved). */
  params: Record<string, string>;
  department: string;
  contact: string;
  targetMode: 'all' | 'segment';
  topics: string[];
  areas: string[];
  ages: string[];
  sendMode: 'now' | 'at';
  /** The datetime-local value, JST: `2026-04-01T09:30`. */
  sendAt: string;
  urgent: boolean;
}

export const EMPTY_DRAFT: Draft = {
  title: '',
  messageType: 'text',
  text: '',
  template: 'notice',
  params: {},
  department: '',
  contact: '',
  targetMode: 'segment',
  topics: [],
  areas: [],
  ages: [],
  sendMode: 'now',
  sendAt: '',
  urgent: false,
};

const KEY = (id: string) => `madoguchi.draft.${id}`;

/** The unsaved draft kept for `id` (`new` for a new notice), if any. */
export function loadSavedDraft(id: string): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(KEY(id));
    return raw ? { ...EMPTY_DRAFT, ...(JSON.parse(raw) as Partial<Draft>) } : undefined;
  } catch {
    return undefined; // storage off (private mode) or damaged: start from the server's copy
  }
}

export function keepDraft(id: string, draft: Draft): void {
  try {
    sessionStorage.setItem(KEY(id), JSON.stringify(draft));
  } catch {
    // Full or disabled storage: the draft still lives in the page's state.
  }
}

export function dropDraft(id: string): void {
  try {
    sessionStorage.removeItem(KEY(id));
  } catch {
    // nothing kept, nothing to drop
  }
}

/** The draft of a saved broadcast, for editing. */
export function draftOf(b: Broadcast): Draft {
  const n = b.notice;
  const t = n.target;
  return {
    ...EMPTY_DRAFT,
    title: n.title,
    messageType: n.message.type,
    text: n.message.type === 'text' ? n.message.text : '',
    template: n.message.type === 'flex' ? n.message.template : 'notice',
    params: n.message.type === 'flex' ? { ...n.message.params } : {},
    department: n.department,
    contact: n.contact,
    targetMode: 'all' in t ? 'all' : 'segment',
    topics: 'all' in t ? [] : [...(t.topics ?? [])],
    areas: 'all' in t ? [] : [...(t.areas ?? [])],
    ages: 'all' in t ? [] : [...(t.ages ?? [])],
    sendMode: n.sendAt ? 'at' : 'now',
    sendAt: sendAtToInput(n.sendAt),
    urgent: n.urgent,
  };
}

/** The target the draft describes, or undefined while no segment is chosen. */
export function targetOf(d: Draft): Target | undefined {
  if (d.targetMode === 'all') return { all: true };
  const t: { topics?: string[]; areas?: string[]; ages?: Array<'10s'> } = {};
  if (d.topics.length) t.topics = d.topics;
  if (d.areas.length) t.areas = d.areas;
  if (d.ages.length) t.ages = d.ages as Array<'10s'>;
  return Object.keys(t).length ? (t as Target) : undefined;
}

/** The message part of the notice (also what the live preview renders). */
export function messageOf(d: Draft, meta: Meta | undefined) {
  if (d.messageType === 'text') return { type: 'text' as const, text: d.text };
  const known = meta?.templates.find((t) => t.id === d.template)?.params.map((p) => p.name);
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(d.params)) {
    // Fields of the other template stay in the draft (switching back keeps them) but not sent.
    if (value.trim() && (!known || known.includes(name))) params[name] = value;
  }
  return { type: 'flex' as const, template: d.template, params };
}

/** The notice the API stores; `sendAt: null` in an edit clears a send time. */
export function noticeOf(
  d: Draft,
  meta: Meta | undefined,
): NoticeInput & { sendAt?: string | null } {
  return {
    title: d.title,
    message: messageOf(d, meta),
    department: d.department,
    contact: d.contact,
    target: targetOf(d) ?? ({} as Target),
    urgent: d.urgent,
    ...(d.sendMode === 'at' ? { sendAt: inputToSendAt(d.sendAt) } : {}),
  };
}

/**
 * What the form can tell before asking the server (the server checks everything again): empty
 * required fields, no target, no time. Same field keys as the API's problems.
 */
export function draftProblems(d: Draft, meta: Meta | undefined): Problems {
  const p: Problems = {};
  const need = (key: string, value: string) => {
    if (!value.trim()) p[key] = '入力してください';
  };
  need('title', d.title);
  need('department', d.department);
  need('contact', d.contact);
  if (d.messageType === 'text') need('message.text', d.text);
  else {
    const template = meta?.templates.find((t) => t.id === d.template);
    for (const param of template?.params ?? []) {
      if (param.required) need(`message.params.${param.name}`, d.params[param.name] ?? '');
    }
  }
  if (!targetOf(d)) p['target'] = '送信先を選んでください（全員、または分野・地区・年代）';
  if (d.sendMode === 'at' && !d.sendAt) p['sendAt'] = '送信日時を入力してください';
  return p;
}
