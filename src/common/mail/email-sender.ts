import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';

export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** SMTP through nodemailer, with the platform's SMTP_URL / SMTP_FROM; one pooled transport per process. */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private transport: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return !!this.config.smtp.url;
  }

  async send(mail: OutgoingEmail, timeoutMs: number): Promise<{ messageId: string; response: string }> {
    if (!this.config.smtp.url) throw new Error('E-mail is not configured on this platform (SMTP_URL).');
    this.transport ??= nodemailer.createTransport({
      url: this.config.smtp.url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    const info = (await this.transport.sendMail({
      from: this.config.smtp.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
    })) as { messageId: string; response: string };
    return { messageId: info.messageId, response: info.response };
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.transport = undefined;
  }
}
