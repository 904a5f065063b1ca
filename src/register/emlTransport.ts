// Letters written as .eml files instead of sent: the demo and a school trying the register before
// its mail server is set up. The same nodemailer composes them, so a file is exactly what would go.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailTransport } from './smtpTransport';

export function emlTransport(dir: string, from: string): MailTransport & { written: string[] } {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const written: string[] = [];
  return {
    written,
    async send(letter) {
      const info = await composer.sendMail({ from, ...letter });
      mkdirSync(dir, { recursive: true });
      // Numbered after what the folder holds, so a later run never overwrites an earlier letter.
      const path = join(dir, `${String(readdirSync(dir).length + 1).padStart(5, '0')}.eml`);
      writeFileSync(path, info.message as Buffer);
      written.push(path);
    },
    close() {
      composer.close();
    },
  };
}
