/**
 * The trusted adult rules, checked against what the tracker records. YLYC asks children about their
 * social worker and the adults they live with, so neither may present the survey; YLBC asks about the
 * personal adviser (PA), so a care leaver who needs support gets a trusted adult who is not their PA.
 */
import type { SurveyId } from '../instruments/types.ts';
import type { EntryFields } from './tracker.ts';

export type RuleCode = 'ylyc_own_social_worker' | 'ylyc_foster_carer' | 'ylbc_own_pa';

/** A broken rule and the field to correct. */
export interface RuleProblem {
  field: 'trustedAdultName' | 'trustedAdultRole';
  code: RuleCode;
}

/** What each broken rule says to staff. */
export const RULE_MESSAGES: Record<RuleCode, string> = {
  ylyc_own_social_worker:
    "The trusted adult must not be the young person's own social worker, because the survey asks about them. Choose another trusted adult.",
  ylyc_foster_carer:
    "The trusted adult must not be the young person's foster carer, because the survey asks about the adults they live with. Choose another trusted adult.",
  ylbc_own_pa:
    'A care leaver who needs support must have a trusted adult who is not their own personal adviser, because the survey asks about their PA. Choose another trusted adult.',
};

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

/** A person's name as comparable words: lower case, no titles or punctuation. */
function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z'’-]+/)
    .map((w) => w.replace(/['’.-]/g, ''))
    .filter((w) => w !== '' && !TITLES.has(w));
}

/**
 * Whether two recorded names are the same person: the same words, or the same surname with a first
 * name given once as an initial ("J Smith" and "Jo Smith").
 */
export function sameName(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x.join(' ') === y.join(' ')) return true;
  if (x.length < 2 || y.length < 2 || x.at(-1) !== y.at(-1)) return false;
  const [fx, fy] = [x[0] ?? '', y[0] ?? ''];
  return (fx.length === 1 || fy.length === 1) && fx[0] === fy[0];
}

const OWN = String.raw`\b(allocated|own|their|his|her|child'?s|young person'?s|the child'?s)\s+`;
const OWN_SOCIAL_WORKER = new RegExp(`${OWN}(social worker|sw)\\b`, 'i');
const OWN_PA = new RegExp(`${OWN}(personal advis[eo]r|pa)\\b`, 'i');
const FOSTER_CARER = /\bfoster|\b(kinship|connected persons?'?|family and friends)\s+carers?\b|\bspecial guardian|^\s*(their\s+|own\s+|the\s+)?carers?\s*$/i;

/** The rules the entry breaks, for the wave's survey; an entry without a trusted adult breaks none. */
export function trustedAdultProblems(survey: SurveyId, e: Pick<EntryFields, 'worker' | 'trustedAdultName' | 'trustedAdultRole' | 'needsSupport'>): RuleProblem[] {
  const role = e.trustedAdultRole ?? '';
  const isWorker = sameName(e.trustedAdultName, e.worker);
  const problems: RuleProblem[] = [];
  if (survey === 'ylyc') {
    if (isWorker) problems.push({ field: 'trustedAdultName', code: 'ylyc_own_social_worker' });
    else if (OWN_SOCIAL_WORKER.test(role)) problems.push({ field: 'trustedAdultRole', code: 'ylyc_own_social_worker' });
    if (FOSTER_CARER.test(role)) problems.push({ field: 'trustedAdultRole', code: 'ylyc_foster_carer' });
  } else if (e.needsSupport === true) {
    if (isWorker) problems.push({ field: 'trustedAdultName', code: 'ylbc_own_pa' });
    else if (OWN_PA.test(role)) problems.push({ field: 'trustedAdultRole', code: 'ylbc_own_pa' });
  }
  return problems;
}
