/** Parsing of stored values: every read goes through a zod schema (STYLE habit 5). */
import type { z } from 'zod';
import { DialogStateSchema } from '../schema/index.js';
import type { DialogState } from '../schema/index.js';
import { StoreError } from './store-error.js';

/** Parses a JSON text read back from the store; a mismatch is a `store/bad-state` error. */
export function decode<S extends z.ZodType>(schema: S, raw: string, what: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    throw new StoreError('store/bad-state', `stored ${what} is not JSON`, undefined, { cause });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError('store/bad-state', `stored ${what} does not match its schema`, undefined, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Validates a state before it is written, so nothing unreadable is ever stored. */
export function encodeState(state: DialogState): string {
  return JSON.stringify(DialogStateSchema.parse(state));
}

export function decodeState(raw: string): DialogState {
  return decode(DialogStateSchema, raw, 'dialog state');
}
