import { resolve } from 'node:path';
import { z } from 'zod';

/** Days, hours, minutes as positive integers from the environment. */
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DRAFT_TTL_DAYS: positiveInt(30),
  DRAFTS_PER_WAVE_PER_HOUR: positiveInt(2000),
  RATE_LIMIT_PER_MINUTE: positiveInt(300),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_MAX_HOURS: positiveInt(12),
  DIGEST_DAYS: z
    .string()
    .trim()
    .toLowerCase()
    .default('mon,thu')
    .pipe(z.string().regex(/^(mon|tue|wed|thu|fri|sat|sun)(,(mon|tue|wed|thu|fri|sat|sun))*$/, 'must be days like mon,thu'))
    .transform((v) => [...new Set(v.split(','))]),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  logLevel: string;
  draftTtlDays: number;
  draftsPerWavePerHour: number;
  rateLimitPerMinute: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  trustProxy: boolean;
  /** Weekdays (mon..sun) the response-rate updates go to LA survey leads during fieldwork. */
  digestDays: string[];
  /** Hour of the day (UK time, Europe/London) from which the updates are sent. */
  digestHour: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Reads and validates the environment; the only place in the code that touches process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    publicUrl: (c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? 'localhost' : c.HOST}:${c.PORT}`).replace(/\/$/, ''),
    smtpUrl: c.SMTP_URL,
    logLevel: c.LOG_LEVEL,
    draftTtlDays: c.DRAFT_TTL_DAYS,
    draftsPerWavePerHour: c.DRAFTS_PER_WAVE_PER_HOUR,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    sessionMaxHours: c.SESSION_MAX_HOURS,
    trustProxy: c.TRUST_PROXY,
    digestDays: c.DIGEST_DAYS,
    digestHour: c.DIGEST_HOUR,
  };
}

/** The configuration documented in the README, in one place so the docs and the code agree. */
export const configReference: ReadonlyArray<{ name: string; default: string; meaning: string }> = [
  { name: 'PORT', default: '3000', meaning: 'TCP port to listen on (0 picks a free one)' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'address to listen on (0.0.0.0 behind a proxy or in a container)' },
  { name: 'DATA_DIR', default: './data', meaning: 'folder for the SQLite database and generated files' },
  { name: 'DATABASE_URL', default: '(unset: SQLite in DATA_DIR)', meaning: 'PostgreSQL connection URL for production' },
  { name: 'PUBLIC_URL', default: 'http://HOST:PORT', meaning: 'the address young people and staff use, for printed links' },
  { name: 'SMTP_URL', default: '(unset: emails go to DATA_DIR/outbox)', meaning: 'SMTP server for staff emails' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent' },
  { name: 'DRAFT_TTL_DAYS', default: '30', meaning: 'days a saved, unfinished survey is kept' },
  { name: 'DRAFTS_PER_WAVE_PER_HOUR', default: '2000', meaning: 'new surveys that may be started per wave per hour' },
  { name: 'RATE_LIMIT_PER_MINUTE', default: '300', meaning: 'requests per client address per minute, counted in memory only' },
  { name: 'SESSION_IDLE_MINUTES', default: '30', meaning: 'a staff session ends after this long without a request' },
  { name: 'SESSION_MAX_HOURS', default: '12', meaning: 'a staff session ends this long after sign-in, however active' },
  { name: 'DIGEST_DAYS', default: 'mon,thu', meaning: 'days the response-rate updates are emailed to LA survey leads during fieldwork' },
  { name: 'DIGEST_HOUR', default: '7', meaning: 'hour (0-23, UK time) from which those updates are sent' },
  { name: 'TRUST_PROXY', default: 'false', meaning: 'true behind a reverse proxy that sets X-Forwarded-For' },
];
