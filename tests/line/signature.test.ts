import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/line/index.js';

const secret = 'channel-secret';
const sign = (raw: Buffer) => createHmac('sha256', secret).update(raw).digest('base64');

describe('verifySignature', () => {
  const raw = Buffer.from('{"destination":"U0","events":[]}');

  it('accepts the HMAC-SHA256 of the raw body, base64', () => {
    expect(verifySignature(raw, sign(raw), secret)).toBe(true);
    expect(signBody(raw, secret)).toBe(sign(raw));
  });

  it('refuses a missing, empty, wrong or truncated signature', () => {
    expect(verifySignature(raw, undefined, secret)).toBe(false);
    expect(verifySignature(raw, '', secret)).toBe(false);
    expect(verifySignature(raw, sign(Buffer.from('{}')), secret)).toBe(false);
    expect(verifySignature(raw, sign(raw).slice(0, -2), secret)).toBe(false);
    expect(verifySignature(raw, sign(raw), 'other-secret')).toBe(false);
  });

  it('checks the bytes LINE sent, not a re-serialisation (emoji as \\uD83D escapes)', () => {
    // LINE escapes emoji; JSON.parse + JSON.stringify would turn them into raw UTF-8 bytes.
    const escaped = Buffer.from(
      '{"events":[{"type":"message","message":{"text":"\\uD83D\\uDE00"}}]}',
    );
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(escaped.toString())));
    expect(reserialised.equals(escaped)).toBe(false);
    expect(verifySignature(escaped, sign(escaped), secret)).toBe(true);
    expect(verifySignature(reserialised, sign(escaped), secret)).toBe(false);
  });
});
