/**
 * Parsing of webhook request bodies with loose zod objects: LINE adds event types and fields
 * without notice (developers.line.biz/en/docs/messaging-api/development-guidelines/), so unknown
 * ones pass through untouched and the app ignores what it does not know. Only the fields the
 * app reads are checked; an event whose known fields are malformed is dropped alone.
 */
import type { webhook } from '@line/bot-sdk';
import { z } from 'zod';
import type { WebhookBody } from '../ports.js';
import { BadWebhookBodyError } from './errors/bad-webhook-body-error.js';

const SourceSchema = z.looseObject({
  type: z.string(),
  userId: z.string().optional(),
  groupId: z.string().optional(),
  roomId: z.string().optional(),
});

const EventBaseSchema = z.looseObject({
  type: z.string().min(1),
  mode: z.string().optional(),
  timestamp: z.number().optional(),
  source: SourceSchema.optional(),
  webhookEventId: z.string().optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
  replyToken: z.string().optional(),
});

const MessageEventSchema = EventBaseSchema.extend({
  message: z.looseObject({
    type: z.string(),
    id: z.string().optional(),
    text: z.string().optional(),
  }),
}).refine((e) => e.message.type !== 'text' || typeof e.message.text === 'string', {
  message: 'a text message has a text',
});

const PostbackEventSchema = EventBaseSchema.extend({
  postback: z.looseObject({
    data: z.string(),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Extra checks for the event types whose content the app reads. */
const SCHEMA_BY_TYPE: Record<string, z.ZodType> = {
  message: MessageEventSchema,
  postback: PostbackEventSchema,
};

const BodySchema = z.looseObject({
  destination: z.string().optional(),
  events: z.array(z.unknown()),
});

export type ParsedWebhookBody = Required<Pick<WebhookBody, 'events' | 'dropped'>> &
  Pick<WebhookBody, 'destination'>;

/** Parses the raw (already signature-checked) body; throws `BadWebhookBodyError` if malformed. */
export function parseWebhookBody(rawBody: Uint8Array): ParsedWebhookBody {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(rawBody).toString('utf8'));
  } catch (cause) {
    throw new BadWebhookBodyError('the webhook body is not JSON', { cause });
  }
  const body = BodySchema.safeParse(json);
  if (!body.success) {
    throw new BadWebhookBodyError('the webhook body has no "events" list', { cause: body.error });
  }
  const events: webhook.Event[] = [];
  const dropped: ParsedWebhookBody['dropped'] = [];
  body.data.events.forEach((raw, index) => {
    const base = EventBaseSchema.safeParse(raw);
    const type = base.success ? base.data.type : '?';
    const parsed = base.success ? (SCHEMA_BY_TYPE[type] ?? EventBaseSchema).safeParse(raw) : base;
    if (parsed.success) events.push(parsed.data as webhook.Event);
    else dropped.push({ index, type, problem: z.prettifyError(parsed.error).slice(0, 300) });
  });
  return {
    ...(body.data.destination === undefined ? {} : { destination: body.data.destination }),
    events,
    dropped,
  };
}
