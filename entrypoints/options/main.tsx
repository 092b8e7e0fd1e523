import { mountPage } from '@/components/mount';
import { PageShell } from '@/components/PageShell';

// Placeholder until the contract defaults form (issue 6) lands here.
mountPage(<PageShell title="Contract defaults" lede="Your agreement with clients: session length, response times, backup plan." />);
