/** Sends a password-reset link to an account's address (an SMTP adapter in infra; absent when no mail is set up). */
export interface PasswordResetMailer {
  send(message: { readonly to: string; readonly link: string; readonly expiresAt: Date }): Promise<void>;
}
