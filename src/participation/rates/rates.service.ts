/**
 * Response-rate use cases: a wave's live dashboard, the programme-wide fieldwork page, and the
 * twice-weekly updates to LA survey leads. Tenancy is decided by programme/roles.ts (mayActIn).
 */
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { isoDay } from '../../lib/clock.ts';
import type { Mailer } from '../../lib/email.ts';
import { AppError } from '../../lib/errors.ts';
import { hasCapability, mayActIn, type AccountsService, type Actor, type AuditLog, type ProgrammeService, type WaveSummary } from '../../programme/index.ts';
import { renderRateChart } from './chart.ts';
import { digestMessage, type TrackerGapsHook } from './digest.ts';
import type { Audience } from './disclosure.ts';
import { ratesRepository } from './rates.repository.ts';
import { audienceFor, byNeed, longDate, percent, waveRates, weeklyPoints, type WaveRates, type WeekPoint } from './rates.ts';

export interface RatesDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  accounts: AccountsService;
  audit: AuditLog;
  mailer: Mailer;
  publicUrl: string;
  /** The participation tracker's gaps for the updates (optional, so rates work without a tracker). */
  trackerGaps?: TrackerGapsHook;
}

/** Whether a wave is in fieldwork on a day: open, and the day inside its window. */
const inFieldwork = (w: WaveSummary, today: string) => w.status === 'open' && w.opensOn <= today && today <= w.closesOn;

/** Builds the response-rate service. */
export function ratesService(d: RatesDeps) {
  const repo = ratesRepository(d.db);
  const today = () => isoDay(d.clock.now());

  async function ratesOf(waves: WaveSummary[], audience: (w: WaveSummary) => Audience, day = today()): Promise<WaveRates[]> {
    const daily = await repo.dailyCounts(waves.map((w) => w.id));
    return waves.map((w) => waveRates({ wave: w, laName: w.laName, responsesByInstrument: w.responsesByInstrument, daily: daily.get(w.id) ?? [] }, audience(w), day));
  }

  return {
    /** A wave's dashboard with its chart, for staff who may view the wave; another LA's wave is not found. */
    async dashboard(actor: Actor, waveId: string): Promise<WaveRates & { chartSvg: string; weeks: WeekPoint[] }> {
      const wave = (await d.programme.listWaves()).find((w) => w.id === waveId);
      if (!wave || !mayActIn(actor, 'wave.view', wave.laId)) throw new AppError('not_found');
      const [rates] = await ratesOf([wave], () => audienceFor(actor, wave.laId));
      if (!rates) throw new AppError('not_found');
      const last = rates.series.at(-1);
      const description =
        rates.series.length === 0
          ? `Fieldwork has not started: it runs from ${longDate(wave.opensOn)} to ${longDate(wave.closesOn)}.`
          : `The response rate rose to ${percent(last?.rate ?? null)} by ${longDate(last?.day ?? wave.opensOn)}, against a target of ${percent(wave.targetRate)}.` +
            (rates.projectedRate !== null && rates.projection.phase === 'in_fieldwork' ? ` At the recent pace it is projected to reach ${percent(rates.projectedRate)} by ${longDate(wave.closesOn)}.` : '');
      const chartSvg = rates.eligible > 0 ? await renderRateChart({ opensOn: wave.opensOn, closesOn: wave.closesOn, series: rates.series, targetRate: wave.targetRate, projectedRate: rates.projectedRate, title: `Cumulative response rate, ${wave.title}`, description }) : '';
      return { ...rates, chartSvg, weeks: weeklyPoints(rates.series) };
    },

    /** Every wave in fieldwork across the programme, most in need of help first (programme staff only). */
    async fieldwork(actor: Actor): Promise<WaveRates[]> {
      if (!hasCapability(actor, 'programme.view')) throw new AppError('forbidden');
      const live = (await d.programme.listWaves()).filter((w) => w.status === 'open');
      return (await ratesOf(live, () => 'programme')).sort(byNeed);
    },

    /**
     * Sends the response-rate update for every wave in fieldwork to each active survey lead (la_lead) of
     * its LA. Safe to run again under the same run key: whoever already got this run's update is skipped.
     */
    async sendDigests(runKey: string): Promise<{ sent: number; waves: number }> {
      // The run's own (UK) date, e.g. 'digest:2026-03-05', so a run just after midnight UK time is not a day behind.
      const day = /\d{4}-\d{2}-\d{2}$/.exec(runKey)?.[0] ?? today();
      const waves = (await d.programme.listWaves()).filter((w) => inFieldwork(w, day));
      if (waves.length === 0) return { sent: 0, waves: 0 };
      const accounts = (await d.accounts.listAccounts()).filter((a) => a.status === 'active');
      let sent = 0;
      for (const rates of await ratesOf(waves, () => 'email', day)) {
        const wave = rates.wave;
        const leads = accounts.filter((a) => a.grants.some((g) => g.role === 'la_lead' && g.laId === wave.laId));
        if (leads.length === 0) continue;
        const gaps = d.trackerGaps ? await d.trackerGaps(wave.id) : null;
        let toWave = 0;
        for (const lead of leads) {
          if (await repo.digestSent(runKey, wave.id, lead.id)) continue;
          const message = digestMessage({ rates, recipientName: lead.name, dashboardUrl: `${d.publicUrl}/staff/waves/${wave.id}/rates`, gaps });
          await d.mailer.send({ to: lead.email, ...message });
          await repo.markDigestSent(runKey, wave.id, lead.id, d.clock.now().toISOString());
          toWave++;
        }
        if (toWave > 0) await d.audit.record(null, 'rates.digest_sent', wave.laId, wave.id, { runKey, recipients: toWave });
        sent += toWave;
      }
      return { sent, waves: waves.length };
    },
  };
}

export type RatesService = ReturnType<typeof ratesService>;
