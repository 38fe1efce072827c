/** Moving through a page with Tab alone, as a keyboard-only staff member does. */
import type { Page } from 'playwright-core';

export interface Focused {
  tag: string;
  id: string;
  /** Trimmed text content (links, buttons). */
  text: string;
  /** The text of the focused control's label (`<label for>` or around it), or its aria-label. */
  label: string;
  /** A checkbox or radio is checked. */
  checked: boolean;
}

// A string, so this file needs no DOM types (the repo's tsconfig has none).
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'BODY', id: '', text: '', label: '', checked: false };
  const byFor = (el.labels && el.labels[0]) ||
    (el.id ? document.querySelector('label[for="' + CSS.escape(el.id) + '"]') : null);
  return {
    tag: el.tagName,
    id: el.id,
    text: (el.textContent || '').trim(),
    label: ((byFor && byFor.textContent) || el.getAttribute('aria-label') || '').trim(),
    checked: el.checked === true,
  };
})()`;

export function focused(page: Page): Promise<Focused> {
  return page.evaluate<Focused>(FOCUSED);
}

/** Presses Tab until `wanted` holds for the focused element (at most `max` presses). */
export async function tabTo(
  page: Page,
  wanted: (el: Focused) => boolean,
  max = 60,
): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (wanted(el)) return el;
    seen.push(`${el.tag}#${el.id} ${el.text.slice(0, 20) || el.label}`);
  }
  throw new Error(`not reached with ${max} Tabs; focus went through:\n${seen.join('\n')}`);
}
