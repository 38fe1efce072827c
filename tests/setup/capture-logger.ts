/** A `Logger` that keeps what it was given, for assertions on logs. */
import type { Logger } from '../../src/ports.js';

export interface LogLine {
  level: 'info' | 'warn' | 'error' | 'debug';
  obj: object;
  msg?: string;
}

export interface CaptureLogger extends Logger {
  lines: LogLine[];
  /** Lines at `level` (all levels when omitted), as `msg` strings. */
  messages(level?: LogLine['level']): string[];
}

export function captureLogger(): CaptureLogger {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj, ...(msg === undefined ? {} : { msg }) });
    };
  return {
    lines,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
    messages: (level) => lines.filter((l) => !level || l.level === level).map((l) => l.msg ?? ''),
  };
}
