/**
 * The webhook signature (developers.line.biz/en/reference/messaging-api/#signature-validation):
 * base64(HMAC-SHA256(channel secret, raw request body)), checked on the raw bytes before
 * anything parses them, in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(rawBody: Uint8Array | string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(rawBody).digest('base64');
}

/** True when `signature` is the signature of `rawBody`; false when missing or wrong. */
export function verifySignature(
  rawBody: Uint8Array,
  signature: string | undefined,
  channelSecret: string,
): boolean {
  if (!signature || !channelSecret) return false;
  const expected = Buffer.from(signBody(rawBody, channelSecret), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch is already a mismatch.
  return expected.length === given.length && timingSafeEqual(expected, given);
}
