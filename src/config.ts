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
  SAFEGUARDING_ESCALATE_HOURS: positiveInt(24),
  SAFEGUARDING_OFFICE_DAYS: z
    .string()
    .trim()
    .toLowerCase()
    .default('mon,tue,wed,thu,fri')
    .pipe(z.string().regex(/^(mon|tue|wed|thu|fri|sat|sun)(,(mon|tue|wed|thu|fri|sat|sun))*$/, 'must be days like mon,tue,wed,thu,fri'))
    .transform((v) => [...new Set(v.split(','))]),
  SAFEGUARDING_OFFICE_HOURS: z
    .string()
    .trim()
    .default('09:00-17:00')
    .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be a time range like 09:00-17:00'))
    .transform((v) => {
      const [from = 0, to = 0] = v.split('-').map((hm) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5)));
      return { from, to };
    })
    .refine((h) => h.from < h.to, 'must end after it starts, like 09:00-17:00'),
  RELEASE_K: z.coerce.number().int().min(5, 'must be at least 5: smaller groups could identify young people').default(10),
  RELEASE_DOWNLOAD_DAYS: positiveInt(14),
  RETENTION_FREE_TEXT_MONTHS: positiveInt(24),
  RETENTION_RESPONSES_MONTHS: positiveInt(84),
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters (a long random secret)').optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** Every environment variable the platform reads (tests check each is documented). */
export const configVariables: readonly string[] = Object.keys(schema.shape);

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
  /** A bearer token that lets a monitoring system read /metrics from outside this machine (unset: loopback only). */
  metricsToken: string | undefined;
  /** The default k of k-anonymity for anonymised data releases (never below 5). */
  releaseK: number;
  /** Days an approved data release may be downloaded. */
  releaseDownloadDays: number;
  /** Months after a wave closes that original free text is kept (then only approved, redacted text stays). */
  retentionFreeTextMonths: number;
  /** Months after a wave closes that its responses are kept. */
  retentionResponsesMonths: number;
  /** Weekdays (mon..sun) the response-rate updates go to LA survey leads during fieldwork. */
  digestDays: string[];
  /** Hour of the day (UK time, Europe/London) from which the updates are sent. */
  digestHour: number;
  /** Hours after which an unacknowledged safeguarding disclosure is escalated (and again after each further period). */
  safeguardingEscalateHours: number;
  /** The programme's office days (mon..sun, UK time): an urgent concern outside them also goes to the emergency duty team. */
  safeguardingOfficeDays: string[];
  /** Office hours on those days, as minutes after midnight UK time, from inclusive, to exclusive. */
  safeguardingOfficeHours: { from: number; to: number };
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
    metricsToken: c.METRICS_TOKEN,
    releaseK: c.RELEASE_K,
    releaseDownloadDays: c.RELEASE_DOWNLOAD_DAYS,
    retentionFreeTextMonths: c.RETENTION_FREE_TEXT_MONTHS,
    retentionResponsesMonths: c.RETENTION_RESPONSES_MONTHS,
    digestDays: c.DIGEST_DAYS,
    digestHour: c.DIGEST_HOUR,
    safeguardingEscalateHours: c.SAFEGUARDING_ESCALATE_HOURS,
    safeguardingOfficeDays: c.SAFEGUARDING_OFFICE_DAYS,
    safeguardingOfficeHours: c.SAFEGUARDING_OFFICE_HOURS,
  };
}

/** The configuration documented in the README, in one place so the docs and the code agree. */
export const configReference: ReadonlyArray<{ name: string; default: string; meaning: string }> = [
  { name: 'NODE_ENV', default: 'development', meaning: 'production, development or test; set production on a live server' },
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
  { name: 'SAFEGUARDING_ESCALATE_HOURS', default: '24', meaning: 'hours after which an unacknowledged safeguarding disclosure is sent again, also to the programme safeguarding reviewers' },
  { name: 'SAFEGUARDING_OFFICE_DAYS', default: 'mon,tue,wed,thu,fri', meaning: 'office days (UK time): an urgent concern outside office hours also goes to the emergency duty team' },
  { name: 'SAFEGUARDING_OFFICE_HOURS', default: '09:00-17:00', meaning: 'office hours on those days (UK time)' },
  { name: 'RELEASE_K', default: '10', meaning: 'each combination of background answers occurs at least this often in an anonymised data release (5 at least)' },
  { name: 'RELEASE_DOWNLOAD_DAYS', default: '14', meaning: 'days an LA may download an approved anonymised data release' },
  { name: 'RETENTION_FREE_TEXT_MONTHS', default: '24', meaning: 'months after a wave closes that original comments are kept; then only approved, redacted text stays' },
  { name: 'RETENTION_RESPONSES_MONTHS', default: '84', meaning: 'months after a wave closes that its responses are kept (7 years)' },
  { name: 'TRUST_PROXY', default: 'false', meaning: 'true behind a reverse proxy that sets X-Forwarded-For' },
  { name: 'METRICS_TOKEN', default: '(unset: /metrics from this machine only)', meaning: 'a long random secret; a monitoring system sends it as "Authorization: Bearer <token>" to read /metrics from elsewhere' },
];
