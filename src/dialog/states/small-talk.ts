// こんにちは / ありがとう: a short friendly answer that leads back to the menu.
import { textView } from '../../messages/index.js';
import type { StepResult, Turn } from '../types.js';
import { baseQuick } from '../choices.js';

export function hello({ state, deps }: Turn): StepResult {
  const text = `こんにちは。${deps.city.name}の「窓口」です。聞きたいことを、文字で送ってください。`;
  return { views: [textView(text, baseQuick())], next: state, effects: [] };
}

export function thanks({ state }: Turn): StepResult {
  return {
    views: [textView('どういたしまして。またいつでも聞いてください。', baseQuick())],
    next: state,
    effects: [],
  };
}
