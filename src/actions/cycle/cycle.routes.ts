/**
 * The New Belongings Plus cycle in the staff area (plain forms that work without JavaScript; a refused
 * form re-renders with 422 and an error summary): the cycle page with its timeline, each session, the
 * co-production self-assessment and the programme's feedback, the reference group register, the
 * programme-wide comparison and the practice bank.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../../http/staff-session.ts';
import type { Actor } from '../../programme/index.ts';
import { staffNav } from '../../programme/workspace.routes.ts';
import type { Services } from '../../services.ts';
import { STATUS_WORDS, ACTION_STATUSES, percent } from '../plan.ts';
import { SCORE_WORDS, STATEMENTS, THEME_WORDS, THEMES } from './coproduction.ts';
import { SESSION_KINDS, SESSION_WORDS, STATE_TAG, STATE_WORDS, TOPIC_KINDS, type SessionKind } from './cycle.ts';
import type { CyclePage, Outcome, SessionForm } from './cycle.service.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const param = (req: FastifyRequest, name: string): string => text((req.params as Record<string, unknown>)[name]);
const bodyOf = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const errorsOf = (o: Outcome | null): Record<string, string> => (o === null || o.ok ? {} : Object.fromEntries(o.problems.map((p) => [p.field, p.text])));
const problemsOf = (o: Outcome | null) => (o === null || o.ok ? [] : o.problems);

const ATTENDEE_ROWS = 6;
const ROLE_ROWS = 4;
const pad = <T>(rows: readonly T[], n: number, blank: T): T[] => [...rows, ...Array.from({ length: Math.max(0, n - rows.length) }, () => blank)];

export function cycleRoutes(services: Services) {
  const { cycle } = services;
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };
    const base = (waveId: string): string => `/staff/waves/${waveId}/actions/cycle`;
    const words = { sessions: SESSION_WORDS, states: STATE_WORDS, tags: STATE_TAG, statuses: STATUS_WORDS, scores: SCORE_WORDS, themes: THEME_WORDS };

    function renderCycle(reply: FastifyReply, actor: Actor, page: CyclePage, extra: Record<string, unknown> = {}, status = 200) {
      const themes = THEMES.map((t) => ({ theme: t, label: THEME_WORDS[t], statements: STATEMENTS.filter((s) => s.theme === t) }));
      const actionText = new Map(page.view.actions.map((a) => [a.id, a.what]));
      return reply.render('cycle.njk', { c: page, v: page.view, words, themes, actionText: Object.fromEntries(actionText), percent, staffNav: staffNav(actor), ...extra }, status);
    }

    app.get('/staff/waves/:waveId/actions/cycle', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const page = await cycle.page(actor, param(req, 'waveId'));
      return renderCycle(reply, actor, page, { saved: text((req.query as Record<string, unknown>)['saved']) });
    });

    app.post('/staff/waves/:waveId/actions/cycle/start', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const startedOn = text(bodyOf(req)['startedOn']);
      const outcome = await cycle.start(actor, param(req, 'waveId'), startedOn);
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=started`, 303);
      return renderCycle(reply, actor, await cycle.page(actor, param(req, 'waveId')), { problems: problemsOf(outcome), errors: errorsOf(outcome), startedOn }, 422);
    });

    function renderSession(reply: FastifyReply, actor: Actor, page: CyclePage, kind: SessionKind, form: SessionForm, outcome: Outcome | null) {
      const attendees = pad(
        form.roles.map((r, i) => ({ role: r, organisation: form.organisations[i] ?? '', count: form.counts[i] ?? '' })),
        ATTENDEE_ROWS,
        { role: '', organisation: '', count: '' },
      );
      return reply.render(
        'cycle-session.njk',
        { c: page, v: page.view, kind, title: SESSION_WORDS[kind].title, about: SESSION_WORDS[kind].about, needsTopic: TOPIC_KINDS.includes(kind), form, attendees, problems: problemsOf(outcome), errors: errorsOf(outcome), staffNav: staffNav(actor) },
        outcome === null ? 200 : 422,
      );
    }

    const kindOf = (req: FastifyRequest): SessionKind | undefined => SESSION_KINDS.find((k) => k === param(req, 'kind'));

    app.get('/staff/waves/:waveId/actions/cycle/sessions/:kind', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const page = await cycle.page(actor, param(req, 'waveId'));
      const kind = kindOf(req);
      const s = page.sessions.find((x) => x.kind === kind);
      if (kind === undefined || s === undefined || !page.mayEdit) return reply.callNotFound();
      const form: SessionForm = {
        topic: s.topic,
        plannedOn: s.plannedOn,
        heldOn: s.heldOn ?? '',
        roles: s.attendees.map((a) => a.role),
        organisations: s.attendees.map((a) => a.organisation),
        counts: s.attendees.map((a) => String(a.count)),
        youngPeople: s.youngPeople === 0 ? '' : String(s.youngPeople),
        notes: s.notes,
        decisions: s.decisions,
        actionIds: s.actionIds,
      };
      return renderSession(reply, actor, page, kind, form, null);
    });

    app.post('/staff/waves/:waveId/actions/cycle/sessions/:kind', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const b = bodyOf(req);
      const form: SessionForm = {
        topic: text(b['topic']),
        plannedOn: text(b['plannedOn']),
        heldOn: text(b['heldOn']),
        roles: list(b['role']),
        organisations: list(b['organisation']),
        counts: list(b['count']),
        youngPeople: text(b['youngPeople']),
        notes: text(b['notes']),
        decisions: text(b['decisions']),
        actionIds: list(b['actionIds']),
      };
      const outcome = await cycle.saveSession(actor, param(req, 'waveId'), param(req, 'kind'), form);
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=session#session-${param(req, 'kind')}`, 303);
      const kind = kindOf(req);
      if (kind === undefined) return reply.callNotFound();
      return renderSession(reply, actor, await cycle.page(actor, param(req, 'waveId')), kind, form, outcome);
    });

    function renderReview(reply: FastifyReply, actor: Actor, page: CyclePage, form: Record<string, { score: string; evidence: string }>, outcome: Outcome | null) {
      const themes = THEMES.map((t) => ({ label: THEME_WORDS[t], statements: STATEMENTS.filter((s) => s.theme === t) }));
      return reply.render('cycle-coproduction.njk', { c: page, v: page.view, themes, form, scores: SCORE_WORDS, problems: problemsOf(outcome), errors: errorsOf(outcome), staffNav: staffNav(actor) }, outcome === null ? 200 : 422);
    }

    app.get('/staff/waves/:waveId/actions/cycle/coproduction', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const page = await cycle.page(actor, param(req, 'waveId'));
      if (page.cycle === null || !page.mayEdit) return reply.callNotFound();
      const answers = page.review?.answers ?? {};
      const form = Object.fromEntries(STATEMENTS.map((s) => [s.id, { score: answers[s.id] === undefined ? '' : String(answers[s.id]?.score), evidence: answers[s.id]?.evidence ?? '' }]));
      return renderReview(reply, actor, page, form, null);
    });

    app.post('/staff/waves/:waveId/actions/cycle/coproduction', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const b = bodyOf(req);
      const form = Object.fromEntries(STATEMENTS.map((s) => [s.id, { score: text(b[`score-${s.id}`]), evidence: text(b[`evidence-${s.id}`]) }]));
      const outcome = await cycle.saveReview(actor, param(req, 'waveId'), form);
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=review#coproduction`, 303);
      return renderReview(reply, actor, await cycle.page(actor, param(req, 'waveId')), form, outcome);
    });

    app.post('/staff/waves/:waveId/actions/cycle/coproduction/feedback', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const b = bodyOf(req);
      const outcome = await cycle.saveFeedback(actor, param(req, 'waveId'), text(b['feedback']), list(b['feedbackActions']));
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=feedback#coproduction`, 303);
      return renderCycle(reply, actor, await cycle.page(actor, param(req, 'waveId')), { problems: problemsOf(outcome), errors: errorsOf(outcome), feedback: text(b['feedback']) }, 422);
    });

    app.get('/staff/waves/:waveId/actions/cycle/reference-group', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const page = await cycle.page(actor, param(req, 'waveId'));
      if (!page.mayEdit) return reply.callNotFound();
      const g = page.group;
      const form = { youngPeople: g ? String(g.youngPeople) : '', involvement: g?.involvement ?? '', reward: g?.reward ?? '', meets: g?.meets ?? '' };
      const roles = pad((g?.roles ?? []).map((r) => ({ role: r.role, count: String(r.count) })), ROLE_ROWS, { role: '', count: '' });
      return reply.render('cycle-group.njk', { c: page, v: page.view, form, roles, problems: [], errors: {}, staffNav: staffNav(actor) });
    });

    app.post('/staff/waves/:waveId/actions/cycle/reference-group', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const b = bodyOf(req);
      const form = { youngPeople: text(b['youngPeople']), roles: list(b['role']), counts: list(b['count']), involvement: text(b['involvement']), reward: text(b['reward']), meets: text(b['meets']) };
      const outcome = await cycle.saveGroup(actor, param(req, 'waveId'), form);
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=group#reference-group`, 303);
      const page = await cycle.page(actor, param(req, 'waveId'));
      const roles = pad(form.roles.map((r, i) => ({ role: r, count: form.counts[i] ?? '' })), ROLE_ROWS, { role: '', count: '' });
      return reply.render('cycle-group.njk', { c: page, v: page.view, form, roles, problems: problemsOf(outcome), errors: errorsOf(outcome), staffNav: staffNav(actor) }, 422);
    });

    app.get('/staff/programme/action-plans', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const rows = await cycle.overview(actor);
      return reply.render('cycle-overview.njk', { rows, statuses: ACTION_STATUSES.map((s) => ({ key: s, text: STATUS_WORDS[s] })), staffNav: staffNav(actor) });
    });

    app.get('/staff/practice-bank', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const indicator = text((req.query as Record<string, unknown>)['indicator']);
      const { examples, indicators } = await cycle.bank(actor, indicator);
      return reply.render('practice-bank.njk', { examples, indicators, indicator, published: text((req.query as Record<string, unknown>)['published']) === '1', staffNav: staffNav(actor) });
    });

    async function renderPublish(reply: FastifyReply, actor: Actor, waveId: string, actionId: string, form: Record<string, string>, outcome: Outcome | null) {
      const page = await cycle.page(actor, waveId);
      const action = page.view.actions.find((a) => a.id === actionId);
      if (action === undefined || !page.mayProgramme) return reply.callNotFound();
      return reply.render('bank-publish.njk', { c: page, v: page.view, action, statusText: STATUS_WORDS[action.status], form, problems: problemsOf(outcome), errors: errorsOf(outcome), staffNav: staffNav(actor) }, outcome === null ? 200 : 422);
    }

    app.get('/staff/waves/:waveId/actions/:actionId/practice-bank', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      return renderPublish(reply, actor, param(req, 'waveId'), param(req, 'actionId'), { anonymise: '' }, null);
    });

    app.post('/staff/waves/:waveId/actions/:actionId/practice-bank', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const b = bodyOf(req);
      const form = { consentFrom: text(b['consentFrom']), consentOn: text(b['consentOn']), anonymise: text(b['anonymise']), shownAs: text(b['shownAs']), summary: text(b['summary']) };
      const outcome = await cycle.publishExample(actor, param(req, 'waveId'), param(req, 'actionId'), form);
      if (outcome.ok) return reply.redirect(`/staff/practice-bank?published=1`, 303);
      return renderPublish(reply, actor, param(req, 'waveId'), param(req, 'actionId'), form, outcome);
    });
  };
}
