import { Type, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const DateStr = Type.String({ format: 'date' });
export const TimeStr = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local time in Europe/Copenhagen' });
export const PhoneStr = Type.String({ pattern: '^\\+?[0-9][0-9 ]{6,18}$' });
export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });

export const AfterHoursNumber = Type.Object({ label: Type.String({ minLength: 1, maxLength: 80 }), phone: PhoneStr });

export const OnCallNow = Type.Object({
  onCall: Nullable(Type.Object({ name: Type.String(), phone: Type.String(), until: Type.String(), untilLocal: Type.String() })),
  afterHours: Type.Array(AfterHoursNumber),
  emergency: Type.Literal('112'),
});

export const LifelineSettings = Type.Object({
  afterHoursNumbers: Type.Array(AfterHoursNumber, { maxItems: 10 }),
  weekdayEveningStart: TimeStr,
  weekdayEveningEnd: TimeStr,
  weekendStart: TimeStr,
  weekendEnd: TimeStr,
  holidays: Type.Array(DateStr, { maxItems: 100, uniqueItems: true }),
});

export const ShiftView = Type.Object({
  id: Uuid, userId: Uuid, name: Type.String(), phone: Type.String(),
  date: Type.String(), start: Type.String(), end: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
});
export const ShiftBody = Type.Object({
  userId: Uuid,
  date: DateStr,
  start: TimeStr,
  end: TimeStr,
  phone: Type.Optional(PhoneStr),
});
export const ShiftsQuery = Type.Object({ from: Type.Optional(DateStr), days: Type.Integer({ minimum: 1, maximum: 62, default: 14 }) });
export const GapView = Type.Object({
  date: Type.String(), from: Type.String(), to: Type.String(), dayKind: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
});
export const RotaPerson = Type.Object({ userId: Uuid, name: Type.String(), phone: Nullable(Type.String()), kind: Type.String() });
