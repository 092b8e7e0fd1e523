import { mountPage } from '@/components/mount';
import { PageShell } from '@/components/PageShell';

// Placeholder until the camera, microphone and lighting check (issue 5) lands here.
mountPage(<PageShell title="Camera, microphone and connection" lede="A full check before your session." />);
