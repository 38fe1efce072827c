/**
 * When the notice goes out: as soon as it is confirmed, or at a chosen Japan time; and whether
 * it is urgent (sent even during the night hold, with a red heading).
 */
import type { Problems } from '../api/problems.js';
import type { Meta } from '../api/types.js';
import { describedBy, FieldError } from '../components/form-field.js';
import { RadioChoices } from '../components/radio-choices.js';
import type { Draft } from './compose-draft.js';

function quietText(meta: Meta): string {
  if (meta.quietHours === 'off') return '';
  const { start, end } = meta.quietHours;
  return `緊急でないお知らせは、夜間（${start}時〜${end}時）にかかると朝${end}時まで待ってから送ります。`;
}

export function SendTimeFields(props: {
  draft: Draft;
  meta: Meta;
  problems: Problems;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const { draft, problems } = props;
  const quiet = quietText(props.meta);
  return (
    <>
      <fieldset class={`send-time${problems['sendAt'] ? ' has-error' : ''}`}>
        <legend>送信のタイミング</legend>
        <RadioChoices
          name="send-mode"
          value={draft.sendMode}
          choices={[
            { value: 'now', label: '今すぐ（送信を確定したらすぐ）' },
            { value: 'at', label: '日時を指定する' },
          ]}
          onChange={(sendMode) => props.onChange({ sendMode })}
        />
        {draft.sendMode === 'at' && (
          <div class="field">
            <label for="send-at">送信日時（日本時間）</label>
            <input
              id="send-at"
              name="send-at"
              type="datetime-local"
              value={draft.sendAt}
              onInput={(e) => props.onChange({ sendAt: e.currentTarget.value })}
              {...describedBy('send-at', false, problems['sendAt'])}
            />
            <FieldError id="send-at" error={problems['sendAt']} />
          </div>
        )}
        {quiet && <p class="hint">{quiet}</p>}
      </fieldset>
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            name="urgent"
            checked={draft.urgent}
            onChange={(e) => props.onChange({ urgent: e.currentTarget.checked })}
            aria-describedby="urgent-hint"
          />
          緊急
        </label>
        <p class="hint" id="urgent-hint">
          災害や避難の情報など。夜間でもすぐに送り、見出しが赤くなります。
        </p>
      </div>
    </>
  );
}
