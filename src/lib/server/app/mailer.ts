import nodemailer, { type Transporter } from 'nodemailer';
import { logger } from './logger';

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

let transport: Transporter | undefined;

/**
 * Sends mail through SMTP_URL (e.g. smtp://user:password@mail.example.se:587). Without it, the
 * message is written to the log instead, so a small installation or a demo still works.
 */
export async function sendMail(mail: Mail): Promise<void> {
	const url = process.env.SMTP_URL;
	if (!url) {
		logger.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'Mail not sent (no SMTP_URL): logged instead');
		return;
	}
	transport ??= nodemailer.createTransport(url);
	await transport.sendMail({ from: process.env.SMTP_FROM ?? 'Styrkedjan <noreply@styrkedjan.local>', ...mail });
}
