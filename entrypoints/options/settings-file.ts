import { migrateContract } from '@/lib/contract/migrations';
import { CONTRACT_VERSION, validateContract, type Contract } from '@/lib/contract/schema';

/**
 * The settings file a therapist downloads to keep a copy or move to another computer. It holds
 * their contract defaults and nothing about any client. Importing checks the whole file before
 * anything is saved, so a bad file changes nothing.
 */

export const SETTINGS_FORMAT = 'anteroom-settings';
/** Files over this size are refused unread; real ones are a few kilobytes. */
export const MAX_SETTINGS_BYTES = 1_000_000;

export interface SettingsFile {
  format: typeof SETTINGS_FORMAT;
  version: number;
  contract: Contract;
}

export function settingsFile(contract: Contract): SettingsFile {
  return { format: SETTINGS_FORMAT, version: CONTRACT_VERSION, contract };
}

export function settingsFileName(now: Date): string {
  return `anteroom-settings-${now.toISOString().slice(0, 10)}.json`;
}

export type ReadResult = { ok: true; contract: Contract } | { ok: false; problems: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses and checks a settings file's text; on failure, every problem as a sentence. */
export function readSettingsFile(text: string): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['The file is not readable settings (it is not valid JSON). Choose a file that Anteroom exported.'] };
  }
  if (!isRecord(parsed) || parsed.format !== SETTINGS_FORMAT) {
    return { ok: false, problems: ['This is not an Anteroom settings file. Choose a file that Anteroom exported.'] };
  }
  const { version } = parsed;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: ['The file does not say which version of the settings it holds, so it cannot be read safely.'] };
  }
  if (version > CONTRACT_VERSION) {
    return {
      ok: false,
      problems: [`The file comes from a newer Anteroom (settings version ${version}). Update Anteroom, then import it again.`],
    };
  }
  if (!isRecord(parsed.contract)) {
    return { ok: false, problems: ['The file has no settings in it.'] };
  }
  const checked = validateContract(migrateContract(parsed.contract, version));
  if (checked.ok) return { ok: true, contract: checked.value };
  // Each message already names its setting ("Session length must be between 10 and 180 minutes").
  return { ok: false, problems: Object.values(checked.errors) };
}
