/** The trusted adults' guide: its words as data, the web page and the PDF drawn from them. */
export { GUIDES, guideFor, type Guide, type GuideSection, type GuideBlock } from './content.ts';
export { renderGuidePdf } from './guide.pdf.ts';
export { guideRoutes } from './guide.routes.ts';
