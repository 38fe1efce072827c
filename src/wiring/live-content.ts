/**
 * The FAQ in service. It loads after the port is open (so `/healthz` answers at once and
 * `/readyz` says when the bot can answer) and, with FAQ_RELOAD=on, reloads on every change of a
 * pack file; a reload that fails keeps the last good version in service (see /readyz).
 */
import { join } from 'node:path';
import { createBotContent } from '../app/index.js';
import type { BotContent } from '../app/index.js';
import {
  contentReadiness,
  errorSummary,
  loadCity,
  loadTemplates,
  loadTokenizer,
  watchContent,
} from '../content/index.js';
import { MadoguchiError } from '../errors.js';
import type { Metrics } from '../ports.js';
import type { CityConfig } from '../schema/index.js';
import type { WiringContext } from './context.js';

export interface LiveContent {
  /** The content in service; throws before the first load (what `AppDeps.content` wants). */
  get(): BotContent;
  /** The content in service, or undefined before the first load. */
  current(): BotContent | undefined;
  /** The city, for the admin API: `admin/not-ready` before the first load. */
  city(): CityConfig;
  /** What `/readyz` says about the FAQ. */
  readiness(): { ok: boolean; detail: string };
  /** Loads the first version: logged when ready; a failure is logged and kept for `/readyz`. */
  start(): void;
  /** Stops watching the pack files. */
  close(): void;
}

async function loadContent({ config, logger }: WiringContext): Promise<BotContent> {
  const city = await loadCity(config.faqDir, config.city);
  if (!city.config) throw new Error(`${config.faqDir}/${config.city}/city.yaml is missing`);
  const [tokenize, templates] = await Promise.all([
    loadTokenizer(),
    loadTemplates(config.templatesDir).catch((err: unknown) => {
      logger.warn({ err }, 'Flex templates not loaded; replies are plain text');
      return undefined;
    }),
  ]);
  return createBotContent({
    city: city.config,
    entries: city.entries,
    synonyms: city.synonyms,
    tokenize,
    ...(templates ? { templates } : {}),
    ...(city.classes ? { classes: city.classes } : {}),
  });
}

export function createLiveContent(context: WiringContext, metrics: Metrics): LiveContent {
  const { config, logger } = context;
  let content: BotContent | undefined;
  let problem = 'loading';
  const watcher = watchContent({
    dirs: config.staff.faqReload
      ? [join(config.faqDir, 'common'), join(config.faqDir, config.city)]
      : [],
    load: () => loadContent(context),
    logger,
  });
  watcher.on('reloaded', () => {
    content = watcher.current();
    metrics.count('madoguchi_faq_reloads_total', { result: 'ok' });
  });
  watcher.on('failed', () => metrics.count('madoguchi_faq_reloads_total', { result: 'failed' }));

  return {
    get() {
      if (!content) throw new Error(`FAQ not loaded: ${problem}`);
      return content;
    },
    current: () => content,
    city() {
      if (!content) {
        throw new MadoguchiError('admin/not-ready', `the city is not loaded yet: ${problem}`);
      }
      return content.city;
    },
    readiness: () =>
      contentReadiness(
        watcher,
        (c) => `${c.index.entries.length} entries for ${config.city}`,
        () => problem,
      ),
    start() {
      const started = performance.now();
      watcher.start().then(
        (loaded) => {
          content = loaded;
          logger.info(
            {
              city: config.city,
              entries: loaded.index.entries.length,
              ms: Math.round(performance.now() - started),
            },
            'FAQ loaded; ready',
          );
        },
        (err: unknown) => {
          problem = errorSummary(err);
          logger.error({ err }, 'FAQ could not be loaded; /readyz reports it');
        },
      );
    },
    close: () => watcher.close(),
  };
}
