/**
 * Each page says when its data is on screen: `<main data-ready="dashboard">`. The e2e tests and
 * the page-load bench wait for it (page names: console/README.md). Also sets the tab title, so
 * staff with several tabs open can tell them apart.
 */
import { useEffect } from 'preact/hooks';

let headingWanted = false;

/** Focuses the page's heading (tabIndex -1), so a screen reader says where the user is. */
export function focusHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus();
}

/**
 * After moving to another page, signing in or out: focus the heading now, and again once the
 * page's data is drawn (a page that was loading draws its heading anew, and focus left on a
 * vanished element falls to <body>, from where Tab starts at the top of the document).
 */
export function focusHeadingWhenReady(): void {
  headingWanted = true;
  focusHeading();
}

function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active.matches('main h1');
}

export function usePageReady(page: string, ready: boolean, title?: string): void {
  useEffect(() => {
    if (title) document.title = `${title} | 窓口 管理画面`;
  }, [title]);
  useEffect(() => {
    const main = document.querySelector('main');
    if (!main) return;
    if (ready) {
      main.dataset['ready'] = page;
      if (headingWanted && focusIsLost()) focusHeading();
      headingWanted = false;
    } else if (main.dataset['ready'] === page) delete main.dataset['ready'];
    return () => {
      if (main.dataset['ready'] === page) delete main.dataset['ready'];
    };
  }, [page, ready]);
}
