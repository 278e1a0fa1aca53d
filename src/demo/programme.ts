/**
 * The demo programme, as data: three fictional local authorities, each with an open Your Life, Your
 * Care wave, an open Your Life Beyond Care wave, a closed wave from the previous year and an imported
 * one from the year before; and five more LAs that only the national comparator shows. The names and
 * ONS codes are invented (the codes are well formed but beyond the ranges ONS has issued), so nothing
 * here can be mistaken for a real council's results. Tests, the demo and later features share it.
 */
import type { InstrumentId, SurveyId } from '../instruments/types.ts';
import type { Nation } from '../programme/index.ts';
import type { PlanItemKey } from '../programme/planning/index.ts';

/** The seed `npm run demo` uses, so every demo shows the same figures. */
export const DEMO_SEED = 20_260_302;

export interface DemoWave {
  /** A stable name for the wave within its LA (seeds its own random stream). */
  key: string;
  survey: SurveyId;
  /** Fieldwork window as days relative to the demo's "today" (negative: in the past). */
  opensInDays: number;
  closesInDays: number;
  /** Closed waves are seeded open, filled, then closed, so their link shows "this survey has closed". */
  status: 'open' | 'closed';
  eligible: Partial<Record<InstrumentId, number>>;
  /** Synthetic responses to store per instrument. */
  responses: Partial<Record<InstrumentId, number>>;
  /** Whether the wave runs a prize draw (young people may enter from the thank-you page). */
  prizeDraw?: boolean;
  /** Planning checklist items left unticked (overdue once fieldwork has started); every other item is ticked. */
  planLeftOut?: readonly PlanItemKey[];
}

/**
 * A wave from before the platform: its responses are loaded through the import of historical responses
 * (as an LA's CSV file would be), so the wave is created closed and its responses carry no timing.
 */
export interface PastWave {
  key: string;
  survey: SurveyId;
  opensInDays: number;
  closesInDays: number;
  eligible: Partial<Record<InstrumentId, number>>;
  responses: Partial<Record<InstrumentId, number>>;
  /** How the LA's young people answered then, when it differs from now (so the report shows change). */
  outlook?: number;
}

export interface DemoLa {
  name: string;
  nation: Nation;
  onsCode: string;
  /**
   * How this LA's young people tend to answer, -1 (much less positive) to 1 (much more), so the three
   * LAs differ in their reports the way real ones do.
   */
  outlook: number;
  waves: readonly DemoWave[];
  /** Earlier waves, imported: the LA's report then shows change since the last survey. */
  history?: readonly PastWave[];
}

/**
 * Another LA of the programme that only the national comparator shows: no staff, no open waves, just
 * closed waves imported from past years. Some consent to be named in comparisons.
 */
export interface ComparatorLa {
  name: string;
  nation: Nation;
  onsCode: string;
  outlook: number;
  named: boolean;
  history: readonly PastWave[];
}

const ylyc = (eligible: [number, number, number], responses: [number, number, number]) => ({
  survey: 'ylyc' as const,
  eligible: { 'ylyc-4-7': eligible[0], 'ylyc-8-11': eligible[1], 'ylyc-11-17': eligible[2] },
  responses: { 'ylyc-4-7': responses[0], 'ylyc-8-11': responses[1], 'ylyc-11-17': responses[2] },
});

const ylbc = (eligible: number, responses: number) => ({
  survey: 'ylbc' as const,
  eligible: { 'ylbc-16-25': eligible },
  responses: { 'ylbc-16-25': responses },
});

/** This year's YLYC fieldwork: five weeks in, three to go. */
const ylycNow = { opensInDays: -35, closesInDays: 21, status: 'open' as const };
/** This year's YLBC fieldwork: four weeks in, four to go. */
const ylbcNow = { opensInDays: -28, closesInDays: 28, status: 'open' as const };
/** Last year's fieldwork: eight weeks, a year ago. */
const lastYear = { opensInDays: -400, closesInDays: -344, status: 'closed' as const };

/** The wave two years ago: eight weeks, closed about 23 months before today. */
const twoYearsAgo = { opensInDays: -765, closesInDays: -709 };

