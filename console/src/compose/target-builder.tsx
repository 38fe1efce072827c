/**
 * Who receives the notice: 全員, or any of the chosen topics × areas × ages, with the number
 * of residents it reaches now, asked from the server as the choice changes (debounced) and
 * announced politely to screen readers.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, asApiError } from '../api/client.js';
import type { AudienceCount, Choice, Meta, Target } from '../api/types.js';
import { FieldError } from '../components/form-field.js';
import { RadioChoices } from '../components/radio-choices.js';
import { formatCount } from '../display-format.js';
import type { Draft } from './compose-draft.js';
import { targetOf } from './compose-draft.js';
import { ALL_RESIDENTS } from '../target-text.js';

const COUNT_DELAY_MS = 300;

function ChoiceGroup(props: {
  legend: string;
  name: string;
  choices: Choice[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.chosen, id] : props.chosen.filter((c) => c !== id));
  return (
    <fieldset class="choice-group">
      <legend>{props.legend}</legend>
      <div class="choices">
        {props.choices.map((c) => (
          <label key={c.id} class="check">
            <input
              type="checkbox"
              name={props.name}
              value={c.id}
              checked={props.chosen.includes(c.id)}
              onChange={(e) => toggle(c.id, e.currentTarget.checked)}
            />
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Asks for the count of a target after the choice settles; undefined while none is chosen. */
function useAudienceCount(target: Target | undefined) {
  const [state, setState] = useState<{ count?: number; error?: string; busy: boolean }>({
    busy: false,
  });
  const key = JSON.stringify(target ?? null);
  useEffect(() => {
    if (!target) {
      setState({ busy: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(() => {
      api.post<AudienceCount>('/audience/count', { target }).then(
        (r) => live && setState({ count: r.count, busy: false }),
        (err: unknown) => live && setState({ error: asApiError(err).message, busy: false }),
      );
    }, COUNT_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}

export function TargetBuilder(props: {
  draft: Draft;
  meta: Meta;
  error: string | undefined;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const { draft, meta } = props;
  const target = targetOf(draft);
  const count = useAudienceCount(target);
  const segment = draft.targetMode === 'segment';
  let countText = '送信先を選ぶと、届く人数が表示されます。';
  if (target && count.busy) countText = '人数を数えています…';
  else if (target && count.error) countText = `人数を数えられませんでした: ${count.error}`;
  else if (target && count.count !== undefined)
    countText = `この送信先に届く人数: ${formatCount(count.count)}人`;

  return (
    <fieldset
      class={`target-builder${props.error ? ' has-error' : ''}`}
      // Only while the error is on the page: a reference to a missing id is an ARIA error.
      {...(props.error ? { 'aria-describedby': 'target-error' } : {})}
    >
      <legend>送信先</legend>
      <RadioChoices
        name="target-mode"
        value={segment ? 'segment' : 'all'}
        choices={[
          { value: 'all', label: ALL_RESIDENTS },
          { value: 'segment', label: '条件で選ぶ' },
        ]}
        onChange={(targetMode) => props.onChange({ targetMode })}
      />
      {segment && (
        <div class="segment-choices">
          <p class="hint">
            選んだ分野のどれかを受け取る設定で、選んだ地区・年代のどれかに当てはまる人に届きます。選ばない項目は「すべて」です。
          </p>
          <ChoiceGroup
            legend="分野"
            name="topics"
            choices={meta.topics}
            chosen={draft.topics}
            onChange={(topics) => props.onChange({ topics })}
          />
          <ChoiceGroup
            legend="地区"
            name="areas"
            choices={meta.areas}
            chosen={draft.areas}
            onChange={(areas) => props.onChange({ areas })}
          />
          <ChoiceGroup
            legend="年代"
            name="ages"
            choices={meta.ages}
            chosen={draft.ages}
            onChange={(ages) => props.onChange({ ages })}
          />
        </div>
      )}
      <p
        class="audience-count"
        id="audience-count"
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        {countText}
      </p>
      <FieldError id="target" error={props.error} />
    </fieldset>
  );
}
