import { Global, Module } from '@nestjs/common';
import { EmailSender } from './email-sender.js';

/** Outgoing e-mail (SMTP_URL / SMTP_FROM) for every module: notifications, password resets. */
@Global()
@Module({ providers: [EmailSender], exports: [EmailSender] })
export class MailModule {}
