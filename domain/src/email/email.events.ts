/** The address (by its hash, the stream name) now belongs to this user. */
export type EmailReserved = { type: 'EmailReserved'; data: { userId: string } };

export type EmailEvent = EmailReserved;
