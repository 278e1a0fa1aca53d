/**
 * The action plan in the staff area (plain forms that work without JavaScript; a failed SMART check
 * re-renders the form with 422 and an error summary), its dashboard as a page, an A4 PDF and an XLSX
 * file, and "You said, we did": edited and published by the LA's lead, shared by link without sign-in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../http/staff-session.ts';
import type { Actor } from '../programme/index.ts';
import { staffNav } from '../programme/workspace.routes.ts';
import type { Services } from '../services.ts';
import type { Outcome, PlanView } from './actions.service.ts';
import { ACTION_STATUSES, INVOLVEMENT_GROUPS, INVOLVEMENT_WORDS, STATUS_WORDS } from './plan.ts';
import { planPageView } from './plan-view.ts';
import { dashboardPdf, posterPdf } from './plan-pdf.ts';
import { dashboardXlsx, XLSX_TYPE } from './plan-xlsx.ts';
import type { ActionForm } from './smart.ts';
import { hardToRead, type YouthPair } from './youth-page.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const param = (req: FastifyRequest, name: string): string => text((req.params as Record<string, unknown>)[name]);
const bodyOf = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

const statusItems = ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_WORDS[s] }));
const groupItems = INVOLVEMENT_GROUPS.map((g) => ({ value: g, text: INVOLVEMENT_WORDS[g] }));

function actionForm(b: Record<string, unknown>): ActionForm {
  return {
    what: text(b['what']),
    findings: list(b['findings']),
    indicator: text(b['indicator']),
    target: text(b['target']),
    byWave: text(b['byWave']),
    ownerRole: text(b['ownerRole']),
    ownerTeam: text(b['ownerTeam']),
    partners: text(b['partners']),
    dueOn: text(b['dueOn']),
    status: text(b['status']),
    involvementGroup: text(b['involvementGroup']),
    involvementHow: text(b['involvementHow']),
  };
}

/** The action being edited as the form's values (targets as whole percentages). */
function formOf(view: PlanView, actionId: string): ActionForm | undefined {
  const a = view.actions.find((x) => x.id === actionId);
  if (a === undefined) return undefined;
  return {
    what: a.what,
    findings: a.findings,
    indicator: `${a.indicator.instrumentId}.${a.indicator.questionId}.${a.indicator.measure}`,
    target: String(Math.round(a.target * 1000) / 10),
    byWave: String(a.byWave),
    ownerRole: a.ownerRole,
    ownerTeam: a.ownerTeam,
    partners: a.partners,
    dueOn: a.dueOn,
    status: a.status,
    involvementGroup: a.involvementGroup,
    involvementHow: a.involvementHow,
  };
}

const fileName = (view: PlanView, what: string, ext: string): string => `${view.wave.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${what}.${ext}`;

