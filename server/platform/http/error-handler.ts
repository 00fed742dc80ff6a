import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isAppError } from '../errors.js';

type Issue = { path: string; message: string };

function validationIssues(err: FastifyError): Issue[] {
  if (hasZodFastifySchemaValidationErrors(err)) {
    return err.validation.map((v) => {
      const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return { path: where || (err.validationContext ?? 'body'), message: v.message ?? 'invalid' };
    });
  }
  return (err.validation ?? []).map((v) => ({ path: v.instancePath || err.validationContext || 'body', message: v.message ?? 'invalid' }));
}

/** The one error handler: AppError → its status and code; validation → 400 naming the fields; anything else → 500. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (isAppError(err)) {
    if (err.status >= 500) req.log.error({ err, details: err.details }, err.message);
    void reply.status(err.status).send({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
    return;
  }
  if (err.validation) {
    const issues = validationIssues(err);
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    void reply.status(400).send({ error: { code: 'validation_failed', message: `输入有误 (invalid input): ${summary}`, details: { issues } } });
    return;
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response did not match its schema');
    void reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误 (internal error)' } });
    return;
  }
  const status = err.statusCode ?? 500;
  if (status >= 500) {
    req.log.error({ err }, 'unhandled error');
    void reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误 (internal error)' } });
    return;
  }
  // Fastify's own 4xx (bad JSON, body too large, unsupported media type, rate limit …).
  const code =
    status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : 'bad_request';
  void reply.status(status).send({ error: { code, message: err.message } });
}

/** Answers unknown API routes with the same error shape. */
export function notFoundHandler(req: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send({ error: { code: 'not_found', message: `没有这个接口 (no such route): ${req.method} ${req.url.split('?')[0]}` } });
}
