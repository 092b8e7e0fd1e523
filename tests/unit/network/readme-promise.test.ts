import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLIC_SPEED_TEST } from '@/lib/network/public-service';
import { speedTestConfig } from '@/lib/network/measure';
import { testEndpointFor } from '@/lib/network/endpoint';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const promise = readme.slice(readme.indexOf('## Privacy promise'), readme.indexOf('\n## ', readme.indexOf('## Privacy promise') + 1));

describe('the README’s promise about the connection test', () => {
  it('names the one host the test contacts by default, and what it sees', () => {
    expect(promise).toContain(`\`${PUBLIC_SPEED_TEST.host}\``);
    expect(promise).toContain('sees your IP address');
    expect(promise).toContain('no result is sent to it or anywhere else');
  });

  it('is true of the code: that host is the default, and reporting is off', () => {
    const parsed = testEndpointFor('');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.endpoint.host).toBe(PUBLIC_SPEED_TEST.host);
    const config = speedTestConfig(parsed.endpoint);
    expect([config.logAimApiUrl, config.logMeasurementApiUrl]).toEqual([null, null]);
  });

  it('lists the optional host permission in the permissions table', () => {
    expect(readme).toContain(`| optional: the connection test's host (\`${PUBLIC_SPEED_TEST.base}/*\``);
  });
});
