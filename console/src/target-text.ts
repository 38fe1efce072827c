/**
 * A target and a send time in words, as the compose form names them, so that the list, the
 * detail page and the send dialog say what the form said: 「全員（配信停止の人を除く友だち全員）」,
 * 「分野: 防災・緊急、子育て ／ 地区: 中部」, 「送信を確定したらすぐ」. Labels come from the city's
 * choices when loaded; until then the ids stand in. (The server's own `targetText` says 種類 and
 * shows area ids, so the console does not show it.)
 */
import type { Meta, Target } from './api/types.js';
import { formatJst } from './display-format.js';

/** The compose form's 全員 choice, word for word. */
export const ALL_RESIDENTS = '全員（配信停止の人を除く友だち全員）';
/** The compose form's 今すぐ choice, as a send time. */
export const SEND_ON_CONFIRM = '送信を確定したらすぐ';

// Labels themselves contain 「・」 (ごみ・環境), so the list is joined with 「、」.
function labels(ids: readonly string[] | undefined, choices: Meta['topics'] | undefined): string {
  return (ids ?? []).map((id) => choices?.find((c) => c.id === id)?.label ?? id).join('、');
}

/** `short` (tables): 「全員」 rather than the whole 全員 choice. */
export function targetText(
  target: Target,
  meta: Meta | undefined,
  options: { short?: boolean } = {},
): string {
  if ('all' in target) return options.short ? '全員' : ALL_RESIDENTS;
  const parts = [
    target.topics ? `分野: ${labels(target.topics, meta?.topics)}` : '',
    target.areas ? `地区: ${labels(target.areas, meta?.areas)}` : '',
    target.ages ? `年代: ${labels(target.ages, meta?.ages)}` : '',
  ].filter(Boolean);
  return parts.join(' ／ ');
}

/** A send time held for the night, as the compose form's hint explains it. */
export function heldText(at: string): string {
  return `（夜間のため、${formatJst(at)} まで待ってから送ります）`;
}