export function actionsRoutes(services: Services) {
  const { actions } = services;
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };
    const base = (waveId: string): string => `/staff/waves/${waveId}/actions`;

    async function renderPlan(reply: FastifyReply, actor: Actor, view: PlanView, extra: Record<string, unknown> = {}, status = 200) {
      return reply.render('action-plan.njk', { v: view, p: planPageView(view), staffNav: staffNav(actor), ...extra }, status);
    }

    function renderAction(reply: FastifyReply, actor: Actor, view: PlanView, actionId: string | null, form: Partial<ActionForm>, problems: Outcome & { ok: false } | null) {
      const problemList = problems?.problems ?? [];
      const errors = Object.fromEntries(problemList.map((p) => [p.field, p.text]));
      return reply.render(
        'action-form.njk',
        { v: view, actionId, form, problems: problemList, errors, statusItems, groupItems, action: actionId === null ? null : planPageView(view).actions.find((a) => a.id === actionId), staffNav: staffNav(actor) },
        problems === null ? 200 : 422,
      );
    }

    app.get('/staff/waves/:waveId/actions', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await actions.view(actor, param(req, 'waveId'));
      const q = req.query as Record<string, unknown>;
      return renderPlan(reply, actor, view, { saved: text(q['saved']), finding: text(q['finding']) });
    });

    app.post('/staff/waves/:waveId/actions/start', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      await actions.start(actor, param(req, 'waveId'));
      return reply.redirect(base(param(req, 'waveId')), 303);
    });

    app.get('/staff/waves/:waveId/actions/new', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await actions.view(actor, param(req, 'waveId'));
      if (!view.mayEdit || view.plan === null) return reply.redirect(base(view.wave.id), 303);
      const finding = text((req.query as Record<string, unknown>)['finding']);
      const f = view.findings.find((x) => x.id === finding);
      return renderAction(reply, actor, view, null, { findings: f ? [f.id] : [], indicator: f?.indicatorId ?? '', status: 'not_started', byWave: '1' }, null);
    });

    app.post('/staff/waves/:waveId/actions/new', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const form = actionForm(bodyOf(req));
      const outcome = await actions.saveAction(actor, param(req, 'waveId'), null, form);
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=action#action-${outcome.id ?? ''}`, 303);
      return renderAction(reply, actor, await actions.view(actor, param(req, 'waveId')), null, form, outcome);
    });

    app.get('/staff/waves/:waveId/actions/:actionId/edit', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await actions.view(actor, param(req, 'waveId'));
      const form = formOf(view, param(req, 'actionId'));
      if (form === undefined || !view.mayEdit) return reply.callNotFound();
      return renderAction(reply, actor, view, param(req, 'actionId'), form, null);
    });

    app.post('/staff/waves/:waveId/actions/:actionId/edit', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const form = actionForm(bodyOf(req));
      const outcome = await actions.saveAction(actor, param(req, 'waveId'), param(req, 'actionId'), form);
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=action#action-${param(req, 'actionId')}`, 303);
      return renderAction(reply, actor, await actions.view(actor, param(req, 'waveId')), param(req, 'actionId'), form, outcome);
    });

    app.post('/staff/waves/:waveId/actions/:actionId/updates', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const b = bodyOf(req);
      const form = { onDate: text(b['onDate']), status: text(b['updateStatus']), note: text(b['note']) };
      const outcome = await actions.addUpdate(actor, param(req, 'waveId'), param(req, 'actionId'), form);
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}/${param(req, 'actionId')}/edit?saved=update#updates`, 303);
      const view = await actions.view(actor, param(req, 'waveId'));
      const editing = formOf(view, param(req, 'actionId'));
      const errors = Object.fromEntries(outcome.problems.map((p) => [p.field, p.text]));
      return reply.render('action-form.njk', { v: view, actionId: param(req, 'actionId'), form: editing ?? {}, update: form, updateProblems: outcome.problems, updateErrors: errors, problems: [], errors: {}, statusItems, groupItems, action: planPageView(view).actions.find((a) => a.id === param(req, 'actionId')), staffNav: staffNav(actor) }, 422);
    });

    app.get('/staff/waves/:waveId/actions/kpis/new', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await actions.view(actor, param(req, 'waveId'));
      if (!view.mayEdit || view.plan === null) return reply.redirect(base(view.wave.id), 303);
      return reply.render('kpi-form.njk', { v: view, form: {}, problems: [], errors: {}, staffNav: staffNav(actor) });
    });

    app.post('/staff/waves/:waveId/actions/kpis/new', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const b = bodyOf(req);
      const form = { title: text(b['title']), indicator: text(b['indicator']), target: text(b['target']) };
      const outcome = await actions.addKpi(actor, param(req, 'waveId'), form);
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=kpi#kpis`, 303);
      const view = await actions.view(actor, param(req, 'waveId'));
      return reply.render('kpi-form.njk', { v: view, form, problems: outcome.problems, errors: Object.fromEntries(outcome.problems.map((p) => [p.field, p.text])), staffNav: staffNav(actor) }, 422);
    });

    app.post('/staff/waves/:waveId/actions/kpis/:kpiId/remove', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const outcome = await actions.removeKpi(actor, param(req, 'waveId'), param(req, 'kpiId'));
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=kpi-removed#kpis`, 303);
      return renderPlan(reply, actor, await actions.view(actor, param(req, 'waveId')), { problems: outcome.problems }, 422);
    });

    app.post('/staff/waves/:waveId/actions/agree', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const outcome = await actions.agree(actor, param(req, 'waveId'));
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}?saved=agreed`, 303);
      return renderPlan(reply, actor, await actions.view(actor, param(req, 'waveId')), { problems: outcome.problems }, 422);
    });

    app.get('/staff/waves/:waveId/actions/dashboard', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await actions.view(actor, param(req, 'waveId'));
      if (view.plan === null) return reply.redirect(base(view.wave.id), 303);
      return reply.render('action-dashboard.njk', { v: view, p: planPageView(view, await services.cycle.dashboardCycle(view)), staffNav: staffNav(actor) });
    });

    app.get('/staff/waves/:waveId/actions/dashboard.pdf', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await actions.download(actor, param(req, 'waveId'), 'dashboard-pdf');
      const body = await dashboardPdf(view, planPageView(view, await services.cycle.dashboardCycle(view)));
      return reply.header('Content-Disposition', `attachment; filename="${fileName(view, 'action-plan-progress', 'pdf')}"`).header('Cache-Control', 'no-store').type('application/pdf').send(body);
    });

    app.get('/staff/waves/:waveId/actions/dashboard.xlsx', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await actions.download(actor, param(req, 'waveId'), 'dashboard-xlsx');
      const body = await dashboardXlsx(view, planPageView(view, await services.cycle.dashboardCycle(view)));
      return reply.header('Content-Disposition', `attachment; filename="${fileName(view, 'action-plan-progress', 'xlsx')}"`).header('Cache-Control', 'no-store').type(XLSX_TYPE).send(body);
    });

    const youthEditor = (reply: FastifyReply, actor: Actor, view: PlanView, intro: string, items: readonly YouthPair[], problems: Outcome & { ok: false } | null) => {
      const rows = [...items, { said: '', did: '' }].map((i) => ({ ...i, hard: hardToRead(i.said) || hardToRead(i.did) }));
      const errors = Object.fromEntries((problems?.problems ?? []).map((p) => [p.field, p.text]));
      return reply.render('youth-edit.njk', { v: view, intro, rows, problems: problems?.problems ?? [], errors, introHard: hardToRead(intro), origin: services.config.publicUrl, staffNav: staffNav(actor) }, problems === null ? 200 : 422);
    };

    app.get('/staff/waves/:waveId/actions/you-said-we-did', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const { view, intro, items } = await actions.youthDraft(actor, param(req, 'waveId'));
      return youthEditor(reply, actor, view, intro, items, null);
    });

    app.post('/staff/waves/:waveId/actions/you-said-we-did', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const b = bodyOf(req);
      const said = list(b['said']);
      const did = list(b['did']);
      const items = said.map((s, i) => ({ said: s, did: did[i] ?? '' }));
      const outcome = await actions.saveYouth(actor, param(req, 'waveId'), text(b['intro']), items);
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}/you-said-we-did?saved=1`, 303);
      const { view } = await actions.youthDraft(actor, param(req, 'waveId'));
      return youthEditor(reply, actor, view, text(b['intro']), items, outcome);
    });

    app.post('/staff/waves/:waveId/actions/you-said-we-did/publish', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const outcome = await actions.publishYouth(actor, param(req, 'waveId'));
      if (outcome.ok) return reply.redirect(`${base(param(req, 'waveId'))}/you-said-we-did?published=1`, 303);
      const { view, intro, items } = await actions.youthDraft(actor, param(req, 'waveId'));
      return youthEditor(reply, actor, view, intro, items, outcome);
    });

    app.get('/staff/waves/:waveId/actions/you-said-we-did.pdf', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await actions.download(actor, param(req, 'waveId'), 'poster-pdf');
      const { intro, items } = await actions.youthDraft(actor, param(req, 'waveId'));
      const body = await posterPdf({ laName: view.laName, waveTitle: view.wave.title, intro, items });
      return reply.header('Content-Disposition', `attachment; filename="${fileName(view, 'you-said-we-did', 'pdf')}"`).header('Cache-Control', 'no-store').type('application/pdf').send(body);
    });

    // The shared page and its poster: no sign-in, found only by the random link the LA shares.
    app.get('/you-said-we-did/:token', async (req, reply) => {
      const shared = await actions.sharedYouth(param(req, 'token'));
      return reply.header('Cache-Control', 'no-store').render('youth-shared.njk', { ...shared, token: param(req, 'token') });
    });

    app.get('/you-said-we-did/:token/poster.pdf', async (req, reply) => {
      const shared = await actions.sharedYouth(param(req, 'token'));
      const body = await posterPdf({ laName: shared.laName, waveTitle: shared.waveTitle, intro: shared.page.intro, items: shared.page.items });
      return reply.header('Content-Disposition', 'inline; filename="you-said-we-did.pdf"').header('Cache-Control', 'no-store').type('application/pdf').send(body);
    });
  };
}
