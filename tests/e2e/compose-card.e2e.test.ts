/**
 * A card (Flex) notice: the template's own fields appear, the phone preview draws the card as
 * LINE will show it while staff type, and a missing required field is named next to that field
 * when saving — with nothing typed lost.
 */
import { describe, expect, it } from 'vitest';
import { findChromium } from './lib/browser.js';
import { pageReady, signIn } from './lib/console.js';
import { useConsoleWorld } from './lib/fixture.js';
import { seedResidents, smallPopulation } from './lib/seed.js';
import { STAFF } from './lib/world.js';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('console card notice (chromium)', () => {
  const t = useConsoleWorld(chromiumPath!, {
    seed: (url, prefix) => seedResidents(url, prefix, smallPopulation(20)),
  });

  it('draws the event card live and names the missing field next to it', async () => {
    const page = await t.newPage('/broadcasts/new');
    await signIn(page, STAFF.broadcaster.token);
    await pageReady(page, 'compose');

    await page.getByLabel('タイトル').fill('市民まつりを開きます');
    await page.getByRole('radio', { name: /カード/ }).check();
    await page
      .getByLabel('テンプレート', { exact: true })
      .selectOption({ label: 'イベント・講座' });
    await page.getByLabel('日時', { exact: true }).fill('12月6日（日）10時から');
    await page.getByRole('textbox', { name: /^本文/ }).fill('屋台やステージがあります。');
    await page.getByLabel('担当課').fill('文化振興課');
    await page.getByLabel('問い合わせ先').fill('0568-76-1111');

    // The preview is the message the server renders (the same code that sends it).
    const phone = page.getByRole('region', { name: 'スマートフォンでの見え方' });
    await phone.getByText('屋台やステージがあります。').waitFor();
    const shown = await phone.textContent();
    expect(shown).toContain('市民まつりを開きます');
    expect(shown).toContain('12月6日（日）10時から');
    expect(shown).toContain('文化振興課');
    expect(await phone.getByText('電話で問い合わせる').count()).toBe(1);

    // 場所 is required by the event card and was left empty.
    await page.getByRole('button', { name: '下書きを保存' }).click();
    const place = page.getByLabel('場所', { exact: true });
    // The error sits next to the field (FormField's `<id>-error`) and says what to do.
    const error = page.locator(`#${await place.getAttribute('id')}-error`);
    expect(await error.textContent()).toMatch(/入力してください/);
    expect(await place.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/admin/broadcasts/new');
    expect(await page.getByLabel('タイトル').inputValue()).toBe('市民まつりを開きます');
    expect(await page.getByLabel('日時', { exact: true }).inputValue()).toBe(
      '12月6日（日）10時から',
    );
  });
});
