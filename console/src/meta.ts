/**
 * The city's choices (topics, areas, ages, templates, departments) from `GET /meta`, loaded once
 * per sign-in and shared by every page that needs them.
 */
import { api } from './api/client.js';
import type { Meta } from './api/types.js';
import { useApi } from './use-api.js';
import type { Loaded } from './use-api.js';

let cached: Promise<Meta> | undefined;

export function loadMeta(): Promise<Meta> {
  cached ??= api.get<Meta>('/meta').catch((err: unknown) => {
    cached = undefined; // a failed load is tried again next time, not remembered
    throw err;
  });
  return cached;
}

/** Forgets the choices (after sign-out: another user may sign in with another role). */
export function forgetMeta(): void {
  cached = undefined;
}

export function useMeta(): Loaded<Meta> {
  return useApi(loadMeta, []);
}
