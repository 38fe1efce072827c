/** An address the console does not know (or a page the role may not see). */
import { PageTitle } from '../components/page-title.js';
import { usePageReady } from '../page-ready.js';
import { Link } from '../router.js';

export function NotFoundPage() {
  usePageReady('not-found', true, 'ページが見つかりません');
  return (
    <>
      <PageTitle>ページが見つかりません</PageTitle>
      <p>
        アドレスを確かめるか、<Link href="/">ダッシュボード</Link>に戻ってください。
      </p>
    </>
  );
}
