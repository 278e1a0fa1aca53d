/** Instance-wide settings kept in the database, so several app instances share them. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';

/**
 * The named secret, created at random on first use. Insert-or-ignore then read, so two instances
 * starting together agree on one value.
 */
export async function instanceSecret(db: Db, name: string): Promise<string> {
  await db
    .insertInto('app_settings')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('app_settings').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
