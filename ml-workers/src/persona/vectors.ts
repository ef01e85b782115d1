/**
 * Embedding vectors as one row-major Float32 matrix, and how a snapshot
 * stores it: base64 of the little-endian bytes (a third smaller than JSON
 * numbers and exact, so a reopened snapshot ranks exactly as the trained one).
 */
import { endianness } from 'node:os';

export interface VectorMatrix {
  readonly dims: number;
  readonly count: number;
  /** `count × dims` values, row after row; rows are unit length (cosine = dot product). */
  readonly data: Float32Array;
}

export function vectorMatrix(rows: readonly Float32Array[], dims: number): VectorMatrix {
  const data = new Float32Array(rows.length * dims);
  rows.forEach((row, i) => {
    if (row.length !== dims) throw new RangeError(`Vector ${i} has ${row.length} values, expected ${dims}`);
    data.set(normalized(row), i * dims);
  });
  return { dims, count: rows.length, data };
}

export function rowOf(matrix: VectorMatrix, index: number): Float32Array {
  return matrix.data.subarray(index * matrix.dims, (index + 1) * matrix.dims);
}

// The stored bytes are little-endian whatever the machine; on the usual (little-endian) one they are the array's own.
const LITTLE_ENDIAN = endianness() === 'LE';

export function encodeVectors(matrix: VectorMatrix): string {
  if (LITTLE_ENDIAN)
    return Buffer.from(matrix.data.buffer, matrix.data.byteOffset, matrix.data.byteLength).toString('base64');
  const bytes = Buffer.alloc(matrix.data.length * 4);
  matrix.data.forEach((value, i) => {
    bytes.writeFloatLE(value, i * 4);
  });
  return bytes.toString('base64');
}

export function decodeVectors(base64: string, dims: number, count: number): VectorMatrix {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== dims * count * 4) {
    throw new RangeError(`Vector data holds ${bytes.length} bytes, expected ${count} × ${dims} floats`);
  }
  const data = new Float32Array(dims * count);
  if (LITTLE_ENDIAN) new Uint8Array(data.buffer).set(bytes);
  else for (let i = 0; i < data.length; i++) data[i] = bytes.readFloatLE(i * 4);
  return { dims, count, data };
}

/** Unit length, so cosine similarity is a plain dot product; a zero vector stays zero. */
export function normalized(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm === 0 || Math.abs(norm - 1) < 1e-6) return vector;
  return vector.map((value) => value / norm);
}

/**
 * Indices of the rows most similar to `query` (best first), among those
 * `allowed` accepts. Exact search, what a persona below APPROXIMATE_FROM
 * vectors uses (and any persona until its HNSW graph is built): its cost grows
 * with the rows, ≈ 15 ms at 10⁴ × 384 floats and ≈ 300 ms at 10⁵ here.
 */
export function nearestRows(
  matrix: VectorMatrix,
  query: Float32Array,
  limit: number,
  allowed: (index: number) => boolean = () => true,
): { index: number; similarity: number }[] {
  const unit = normalized(query);
  const scored: { index: number; similarity: number }[] = [];
  for (let row = 0; row < matrix.count; row++) {
    if (!allowed(row)) continue;
    let dot = 0;
    const offset = row * matrix.dims;
    for (let d = 0; d < matrix.dims; d++) dot += (matrix.data[offset + d] ?? 0) * (unit[d] ?? 0);
    scored.push({ index: row, similarity: dot });
  }
  return scored.sort((a, b) => b.similarity - a.similarity || a.index - b.index).slice(0, limit);
}
