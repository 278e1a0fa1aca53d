/**
 * The co-production and participation self-assessment, pure: the statements an LA scores 0 to 3 with
 * evidence, grouped by theme (being heard, influencing services, being rewarded), and the scoring.
 */

export const THEMES = ['heard', 'influence', 'reward'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_WORDS: Record<Theme, string> = {
  heard: 'How children in care and care leavers are heard',
  influence: 'How they influence services',
  reward: 'How they are rewarded and recognised',
};

export interface Statement {
  readonly id: string;
  readonly theme: Theme;
  readonly text: string;
}

export const STATEMENTS: readonly Statement[] = [
  { id: 'council', theme: 'heard', text: 'There is an active children in care council that meets regularly.' },
  { id: 'forum', theme: 'heard', text: 'There is an active care leavers’ forum that meets regularly.' },
  { id: 'young_children', theme: 'heard', text: 'Younger children and those placed out of area have ways to be heard that suit them.' },
  { id: 'advocacy', theme: 'heard', text: 'Every child in care and care leaver knows how to get an advocate.' },
  { id: 'panel', theme: 'influence', text: 'Young people meet the corporate parenting panel and senior leaders and hear back what changed.' },
  { id: 'recruitment', theme: 'influence', text: 'Young people take part in recruiting staff and commissioning services.' },
  { id: 'plans', theme: 'influence', text: 'Young people help write and review the service’s plans and policies.' },
  { id: 'feedback_loop', theme: 'influence', text: 'The service tells young people what it did with what they said (“You said, we did”).' },
  { id: 'paid', theme: 'reward', text: 'Young people are paid or rewarded fairly for their time and expertise.' },
  { id: 'skills', theme: 'reward', text: 'Taking part brings training, references or accreditation.' },
];

export const SCORE_WORDS = ['Not in place', 'Starting', 'In place', 'Embedded'] as const;
export const MAX_SCORE = SCORE_WORDS.length - 1;

export interface Answer {
  readonly score: number;
  readonly evidence: string;
}

export type Answers = Readonly<Record<string, Answer>>;

export interface Scored {
  readonly total: number;
  readonly max: number;
  /** Whole percentage of the maximum. */
  readonly percent: number;
  readonly themes: ReadonlyArray<{ theme: Theme; label: string; total: number; max: number }>;
  /** Statements scored 0 or 1: where to act first. */
  readonly gaps: readonly Statement[];
  /** Statements with no answer yet. */
  readonly unanswered: number;
}

/** Totals overall and by theme; unanswered statements count as 0 and are listed as such. */
export function score(answers: Answers): Scored {
  const of = (s: Statement): number => answers[s.id]?.score ?? 0;
  const total = STATEMENTS.reduce((n, s) => n + of(s), 0);
  const max = STATEMENTS.length * MAX_SCORE;
  return {
    total,
    max,
    percent: Math.round((100 * total) / max),
    themes: THEMES.map((theme) => {
      const ss = STATEMENTS.filter((s) => s.theme === theme);
      return { theme, label: THEME_WORDS[theme], total: ss.reduce((n, s) => n + of(s), 0), max: ss.length * MAX_SCORE };
    }),
    gaps: STATEMENTS.filter((s) => answers[s.id] !== undefined && of(s) <= 1),
    unanswered: STATEMENTS.filter((s) => answers[s.id] === undefined).length,
  };
}
