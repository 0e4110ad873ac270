import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path.ts';

describe('after login the user lands on the page they asked for, only on this site', () => {
  it('keeps same-site paths with query and fragment', () => {
    expect(safeNextPath('/youth/123?tab=plan')).toBe('/youth/123?tab=plan');
    expect(safeNextPath('/reports#goals')).toBe('/reports#goals');
    expect(safeNextPath('/admin/users')).toBe('/admin/users');
  });

  it.each([
    ['//evil.example/x'], ['/\\evil.example'], ['\\\\evil.example'], ['https://evil.example/'], ['http:/evil'],
    ['javascript:alert(1)'], ['evil.example'], ['/%0d%0aSet-Cookie'.replace('%0d%0a', '\r\n')], ['/\tevil'],
    ['/login'], ['/login?next=/x'], [''], [null], [undefined],
  ])('refuses %j', (raw) => {
    expect(safeNextPath(raw as string | null | undefined)).toBeNull();
  });
});
