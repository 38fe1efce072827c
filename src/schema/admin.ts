/**
 * Who may use the admin API (roles and tokens from ADMIN_TOKENS), the staff test accounts and
 * the quiet hours from the environment, and the audit log of every admin write.
 */
import { z } from 'zod';
import { BroadcastIdSchema } from './broadcast.js';
import { TargetSchema } from './segment.js';

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/** Who may do what on the admin API: viewer ⊂ broadcaster ⊂ admin. */
export const ADMIN_ROLES = ['viewer', 'broadcaster', 'admin'] as const;
export const AdminRoleSchema = z.enum(ADMIN_ROLES);
export type AdminRole = z.infer<typeof AdminRoleSchema>;

export const AdminTokenSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.@-]{1,40}$/, 'a name of letters, digits, "_", ".", "@", "-"'),
  role: AdminRoleSchema,
  token: z
    .string()
    .min(24, 'a token must be at least 24 characters')
    .regex(/^[A-Za-z0-9_\-.~+/=]+$/, 'a token uses letters, digits and -._~+/='),
});
export type AdminToken = z.infer<typeof AdminTokenSchema>;

/** `ADMIN_TOKENS="name:role:token,…"`: every entry checked, names and tokens unique. */
export const AdminTokenListSchema = z.string().transform((raw, ctx) => {
  const out: AdminToken[] = [];
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .forEach((entry, i) => {
      const [name = '', role = '', ...rest] = entry.split(':');
      const parsed = AdminTokenSchema.safeParse({ name, role, token: rest.join(':') });
      if (parsed.success) out.push(parsed.data);
      else {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({
            code: 'custom',
            message: `entry ${i + 1} (${name || '?'}): ${issue.path.join('.')} ${issue.message}`,
          });
        }
      }
    });
  const names = new Set(out.map((t) => t.name));
  const tokens = new Set(out.map((t) => t.token));
  if (names.size !== out.length || tokens.size !== out.length) {
    ctx.addIssue({ code: 'custom', message: 'names and tokens must be unique' });
  }
  return out;
});

/** LINE user ids: `U` and 32 hex digits. */
export const LineUserIdSchema = z.string().regex(/^U[0-9a-f]{32}$/, 'a LINE user id (U + 32 hex)');

/** `ADMIN_TEST_USER_IDS="U…,U…"`: the staff accounts that receive test sends (at most 20). */
export const UserIdListSchema = z
  .string()
  .transform((raw) =>
    raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(LineUserIdSchema).max(20, 'at most 20 test accounts'));

/**
 * Quiet hours for non-urgent notices, in JST: `"21-8"` (from 21:00 to 08:00) or `"off"`.
 */
export const QuietHoursSchema = z
  .string()
  .trim()
  .regex(/^(off|\d{1,2}-\d{1,2})$/, 'quiet hours look like "21-8" (start-end, JST) or "off"')
  .transform((v, ctx) => {
    if (v === 'off') return 'off' as const;
    const [start, end] = v.split('-').map(Number) as [number, number];
    if (start > 23 || end > 23 || start === end) {
      ctx.addIssue({ code: 'custom', message: 'quiet hours need two different hours 0-23' });
      return z.NEVER;
    }
    return { start, end };
  });

/** What the audit log records, one entry per write on the admin API. */
export const AUDIT_ACTIONS = [
  'broadcast.create',
  'broadcast.update',
  'broadcast.test',
  'broadcast.confirm',
  'broadcast.cancel',
  // The web console's sign-in and sign-out (actor '?' and no role for a failed sign-in).
  'session.sign_in',
  'session.sign_in_failed',
  'session.sign_out',
] as const;

export const AuditEntrySchema = z.object({
  /** Assigned by the log, increasing (a Redis stream id in production). */
  id: z.string().min(1),
  at: isoTime,
  /** The token's name and role. */
  actor: z.string().min(1),
  /** Absent only when nobody is known (a failed sign-in). */
  role: AdminRoleSchema.optional(),
  action: z.enum(AUDIT_ACTIONS),
  broadcastId: BroadcastIdSchema.optional(),
  target: TargetSchema.optional(),
  /** Recipients involved: the confirmed count, the test accounts, … */
  count: count.optional(),
  /** `ok`, or the error code of a refused write (`broadcast/count-changed`). */
  result: z.string().min(1),
  detail: z.string().max(500).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditInput = Omit<AuditEntry, 'id'>;

/**
 * A signed-in web console session, stored under a SHA-256 of its cookie value (so a dump of the
 * store holds no usable cookie). `tokenDigest` (SHA-256 hex of the token used to sign in) and
 * `role` let the server end the session when that token leaves ADMIN_TOKENS or changes role.
 */
export const AdminSessionSchema = z.object({
  name: AdminTokenSchema.shape.name,
  role: AdminRoleSchema,
  tokenDigest: z.string().regex(/^[0-9a-f]{64}$/),
  csrfToken: z.string().min(32),
  createdAt: isoTime,
  /** The absolute end, whatever the activity (ADMIN_SESSION_MAX_HOURS after sign-in). */
  expiresAt: isoTime,
});
export type AdminSession = z.infer<typeof AdminSessionSchema>;
