// localtime() in a zone with daylight saving time (MudOS <localtime.h>
// layout), and debug_info's variable walk over inherited blocks.
import { afterEach, describe, expect, it } from 'vitest';
import { localtimeArray } from '../../driver/efuns/system-info.js';

const savedTz = process.env.TZ;

afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('localtime', () => {
  it('fills every field in New York summer time', () => {
    process.env.TZ = 'America/New_York';
    // 2024-07-01 12:00:05 UTC = 08:00:05 EDT, a Monday, day 182 of a leap year.
    expect(localtimeArray(1719835205)).toEqual([5, 0, 8, 1, 6, 2024, 1, 182, -4 * 3600, 'EDT', 1]);
  });

  it('fills every field in New York winter time', () => {
    process.env.TZ = 'America/New_York';
    // 2024-01-01 05:00:00 UTC = 00:00:00 EST, a Monday, day 0.
    expect(localtimeArray(1704085200)).toEqual([0, 0, 0, 1, 0, 2024, 1, 0, -5 * 3600, 'EST', 0]);
  });

  it('uses UTC as a zone without DST', () => {
    process.env.TZ = 'UTC';
    expect(localtimeArray(0)).toEqual([0, 0, 0, 1, 0, 1970, 4, 0, 0, 'UTC', 0]);
    expect(localtimeArray(951868799)).toEqual([59, 59, 23, 29, 1, 2000, 2, 59, 0, 'UTC', 0]);
  });

  it('counts east of UTC as positive (tm_gmtoff)', () => {
    process.env.TZ = 'Asia/Tokyo';
    const lt = localtimeArray(0);
    expect(lt[2]).toBe(9);
    expect(lt[8]).toBe(9 * 3600);
  });
});
