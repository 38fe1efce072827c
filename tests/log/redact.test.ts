import { describe, expect, it } from 'vitest';
import {
  createUserIdHasher,
  MY_NUMBER_REMOVED,
  redactText,
  redactValue,
} from '../../src/log/index.js';

const hash = createUserIdHasher('test-key');
const r = (text: string) => redactText(text, hash);
const U = 'U4af4980629ab1c2d3e4f5a6b7c8d9e0f';

describe('redactText', () => {
  it('removes 12-digit マイナンバー-like numbers, however they are written', () => {
    for (const n of [
      '123456789012',
      '1234 5678 9012',
      '1234-5678-9012',
      '１２３４５６７８９０１２',
      '１２３４　５６７８　９０１２',
      '1234ー5678ー9012',
      '0123-4567-8901',
      '090123456789',
    ]) {
      const out = r(`番号は${n}です`);
      expect(out).toBe(`番号は${MY_NUMBER_REMOVED}です`);
      expect(out.replace(/\D/g, '')).toBe('');
    }
  });

  it('leaves shorter and longer digit runs alone (timestamps, ids)', () => {
    expect(r('ts=1712345678901 id=12345678901')).toBe('ts=1712345678901 id=12345678901');
  });

  it('masks phone numbers, keeping their last two digits', () => {
    expect(r('090-1234-5678 に電話')).toBe('***-****-**78 に電話');
    expect(r('0568(72)1234')).toBe('****(**)**34');
    expect(r('０５６８－７６－１１１１')).toBe('****-**-**11');
    expect(r('+81 90 1234 5678')).toBe('+** ** **** **78');
  });

  it('masks e-mail addresses', () => {
    expect(r('連絡先 taro.yamada@example.co.jp まで')).toBe('連絡先 t***@example.co.jp まで');
  });

  it('hashes LINE user ids with the key, the same id always to the same hash', () => {
    const out = r(`from ${U}`);
    expect(out).not.toContain(U);
    expect(out).toMatch(/^from uid:[0-9a-f]{16}$/);
    expect(r(`again ${U}`).slice(6)).toBe(out.slice(5));
    expect(redactText(U, createUserIdHasher('other-key'))).not.toBe(r(U));
  });
});

describe('redactValue', () => {
  it('walks objects, arrays and errors, and hashes values under user-id keys', () => {
    const err = Object.assign(new Error(`LINE refused push to ${U}`), {
      code: 'line/api-error',
      status: 400,
    });
    const out = redactValue(
      {
        userId: 'U1',
        to: ['U2', 'U3'],
        text: 'マイナンバーは 1234 5678 9012',
        nested: { list: [{ mail: 'a@b.example' }], n: 123456789012 },
        err,
      },
      hash,
    );
    const json = JSON.stringify(out);
    expect(json).not.toMatch(/"U1"|"U2"|"U3"|1234 5678 9012|123456789012|a@b\.example/);
    expect(json).not.toContain(U);
    expect(out).toMatchObject({
      userId: hash('U1'),
      to: [hash('U2'), hash('U3')],
      nested: { list: [{ mail: 'a***@b.example' }], n: MY_NUMBER_REMOVED },
      err: { type: 'Error', code: 'line/api-error', status: 400 },
    });
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(() => JSON.stringify(redactValue(a, hash))).not.toThrow();
  });
});
