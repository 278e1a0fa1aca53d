/**
 * The demo's free text as the programme's reviewers would have left it: every comment screened, one
 * concern per demo LA decided and disclosed to its safeguarding contacts (the rest waiting in the
 * queue), and a few comments of each finished wave approved for quoting before its report is
 * published, so the report's "Selected comments" and the young people's version have words in them.
 */
import type { Services } from '../services.ts';
import { screen } from '../safeguarding/index.ts';
import { demoActor, type DemoAccount } from './staff.ts';

/** Quotes approved per finished wave: enough to show, few enough to read. */
const QUOTES_PER_WAVE = 4;

function reviewerOf(staff: readonly DemoAccount[]): DemoAccount {
  const reviewer = staff.find((a) => a.grant.role === 'programme_safeguarding');
  if (!reviewer) throw new Error('the demo has no safeguarding reviewer');
  return reviewer;
}

/** Approves up to four benign comments of a finished wave as quotes (no placeholder in them, nothing flagged). */
export async function seedQuotes(services: Services, staff: readonly DemoAccount[], waveId: string): Promise<number> {
  const actor = demoActor(reviewerOf(staff));
  const { items } = await services.comments.list(actor, waveId, 'pending');
  let approved = 0;
  for (const item of items) {
    if (approved >= QUOTES_PER_WAVE) break;
    const detail = await services.comments.detail(actor, waveId, item.id);
    if (detail.original === null || detail.redacted.includes('[') || screen(detail.original).flag) continue;
    if ((await services.comments.decide(actor, waveId, item.id, 'quote', true, detail.seen)).ok) approved++;
  }
  return approved;
}

/**
 * Screens every comment, then plays the reviewers' and the LAs' part: flagged comments of finished
 * waves were decided long ago (as concerns, read and acknowledged by the LA's safeguarding contact);
 * of the open waves, one concern per LA has just been disclosed and waits for its contact, and the
 * rest wait in the reviewer's queue. Returns the disclosures made.
 */
export async function seedSafeguarding(services: Services, staff: readonly DemoAccount[], openWaveIds: ReadonlySet<string>): Promise<number> {
  while ((await services.safeguarding.sweepUnscreened()).screened > 0);
  const reviewer = demoActor(reviewerOf(staff));
  const note = 'Demo: read with the matched words and context; passed to the LA to follow up with the young person.';
  const pending: Array<{ commentId: string; laId: string; waveId: string }> = [];
  for (let page = 1; ; page++) {
    const { items, pages } = await services.safeguarding.queue(reviewer, page, {});
    pending.push(...items);
    if (page >= pages) break;
  }
  const disclosedNow = new Set<string>();
  let disclosed = 0;
  for (const item of pending) {
    const open = openWaveIds.has(item.waveId);
    if (open && disclosedNow.has(item.laId)) continue;
    const outcome = await services.safeguarding.decide(reviewer, item.commentId, { decision: 'concern', note });
    if (!outcome.ok) continue;
    disclosed++;
    if (open) {
      disclosedNow.add(item.laId);
      continue;
    }
    const contact = staff.find((a) => a.grant.role === 'la_safeguarding' && a.grant.laId === item.laId);
    if (!contact) continue;
    const actor = demoActor(contact);
    for (const d of await services.safeguarding.disclosures(actor)) if (d.acknowledgedAt === null) await services.safeguarding.acknowledge(actor, d.id);
  }
  return disclosed;
}
