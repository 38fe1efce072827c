// Showing one entry: after a confident search, a candidate tap, a related or topic question.
import { textView } from '../../messages/index.js';
import type { StepResult, Turn } from '../types.js';
import { entryView } from '../entry-card.js';
import { baseQuick } from '../choices.js';

export function showEntry({ state, deps }: Turn, id: string): StepResult {
  const entry = deps.entry(id);
  if (!entry) {
    // An old button whose entry was removed from the FAQ since.
    const view = textView(
      'ごめんなさい。この質問の案内は、いまは見つかりません。もう一度、文字で質問してください。',
      baseQuick(),
    );
    return { views: [view], next: { ...state, candidates: [] }, effects: [] };
  }
  return {
    views: [entryView(entry, deps)],
    next: { v: 1, lastEntryId: entry.id, candidates: [] },
    effects: [],
  };
}
