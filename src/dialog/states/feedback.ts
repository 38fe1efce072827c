// 「役に立った」/「役に立たなかった」: recorded with the entry id; the latter offers a person.
import { textView } from '../../messages/index.js';
import type { StepResult, Turn } from '../types.js';
import { baseQuick } from '../choices.js';
import { humanView } from './human.js';

export function feedback(turn: Turn, entryId: string, helpful: boolean): StepResult {
  const effects = turn.deps.entry(entryId) ? [{ type: 'feedback' as const, entryId, helpful }] : [];
  if (helpful) {
    const view = textView(
      'ありがとうございます。ほかにも聞きたいことがあれば、どうぞ。',
      baseQuick(),
    );
    return { views: [view], next: turn.state, effects };
  }
  const sorry = textView('お役に立てず、ごめんなさい。いただいた声は、答えの見直しに使います。');
  return { views: [sorry, humanView(turn, entryId)], next: turn.state, effects };
}
