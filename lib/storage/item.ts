import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { plainObject, readNoting } from './fields';

/**
 * One value kept in browser.storage, declared once: its area and key, the valibot schema every
 * read goes through, what a missing or unreadable value reads as, and (for shapes that changed)
 * its version and the steps from each older version. The list of every item is items.ts.
 *
 * Versioned items use WXT's own `storage.defineItem` (its `version`/`migrations` and the
 * `<key>$` metadata it keeps, so data written by earlier builds is read the same way); the schema
 * is checked here, since defineItem does not validate. Nothing touches storage until a method is
 * called: WXT imports every entrypoint in Node at build time, and defineItem starts its
 * migration (a storage read) as soon as it is defined.
 */

export type StorageAreaName = 'local' | 'session' | 'sync';
export type StorageKey = `${StorageAreaName}:${string}`;
/** Keyed by the version each step produces, as WXT's defineItem expects. */
export type Migrations = Record<number, (stored: unknown) => unknown>;

export interface ItemSpec<TSchema extends v.GenericSchema, TFallback> {
  area: StorageAreaName;
  /** The key inside the area, exactly as earlier builds wrote it. */
  name: string;
  schema: TSchema;
  /** What an absent or unreadable value reads as; called anew each time, so it can be mutated. */
  fallback: () => TFallback;
  /** The shape's version; above 1 needs a migration step to each version. */
  version?: number;
  migrations?: Migrations;
}

export interface StoredItem<T, TFallback = T> {
  readonly key: StorageKey;
  readonly area: StorageAreaName;
  readonly name: string;
  readonly version: number;
  /**
   * The stored value through its schema (migrated first when it is older): the fallback when it
   * is absent or does not match. Rejects only when the browser's storage itself fails.
   */
  get(): Promise<T | TFallback>;
  /**
   * Like get, with the value as it is stored (migrated; null when absent) and the paths of the
   * fields the schema read one by one and had to reset (lib/storage/fields.ts fieldByField).
   */
  read(): Promise<{ stored: unknown; value: T | TFallback; resets: string[] }>;
  /** A value read some other way (a storage change, a whole-area read) through the same schema. */
  parse(raw: unknown): T | TFallback;
  /** Writes the value; a versioned item writes its version with it, in one storage call. */
  set(value: T, meta?: Record<string, unknown>): Promise<void>;
  remove(): Promise<void>;
  /** The metadata WXT keeps beside a versioned item (`<key>$`): `{ v, ... }`. */
  meta(): Promise<Record<string, unknown>>;
  /** Calls back with each new value, parsed. Returns unwatch; a missing area watches nothing. */
  watch(onChange: (value: T | TFallback) => void): () => void;
  /** Brings a value stored at `fromVersion` up to this item's version (a settings file, say). */
  migrate(stored: unknown, fromVersion: number): unknown;
}

/**
 * Brings a value stored at `fromVersion` up to `version` with the steps in `migrations`. Does not
 * validate: the reader does. Throws on a version it cannot read (not whole, below 1, newer).
 */
export function migrateValue(name: string, migrations: Migrations, version: number, stored: unknown, fromVersion: number): unknown {
  const label = `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`;
  if (!Number.isInteger(fromVersion) || fromVersion < 1) {
    throw new RangeError(`${label} version must be a whole number from 1, got ${fromVersion}`);
  }
  if (fromVersion > version) {
    throw new RangeError(`The stored ${name} is version ${fromVersion}, newer than this Anteroom understands (${version})`);
  }
  let value = stored;
  for (let next = fromVersion + 1; next <= version; next++) {
    const step = migrations[next];
    if (!step) throw new Error(`No ${name} migration to version ${next}`);
    value = step(value);
  }
  return value;
}

export function storedItem<TSchema extends v.GenericSchema, TFallback = v.InferOutput<TSchema>>(
  spec: ItemSpec<TSchema, TFallback>,
): StoredItem<v.InferOutput<TSchema>, TFallback> {
  type T = v.InferOutput<TSchema>;
  const key = `${spec.area}:${spec.name}` as StorageKey;
  const version = spec.version ?? 1;
  const migrations = spec.migrations ?? {};
  for (let next = 2; next <= version; next++) {
    if (!migrations[next]) throw new Error(`${key} is version ${version} but has no migration to version ${next}`);
  }
  const versioned = version > 1;
  const metaKey = `${key}$` as StorageKey;

  const parse = (raw: unknown): T | TFallback => {
    // Absent (null from a read, undefined in a whole-area read) is never a value, even for a
    // schema that reads anything, such as one that falls back field by field.
    if (raw === null || raw === undefined) return spec.fallback();
    const parsed = v.safeParse(spec.schema, raw);
    return parsed.success ? parsed.output : spec.fallback();
  };

  const readRaw = async (): Promise<unknown> => {
    // Read plainly first: a missing or disabled area (sync turned off in Firefox, session in an
    // old browser) rejects here, instead of inside defineItem's background migration.
    const plain = await storage.getItem<unknown>(key);
    if (!versioned || plain === null) return plain;
    // defineItem migrates an older value, writes it back with its version, then reads it. A step
    // that fails leaves the old value, which the schema then turns into the fallback.
    return storage.defineItem<unknown>(key, { version, migrations }).getValue();
  };

  return {
    key,
    area: spec.area,
    name: spec.name,
    version,
    parse,
    get: async () => parse(await readRaw()),
    async read() {
      const stored = await readRaw();
      return { stored, ...readNoting(() => parse(stored)) };
    },
    async set(value, meta) {
      if (!versioned && meta === undefined) {
        await storage.setItem(key, value);
        return;
      }
      // One write for the value and its version: a reader elsewhere must never see the new value
      // without its version, or it would migrate it again as an old one.
      await storage.setItems([
        { key, value },
        { key: metaKey, value: { ...meta, v: version } },
      ]);
    },
    remove: () => storage.removeItem(key, { removeMeta: versioned }),
    async meta() {
      const stored = v.safeParse(plainObject, await storage.getItem<unknown>(metaKey));
      return stored.success ? stored.output : {};
    },
    watch(onChange) {
      try {
        return storage.watch<unknown>(key, (value) => onChange(parse(value)));
      } catch {
        return () => undefined;
      }
    },
    migrate: (stored, fromVersion) => migrateValue(spec.name, migrations, version, stored, fromVersion),
  };
}
