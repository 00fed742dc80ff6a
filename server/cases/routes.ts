import { z } from 'zod';
import { textInput } from '../platform/http/text-input.js';
import { caseStatuses } from '../../common/cases.js';
import type { Deps } from '../platform/context.js';
import type { App } from '../platform/http/app-type.js';
import { ctxOf, metaOf } from '../platform/http/request-context.js';
import { isAppError } from '../platform/errors.js';
import { acceptAssist, resolveAssist } from './assist-case.js';
import type { CaseRow } from './case-action.js';
import { acceptCase, startCase } from './accept-case.js';
import { loadAttachment } from './attachment-download.js';
import { createCase } from './create-case.js';
import { getDispatchSettings, setDispatchSettings } from './dispatch-settings.js';
import { revealReporter } from './reveal-reporter.js';
import { dispatchCase } from './dispatch-case.js';
import { closeCase, rateCase, reopenCase, verifyCase } from './follow-up.js';
import { followCase, unfollowCase } from './follow-case.js';
import { getCase } from './get-case.js';
import { listFollowing } from './list-following.js';
import { listCases } from './list-cases.js';
import { streamCaseEvents } from './live-stream.js';
import { mergeCase } from './merge-case.js';
import { resolveCase } from './resolve-case.js';
import { returnCase } from './return-case.js';
import { caseIdParams, createCaseBody, dispatchBody, listCasesQuery, mergeBody, optionalNoteBody, rateBody, reasonBody, resolveBody, transferBody } from './schema.js';
import { approveSuspend, rejectSuspend, requestSuspend, resumeCase } from './suspend-case.js';
import { transferCase } from './transfer-case.js';

const createdReply = z.object({ id: z.string(), number: z.string(), status: z.enum(caseStatuses), urgency: z.string(), suggestedUnitId: z.string().nullable(), gridId: z.string().nullable() });

