import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../lib/errors.ts';
import { createTranslator } from '../lib/i18n.ts';
import en from './messages/en.json' with { type: 'json' };
import { instrumentRoutes, type InstrumentRoutesDeps } from './routes.ts';

const views = join(dirname(fileURLToPath(import.meta.url)), 'views');
const translator = createTranslator({ en });

/** A stand-in for the shell: a minimal staff layout, reply.render and the AppError handler. */
async function shell(deps: InstrumentRoutesDeps): Promise<FastifyInstance> {
  const layoutDir = mkdtempSync(join(tmpdir(), 'qb-layout-'));
  writeFileSync(
    join(layoutDir, 'staff-layout.njk'),
    '<!DOCTYPE html><html><head><title>{% block title %}{% endblock %}</title></head><body>{% block content %}{% endblock %}</body></html>',
  );
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([views, layoutDir]), { autoescape: true, throwOnUndefined: true });
  const app = Fastify();
  app.decorateReply('render', function (this: FastifyReply, template: string, context: Record<string, unknown> = {}, status = 200) {
    return this.status(status).type('text/html; charset=utf-8').send(env.render(template, context));
  });
  app.setErrorHandler((error, _req, reply) =>
    isAppError(error) ? reply.status(error.status).send({ code: error.code }) : reply.status(500).send({ code: 'server_error' }),
  );
  await app.register(instrumentRoutes(deps));
  return app;
}

let app: FastifyInstance;
beforeAll(async () => {
  app = await shell({ t: (lang, key) => translator.t(lang, key) });
});
afterAll(async () => {
  await app.close();
});

describe('GET /question-bank', () => {
  it('lists every instrument with its published length', async () => {
    const res = await app.inject('/question-bank');
    expect(res.statusCode).toBe(200);
    for (const name of ['Your Life, Your Care (ages 4 to 7)', 'Your Life, Your Care (ages 8 to 11)', 'Your Life, Your Care (ages 11 to 17)', 'Your Life Beyond Care (ages 16 to 25)']) {
      expect(res.body).toContain(name);
    }
    for (const id of ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17', 'ylbc-16-25']) expect(res.body).toContain(`href="/question-bank/${id}"`);
    expect(res.body).toMatch(/govuk-table__cell--numeric">49</);
    expect(res.body).not.toMatch(/qb\.[a-z_.]+/);
  });
});

describe('GET /question-bank/:instrument', () => {
  it('shows each page as a table with wording, scale, reporting and skip logic in words', async () => {
    const res = await app.inject('/question-bank/ylyc-8-11');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('Your social worker');
    expect(html).toContain('Do you trust your social worker?');
    expect(html).toContain('Shown only when: question 6 (knows_social_worker) is Yes');
    expect(html).toContain('All of the time, Most of the time');
    expect(html).toContain('About right; not counted: I don&#39;t have contact');
    expect(html).toContain('<code>bullying_afraid</code>');
    expect(html).toMatch(/>14a<[\s\S]*>14b<[\s\S]*>14c</);
    expect(html).toContain('Help: Count each time a different person became your social worker.');
    expect(html).not.toMatch(/qb\.[a-z_.]+|q\.ylyc|opt\.[a-z]/);
    expect(html).not.toContain('<script');
  });

  it('shows ONS bands and the adult-answered section', async () => {
    const ylbc = await app.inject('/question-bank/ylbc-16-25');
    expect(ylbc.body).toContain('0–3; low well-being band 6–10');
    expect(ylbc.body).toContain('0 Not at all');
    const young = await app.inject('/question-bank/ylyc-4-7');
    expect(young.body).toContain('Answered by the adult');
    expect(young.body).toMatch(/>A1<[\s\S]*Adult: how old is the child\?/);
  });

  it('refuses an unknown instrument with not_found', async () => {
    const res = await app.inject('/question-bank/ylyc-99');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found' });
  });

  it('accepts the services translator as well as a bare t', async () => {
    const other = await shell({ i18n: translator });
    const res = await other.inject('/question-bank/ylyc-11-17');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Overall, how satisfied are you with your life nowadays?');
    await other.close();
  });
});
