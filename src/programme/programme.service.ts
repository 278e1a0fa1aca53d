/** Use cases for local authorities and waves (the CLI now, the staff area later). */
import { z } from 'zod';
import type { Clock } from '../lib/clock.ts';
import { isoDay } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { newCode, newId } from '../lib/ids.ts';
import { INSTRUMENT_IDS, type InstrumentId, type SurveyId } from '../instruments/types.ts';
import type { ProgrammeRepository } from './programme.repository.ts';
import {
  DEFAULT_TARGET_RATE,
  NATIONS,
  SURVEY_INSTRUMENTS,
  totalEligible,
  type LocalAuthority,
  type Wave,
  type WaveStatus,
} from './wave.ts';

const isoDate = z.iso.date();

export const newLaInput = z.object({
  name: z.string().trim().min(2).max(120),
  nation: z.enum(NATIONS),
  onsCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[EWSN]\d{8}$/, 'an ONS area code is a letter (E, W, S or N) and 8 digits, e.g. E10000025'),
});

export const newWaveInput = z
  .object({
    laId: z.string().min(1),
    survey: z.enum(['ylyc', 'ylbc']),
    title: z.string().trim().min(2).max(160).optional(),
    eligible: z.record(z.string(), z.number().int().min(0).max(100_000)),
    languages: z.array(z.string().min(2).max(12)).min(1).default(['en']),
    /** Draft languages among `languages` a programme administrator switched on for the wave. */
    draftLanguages: z.array(z.string().min(2).max(12)).default([]),
    targetRate: z.number().gt(0).max(1).default(DEFAULT_TARGET_RATE),
    opensOn: isoDate,
    closesOn: isoDate,
    status: z.enum(['planned', 'open']).default('open'),
    /** The age versions offered: a subset of the survey's (all of them when omitted). */
    instruments: z.array(z.enum(INSTRUMENT_IDS)).min(1).optional(),
    prizeDraw: z.boolean().default(false),
  })
  .refine((w) => w.closesOn >= w.opensOn, { message: 'the close date must not be before the open date', path: ['closesOn'] })
  .refine((w) => Object.keys(w.eligible).every((k) => (SURVEY_INSTRUMENTS[w.survey] as readonly string[]).includes(k)), {
    message: 'eligible counts must be per instrument of the survey',
    path: ['eligible'],
  })
  .refine((w) => (w.instruments ?? []).every((k) => (SURVEY_INSTRUMENTS[w.survey] as readonly string[]).includes(k)), {
    message: 'the instruments offered must be the survey\'s own',
    path: ['instruments'],
  });

export type NewWaveInput = z.input<typeof newWaveInput>;

export interface WaveSummary extends Wave {
  laName: string;
  responses: number;
  responsesByInstrument: Partial<Record<InstrumentId, number>>;
  eligibleTotal: number;
}

/** A wave's survey link code: 8 characters from the unambiguous alphabet. */
const linkCode = () => newCode(8);

export function programmeService(repo: ProgrammeRepository, clock: Clock) {
  return {
    /** Adds a local authority; names are unique. */
    async addLa(input: unknown): Promise<LocalAuthority> {
      const v = newLaInput.parse(input);
      if (await repo.findLa(v.name)) throw new AppError('conflict', `A local authority called ${v.name} exists`);
      const la: LocalAuthority = { id: newId(), ...v, createdAt: clock.now().toISOString() };
      await repo.insertLa(la);
      return la;
    },

    listLas: () => repo.listLas(),
    findLa: (idOrName: string) => repo.findLa(idOrName),

    /** Opens (or plans) a wave of a survey for an LA with its eligible counts per instrument. */
    async openWave(input: NewWaveInput): Promise<Wave> {
      const v = newWaveInput.parse(input);
      const la = await repo.findLa(v.laId);
      if (!la) throw new AppError('not_found', 'No such local authority');
      const survey: SurveyId = v.survey;
      const instruments = SURVEY_INSTRUMENTS[survey].filter((id) => !v.instruments || v.instruments.includes(id));
      const wave: Wave = {
        id: newId(),
        laId: la.id,
        survey,
        linkCode: linkCode(),
        title: v.title ?? `${la.name} ${survey === 'ylyc' ? 'Your Life, Your Care' : 'Your Life Beyond Care'} ${v.opensOn.slice(0, 4)}`,
        instruments,
        eligible: v.eligible,
        languages: v.languages,
        draftLanguages: v.draftLanguages.filter((l) => v.languages.includes(l)),
        targetRate: v.targetRate,
        status: v.status,
        opensOn: v.opensOn,
        closesOn: v.closesOn,
        createdAt: clock.now().toISOString(),
        closedAt: null,
        prizeDraw: v.prizeDraw,
      };
      await repo.insertWave(wave);
      return wave;
    },

    /** Closes a wave: its link then shows the "this survey has closed" page. */
    async closeWave(id: string): Promise<Wave> {
      const wave = await repo.findWave(id);
      if (!wave) throw new AppError('not_found', 'No such wave');
      if (wave.status === 'closed' || wave.status === 'reported') return wave;
      await repo.setWaveStatus(id, 'closed', clock.now().toISOString());
      return { ...wave, status: 'closed', closedAt: clock.now().toISOString() };
    },

    /** Sets a wave's status (planned -> open, etc.). */
    async setStatus(id: string, status: WaveStatus): Promise<void> {
      const wave = await repo.findWave(id);
      if (!wave) throw new AppError('not_found', 'No such wave');
      // A finished wave keeps the day it closed (reporting it must not move it out of other LAs'
      // comparator windows); only reopening clears it.
      const finished = status === 'closed' || status === 'reported';
      await repo.setWaveStatus(id, status, finished ? (wave.closedAt ?? clock.now().toISOString()) : null);
    },

    findWave: (id: string) => repo.findWave(id),
    waveByLinkCode: (code: string) => repo.findWaveByLinkCode(code),

    /** Every wave (optionally of one LA) with its response counts. */
    async listWaves(laId?: string): Promise<WaveSummary[]> {
      const [waves, las] = await Promise.all([repo.listWaves(laId), repo.listLas()]);
      const counts = await repo.responseCounts(waves.map((w) => w.id));
      const names = new Map(las.map((l) => [l.id, l.name]));
      return waves.map((w) => {
        const by = counts.get(w.id) ?? {};
        return {
          ...w,
          laName: names.get(w.laId) ?? '',
          responses: Object.values(by).reduce((a, b) => a + (b ?? 0), 0),
          responsesByInstrument: by,
          eligibleTotal: totalEligible(w),
        };
      });
    },

    today: () => isoDay(clock.now()),
  };
}

export type ProgrammeService = ReturnType<typeof programmeService>;
