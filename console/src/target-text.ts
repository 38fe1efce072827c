/**
 * A target in words, as staff say it: 「全員」, 「防災・緊急 × 中部・東部 × 60代」. Labels come
 * from the city's choices when loaded; until then the ids stand in.
 */
import type { Meta, Target } from './api/types.js';

function labels(ids: readonly string[] | undefined, choices: Meta['topics'] | undefined): string {
  return (ids ?? []).map((id) => choices?.find((c) => c.id === id)?.label ?? id).join('・');
}

export function targetText(target: Target, meta: Meta | undefined): string {
  if ('all' in target) return '全員';
  const parts = [
    target.topics ? `分野: ${labels(target.topics, meta?.topics)}` : '',
    target.areas ? `地区: ${labels(target.areas, meta?.areas)}` : '',
    target.ages ? `年代: ${labels(target.ages, meta?.ages)}` : '',
  ].filter(Boolean);
  return parts.join(' ／ ');
}
