import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.js';
import { messages } from '../db/schema/cases.js';

/** One person a notification goes to. */
export interface Recipient {
  userId: string;
  phone: string | null;
}

/** A notification's content. */
export interface Payload {
  title: string;
  body: string;
  caseId?: string;
  link?: string;
}

/** A way to reach people (in-app, SMS, e-mail). send must be idempotent for the same key. */
export interface NotificationDriver {
  channel: 'inapp' | 'sms' | 'email';
  send(db: Db, to: Recipient, payload: Payload, key: string, now: Date): Promise<void>;
}

/** In-app messages: a row per recipient, keyed so that a retried delivery never shows a message twice. */
export const inAppDriver: NotificationDriver = {
  channel: 'inapp',
  async send(db, to, payload, key, now) {
    await db
      .insert(messages)
      .values({ userId: to.userId, title: payload.title, body: payload.body, caseId: payload.caseId ?? null, dedupeKey: `${key}:${to.userId}`, createdAt: now })
      .onConflictDoNothing();
  },
};

/** SMS and e-mail: there is no gateway driver yet (nor a setting for one), so the message is written to the log, not sent. */
export function loggingDriver(channel: 'sms' | 'email', log: Pick<FastifyBaseLogger, 'info'>): NotificationDriver {
  return {
    channel,
    async send(_db, to, payload, key) {
      log.info({ channel, to: to.userId, key, title: payload.title }, `notification (${channel}, logging driver)`);
    },
  };
}
