// Verify the tiny test models through the REAL transformers.js pipelines, offline.
// Run from a directory whose node_modules has @huggingface/transformers (and onnxruntime-node):
//   cd <dir with @huggingface/transformers installed> && node <path to tests/models>/make/verify.mjs [llm] [embed] [vad] [asr] [tts]
// Audio checks need espeak-ng and sox on PATH.
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'x.js'));
const T = await import(pathToFileURL(require.resolve('@huggingface/transformers')).href);
const { env, pipeline, TextStreamer, AutoTokenizer } = T;
const MODELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
env.allowRemoteModels = false;
env.localModelPath = MODELS + '/';

let failures = 0;
function check(cond, msg) {
  console.log(`${cond ? 'PASS' : 'FAIL'} ${msg}`);
  if (!cond) failures++;
}
const short = (s) => JSON.stringify(s.length > 80 ? s.slice(0, 80) + '…' : s);

function readWav16(file) {
  const b = fs.readFileSync(file);
  let off = 12, fmt, data;
  while (off < b.length) {
    const id = b.toString('ascii', off, off + 4), sz = b.readUInt32LE(off + 4);
    if (id === 'fmt ') fmt = { ch: b.readUInt16LE(off + 10), sr: b.readUInt32LE(off + 12), bits: b.readUInt16LE(off + 22) };
    if (id === 'data') data = b.subarray(off + 8, off + 8 + sz);
    off += 8 + sz + (sz & 1);
  }
  if (fmt.bits !== 16 || fmt.ch !== 1) throw new Error('need mono 16-bit wav');
  const n = data.length / 2, out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = data.readInt16LE(2 * i) / 32768;
  return { sr: fmt.sr, samples: out };
}
function makeSpeechWav(text, padArgs = ['pad', '1', '1']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-'));
  const x = path.join(dir, 'x.wav'), y = path.join(dir, 'y.wav'), z = path.join(dir, 'z.wav');
  execFileSync('espeak-ng', ['-w', x, text]);
  execFileSync('sox', [x, '-r', '16000', '-c', '1', '-b', '16', y]);
  execFileSync('sox', [y, z, ...padArgs]);
  return readWav16(z);
}

