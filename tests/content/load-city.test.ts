import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCities, loadCity } from '../../src/content/index.js';
import { ContentError, PackNotFoundError, UnknownCityError } from '../../src/errors.js';

const root = join(import.meta.dirname, '..', 'fixtures', 'packs', 'root');

describe('loadCity', () => {
  it('layers common and the city: a city entry with a common id replaces it', async () => {
    const city = await loadCity(root, 'alpha');
    const ids = city.entries.map((e) => e.id);
    expect(ids).toEqual([
      'common-hello',
      'common-shared',
      'alpha-library',
      'alpha-hours',
      'alpha-proc-tennyu',
      'alpha-proc-inu',
    ]);
    expect(city.entries.find((e) => e.id === 'common-shared')?.answer).toMatch(/アルファ市では/);
  });

  it('returns the city config, both packs, synonyms and the city eval cases', async () => {
    const city = await loadCity(root, 'alpha');
    expect(city.id).toBe('alpha');
    expect(city.config?.name).toBe('アルファ市');
    expect(city.packs.map((p) => p.dir)).toEqual([join(root, 'common'), join(root, 'alpha')]);
    expect(city.synonyms).toEqual([['図書館', 'としょかん', 'ライブラリー']]);
    expect(city.evalCases.map((c) => c.expect)).toEqual(['alpha-library', 'alpha-library', 'none']);
  });

  it('keeps common entries untouched for another city', async () => {
    const beta = await loadCity(root, 'beta');
    expect(beta.config).toBeUndefined();
    expect(beta.entries.map((e) => e.id)).toEqual(['common-hello', 'common-shared', 'beta-only']);
    expect(beta.entries[1]?.answer).toBe('共通の答えです。');
  });

  it('names the cities that exist when the city is unknown', async () => {
    const e = await loadCity(root, 'gamma').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnknownCityError);
    expect((e as UnknownCityError).known).toEqual(['alpha', 'beta']);
    expect((e as Error).message).toBe('unknown city "gamma"; cities with a pack: alpha, beta');
  });

  it('does not treat common, or a path, as a city', async () => {
    await expect(loadCity(root, 'common')).rejects.toBeInstanceOf(UnknownCityError);
    await expect(loadCity(root, '../root/alpha')).rejects.toBeInstanceOf(UnknownCityError);
  });

  it('says so when the FAQ root is missing', async () => {
    await expect(loadCity(join(root, 'missing'), 'alpha')).rejects.toBeInstanceOf(
      PackNotFoundError,
    );
  });

  it('throws every error of both packs at once', async () => {
    const brokenRoot = join(import.meta.dirname, '..', 'fixtures', 'packs');
    // `broken` sits next to `root`, so the fixtures folder itself works as a FAQ root.
    const e = await loadCity(brokenRoot, 'broken').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ContentError);
    expect((e as ContentError).problems.length).toBeGreaterThanOrEqual(5);
  });
});

describe('listCities', () => {
  it('lists every pack folder except common', async () => {
    expect(await listCities(root)).toEqual(['alpha', 'beta']);
  });
});
