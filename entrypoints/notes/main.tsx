import { mountPage } from '@/components/mount';
import { PageShell } from '@/components/PageShell';

// Placeholder until the encrypted vault (issue 4) lands here.
mountPage(<PageShell title="Session notes" lede="Encrypted on this device, under a passphrase only you know." />);
