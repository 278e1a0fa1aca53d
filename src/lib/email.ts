/**
 * Outgoing email for staff: over SMTP when SMTP_URL is set, otherwise written to DATA_DIR/outbox as
 * .eml files that programme administrators can read in the admin area. Young people never get email.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { newId } from './ids.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface OutboxItem {
  file: string;
  to: string;
  subject: string;
  at: string;
}

export interface Mailer {
  readonly transport: 'smtp' | 'outbox';
  send(message: EmailMessage): Promise<void>;
  /** What has been written to the outbox, newest first (empty over SMTP). */
  outbox(): OutboxItem[];
}

const FROM = 'Bright Spots <no-reply@brightspots.invalid>';

/** Creates the mailer for the configuration: SMTP, or the outbox folder. */
export function createMailer(opts: { smtpUrl: string | undefined; dataDir: string; from?: string }): Mailer {
  const from = opts.from ?? FROM;
  const outboxDir = join(opts.dataDir, 'outbox');
  if (opts.smtpUrl) {
    const transporter = nodemailer.createTransport(opts.smtpUrl);
    return {
      transport: 'smtp',
      async send(m) {
        await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      },
      outbox: () => [],
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    transport: 'outbox',
    async send(m) {
      const info = await stream.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      mkdirSync(outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      writeFileSync(join(outboxDir, `${stamp}-${newId()}.eml`), info.message as Buffer);
    },
    outbox() {
      let files: string[];
      try {
        files = readdirSync(outboxDir).filter((f) => f.endsWith('.eml'));
      } catch {
        return [];
      }
      return files
        .map((file) => {
          const head = readFileSync(join(outboxDir, file), 'utf8').split('\n\n')[0] ?? '';
          const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
          return { file, to: header('To'), subject: header('Subject'), at: statSync(join(outboxDir, file)).mtime.toISOString() };
        })
        .sort((a, b) => b.at.localeCompare(a.at));
    },
  };
}
