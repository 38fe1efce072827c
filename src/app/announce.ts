/**
 * The weekly announcement of new スマホ教室 (run by the scheduler; it acts once the week's
 * configured time has passed): residents subscribed to the `digital` topic receive the classes
 * added since the last announcement, per area, through the broadcast engine (a broadcast per
 * group, created and confirmed like an admin would, so the night hold, the batches, the retry
 * keys, the report and the audit log all apply). The week's record makes a rerun harmless:
 * each group's broadcast is recorded when created and confirmed once. The very first run only
 * notes the classes already listed (a baseline), so residents are not sent the whole schedule.
 */
import {
  announcementNotice,
  announcementWeek,
  CLASS_TOPIC,
  DEFAULT_ANNOUNCE_TIME,
  isUpcoming,
  newClassGroups,
  weeklyInstant,
  type AnnouncementGroup,
  type WeeklyTime,
} from '../classes/index.js';
import type { Audience, Clock, Logger, Metrics, ReminderStore } from '../ports.js';
import type { ClassAnnouncement, ClassItem } from '../schema/index.js';
import type { Actor } from './broadcast-deps.js';
import type { BroadcastService } from './broadcast-service.js';
import type { BotContent } from './app-deps.js';

export interface AnnounceDeps {
  /** Keeps the announced classes and the week's record. */
  reminders: ReminderStore;
  /** The broadcast engine's use cases. */
  broadcasts: Pick<BroadcastService, 'create' | 'get' | 'confirm'>;
  audience: Pick<Audience, 'count'>;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  content(): BotContent;
  /** When in the week to announce (JST). Default Monday 10:00; undefined from config = off. */
  at?: WeeklyTime;
}

export type AnnounceResult =
  | { status: 'not-due' | 'done-already' | 'no-schedule' | 'no-topic' | 'busy' }
  | { status: 'baseline'; classes: number }
  | { status: 'announced'; week: string; groups: ClassAnnouncement['groups'] };

/** How the scheduler appears in the audit log. */
export const ANNOUNCER: Actor = { name: 'classes-weekly', role: 'broadcaster' };

/** Confirms a draft with the count now; an audience that changes meanwhile is counted again. */
async function confirm(deps: AnnounceDeps, id: string, target: Parameters<Audience['count']>[0]) {
  for (let tries = 0; ; tries++) {
    const count = await deps.audience.count(target);
    if (count === 0) return 0;
    try {
      await deps.broadcasts.confirm(ANNOUNCER, id, { count });
      return count;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'broadcast/no-recipients') return 0;
      if (code !== 'broadcast/count-changed' || tries >= 3) throw err;
    }
  }
}

async function save(deps: AnnounceDeps, rec: ClassAnnouncement): Promise<ClassAnnouncement> {
  const next = { ...rec, version: rec.version + 1 };
  if (!(await deps.reminders.putAnnouncement(next))) {
    throw new Error(`announcement of ${rec.week} changed meanwhile (another run); left to it`);
  }
  return next;
}

export async function announceNewClasses(deps: AnnounceDeps): Promise<AnnounceResult> {
  const content = deps.content();
  const catalog = content.classes;
  if (!catalog) return { status: 'no-schedule' };
  if (!content.city.topics.some((t) => t.id === CLASS_TOPIC)) {
    deps.logger.warn({ topic: CLASS_TOPIC }, 'city.yaml has no such topic: no class announcements');
    return { status: 'no-topic' };
  }
  const now = deps.clock.now();
  const week = announcementWeek(now);
  if (now.getTime() < weeklyInstant(week, deps.at ?? DEFAULT_ANNOUNCE_TIME).getTime()) {
    return { status: 'not-due' };
  }
  let rec = await deps.reminders.getAnnouncement(week);
  if (rec?.status === 'done') return { status: 'done-already' };
  const announced = await deps.reminders.announcedIds();
  if (!rec && announced === undefined) {
    const listed = catalog.classes.filter((c) => isUpcoming(c, now)).map((c) => c.id);
    await deps.reminders.markAnnounced(listed);
    await deps.reminders.putAnnouncement({
      week,
      version: 1,
      status: 'done',
      groups: [],
      createdAt: now.toISOString(),
      finishedAt: now.toISOString(),
    });
    deps.logger.info({ week, classes: listed.length }, 'class announcements: baseline noted');
    return { status: 'baseline', classes: listed.length };
  }
  if (!rec) {
    const groups = newClassGroups(catalog, announced ?? new Set(), content.city.areas, now);
    const fresh: ClassAnnouncement = {
      week,
      version: 1,
      status: 'publishing',
      groups: groups.map((g) => ({
        ...(g.area ? { area: g.area } : {}),
        classIds: g.classes.map((c) => c.id),
        published: false,
      })),
      createdAt: now.toISOString(),
    };
    if (!(await deps.reminders.putAnnouncement(fresh))) return { status: 'busy' };
    rec = fresh;
  }
  for (let i = 0; i < rec.groups.length; i++) {
    const g = rec.groups[i]!;
    if (g.published) continue;
    const classes = g.classIds
      .map((id) => catalog.byId(id))
      .filter((c): c is ClassItem => c !== undefined && isUpcoming(c, now));
    const group: AnnouncementGroup = { ...(g.area ? { area: g.area } : {}), classes };
    let recipients = 0;
    if (group.classes.length > 0) {
      const notice = announcementNotice(group, catalog, now);
      let id = g.broadcastId;
      if (!id) {
        if ((await deps.audience.count(notice.target)) > 0) {
          id = (await deps.broadcasts.create(ANNOUNCER, notice)).id;
          rec = await save(deps, {
            ...rec,
            groups: rec.groups.map((x, j) => (j === i ? { ...x, broadcastId: id! } : x)),
          });
        }
      }
      if (id) {
        const b = await deps.broadcasts.get(id);
        recipients =
          b.state === 'draft' ? await confirm(deps, id, notice.target) : (b.confirmed?.count ?? 0);
      }
    }
    rec = await save(deps, {
      ...rec,
      groups: rec.groups.map((x, j) => (j === i ? { ...x, published: true, recipients } : x)),
    });
    deps.metrics?.count('madoguchi_class_announcements_total', { sent: String(recipients > 0) });
  }
  await deps.reminders.markAnnounced(rec.groups.flatMap((g) => g.classIds));
  rec = await save(deps, { ...rec, status: 'done', finishedAt: now.toISOString() });
  deps.logger.info(
    {
      week,
      groups: rec.groups.map((g) => ({
        area: g.area ?? '*',
        classes: g.classIds.length,
        recipients: g.recipients ?? 0,
      })),
    },
    'class announcements done',
  );
  return { status: 'announced', week, groups: rec.groups };
}
