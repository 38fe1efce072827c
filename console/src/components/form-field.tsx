/**
 * A labelled form field with its hint and its error right below it. The error is tied to the
 * control (`aria-describedby`, `aria-invalid`) and announced (`role="alert"`) when it appears.
 */
import type { ComponentChildren } from 'preact';

/** The id of a field's error text, for `aria-describedby`. */
export const errorId = (id: string) => `${id}-error`;
export const hintId = (id: string) => `${id}-hint`;

/** The ARIA attributes a control needs to point at its hint and error (and say it is required). */
export function describedBy(
  id: string,
  hint: boolean,
  error: string | undefined,
  required = false,
) {
  const ids = [hint ? hintId(id) : '', error ? errorId(id) : ''].filter(Boolean).join(' ');
  return {
    ...(required ? { 'aria-required': true as const } : {}),
    ...(ids ? { 'aria-describedby': ids } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
}

export function FieldError(props: { id: string; error: string | undefined }) {
  if (!props.error) return null;
  return (
    <p class="field-error" id={errorId(props.id)} role="alert">
      {props.error}
    </p>
  );
}

/** A field: label (with 必須 when required), the control given as children, hint, error. */
export function FormField(props: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      {/* 必須 sits outside the label, so the field's name stays 「本文」; the control itself
          says aria-required. */}
      <div class="field-label">
        <label for={props.id}>{props.label}</label>
        {props.required && (
          <span class="required" aria-hidden="true">
            必須
          </span>
        )}
      </div>
      {props.hint && (
        <p class="hint" id={hintId(props.id)}>
          {props.hint}
        </p>
      )}
      {props.children}
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

/** The page-level message of a refusal, with the problems that fit no field. */
export function FormErrorSummary(props: { message: string | undefined; rest?: string }) {
  if (!props.message && !props.rest) return null;
  return (
    <div class="notice-box error" role="alert">
      {props.message && <p>{props.message}</p>}
      {props.rest && <p>{props.rest}</p>}
    </div>
  );
}
