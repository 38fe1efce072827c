// 通知設定: the settings flow comes later (another issue); until then an honest "in preparation".
import { textView } from '../../messages/index.js';
import type { StepResult, Turn } from '../types.js';
import { baseQuick } from '../choices.js';

export function settings({ state }: Turn): StepResult {
  const text = [
    '通知設定は、いま準備中です。',
    'できるようになったら、受け取るお知らせの種類（防災、子育てなど）や地区を選べるようになります。',
    'それまでは、聞きたいことを文字で送るか、メニューから選んでください。',
  ].join('\n');
  return { views: [textView(text, baseQuick())], next: state, effects: [] };
}
