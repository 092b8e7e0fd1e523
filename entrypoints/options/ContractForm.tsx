import { NumberInput, Select, TextArea, TextInput } from '@/components/forms/controls';
import { fieldLabels } from '@/lib/contract/schema';
import { fieldGroups, fieldSpecs, type ContractFieldName } from './contract-fields';
import type { FormFieldName, FormValues } from './form-values';

export interface ContractFormProps {
  values: FormValues;
  errors: Partial<Record<string, string>>;
  onChange: (name: FormFieldName, value: string) => void;
}

/** One contract setting's control, as the options page shows it (the first run reuses it). */
export function ContractField({ name, values, errors, onChange }: ContractFormProps & { name: ContractFieldName }) {
  const spec = fieldSpecs[name];
  const common = {
    name,
    label: fieldLabels[name] ?? name,
    help: spec.help,
    error: errors[name],
    value: values[name],
    onInput: (value: string) => onChange(name, value),
  };
  switch (spec.kind) {
    case 'number':
      return <NumberInput {...common} min={spec.min} max={spec.max} suffix={spec.suffix} />;
    case 'select':
      return <Select {...common} options={spec.options} />;
    case 'textarea':
      return <TextArea {...common} rows={spec.rows} />;
    case 'text':
      return <TextInput {...common} type={spec.type} />;
  }
}

/** Every contract setting, grouped as in contract-fields.ts; the page owns the values and errors. */
export function ContractForm({ values, errors, onChange }: ContractFormProps) {
  return (
    <>
      {fieldGroups.map((group) => (
        <fieldset class="group" id={group.id} key={group.id}>
          <legend>{group.legend}</legend>
          <p class="group-intro">{group.intro}</p>
          {group.fields.map((name) => (
            <ContractField key={name} name={name} values={values} errors={errors} onChange={onChange} />
          ))}
        </fieldset>
      ))}
    </>
  );
}
