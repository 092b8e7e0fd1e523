import { CustomPlatforms } from './CustomPlatforms';

/** The custom-platforms editor's place on the options page, between the contract and the templates. */
export function CustomPlatformsSlot() {
  return (
    <section id="custom-platforms" aria-labelledby="custom-platforms-heading">
      <h2 id="custom-platforms-heading">Custom platforms</h2>
      <CustomPlatforms />
    </section>
  );
}
