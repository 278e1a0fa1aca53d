/**
 * The scan pages for programme data-entry staff: upload (one multipart form, parsed in this plugin only,
 * its CSRF token checked before a byte of any file is read), the forms waiting, the verification screen,
 * and the crops (no-store).
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readMultipartForm } from '../../http/multipart.ts';
import { requireActor } from '../../http/staff-session.ts';
import { messageKeys } from '../../instruments/index.ts';
import type { Actor } from '../../programme/index.ts';
import { staffNav } from '../../programme/workspace.routes.ts';
import type { Services } from '../../services.ts';
import { LIMITS } from '../scan/index.ts';
import { MAX_FILES, type UploadedFile } from './scans.service.ts';
import { answerField, decisionChoices, decisionField, problemText, readAnswerKey, reasonText, textField, type Fields, type VerifyProblem } from './verify.ts';

const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
const param = (req: FastifyRequest, name: string): string => {
  const v = record(req.params)[name];
  return typeof v === 'string' ? v : '';
};
/** The posted fields: strings, and lists for repeated names (tick-all decisions). */
const fieldsOf = (req: FastifyRequest): Fields =>
  Object.fromEntries(
    Object.entries(record(req.body)).flatMap(([k, v]): [string, string | string[]][] =>
      typeof v === 'string' ? [[k, v]] : Array.isArray(v) ? [[k, v.filter((x): x is string => typeof x === 'string')]] : [],
    ),
  );

const LIMIT_MESSAGES: Record<string, string> = {
  FST_REQ_FILE_TOO_LARGE: `A file is larger than ${LIMITS.bytes / 1024 / 1024} MB: nothing was kept. Scan fewer pages per file.`,
  FST_FILES_LIMIT: `Choose at most ${MAX_FILES} files at a time: nothing was kept.`,
  FST_PARTS_LIMIT: 'The form was sent with more parts than it has. Reload the page and try again.',
  FST_FIELDS_LIMIT: 'The form was sent with more fields than it has. Reload the page and try again.',
};

type Read = { kind: 'files'; files: UploadedFile[] } | { kind: 'problem'; message: string } | { kind: 'replied' };

