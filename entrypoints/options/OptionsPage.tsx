import { useEffect, useRef } from 'preact/hooks';
import { CustomPlatformsSlot } from '@/components/CustomPlatformsSlot';
import { PageShell } from '@/components/PageShell';
import { fieldLabels } from '@/lib/contract/schema';
import { ContractForm } from './ContractForm';
import { formFieldNames, previewContract } from './form-values';
import { PracticeReadiness } from './PracticeReadiness';
import { ContractSyncChoice } from './ContractSyncChoice';
import { AutoBackupChoice } from './AutoBackupChoice';
import { SaveBar } from './SaveBar';
import { SettingsTransfer } from './SettingsTransfer';
import { TemplatesEditor } from './TemplatesEditor';
import { useContractForm } from './useContractForm';

const formNames: ReadonlySet<string> = new Set(formFieldNames);
const title = 'Contract defaults';
const lede = 'What you agree with every client about working online, and how Anteroom behaves. Everything stays in this browser.';

/** The options page: contract defaults and templates (one form, one save), then the sections that save themselves. */
export function OptionsPage() {
  const form = useContractForm();
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused save, put the therapist on the first setting that needs fixing.
  useEffect(() => {
    if (!form || form.focusRequest === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? document.getElementById('save-status'))?.focus();
  }, [form?.focusRequest]);

  if (!form) {
    return (
      <PageShell title={title} lede={lede}>
        <p role="status">Loading your settings…</p>
      </PageShell>
    );
  }

  // Errors with no control of their own (a damaged list, the form as a whole) go in the status line.
  const generalErrors = Object.entries(form.errors)
    .filter(([path]) => !formNames.has(path))
    .map(([, message]) => message);

  return (
    <PageShell title={title} lede={lede}>
      <nav aria-label="On this page" class="page-nav">
        <a href="#agreement-heading">Your agreement</a>
        <a href="#templates-heading">Message templates</a>
        <a href="#custom-platforms">Custom platforms</a>
        <a href="#readiness-heading">Practice readiness</a>
        <a href="#transfer-heading">Import and export</a>
      </nav>

      {form.resetFields.length > 0 && (
        <div role="alert" class="notice" data-testid="reset-notice">
          These settings were unreadable and were reset to their defaults:{' '}
          {form.resetFields.map((path) => fieldLabels[path] ?? path).join(', ')}. Check them, then save.
        </div>
      )}

      <form
        ref={formRef}
        noValidate
        aria-labelledby="agreement-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void form.save();
        }}
        onKeyDown={(event) => {
          // Ctrl+S / ⌘S saves here instead of saving the web page.
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
            event.preventDefault();
            void form.save();
          }
        }}
      >
        <h2 id="agreement-heading">Your agreement with clients</h2>
        <p>
          These settings fill in the agreement your clients read and sign and the sheet that helps them prepare. Both show your
          saved settings: <a href="/agreement.html" target="_blank">open the printable agreement</a> or{' '}
          <a href="/client-sheet.html" target="_blank">the client preparation sheet</a>.
        </p>
        <ContractForm values={form.values} errors={form.errors} onChange={form.change} />
        <TemplatesEditor
          values={form.values}
          errors={form.errors}
          preview={previewContract(form.values, form.saved)}
          onChange={form.change}
        />
        <SaveBar status={form.status} generalErrors={generalErrors} />
      </form>
      <ContractSyncChoice />
      <AutoBackupChoice intervalDays={form.saved.backupIntervalDays} />

      <CustomPlatformsSlot />

      <section id="practice-readiness" aria-labelledby="readiness-heading">
        <h2 id="readiness-heading">Practice readiness</h2>
        <p>
          The ground your online work stands on. Confirm each item once a year; Anteroom reminds you when one is due. Each change
          is saved at once, on this computer only.
        </p>
        <PracticeReadiness />
      </section>

      <section id="settings-transfer" aria-labelledby="transfer-heading">
        <h2 id="transfer-heading">Import and export</h2>
        <SettingsTransfer saved={form.saved} dirty={form.dirty} onImport={form.replace} />
      </section>
    </PageShell>
  );
}
