/**
 * LINE Flex Message sizes and spacing as CSS, after LINE's own renderer: keyword sizes
 * (`sm`, `xl`, `3xl`) map to pixels; pixel and percent values pass through. Only what the
 * preview needs; unknown values fall back to LINE's defaults.
 */
import type { FlexNode } from '../api/types.js';

type Css = Record<string, string | number>;

const TEXT_SIZE: Record<string, number> = {
  xxs: 11,
  xs: 13,
  sm: 14,
  md: 16,
  lg: 19,
  xl: 22,
  xxl: 29,
  '3xl': 35,
  '4xl': 48,
  '5xl': 74,
};
const SPACE: Record<string, number> = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
const IMAGE_SIZE: Record<string, number> = {
  xxs: 40,
  xs: 60,
  sm: 80,
  md: 100,
  lg: 120,
  xl: 140,
  xxl: 160,
  '3xl': 180,
  '4xl': 200,
  '5xl': 240,
};
const BUBBLE_WIDTH: Record<string, number> = {
  nano: 120,
  micro: 160,
  deca: 220,
  hecto: 241,
  kilo: 260,
  mega: 300,
  giga: 500,
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `16px`, `5%` as given; a keyword through `table`; undefined when neither. */
function length(v: unknown, table: Record<string, number>): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  if (/^\d+(\.\d+)?(px|%)$/.test(s)) return s;
  return table[s] !== undefined ? `${table[s]}px` : undefined;
}

export const textSize = (v: unknown) => length(v ?? 'md', TEXT_SIZE) ?? '16px';
export const space = (v: unknown) => length(v, SPACE);
export const imageSize = (v: unknown) =>
  str(v) === 'full' ? '100%' : (length(v ?? 'md', IMAGE_SIZE) ?? '100px');
export const bubbleWidth = (v: unknown) => `${BUBBLE_WIDTH[str(v) ?? 'mega'] ?? 300}px`;

/** The parent box's direction decides which side a child's `margin` goes on. */
export type Direction = 'vertical' | 'horizontal' | 'baseline';

const ALIGN: Record<string, string> = { start: 'flex-start', end: 'flex-end', center: 'center' };
const JUSTIFY: Record<string, string> = {
  'flex-start': 'flex-start',
  'flex-end': 'flex-end',
  center: 'center',
  'space-between': 'space-between',
  'space-around': 'space-around',
  'space-evenly': 'space-evenly',
};

/** What every component shares: flex, margin, offsets and gravity inside its parent box. */
export function childStyle(node: FlexNode, parent: Direction, first: boolean): Css {
  const css: Css = {};
  const horizontal = parent !== 'vertical';
  const flex = typeof node['flex'] === 'number' ? node['flex'] : horizontal ? 1 : 0;
  css['flex'] = `${flex} ${flex} ${flex === 0 ? 'auto' : '0'}`;
  if (horizontal && flex !== 0) css['minWidth'] = 0;
  const margin = space(node['margin']);
  if (margin && !first) css[horizontal ? 'marginLeft' : 'marginTop'] = margin;
  if (node['position'] === 'absolute') css['position'] = 'absolute';
  else if (node['position'] === 'relative' || node['offsetTop'] || node['offsetStart'])
    css['position'] = 'relative';
  for (const [key, prop] of [
    ['offsetTop', 'top'],
    ['offsetBottom', 'bottom'],
    ['offsetStart', 'left'],
    ['offsetEnd', 'right'],
  ] as const) {
    const v = space(node[key]);
    if (v) css[prop] = v;
  }
  const gravity = str(node['gravity']);
  if (gravity && parent !== 'vertical') {
    css['alignSelf'] =
      gravity === 'top' ? 'flex-start' : gravity === 'bottom' ? 'flex-end' : 'center';
  }
  return css;
}

/** A box's own look: direction, padding, spacing is handled by the renderer, colours, corners. */
export function boxStyle(node: FlexNode): Css {
  const layout = str(node['layout']) ?? 'vertical';
  const css: Css = {
    display: 'flex',
    flexDirection: layout === 'vertical' ? 'column' : 'row',
  };
  if (layout === 'baseline') css['alignItems'] = 'baseline';
  const pad = space(node['paddingAll']);
  if (pad) css['padding'] = pad;
  for (const [key, prop] of [
    ['paddingTop', 'paddingTop'],
    ['paddingBottom', 'paddingBottom'],
    ['paddingStart', 'paddingLeft'],
    ['paddingEnd', 'paddingRight'],
  ] as const) {
    const v = space(node[key]);
    if (v) css[prop] = v;
  }
  const bg = str(node['backgroundColor']);
  if (bg) css['backgroundColor'] = bg;
  const border = str(node['borderColor']);
  if (border) css['border'] = `${borderWidth(node['borderWidth'])} solid ${border}`;
  const radius = length(node['cornerRadius'], {
    none: 0,
    xs: 2,
    sm: 4,
    md: 8,
    lg: 12,
    xl: 16,
    xxl: 20,
  });
  if (radius) css['borderRadius'] = radius;
  const justify = str(node['justifyContent']);
  if (justify && JUSTIFY[justify]) css['justifyContent'] = JUSTIFY[justify];
  const align = str(node['alignItems']);
  if (align && ALIGN[align]) css['alignItems'] = ALIGN[align];
  for (const key of ['width', 'height', 'maxWidth', 'maxHeight'] as const) {
    const v = str(node[key]);
    if (v && /^\d+(\.\d+)?(px|%)$/.test(v)) css[key] = v;
  }
  return css;
}

function borderWidth(v: unknown): string {
  const s = str(v);
  if (s && /^\d+(\.\d+)?px$/.test(s)) return s;
  return (
    { none: '0', light: '0.5px', normal: '1px', medium: '2px', 'semi-bold': '3px', bold: '4px' }[
      s ?? 'normal'
    ] ?? '1px'
  );
}

/** A text's font, colour, alignment and wrapping. */
export function textStyle(node: FlexNode): Css {
  const css: Css = {
    fontSize: textSize(node['size']),
    color: str(node['color']) ?? '#111111',
    fontWeight: node['weight'] === 'bold' ? 700 : 400,
  };
  if (node['wrap'] === true) css['whiteSpace'] = 'pre-wrap';
  else {
    css['whiteSpace'] = 'nowrap';
    css['overflow'] = 'hidden';
    css['textOverflow'] = 'ellipsis';
  }
  const align = str(node['align']);
  if (align) css['textAlign'] = align === 'end' ? 'right' : align === 'center' ? 'center' : 'left';
  if (node['style'] === 'italic') css['fontStyle'] = 'italic';
  const decoration = str(node['decoration']);
  if (decoration && decoration !== 'none') css['textDecoration'] = decoration;
  const lineSpacing = str(node['lineSpacing']);
  if (lineSpacing) css['lineHeight'] = `calc(1.4em + ${lineSpacing})`;
  return css;
}
