import nodemailer from 'nodemailer';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly attachments: readonly { readonly filename: string; readonly content: Buffer; readonly contentType: string }[];
}

/** Hands a rendered e-mail to a mail system; resolves with the provider's message id. */
export interface EmailTransport {
  send(message: EmailMessage): Promise<{ providerId: string | null }>;
  close(): void;
}

export interface SmtpOptions {
  /** e.g. smtps://user:pass@smtp.example.org:465 or smtp://127.0.0.1:2525 */
  readonly url: string;
  /** The From header, e.g. "Collectkit Demo Inkasso <inkasso@collectkit.example>". */
  readonly from: string;
  /** Accept self-signed certificates (a local test relay); never in production. */
  readonly allowSelfSigned?: boolean;
}

/** E-mail through SMTP with nodemailer. */
export function smtpEmailTransport(options: SmtpOptions): EmailTransport {
  const transporter = nodemailer.createTransport(options.url, {
    from: options.from,
    ...(options.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
  });
  return {
    async send(message) {
      const info = await transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        attachments: message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
      });
      return { providerId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transporter.close(),
  };
}
