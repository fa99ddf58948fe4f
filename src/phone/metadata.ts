// The metadata every phone function uses: libphonenumber's "min" set for all countries, with India's entry
// swapped for the full one so Indian numbers get exact validity and type (see metadata-in.ts for why).
import type { MetadataJson } from 'libphonenumber-js/core';
import minMetadata from 'libphonenumber-js/min/metadata';
import { INDIA_MAX_METADATA } from './metadata-in';

export const metadata: MetadataJson = {
  ...minMetadata,
  countries: { ...minMetadata.countries, IN: INDIA_MAX_METADATA },
};
