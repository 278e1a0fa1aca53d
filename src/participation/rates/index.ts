/** Response rates: live dashboards, the programme-wide fieldwork page and the twice-weekly updates. */
export { ratesService, type RatesService, type RatesDeps } from './rates.service.ts';
export { ratesRoutes } from './rates.routes.ts';
export { ratesRepository } from './rates.repository.ts';
export { waveRates, audienceFor, bandLabel, type WaveRates, type WaveCounts } from './rates.ts';
export { project, outlook, needsHelp, cumulativeSeries, targetResponses, PACE_WINDOW_DAYS, type Projection, type Outlook, type DailyCount } from './projection.ts';
export { bandDisplay, showRate, countText, DISCLOSURE_THRESHOLD, type Audience, type ShownCount } from './disclosure.ts';
export { digestMessage, type TrackerGap, type TrackerGapsHook } from './digest.ts';
export { renderRateChart, rateChartSpec } from './chart.ts';
