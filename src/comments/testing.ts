/** Test helpers: comments stored directly beside existing responses, as the survey stores them. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.ts';

/** Stores a free-text comment of a response; returns its id. */
export async function addComment(db: Db, responseId: string, text: string, questionId = 'anything_else'): Promise<string> {
  const id = randomUUID();
  await db.insertInto('response_comments').values({ id, response_id: responseId, question_id: questionId, text }).execute();
  return id;
}

/** Empties a comment's original, as retention does once its period is over. */
export async function forgetOriginal(db: Db, commentId: string): Promise<void> {
  await db.updateTable('response_comments').set({ text: '' }).where('id', '=', commentId).execute();
}
