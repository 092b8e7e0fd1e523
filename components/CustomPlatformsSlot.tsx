/**
 * Placeholder for the custom-platforms editor, which lands separately: the options page renders
 * this slot between the contract fields and the templates. Replace the body, keep the export.
 */
export function CustomPlatformsSlot() {
  return (
    <section id="custom-platforms" aria-labelledby="custom-platforms-heading">
      {/* Custom-platforms editor goes here (owned by the custom-platforms feature). */}
      <h2 id="custom-platforms-heading">Custom platforms</h2>
    </section>
  );
}
