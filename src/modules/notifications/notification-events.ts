/** Every event a channel can subscribe to. */
export const EVENT_TYPES = [
  'backup.failed',
  'backup.completed',
  'backup.stale',
  'backup.fresh',
  'storage.unhealthy',
  'storage.recovered',
  'restore.completed',
  'restore.failed',
  'verification.failed',
  'retention.deleted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What a channel receives when it names no events: everything but the noisy ones. */
export const DEFAULT_EVENTS: EventType[] = EVENT_TYPES.filter(
  (e) => e !== 'backup.completed' && e !== 'retention.deleted',
);

/** The JSON body of every delivery (webhook body; the e-mail is rendered from it). */
export interface EventBody {
  id: string;
  type: EventType | 'test';
  created_at: string;
  organization_id: string;
  data: Record<string, unknown>;
}

interface Described {
  subject: string;
  what: string;
  action: string;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** Plain words for an event: the e-mail subject, what happened and what to do. */
export function describeEvent(event: EventBody): Described {
  const d = event.data;
  const storage = obj(d.storage_config);
  const backup = obj(d.backup);
  const restore = obj(d.restore);
  const env = obj(d.environment);
  const envName = str(env.name) || str(env.id);
  switch (event.type) {
    case 'storage.unhealthy':
      return {
        subject: `Storage "${str(storage.name)}" is unhealthy`,
        what: `The storage configuration "${str(storage.name)}" (${str(storage.provider)}) failed its last ${str(d.consecutive_failures)} health probes. Last error (${str(d.error_code)}): ${str(d.message)}`,
        action:
          'Check the credentials, the bucket or directory and the server, then run "Test connection" on the configuration. Backups to it will fail until it recovers.',
      };
    case 'storage.recovered':
      return {
        subject: `Storage "${str(storage.name)}" recovered`,
        what: `The storage configuration "${str(storage.name)}" (${str(storage.provider)}) passed its health probe again.`,
        action: 'Nothing to do. Backups that failed while it was down can be run again.',
      };
    case 'backup.failed':
      return {
        subject: `Backup of "${envName}" failed`,
        what: `The backup ${str(backup.id)} of environment "${envName}" failed (${str(backup.error_code)}): ${str(backup.error_message)}`,
        action: 'Fix the cause named above and start a new backup; the failed attempt left nothing behind.',
      };
    case 'backup.completed':
      return {
        subject: `Backup of "${envName}" completed`,
        what: `The backup ${str(backup.id)} of environment "${envName}" completed (${str(backup.total_size_bytes)} bytes).`,
        action: 'Nothing to do.',
      };
    case 'backup.stale':
      return {
        subject: `Backups of "${envName}" are stale`,
        what: `The newest completed backup of environment "${envName}" is older than the schedule allows.`,
        action: 'Check the failed backups of this environment and its schedule.',
      };
    case 'backup.fresh':
      return {
        subject: `Backups of "${envName}" are fresh again`,
        what: `Environment "${envName}" has a recent completed backup again.`,
        action: 'Nothing to do.',
      };
    case 'restore.completed':
      return {
        subject: `Restore into "${envName}" completed`,
        what: `The restore ${str(restore.id)} of backup ${str(restore.backup_id)} into environment "${envName}" completed.`,
        action: 'Check the restored application.',
      };
    case 'restore.failed':
      return {
        subject: `Restore into "${envName}" failed`,
        what: `The restore ${str(restore.id)} of backup ${str(restore.backup_id)} into environment "${envName}" failed (${str(restore.error_code)}): ${str(restore.error_message)}`,
        action: 'Fix the cause named above and restore again.',
      };
    case 'verification.failed':
      return {
        subject: `Verification of a backup of "${envName}" failed`,
        what: `The verification ${str(restore.id)} of backup ${str(restore.backup_id)} failed (${str(restore.error_code)}): ${str(restore.error_message)}`,
        action: 'Do not rely on this backup: run a new backup and verify it.',
      };
    case 'retention.deleted':
      return {
        subject: 'Backups deleted by retention',
        what: `The retention policy deleted ${str(d.count)} backup(s).`,
        action: 'Nothing to do.',
      };
    case 'test':
      return {
        subject: 'Test notification',
        what: 'This is a test notification from Offsite: the channel works.',
        action: 'Nothing to do.',
      };
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Subject, plain text and HTML of the e-mail for an event. */
export function renderEmail(event: EventBody): { subject: string; text: string; html: string } {
  const { subject, what, action } = describeEvent(event);
  const lines = [
    what,
    '',
    `What to do: ${action}`,
    '',
    `Event: ${event.type} (${event.id}) at ${event.created_at}`,
    `Organization: ${event.organization_id}`,
  ];
  const html = `<!doctype html><html><body><p>${escapeHtml(what)}</p><p><strong>What to do:</strong> ${escapeHtml(action)}</p><p style="color:#666;font-size:small">Event ${escapeHtml(event.type)} (${escapeHtml(event.id)}) at ${escapeHtml(event.created_at)}<br>Organization ${escapeHtml(event.organization_id)}</p></body></html>`;
  return { subject: `[Offsite] ${subject}`, text: lines.join('\n') + '\n', html };
}
