/**
 * A page's heading. It takes focus after moving between pages (tabIndex -1), so a screen reader
 * announces where the user arrived and Tab continues from the page's top.
 */
import type { ComponentChildren } from 'preact';

export function PageTitle(props: { children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <div class="page-title">
      <h1 tabIndex={-1}>{props.children}</h1>
      {props.actions && <div class="page-actions">{props.actions}</div>}
    </div>
  );
}