async function verifyLLM() {
  console.log('--- llm-tiny-random: pipeline("text-generation")');
  const gen = await pipeline('text-generation', 'llm-tiny-random');
  const messages = [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'Привет! How are you?' },
  ];
  const tok = gen.tokenizer;
  for (const s of ['Hello world, this is a test.', 'Привет, мир! Это тест сервиса аватара.', 'Mixed: кот & dog 123 ёЁ']) {
    const ids = tok.encode(s);
    const back = tok.decode(ids, { skip_special_tokens: true });
    check(back === s, `tokenizer round-trip ${short(s)} -> ${ids.length} ids`);
  }
  const prompt = tok.apply_chat_template(messages, { tokenize: false, add_generation_prompt: true });
  check(prompt.endsWith('<|im_start|>assistant\n'), `chat_template renders (${prompt.length} chars)`);

  const opts = { max_new_tokens: 20, do_sample: false };
  const r1 = await gen(messages, opts);
  const r2 = await gen(messages, opts);
  const a1 = r1[0].generated_text.at(-1), a2 = r2[0].generated_text.at(-1);
  check(a1.role === 'assistant' && typeof a1.content === 'string' && a1.content.length > 0, `greedy output ${short(a1.content)}`);
  check(a1.content === a2.content, 'greedy output identical across two runs');

  // Count generated tokens via generate() directly
  const inputs = tok(prompt, { add_special_tokens: false });
  const outIds = await gen.model.generate({ ...inputs, max_new_tokens: 20, do_sample: false });
  const nNew = outIds.dims[1] - inputs.input_ids.dims[1];
  check(nNew === 20, `generate() produced ${nNew} new tokens (max_new_tokens 20)`);
  // KV-cache consistency: one full forward pass (no cache) must reproduce the cached greedy tokens
  const all = outIds.tolist()[0];
  const full = new T.Tensor('int64', BigInt64Array.from(all.slice(0, -1)), [1, all.length - 1]);
  const { logits } = await gen.model({ input_ids: full, attention_mask: T.ones_like(full) });
  const [_, S, V] = logits.dims, P = inputs.input_ids.dims[1];
  let same = 0;
  for (let i = P - 1; i < S; i++) {
    const row = logits.data.subarray(i * V, (i + 1) * V);
    let best = 0; for (let j = 1; j < V; j++) if (row[j] > row[best]) best = j;
    if (BigInt(best) === all[i + 1]) same++;
  }
  check(same === 20, `no-cache full forward reproduces ${same}/20 cached greedy tokens (KV cache consistent)`);

  // Streaming
  const pieces = [], tokenEvents = [];
  const streamer = new TextStreamer(tok, {
    skip_prompt: true,
    callback_function: (t) => pieces.push(t),
    token_callback_function: (ids) => tokenEvents.push(ids.length),
  });
  const r3 = await gen(messages, { ...opts, streamer });
  const finalText = r3[0].generated_text.at(-1).content;
  check(tokenEvents.length === 20 && tokenEvents.every((n) => n === 1), `streamer got ${tokenEvents.length} token callbacks of 1 token each`);
  check(pieces.join('') === finalText, `streamed text concat (${pieces.filter((p) => p).length} non-empty pieces) === final text`);

  // Cancellation: InterruptableStoppingCriteria interrupted from the streamer after 5 tokens
  const stop = new T.InterruptableStoppingCriteria();
  let seen = 0;
  const st2 = new TextStreamer(tok, { skip_prompt: true, callback_function: () => {}, token_callback_function: () => { if (++seen === 5) stop.interrupt(); } });
  const outCancel = await gen.model.generate({ ...inputs, max_new_tokens: 20, do_sample: false, streamer: st2, stopping_criteria: stop });
  const nCancel = outCancel.dims[1] - inputs.input_ids.dims[1];
  check(nCancel === 5, `interrupt() after 5 streamed tokens stops generation at ${nCancel} new tokens`);

  // Sampling
  const s1 = await gen(messages, { max_new_tokens: 20, do_sample: true, temperature: 0.9, top_k: 50 });
  const s2 = await gen(messages, { max_new_tokens: 20, do_sample: true, temperature: 1.5 });
  const c1 = s1[0].generated_text.at(-1).content, c2 = s2[0].generated_text.at(-1).content;
  check(c1.length > 0 && c2.length > 0, `sampling t=0.9 ${short(c1)} / t=1.5 ${short(c2)}`);

  // Batched plain text prompts (left padding)
  const b = await gen(['Hello', 'Привет, как дела? Расскажи историю.'], { max_new_tokens: 8, do_sample: false });
  const single = await gen('Hello', { max_new_tokens: 8, do_sample: false });
  check(b.length === 2 && b[0][0].generated_text.startsWith('Hello'), `batched generation (2 prompts, left-padded): ${short(b[0][0].generated_text)}`);
  check(b[0][0].generated_text === single[0].generated_text, 'batched (left-padded) result equals unbatched result');
  await gen.dispose();
}

async function verifyEmbed() {
  console.log('--- embed-tiny-random: pipeline("feature-extraction", { pooling: "mean", normalize: true })');
  const fe = await pipeline('feature-extraction', 'embed-tiny-random');
  const texts = ['Hello world, this is a test.', 'Привет, мир! Это тест.', 'The weather is sunny today.'];
  for (const s of texts.slice(0, 2)) {
    const enc = fe.tokenizer(s);
    const ids = enc.input_ids.tolist()[0].map(Number);
    const unk = fe.tokenizer.model?.unk_token_id ?? 1;
    check(ids.length > 3 && !ids.includes(unk), `tokenizes without [UNK]: ${short(s)} -> ${ids.length} ids ${JSON.stringify(fe.tokenizer.decode(ids, { skip_special_tokens: true }))}`);
  }
  const e1 = await fe(texts, { pooling: 'mean', normalize: true });
  const e2 = await fe(texts, { pooling: 'mean', normalize: true });
  const [n, d] = e1.dims;
  check(e1.dims.length === 2 && n === 3, `output dims [${e1.dims}]`);
  const rows = e1.tolist();
  const norms = rows.map((r) => Math.hypot(...r));
  check(norms.every((x) => Math.abs(x - 1) < 1e-4), `unit norm: ${norms.map((x) => x.toFixed(6)).join(', ')}`);
  check(e1.data.every((x, i) => x === e2.data[i]), 'deterministic across two calls');
  const cos = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);
  check(cos(rows[0], rows[1]) < 0.9999 && cos(rows[0], rows[2]) < 0.9999, `different texts differ: cos01=${cos(rows[0], rows[1]).toFixed(4)} cos02=${cos(rows[0], rows[2]).toFixed(4)}`);
  const single = await fe(texts[1], { pooling: 'mean', normalize: true });
  const maxdiff = Math.max(...single.tolist()[0].map((x, i) => Math.abs(x - rows[1][i])));
  check(maxdiff < 1e-5, `padded-batch row equals single-text embedding (max |diff| ${maxdiff.toExponential(2)})`);
  await fe.dispose();
}

