import { z } from 'zod';
import { textInput } from '../platform/http/text-input.js';
import type { Deps } from '../platform/context.js';
import type { App } from '../platform/http/app-type.js';
import { ctxOf, requireActor } from '../platform/http/request-context.js';
import { authorize } from '../platform/policies.js';
import { classifierSettingsSchema, getClassifierSettings, setClassifierSettings } from './classifier-settings.js';
import { duplicatesOfCase, duplicatesOfDraft } from './duplicate-checks.js';
import { hotIssues } from './hot-issues.js';
import { modelStoreOf } from './model-store.js';
import { listVersions } from './model-versions.js';
import { assessUrgency } from './text/urgency.js';

const location = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });
const draftBody = z.object({ description: textInput(5000, { length: 2 }), title: textInput(100).optional(), location: location.optional() });

/** Smart dispatch: the classifier's settings and versions, urgency hints, duplicate checks and hot issues. */
export async function dispatchRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['dispatch'];
  app.get('/api/settings/classifier', { schema: { tags: ['settings'], summary: '智能分类设置 Classifier threshold and automatic dispatch (admin)' } }, async (req) =>
    getClassifierSettings(ctxOf(deps, req)),
  );
  app.put(
    '/api/settings/classifier',
    { schema: { tags: ['settings'], summary: '设置智能分类 Set the confidence threshold and automatic dispatch of predicted categories (admin)', body: classifierSettingsSchema } },
    async (req) => setClassifierSettings(ctxOf(deps, req), req.body),
  );
  app.get('/api/dispatch/model', { schema: { tags, summary: '分类模型 The model in service and the stored versions (admin)' } }, async (req) => {
    authorize(requireActor(req), 'case.configure');
    const serving = await modelStoreOf(deps).current();
    return {
      serving: serving ? { version: serving.version, kind: serving.kind, labels: serving.classifier.labels.length, metrics: serving.metrics } : null,
      versions: await listVersions(deps.db),
    };
  });
  app.get(
    '/api/dispatch/urgency',
    { schema: { tags, summary: '紧急程度提示 Whether a report text reads as urgent (for the report form)', querystring: z.object({ text: z.string().max(5000) }) } },
    async (req) => {
      requireActor(req);
      return assessUrgency(req.query.text);
    },
  );
  app.post(
    '/api/dispatch/duplicates',
    { schema: { tags, summary: '查重 Open cases a report being written probably repeats', body: draftBody } },
    async (req) => ({ items: await duplicatesOfDraft(ctxOf(deps, req), req.body) }),
  );
  app.get(
    '/api/cases/:id/duplicates',
    { schema: { tags, summary: '合并建议 Open cases this case probably repeats (merge suggestions)', params: z.object({ id: z.string().uuid() }) } },
    async (req) => ({ items: await duplicatesOfCase(ctxOf(deps, req), req.params.id) }),
  );
  app.get(
    '/api/dispatch/hotspots',
    {
      schema: {
        tags, summary: '热点问题 Hot issues of recent cases, by township or grid',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(14), level: z.enum(['township', 'grid']).default('township') }),
      },
    },
    async (req) => hotIssues(ctxOf(deps, req), req.query),
  );
}
