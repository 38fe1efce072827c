/**
 * Who is signed in, shared by every page. The server keeps the session (an HttpOnly cookie the
 * console never sees); the console keeps its name, role and CSRF token, and learns it ended
 * when any request answers 401, and then shows sign-in in place of the page, keeping the URL:
 * after signing in again, the same page (and its saved draft) comes back.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, configureClient } from './api/client.js';
import type { AdminRole, Session } from './api/types.js';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; session: Session };

let state: SessionState = { status: 'checking' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

configureClient({
  csrfToken: () => (state.status === 'signed-in' ? state.session.csrfToken : undefined),
  signedOut: (code) => set({ status: 'signed-out', ...(code ? { reason: code } : {}) }),
});

/** The session state; re-renders the caller when it changes. */
export function useSession(): SessionState {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return state;
}

/** Asks the server whether the cookie still holds a session (at start). */
export async function checkSession(): Promise<void> {
  try {
    set({ status: 'signed-in', session: await api.session<Session>('GET') });
  } catch {
    set({ status: 'signed-out' });
  }
}

/** Signs in with a token; throws the API's refusal (shown next to the token field). */
export async function signIn(token: string): Promise<void> {
  set({ status: 'signed-in', session: await api.session<Session>('POST', { token }) });
}

export async function signOut(): Promise<void> {
  try {
    await api.session('DELETE');
  } finally {
    set({ status: 'signed-out', reason: 'signed-out' });
  }
}

const RANK: Record<AdminRole, number> = { viewer: 1, broadcaster: 2, admin: 3 };

/** True when the signed-in role is at least `role` (viewer ⊂ broadcaster ⊂ admin). */
export function hasRole(s: SessionState, role: AdminRole): boolean {
  return s.status === 'signed-in' && RANK[s.session.role] >= RANK[role];
}

export const ROLE_LABELS: Record<AdminRole, string> = {
  viewer: '閲覧',
  broadcaster: '配信担当',
  admin: '管理者',
};
