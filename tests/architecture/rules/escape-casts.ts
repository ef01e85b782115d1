import { relative } from 'node:path';
import { withoutStrings } from './domain-purity.ts';
import type { SourceFile } from './source-files.ts';

/**
 * Where the code meets a port (a job, a request, a stored event) it reads typed values through the
 * port's own helpers (runWorker's Job, signedInUser, aggregateOf); `as unknown as` switches the
 * compiler off instead, so none is allowed in the packages that sit on those ports.
 */
export const castFreeWorkspaces = ['ml-workers', 'gateways'] as const;

/** Each `as unknown as` in code (not in comments or strings), as "file:line: …". */
export function findEscapeCasts(root: string, files: readonly SourceFile[]): string[] {
  return files.flatMap((file) =>
    withoutStrings(file.code)
      .split('\n')
      .flatMap((line, index) =>
        /\bas\s+unknown\s+as\b/.test(line)
          ? [`${relative(root, file.path)}:${index + 1}: casts through unknown; read the value typed instead`]
          : [],
      ),
  );
}
