/**
 * axe-core (the npm package's own `axe.min.js`, injected into the page: no @axe-core/playwright,
 * which needs the full playwright package) run on the console's pages against WCAG 2.1 A + AA.
 * The console's CSP (`script-src 'self'`) refuses a `<script>` tag added by the test, so the
 * source is evaluated through the DevTools protocol instead (not subject to the page's CSP),
 * and the page is tested under its real policy.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0/2.1 level A and AA rules (axe's tags). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export interface AxeResult {
  violations: AxeViolation[];
  /** What axe could not decide (e.g. a contrast over an overlapping element): to be looked at. */
  incomplete: AxeViolation[];
  /** Number of rules that passed, to show the check ran. */
  passes: number;
}

/** Runs axe on the whole document (injecting it once per page). */
export async function runAxe(page: Page): Promise<AxeResult> {
  if (!(await page.evaluate<boolean>(`typeof window.axe === 'object'`))) {
    await page.evaluate(`${AXE_SOURCE};\ntrue`);
  }
  // A string, so this file needs no DOM types (the repo's tsconfig has none).
  return page.evaluate<AxeResult>(
    `(() => {
      const brief = (v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      });
      return axe.run(document, {
        runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} },
      }).then((r) => ({
        violations: r.violations.map(brief),
        incomplete: r.incomplete.map(brief),
        passes: r.passes.length,
      }));
    })()`,
  );
}

export function isBlocking(v: AxeViolation): boolean {
  return v.impact === 'serious' || v.impact === 'critical';
}

/** One violation per paragraph: rule id, impact, help, and the selectors of the nodes at fault. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => `    ${JSON.stringify(n.target)}`).join('\n');
      const why = v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' / ') ?? '';
      return `[${where}] ${v.id} (${v.impact}): ${v.help}\n  ${why}\n${targets}`;
    })
    .join('\n');
}

/** WCAG contrast ratio of two CSS colours given as `rgb(r, g, b)` / `rgba(r, g, b, 1)`. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
