import { Type, type Static } from '@sinclair/typebox';

export const ResetRequestBody = Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) });
export type ResetRequestBody = Static<typeof ResetRequestBody>;

/** The same answer whether or not the account exists. */
export const ResetRequestResponse = Type.Object({ message: Type.String() });

export const ResetCompleteBody = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});
export type ResetCompleteBody = Static<typeof ResetCompleteBody>;

export const ResetCompleteResponse = Type.Object({ email: Type.String() });

/** Which invitation channels are set up: the inviter's form offers those (src/access/handover.ts). */
export const InviteChannels = Type.Object({ email: Type.Boolean(), sms: Type.Boolean(), link: Type.Literal(true) });
export type InviteChannels = Static<typeof InviteChannels>;
