/**
 * A tiny router on the History API under the console's base path (`/admin`). Routes are plain
 * patterns (`/broadcasts/:id`); links are real `<a href>` so a middle click or "open in new tab"
 * works, and a plain click is turned into `pushState` without a page load.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Where the server mounts the console; every route below is relative to it. */
export const BASE = '/admin';

const listeners = new Set<() => void>();

/** The current route path without the base: `/broadcasts/20260401-k3f9qz`, or `/`. */
export function currentPath(): string {
  const path = window.location.pathname;
  const rest = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return rest === '' ? '/' : rest.length > 1 ? rest.replace(/\/$/, '') : rest;
}

/** The current query string's values (`?month=2026-10`). */
export function currentQuery(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/** Goes to a route (`/broadcasts/new`, optionally with `?query`); `replace` keeps history short. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = BASE + to;
  if (url === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => {
  for (const listener of listeners) listener();
});

/** Re-renders the caller when the route changes; returns the path and query. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return { path: currentPath(), query: currentQuery() };
}

/** Matches `/broadcasts/:id` against a path; returns the parameters or undefined. */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (!g) return undefined;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) return undefined;
  }
  return params;
}

interface LinkProps {
  href: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
}

/** A link inside the console: `href` is a route (`/faq`); a plain click does not reload. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a {...rest} href={BASE + href} onClick={onClick}>
      {children}
    </a>
  );
}
