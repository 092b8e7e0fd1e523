import { mountPage } from '@/components/mount';
import { PageShell } from '@/components/PageShell';

// Placeholder until the pre-session checklist (issue 5) lands here.
mountPage(
  <PageShell title="Before the session" lede="The pre-session checklist will appear here.">
    <p>
      <a href="/options.html" target="_blank">Contract defaults</a> · <a href="/notes.html" target="_blank">Session notes</a>
    </p>
  </PageShell>,
);
