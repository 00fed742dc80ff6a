import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../platform/context.js';
import type { LiveEvent } from '../platform/live-bus.js';
import { authorize } from '../platform/policies.js';
import { requireActor } from '../platform/http/request-context.js';
import { caseVisible } from './case-scope.js';

/**
 * A server-sent-event stream of the case changes the caller may see (queues and case pages refresh from it).
 * Each event names the case, its number and new status; the page then re-reads what it shows.
 */
export function streamCaseEvents(deps: Pick<Deps, 'bus' | 'box'>, req: FastifyRequest, reply: FastifyReply): void {
  const actor = requireActor(req);
  const reach = authorize(actor, 'case.read');
  const reporterIndex = deps.box.index(actor.id);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write(': connected\n\n');
  const send = (e: LiveEvent) => {
    if (!caseVisible(actor, reach, e, e.taskPaths, reporterIndex)) return;
    res.write(`event: case\ndata: ${JSON.stringify({ id: e.id, number: e.number, status: e.status })}\n\n`);
  };
  const unsubscribe = deps.bus.subscribe(send);
  // A comment every 25 s keeps proxies from closing an idle stream.
  const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
  req.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
