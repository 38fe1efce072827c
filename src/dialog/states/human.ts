// 「人と話したい」: the department of the last answer (if any) and the city's main contact.
import { textView, type View } from '../../messages/index.js';
import type { StepResult, Turn } from '../types.js';
import { callChoice, cityContactLines, departmentLines, findDepartment } from '../contact.js';
import { menuChoice } from '../choices.js';
import { encodePostback } from '../postback.js';

export function humanView({ deps }: Turn, entryId?: string): View {
  const entry = entryId ? deps.entry(entryId) : undefined;
  const dept = findDepartment(deps.city, entry?.department);
  const lines: string[] = [];
  if (entry?.department) {
    lines.push('この質問の担当は、こちらです。');
    lines.push(...(dept ? departmentLines(dept) : [entry.department]));
    if (entry.contact && entry.contact !== dept?.contact) lines.push(entry.contact);
    lines.push('');
  }
  lines.push('人と話したいときは、こちらへお問い合わせください。');
  lines.push(...cityContactLines(deps.city));
  const quick = [
    ...callChoice(dept?.phone, '担当課に電話'),
    ...callChoice(deps.city.contact.phone, '市役所に電話'),
    {
      label: '担当課の一覧',
      postback: encodePostback({ a: 'topic', topic: 'contact' }),
      displayText: '担当課の一覧',
    },
    menuChoice,
  ];
  return textView(lines.join('\n'), quick);
}

export function human(turn: Turn, entryId?: string): StepResult {
  return {
    views: [humanView(turn, entryId ?? turn.state.lastEntryId)],
    next: turn.state,
    effects: [],
  };
}
