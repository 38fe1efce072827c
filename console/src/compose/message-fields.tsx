/**
 * The body of a notice: plain text, or a card (Flex template) with the fields the template
 * asks for (from `GET /meta`). Each field shows its own error.
 */
import type { Problems } from '../api/problems.js';
import type { Meta, TemplateParam } from '../api/types.js';
import { describedBy, FormField } from '../components/form-field.js';
import { RadioChoices } from '../components/radio-choices.js';
import type { Draft } from './compose-draft.js';

const PARAM_HINTS: Record<string, string> = {
  url: 'https:// で始まるアドレス',
  date: '例: 12月5日（土）10時〜12時',
};

function ParamField(props: {
  param: TemplateParam;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}) {
  const { param } = props;
  const id = `param-${param.name}`;
  const hint = param.kind ? PARAM_HINTS[param.kind] : undefined;
  const common = {
    id,
    name: id,
    value: props.value,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
    ...describedBy(id, !!hint, props.error, param.required),
  };
  return (
    <FormField
      id={id}
      label={param.label}
      required={param.required}
      hint={hint}
      error={props.error}
    >
      {param.multiline ? (
        <textarea rows={5} {...common} />
      ) : param.kind === 'url' ? (
        <input type="url" {...common} />
      ) : (
        <input type="text" {...common} />
      )}
    </FormField>
  );
}

export function MessageFields(props: {
  draft: Draft;
  meta: Meta;
  problems: Problems;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const { draft, meta, problems } = props;
  const template = meta.templates.find((t) => t.id === draft.template) ?? meta.templates[0];
  return (
    <>
      <fieldset class="choices-inline">
        <legend>本文の形式</legend>
        <RadioChoices
          name="message-type"
          value={draft.messageType}
          choices={[
            { value: 'text', label: '文章だけ' },
            {
              value: 'flex',
              label: 'カード（テンプレート）',
              disabled: meta.templates.length === 0,
            },
          ]}
          onChange={(messageType) => props.onChange({ messageType })}
        />
      </fieldset>
      {draft.messageType === 'text' ? (
        <FormField
          id="message-text"
          label="本文"
          required
          hint="課の名前と問い合わせ先は、本文の後に自動で付きます。"
          error={problems['message.text']}
        >
          <textarea
            id="message-text"
            name="message-text"
            rows={8}
            value={draft.text}
            onInput={(e) => props.onChange({ text: e.currentTarget.value })}
            {...describedBy('message-text', true, problems['message.text'], true)}
          />
        </FormField>
      ) : (
        <>
          <FormField id="template" label="テンプレート" error={undefined}>
            <select
              id="template"
              name="template"
              value={template?.id}
              onChange={(e) =>
                props.onChange({ template: e.currentTarget.value as Draft['template'] })
              }
            >
              {meta.templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </FormField>
          {template?.params.map((param) => (
            <ParamField
              key={`${template.id}-${param.name}`}
              param={param}
              value={draft.params[param.name] ?? ''}
              error={problems[`message.params.${param.name}`]}
              onInput={(value) =>
                props.onChange({ params: { ...draft.params, [param.name]: value } })
              }
            />
          ))}
        </>
      )}
    </>
  );
}
