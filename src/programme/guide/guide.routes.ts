/** The trusted adults' guide for any signed-in member of staff: a web page and a printable PDF per survey. */
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../http/staff-session.ts';
import { AppError } from '../../lib/errors.ts';
import type { SurveyId } from '../../instruments/types.ts';
import { staffNav } from '../workspace.routes.ts';
import { GUIDES, guideFor, type Guide } from './content.ts';
import { renderGuidePdf } from './guide.pdf.ts';

/** The guide from a URL's survey, or not_found. */
function guideOf(params: unknown): Guide {
  const survey = (params as Record<string, unknown>)['survey'];
  const guide = typeof survey === 'string' ? guideFor(survey) : undefined;
  if (!guide) throw new AppError('not_found');
  return guide;
}

/** The guide's routes; PDFs are made once per process (the words only change with a release). */
export function guideRoutes() {
  const pdfs = new Map<SurveyId, Promise<Buffer>>();
  const pdfOf = (guide: Guide): Promise<Buffer> => {
    let pdf = pdfs.get(guide.survey);
    if (!pdf) {
      pdf = renderGuidePdf(guide);
      pdfs.set(guide.survey, pdf);
      // A failed render is not cached: the next request tries again.
      pdf.catch(() => pdfs.delete(guide.survey));
    }
    return pdf;
  };

  return async function (app: FastifyInstance): Promise<void> {
    app.get('/staff/guide/:survey', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const guide = guideOf(req.params);
      const others = Object.values(GUIDES).filter((g) => g.survey !== guide.survey);
      return reply.render('guide-page.njk', { guide, others, staffNav: staffNav(actor) });
    });

    app.get('/staff/guide/:survey.pdf', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const guide = guideOf(req.params);
      const pdf = await pdfOf(guide);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="trusted-adults-guide-${guide.survey}.pdf"`)
        .send(pdf);
    });
  };
}
