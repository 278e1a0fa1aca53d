/**
 * The progress dashboard as a spreadsheet: the actions, the KPIs, every progress update and (when the
 * plan is run as New Belongings Plus) the cycle's sessions, one sheet each, with the same words as the page.
 */
import type { PlanView } from './actions.service.ts';
import type { PlanPageView } from './plan-view.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Builds the workbook (ExcelJS is loaded on first use: it is large). */
export async function dashboardXlsx(view: PlanView, p: PlanPageView): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.title = `Action plan progress: ${view.wave.title}`;
  const sheet = (name: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([...header]);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rows) ws.addRow([...r]);
    ws.columns.forEach((c) => {
      c.width = 24;
    });
  };
  sheet('Summary', ['Measure', 'Value'], [
    ['Local authority', view.laName],
    ['Wave', view.wave.title],
    ['Plan status', view.plan?.status === 'agreed' ? `Agreed ${view.plan.agreedAt?.slice(0, 10) ?? ''}` : 'Draft'],
    ['Figures as at', view.today],
    ['Actions', p.total],
    ...p.counts.map((c): [string, number] => [c.text, c.count]),
    ['Overdue', p.overdue],
    ['KPIs', p.kpis.length],
    ['KPIs measured by the next wave', p.kpisMeasured],
    ['KPIs meeting their target', p.kpisMet],
    ...(p.sessions === null
      ? [['New Belongings Plus', 'Not run as New Belongings Plus'] as [string, string]]
      : ([
          ['New Belongings Plus since', p.sessions.startedOn],
          ['Where the cycle is', p.sessions.stage],
          ['Sessions held', p.sessions.held],
          ['Sessions overdue', p.sessions.overdue],
          ['Sessions due soon', p.sessions.due],
        ] as Array<[string, string | number]>)),
  ]);
  sheet(
    'Actions',
    ['Number', 'What will change', 'Findings', 'Indicator', 'Baseline', 'Target', 'By', 'Owner', 'Partners', 'Due', 'Status', 'Overdue', 'Young people involved', 'Now', 'Change', 'Result'],
    p.actions.map((a) => [a.number, a.what, a.findings.map((f) => f.label).join('; '), a.indicator, a.baseline, a.target, a.byWave, a.owner, a.partners, a.dueOn, a.statusText, a.overdue ? 'Yes' : 'No', a.involvement, a.newValue, a.change, a.targetResult]),
  );
  sheet('KPIs', ['KPI', 'Indicator', 'Baseline', 'Target', 'Now', 'Change', 'Result'], p.kpis.map((k) => [k.title, k.indicator, k.baseline, k.target, k.newValue, k.change, k.targetResult]));
  sheet('Progress updates', ['Action', 'Date', 'Status', 'Update', 'Recorded by'], p.actions.flatMap((a) => a.updates.map((u) => [a.number, u.onDate, u.statusText, u.note, u.by])));
  if (p.sessions !== null) {
    sheet(
      'Sessions',
      ['Session', 'Topic', 'Planned', 'Held', 'State', 'When', 'Who came', 'Young people', 'Decisions', 'Actions created or changed'],
      p.sessions.rows.map((r) => [r.title, r.topic, r.plannedOn, r.held, r.stateText, r.when, r.who, r.youngPeople, r.decisions, r.actions]),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
