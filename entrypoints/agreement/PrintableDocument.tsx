import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { AgreementSection } from '@/lib/contract/agreement';
import './print.css';

export interface PrintableDocumentProps {
  /** data-testid of the printed part: "agreement" or "client-sheet". */
  testId: string;
  title: string;
  byline: string[];
  sections: AgreementSection[];
  /** On screen only: what this page is, in a sentence. */
  intro: string;
  notices: string[];
  /** On screen only, beside the print button. */
  controls?: ComponentChildren;
  /** Printed after the sections (a signature block). */
  children?: ComponentChildren;
}

/**
 * A document for the client, filled from the saved contract: on screen, a short toolbar with
 * the print button; on paper (print.css), only the document, black on white.
 */
export function PrintableDocument(props: PrintableDocumentProps) {
  const { testId, title, byline, sections, intro, notices, controls, children } = props;

  // The browser offers the page title as the PDF's file name.
  useEffect(() => {
    document.title = byline[0] ? `${title} — ${byline[0]}` : title;
  }, [title, byline[0]]);

  return (
    <>
      <header class="print-toolbar no-print">
        <p>{intro}</p>
        {notices.map((notice) => (
          <p class="notice" key={notice} data-testid="document-notice">
            {notice}
          </p>
        ))}
        {controls}
        <p class="toolbar-actions">
          <button type="button" class="primary" data-testid="print" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <a href="/options.html">Edit your contract defaults</a>
        </p>
      </header>
      <main class="document" data-testid={testId}>
        <h1>{title}</h1>
        {byline.length > 0 && (
          <p class="byline">
            {byline.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </p>
        )}
        {sections.map((section) => (
          <section key={section.id} data-section={section.id} aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`}>{section.heading}</h2>
            {section.paragraphs.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </section>
        ))}
        {children}
      </main>
    </>
  );
}

/** Shown in place of the document while the saved contract loads. */
export function LoadingDocument() {
  return (
    <main class="document">
      <h1>Loading…</h1>
      <p role="status">Reading your saved contract defaults.</p>
    </main>
  );
}
