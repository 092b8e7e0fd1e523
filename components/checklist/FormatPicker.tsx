import type { SessionFormat } from '@/lib/checklist/types';

const FORMATS: readonly { value: SessionFormat; label: string }[] = [
  { value: 'video', label: 'Video' },
  { value: 'audio', label: 'Audio only' },
  { value: 'text', label: 'Live text' },
];

/** This session's format; the list adapts to it (no lighting for audio, no headset for text). */
export function FormatPicker({ value, onChange }: { value: SessionFormat; onChange: (format: SessionFormat) => void }) {
  return (
    <fieldset class="format-picker">
      <legend>This session is</legend>
      {FORMATS.map((format) => (
        <label key={format.value}>
          <input autoComplete="off" type="radio" name="sessionFormat" value={format.value} checked={value === format.value} onChange={() => onChange(format.value)} />
          {format.label}
        </label>
      ))}
    </fieldset>
  );
}
