/**
 * Radios that each take a Tab stop. In a native radio group Tab reaches only the checked radio
 * (the others need the arrow keys), so staff who move with Tab, Space and Enter alone could not
 * choose 「条件で選ぶ」, 「カード」 or 「日時を指定する」. Here each radio has a name of its own
 * (the state decides which one is checked): Tab visits every choice, Space checks the focused
 * one, and the arrow keys still move and check as in a native group. aria-posinset/-setsize keep
 * 「2 of 2」 for screen readers; the surrounding fieldset's legend names the group.
 */
import type { ComponentChildren } from 'preact';

export interface RadioChoice<T extends string> {
  value: T;
  label: ComponentChildren;
  disabled?: boolean;
}

const NEXT: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

export function RadioChoices<T extends string>(props: {
  name: string;
  value: T;
  choices: RadioChoice<T>[];
  onChange: (value: T) => void;
}) {
  const { choices } = props;
  const onKeyDown = (e: KeyboardEvent) => {
    const step = NEXT[e.key];
    const from = e.target as HTMLInputElement;
    if (!step || from.type !== 'radio' || e.altKey || e.ctrlKey || e.metaKey) return;
    const enabled = choices.filter((c) => !c.disabled);
    const at = enabled.findIndex((c) => c.value === from.value);
    const next = enabled[(at + step + enabled.length) % enabled.length];
    if (!next || at < 0) return;
    e.preventDefault();
    props.onChange(next.value);
    const box = e.currentTarget as HTMLElement;
    box.querySelector<HTMLInputElement>(`input[value="${CSS.escape(next.value)}"]`)?.focus();
  };
  return (
    <div class="choices" onKeyDown={onKeyDown}>
      {choices.map((c, i) => (
        <label key={c.value} class="check">
          <input
            type="radio"
            name={`${props.name}-${c.value}`}
            value={c.value}
            checked={props.value === c.value}
            disabled={c.disabled}
            aria-posinset={i + 1}
            aria-setsize={choices.length}
            onChange={() => props.onChange(c.value)}
          />
          {c.label}
        </label>
      ))}
    </div>
  );
}
