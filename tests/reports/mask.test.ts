import { describe, expect, it } from 'vitest';
import { MY_NUMBER_REMOVED, maskQuestion } from '../../src/reports/index.js';

const digitsLeft = (s: string) => s.replace(/[^0-9]/g, '');

describe('maskQuestion: マイナンバー-like numbers are removed entirely', () => {
  const forms = [
    '123456789012',
    '1234 5678 9012',
    '1234-5678-9012',
    '1234 - 5678 - 9012',
    '1234　5678　9012',
    '１２３４５６７８９０１２',
    '１２３４－５６７８－９０１２',
    '１２３４　５６７８　９０１２',
    '1234ー5678ー9012',
    '1234.5678.9012',
    '12-3456-789-012',
    '0123 456789 01',
    '090123456789',
  ];
  for (const n of forms) {
    it(`「${n}」 at the start, in the middle and at the end`, () => {
      for (const text of [`${n}です`, `番号は${n}です`, `番号は${n}`, n]) {
        const out = maskQuestion(text);
        expect(out).toContain(MY_NUMBER_REMOVED);
        expect(digitsLeft(out)).toBe('');
      }
    });
  }

  it('removes every number when there are several', () => {
    const out = maskQuestion('123456789012と987654321098を登録したい');
    expect(out).toBe(`${MY_NUMBER_REMOVED}と${MY_NUMBER_REMOVED}を登録したい`);
  });

  it('keeps shorter and longer runs of digits (dates, amounts)', () => {
    expect(maskQuestion('2024年4月1日から1000円')).toBe('2024年4月1日から1000円');
    expect(maskQuestion('1234567890123')).toBe('1234567890123');
  });
});

describe('maskQuestion: phones, e-mails and postal codes', () => {
  it('masks phone numbers however they are written', () => {
    for (const p of [
      '090-1234-5678',
      '09012345678',
      '0568-72-1234',
      '0568(72)1234',
      '０５６８－７６－１１１１',
      '(0568)72-1234',
      '+81 90 1234 5678',
      '0120-123-456',
    ]) {
      const out = maskQuestion(`電話は${p}です`);
      expect(out, p).toMatch(/^電話は\(?\[電話番号\]です$/);
      expect(digitsLeft(out), p).toBe('');
    }
  });

  it('masks e-mail addresses', () => {
    expect(maskQuestion('taro.yamada+x@example.co.jp に送って')).toBe('[メール] に送って');
    expect(maskQuestion('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('[メール]');
  });

  it('masks postal codes with or without 〒', () => {
    expect(maskQuestion('〒485-0041 に住んでいます')).toBe('[郵便番号] に住んでいます');
    expect(maskQuestion('〒4850041')).toBe('[郵便番号]');
    expect(maskQuestion('485-0041の住所')).toBe('[郵便番号]の住所');
    expect(maskQuestion('〒４８５－００４１')).toBe('[郵便番号]');
  });

  it('leaves an ordinary question as it is (NFKC only)', () => {
    expect(maskQuestion('住民票ってコンビニでとれる？')).toBe('住民票ってコンビニでとれる?');
  });

  it('bounds the length', () => {
    expect([...maskQuestion('あ'.repeat(1000))]).toHaveLength(300);
  });
});