/** The LAs and waves `npm run demo` seeds; responses total about 2,450, and about 800 more imported from two years ago. */
export const demoProgramme: readonly DemoLa[] = [
  {
    name: 'Northmere Borough Council',
    nation: 'england',
    onsCode: 'E06000991',
    outlook: 0,
    waves: [
      { key: 'ylyc-now', ...ylycNow, ...ylyc([90, 170, 360], [31, 82, 177]) },
      { key: 'ylbc-now', ...ylbcNow, ...ylbc(610, 265), prizeDraw: true },
      { key: 'ylyc-last-year', ...lastYear, ...ylyc([85, 160, 350], [26, 70, 150]) },
    ],
    // Two years ago fewer young people felt settled and trusted their carers: the report shows the change.
    history: [{ key: 'ylyc-two-years-ago', ...twoYearsAgo, ...ylyc([80, 150, 340], [22, 60, 138]), outlook: -0.9 }],
  },
  {
    name: 'Kelderby County Council',
    nation: 'england',
    onsCode: 'E10000991',
    // A large county, a little below the target response rate in YLYC and less positive overall.
    outlook: -0.35,
    waves: [
      // Nobody has recorded the trusted adults' briefing: the demo's one overdue checklist item.
      { key: 'ylyc-now', ...ylycNow, ...ylyc([150, 270, 560], [38, 84, 158]), planLeftOut: ['briefing'] },
      { key: 'ylbc-now', ...ylbcNow, ...ylbc(920, 360) },
      { key: 'ylbc-last-year', ...lastYear, ...ylbc(880, 330) },
    ],
    history: [{ key: 'ylbc-two-years-ago', ...twoYearsAgo, ...ylbc(860, 280), outlook: -0.1 }],
  },
  {
    name: 'Afon Wen Council',
    nation: 'wales',
    onsCode: 'W06000991',
    // A smaller Welsh council with high response rates and more positive answers.
    outlook: 0.35,
    waves: [
      { key: 'ylyc-now', ...ylycNow, ...ylyc([70, 130, 280], [28, 71, 156]) },
      { key: 'ylbc-now', ...ylbcNow, ...ylbc(400, 210) },
      { key: 'ylyc-last-year', ...lastYear, ...ylyc([65, 125, 270], [24, 62, 130]) },
    ],
    history: [{ key: 'ylyc-two-years-ago', ...twoYearsAgo, ...ylyc([60, 120, 260], [20, 55, 118]), outlook: 0.1 }],
  },
];

/** A past wave of the comparator, closing `weeksBefore` weeks before the demo LAs' closed waves of last year. */
const pastYlyc = (weeksBefore: number, eligible: [number, number, number], responses: [number, number, number]): PastWave => ({
  key: 'ylyc-past',
  opensInDays: lastYear.opensInDays - 7 * weeksBefore,
  closesInDays: lastYear.closesInDays - 7 * weeksBefore,
  ...ylyc(eligible, responses),
});
const pastYlbc = (weeksBefore: number, eligible: number, responses: number): PastWave => ({
  key: 'ylbc-past',
  opensInDays: lastYear.opensInDays - 7 * weeksBefore,
  closesInDays: lastYear.closesInDays - 7 * weeksBefore,
  ...ylbc(eligible, responses),
});

/**
 * The rest of the programme, for the national comparator: five more fictional LAs, each with a closed
 * YLYC and YLBC wave in the year before the demo LAs' closed waves (so within the 24 months a report
 * looks back), about 2,000 responses in all. Names and ONS codes are invented like the demo LAs'.
 */
export const demoComparator: readonly ComparatorLa[] = [
  { name: 'Eastholm City Council', nation: 'england', onsCode: 'E08000991', outlook: 0.1, named: true, history: [pastYlyc(6, [110, 210, 430], [30, 78, 170]), pastYlbc(10, 700, 230)] },
  { name: 'Riverby Metropolitan Borough Council', nation: 'england', onsCode: 'E08000992', outlook: -0.25, named: false, history: [pastYlyc(14, [120, 230, 470], [26, 70, 150]), pastYlbc(18, 760, 210)] },
  { name: 'Westvale County Council', nation: 'england', onsCode: 'E10000992', outlook: 0.2, named: true, history: [pastYlyc(22, [100, 190, 400], [28, 74, 160]), pastYlbc(26, 640, 200)] },
  { name: 'Cwm Hafod County Borough Council', nation: 'wales', onsCode: 'W06000992', outlook: 0, named: true, history: [pastYlyc(30, [60, 115, 240], [21, 52, 105]), pastYlbc(34, 380, 170)] },
  { name: 'Lindenshaw Borough Council', nation: 'england', onsCode: 'E06000992', outlook: -0.1, named: false, history: [pastYlyc(38, [75, 140, 300], [23, 60, 122]), pastYlbc(42, 450, 180)] },
];
