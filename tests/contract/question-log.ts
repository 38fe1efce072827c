/**
 * The one contract suite of the `QuestionLog` port.
 * `tests/store/question-log/question-log-memory.test.ts` and
 * `tests/store/question-log/question-log.redis.test.ts` run it against their implementation. Time
 * is a manual clock: retention is tested by moving it, never by sleeping.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionLog, QuestionLogInput } from '../../src/ports.js';
import type { ManualClock } from './manual-clock.js';

export interface QuestionLogHarness {
  log: QuestionLog;
  clock: ManualClock;
  cleanup(): Promise<void>;
}

export type MakeQuestionLog = (options: {
  retentionMonths?: number;
  start: Date;
}) => Promise<QuestionLogHarness>;

const START = new Date('2026-04-15T00:00:00.000Z');
const d = (iso: string) => new Date(iso);

const question = (at: string, query: string, extra: Partial<QuestionLogInput> = {}) =>
  ({
    kind: 'question',
    at,
    city: 'komaki',
    query,
    verdict: 'answered',
    topId: 'komaki-x',
    score: 0.8,
    department: '市民窓口課',
    user: 'uid:0123456789abcdef',
    ...extra,
  }) as QuestionLogInput;

export function questionLogContract(name: string, make: MakeQuestionLog): void {
  describe(`QuestionLog contract: ${name}`, () => {
    let h: QuestionLogHarness;
    let log: QuestionLog;
    beforeEach(async () => {
      h = await make({ start: START });
      log = h.log;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('reads back what was appended, oldest first, each with its own id', async () => {
      await log.append(question('2026-04-10T02:00:00.000Z', 'B'));
      await log.append(question('2026-04-10T01:00:00.000Z', 'A'));
      await log.append({
        kind: 'feedback',
        at: '2026-04-10T02:01:00.000Z',
        city: 'komaki',
        entryId: 'komaki-x',
        helpful: false,
        user: 'uid:0123456789abcdef',
      });
      const got = await log.read('komaki', d('2026-04-01T00:00:00Z'), d('2026-05-01T00:00:00Z'));
      expect(got.map((r) => (r.kind === 'question' ? r.query : `fb:${r.helpful}`))).toEqual([
        'A',
        'B',
        'fb:false',
      ]);
      expect(new Set(got.map((r) => r.id)).size).toBe(3);
      expect(got[0]).toMatchObject({
        kind: 'question',
        at: '2026-04-10T01:00:00.000Z',
        city: 'komaki',
        verdict: 'answered',
        topId: 'komaki-x',
        score: 0.8,
        department: '市民窓口課',
        user: 'uid:0123456789abcdef',
      });
    });

    it('keeps the append order of records with the same time', async () => {
      for (const q of ['1', '2', '3', '4']) await log.append(question('2026-04-10T00:00:00Z', q));
      const got = await log.read('komaki', d('2026-04-10T00:00:00Z'), d('2026-04-11T00:00:00Z'));
      expect(got.map((r) => (r.kind === 'question' ? r.query : ''))).toEqual(['1', '2', '3', '4']);
      expect(got[0]!.at).toBe('2026-04-10T00:00:00.000Z');
    });

    it('reads a half-open range [from, to) of one city', async () => {
      await log.append(question('2026-03-31T14:59:59.999Z', 'before'));
      await log.append(question('2026-03-31T15:00:00.000Z', 'first'));
      await log.append(question('2026-04-30T14:59:59.999Z', 'last'));
      await log.append(question('2026-04-30T15:00:00.000Z', 'after'));
      await log.append(question('2026-04-10T00:00:00.000Z', 'other', { city: 'kashima' }));
      const april = await log.read(
        'komaki',
        d('2026-03-31T15:00:00.000Z'),
        d('2026-04-30T15:00:00.000Z'),
      );
      expect(april.map((r) => (r.kind === 'question' ? r.query : ''))).toEqual(['first', 'last']);
      expect(await log.read('nowhere', d('2026-01-01'), d('2027-01-01'))).toEqual([]);
    });

    it('writes times as UTC ISO whatever offset they came with', async () => {
      await log.append(question('2026-04-10T09:00:00+09:00', 'jst'));
      const [r] = await log.read('komaki', d('2026-04-01'), d('2026-05-01'));
      expect(r!.at).toBe('2026-04-10T00:00:00.000Z');
    });

    it('refuses records that break the schema, without echoing their text', async () => {
      const bad = [
        question('2026-04-10T00:00:00Z', 'x', { user: 'U4af4980629ab1c2d3e4f5a6b7c8d9e0f' }),
        question('2026-04-10T00:00:00Z', 'x', { verdict: 'maybe' as never }),
        question('not a time', 'x'),
        question('2026-04-10T00:00:00Z', 'x', { city: 'Komaki City' }),
      ];
      for (const r of bad) {
        const err = await log.append(r).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'store/bad-record' });
        expect(String((err as Error).message)).not.toContain('U4af49806');
      }
      expect(await log.read('komaki', d('2026-01-01'), d('2027-01-01'))).toEqual([]);
    });

    describe('daily counts', () => {
      const feedback = (at: string, helpful: boolean, city = 'komaki'): QuestionLogInput => ({
        kind: 'feedback',
        at,
        city,
        entryId: 'komaki-x',
        helpful,
      });

      it('counts each JST day’s questions by verdict and its feedback, in the order asked', async () => {
        // 2026-04-13T15:00Z is midnight JST: the 14th in Japan.
        await log.append(question('2026-04-13T14:59:59.000Z', 'late on the 13th'));
        await log.append(question('2026-04-13T15:00:00.000Z', 'a'));
        await log.append(question('2026-04-14T01:00:00+09:00', 'b', { verdict: 'ambiguous' }));
        await log.append(question('2026-04-14T09:00:00.000Z', 'c', { verdict: 'no_answer' }));
        await log.append(feedback('2026-04-14T09:01:00.000Z', true));
        await log.append(feedback('2026-04-14T09:02:00.000Z', false));
        await log.append(question('2026-04-14T10:00:00.000Z', 'x', { city: 'kashima' }));
        await log.append(feedback('2026-04-14T10:01:00.000Z', true, 'kashima'));
        const days = await log.daily('komaki', ['2026-04-15', '2026-04-14', '2026-04-13']);
        expect(days).toEqual([
          {
            day: '2026-04-15',
            questions: 0,
            answered: 0,
            ambiguous: 0,
            noAnswer: 0,
            feedback: 0,
            helpful: 0,
          },
          {
            day: '2026-04-14',
            questions: 3,
            answered: 1,
            ambiguous: 1,
            noAnswer: 1,
            feedback: 2,
            helpful: 1,
          },
          {
            day: '2026-04-13',
            questions: 1,
            answered: 1,
            ambiguous: 0,
            noAnswer: 0,
            feedback: 0,
            helpful: 0,
          },
        ]);
        expect((await log.daily('kashima', ['2026-04-14']))[0]).toMatchObject({
          questions: 1,
          feedback: 1,
          helpful: 1,
        });
      });

      it('counts nothing for a day wholly past the retention, nor for a record dropped as too old', async () => {
        await log.append(question('2025-03-14T10:00:00.000Z', 'too old')); // dropped on arrival
        await log.append(question('2026-04-01T00:00:00.000Z', 'recent'));
        expect((await log.daily('komaki', ['2025-03-14', '2026-04-01']))[1]!.questions).toBe(1);
        expect((await log.daily('komaki', ['2025-03-14']))[0]!.questions).toBe(0);
        h.clock.set(d('2027-05-02T00:00:00.000Z'));
        expect((await log.daily('komaki', ['2026-04-01']))[0]!.questions).toBe(0);
      });
    });

    describe('retention', () => {
      it('keeps 13 months by default: older records are not read, and purge deletes them', async () => {
        await log.append(question('2025-03-16T00:00:00.000Z', 'kept (13 months minus a day)'));
        await log.append(question('2026-04-01T00:00:00.000Z', 'recent'));
        h.clock.set(d('2026-05-01T00:00:00.000Z'));
        // Cutoff now 2025-04-01: the first record is gone from reads at once.
        const all = await log.read('komaki', d('2020-01-01'), d('2030-01-01'));
        expect(all.map((r) => (r.kind === 'question' ? r.query : ''))).toEqual(['recent']);
        expect(await log.purge()).toBe(1);
        expect(await log.purge()).toBe(0);
      });

      it('drops a record that is already past the retention when it arrives', async () => {
        await log.append(question('2025-03-14T23:59:59.000Z', 'too old'));
        await log.append(question('2025-03-15T00:00:00.000Z', 'just kept'));
        const all = await log.read('komaki', d('2020-01-01'), d('2030-01-01'));
        expect(all.map((r) => (r.kind === 'question' ? r.query : ''))).toEqual(['just kept']);
      });

      it('purges every city', async () => {
        await log.append(question('2026-04-01T00:00:00Z', 'a'));
        await log.append(question('2026-04-01T00:00:00Z', 'b', { city: 'kashima' }));
        await log.append(question('2026-04-14T00:00:00Z', 'c', { city: 'kashima' }));
        h.clock.set(d('2027-05-10T00:00:00Z'));
        expect(await log.purge()).toBe(2);
        const left = await log.read('kashima', d('2020-01-01'), d('2030-01-01'));
        expect(left.map((r) => (r.kind === 'question' ? r.query : ''))).toEqual(['c']);
      });

      it('takes a configured retention', async () => {
        await h.cleanup();
        h = await make({ retentionMonths: 1, start: START });
        await h.log.append(question('2026-03-10T00:00:00Z', 'old'));
        await h.log.append(question('2026-04-10T00:00:00Z', 'new'));
        const all = await h.log.read('komaki', d('2020-01-01'), d('2030-01-01'));
        expect(all.map((r) => (r.kind === 'question' ? r.query : ''))).toEqual(['new']);
      });
    });
  });
}