async function verifyVad() {
  console.log('--- vad-silero (real weights): onnxruntime-node directly');
  const ort = await import(pathToFileURL(require.resolve('onnxruntime-node')).href);
  const sess = await ort.InferenceSession.create(path.join(MODELS, 'vad-silero', 'silero_vad.onnx'));
  console.log(`inputs ${JSON.stringify(sess.inputNames)} outputs ${JSON.stringify(sess.outputNames)}`);
  const { sr, samples } = makeSpeechWav('Hello world, this is a test of the avatar service. Привет, как дела?');
  check(sr === 16000, `wav ${sr} Hz, ${samples.length} samples (${(samples.length / sr).toFixed(2)} s incl. 1 s silence each side)`);
  const CHUNK = 512, CTX = 64; // 16 kHz: 512-sample window + 64 samples of context from the previous window
  let state = new ort.Tensor('float32', new Float32Array(2 * 1 * 128), [2, 1, 128]);
  const srT = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
  let ctx = new Float32Array(CTX);
  const probs = [];
  for (let off = 0; off + CHUNK <= samples.length; off += CHUNK) {
    const x = new Float32Array(CTX + CHUNK);
    x.set(ctx, 0); x.set(samples.subarray(off, off + CHUNK), CTX);
    const r = await sess.run({ input: new ort.Tensor('float32', x, [1, CTX + CHUNK]), state, sr: srT });
    probs.push(r.output.data[0]);
    state = r.stateN;
    ctx = x.slice(CHUNK);
  }
  const t = (i) => (i * CHUNK) / sr;
  const lead = probs.filter((_, i) => t(i + 1) <= 0.95), tail = probs.filter((_, i) => t(i) >= samples.length / sr - 0.95);
  const speech = probs.filter((_, i) => t(i) >= 1.1 && t(i + 1) <= samples.length / sr - 1.1);
  const mx = (a) => Math.max(...a), mean = (a) => a.reduce((s, x) => s + x, 0) / a.length;
  const frac = speech.filter((p) => p > 0.5).length / speech.length;
  console.log(`frames ${probs.length} (32 ms each); leading-silence max ${mx(lead).toFixed(3)}, trailing-silence max ${mx(tail).toFixed(3)}, speech mean ${mean(speech).toFixed(3)} max ${mx(speech).toFixed(3)}, speech frames >0.5: ${(100 * frac).toFixed(0)}%`);
  console.log('probabilities (x10, one digit per 32 ms frame): ' + probs.map((p) => Math.min(9, Math.floor(p * 10))).join(''));
  check(mx(lead) < 0.2 && mx(tail) < 0.3, 'silence frames stay low');
  check(mean(speech) > 0.5 && frac > 0.5, 'speech frames are high');
}

