import { TextArea } from '@/components/forms/controls';
import { isPlaceholderName, parseTemplate } from '@/lib/contract/placeholders';
import { fieldLabels, type Contract } from '@/lib/contract/schema';
import { placeholderNames, renderTemplate, templateDefinitions, templateProblem } from '@/lib/contract/templates';
import type { FormFieldName, FormValues } from './form-values';

export interface TemplatesEditorProps {
  values: FormValues;
  errors: Partial<Record<string, string>>;
  /** The contract as the form currently describes it, for the previews. */
  preview: Contract;
  onChange: (name: FormFieldName, value: string) => void;
}

/** Known placeholders in the text whose value is empty right now, e.g. "Your name" before it is filled in. */
function emptyPlaceholders(text: string, contract: Contract): string[] {
  const names = parseTemplate(text)
    .tokens.map((token) => token.name)
    .filter((name) => isPlaceholderName(name) && renderTemplate(`{{${name}}}`, contract).trim() === '');
  return [...new Set(names)].map((name) => fieldLabels[name] ?? name);
}

/**
 * One text box per message template with a live preview beside it. A placeholder Anteroom
 * cannot fill is flagged as the therapist types, not only when they save.
 */
export function TemplatesEditor({ values, errors, preview, onChange }: TemplatesEditorProps) {
  return (
    <section class="templates" id="templates" aria-labelledby="templates-heading">
      <h2 id="templates-heading">Message templates</h2>
      <p class="group-intro">
        Ready-made messages you can insert when you write to a client from your webmail. Words in double braces, such as{' '}
        <code>{'{{emailResponseHours}}'}</code>, are filled in from the settings above, so your messages always match your agreement.
        Templates never include a client’s name or details.
      </p>
      <details class="placeholder-list">
        <summary>Placeholders you can use</summary>
        <ul>
          {placeholderNames.map((name) => (
            <li key={name}>
              <code>{`{{${name}}}`}</code> — {fieldLabels[name] ?? name}
            </li>
          ))}
        </ul>
      </details>
      {templateDefinitions.map((template) => {
        const name = `templates.${template.id}` as const;
        const text = values[name];
        const problem = errors[name] ?? templateProblem(text);
        const empty = emptyPlaceholders(text, preview);
        return (
          <div class="template" key={template.id} data-template={template.id}>
            <div class="template-edit">
              <TextArea
                name={name}
                label={template.title}
                help="Edit the wording freely; keep the placeholders you want filled in."
                error={problem}
                value={text}
                rows={10}
                onInput={(value) => onChange(name, value)}
              />
              <button type="button" disabled={text === template.defaultText} onClick={() => onChange(name, template.defaultText)}>
                Restore the suggested wording
              </button>
            </div>
            <figure class="template-preview">
              <figcaption>Preview with your current settings</figcaption>
              <div class="preview-text" data-testid={`preview-${template.id}`}>
                {renderTemplate(text, preview)}
              </div>
              {empty.length > 0 && (
                <p class="field-help">
                  Empty for now: {empty.join(', ')}. Fill {empty.length === 1 ? 'it' : 'them'} in above.
                </p>
              )}
            </figure>
          </div>
        );
      })}
    </section>
  );
}
