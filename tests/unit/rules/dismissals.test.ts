import { describe, expect, it } from 'vitest';
import { isDismissed } from '@/lib/rules/banner-prefs';

describe('dismissing a banner', () => {
  const now = Date.UTC(2026, 10, 21, 12);
  it('hides that platform until the chosen time, and no longer', () => {
    expect(isDismissed({ zoom: now + 1000 }, 'zoom', now)).toBe(true);
    expect(isDismissed({ zoom: now - 1 }, 'zoom', now)).toBe(false);
  });
  it('is remembered per platform', () => {
    expect(isDismissed({ zoom: now + 1000 }, 'whatsapp-web', now)).toBe(false);
  });
  it.each([[undefined], [null], ['zoom'], [{ zoom: 'tomorrow' }]])('ignores unreadable dismissal data: %j', (stored) => {
    expect(isDismissed(stored, 'zoom', now)).toBe(false);
  });
});
