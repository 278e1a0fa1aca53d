/**
 * Reading a multipart staff form whose first field is its CSRF token: the token is checked before a byte
 * of any file is read, and every other part is handed to the caller in order. Parsing limits come back as
 * the caller's plain message; anything else that fails is a malformed body (400), the client's doing.
 */
import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type MultipartRead = { kind: 'read' } | { kind: 'problem'; message: string } | { kind: 'replied' };

/**
 * Reads `req`'s parts: the first must be `_csrf` (else the CSRF check answers and `replied` comes back),
 * the rest go to `onPart`, which may stop with a problem message. `limitMessages` maps @fastify/multipart's
 * limit codes (FST_REQ_FILE_TOO_LARGE...) to what the user is told.
 */
export async function readMultipartForm(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  limitMessages: Readonly<Record<string, string>>,
  onPart: (part: Multipart) => Promise<string | undefined>,
): Promise<MultipartRead> {
  let checked = false;
  try {
    for await (const part of req.parts()) {
      if (!checked) {
        const token = part.type === 'field' && part.fieldname === '_csrf' && typeof part.value === 'string' ? part.value : '';
        // @fastify/csrf-protection reads req.body._csrf: give it the token and let it decide.
        req.body = { _csrf: token };
        app.csrfProtection(req, reply, () => {
          checked = true;
        });
        if (!checked) return { kind: 'replied' };
        if (part.type === 'file') part.file.resume();
        continue;
      }
      const problem = await onPart(part);
      if (problem !== undefined) return { kind: 'problem', message: problem };
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && limitMessages[code]) return { kind: 'problem', message: limitMessages[code] };
    throw Object.assign(new Error('malformed multipart body'), { statusCode: 400 });
  }
  if (!checked) {
    // A multipart body with no parts at all: refused like any form without its token.
    app.csrfProtection(req, reply, () => undefined);
    return { kind: 'replied' };
  }
  return { kind: 'read' };
}
