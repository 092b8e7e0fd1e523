import { Select } from '@/components/forms/controls';

/**
 * A choice among the devices of one kind. Hidden while there is nothing to choose: before
 * permission the browser hides names, and one device needs no choice.
 */
export function DevicePicker(props: {
  devices: MediaDeviceInfo[];
  kind: MediaDeviceKind;
  name: string;
  label: string;
  value: string;
  onChange: (deviceId: string) => void;
}) {
  const ofKind = props.devices.filter((d) => d.kind === props.kind && d.deviceId !== '' && d.deviceId !== 'default');
  if (ofKind.length < 2) return null;
  const options = [
    { value: '', label: 'Default' },
    ...ofKind.map((d, i) => ({ value: d.deviceId, label: d.label || `${props.label} ${i + 1}` })),
  ];
  return <Select name={props.name} label={props.label} value={props.value} options={options} onInput={props.onChange} />;
}
