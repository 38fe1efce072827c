/**
 * The admin use cases of segmented broadcasts, as one object the HTTP edge calls. Role checks
 * stay at the edge; every write here is recorded in the audit log.
 */
import type { AuditEntry, Broadcast, DeliveryReport, Target } from '../schema/index.js';
import type { Actor, BroadcastDeps } from './broadcast-deps.js';
import { mustGet } from './broadcast-deps.js';
import {
  countTarget,
  createDraft,
  editDraft,
  listBroadcasts,
  readAudit,
  reportOf,
} from './broadcast-drafts.js';
import {
  cancelBroadcast,
  confirmBroadcast,
  previewBroadcast,
  testBroadcast,
} from './broadcast-send.js';
import type { Preview } from './broadcast-send.js';

export interface BroadcastService {
  create(actor: Actor, body: unknown): Promise<Broadcast>;
  update(actor: Actor, id: string, body: unknown): Promise<Broadcast>;
  get(id: string): Promise<Broadcast>;
  list(query: { limit?: unknown; state?: unknown }): Promise<Broadcast[]>;
  preview(id: string): Promise<Preview>;
  test(actor: Actor, id: string): Promise<{ recipients: number }>;
  confirm(actor: Actor, id: string, body: unknown): Promise<Broadcast>;
  cancel(actor: Actor, id: string): Promise<Broadcast>;
  report(id: string): Promise<DeliveryReport>;
  count(body: unknown): Promise<{ count: number; target: Target; description: string }>;
  audit(query: { limit?: unknown; before?: unknown }): Promise<AuditEntry[]>;
}

export function createBroadcastService(deps: BroadcastDeps): BroadcastService {
  return {
    create: (actor, body) => createDraft(deps, actor, body),
    update: (actor, id, body) => editDraft(deps, actor, id, body),
    get: (id) => mustGet(deps, id),
    list: (query) => listBroadcasts(deps, query),
    preview: (id) => previewBroadcast(deps, id),
    test: (actor, id) => testBroadcast(deps, actor, id),
    confirm: (actor, id, body) => confirmBroadcast(deps, actor, id, body),
    cancel: (actor, id) => cancelBroadcast(deps, actor, id),
    report: (id) => reportOf(deps, id),
    count: (body) => countTarget(deps, body),
    audit: (query) => readAudit(deps, query),
  };
}
