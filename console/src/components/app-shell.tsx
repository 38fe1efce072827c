/**
 * The frame around every page: a skip link (keyboard users jump past the navigation), the
 * header with who is signed in, the navigation (監査ログ for admins only) and `<main>`, which
 * pages mark `data-ready` once drawn.
 */
import type { ComponentChildren } from 'preact';
import type { Session } from '../api/types.js';
import { Link } from '../router.js';
import { ROLE_LABELS, signOut } from '../session.js';

interface NavItem {
  href: string;
  label: string;
  adminOnly?: boolean;
}

const NAV: NavItem[] = [
  { href: '/', label: 'ダッシュボード' },
  { href: '/broadcasts', label: 'お知らせ配信' },
  { href: '/faq', label: 'FAQ テスト' },
  { href: '/unanswered', label: '未回答の質問' },
  { href: '/reports', label: '月次レポート' },
  { href: '/audit', label: '監査ログ', adminOnly: true },
];

/** The nav item the path belongs to: `/broadcasts/…` stays under お知らせ配信. */
function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function AppShell(props: {
  session: Session | undefined;
  path: string;
  children: ComponentChildren;
}) {
  const { session, path } = props;
  return (
    <>
      <a class="skip-link" href="#main">
        本文へ移動
      </a>
      <header class="app-header">
        <span class="app-name">窓口 管理画面</span>
        {session && (
          <div class="who">
            <span>
              {session.name}（{ROLE_LABELS[session.role]}）
            </span>
            <button type="button" class="button-quiet" onClick={() => void signOut()}>
              サインアウト
            </button>
          </div>
        )}
      </header>
      <div class="app-body">
        {session && (
          <nav class="app-nav" aria-label="メインメニュー">
            <ul>
              {NAV.filter((item) => !item.adminOnly || session.role === 'admin').map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={isCurrent(item.href, path) ? 'page' : undefined}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          {props.children}
        </main>
      </div>
    </>
  );
}
