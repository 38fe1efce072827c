/**
 * What a page shows while its data loads or when loading failed (with a retry button), so no
 * page is ever blank without a word.
 */
import type { ApiError } from '../api/client.js';

export function LoadStatus(props: {
  loading: boolean;
  error: ApiError | undefined;
  retry: () => void;
}) {
  if (props.error) {
    return (
      <div class="notice-box error" role="alert">
        <p>{props.error.message}</p>
        <button type="button" onClick={() => props.retry()}>
          もう一度読み込む
        </button>
      </div>
    );
  }
  if (props.loading) {
    return (
      <p class="loading" role="status">
        読み込み中…
      </p>
    );
  }
  return null;
}
