/**
 * Marks the searched words inside a text (`<mark>`), so staff see why an entry matched. Words
 * are searched literally; the search also matched on normalised forms, which may not appear.
 */
export function HighlightTerms(props: { text: string; terms: string[] }) {
  const terms = [...new Set(props.terms.filter((t) => t.trim().length > 0))].sort(
    (a, b) => b.length - a.length, // longest first: 「マイナンバーカード」 before 「カード」
  );
  if (terms.length === 0) return <>{props.text}</>;
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = props.text.split(new RegExp(`(${escaped.join('|')})`, 'gi'));
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}
