import { fileURLToPath } from 'node:url';

/**
 * The real published files the tests read (reference-data/ at the root of the repository, see its
 * SOURCES.md), found from this file so tests run from any working directory.
 */
export const REFERENCE_DATA_DIR = fileURLToPath(new URL('../../reference-data/', import.meta.url));
