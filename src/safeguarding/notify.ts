/**
 * The emails a disclosure sends, pure. Each says only that there is a disclosure to read, with a link to
 * the staff area: never the comment, its categories, the young person or anything naming the LA.
 */
import type { EmailMessage } from '../lib/email.ts';
import { formatDuration } from './review.ts';

export type NotificationKind = 'contact' | 'reviewer' | 'edt';

const FOOTER = 'This email holds no details on purpose. Please do not forward it.\n\nBright Spots';

const greeting = (name: string | null) => (name ? `Hello ${name},` : 'Hello,');

/** To one of the LA's safeguarding contacts: first the disclosure, then each reminder (level 1, 2...). */
export function contactMessage(m: { to: string; name: string | null; link: string; level: number; sinceMs: number; escalateHours: number }): EmailMessage {
  if (m.level === 0) {
    return {
      to: m.to,
      subject: 'A safeguarding disclosure to read',
      text: [
        greeting(m.name),
        'The Bright Spots programme has a safeguarding disclosure for you to read.',
        `Sign in to read it:\n${m.link}`,
        `Please acknowledge it on that page once you have read it. If it is not acknowledged within ${m.escalateHours} hours, we will send it again and tell the programme's safeguarding team.`,
        FOOTER,
      ].join('\n\n'),
    };
  }
  return {
    to: m.to,
    subject: 'Reminder: a safeguarding disclosure to read',
    text: [
      greeting(m.name),
      `A safeguarding disclosure was sent to you ${formatDuration(m.sinceMs)} ago and has not been acknowledged yet.`,
      `Sign in to read and acknowledge it:\n${m.link}`,
      "The programme's safeguarding team has been told.",
      FOOTER,
    ].join('\n\n'),
  };
}

/** To a programme safeguarding reviewer, when a disclosure has not been acknowledged in time. */
export function reviewerMessage(m: { to: string; name: string | null; link: string; level: number; sinceMs: number; contacts: number }): EmailMessage {
  const resent = m.contacts === 0 ? 'The local authority has no safeguarding contacts on file: please phone them.' : `It has been sent again to the local authority's ${m.contacts === 1 ? 'safeguarding contact' : `${m.contacts} safeguarding contacts`}.`;
  return {
    to: m.to,
    subject: `Not acknowledged after ${formatDuration(m.sinceMs)}: a safeguarding disclosure`,
    text: [greeting(m.name), `A safeguarding disclosure made ${formatDuration(m.sinceMs)} ago has not been acknowledged by the local authority.`, resent, `Please follow it up:\n${m.link}`, FOOTER].join('\n\n'),
  };
}

/** To the LA's emergency duty team: an urgent disclosure outside office hours. */
export function edtMessage(m: { to: string; name: string | null; link: string }): EmailMessage {
  return {
    to: m.to,
    subject: 'Urgent: a safeguarding disclosure outside office hours',
    text: [
      greeting(m.name),
      'The Bright Spots programme has an urgent safeguarding disclosure for your local authority, outside office hours. Our safeguarding reviewer may also phone you.',
      `Sign in to read it:\n${m.link}`,
      FOOTER,
    ].join('\n\n'),
  };
}
