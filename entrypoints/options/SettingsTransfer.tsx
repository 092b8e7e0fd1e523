import { useState } from 'preact/hooks';
import type { Contract } from '@/lib/contract/schema';
import { MAX_SETTINGS_BYTES, readSettingsFile, settingsFile, settingsFileName } from './settings-file';

export interface SettingsTransferProps {
  /** The saved contract: what an export writes. */
  saved: Contract;
  /** True when the form holds changes that are not saved yet (and so not in an export). */
  dirty: boolean;
  /** Saves an imported contract; resolves to an error sentence, or undefined when saved. */
  onImport: (contract: Contract) => Promise<string | undefined>;
}

type Report = { kind: 'ok'; text: string } | { kind: 'error'; lead: string; problems: string[] };

/** Download the settings as a file, or load them from one. Files never leave the computer. */
export function SettingsTransfer({ saved, dirty, onImport }: SettingsTransferProps) {
  const [report, setReport] = useState<Report>();

  const exportSettings = () => {
    const blob = new Blob([JSON.stringify(settingsFile(saved), null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = settingsFileName(new Date());
    document.body.append(link);
    link.click();
    link.remove();
    // Give the browser a moment to start the download before the object URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setReport({ kind: 'ok', text: `Downloaded ${link.download}.` });
  };

  const importSettings = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const refuse = (problems: string[]) =>
      setReport({ kind: 'error', lead: `${file.name} was not imported, and nothing was changed:`, problems });
    if (file.size > MAX_SETTINGS_BYTES) return refuse(['The file is far too large to be an Anteroom settings file.']);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse(['The browser could not read the file.']);
    }
    const result = readSettingsFile(text);
    if (!result.ok) return refuse(result.problems);
    const failure = await onImport(result.contract);
    if (failure) return refuse([failure]);
    setReport({ kind: 'ok', text: `Imported and saved the settings from ${file.name}.` });
  };

  return (
    <>
      <h3>Export</h3>
      <p class="field-help">
        Downloads your saved settings and templates as a small file, to keep as a copy or to load on another computer. It holds no
        client information.
        {dirty && ' You have unsaved changes on this page: save them first if you want them in the file.'}
      </p>
      <button type="button" data-testid="export-settings" onClick={exportSettings}>
        Download settings file
      </button>

      <h3>Import</h3>
      <p class="field-help" id="import-settings-help">
        Loads a settings file that Anteroom exported and saves it at once, replacing every setting on this page. A file with any
        problem is refused and changes nothing.
      </p>
      <label class="file-label" for="import-settings">
        Choose a settings file
      </label>
      <input autoComplete="off"
        id="import-settings"
        name="importSettings"
        type="file"
        accept=".json,application/json"
        aria-describedby="import-settings-help"
        data-testid="import-settings"
        onChange={(event) => void importSettings(event.currentTarget)}
      />

      <div data-testid="import-report">
        {/* Always present, so screen readers announce each new message. */}
        <p role="status">{report?.kind === 'ok' ? report.text : ''}</p>
        {report?.kind === 'error' && (
          <div role="alert" class="import-error">
            <p>{report.lead}</p>
            <ul>
              {report.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </>
  );
}
