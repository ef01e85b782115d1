/**
 * Text in UTF-16 without a byte-order mark has a zero high byte on every space,
 * digit, newline and Latin letter, so zeros are frequent and sit on one parity
 * only; 8-bit text has none and binary data has them everywhere. Shared by the
 * upload classifier (is it text?) and extraction (how to decode it).
 */
export function utf16ByteOrderOf(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  }
  const zeros = evenZeros + oddZeros;
  if (sample.length < 4 || zeros < sample.length * 0.02) return null;
  if (oddZeros >= zeros * 0.95) return 'utf-16le';
  if (evenZeros >= zeros * 0.95) return 'utf-16be';
  return null;
}
