/**
 * Each page says when its data is on screen: `<main data-ready="dashboard">`. The e2e tests and
 * the page-load bench wait for it (page names: console/README.md). Also sets the tab title, so
 * staff with several tabs open can tell them apart.
 */
import { useEffect } from 'preact/hooks';

export function usePageReady(page: string, ready: boolean, title?: string): void {
  useEffect(() => {
    if (title) document.title = `${title} | 窓口 管理画面`;
  }, [title]);
  useEffect(() => {
    const main = document.querySelector('main');
    if (!main) return;
    if (ready) main.dataset['ready'] = page;
    else if (main.dataset['ready'] === page) delete main.dataset['ready'];
    return () => {
      if (main.dataset['ready'] === page) delete main.dataset['ready'];
    };
  }, [page, ready]);
}
