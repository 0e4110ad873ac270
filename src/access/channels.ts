import { Type, type Static } from '@sinclair/typebox';

/** The invitation channels and their schema blocks; no server imports, so schemas the web client reads can use them. */
export const INVITE_CHANNELS = ['email', 'sms', 'link'] as const;
export type InviteChannel = (typeof INVITE_CHANNELS)[number];
export const InviteChannelSchema = Type.Union(INVITE_CHANNELS.map((c) => Type.Literal(c)));

/** `?channel=email|sms|link` on every invitation route; without it e-mail when set up, else a link. */
export const InviteChannelQuery = Type.Object({ channel: Type.Optional(InviteChannelSchema) });
export type InviteChannelQuery = Static<typeof InviteChannelQuery>;

/** Fields every invitation answer adds: how it went, and the link itself when it is to be handed over. */
export const HandoverFields = {
  channel: Type.Optional(InviteChannelSchema),
  /** Only when channel is 'link': shown to the inviter this once (copy or QR code). */
  link: Type.Optional(Type.String()),
};

