/** Small helpers the planning routes share: request bodies, and errors shaped for GOV.UK macros. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import type { Services } from '../../services.ts';
import type { WaveSummary } from '../programme.service.ts';
import type { FormError } from './wave-form.ts';

/** The request body as a plain record (an empty one for anything that is not a form). */
export const bodyOf = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

/** A route parameter as text. */
export const paramOf = (req: FastifyRequest, name: string): string => {
  const v = (req.params as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
};

/** A form's text fields (the CSRF token left out), to check them and show them again. */
export function textValues(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && typeof v === 'string') out[k] = v.slice(0, 2000);
  return out;
}

/** The error summary's list and each field's inline message (several messages for one field are joined). */
export function errorsView(errors: readonly FormError[]): { errors: Array<{ text: string; href: string }>; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  for (const e of errors) fieldErrors[e.field] = fieldErrors[e.field] ? `${fieldErrors[e.field]} ${e.text}` : e.text;
  return { errors: errors.map((e) => ({ text: e.text, href: e.href })), fieldErrors };
}

/** A wave with its LA name and counts, or not_found (the caller then checks the actor may see its LA). */
export async function loadWave(services: Pick<Services, 'programme'>, id: string): Promise<WaveSummary> {
  const wave = id ? await services.programme.findWave(id) : undefined;
  const summary = wave ? (await services.programme.listWaves(wave.laId)).find((w) => w.id === wave.id) : undefined;
  if (!summary) throw new AppError('not_found');
  return summary;
}

/** The CSRF guard every staff form posts through. */
export const csrfOf = (app: FastifyInstance) => ({ preHandler: app.csrfProtection.bind(app) });
