import { describe, expect, it } from 'vitest';
import { serialQueue } from '@/lib/serial-queue';

describe('serialQueue', () => {
  it('runs tasks one at a time, in the order they were queued', async () => {
    const serial = serialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} starts`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`${name} ends`);
      return name;
    };
    const results = await Promise.all([serial(task('slow', 20)), serial(task('quick', 0))]);
    expect(results).toEqual(['slow', 'quick']);
    expect(log).toEqual(['slow starts', 'slow ends', 'quick starts', 'quick ends']);
  });

  it('rejects only the caller of a failing task; the next task still runs', async () => {
    const serial = serialQueue();
    const failing = serial(async () => {
      throw new Error('storage is full');
    });
    const next = serial(async () => 'ran');
    await expect(failing).rejects.toThrow('storage is full');
    await expect(next).resolves.toBe('ran');
  });
});
