const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` is a UUID as PostgreSQL writes them (any case). Ids from a URL are checked
 * before they reach a `uuid` column, where a malformed one would fail the query instead of
 * answering "not found".
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
