import * as v from 'valibot';

/** Schema pieces that several stored shapes share. */

/** A time as `Date.toISOString()` writes it (anything `Date.parse` reads is accepted). */
export const isoTime = v.pipe(
  v.string(),
  v.check((text) => !Number.isNaN(Date.parse(text)), 'expected a time'),
);

/** A finite number that is not negative: a count, a duration, a speed. */
export const count = v.pipe(v.number(), v.finite(), v.minValue(0));

/**
 * A list whose readable entries survive a read and whose unreadable ones are dropped, so one
 * damaged entry does not cost the rest. Entries are kept as stored (same objects).
 */
export function listOf<TEntry extends v.GenericSchema>(entry: TEntry) {
  return v.pipe(
    v.array(v.unknown()),
    v.transform((list) => list.filter((item): item is v.InferOutput<TEntry> => v.is(entry, item))),
  );
}

/** A map whose readable entries survive a read (see listOf). */
export function mapOf<TEntry extends v.GenericSchema>(entry: TEntry) {
  return v.pipe(
    v.record(v.string(), v.unknown()),
    v.transform((map) => {
      const kept: Record<string, v.InferOutput<TEntry>> = {};
      for (const [key, value] of Object.entries(map)) {
        const parsed = v.safeParse(entry, value);
        if (parsed.success) kept[key] = parsed.output;
      }
      return kept;
    }),
  );
}
