/** Wave management for programme administrators: add a wave to an LA (survey first, then details) and edit it. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireActor, requireCapability } from '../../http/staff-session.ts';
import { AppError } from '../../lib/errors.ts';
import type { Services } from '../../services.ts';
import type { LocalAuthority, WaveStatus } from '../wave.ts';
import { SURVEY_INSTRUMENTS } from '../wave.ts';
import type { SurveyId } from '../../instruments/types.ts';
import { staffNav } from '../workspace.routes.ts';
import type { Actor } from '../roles.ts';
import { ageGroupLabel } from './eligible-csv.ts';
import { bodyOf, csrfOf, errorsView, loadWave, paramOf } from './form-view.ts';
import { formValues, newWaveValues, STATUS_CHOICES, SURVEY_NAMES, valuesOfWave, type FormError, type FormValues } from './wave-form.ts';

const STATUS_TEXT: Record<WaveStatus, { text: string; hint: string }> = {
  planned: { text: 'Planned', hint: 'The survey link does not work yet.' },
  open: { text: 'Open', hint: 'Young people can answer.' },
  closed: { text: 'Closed', hint: 'The link tells young people the survey has closed.' },
  reported: { text: 'Reported', hint: 'Closed, and the report has been given to the local authority.' },
};

const isSurvey = (v: unknown): v is SurveyId => v === 'ylyc' || v === 'ylbc';

/** The context of the wave form, for a new wave or an edit. */
function formContext(actor: Actor, la: Pick<LocalAuthority, 'id' | 'name'>, survey: SurveyId, values: FormValues, current: WaveStatus | undefined, errors: readonly FormError[] = []) {
  return {
    la,
    survey,
    surveyName: SURVEY_NAMES[survey],
    instruments: SURVEY_INSTRUMENTS[survey].map((id) => ({ id, label: ageGroupLabel(id) })),
    statuses: STATUS_CHOICES[current ?? 'new'].map((s) => ({ value: s, ...STATUS_TEXT[s] })),
    values,
    ...errorsView(errors),
    staffNav: staffNav(actor),
  };
}

/** Registers the wave admin pages. */
export function registerWaveAdmin(app: FastifyInstance, services: Services): void {
  const { programme, planning } = services;
  const csrf = csrfOf(app);

  async function laOf(laId: string): Promise<LocalAuthority> {
    const la = laId ? await programme.findLa(laId) : undefined;
    if (!la || la.id !== laId) throw new AppError('not_found');
    return la;
  }

  function surveyStep(reply: FastifyReply, actor: Actor, la: LocalAuthority, invalid: boolean) {
    const errors = invalid ? [{ text: 'Select the survey this wave will run', href: '#survey' }] : undefined;
    const surveys = (Object.keys(SURVEY_NAMES) as SurveyId[]).map((s) => ({ value: s, text: SURVEY_NAMES[s] }));
    return reply.render('wave-form-survey.njk', { la, surveys, errors, staffNav: staffNav(actor) }, invalid ? 422 : 200);
  }

  app.get('/staff/las/:laId/waves/new', async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    requireCapability(actor, 'programme.manage');
    const la = await laOf(paramOf(req, 'laId'));
    const survey = (req.query as Record<string, unknown>)['survey'];
    if (!isSurvey(survey)) return surveyStep(reply, actor, la, survey !== undefined);
    return reply.render('wave-form.njk', { mode: 'create', languages: planning.languageChoices(), ...formContext(actor, la, survey, newWaveValues(survey), undefined) });
  });

  app.post('/staff/las/:laId/waves', csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    requireCapability(actor, 'programme.manage');
    const la = await laOf(paramOf(req, 'laId'));
    const body = bodyOf(req);
    if (!isSurvey(body['survey'])) return surveyStep(reply, actor, la, true);
    const values = formValues(body);
    const done = await planning.createWave(actor, la.id, body['survey'], values);
    if (done.ok) return reply.redirect(`/staff/waves/${done.wave.id}`, 303);
    return reply.render('wave-form.njk', { mode: 'create', languages: planning.languageChoices(), ...formContext(actor, la, body['survey'], values, undefined, done.errors) }, 422);
  });

  app.get('/staff/waves/:waveId/edit', async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    requireCapability(actor, 'programme.manage');
    const wave = await loadWave(services, paramOf(req, 'waveId'));
    const la = { id: wave.laId, name: wave.laName };
    return reply.render('wave-form.njk', { mode: 'edit', wave, languages: planning.languageChoices(), ...formContext(actor, la, wave.survey, valuesOfWave(wave), wave.status) });
  });

  app.post('/staff/waves/:waveId/edit', csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    requireCapability(actor, 'programme.manage');
    const wave = await loadWave(services, paramOf(req, 'waveId'));
    const values = formValues(bodyOf(req));
    const done = await planning.updateWave(actor, wave, values);
    if (done.ok) return reply.redirect(`/staff/waves/${wave.id}`, 303);
    const la = { id: wave.laId, name: wave.laName };
    return reply.render('wave-form.njk', { mode: 'edit', wave, languages: planning.languageChoices(), ...formContext(actor, la, wave.survey, values, wave.status, done.errors) }, 422);
  });
}
