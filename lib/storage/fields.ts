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

/*
 * Settings the therapist typed are read field by field: one unreadable field goes back to its
 * default on its own instead of costing the rest, and the page names it. valibot's v.fallback
 * recovers without keeping the issue, so each field notes its own path as it falls back, and
 * readNoting collects the notes of one parse (parses of these schemas are synchronous).
 */
let notes: string[] | undefined;

/** Notes that the field at `path` was stored but unreadable and now holds its default. */
export function noteReset(path: string): void {
  notes?.push(path);
}

/** Runs a parse and returns its result with the paths of the fields it reset, each once, in order. */
export function readNoting<T>(parse: () => T): { value: T; resets: string[] } {
  const outer = notes;
  notes = [];
  try {
    const value = parse();
    return { value, resets: [...new Set(notes)] };
  } finally {
    notes = outer;
  }
}

/** An object that is not a list (valibot's object schemas accept lists). */
export const plainObject = v.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected an object',
);

type Entries = Record<string, v.GenericSchema>;

/** valibot's v.object (not strictObject or looseObject, which these reads do not use). */
const isObjectSchema = (schema: v.GenericSchema): schema is v.ObjectSchema<Entries, undefined> =>
  schema.type === 'object' && 'entries' in schema;

/**
 * An object read field by field: a field that is absent takes its default quietly (a field
 * newer than the stored value); one that is present but does not match its schema takes its
 * default and is noted (readNoting); extra fields are dropped. A field whose schema is itself a
 * v.object is read the same way one level down; stored as anything but an object, each of its
 * fields is noted. Fails on anything but an object, so the caller decides what that reads as.
 */
export function fieldByField<T extends Record<string, unknown>>(
  entries: { [K in keyof T]: v.GenericSchema<unknown, T[K]> },
  defaults: T,
  prefix = '',
): v.GenericSchema<unknown, T> {
  const fields: Entries = {};
  for (const key of Object.keys(entries) as (keyof T & string)[]) {
    const path = `${prefix}${key}`;
    const fallback = () => structuredClone(defaults[key]);
    const schema: v.GenericSchema = entries[key];
    const group = isObjectSchema(schema) ? schema.entries : undefined;
    const read = group ? fieldByField(group, defaults[key] as Record<string, unknown>, `${path}.`) : schema;
    fields[key] = v.optional(
      v.fallback(read, () => {
        if (group) Object.keys(group).forEach((sub) => noteReset(`${path}.${sub}`));
        else noteReset(path);
        return fallback();
      }),
      fallback,
    );
  }
  return v.pipe(plainObject, v.object(fields)) as unknown as v.GenericSchema<unknown, T>;
}
