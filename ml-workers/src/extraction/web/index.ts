export { extractUrl, type UrlInput, type UrlMaterial } from './extract-url.ts';
export { defaultFetchLimits, type FetchLimits, fetchLimitsFromEnv, isPublicAddress } from './safe-fetch.ts';
export { urlOfMaterial } from './url-of-material.ts';
