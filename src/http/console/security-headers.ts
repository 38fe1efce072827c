/**
 * Headers on every answer under `/admin`: console pages, assets, the redirect and the API. The
 * CSP allows only our own scripts, styles, requests and forms; images may also come over https
 * (Flex notices show image URLs) or as data URLs; inline styles are allowed because preact
 * writes `style` attributes. No framing.
 */
import type { NextFunction, Request, Response } from 'express';

export const CONSOLE_CSP =
  "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; " +
  "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; " +
  "form-action 'self'";

export function consoleSecurityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': CONSOLE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
  next();
}
