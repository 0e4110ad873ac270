import { describe, expect, it } from 'vitest';
import { attendanceTrend, isSlippingAway, meetingKey, occurrences } from './recurrence.ts';

const tuesday = { weekday: 2, startTime: '17:00:00', endTime: '19:00:00', validFrom: '2026-01-01', validUntil: null };

describe('weekly recurrence', () => {
  it('keeps the local wall-clock time across the October DST change', () => {
    const occ = occurrences([tuesday], [], '2026-10-19', '2026-11-01');
    expect(occ.map((o) => o.date)).toEqual(['2026-10-20', '2026-10-27']);
    expect(occ.map((o) => o.startTime)).toEqual(['17:00', '17:00']);
    expect(occ[0].startsAt.toISOString()).toBe('2026-10-20T15:00:00.000Z'); // CEST
    expect(occ[1].startsAt.toISOString()).toBe('2026-10-27T16:00:00.000Z'); // CET
  });

  it('keeps the local time across the March change and on the change day itself', () => {
    const sunday = { weekday: 7, startTime: '10:00', endTime: '11:00', validFrom: '2026-03-01', validUntil: null };
    const occ = occurrences([sunday], [], '2026-03-22', '2026-03-29');
    expect(occ.map((o) => o.startsAt.toISOString())).toEqual(['2026-03-22T09:00:00.000Z', '2026-03-29T08:00:00.000Z']);
  });

  it('marks cancelled occurrences and respects the validity period and several weekdays', () => {
    const fitness = [
      { weekday: 1, startTime: '18:00', endTime: '19:00', validFrom: '2026-05-01', validUntil: '2026-05-31' },
      { weekday: 3, startTime: '18:00', endTime: '19:00', validFrom: '2026-05-01', validUntil: '2026-05-31' },
    ];
    const occ = occurrences(fitness, [{ date: '2026-05-13', startTime: '18:00:00', reason: 'Hallen er lukket' }], '2026-05-25', '2026-06-05');
    expect(occ.map((o) => `${o.date} ${o.cancelled}`)).toEqual(['2026-05-25 false', '2026-05-27 false']);
    const may = occurrences(fitness, [{ date: '2026-05-13', startTime: '18:00:00', reason: 'Hallen er lukket' }], '2026-05-11', '2026-05-13');
    expect(may.map((o) => `${o.date} ${o.cancelled} ${o.reason}`)).toEqual(['2026-05-11 false null', '2026-05-13 true Hallen er lukket']);
  });
});

describe('slipping away', () => {
  const held = ['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29', '2026-10-06'].map((date) => ({ date, startTime: '17:00' }));
  const mark = (date: string, present: boolean) => ({ date, startTime: '17:00:00', present });

  const all = new Set(held.map((o) => meetingKey(o.date, o.startTime)));

  it('flags a regular who missed the last three meetings', () => {
    expect(isSlippingAway(held, [mark('2026-09-01', true), mark('2026-09-08', true), mark('2026-09-15', true), mark('2026-09-22', false)], all)).toBe(true);
  });

  it('does not flag someone who came to one of the last three, or who was never a regular', () => {
    expect(isSlippingAway(held, ['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-29'].map((d) => mark(d, true)), all)).toBe(false);
    expect(isSlippingAway(held, [mark('2026-09-01', true)], all)).toBe(false);
    expect(isSlippingAway(held.slice(0, 3), [], all)).toBe(false);
  });

  it('counts only meetings where the leader took attendance: meetings without any marks are not "missed"', () => {
    // Came to the first three; the leader took no attendance at the last three meetings.
    const marks = ['2026-09-01', '2026-09-08', '2026-09-15'].map((d) => mark(d, true));
    const taken = new Set(['2026-09-01', '2026-09-08', '2026-09-15'].map((d) => meetingKey(d, '17:00')));
    expect(isSlippingAway(held, marks, taken)).toBe(false);
    // Once attendance is taken at the last three (someone else came, not them), they are missed.
    expect(isSlippingAway(held, marks, all)).toBe(true);
  });

  it('summarises attendance in four-week buckets', () => {
    const trend = attendanceTrend(held, ['2026-09-01', '2026-09-08', '2026-09-29'].map((d) => mark(d, true)));
    expect(trend).toEqual([{ from: '2026-09-01', held: 4, attended: 2 }, { from: '2026-09-29', held: 2, attended: 1 }]);
  });
});
