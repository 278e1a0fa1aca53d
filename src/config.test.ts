import { describe, expect, it } from 'vitest';
import { ConfigError, configReference, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives documented defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.draftTtlDays).toBe(30);
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DRAFT_TTL_DAYS: '-1', SMTP_URL: 'http://mail' });
      expect.unreachable('invalid configuration must throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'DRAFT_TTL_DAYS', 'SMTP_URL']) expect(problems).toContain(name);
    }
  });

  it('reads the response-rate update days and hour (UK time), defaulting to Mondays and Thursdays at 7', () => {
    expect(loadConfig({})).toMatchObject({ digestDays: ['mon', 'thu'], digestHour: 7 });
    expect(loadConfig({ DIGEST_DAYS: 'Tue,wed', DIGEST_HOUR: '9' })).toMatchObject({ digestDays: ['tue', 'wed'], digestHour: 9 });
    expect(() => loadConfig({ DIGEST_DAYS: 'monday' })).toThrow(/DIGEST_DAYS/);
    expect(() => loadConfig({ DIGEST_HOUR: '24' })).toThrow(/DIGEST_HOUR/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it('documents every variable it reads', () => {
    const documented = new Set(configReference.map((r) => r.name));
    for (const name of ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL', 'LOG_LEVEL', 'DRAFT_TTL_DAYS', 'DRAFTS_PER_WAVE_PER_HOUR', 'RATE_LIMIT_PER_MINUTE', 'TRUST_PROXY']) {
      expect(documented.has(name), name).toBe(true);
    }
  });
});
