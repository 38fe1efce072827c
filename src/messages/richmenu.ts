/**
 * Checks a rich menu and its image against LINE's limits (Messaging API reference
 * #rich-menu-object, #upload-rich-menu-image; shared/reference §2.9): image JPEG or PNG ≤ 1 MB,
 * width 800–2500, height ≥ 250, width/height ≥ 1.45 and equal to the menu's size; ≤ 20 areas
 * inside the image; chatBarText ≤ 14; name ≤ 300; action limits as elsewhere.
 */
import type { RichMenuDefinition } from '../schema/index.js';
import { LINE_LIMITS, checkAction, graphemeLength, type LimitProblem } from './limits.js';

export const RICH_MENU_LIMITS = {
  imageBytes: 1_000_000,
  minWidth: 800,
  maxWidth: 2500,
  minHeight: 250,
  minRatio: 1.45,
  areas: 20,
  chatBarText: 14,
  name: 300,
} as const;

export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  bytes: number;
}

/** Reads the format and size of a PNG or JPEG from its bytes; undefined for anything else. */
export function imageInfo(data: Uint8Array): ImageInfo | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length >= 24 && png.every((b, i) => data[i] === b)) {
    return {
      format: 'png',
      width: view.getUint32(16),
      height: view.getUint32(20),
      bytes: data.length,
    };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return undefined;
      const marker = data[i + 1]!;
      const length = view.getUint16(i + 2);
      // SOF0–SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return {
          format: 'jpeg',
          height: view.getUint16(i + 5),
          width: view.getUint16(i + 7),
          bytes: data.length,
        };
      }
      i += 2 + length;
    }
  }
  return undefined;
}

/** Every way the menu or its image would be refused by LINE; empty when both are fine. */
export function checkRichMenu(menu: RichMenuDefinition, image?: ImageInfo): LimitProblem[] {
  const out: LimitProblem[] = [];
  const L = RICH_MENU_LIMITS;
  const { width: W, height: H } = menu.size;
  if (W < L.minWidth || W > L.maxWidth)
    out.push({
      path: 'size.width',
      message: `width ${W} is not within ${L.minWidth}–${L.maxWidth}`,
    });
  if (H < L.minHeight)
    out.push({ path: 'size.height', message: `height ${H} is below ${L.minHeight}` });
  if (W / H < L.minRatio)
    out.push({
      path: 'size',
      message: `width/height ${(W / H).toFixed(2)} is below ${L.minRatio}`,
    });
  if (graphemeLength(menu.chatBarText) > L.chatBarText)
    out.push({ path: 'chatBarText', message: `chatBarText longer than ${L.chatBarText}` });
  if (menu.name.length > L.name) out.push({ path: 'name', message: `name longer than ${L.name}` });
  if (menu.areas.length > L.areas)
    out.push({ path: 'areas', message: `${menu.areas.length} areas (max ${L.areas})` });
  menu.areas.forEach((a, i) => {
    const b = a.bounds;
    if (b.x + b.width > W || b.y + b.height > H) {
      out.push({
        path: `areas[${i}].bounds`,
        message: `area ${i} goes outside the ${W}×${H} image`,
      });
    }
    out.push(...checkAction(a.action, LINE_LIMITS.richMenuLabel, `areas[${i}].action`, false));
    menu.areas.slice(0, i).forEach((o, j) => {
      const c = o.bounds;
      if (
        b.x < c.x + c.width &&
        c.x < b.x + b.width &&
        b.y < c.y + c.height &&
        c.y < b.y + b.height
      ) {
        out.push({ path: `areas[${i}].bounds`, message: `area ${i} overlaps area ${j}` });
      }
    });
  });
  if (image) {
    if (image.bytes > L.imageBytes)
      out.push({ path: 'image', message: `image is ${image.bytes} bytes (max ${L.imageBytes})` });
    if (image.width !== W || image.height !== H) {
      out.push({
        path: 'image',
        message: `image is ${image.width}×${image.height}, the menu says ${W}×${H}`,
      });
    }
  }
  return out;
}
