export interface ReportSection {
  /** Path of the group in the report, e.g. "text" or "voice.similarity"; "" for top-level figures. */
  readonly name: string;
  readonly figures: readonly { readonly name: string; readonly value: number | string | boolean }[];
}

const hidden = /(^|\.)(\w*Ids?|key|hash|format)$/i;

/**
 * A test report (free-form JSON from the tester) as groups of readable figures:
 * numbers, short strings and flags, grouped by the object they sit in; ids,
 * keys and long arrays are left out.
 */
export function reportSections(report: unknown): ReportSection[] {
  const sections = new Map<string, { name: string; value: number | string | boolean }[]>();
  const visit = (value: unknown, path: string[]) => {
    const key = path.join('.');
    if (hidden.test(key)) return;
    if (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length <= 120)) {
      const group = path.slice(0, -1).join('.');
      const list = sections.get(group) ?? [];
      list.push({ name: path.at(-1) ?? '', value });
      sections.set(group, list);
      return;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [child, inner] of Object.entries(value)) visit(inner, [...path, child]);
    }
  };
  visit(report, []);
  return [...sections.entries()].map(([name, figures]) => ({ name, figures }));
}

/** camelCase / snake_case → "Words like this". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
