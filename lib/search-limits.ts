/**
 * Limits shared by the search form (a client component on the error page) and the server's validation.
 * Kept apart from lib/search.ts so the browser bundle does not pull in zod.
 */
export const MAX_QUERY_LENGTH = 100
