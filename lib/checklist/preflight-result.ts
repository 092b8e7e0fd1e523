/** The checklist's view of the preflight result, defined once in lib/preflight/result.ts. */
export { PREFLIGHT_RESULT_KEY, readPreflightResult, type PreflightResult } from '@/lib/preflight/result';
