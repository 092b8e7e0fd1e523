import { describe, expect, it } from 'vitest';
import { platformInputFor } from '@/lib/checklist/platform-lookup';
import platformVerdict from '@/lib/checklist/checks/platform.verdict';

const other = { jurisdiction: 'other' as const, customPlatforms: [] };

describe('the session platform', () => {
  it.each([
    ['warns on Doxy.me elsewhere: its encryption is unconfirmed and a 2020 review found failings', 'https://doxy.me/drsmith', other, 'warn', 'doxy-me'],
    ['fails WhatsApp Web', 'https://web.whatsapp.com/', other, 'fail', 'whatsapp-web'],
    ['warns on Doxy.me under HIPAA', 'https://doxy.me/drsmith', { ...other, jurisdiction: 'us-hipaa' as const }, 'warn', 'doxy-me'],
    ['does not treat an inbox as a session', 'https://mail.google.com/mail/u/0/', other, 'unknown', null],
    ['cannot tell on a tab whose address it cannot see', undefined, other, 'unknown', null],
    ['cannot tell on a look-alike host', 'https://zoom.us.example.net/j/1', other, 'unknown', null],
  ] as const)('%s', (_name, url, settings, status, id) => {
    const found = platformInputFor(url, settings);
    expect(found.platformId).toBe(id);
    expect(platformVerdict.evaluate(found.input).status).toBe(status);
  });

  it('knows the platforms the therapist added', () => {
    const custom = {
      host: 'meet.myclinic.example',
      subdomains: false,
      name: 'Clinic Meet',
      kind: 'video',
      e2ee: 'default',
      baa: 'yes',
      adFundedOwner: false,
      presenceExposure: false,
      publicFacing: false,
      addedOn: '2026-11-01',
    };
    const found = platformInputFor('https://meet.myclinic.example/room/1', { ...other, customPlatforms: [custom] });
    expect(found.platformId).toBe('custom-meet-myclinic-example');
    expect(found.input).toMatchObject({ found: true, name: 'Clinic Meet' });
  });

  it('names safer platforms by name', () => {
    const found = platformInputFor('https://web.whatsapp.com/', other);
    if (!found.input.found) throw new Error('expected a platform');
    for (const name of found.input.alternatives) expect(name).not.toMatch(/^[a-z0-9-]+$/);
  });
});