/** The case ledger: intake, the lifecycle actions, lists and the case page. */
export async function caseRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];
  app.post(
    '/api/cases',
    {
      bodyLimit: 25 * 1024 * 1024,
      schema: { tags, summary: '上报问题 Report a case (anonymous allowed)', body: createCaseBody, response: { 201: createdReply } },
      // Public (signed-out) intake is rate-limited per address; signed-in reporters are not.
      config: { rateLimit: { max: deps.config.JICENG_PUBLIC_INTAKE_PER_MINUTE, timeWindow: 60_000, allowList: (req) => req.auth !== null } },
    },
    async (req, reply) => {
      const c = await createCase({ ...deps, meta: metaOf(req) }, req.auth?.actor ?? null, req.body);
      return reply.status(201).send({ id: c.id, number: c.number, status: c.status, urgency: c.urgency, suggestedUnitId: c.suggestedUnitId, gridId: c.gridId });
    },
  );
  app.get('/api/cases', { schema: { tags, summary: '工单列表 Cases visible to the caller', querystring: listCasesQuery } }, async (req) => listCases(ctxOf(deps, req), req.query));
  app.get('/api/cases/events', { schema: { tags, summary: '实时更新 Server-sent events of case changes visible to the caller' } }, (req, reply) =>
    streamCaseEvents(deps, req, reply),
  );
  app.get(
    '/api/cases/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载附件 Download an attachment', params: z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() }) } },
    async (req, reply) => {
      const file = await loadAttachment(ctxOf(deps, req), req.params.id, req.params.attachmentId);
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('cache-control', 'private, max-age=3600')
        .send(file.content);
    },
  );
  app.post(
    '/api/cases/:id/reveal-reporter',
    { schema: { tags, summary: '查询匿名上报人（留痕）Audited lookup of an anonymous reporter (admin)', params: caseIdParams, body: reasonBody } },
    async (req) => ({ reporter: await revealReporter(ctxOf(deps, req), req.params.id, req.body.reason) }),
  );
  app.get('/api/settings/dispatch', { schema: { tags: ['settings'], summary: '派单设置 Dispatch settings' } }, async (req) => getDispatchSettings(ctxOf(deps, req)));
  app.put(
    '/api/settings/dispatch',
    {
      schema: {
        tags: ['settings'],
        summary: '派单设置 Allow or stop automatic dispatch by rule; announce every new case to the dispatchers, or urgent ones only',
        body: z.object({ autoDispatch: z.boolean().optional(), notifyEveryNewCase: z.boolean().optional() }),
      },
    },
    async (req) => setDispatchSettings(ctxOf(deps, req), req.body),
  );
  app.get('/api/cases/following', { schema: { tags, summary: '我关注的工单 Cases the caller follows' } }, async (req) => listFollowing(ctxOf(deps, req)));
  app.post(
    '/api/cases/:id/follow',
    { schema: { tags, summary: '关注 Follow an open case instead of reporting it again (hear when it is resolved, closed or merged)', params: caseIdParams } },
    async (req) => followCase(ctxOf(deps, req), req.params.id),
  );
  app.delete('/api/cases/:id/follow', { schema: { tags, summary: '取消关注 Stop following a case', params: caseIdParams } }, async (req) =>
    unfollowCase(ctxOf(deps, req), req.params.id),
  );
  app.get('/api/cases/:id', { schema: { tags, summary: '工单详情与时间线 A case with its timeline', params: caseIdParams } }, async (req) => getCase(ctxOf(deps, req), req.params.id));

  // Each action answers with the whole case as the caller now sees it — or, when the action took it out of the
  // caller's sight (a unit returning a case), with its number and new status only.
  const action = <B extends z.ZodTypeAny>(path: string, summary: string, body: B | null, run: (ctx: ReturnType<typeof ctxOf>, id: string, body: z.infer<B>) => Promise<CaseRow>) =>
    // Resolving carries photos of the result, so it takes as much as a report does.
    app.post(`/api/cases/:id/${path}`, { bodyLimit: path === 'resolve' ? 25 * 1024 * 1024 : undefined, schema: { tags, summary, params: caseIdParams, ...(body ? { body } : {}) } }, async (req) => {
      const ctx = ctxOf(deps, req);
      const row = await run(ctx, req.params.id, req.body as z.infer<B>);
      return getCase(ctx, req.params.id).catch((e: unknown) => {
        if (isAppError(e) && e.code === 'not_found') return { id: row.id, number: row.number, status: row.status, returnCount: row.returnCount, buckPassing: row.buckPassing };
        throw e;
      });
    });
  action('dispatch', '派单 Dispatch to a lead unit (and assisting units)', dispatchBody, (ctx, id, b) => dispatchCase(ctx, id, b));
  action('accept', '签收 Accept', null, (ctx, id) => acceptCase(ctx, id));
  action('start', '开始办理 Start work', null, (ctx, id) => startCase(ctx, id));
  action('return', '退回 Return as not our duty', reasonBody, (ctx, id, b) => returnCase(ctx, id, b.reason));
  action('transfer', '转办 Transfer to another unit', transferBody, (ctx, id, b) => transferCase(ctx, id, b));
  action('resolve', '办结 Resolve with a reply', resolveBody, (ctx, id, b) => resolveCase(ctx, id, b));
  action('assist/accept', '协办签收 Assisting unit accepts', null, (ctx, id) => acceptAssist(ctx, id));
  action('assist/resolve', '协办办结 Assisting unit resolves its part', z.object({ reply: textInput(5000, { length: 2 }) }), (ctx, id, b) => resolveAssist(ctx, id, b.reply));
  action('verify', '回访核查 Verify', optionalNoteBody, (ctx, id, b) => verifyCase(ctx, id, b?.note));
  action('close', '结案 Close', optionalNoteBody, (ctx, id, b) => closeCase(ctx, id, b?.note));
  action('rate', '评价 Rate the result', rateBody, (ctx, id, b) => rateCase(ctx, id, b));
  action('suspend', '申请挂起 Request suspension', reasonBody, (ctx, id, b) => requestSuspend(ctx, id, b.reason));
  action('suspend/approve', '批准挂起 Approve suspension', null, (ctx, id) => approveSuspend(ctx, id));
  action('suspend/reject', '驳回挂起 Reject suspension', reasonBody, (ctx, id, b) => rejectSuspend(ctx, id, b.reason));
  action('resume', '恢复办理 Resume a suspended case', null, (ctx, id) => resumeCase(ctx, id));
  action('reopen', '重办 Reopen', reasonBody, (ctx, id, b) => reopenCase(ctx, id, b.reason));
  action('merge', '合并 Merge into the case it repeats', mergeBody, (ctx, id, b) => mergeCase(ctx, id, b));
}
