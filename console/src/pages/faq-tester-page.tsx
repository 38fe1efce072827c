/**
 * The FAQ tester: type a question as a resident would, and see what the bot would do (answer,
 * ask which one, or say it does not know), the entries it ranked with their scores, and the
 * words that matched. The question is kept in the address (`?q=`), so a result can be shared.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { FaqSearch, MatchedTerm, Verdict } from '../api/types.js';
import { describedBy, FormField } from '../components/form-field.js';
import { HighlightTerms } from '../components/highlight-terms.js';
import { LoadStatus } from '../components/load-status.js';
import { PageTitle } from '../components/page-title.js';
import { formatShare } from '../display-format.js';
import { usePageReady } from '../page-ready.js';
import { navigate, useLocation } from '../router.js';
import { useApi } from '../use-api.js';

const VERDICTS: Record<Verdict, { label: string; note: string }> = {
  answered: { label: '回答する', note: '1位の回答をそのまま返します。' },
  ambiguous: {
    label: '候補から選んでもらう',
    note: '確かな1件がないため、候補を並べて選んでもらいます。',
  },
  no_answer: { label: '回答なし', note: '当てはまる回答がないため、問い合わせ先を案内します。' },
};

const FIELDS: Record<string, string> = {
  question: '質問文',
  alt_question: '別の聞き方',
  reading: '読み',
  keywords: 'キーワード',
  answer: '回答',
  synonyms: '言い換え',
  category: '分類',
};

const termOf = (m: MatchedTerm) => (typeof m === 'string' ? m : m.term);
const fieldsOf = (m: MatchedTerm) =>
  typeof m === 'string' ? '' : (m.fields ?? []).map((f) => FIELDS[f] ?? f).join('・');

export function FaqTesterPage() {
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  const { data, error, loading, reload } = useApi(
    () => (q ? api.get<FaqSearch>('/faq/search', { q, top: 10 }) : Promise.resolve(undefined)),
    [q],
  );
  usePageReady('faq', !loading, 'FAQ テスト');
  const fieldError = error?.problems['q'];

  const submit = (e: Event) => {
    e.preventDefault();
    const v = text.trim();
    navigate(v ? `/faq?q=${encodeURIComponent(v)}` : '/faq');
    if (v === q) reload();
  };

  return (
    <>
      <PageTitle>FAQ テスト</PageTitle>
      <p>住民の方が送りそうな言葉で質問を入力すると、窓口がどう答えるかを確かめられます。</p>
      <form class="search-form" onSubmit={submit} role="search" aria-label="FAQ テスト">
        <FormField
          id="faq-q"
          label="質問"
          hint="例: マイナンバーカードの更新はどこでできますか"
          error={fieldError}
        >
          <input
            id="faq-q"
            name="q"
            type="search"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            {...describedBy('faq-q', true, fieldError)}
          />
        </FormField>
        <button type="submit" class="button-primary">
          調べる
        </button>
      </form>
      <LoadStatus loading={loading} error={fieldError ? undefined : error} retry={reload} />
      {data && !loading && (
        <section aria-labelledby="h-verdict" class="faq-result">
          <h2 id="h-verdict">
            判定:{' '}
            <span class={`verdict verdict-${data.verdict}`}>{VERDICTS[data.verdict].label}</span>
          </h2>
          <p>{VERDICTS[data.verdict].note}</p>
          <p class="muted">
            検索した語: {data.terms.length ? data.terms.join('、') : '（なし）'}（
            {data.tookMs.toFixed(1)}ミリ秒）
          </p>
          {data.repaired && data.repaired.length > 0 && (
            <p class="muted">
              読み替え: {data.repaired.map((r) => `「${r.typed}」→「${r.term}」`).join('、')}
            </p>
          )}
          {data.results.length === 0 ? (
            <p>当てはまる質問はありませんでした。</p>
          ) : (
            <ol class="ranking" aria-label="候補の順位">
              {data.results.map((r) => (
                <li key={r.id} class="ranking-item">
                  <div class="ranking-head">
                    <span class="rank">{r.rank}位</span>
                    <span class="ranking-question">
                      <HighlightTerms text={r.question} terms={r.matched.map(termOf)} />
                    </span>
                  </div>
                  <div class="score">
                    <span class="score-label">確からしさ {formatShare(r.score)}</span>
                    <span class="bar-track" aria-hidden="true">
                      <span class="bar-fill" style={{ width: `${Math.round(r.score * 100)}%` }} />
                    </span>
                    <span class="muted">順位の点数 {r.relevance.toFixed(2)}</span>
                  </div>
                  <p class="muted">
                    {r.id}
                    {r.department && ` ／ ${r.department}`}
                    {r.status !== 'published' && ` ／ ${r.status}`}
                  </p>
                  {r.matched.length > 0 && (
                    <p class="matched">
                      一致した語:{' '}
                      {r.matched.map((m, i) => (
                        <span key={i} class="chip">
                          {termOf(m)}
                          {fieldsOf(m) && <span class="muted">（{fieldsOf(m)}）</span>}
                        </span>
                      ))}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
