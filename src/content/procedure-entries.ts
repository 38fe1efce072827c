/**
 * Turns a city's catalogue of online procedures (`procedures.yaml`) into searchable FAQ entries.
 * Pure: the same catalogue always gives the same entries. Only catalogued procedures get a
 * 「はい」; anything else is left to the search verdict (no_answer → ask staff).
 */
import type { FaqEntry, Procedure, ProcedureCatalogue } from '../schema/index.js';

/** One FAQ entry per catalogued procedure, in catalogue order. */
export function procedureEntries(catalogue: ProcedureCatalogue): FaqEntry[] {
  return catalogue.procedures.map((p) => procedureEntry(p, catalogue));
}

function procedureEntry(p: Procedure, c: ProcedureCatalogue): FaqEntry {
  const names = unique([p.name, ...p.aliases]);
  const source = p.source ?? c.source;
  return {
    id: p.id,
    question: `${p.name}はオンラインでできますか？`,
    answer: answerFor(p, c),
    alt_questions: unique([
      ...names.flatMap((n) => [`${n} ネットで`, `${n} オンライン申請`, `${n} スマホから`]),
      `${p.name}をネットで申し込みたい`,
      `${p.name} 電子申請`,
    ]),
    keywords: names,
    category: 'online',
    department: p.department ?? c.department,
    contact: c.contact,
    links: c.links,
    status: p.status,
    as_of: c.as_of,
    source: source === undefined ? undefined : [source],
    related: [],
  };
}

function answerFor(p: Procedure, c: ProcedureCatalogue): string {
  const when = `（${monthOf(c.as_of)}時点）`;
  const ask = `わからないことは${p.department ?? c.department ?? '市役所'}にお問い合わせください。`;
  if (p.status === 'planned') {
    return `${p.name}は、オンラインで申し込めるようにする計画です${when}。いまの手続きの方法は、${
      p.department ?? c.department ?? '市役所'
    }にお問い合わせください。`;
  }
  if (p.status === 'ended') {
    return `${p.name}のオンライン申請は終わりました${when}。手続きの方法は、${
      p.department ?? c.department ?? '市役所'
    }にお問い合わせください。`;
  }
  const systems = p.system ? [p.system] : c.systems;
  const where =
    systems.length === 1
      ? `${systems[0]}から申し込めます。`
      : `申し込みは、${systems.join('、')}のどれかからです。`;
  const certificate = p.certificate_required
    ? 'マイナンバーカードの電子証明書が必要です。'
    : 'マイナンバーカードの電子証明書がなくても申し込めます。';
  return `はい、${p.name}はオンラインでできます${when}。${where}${certificate}${ask}`;
}

/** `2024-03` or `2024-03-31` → `2024年3月`. */
function monthOf(asOf: string): string {
  const [y, m] = asOf.split('-');
  return `${y}年${Number(m)}月`;
}

function unique(list: string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter((s) => s.length > 0))];
}
