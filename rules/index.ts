import type { PlatformRule } from '@/lib/rules/schema';
import zoom from './platforms/zoom.json';

/**
 * The platform catalogue: one JSON file per platform in ./platforms, listed here explicitly so
 * a file that is not registered (or registered twice) is caught by tests/unit/rules/catalogue.test.ts.
 * Keep the list sorted by id.
 */
export const platforms = [zoom] as PlatformRule[];
