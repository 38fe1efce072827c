import { createHash } from 'node:crypto';

/**
 * A retry key (UUID-shaped, as LINE wants) derived from a stable id, so that sending again for
 * the same event reuses the same key and LINE delivers at most once (409 on a repeat).
 */
export function retryKeyFor(stableId: string): string {
  const h = createHash('sha256').update(stableId).digest('hex');
  // Version 4 / variant 10 bits set, so strict UUID parsers accept it.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
