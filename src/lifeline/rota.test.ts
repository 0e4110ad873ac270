import { describe, expect, it } from 'vitest';
import { localSpan, localToInstant, offsetAt, toLocal } from './zoned-time.ts';
import { coverageWindow, onCallAt, rotaGaps } from './rota.ts';

const shift = (name: string, date: string, start: string, end: string) => ({ name, ...localSpan(date, start, end) });
const settings = { weekdayEveningStart: '16:00', weekdayEveningEnd: '22:00', weekendStart: '10:00', weekendEnd: '22:00', holidays: ['2026-12-24'] };

describe('local time in Europe/Copenhagen', () => {
  it('uses +1 h in winter and +2 h in summer', () => {
    expect(offsetAt(new Date('2026-01-15T12:00:00Z'))).toBe(3_600_000);
    expect(offsetAt(new Date('2026-07-15T12:00:00Z'))).toBe(7_200_000);
  });

  it('turns wall-clock times into the right instants on both sides of the March change (29 March 2026)', () => {
    expect(localToInstant('2026-03-28', '20:00').toISOString()).toBe('2026-03-28T19:00:00.000Z');
    expect(localToInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(localToInstant('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(localToInstant('2026-03-29', '20:00').toISOString()).toBe('2026-03-29T18:00:00.000Z');
  });

  it('moves a time skipped in March forward by the gap', () => {
    expect(localToInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toLocal(localToInstant('2026-03-29', '02:30')).time).toBe('03:30');
  });

  it('takes a time that occurs twice in October (25 October 2026) the first time', () => {
    expect(localToInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(localToInstant('2026-10-25', '03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(localToInstant('2026-10-24', '20:00').toISOString()).toBe('2026-10-24T18:00:00.000Z');
    expect(localToInstant('2026-10-25', '20:00').toISOString()).toBe('2026-10-25T19:00:00.000Z');
  });

  it('gives local date, time and weekday of an instant', () => {
    expect(toLocal(new Date('2026-10-25T23:30:00Z'))).toEqual({ date: '2026-10-26', time: '00:30', weekday: 1 });
  });
});

describe('who is on call now', () => {
  it('finds the person whose local shift covers the instant, across the spring change', () => {
    const shifts = [shift('Mette', '2026-03-28', '16:00', '23:00'), shift('Ole', '2026-03-29', '00:00', '08:00'), shift('Ali', '2026-03-29', '16:00', '22:00')];
    expect(onCallAt(shifts, new Date('2026-03-28T21:30:00Z'))?.name).toBe('Mette'); // 22:30 CET
    expect(onCallAt(shifts, new Date('2026-03-28T22:30:00Z'))).toBeNull(); // 23:30 CET: between shifts
    expect(onCallAt(shifts, new Date('2026-03-28T23:10:00Z'))?.name).toBe('Ole'); // 00:10 CET
    expect(onCallAt(shifts, new Date('2026-03-29T05:30:00Z'))?.name).toBe('Ole'); // 07:30 CEST
    expect(onCallAt(shifts, new Date('2026-03-29T06:00:00Z'))).toBeNull(); // 08:00 CEST: Ole is off
    expect(onCallAt(shifts, new Date('2026-03-29T14:00:00Z'))?.name).toBe('Ali'); // 16:00 CEST
    expect(onCallAt(shifts, new Date('2026-03-29T13:59:00Z'))).toBeNull(); // 15:59 CEST
  });

  it('an overnight shift in October lasts one hour longer in real time and ends at local 08:00', () => {
    const night = shift('Ole', '2026-10-24', '22:00', '08:00');
    expect(night.endsAt.getTime() - night.startsAt.getTime()).toBe(11 * 3_600_000);
    expect(onCallAt([night], new Date('2026-10-25T06:59:00Z'))?.name).toBe('Ole'); // 07:59 CET
    expect(onCallAt([night], new Date('2026-10-25T07:00:00Z'))).toBeNull(); // 08:00 CET
    const spring = shift('Ole', '2026-03-28', '22:00', '08:00');
    expect(spring.endsAt.getTime() - spring.startsAt.getTime()).toBe(9 * 3_600_000);
  });

  it('the later-starting of two overlapping shifts takes over', () => {
    const shifts = [shift('Mette', '2026-06-01', '16:00', '22:00'), shift('Ali', '2026-06-01', '18:00', '20:00')];
    expect(onCallAt(shifts, localToInstant('2026-06-01', '19:00'))?.name).toBe('Ali');
    expect(onCallAt(shifts, localToInstant('2026-06-01', '20:30'))?.name).toBe('Mette');
  });
});

describe('gaps in the rota', () => {
  it('wants weekday evenings and whole weekend/holiday days covered', () => {
    expect(coverageWindow('2026-12-23', settings).dayKind).toBe('weekday_evening');
    expect(coverageWindow('2026-12-24', settings).dayKind).toBe('holiday');
    expect(coverageWindow('2026-12-26', settings).dayKind).toBe('weekend');
  });

  it('lists the uncovered parts of the coming days in local time', () => {
    const shifts = [shift('Mette', '2026-10-23', '16:00', '20:00'), shift('Ali', '2026-10-24', '10:00', '22:00'), shift('Ole', '2026-10-25', '12:00', '22:00')];
    const gaps = rotaGaps(settings, shifts, '2026-10-23', 3, new Date('2026-10-01T00:00:00Z'));
    expect(gaps.map((g) => `${g.date} ${g.from}-${g.to} ${g.dayKind}`)).toEqual([
      '2026-10-23 20:00-22:00 weekday_evening',
      '2026-10-25 10:00-12:00 weekend',
    ]);
  });

  it('does not report the part of today that has passed', () => {
    const gaps = rotaGaps(settings, [], '2026-06-02', 1, localToInstant('2026-06-02', '19:00'));
    expect(gaps.map((g) => `${g.from}-${g.to}`)).toEqual(['19:00-22:00']);
  });
});