/** Reads the multipart form: the CSRF token first (checked at once), then the files, whole, before any is read as a scan. */
async function readMultipart(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<Read> {
  const files: UploadedFile[] = [];
  const read = await readMultipartForm(app, req, reply, LIMIT_MESSAGES, async (part) => {
    if (part.type !== 'file') return undefined;
    const bytes = await part.toBuffer();
    if (part.fieldname === 'scans' && bytes.length > 0) files.push({ name: (part.filename || 'file').slice(0, 120), bytes });
    return undefined;
  });
  if (read.kind !== 'read') return read;
  if (files.length === 0) return { kind: 'problem', message: 'Choose one or more scanned files (PDF, PNG, JPEG or TIFF).' };
  return { kind: 'files', files };
}

export function scansRoutes(services: Services) {
  const scans = services.paperScans;
  const t = (key: string): string => services.i18n.t('en', key);
  const nameOf = (id: string): string => t(`instrument.${id}.name`);
  return async function (app: FastifyInstance): Promise<void> {
    await app.register(multipart, { limits: { fileSize: LIMITS.bytes, files: MAX_FILES, fields: 2, parts: MAX_FILES + 2, headerPairs: 50 } });
    const csrf = { preHandler: app.csrfProtection.bind(app) };
    const csrfUnlessMultipart = { preHandler: (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => (req.isMultipart() ? done() : app.csrfProtection(req, reply, done)) };

    async function listPage(reply: FastifyReply, actor: Actor, extra: Record<string, unknown> = {}, status = 200) {
      const waiting = (await scans.waiting(actor)).map((w) => ({ ...w, instrumentName: nameOf(w.form.instrumentId) }));
      return reply.render('paper-scans.njk', { waiting, limits: { mb: LIMITS.bytes / 1024 / 1024, files: MAX_FILES }, staffNav: staffNav(actor), ...extra }, status);
    }

    app.get('/staff/paper/scans', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      scans.authorise(actor);
      const q = record(req.query);
      return listPage(reply, actor, { done: q['done'] === 'stored' || q['done'] === 'discarded' ? q['done'] : null });
    });

    app.post('/staff/paper/scans', csrfUnlessMultipart, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      scans.authorise(actor);
      const read: Read = req.isMultipart() ? await readMultipart(app, req, reply) : { kind: 'problem', message: 'Choose one or more scanned files (PDF, PNG, JPEG or TIFF).' };
      if (read.kind === 'replied') return reply;
      if (read.kind === 'problem') return listPage(reply, actor, { uploadError: read.message }, 422);
      const result = await scans.upload(actor, read.files);
      const forms = result.forms.map((f) => ({ ...f, instrumentName: nameOf(f.instrumentId) }));
      const nothing = result.pagesAdded === 0 && result.duplicates.length === 0;
      return listPage(reply, actor, { result: { ...result, forms } }, nothing ? 422 : 200);
    });

    async function formPage(reply: FastifyReply, actor: Actor, formId: string, fields: Fields = {}, problems: { questionId: string; problem: VerifyProblem }[] = []) {
      const view = await scans.form(actor, formId);
      const problemOf = new Map(problems.map((p) => [p.questionId, problemText[p.problem]]));
      const sent = (name: string): string[] => {
        const v = fields[name];
        return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
      };
      const cropFor = (questionId: string, kind: 'text' | 'review') => view.crops.find((c) => c.questionId === questionId && c.kind === kind);
      const cropUrl = (id: string | undefined) => (id === undefined ? null : `/staff/paper/scans/forms/${formId}/crops/${id}`);
      const questions = view.questions.map((q) => {
        const error = problemOf.get(q.question.id);
        const base = { id: q.question.id, number: q.number, text: t(messageKeys(view.instrument.id, q.question.id).text), multi: q.multi, error: error === undefined ? undefined : `Question ${q.number}: ${error}` };
        if (q.kind === 'review') {
          const chosen = sent(decisionField(q.question.id));
          return { ...base, kind: 'review', name: decisionField(q.question.id), reasons: (q.reading?.reasons ?? []).map((r) => reasonText[r]), crop: cropUrl(cropFor(q.question.id, 'review')?.id), choices: decisionChoices(q.question, t).map((c) => ({ ...c, checked: chosen.includes(c.value) })) };
        }
        if (q.kind === 'text') return { ...base, kind: 'text', name: textField(q.question.id), value: sent(textField(q.question.id))[0] ?? '', crop: cropUrl(cropFor(q.question.id, 'text')?.id) };
        const typed = fields[answerField(q.question.id)];
        return { ...base, kind: 'read', name: answerField(q.question.id), value: typed === undefined ? readAnswerKey(q) : (sent(answerField(q.question.id))[0] ?? '') };
      });
      const errors = questions.flatMap((q) => (q.error === undefined ? [] : [{ text: q.error, href: `#${q.name}` }]));
      return reply.render(
        'paper-scan-form.njk',
        {
          form: view.form,
          wave: view.wave,
          instrumentName: nameOf(view.instrument.id),
          missing: view.missing,
          review: questions.filter((q) => q.kind === 'review'),
          texts: questions.filter((q) => q.kind === 'text'),
          read: questions.filter((q) => q.kind === 'read'),
          correctionsOpen: questions.some((q) => q.kind === 'read' && q.error !== undefined),
          errors,
          discardError: fields['discardError'] === 'yes',
          staffNav: staffNav(actor),
        },
        errors.length > 0 || fields['discardError'] === 'yes' ? 422 : 200,
      );
    }

    app.get('/staff/paper/scans/forms/:formId', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      return formPage(reply, actor, param(req, 'formId'));
    });

    app.post('/staff/paper/scans/forms/:formId', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const id = param(req, 'formId');
      const fields = fieldsOf(req);
      const outcome = await scans.store(actor, id, fields);
      if (outcome.kind === 'invalid') return formPage(reply, actor, id, fields, outcome.problems);
      return reply.redirect('/staff/paper/scans?done=stored', 303);
    });

    app.post('/staff/paper/scans/forms/:formId/discard', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const id = param(req, 'formId');
      const reason = fieldsOf(req)['reason'];
      const outcome = await scans.discard(actor, id, typeof reason === 'string' ? reason : '');
      if (outcome.kind === 'no_reason') return formPage(reply, actor, id, { discardError: 'yes' });
      return reply.redirect('/staff/paper/scans?done=discarded', 303);
    });

    app.get('/staff/paper/scans/forms/:formId/crops/:cropId', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const png = await scans.crop(actor, param(req, 'formId'), param(req, 'cropId'));
      // Handwriting identifies: never kept by a browser or a proxy.
      return reply.header('cache-control', 'no-store').header('content-type', 'image/png').send(png);
    });
  };
}
