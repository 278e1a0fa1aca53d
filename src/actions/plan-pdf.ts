/**
 * The plan's printable files, drawn with the reports' tagged A4 PDF writer: the progress dashboard
 * for leadership and the corporate parenting panel (actions by status, KPIs against targets, overdue
 * items, the New Belongings Plus sessions held and due, every action), and the "You said, we did" poster for young people in big, plain type.
 */
import { createPdf, DEFAULT_THEME, type Theme } from '../reports/pdf/document.ts';
import type { PlanView } from './actions.service.ts';
import type { PlanPageView } from './plan-view.ts';
import type { YouthPair } from './youth-page.ts';

/** The progress dashboard as an A4 PDF. */
export async function dashboardPdf(view: PlanView, p: PlanPageView): Promise<Buffer> {
  const title = `Action plan progress: ${view.wave.title}`;
  const w = await createPdf({ title, subject: `${view.laName}: progress against the action plan`, footer: (page, pages) => ({ left: `${view.laName} · Action plan progress`, right: `Page ${page} of ${pages}` }) });
  w.heading(1, title);
  const agreed = view.plan?.status === 'agreed' ? `Agreed on ${view.plan.agreedAt?.slice(0, 10) ?? ''}.` : 'Draft: not yet agreed.';
  w.paragraph(`${view.laName}. Answers version ${view.plan?.reportVersion ?? ''} of the published report. ${agreed} Figures as at ${view.today}.`);

  w.section();
  w.heading(2, 'Actions by status');
  w.table({ caption: `${p.total} action${p.total === 1 ? '' : 's'}, ${p.overdue} overdue`, columns: [{ header: 'Status', weight: 3 }, { header: 'Actions', weight: 1, align: 'right' }], rows: [...p.counts.map((c) => [c.text, String(c.count)]), ['Overdue (past due and not done)', String(p.overdue)]], rowHeaders: true });
  w.endSection();

  w.section();
  w.heading(2, 'KPIs against targets');
  w.paragraph(view.next === null ? 'The next wave of this survey has not been reported yet, so no KPI shows its new value.' : `Measured by ${view.next.title} (report version ${view.next.version}). A change is called statistically significant after controlling for false discoveries across the plan’s KPIs.`);
  w.table({
    columns: [{ header: 'KPI', weight: 4 }, { header: 'Baseline', weight: 1.4, align: 'right' }, { header: 'Target', weight: 1.2, align: 'right' }, { header: 'Now', weight: 1.2, align: 'right' }, { header: 'Change', weight: 4 }, { header: 'Result', weight: 2 }],
    rows: p.kpis.map((k) => [`${k.title} (${k.indicator})`, k.baseline, k.target, k.newValue, k.change, k.targetResult]),
    rowHeaders: true,
  });
  w.endSection();

  const overdue = p.actions.filter((a) => a.overdue);
  w.section();
  w.heading(2, 'Overdue actions');
  if (overdue.length === 0) w.paragraph('No action is past its due date.');
  else w.list(overdue.map((a) => `${a.number}. ${a.what} (due ${a.dueOn}; ${a.statusText}; owner ${a.owner})`));
  w.endSection();

  const cycle = p.sessions;
  if (cycle !== null) {
    w.section();
    w.heading(2, 'New Belongings Plus sessions');
    w.paragraph(`Run as New Belongings Plus since ${cycle.startedOn}. Where the cycle is: ${cycle.stage}. ${cycle.held} of ${cycle.total} sessions held, ${cycle.overdue} overdue, ${cycle.due} due soon.`);
    w.table({
      caption: 'Each session, held or planned',
      columns: [{ header: 'Session', weight: 3 }, { header: 'When', weight: 2.4 }, { header: 'Who came', weight: 4 }, { header: 'Decisions and actions', weight: 4 }],
      rows: cycle.rows.map((r) => [r.topic === '' ? r.title : `${r.title}: ${r.topic}`, r.when, r.who === '' ? '-' : r.who, [r.decisions, r.actions].filter((x) => x !== '').join('\n') || '-']),
      rowHeaders: true,
    });
    w.endSection();
  }

  w.section();
  w.heading(2, 'Every action', { newPage: true });
  for (const a of p.actions) {
    w.heading(3, `Action ${a.number}: ${a.statusText}${a.overdue ? ', overdue' : ''}`);
    w.paragraph(a.what);
    w.table({
      columns: [{ header: 'Part', weight: 1 }, { header: 'Detail', weight: 3 }],
      rowHeaders: true,
      rows: [
        ['Findings', a.findings.map((f) => f.label).join('\n')],
        ['Measure', `${a.indicator}: from ${a.baseline} to ${a.target} ${a.byWave}`],
        ['Owner', a.owner],
        ['Partners', a.partners],
        ['Due', a.dueOn],
        ['Young people', a.involvement],
        ['Result', `${a.targetResult}. ${a.change}`],
        ['Latest update', a.updates.length === 0 ? 'None yet' : `${a.updates[a.updates.length - 1]?.onDate ?? ''}: ${a.updates[a.updates.length - 1]?.note ?? ''}`],
      ],
    });
  }
  w.endSection();
  return w.finish();
}

const POSTER: Theme = { ...DEFAULT_THEME, text: { ...DEFAULT_THEME.text, size: 17, smallSize: 13, leading: 1.4 }, headings: [40, 26, 20], accent: '#1d5fa8' };

/** "You said, we did" as a printable A4 poster: big plain type, each pair kept together. */
export async function posterPdf(input: { laName: string; waveTitle: string; intro: string; items: readonly YouthPair[] }): Promise<Buffer> {
  const w = await createPdf({ title: `You said, we did: ${input.laName}`, subject: input.waveTitle, theme: POSTER, footer: (page, pages) => (pages === 1 ? input.laName : `${input.laName} · Page ${page} of ${pages}`) });
  w.heading(1, 'You said, we did');
  w.paragraph([{ text: input.laName, bold: true }], { style: { size: 20 } });
  w.paragraph(input.intro);
  for (const item of input.items) {
    const height = [...w.measure(item.said, w.width), ...w.measure(item.did, w.width)].reduce((a, l) => a + l.height, 0) + 90;
    w.keepTogether(height);
    w.section();
    w.heading(2, 'You said', { colour: '#1d5fa8', keepWithNext: 60 });
    w.paragraph(item.said);
    w.heading(3, 'We did', { colour: '#00703c', keepWithNext: 40 });
    w.paragraph(item.did, { gap: 24 });
    w.endSection();
  }
  return w.finish();
}
