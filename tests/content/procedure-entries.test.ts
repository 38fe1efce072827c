import { describe, expect, it } from 'vitest';
import { procedureEntries } from '../../src/content/index.js';
import { ProcedureCatalogueSchema } from '../../src/schema/index.js';

const catalogue = ProcedureCatalogueSchema.parse({
  systems: ['ぴったりサービス', 'ロゴフォーム'],
  as_of: '2024-03',
  department: '情報政策課',
  source: 'plan.txt:4',
  procedures: [
    {
      id: 'x-proc-1',
      name: '転入届',
      department: '市民課',
      certificate_required: true,
      aliases: ['引っ越しの届け'],
      source: 'plan.txt:9',
    },
    { id: 'x-proc-2', name: '犬の登録', certificate_required: false, system: 'ロゴフォーム' },
    { id: 'x-proc-3', name: '手当の申請', certificate_required: false, status: 'planned' },
    { id: 'x-proc-4', name: '古い届', certificate_required: false, status: 'ended' },
  ],
});

describe('procedureEntries', () => {
  const [tennyu, inu, planned, ended] = procedureEntries(catalogue);

  it('asks 「○○はオンラインでできますか」 and answers yes, with the systems and the certificate', () => {
    expect(tennyu).toMatchObject({
      id: 'x-proc-1',
      question: '転入届はオンラインでできますか？',
      category: 'online',
      department: '市民課',
      status: 'live',
      as_of: '2024-03',
      source: ['plan.txt:9'],
    });
    expect(tennyu?.answer).toMatch(/^はい、転入届はオンラインでできます（2024年3月時点）。/);
    expect(tennyu?.answer).toContain(
      '申し込みは、ぴったりサービス、ロゴフォームのどれかからです。',
    );
    expect(tennyu?.answer).toContain('マイナンバーカードの電子証明書が必要です');
    expect(tennyu?.answer).toContain('市民課にお問い合わせください');
  });

  it('writes colloquial alt questions from the name and every alias', () => {
    expect(tennyu?.alt_questions).toEqual(
      expect.arrayContaining([
        '転入届 ネットで',
        '転入届 オンライン申請',
        '転入届 スマホから',
        '引っ越しの届け ネットで',
        '引っ越しの届け スマホから',
      ]),
    );
    expect(tennyu?.keywords).toEqual(['転入届', '引っ越しの届け']);
  });

  it('names the procedure its own system, says no certificate is needed, and falls back to the catalogue', () => {
    expect(inu?.answer).toContain('ロゴフォームから申し込めます');
    expect(inu?.answer).toContain('電子証明書がなくても申し込めます');
    expect(inu?.department).toBe('情報政策課');
    expect(inu?.source).toEqual(['plan.txt:4']);
  });

  it('answers a planned procedure as a plan and an ended one as ended, never with はい', () => {
    expect(planned?.status).toBe('planned');
    expect(planned?.answer).toMatch(/計画です/);
    expect(planned?.answer).not.toMatch(/^はい/);
    expect(ended?.answer).toMatch(/終わりました/);
    expect(ended?.answer).not.toMatch(/^はい/);
  });
});
