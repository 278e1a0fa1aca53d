/**
 * The import page: a file (CSV or XLSX) or pasted CSV, sent as one multipart form. Multipart parsing is
 * registered in this plugin only, with tight limits. Its CSRF token is the form's first field and is
 * checked before a byte of the file is read; a urlencoded post (pasted text) is checked as usual.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { readMultipartForm } from '../http/multipart.ts';
import { requireActor } from '../http/staff-session.ts';
import type { Actor, Wave } from '../programme/index.ts';
import type { Services } from '../services.ts';
import { columnsFor } from './columns.ts';
import { formBody, param } from './form.ts';
import { IMPORT_LIMITS } from './spreadsheet.ts';
import { trackerContext } from './tracker.routes.ts';
import type { ImportOutcome, ImportSource } from './transfer.service.ts';

const LIMIT_MESSAGES: Record<string, string> = {
  FST_REQ_FILE_TOO_LARGE: `The file is larger than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB. Split it into smaller files.`,
  FST_FILES_LIMIT: 'Choose one file at a time.',
  FST_PARTS_LIMIT: 'The form was sent with more parts than it has. Reload the page and try again.',
  FST_FIELDS_LIMIT: 'The form was sent with more fields than it has. Reload the page and try again.',
};

/** The pasted text of a urlencoded post (its size is capped by the app's body limit). */
const pastedText = (body: Record<string, unknown>): string => (typeof body['pasted'] === 'string' ? body['pasted'] : '');

type Read = { kind: 'source'; source: ImportSource } | { kind: 'problem'; message: string } | { kind: 'replied' };

/** Reads the multipart form: the CSRF token first (checked at once), then the file and the pasted text. */
async function readMultipart(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<Read> {
  let file: Buffer | undefined;
  let pasted = '';
  const read = await readMultipartForm(app, req, reply, LIMIT_MESSAGES, async (part) => {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (part.fieldname === 'file' && buf.length > 0) file = buf;
    } else if (part.fieldname === 'pasted' && typeof part.value === 'string') {
      if (part.valueTruncated) return `The pasted text is larger than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB. Split it into smaller parts.`;
      pasted = part.value;
    }
    return undefined;
  });
  if (read.kind !== 'read') return read;
  if (file && pasted.trim() !== '') return { kind: 'problem', message: 'Choose a file or paste the list, not both.' };
  if (file) return { kind: 'source', source: { kind: 'file', bytes: file } };
  if (pasted.trim() !== '') return { kind: 'source', source: { kind: 'text', text: pasted } };
  return { kind: 'problem', message: 'Choose a CSV or XLSX file, or paste the list.' };
}

/** Registers the import page and its upload, with multipart parsing scoped to them. */
export function registerImportRoutes(services: Services) {
  const p = services.participation;
  return async function (app: FastifyInstance): Promise<void> {
    await app.register(multipart, {
      limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 3, fieldSize: IMPORT_LIMITS.maxBytes, parts: 5, headerPairs: 50 },
    });
    const path = '/staff/waves/:waveId/tracker/import';
    const page = (actor: Actor, wave: Wave, extra: Record<string, unknown> = {}) =>
      trackerContext(actor, wave, { columns: columnsFor(wave.survey), limits: { mb: IMPORT_LIMITS.maxBytes / 1024 / 1024, rows: IMPORT_LIMITS.maxRows.toLocaleString('en-GB') }, ...extra });

    app.get(path, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const wave = await p.mayImport(actor, param(req, 'waveId'));
      return reply.render('tracker-import.njk', page(actor, wave));
    });

    // Multipart bodies carry their token inside the body: checked in the handler, before the file is read.
    const csrfUnlessMultipart = { preHandler: (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => (req.isMultipart() ? done() : app.csrfProtection(req, reply, done)) };

    app.post(path, csrfUnlessMultipart, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const wave = await p.mayImport(actor, param(req, 'waveId'));
      const read: Read = req.isMultipart() ? await readMultipart(app, req, reply) : { kind: 'source', source: { kind: 'text', text: pastedText(formBody(req)) } };
      if (read.kind === 'replied') return reply;
      const outcome: ImportOutcome = read.kind === 'problem' ? { ok: false, errors: [read.message], more: 0 } : await p.importTable(actor, wave.id, read.source);
      if (outcome.ok) return reply.render('tracker-import.njk', page(actor, wave, { done: outcome }));
      const problems = outcome.errors.map((e) => e.charAt(0).toUpperCase() + e.slice(1));
      return reply.render('tracker-import.njk', page(actor, wave, { problems, more: outcome.more }), 422);
    });
  };
}