async function verifyASR() {
  console.log('--- asr-tiny-random: pipeline("automatic-speech-recognition")');
  const asr = await pipeline('automatic-speech-recognition', 'asr-tiny-random');
  console.log(`encoder inputs ${JSON.stringify(asr.model.sessions.model.inputNames)} outputs ${JSON.stringify(asr.model.sessions.model.outputNames)}`);
  console.log(`decoder inputs ${JSON.stringify(asr.model.sessions.decoder_model_merged.inputNames)}`);
  console.log(`decoder outputs ${JSON.stringify(asr.model.sessions.decoder_model_merged.outputNames)}`);
  const shortClip = makeSpeechWav('Hello world, this is a test of the avatar service.');
  const longClip = makeSpeechWav('Hello world, this is a test of the avatar service. Привет, как дела?', ['pad', '1', '1', 'repeat', '4']);
  console.log(`short clip ${(shortClip.samples.length / 16000).toFixed(2)} s, long clip ${(longClip.samples.length / 16000).toFixed(2)} s`);
  let t0 = Date.now();
  const r1 = await asr(shortClip.samples, { language: 'english', task: 'transcribe' });
  const r1b = await asr(shortClip.samples, { language: 'english', task: 'transcribe' });
  check(typeof r1.text === 'string' && r1.text.length > 0 && r1.text === r1b.text, `plain: text ${short(r1.text)} (deterministic, ${Date.now() - t0} ms for 2 runs)`);
  const r2 = await asr(shortClip.samples, { language: 'russian', return_timestamps: true });
  check(Array.isArray(r2.chunks) && r2.chunks.length >= 1 && r2.chunks.every((c) => c.timestamp.length === 2 && typeof c.timestamp[0] === 'number'),
    `return_timestamps: ${r2.chunks.length} chunk(s) ${JSON.stringify(r2.chunks.map((c) => c.timestamp))}`);
  t0 = Date.now();
  const r3 = await asr(longClip.samples, { language: 'english', return_timestamps: true, chunk_length_s: 30 });
  const ts = r3.chunks.map((c) => c.timestamp);
  console.log('chunks: ' + JSON.stringify(r3.chunks).slice(0, 400));
  check(r3.chunks.length >= 2 && ts.every(([a, b]) => typeof a === 'number' && typeof b === 'number' && b > a) && ts.every((x, i) => i === 0 || x[0] >= ts[i - 1][1]),
    `chunk_length_s 30 on ${(longClip.samples.length / 16000).toFixed(1)} s clip: ${r3.chunks.length} chunks ${JSON.stringify(ts)} in ${Date.now() - t0} ms`);
  const r4 = await asr(longClip.samples, { language: 'english', chunk_length_s: 30, stride_length_s: 5 });
  check(typeof r4.text === 'string' && r4.text.length > 0, `chunked without timestamps: text ${short(r4.text)}`);
  const silence = new Float32Array(16000 * 3);
  const r5 = await asr(silence, { language: 'english', return_timestamps: true });
  check(r5.text.trim() === '', `3 s of digital silence -> empty text ${JSON.stringify(r5)}`);
  // generation length limits are respected
  const feats = (await asr.processor(shortClip.samples)).input_features;
  const g = await asr.model.generate({ inputs: feats, max_new_tokens: 3, language: 'en', task: 'transcribe' });
  check(g.dims[1] === 4 + 3, `generate() with max_new_tokens 3 -> sequence length ${g.dims[1]} (4 prompt tokens + 3)`);
  const g2 = await asr.model.generate({ inputs: feats, language: 'en', task: 'transcribe' });
  check(g2.dims[1] <= 448 && Number(g2.data.at(-1)) === 50257, `generate() default config stops with <|endoftext|> at length ${g2.dims[1]} (max_length 448)`);
  await asr.dispose();
}

async function verifyTTS() {
  console.log('--- tts-tiny-random: pipeline("text-to-speech")');
  const tts = await pipeline('text-to-speech', 'tts-tiny-random');
  const enc = tts.tokenizer('Привет, Мир! Hi.');
  const ids = enc.input_ids.tolist()[0].map(Number);
  check(ids.length === 2 * 'привет, мир! hi.'.length + 1 && ids.every((x, i) => (i % 2 === 0) === (x === 0)) && !ids.includes(1),
    `tokenizer: ${ids.length} ids, blank(0) interleaved, no <unk>; decode -> ${JSON.stringify(tts.tokenizer.decode(ids))}`);
  const lens = [];
  for (const text of ['Hi.', 'Привет, мир!', 'Hello world, this is a longer sentence for the avatar. Это длинное предложение.']) {
    const out = await tts(text);
    const w = out.audio ?? out.data;
    const ok = w instanceof Float32Array && out.sampling_rate === 16000 && w.length > 0 && w.every(Number.isFinite);
    let peak = 0; for (const x of w) peak = Math.max(peak, Math.abs(x));
    check(ok && peak > 0.01 && peak <= 1, `${short(text)} -> Float32Array(${w.length}) @ ${out.sampling_rate} Hz = ${(w.length / out.sampling_rate).toFixed(2)} s, peak ${peak.toFixed(3)}`);
    lens.push(w.length);
  }
  check(lens[0] < lens[1] && lens[1] < lens[2], `waveform length grows with text length: ${lens.join(' < ')}`);
  const again = await tts('Привет, мир!');
  check((again.audio ?? again.data).length === lens[1], 'deterministic length across calls');
  await tts.dispose();
}

const which = process.argv.slice(2);
const all = { llm: verifyLLM, embed: verifyEmbed, vad: verifyVad, asr: verifyASR, tts: verifyTTS };
for (const w of which.length ? which : Object.keys(all)) {
  if (!all[w]) { console.log('unknown check', w); failures++; continue; }
  try { await all[w](); } catch (e) { failures++; console.log(`FAIL ${w}: ${e.stack ?? e}`); }
}
console.log(failures ? `${failures} FAILURE(S)` : 'ALL PASS');
process.exitCode = failures ? 1 : 0;
