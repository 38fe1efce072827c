/**
 * `GET /admin/api/meta` (viewer+): what the console's forms offer, in one request: the city,
 * who is signed in, topics, areas and age bands (target builder), the notice templates and
 * their fields (compose), quiet hours, the number of test accounts, and the departments.
 */
import type { RequestHandler, Router } from 'express';
import { DEFAULT_QUIET_HOURS, NOTICE_LAYOUTS } from '../../delivery/index.js';
import { AGE_BANDS, NOTICE_TEMPLATES } from '../../schema/index.js';
import { actorOf } from './auth.js';
import { contentOr503, departmentsOf } from './console-deps.js';
import type { AdminConsoleDeps } from './console-deps.js';

type ParamKind = 'text' | 'url' | 'date';

/** The words staff see for each template and field (the layouts name them in English). */
const TEMPLATE_LABELS: Record<(typeof NOTICE_TEMPLATES)[number], string> = {
  notice: 'お知らせ',
  event: 'イベント・講座',
};
const PARAMS: Record<string, { label: string; multiline?: boolean; kind?: ParamKind }> = {
  body: { label: '本文', multiline: true },
  note: { label: '補足', multiline: true },
  date: { label: '日時', kind: 'date' },
  place: { label: '場所' },
  fee: { label: '費用' },
  linkLabel: { label: 'ボタンの文言' },
  linkUrl: { label: 'ボタンのリンク先（https://）', kind: 'url' },
};

/** The notice templates and their fields as the compose form shows them (built once). */
export const TEMPLATES_META = NOTICE_TEMPLATES.map((id) => {
  const layout = NOTICE_LAYOUTS[id];
  const param = (name: string, required: boolean) => {
    const p = PARAMS[name] ?? { label: name };
    return {
      name,
      label: p.label,
      required,
      multiline: p.multiline === true,
      kind: p.kind ?? 'text',
    };
  };
  return {
    id,
    label: TEMPLATE_LABELS[id],
    params: [
      ...layout.required.map((n) => param(n, true)),
      ...layout.optional.map((n) => param(n, false)),
    ],
  };
});

export function metaRoute(router: Router, deps: AdminConsoleDeps, viewer: RequestHandler): void {
  router.get('/meta', viewer, (_req, res) => {
    const content = contentOr503(deps, res);
    if (!content) return;
    const { city } = content;
    const actor = actorOf(res);
    res.json({
      city: city.id,
      cityName: city.name,
      role: actor.role,
      name: actor.name,
      topics: city.topics.map((t) => ({ id: t.id, label: t.label })),
      areas: city.areas.map((a) => ({ id: a, label: a })),
      ages: AGE_BANDS.map((b) => ({ id: b.id, label: b.label })),
      templates: TEMPLATES_META,
      quietHours: deps.quietHours ?? DEFAULT_QUIET_HOURS,
      testAccounts: deps.testAccounts ?? 0,
      departments: departmentsOf(content),
    });
  });
}
