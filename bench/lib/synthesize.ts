// Grows a pack to any size from real entries, deterministically, so that every synthesized
// entry is a new string (no tokenizer cache can shortcut it) with realistic words and lengths.
import type { FaqEntry } from '../../src/schema/index.js';
import { prng } from './prng.js';


const sentences = (text: string): string[] => text.split(/(?<=[。！？])/u).filter((s) => s.trim());

/**
 * The first `n` entries: the real ones, then variants that pair a real question with part of
 * another question, and a real answer with a sentence of another answer.
 */
export function synthesizePack(real: FaqEntry[], n: number, seed = 1): FaqEntry[] {
  const random = prng(seed);
  const pick = (): FaqEntry => real[Math.floor(random() * real.length)] as FaqEntry;
  const out = real.slice(0, n);
  for (let i = out.length; i < n; i++) {
    const base = real[i % real.length] as FaqEntry;
    const other = pick();
    const extra = sentences(pick().answer);
    out.push({
      ...base,
      id: `${base.id}-s${i}`,
      question: `${base.question}（${other.question.slice(0, 8 + (i % 5))}）`,
      answer: base.answer + (extra[Math.floor(random() * extra.length)] ?? ''),
    });
  }
  return out;
}
