/**
 * The page already shows this row as it is: every field the change carries has the value shown. Subscriptions
 * start with the rows as they are (so a change between a page's query and its subscribing is not lost); a page
 * that reloads on a change must not reload for those, or it reloads on every visit and loses the reader's place.
 */
export function shownAsIs<Row extends object>(shown: Partial<Row> | undefined, changed: Row): boolean {
  if (shown === undefined) return false;
  const keys = Object.keys(changed) as (keyof Row)[];
  return keys.every((key) => JSON.stringify(shown[key]) === JSON.stringify(changed[key]));
}
