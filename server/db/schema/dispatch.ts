import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Versions of the category classifier, trained in-process; the active one serves predictions. */
export const classifierModels = pgTable(
  'classifier_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull().unique(),
    kind: text('kind').$type<'keywords' | 'linear'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    trainedOn: integer('trained_on').notNull(),
    /** Cross-validated or held-out figures measured when it was trained. */
    metrics: jsonb('metrics').$type<Record<string, number>>(),
    model: jsonb('model').notNull(),
    active: boolean('active').notNull().default(false),
    minConfidence: real('min_confidence'),
  },
  (t) => [index('classifier_models_active_idx').on(t.active)],
);
