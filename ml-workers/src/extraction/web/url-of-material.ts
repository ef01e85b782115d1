import { ExtractionFailure } from '../extraction-failure.ts';

/** The address a material stands for: a bare URL, or a Windows Internet Shortcut (.url) "URL=" line. */
export function urlOfMaterial(text: string): string {
  const shortcut = /^URL=(.+)$/im.exec(text)?.[1];
  const url = (shortcut ?? text).trim().split(/\s+/)[0] ?? '';
  if (!/^https?:\/\//i.test(url)) {
    throw new ExtractionFailure('UNSUPPORTED_FORMAT', 'The material holds no http or https address');
  }
  return url;
}
