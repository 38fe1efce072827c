/**
 * Loads data for a page: `useApi(() => api.get('/dashboard'), [])` gives the data, the error
 * (already in Japanese) and `reload`. A newer load wins over an older one still in flight, so
 * fast filter changes never show stale figures.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { asApiError } from './api/client.js';
import type { ApiError } from './api/client.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again; `quiet` keeps the current data on screen meanwhile (auto refresh). */
  reload(quiet?: boolean): void;
}

export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback((quiet = false) => {
    const mine = ++latest.current;
    if (!quiet) setLoading(true);
    loadRef.current().then(
      (value) => {
        if (mine !== latest.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== latest.current) return;
        setError(asApiError(err));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    run();
    // The caller's deps decide when to load again, as with useEffect.
  }, deps);

  return { data, error, loading, reload: run };
}
